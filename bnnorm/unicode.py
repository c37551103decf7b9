"""Unicode repair (SPEC §3.1). Placeholder: the real stage lands with issue 2."""

from __future__ import annotations

import functools

from .pipeline import Stage, check_choice, check_text

__all__ = ["fix_unicode", "unicode_stage", "whitespace_stage"]


@functools.lru_cache(maxsize=None)
def unicode_stage(*, quotes: str = "keep") -> Stage:
    check_choice("quotes", quotes, ("keep", "ascii"))
    return Stage("unicode", (), (unicode_stage, {"quotes": quotes}))


@functools.lru_cache(maxsize=None)
def whitespace_stage() -> Stage:
    return Stage("whitespace", (), (whitespace_stage, {}))


def fix_unicode(text: str, *, quotes: str = "keep") -> str:
    check_text(text)
    return unicode_stage(quotes=quotes)(text)
