"""Dates, weekdays and times (SPEC §3.3): finders ``find_dates``, ``find_times``
and the stage ``normalize_dates``.

What is recognized (Bengali or ASCII digits):

* day–month[–year]: ``২০ ডিসেম্বর ২০২৫``, ``২০শে ডিসেম্বর, ২০২৫``, ``১লা জানুয়ারি``,
  ``পয়লা বৈশাখ``, ``৬ পৌষ ১৪৩২ বঙ্গাব্দ``, ``২৯ জমাদিউস সানি ১৪৪৭ হিজরি``,
  ``3 September 2025``; ranges ``১০-১২ ডিসেম্বর``;
* month–day–year: ``ডিসেম্বর ২০, ২০২৫``, ``Sep 03, 2025``;
* year first: ``২০২৫ সালের ২০ ডিসেম্বর``;
* numeric, day first: ``২০/১২/২০২৫``, ``২০-১২-২০২৫ ইং``; ISO ``২০২৫-১২-২০``;
* a weekday before or after a date (``শনিবার, ...``, ``বুধবার (৩ সেপ্টেম্বর)``,
  ``Sunday, November 2, 2025``) is attached to it and checked against it;
* times: ``১০:৩১:১৮ অপরাহ্ন``, ``সকাল ১০টা``, ``রাত ৯টা ৩০ মিনিটে``,
  ``বিকেল সাড়ে ৪টায়``, ``10:31 pm``, ``৫টায়``.

Every name and spelling (months of three calendars, weekdays, era words, day
words, periods of the day) lives in ``data/dates/*.tsv``; this module only
knows the shapes.  One pattern, built lazily from those tables (alternations
longest first, every repetition bounded), finds candidates in a single scan;
a callback validates and converts them.  The finders and the stage share
that scan, so the stage's edits are exactly the finders' matches.

What is *not* a date: a bare number or year (``২০২২ সালে ২০ জন``), ``১০
সদস্যের``, scores ``২-১``, phone numbers, ``৮০তম``, prices; relative words
(``গতকাল``) -- there is no clock here; Bengali short weekday words (``রবি``,
``সোম``), which are names and ordinary words.  Month names that are also
ordinary words (``সফর`` trip, ``জ্যেষ্ঠ`` senior, ``রজব``) and abbreviations
count only in a date with a year.  ``৫টা`` alone is a count (``৫টা বই``), not
a time.

>>> [str(m.date) for m in find_dates("শনিবার, ২০ ডিসেম্বর ২০২৫, ৬ পৌষ ১৪৩২ বঙ্গাব্দ")]
['2025-12-20', '2025-12-21']
>>> normalize_dates("শনিবার, ২০ ডিসেম্বর ২০২৫, ৬ পৌষ ১৪৩২ বঙ্গাব্দ")
'শনিবার, 2025-12-20, 2025-12-21'
>>> normalize_dates("বিকেল সাড়ে ৪টায় রোববার")
'16:30 রবিবার'
"""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

import regex

from .pipeline import Edit, Pass, Stage, apply_edits, check_choice, check_text
from .script import TableError, load_table, nfc, once

__all__ = [
    "normalize_dates",
    "dates_stage",
    "find_dates",
    "find_times",
    "DateMatch",
    "TimeMatch",
    "CALENDARS",
]

#: Allowed values of ``calendar`` (how a Bengali-calendar date is converted).
CALENDARS = ("auto", "bd2019", "bd1987", "wb")

