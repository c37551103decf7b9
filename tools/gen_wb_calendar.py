#!/usr/bin/env python3
"""Print the West Bengal (``wb``) month starts as TSV, for checking against an almanac.

The library computes these on demand (bnnorm.calendar, Surya Siddhanta sun and
the Bengal midnight rule); nothing here is shipped.  Use it to compare a printed
panjika or a web calendar with the library, year by year:

    python tools/gen_wb_calendar.py 1430 1435 > /tmp/wb.tsv

Columns: year, month (1..12), month name, first day (Gregorian), length in days,
the sankranti moment (IST) that opens the month, and whether it is within 45
minutes of midnight (``near_midnight``: almanacs may differ by a day there).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from bnnorm import calendar as cal

HEADER = ("year", "month", "name", "first_day", "length", "sankranti_ist", "near_midnight")


def rows(first_year: int, last_year: int) -> Iterator[tuple[str, ...]]:
    """One row per month of Bengali years *first_year*..*last_year* (inclusive)."""
    for year in range(first_year, last_year + 1):
        for month in range(1, 13):
            yield (
                str(year),
                str(month),
                cal.MONTH_NAMES_LATIN[month],
                cal.month_start(year, month, "wb").isoformat(),
                str(cal.month_length(year, month, "wb")),
                cal.sankranti(year, month).strftime("%Y-%m-%d %H:%M:%S"),
                "yes" if cal.wb_near_midnight(year, month) else "no",
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first_year", type=int, help="first Bengali year, e.g. 1430")
    parser.add_argument("last_year", type=int, nargs="?", help="last Bengali year (default: first)")
    args = parser.parse_args(argv)
    last = args.first_year if args.last_year is None else args.last_year
    if last < args.first_year:
        parser.error("last_year is before first_year")
    out = sys.stdout
    out.write("\t".join(HEADER) + "\n")
    for row in rows(args.first_year, last):
        out.write("\t".join(row) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
