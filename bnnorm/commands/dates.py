"""``bnnorm dates FILE…``: list the dates and times found, one per line, as TSV or JSONL."""

from __future__ import annotations

import argparse
import datetime as _dt
import json
from typing import IO, Any, Iterator

from ._io import STDIN, check_inputs, display_name, iter_lines, open_output, tsv_field

EPILOG = """\
examples:
  bnnorm dates news.txt                       # TSV with a header row, stdout
  bnnorm dates --format jsonl news.txt -o dates.jsonl
  bnnorm dates --calendar wb kolkata.txt      # Bengali dates by the West Bengal rule
  bnnorm dates --kind times news.txt
  bnnorm dates --problems news.txt            # only impossible dates and weekday mismatches

columns (TSV; JSONL has the same keys, null for empty, plus every other field
of the match):
  file line kind start end text value calendar valid weekday
  weekday_consistent era period alternatives
start/end are character offsets into the line; value is the ISO date
(YYYY-MM-DD) or time (HH:MM[:SS]); alternatives lists the date under each
Bengali calendar rule (bd2019=...;bd1987=...;wb=...).

exit status:
  0    success (with --problems: none found)
  1    --problems found at least one invalid date or weekday mismatch
  2    bad usage, a missing or unreadable file, invalid UTF-8 (FILE:LINE)
  130  interrupted
"""

COLUMNS = (
    "file",
    "line",
    "kind",
    "start",
    "end",
    "text",
    "value",
    "calendar",
    "valid",
    "weekday",
    "weekday_consistent",
    "era",
    "period",
    "alternatives",
)


def register(subparsers: Any) -> None:
    from ..dates import CALENDARS

    p = subparsers.add_parser(
        "dates",
        help="list dates and times found in files",
        description="Find dates (Gregorian, Bengali calendar, Hijri) and times in FILEs (or stdin), one match per output line.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="input files; none or '-' reads stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--format", choices=("tsv", "jsonl"), default="tsv", help="output format (default tsv)")
    p.add_argument("--kind", choices=("all", "dates", "times"), default="all", help="what to list (default all)")
    p.add_argument("--calendar", choices=CALENDARS, default="auto", help="rule for Bengali-calendar dates (default auto)")
    p.add_argument(
        "--problems",
        action="store_true",
        help="list only invalid dates and weekday mismatches; exit status 1 if there are any",
    )
    p.add_argument("--errors", choices=("strict", "replace"), default="strict", help="invalid UTF-8: stop (strict) or replace")
    p.set_defaults(func=run)


def _json_value(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return ";".join(f"{k}={_tsv_cell(v)}" for k, v in value.items())
    return tsv_field(str(value))


def iter_records(text: str, *, kind: str = "all", calendar: str = "auto") -> Iterator[dict[str, Any]]:
    """The records ``bnnorm dates`` prints for one line of *text*, in order of position.

    >>> [r["value"] for r in iter_records("২০ ডিসেম্বর ২০২৫, রাত ৯টায়")]
    [datetime.date(2025, 12, 20), datetime.time(21, 0)]
    """
    from ..batch import match_fields
    from ..dates import find_dates, find_times

    found: list[dict[str, Any]] = []
    if kind in ("all", "dates"):
        for m in find_dates(text, calendar=calendar):
            found.append({"kind": "date", **match_fields(m, "date")})
    if kind in ("all", "times"):
        for t in find_times(text):
            found.append({"kind": "time", **match_fields(t, "time")})
    found.sort(key=lambda r: (r["start"], r["end"]))
    return iter(found)


def _is_problem(record: dict[str, Any]) -> bool:
    return record["kind"] == "date" and (record.get("valid") is False or record.get("weekday_consistent") is False)


def run(args: argparse.Namespace) -> int:
    files = args.files or [STDIN]
    check_inputs(files)
    problems = 0
    with open_output(args.output) as out:
        if args.format == "tsv":
            out.write("\t".join(COLUMNS) + "\n")
        for path in files:
            name = display_name(path)
            for lineno, text, _term in iter_lines(path, args.errors):
                for record in iter_records(text, kind=args.kind, calendar=args.calendar):
                    if args.problems and not _is_problem(record):
                        continue
                    problems += _is_problem(record)
                    if record["kind"] == "time" and not record.get("has_seconds", True):
                        # As normalize_dates writes it: HH:MM unless the text gave seconds.
                        record["value"] = record["time"] = record["value"].strftime("%H:%M")
                    _write(out, args.format, {"file": name, "line": lineno, **record})
    return 1 if args.problems and problems else 0


def _write(out: IO[str], fmt: str, record: dict[str, Any]) -> None:
    if fmt == "jsonl":
        out.write(json.dumps({k: _json_value(v) for k, v in record.items()}, ensure_ascii=False) + "\n")
    else:
        out.write("\t".join(_tsv_cell(record.get(c)) for c in COLUMNS) + "\n")