# --------------------------------------------------------------------------
# matches
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class DateMatch:
    """A date found in text.

    ``date`` is the Gregorian ``datetime.date`` (``None`` when the text has no
    year, for Hijri dates, and for impossible dates).  ``calendar`` is the
    calendar the text is written in: ``"gregorian"``, ``"bd2019"``,
    ``"bd1987"``, ``"wb"`` (a Bengali-calendar date, converted by that rule)
    or ``"hijri"`` (recognized, never converted).  ``day``, ``month`` (1..12 of
    ``calendar``) and ``year`` (``None`` if absent) are as written.  A range
    (``১০-১২ ডিসেম্বর``) has ``end_day`` and ``end_date``.  ``weekday`` is the
    attached weekday word (0 = Monday .. 6 = Sunday, or ``None``);
    ``weekday_consistent`` says whether it agrees with ``date`` (``None`` when
    there is nothing to check).  ``alternatives`` gives, for a Bengali-calendar
    date with a year, the Gregorian date under every system
    (``{"bd2019": ..., "bd1987": ..., "wb": ...}``; ``None`` where the day does
    not exist).
    """

    start: int
    end: int
    text: str
    date: _dt.date | None
    calendar: str
    day: int
    month: int
    year: int | None
    valid: bool
    weekday: int | None = None
    weekday_consistent: bool | None = None
    end_day: int | None = None
    end_date: _dt.date | None = None
    era: str | None = None
    alternatives: Mapping[str, _dt.date | None] = field(default_factory=dict, compare=False)

    @property
    def is_range(self) -> bool:
        return self.end_day is not None


@dataclass(frozen=True)
class TimeMatch:
    """A clock time found in text: ``time`` (``datetime.time``), the period word
    that set a.m./p.m. (``None`` if none), and whether seconds were written."""

    start: int
    end: int
    text: str
    time: _dt.time
    period: str | None = None
    has_seconds: bool = False


# --------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------

_MONTH_KINDS = ("gregorian", "english", "bengali", "hijri")
_WEEKDAY_KINDS = ("bengali", "english", "english_abbr")
_ERA_KINDS = ("bengali", "common", "generic", "hijri", "bce")
_ERA_CASES = ("", "এ", "এর")
_DAY_KINDS = ("ordinal_suffix", "day_word")
_TIME_KINDS = ("period", "hour_word", "fraction")
_PERIOD_RULES = ("as_is", "am", "pm", "noon", "night", "midnight")
_POSITIONS = ("before", "after", "both")

_NUKTA_PRECOMPOSED = {"য\u09bc": "\u09df", "ড\u09bc": "\u09dc", "ঢ\u09bc": "\u09dd"}


def _key(form: str) -> str:
    """Lookup key of a written form: NFC (nukta letters decomposed), no trailing dot, lower case."""
    return nfc(form).rstrip(".").lower()


def _lit(form: str) -> str:
    """A regex for the literal *form* that also accepts precomposed nukta letters (U+09DC/D/F)."""
    out = regex.escape(form, special_only=True)
    for decomposed, precomposed in _NUKTA_PRECOMPOSED.items():
        out = out.replace(decomposed, f"(?:{decomposed}|{precomposed})")
    return out


def _alternation(forms: list[str]) -> str:
    """Longest first, so that a prefix never wins over the whole word."""
    unique = sorted(set(forms), key=lambda f: (-len(f), f))
    return "(?:" + "|".join(_lit(f) for f in unique) + ")"


class _Lookup(dict):
    """A dict that refuses conflicting entries, naming the table row."""

    def put(self, key: str, value: Any, row: Any) -> None:
        if key in self and self[key] != value:
            raise TableError(f"{row.where}: {key!r} conflicts with an earlier row ({self[key]!r})")
        self[key] = value


def _check(row: Any, column: str, allowed: tuple[str, ...]) -> str:
    value = row[column]
    if value not in allowed:
        raise TableError(f"{row.where}: {column}={value!r} not one of {', '.join(allowed)}")
    return value


def _int(row: Any, column: str, lo: int, hi: int) -> int:
    try:
        value = int(row[column])
    except ValueError:
        raise TableError(f"{row.where}: {column}={row[column]!r} is not a number") from None
    if not lo <= value <= hi:
        raise TableError(f"{row.where}: {column}={value} outside {lo}..{hi}")
    return value


