"""The phrase table ``tests/data/date_phrases.tsv`` and its notation, shared by
``tests/test_dates.py`` and ``benchmarks/bench_dates.py`` (see the table's header)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import NamedTuple

from bnnorm.dates import DateMatch, TimeMatch, find_dates, find_times
from bnnorm.script import read_table

PHRASES = Path(__file__).parent / "data" / "date_phrases.tsv"


class PhraseRow(NamedTuple):
    lineno: int
    kind: str
    phrase: str
    expect: list[str]
    normalized: str


def load_phrases() -> list[PhraseRow]:
    return [
        PhraseRow(
            row.line,
            row["kind"],
            row["phrase"],
            [item.strip() for item in row["expect"].split(" ; ") if item.strip()],
            row["normalized"],
        )
        for row in read_table(PHRASES)
    ]


def _value(d: datetime.date | None, day: int, month: int, year: int | None) -> str:
    if d is not None:
        return d.isoformat()
    if year is None:
        return f"--{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def render(m: DateMatch | TimeMatch) -> str:
    """A match in the table's notation (see the header of date_phrases.tsv)."""
    if isinstance(m, TimeMatch):
        return "T " + (m.time.strftime("%H:%M:%S") if m.has_seconds else m.time.strftime("%H:%M"))
    if not m.valid:
        return "D invalid"
    parts = ["D", _value(m.date, m.day, m.month, m.year)]
    if m.calendar != "gregorian":
        parts.append(f"cal={m.calendar}")
    if m.weekday is not None:
        flag = {True: "ok", False: "bad", None: ""}[m.weekday_consistent]
        parts.append(f"wd={m.weekday}{flag}")
    if m.end_day is not None:
        parts.append("to=" + _value(m.end_date, m.end_day, m.month, m.year))
    return " ".join(parts)


def found(text: str) -> list[str]:
    """Every date and time bnnorm finds in *text*, in order, in the table's notation."""
    matches: list[DateMatch | TimeMatch] = [*find_dates(text), *find_times(text)]
    return [render(m) for m in sorted(matches, key=lambda m: m.start)]
