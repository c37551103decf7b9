"""Dates, weekdays and times (SPEC §3.3). Placeholder: the real stage lands with issue 3."""

from __future__ import annotations

import functools

from .pipeline import Stage, check_choice, check_text

__all__ = ["normalize_dates", "dates_stage", "CALENDARS"]

CALENDARS = ("auto", "bd2019", "bd1987", "wb")


@functools.lru_cache(maxsize=None)
def dates_stage(*, calendar: str = "auto") -> Stage:
    check_choice("calendar", calendar, CALENDARS)
    return Stage("dates", (), (dates_stage, {"calendar": calendar}))


def normalize_dates(text: str, *, calendar: str = "auto") -> str:
    check_text(text)
    return dates_stage(calendar=calendar)(text)