@dataclass(frozen=True)
class _Tables:
    months: dict[str, tuple[str, int]]  # key -> (kind, month)
    weekdays: dict[str, int]
    weekday_canonical: dict[int, str]  # Bengali canonical spelling
    eras: dict[str, tuple[str, str]]  # key -> (kind, case)
    day_words: dict[str, int]
    periods: dict[str, str]  # key -> rule
    hour_words: dict[str, tuple[int, int]]
    fractions: dict[str, int]
    pattern: Any
    prefilter: Any


def _english_variants(form: str) -> list[str]:
    return [form, form.upper()] if form != form.upper() else [form]


@once
def _tables() -> _Tables:
    months = _Lookup()
    free_months: list[str] = []  # accepted in any date
    year_months: list[str] = []  # only in a date with a year (ambiguous words, abbreviations)
    for row in load_table("dates/months.tsv", ("kind", "month", "form", "flags")):
        kind = _check(row, "kind", _MONTH_KINDS)
        month = _int(row, "month", 1, 12)
        flags = set(filter(None, (f.strip() for f in row["flags"].split(","))))
        unknown = flags - {"canonical", "ambiguous", "abbr"}
        if unknown:
            raise TableError(f"{row.where}: unknown flag(s) {', '.join(sorted(unknown))}")
        forms = _english_variants(row["form"]) if kind == "english" else [row["form"]]
        if "abbr" in flags:
            forms = forms + [f + "." for f in forms]
        lookup_kind = "gregorian" if kind == "english" else kind
        months.put(_key(row["form"]), (lookup_kind, month), row)
        (year_months if flags & {"ambiguous", "abbr"} else free_months).extend(forms)

    weekdays = _Lookup()
    canonical: dict[int, str] = {}
    bengali_weekdays: list[str] = []
    all_weekdays: list[str] = []
    for row in load_table("dates/weekdays.tsv", ("kind", "weekday", "form", "flags")):
        kind = _check(row, "kind", _WEEKDAY_KINDS)
        wd = _int(row, "weekday", 0, 6)
        weekdays.put(_key(row["form"]), wd, row)
        if kind == "bengali":
            bengali_weekdays.append(row["form"])
            all_weekdays.append(row["form"])
            if "canonical" in row["flags"]:
                if wd in canonical:
                    raise TableError(f"{row.where}: second canonical spelling for weekday {wd}")
                canonical[wd] = row["form"]
        else:
            all_weekdays.extend(_english_variants(row["form"]))
    if sorted(canonical) != list(range(7)):
        raise TableError("dates/weekdays.tsv: every weekday needs one canonical Bengali spelling")

    eras = _Lookup()
    era_forms: list[str] = []
    genitive_eras: list[str] = []
    for row in load_table("dates/eras.tsv", ("kind", "form", "case")):
        kind = _check(row, "kind", _ERA_KINDS)
        case = _check(row, "case", _ERA_CASES)
        eras.put(_key(row["form"]), (kind, case), row)
        era_forms.append(row["form"])
        if case == "এর" and kind in ("generic", "common", "bengali"):
            genitive_eras.append(row["form"])

    day_words = _Lookup()
    ordinals: list[str] = []
    for row in load_table("dates/days.tsv", ("kind", "form", "value")):
        kind = _check(row, "kind", _DAY_KINDS)
        if kind == "day_word":
            day_words.put(_key(row["form"]), _int(row, "value", 1, 31), row)
        else:
            ordinals.append(row["form"])

    periods = _Lookup()
    before: list[str] = []
    after: list[str] = []
    hour_words = _Lookup()
    fractions = _Lookup()
    for row in load_table("dates/times.tsv", ("kind", "form", "rule", "position")):
        kind = _check(row, "kind", _TIME_KINDS)
        if kind == "period":
            periods.put(_key(row["form"]), _check(row, "rule", _PERIOD_RULES), row)
            position = _check(row, "position", _POSITIONS)
            if position in ("before", "both"):
                before.append(row["form"])
            if position in ("after", "both"):
                after.append(row["form"])
        elif kind == "hour_word":
            h, _, m = row["rule"].partition(":")
            if not (h.isdigit() and m.isdigit()):
                raise TableError(f"{row.where}: hour_word rule must be H:MM, not {row['rule']!r}")
            hour_words.put(_key(row["form"]), (int(h), int(m)), row)
        else:
            try:
                fractions.put(_key(row["form"]), int(row["rule"]), row)
            except ValueError:
                raise TableError(f"{row.where}: fraction rule must be minutes, not {row['rule']!r}") from None

    pattern = _build_pattern(
        free_months=free_months,
        year_months=year_months,
        weekdays=all_weekdays,
        bengali_weekdays=bengali_weekdays,
        eras=era_forms,
        genitive_eras=genitive_eras,
        ordinals=ordinals,
        day_words=list(day_words),
        periods_before=before,
        periods_after=after,
        hour_words=list(hour_words),
        fractions=list(fractions),
    )
    # Every match needs a digit, a weekday word, a day word or an hour word:
    # lines with none of them are skipped by one cheap search.
    trigger = _alternation(bengali_weekdays + list(day_words) + list(hour_words))
    prefilter = regex.compile(f"[0-9০-৯]|{trigger}")
    return _Tables(
        months=dict(months),
        weekdays=dict(weekdays),
        weekday_canonical=canonical,
        eras=dict(eras),
        day_words=dict(day_words),
        periods=dict(periods),
        hour_words=dict(hour_words),
        fractions=dict(fractions),
        pattern=pattern,
        prefilter=prefilter,
    )


