"""Spelling variants (SPEC §3.4). Placeholder: the real stage lands with issue 4."""

from __future__ import annotations

import functools

from .pipeline import Stage, check_choice, check_text

__all__ = ["unify_spelling", "spelling_stage", "STANDARDS"]

STANDARDS = ("bd", "wb")


@functools.lru_cache(maxsize=None)
def spelling_stage(*, standard: str = "bd") -> Stage:
    check_choice("standard", standard, STANDARDS)
    return Stage("spelling", (), (spelling_stage, {"standard": standard}))


def unify_spelling(text: str, *, standard: str = "bd") -> str:
    check_text(text)
    return spelling_stage(standard=standard)(text)
