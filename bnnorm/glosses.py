"""Parenthetical English glosses (SPEC §3.5). Placeholder: the real stage lands with issue 5."""

from __future__ import annotations

import functools

from .pipeline import Stage, check_text

__all__ = ["strip_glosses", "gloss_stage"]


@functools.lru_cache(maxsize=None)
def gloss_stage() -> Stage:
    return Stage("glosses", (), (gloss_stage, {}))


def strip_glosses(text: str) -> str:
    check_text(text)
    return gloss_stage()(text)