# --------------------------------------------------------------------------
# the pattern
# --------------------------------------------------------------------------

_D = "[0-9০-৯]"
_SP = "[ \u00a0]"
_NOT_WORD_AFTER = r"(?![\p{L}\p{M}])"
# A number starts here: not inside a word or a longer number (phone numbers,
# 2024-25, 1.5.2) -- the same guard for every branch that starts with a digit.
_NUM_START = r"(?<![\p{L}\p{M}\p{N}])(?<!\p{N}[-/.:,])"
_NUM_END = r"(?!\p{N})"
# Case endings a month name or weekday may carry (ডিসেম্বরে, জুলাইয়ের, মে-তে, রবিবারের).
_CASE = "(?:-?(?:এর|এ|তে|য়ের|য়ে|য়ের|য়ে|ের|ে|র|ও|ই))"
_PERIOD_CASE = "(?:ের|ে|য়|য়|এ|র)"


def _build_pattern(**t: list[str]) -> Any:
    month_free = _alternation(t["free_months"])
    month_year = _alternation(t["year_months"])
    month_any = _alternation(t["free_months"] + t["year_months"])
    weekday = _alternation(t["weekdays"])
    era = _alternation(t["eras"])
    gen_era = _alternation(t["genitive_eras"])
    ordinal = _alternation(t["ordinals"])
    day_word = _alternation(t["day_words"])

    year = f"(?P<year>[12১২]{_D}{{3}}){_NUM_END}"
    era_part = f"(?:{_SP}{{0,2}}(?P<era>{era}){_NOT_WORD_AFTER})?"
    year_part = f"(?:,?{_SP}{{1,2}}|,){year}{era_part}"
    day_num = f"(?P<day>{_D}{{1,2}}){_NUM_END}(?:{_SP}?(?P<ord>{ordinal}))?"
    day_range = (
        f"(?:{_SP}{{0,2}}(?:[-–—]|থেকে|হতে|to){_SP}{{0,2}}"
        f"(?P<day2>{_D}{{1,2}}){_NUM_END}(?:{_SP}?{ordinal})?)?"
    )
    day_part = f"(?:{_NUM_START}{day_num}{day_range}|(?<![\\p{{L}}\\p{{M}}])(?P<dayword>{day_word}))"
    dm_sep = f"(?:{_SP}{{0,2}}|{_SP}?-{_SP}?)"
    # A month that is also an ordinary word (or an abbreviation) needs a year.
    month_then_year = (
        f"(?:(?P<month>{month_year})\\.?{_NOT_WORD_AFTER}{year_part}"
        f"|(?P<month>{month_free})(?:(?P<msuf>{_CASE}){_NOT_WORD_AFTER}|{_NOT_WORD_AFTER}(?:{year_part})?))"
    )
    date_dm = f"{day_part}{dm_sep}{month_then_year}"
    date_mdy = (
        f"(?<![\\p{{L}}\\p{{M}}])(?P<month>{month_any})\\.?{_NOT_WORD_AFTER}{_SP}{{1,2}}"
        f"(?P<day>{_D}{{1,2}}){_NUM_END}(?:{ordinal})?(?:,{_SP}{{0,2}}|{_SP}{{1,2}}){year}{era_part}"
    )
    # year first: the month is last and may carry a case ending (ডিসেম্বরে)
    date_year_first = (
        f"{_NUM_START}{year}{_SP}{{1,2}}(?P<yfera>{gen_era}){_SP}{{1,2}}{day_part}{dm_sep}"
        f"(?P<month>{month_any})(?P<msuf>{_CASE})?{_NOT_WORD_AFTER}"
    )
    num_end = r"(?!\p{N}|[-/.]\p{N})"
    date_numeric = (
        f"{_NUM_START}(?P<day>{_D}{{1,2}})(?P<nsep>[-/.])(?P<nmon>{_D}{{1,2}})(?P=nsep){year}{num_end}{era_part}"
    )
    date_iso = f"{_NUM_START}{year}(?P<nsep>[-/])(?P<nmon>{_D}{{1,2}})(?P=nsep)(?P<day>{_D}{{1,2}}){num_end}"
    core = f"(?P<core>{date_year_first}|{date_iso}|{date_numeric}|{date_dm}|{date_mdy})"
    wd_sep = f"{_SP}{{0,2}}(?:[,|\\-–—(]{_SP}{{0,2}})?"
    wd_before = f"(?:(?<![\\p{{L}}\\p{{M}}])(?P<wd>{weekday})(?:{_CASE})?{_NOT_WORD_AFTER}\\.?{wd_sep})?"
    wd_after = f"(?:{wd_sep}(?P<wd2>{weekday})(?:{_CASE})?{_NOT_WORD_AFTER})?"
    date = f"{wd_before}{core}{wd_after}"

    per_before = _alternation(t["periods_before"])
    per_after = _alternation(t["periods_after"])
    fraction = _alternation(t["fractions"])
    hour_word = _alternation(t["hour_words"])
    period_lead = f"(?:(?<![\\p{{L}}\\p{{M}}])(?P<per>{per_before}){_PERIOD_CASE}?{_NOT_WORD_AFTER}{_SP}{{1,2}})?"
    period_tail = f"(?:{_SP}{{0,2}}(?P<per2>{per_after})(?![\\p{{L}}\\p{{M}}.]|\\.\\p{{L}}))?"
    clock_word = f"(?:{_SP}?(?:টা(?:য়|য়|র)?|মিনিট(?:ে)?){_NOT_WORD_AFTER})?"
    time_colon = (
        f"{period_lead}{_NUM_START}(?P<h>{_D}{{1,2}}):(?P<mi>{_D}{{2}})(?::(?P<se>{_D}{{2}}))?"
        f"(?!\\p{{N}}|[:.]\\p{{N}}){clock_word}{period_tail}"
    )
    time_hour = (
        f"{period_lead}(?:(?P<frac>{fraction}){_SP}{{1,2}})?"
        f"(?:{_NUM_START}(?P<h>{_D}{{1,2}}){_NUM_END}{_SP}?|(?<![\\p{{L}}\\p{{M}}])(?P<hw>{hour_word}))"
        f"(?P<ta>টা(?:য়|য়|র)?){_NOT_WORD_AFTER}"
        f"(?:{_SP}{{1,2}}(?P<mi>{_D}{{1,2}}){_NUM_END}{_SP}?মিনিট(?:ের|ে)?"
        f"(?:{_SP}{{1,2}}(?P<se>{_D}{{1,2}}){_NUM_END}{_SP}?সেকেন্ড(?:ে)?)?{_NOT_WORD_AFTER})?"
    )
    time_ampm = (
        f"{_NUM_START}(?P<h>{_D}{{1,2}})(?:[.:](?P<mi>{_D}{{2}}))?{_NUM_END}{_SP}?"
        f"(?P<per2>{per_after})(?![\\p{{L}}\\p{{M}}.]|\\.\\p{{L}})"
    )
    time = f"(?P<tcore>{time_colon}|{time_hour}|{time_ampm})"
    lone_weekday = f"(?<![\\p{{L}}\\p{{M}}])(?P<swd>{_alternation(t['bengali_weekdays'])})(?={_CASE}?{_NOT_WORD_AFTER})"
    return regex.compile(f"{date}|{time}|{lone_weekday}", regex.V0)


# --------------------------------------------------------------------------
# conversion
# --------------------------------------------------------------------------

_DIGIT_VALUES = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_BENGALI_SYSTEMS = ("bd2019", "bd1987", "wb")


def _num(s: str) -> int:
    return int(s.translate(_DIGIT_VALUES))


def _gregorian(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _bengali(year: int, month: int, day: int, system: str) -> _dt.date | None:
    from . import calendar as _cal  # the arithmetic; imported late, it is not needed at import

    try:
        return _cal.to_gregorian(year, month, day, system=system)
    except ValueError:
        return None


def _resolve(calendar: str, year: int | None) -> str:
    if calendar != "auto":
        return calendar
    from . import calendar as _cal

    return _cal.resolve_system("auto", year=year) if year is not None else "bd2019"


@dataclass(frozen=True)
class _Found:
    """One scan hit: a date, a time or a lone weekday, with the edits it makes."""

    match: DateMatch | TimeMatch | None
    edits: tuple[Edit, ...]


_CASE_OUT = {"ে": "এ", "এ": "এ", "য়ে": "এ", "য়ে": "এ", "ের": "এর", "এর": "এর", "য়ের": "এর", "য়ের": "এর", "র": "এর"}


def _case_suffix(suffix: str | None) -> str:
    """What a case ending on the consumed month word becomes after the ISO date: ``-এ``, ``-এর``..."""
    if not suffix:
        return ""
    s = suffix.lstrip("-")
    return "-" + _CASE_OUT.get(s, s)


def _weekday_edit(t: _Tables, m: Any, group: str) -> tuple[int | None, tuple[Edit, ...]]:
    word = m.group(group)
    if word is None:
        return None, ()
    wd = t.weekdays[_key(word)]
    canonical = t.weekday_canonical[wd]
    if _key(word) != _key(canonical) and regex.match(r"\p{Bengali}", word):
        return wd, (Edit(m.start(group), m.end(group), canonical, "weekday_spelling"),)
    return wd, ()


def _date_hit(t: _Tables, m: Any, calendar: str) -> _Found:
    text = m.group()
    if m.group("dayword") is not None:
        day = t.day_words[_key(m.group("dayword"))]
    else:
        day = _num(m.group("day"))
    day2 = _num(m.group("day2")) if m.group("day2") is not None else None
    year = _num(m.group("year")) if m.group("year") is not None else None
    era_word = m.group("era") or m.group("yfera")
    era_kind, era_case = t.eras[_key(era_word)] if era_word else ("", "")
    if m.group("nmon") is not None:
        kind, month = "gregorian", _num(m.group("nmon"))
    else:
        kind, month = t.months[_key(m.group("month"))]

    def convert(d: int) -> tuple[_dt.date | None, bool]:
        """(Gregorian date or None, valid) for day *d* of the matched month and year."""
        if not 1 <= d <= 31 or not 1 <= month <= 12 or era_kind == "bce":
            return None, False
        if kind == "hijri":
            return None, d <= 30
        if year is None:
            if kind == "gregorian":
                return None, d <= _MONTH_DAYS[month - 1]
            return None, d <= (32 if system == "wb" else 31)
        if kind == "gregorian":
            g = _gregorian(year, month, d)
        else:
            g = _bengali(year, month, d, system)
        return g, g is not None

    system = _resolve(calendar, year) if kind == "bengali" else kind
    date, valid = convert(day)
    end_date = None
    if day2 is not None:
        end_date, valid2 = convert(day2)
        valid = valid and valid2 and day2 > day
    alternatives: dict[str, _dt.date | None] = {}
    if kind == "bengali" and year is not None and valid:
        alternatives = {s: _bengali(year, month, day, s) for s in _BENGALI_SYSTEMS}

    wd, wd_edits = _weekday_edit(t, m, "wd")
    if wd is None:
        wd, wd_edits = _weekday_edit(t, m, "wd2")
    consistent = None
    if wd is not None and date is not None and day2 is None:
        consistent = date.weekday() == wd

    start = m.start()
    match = DateMatch(
        start=start,
        end=m.end(),
        text=text,
        date=date if valid else None,
        calendar=system,
        day=day,
        month=month,
        year=year,
        valid=valid,
        weekday=wd,
        weekday_consistent=consistent if valid else None,
        end_day=day2,
        end_date=end_date if valid else None,
        era=era_word,
        alternatives=alternatives,
    )
    edits = list(wd_edits)
    if valid and date is not None:
        iso = date.isoformat() if end_date is None else f"{date.isoformat()}/{end_date.isoformat()}"
        iso += _case_suffix(m.group("msuf")) if m.group("yfera") else ("-" + era_case if era_case else "")
        edits.append(Edit(m.start("core"), m.end("core"), iso, "date_iso" if day2 is None else "range_iso"))
        edits.sort()
    return _Found(match, tuple(edits))


def _to_24h(hour: int, rule: str | None) -> int:
    if rule is None or hour > 12:
        return hour
    if rule == "am":
        return 0 if hour == 12 else hour
    if rule == "pm":
        return hour if hour == 12 else hour + 12
    if rule == "noon":
        return hour + 12 if hour < 9 else hour
    if rule == "night":
        if hour == 12:
            return 0
        return hour + 12 if hour >= 6 else hour
    if rule == "midnight":
        return 0 if hour == 12 else hour
    return hour  # as_is


def _time_hit(t: _Tables, m: Any) -> _Found:
    per = m.group("per2") or m.group("per")
    rule = t.periods[_key(per)] if per else None
    minute = _num(m.group("mi")) if m.group("mi") is not None else 0
    second = _num(m.group("se")) if m.group("se") is not None else None
    if m.group("hw") is not None:
        hour, minute = t.hour_words[_key(m.group("hw"))]
    else:
        hour = _num(m.group("h"))
    frac = m.group("frac")
    ta = m.group("ta")
    if ta is not None:
        # "৫টা" alone is a count (৫টা বই); a time needs a period, a fraction,
        # minutes, or the locative "টায়" ("at five").
        locative = ta not in ("টা", "টার")
        if not (per or frac or m.group("mi") is not None or locative):
            return _Found(None, ())
    if frac is not None:
        if not 1 <= hour <= 12:
            return _Found(None, ())
        total = hour * 60 + minute + t.fractions[_key(frac)]
        hour, minute = divmod(total % (12 * 60), 60)
        if hour == 0:
            hour = 12
    if rule is not None and not 0 <= hour <= 12 and hour > 23:
        return _Found(None, ())
    hour24 = _to_24h(hour, rule)
    if not (0 <= hour24 <= 23 and 0 <= minute <= 59 and (second is None or 0 <= second <= 59)):
        return _Found(None, ())
    if rule in ("am", "pm") and hour == 0:
        return _Found(None, ())
    time = _dt.time(hour24, minute, second or 0)
    out = f"{hour24:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")
    match = TimeMatch(m.start(), m.end(), m.group(), time, per, second is not None)
    return _Found(match, (Edit(m.start(), m.end(), out, "time_24h"),))


def _scan(text: str, calendar: str) -> list[_Found]:
    t = _tables()
    if not t.prefilter.search(text):
        return []
    out: list[_Found] = []
    for m in t.pattern.finditer(text):
        if m.group("core") is not None:
            out.append(_date_hit(t, m, calendar))
        elif m.group("tcore") is not None:
            out.append(_time_hit(t, m))
        else:
            _wd, edits = _weekday_edit(t, m, "swd")
            if edits:
                out.append(_Found(None, edits))
    return out


# --------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------


def find_dates(text: str, *, calendar: str = "auto") -> list[DateMatch]:
    """Every date in *text*, in order, valid or not (see :class:`DateMatch`).

    *calendar* says how Bengali-calendar dates are converted: ``"auto"`` (the
    Bangladesh rule in force for the year: ``bd2019`` from 1426, ``bd1987``
    before), ``"bd2019"``, ``"bd1987"`` or ``"wb"``.

    >>> m = find_dates("৬ পৌষ ১৪৩২ বঙ্গাব্দ")[0]
    >>> m.date, m.calendar, m.alternatives["bd1987"]
    (datetime.date(2025, 12, 21), 'bd2019', datetime.date(2025, 12, 20))
    >>> m = find_dates("রবিবার, ২০ ডিসেম্বর ২০২৫")[0]
    >>> m.weekday, m.weekday_consistent
    (6, False)
    >>> m = find_dates("বুধবার (৩ সেপ্টেম্বর)")[0]
    >>> m.date, m.day, m.month, m.weekday
    (None, 3, 9, 2)
    >>> find_dates("৩১ ফেব্রুয়ারি ২০২৫")[0].valid
    False
    """
    check_text(text)
    check_choice("calendar", calendar, CALENDARS)
    return [f.match for f in _scan(text, calendar) if isinstance(f.match, DateMatch)]


def find_times(text: str) -> list[TimeMatch]:
    """Every clock time in *text*, in order (see :class:`TimeMatch`).

    >>> [str(m.time) for m in find_times("রাত ৯টা ৩০ মিনিটে, বিকেল সাড়ে ৪টায়, ১০:৩১:১৮ অপরাহ্ন")]
    ['21:30:00', '16:30:00', '22:31:18']
    """
    check_text(text)
    return [f.match for f in _scan(text, "auto") if isinstance(f.match, TimeMatch)]


def _date_edits(calendar: str):
    def edits(text: str) -> list[Edit]:
        out: list[Edit] = []
        for found in _scan(text, calendar):
            out.extend(found.edits)
        return out

    return edits


@functools.lru_cache(maxsize=None)
def dates_stage(*, calendar: str = "auto") -> Stage:
    """The dates stage as a :class:`~bnnorm.pipeline.Stage` (cached per option)."""
    check_choice("calendar", calendar, CALENDARS)
    edits = _date_edits(calendar)

    def apply(text: str) -> str:
        return apply_edits(text, edits(text))

    return Stage("dates", (Pass("dates", edits, apply),), (dates_stage, {"calendar": calendar}))


def normalize_dates(text: str, *, calendar: str = "auto") -> str:
    """Rewrite dates as ISO 8601 and times as 24-hour ``HH:MM[:SS]`` (SPEC §3.3).

    The weekday stays (spelling-normalized: রোববার → রবিবার); an era word goes
    with its date; a date without a year and an impossible date are left as
    they are (the digits stage converts their digits).

    >>> normalize_dates("প্রকাশিত সময়: ১০:৩১:১৮ অপরাহ্ন, বুধবার, ৩ সেপ্টেম্বর ২০২৫")
    'প্রকাশিত সময়: 22:31:18, বুধবার, 2025-09-03'
    >>> normalize_dates("২০২৫ সালের ২০ ডিসেম্বর রাত ৯টা ৩০ মিনিটে")
    '2025-12-20 21:30'
    >>> normalize_dates("বুধবার (৩ সেপ্টেম্বর) এক প্রতিবেদনে")
    'বুধবার (৩ সেপ্টেম্বর) এক প্রতিবেদনে'
    """
    check_text(text)
    return dates_stage(calendar=calendar)(text)
