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
'16:30 রোববার'
"""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

import regex

from .pipeline import Edit, Pass, Stage, apply_edits, check_choice, check_text
from .script import TableError, lazy_regex, load_table, nfc, once

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
_TIME_KINDS = ("period", "hour_word", "fraction", "cue")
_PERIOD_RULES = ("as_is", "am", "pm", "noon", "night", "midnight")
_POSITIONS = ("before", "after", "both")

_NUKTA_PRECOMPOSED = {"য\u09bc": "\u09df", "ড\u09bc": "\u09dc", "ঢ\u09bc": "\u09dd"}


def _key(form: str) -> str:
    """Lookup key of a written form: NFC (nukta letters decomposed), no trailing dot, lower case."""
    return nfc(form).rstrip(".").lower()


def _spellings(form: str) -> list[str]:
    """*form* as written in the table and with precomposed nukta letters."""
    out = [form]
    for decomposed, precomposed in _NUKTA_PRECOMPOSED.items():
        out += [f.replace(decomposed, precomposed) for f in out if decomposed in f]
    return out


def _last_token(form: str) -> str:
    """The last run of letters of *form* (আউয়াল in রবিউল আউয়াল, বান in শা'বান)."""
    return regex.findall(r"[\p{L}\p{M}\u200c\u200d]+", form)[-1]


def _first_token(form: str) -> str:
    m = regex.match(r"[\p{L}\p{M}\u200c\u200d]{1,40}", form)
    return m.group() if m else form


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
    eras: dict[str, tuple[str, str]]  # key -> (kind, case)
    day_words: dict[str, int]
    periods: dict[str, str]  # key -> rule
    hour_words: dict[str, tuple[int, int]]
    fractions: dict[str, int]
    at_number: Any
    at_word: Any
    period_before: Any  # one period word + spaces, matched backwards from a time
    digit_run: Any  # the scanner's small patterns (see _matches), compiled here: not at import
    token: Any
    wordish: Any
    numeral: Any
    after_number: Any
    space_before: Any
    verse_range: Any
    anchor_words: tuple[str, ...]
    anchor_finders: tuple[tuple[Any, int, tuple[tuple[int, frozenset[str]], ...]], ...]  # see _anchor_finders
    lead_tokens: frozenset[str]  # first tokens of every word a match can begin with
    follow_tokens: frozenset[str]  # first tokens of what may follow a match's leading number
    lead_heads: frozenset[str]
    follow_heads: frozenset[str]
    follow_prefixes: tuple[str, ...]  # ... or how that token may begin (ordinals, টা)
    last_tokens: frozenset[str]  # last tokens of the words a match can have right before its first number
    case_endings: frozenset[str]  # a weekday's case ending written after a hyphen (রবিবার-এর)
    word_before: Any  # the letters right before a position (matched backwards)


def _english_variants(form: str) -> list[str]:
    return [form, form.upper()] if form != form.upper() else [form]


_MARK = lazy_regex(r"\p{M}")  # compiled on first use, not at import


def _anchor_keys(words: tuple[str, ...]) -> tuple[tuple[str, frozenset[str], tuple[tuple[int, frozenset[str]], ...]], ...]:
    """*words* grouped by their ending -- the last character, or the last two when
    the last is a mark (a vowel sign, a nukta): ``(ending, characters right before
    it, ((offset of the ending, words of that length), ...))``.  Seven endings cover
    the day and hour words, so the text is searched seven times (``_anchor_finders``)
    instead of once per word; the two characters before an ending reject most hits.

    >>> [(key, sorted(before), [(n, sorted(ws)) for n, ws in by_offset])
    ...  for key, before, by_offset in _anchor_keys(("একুশে", "বিশে", "তেসরা", "দোসরা"))]
    [('সরা', ['তে', 'দো'], [(2, ['তেসরা', 'দোসরা'])]), ('শে', ['কু', 'বি'], [(2, ['বিশে']), (3, ['একুশে'])])]
    """
    by_ending: dict[str, list[str]] = {}
    for word in words:
        by_ending.setdefault(word[-2:] if len(word) > 2 and _MARK.match(word[-1]) else word[-1:], []).append(word)
    out = []
    for ending, group in sorted(by_ending.items()):
        # The longest ending the group shares (সরা for তেসরা, দোসরা) finds fewer
        # hits in the same one pass; every word stays longer than its key.
        key = ending
        while len(key) < min(map(len, group)) - 1 and all(w.endswith(group[0][-len(key) - 1 :]) for w in group):
            key = group[0][-len(key) - 1 :]
        lengths: dict[int, set[str]] = {}
        for word in group:
            lengths.setdefault(len(word) - len(key), set()).add(word)
        # The two characters before the ending (one when a word has only one):
        # ই ends many words (ভাই, তাই), ়া or শ before it few.
        b = min(2, min(lengths))
        before = frozenset(w[-len(key) - b : -len(key)] for w in group)
        out.append((key, before, tuple((offset, frozenset(lengths[offset])) for offset in sorted(lengths))))
    return tuple(out)


def _anchor_finders(
    keys: tuple[tuple[str, frozenset[str], tuple[tuple[int, frozenset[str]], ...]], ...],
) -> tuple[tuple[Any, int, tuple[tuple[int, frozenset[str]], ...]], ...]:
    """Per ending of ``_anchor_keys``: a pattern finding it after one of its
    characters-before (a lookbehind), its length, and its words by offset.

    One ``finditer`` per ending, overlapping, gives the positions a ``str.find``
    loop plus a test of the characters before gives (tests check the anchors),
    ~1.6x faster: the test runs in C.

    >>> [(m.start(), n) for f, n, _ in _anchor_finders(_anchor_keys(("তেসরা", "দোসরা")))
    ...  for m in f.finditer("তেসরা দোসরা বসরা")]
    [(2, 3), (8, 3)]
    """
    out = []
    for key, before, by_offset in keys:
        finder = regex.compile(
            "(?<=" + "|".join(map(regex.escape, sorted(before))) + ")" + regex.escape(key), regex.V0
        )
        out.append((finder, len(key), by_offset))
    return tuple(out)


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
    all_weekdays: list[str] = []
    for row in load_table("dates/weekdays.tsv", ("kind", "weekday", "form", "flags")):
        kind = _check(row, "kind", _WEEKDAY_KINDS)
        wd = _int(row, "weekday", 0, 6)
        weekdays.put(_key(row["form"]), wd, row)
        if kind == "bengali":
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
    cues: list[str] = []
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
        elif kind == "cue":
            cues.append(row["form"])
        else:
            try:
                fractions.put(_key(row["form"]), int(row["rule"]), row)
            except ValueError:
                raise TableError(f"{row.where}: fraction rule must be minutes, not {row['rule']!r}") from None

    at_number, at_word, period_before = _build_pattern(
        free_months=free_months,
        year_months=year_months,
        weekdays=all_weekdays,
        eras=era_forms,
        genitive_eras=genitive_eras,
        ordinals=ordinals,
        day_words=list(day_words),
        periods_before=before,
        periods_after=after,
        hour_words=list(hour_words),
        fractions=list(fractions),
        cues=cues,
    )
    # Anchors: every match contains a digit, a day word or an hour word (found
    # through their endings: fast, see _anchors).
    words = list(day_words) + list(hour_words)
    anchor_words = tuple(sorted({v for w in words for v in _spellings(w)}))
    leads = free_months + year_months + all_weekdays + before + list(fractions) + words
    follows = free_months + year_months + genitive_eras + after + ["থেকে", "হতে", "to"]
    lead_tokens = frozenset(_first_token(v) for w in leads for v in _spellings(w))
    follow_tokens = frozenset(_first_token(v) for w in follows for v in _spellings(w))
    follow_prefixes = tuple(sorted(set(ordinals) | {"টা", "টো", "টে"}))
    return _Tables(
        months=dict(months),
        weekdays=dict(weekdays),
        eras=dict(eras),
        day_words=dict(day_words),
        periods=dict(periods),
        hour_words=dict(hour_words),
        fractions=dict(fractions),
        at_number=at_number,
        at_word=at_word,
        period_before=period_before,
        digit_run=regex.compile(_DIGIT_RUN),
        token=regex.compile(_TOKEN),
        wordish=regex.compile(_WORDISH),
        numeral=regex.compile(r"\p{N}"),
        after_number=regex.compile(_AFTER_NUMBER),
        space_before=regex.compile(_SPACE_BEFORE),
        verse_range=regex.compile(r"[\-–—]\p{N}{1,3}(?![:\p{N}])"),
        anchor_words=anchor_words,
        anchor_finders=_anchor_finders(_anchor_keys(anchor_words)),
        lead_tokens=lead_tokens,
        last_tokens=frozenset(
            _last_token(form) for name in ("weekday", "month_any", "fraction") for form in at_word.named_lists[name]
        ),
        case_endings=frozenset(v for e in _CASE_ENDINGS for v in _spellings(e)),
        word_before=regex.compile(r"(?r)[\p{L}\p{M}\u200c\u200d]{1,41}"),
        follow_tokens=follow_tokens,
        follow_prefixes=follow_prefixes,
        lead_heads=frozenset(w[:2] for w in lead_tokens),
        follow_heads=frozenset(w[:2] for w in follow_tokens),
    )


# --------------------------------------------------------------------------
# the pattern
# --------------------------------------------------------------------------

_D = "[0-9০-৯]"
_SP = "[ \u00a0]"
_NOT_WORD_BEFORE = r"(?<![\p{L}\p{M}\u200c\u200d])"  # a word starts here: not inside another
_NOT_WORD_AFTER = r"(?![\p{L}\p{M}\u200c\u200d])"
# A number starts here: not inside a word or a longer number (phone numbers,
# 2024-25, 1.5.2) -- the same guard for every branch that starts with a digit.
_NUM_START = r"(?<![\p{L}\p{M}\u200c\u200d\p{N}])(?<!\p{N}[-/.:,])"
_NUM_END = r"(?!\p{N})"
# Case endings a month name or weekday may carry (ডিসেম্বরে, জুলাইয়ের, মে-তে, রবিবারের).
# য় written as য + nukta (NFC) or as the single code point U+09DF (raw web text).
_YA = "(?:য\u09bc|\u09df)"
# The endings as words (also for _word_may_reach: written after a hyphen they are a token);
# the pattern tries them in this order, so a longer ending comes before its prefix (এর, এ).
_CASE_ENDINGS = ("এর", "এ", "তে", "কে", "য\u09bcের", "য\u09bcে", "ের", "ে", "র", "ও", "ই")
_CASE = "(?:-?(?:" + "|".join(e.replace("য\u09bc", _YA) for e in _CASE_ENDINGS) + "))"
_PERIOD_CASE = f"(?:ের|ে|{_YA}|এ|র)"
_O_CLOCK = f"(?:টা|টো|টে)(?:{_YA}|র)?"  # টো, টে: West Bengal colloquial


def _build_pattern(**t: list[str]) -> Any:
    # Word sets are regex named lists (\L<name>): matched by hashing, longest
    # first, instead of trying hundreds of alternatives one by one.
    lists: dict[str, list[str]] = {}

    def L(name: str, forms: list[str]) -> str:
        lists[name] = sorted({v for f in forms for v in _spellings(f)})
        return f"\\L<{name}>"

    month_free = L("month_free", t["free_months"])
    month_year = L("month_year", t["year_months"])
    month_any = L("month_any", t["free_months"] + t["year_months"])
    weekday = L("weekday", t["weekdays"])
    era = L("era", t["eras"])
    gen_era = L("gen_era", t["genitive_eras"])
    ordinal = L("ordinal", t["ordinals"])
    day_word = L("day_word", t["day_words"])

    year = f"(?P<year>[12১২]{_D}{{3}}){_NUM_END}"
    era_part = f"(?:{_SP}{{0,2}}(?P<era>{era}){_NOT_WORD_AFTER})?"
    # A year after the month is not the start of an ISO or numeric date
    # ("১ জানুয়ারি 2025-12-20" is a year-less date before an ISO date).
    year_after = f"{year}(?![-/.]\\p{{N}})"
    year_part = f"(?:,?{_SP}{{1,2}}|,|{_SP}?-{_SP}?|){year_after}{era_part}"
    day_num = f"(?P<day>{_D}{{1,2}}){_NUM_END}(?:{_SP}?(?P<ord>{ordinal}))?"
    day_range = (
        f"(?:{_SP}{{0,2}}(?:[-–—]|থেকে|হতে|to){_SP}{{0,2}}"
        f"(?P<day2>{_D}{{1,2}}){_NUM_END}(?:{_SP}?{ordinal})?)?"
    )
    day_part_num = f"{_NUM_START}{day_num}{day_range}"
    day_part_word = f"{_NOT_WORD_BEFORE}(?P<dayword>{day_word})"
    day_part = f"(?:{day_part_num}|{day_part_word})"
    dm_sep = f"(?:{_SP}{{0,2}}|{_SP}?-{_SP}?)"
    # A month that is also an ordinary word (or an abbreviation) needs a year.
    month_then_year = (
        f"(?:(?P<month>{month_year})\\.?{_NOT_WORD_AFTER}{year_part}"
        f"|(?P<month>{month_free})(?:(?P<msuf>{_CASE}){_NOT_WORD_AFTER}|{_NOT_WORD_AFTER}(?:{year_part})?))"
    )
    date_dm_num = f"{day_part_num}{dm_sep}{month_then_year}"
    date_dm_word = f"{day_part_word}(?:{_SP}{{1,2}}|{_SP}?-{_SP}?){month_then_year}"
    date_mdy = (
        f"{_NOT_WORD_BEFORE}(?P<month>{month_any})\\.?{_NOT_WORD_AFTER}{_SP}{{1,2}}"
        f"(?P<day>{_D}{{1,2}}){_NUM_END}(?:{ordinal})?(?:,{_SP}{{0,2}}|{_SP}{{1,2}}){year_after}{era_part}"
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
    wd_sep = f"{_SP}{{0,2}}(?:[,|\\-–—(]{_SP}{{0,2}})?"
    wd_before = f"{_NOT_WORD_BEFORE}(?P<wd>{weekday})(?:{_CASE})?{_NOT_WORD_AFTER}\\.?{wd_sep}"
    wd_after = f"(?:{wd_sep}(?P<wd2>{weekday})(?:{_CASE})?{_NOT_WORD_AFTER})?"
    num_cores = f"{date_year_first}|{date_iso}|{date_numeric}|{date_dm_num}"
    word_cores = f"{date_dm_word}|{date_mdy}"

    per_before = L("per_before", t["periods_before"])
    per_after = L("per_after", t["periods_after"])
    fraction = L("fraction", t["fractions"])
    hour_word = L("hour_word", t["hour_words"])
    cue = L("cue", t["cues"])
    period = f"{_NOT_WORD_BEFORE}(?P<per>{per_before}){_PERIOD_CASE}?{_NOT_WORD_AFTER}{_SP}{{1,2}}"
    # A period word after the time: am/pm, এএম/পিএম, পূর্বাহ্ণ/অপরাহ্ণ.
    after_word = f"{_SP}{{0,2}}(?P<per2>{per_after})(?![\\p{{L}}\\p{{M}}\\u200c\\u200d.]|\\.\\p{{L}})"
    # Clock words (টা, টার, মিনিটে ...) and period words after a time all go
    # with it, so that none is left beside the written time for the next run
    # to read again (idempotence); more than three in a row is not a time
    # phrase, and then the time is left alone.
    clock_unit = f"(?:{_O_CLOCK}|মিনিট(?:ের|ে)?|সেকেন্ড(?:ে)?)"
    stray = f"{_SP}{{0,2}}{clock_unit}{_NOT_WORD_AFTER}"
    # ... and a time never runs into a number (৯টায়:০১ would become 09:00:01
    # on the next run).
    tail = f"(?:{stray}|{after_word}){{0,3}}(?!{stray}|{after_word})(?![:.]?\\p{{N}})"
    cue_after = f"(?=({_SP}(?P<cue>{cue}){_NOT_WORD_AFTER})?)"
    # A clock time may follow another after a dash (১০:৩০-১১:৩০).
    colon_start = r"(?<![\p{L}\p{M}\u200c\u200d\p{N}])(?<!\p{N}[/.:,])"
    colon = (
        f"{colon_start}(?P<h>{_D}{{1,2}}):(?P<mi>{_D}{{2}})(?::(?P<se>{_D}{{2}}))?"
        f"(?!\\p{{N}}|[:.]\\p{{N}}){tail}"
    )
    frac = f"{_NOT_WORD_BEFORE}(?P<frac>{fraction}){_SP}{{1,2}}"
    hour_num = f"{_NUM_START}(?P<h>{_D}{{1,2}}){_NUM_END}{_SP}?"
    hour_any = f"(?:{hour_num}|{_NOT_WORD_BEFORE}(?P<hw>{hour_word}))"
    hour_tail = (
        f"(?P<ta>{_O_CLOCK}){_NOT_WORD_AFTER}"
        f"(?:{_SP}{{1,2}}(?P<mi>{_D}{{1,2}}){_NUM_END}{_SP}?মিনিট(?:ের|ে)?"
        f"(?:{_SP}{{1,2}}(?P<se>{_D}{{1,2}}){_NUM_END}{_SP}?সেকেন্ড(?:ে)?)?{_NOT_WORD_AFTER})?"
        f"{tail}{cue_after}"
    )
    ampm = f"{_NUM_START}(?P<h>{_D}{{1,2}})(?:[.:](?P<mi>{_D}{{2}}))?{_NUM_END}{after_word}{tail}"
    # Two patterns, so that each attempt only tries the branches that can start
    # there: one at a number, one at a word (weekday, day word, month, period ...).
    at_number = (
        f"(?P<core>{num_cores}){wd_after}"
        f"|(?P<tcore>{colon}|{hour_num}{hour_tail}|{ampm})"
    )
    at_word = (
        f"{wd_before}(?P<core>{num_cores}|{word_cores})"
        f"|(?P<core>{word_cores}){wd_after}"
        f"|(?P<tcore>{frac}{hour_any}{hour_tail}"
        f"|{_NOT_WORD_BEFORE}(?P<hw>{hour_word}){hour_tail})"
    )
    # The period words before a time are found backwards from it (REVERSE:
    # the match ends where the time begins), one at a time: see _time_hit.
    period_before_time = f"(?r){period}"
    return (
        regex.compile(at_number, regex.V0, ignore_unused=True, **lists),
        regex.compile(at_word, regex.V0, ignore_unused=True, **lists),
        regex.compile(period_before_time, regex.V0, ignore_unused=True, **lists),
    )


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


# Case endings on a consumed month word, as written after the ISO date (NFC keys: য় decomposed).
_CASE_OUT = {"ে": "এ", "এ": "এ", "য়ে": "এ", "ের": "এর", "এর": "এর", "য়ের": "এর", "র": "এর"}


def _case_suffix(suffix: str | None) -> str:
    """What a case ending on the consumed month word becomes after the ISO date: ``-এ``, ``-এর``..."""
    if not suffix:
        return ""
    s = nfc(suffix.lstrip("-"))
    return "-" + _CASE_OUT.get(s, s)


_GROUP_NAMES: dict[Any, frozenset[str]] = {}  # pattern -> its group names (groupindex is a new dict per access)


def _g(m: Any, name: str) -> str | None:
    """Group *name* of *m*, or ``None`` if it did not take part (or is not in this pattern)."""
    pattern = m.re
    names = _GROUP_NAMES.get(pattern)
    if names is None:
        names = _GROUP_NAMES[pattern] = frozenset(pattern.groupindex)
    return m.group(name) if name in names else None


def _gv(m: Any, name: str) -> str:
    """Group *name* of *m*, which the caller knows took part."""
    value = _g(m, name)
    assert value is not None, name
    return value


def _weekday(t: _Tables, m: Any, group: str) -> int | None:
    """The weekday index of the weekday word in *group* (``None`` if absent).

    The word itself is left as written: weekday spelling (রোববার under
    ``bd``, রবিবার under ``wb``) is the spelling stage's choice, made before
    this stage runs in ``normalize``.
    """
    word = _g(m, group)
    return None if word is None else t.weekdays[_key(word)]


def _date_hit(t: _Tables, m: Any, calendar: str, want_match: bool = True) -> _Found:
    """The date *m* matched and its edits; without *want_match* (the stage, which
    needs only the edits, and find_times) no DateMatch is built and its weekday
    and alternatives are not looked up."""
    if _g(m, "dayword") is not None:
        day = t.day_words[_key(_gv(m, "dayword"))]
    else:
        day = _num(_gv(m, "day"))
    day2 = _num(_gv(m, "day2")) if _g(m, "day2") is not None else None
    year = _num(_gv(m, "year")) if _g(m, "year") is not None else None
    era_word = _g(m, "era") or _g(m, "yfera")
    era_kind, era_case = t.eras[_key(era_word)] if era_word else ("", "")
    if _g(m, "nmon") is not None:
        kind, month = "gregorian", _num(_gv(m, "nmon"))
    else:
        kind, month = t.months[_key(_gv(m, "month"))]

    def convert(d: int) -> tuple[_dt.date | None, bool]:
        """(Gregorian date or None, valid) for day *d* of the matched month and year."""
        if not 1 <= month <= 12 or era_kind == "bce":
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

    # Day 0, or beyond any month (32 only in a wb Bengali month), is a number, not a date.
    longest = 32 if kind == "bengali" else 31
    if not (1 <= day <= longest and (day2 is None or 1 <= day2 <= longest)):
        return _Found(None, ())
    system = _resolve(calendar, year) if kind == "bengali" else kind
    date, valid = convert(day)
    end_date = None
    if day2 is not None:
        end_date, valid2 = convert(day2)
        valid = valid and valid2 and day2 > day
    if not want_match:
        return _Found(None, _date_edits_of(m, valid, date, end_date, day2, era_case))
    alternatives: dict[str, _dt.date | None] = {}
    if kind == "bengali" and year is not None and valid:
        alternatives = {s: _bengali(year, month, day, s) for s in _BENGALI_SYSTEMS}

    wd = _weekday(t, m, "wd")
    if wd is None:
        wd = _weekday(t, m, "wd2")
    consistent = None
    if wd is not None and date is not None and day2 is None:
        consistent = date.weekday() == wd

    match = DateMatch(
        start=m.start(),
        end=m.end(),
        text=m.group(),
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
    return _Found(match, _date_edits_of(m, valid, date, end_date, day2, era_case))


def _date_edits_of(
    m: Any, valid: bool, date: _dt.date | None, end_date: _dt.date | None, day2: int | None, era_case: str
) -> tuple[Edit, ...]:
    """The ISO rewrite of a date match (none for an impossible date or one without a year)."""
    if not (valid and date is not None):
        return ()
    iso = date.isoformat() if end_date is None else f"{date.isoformat()}/{end_date.isoformat()}"
    iso += _case_suffix(_g(m, "msuf")) if _g(m, "yfera") else ("-" + era_case if era_case else "")
    return (Edit(m.start("core"), m.end("core"), iso, "date_iso" if day2 is None else "range_iso"),)


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


_MAX_PERIODS = 3


def _leading_periods(t: _Tables, text: str, floor: int, start: int) -> tuple[int, str | None]:
    """The period words right before a time at *start* (not before *floor*, the
    end of the previous match): ``(new start, nearest period word)``.

    All of them go with the time, so that a rewrite never leaves a period
    word beside the written time (the next run would read it as the time's
    period).  A run of more than three is not a time phrase: none is taken.
    """
    new_start, nearest = start, None
    for _ in range(_MAX_PERIODS + 1):
        r = t.period_before.match(text, floor, new_start)
        if r is None:
            return new_start, nearest
        nearest = nearest or r.group("per")
        new_start = r.start()
    return start, None


def _has_letter(s: str) -> bool:
    return any(ch.isalpha() for ch in s)


def _time_hit(t: _Tables, m: Any, text: str, floor: int) -> _Found:
    start, lead = _leading_periods(t, text, floor, m.start())
    per = _g(m, "per2") or lead
    rule = t.periods[_key(per)] if per else None
    minute = _num(_gv(m, "mi")) if _g(m, "mi") is not None else 0
    second = _num(_gv(m, "se")) if _g(m, "se") is not None else None
    if _g(m, "hw") is not None:
        hour, minute = t.hour_words[_key(_gv(m, "hw"))]
    else:
        hour = _num(_gv(m, "h"))
    frac = _g(m, "frac")
    ta = _g(m, "ta")
    if ta is not None:
        # "৫টা" alone is a count (৫টা বই); a time needs a period, a fraction,
        # minutes, the locative "টায়" ("at five") or a cue word after it
        # ("৯টার দিকে", around nine).
        locative = ta[-1] not in "াোের"  # টায়/টোয়, not টা/টার/টো/টে
        if not (per or frac or _g(m, "mi") is not None or locative or _g(m, "cue")):
            return _Found(None, ())
    if per is None and second is None and not _has_letter(m.group()):
        # A bare colon pair is a time only as clocks print it: a two-digit
        # hour ("১৮:২৩", "০০:০৫"), not a verse ("৪:২১", "৪:২১-৩১", "21:14–21").
        if len(_gv(m, "h")) != 2 or t.verse_range.match(text, m.end()):
            return _Found(None, ())
    if frac is not None:
        if not 1 <= hour <= 12:
            return _Found(None, ())
        total = hour * 60 + minute + t.fractions[_key(frac)]
        hour, minute = divmod(total % (12 * 60), 60)
        if hour == 0:
            hour = 12
    if rule in ("am", "pm") and not 1 <= hour <= 12:
        return _Found(None, ())  # "১৩ pm", "০০ am": not a 12-hour clock
    hour24 = _to_24h(hour, rule)
    if not (0 <= hour24 <= 23 and 0 <= minute <= 59 and (second is None or 0 <= second <= 59)):
        return _Found(None, ())
    time = _dt.time(hour24, minute, second or 0)
    out = f"{hour24:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")
    match = TimeMatch(start, m.end(), text[start : m.end()], time, per, second is not None)
    return _Found(match, (Edit(start, m.end(), out, "time_24h"),))


_DIGIT_RUN = "[0-9০-৯]+"
# The tokens a match may begin with: a word (group 1, at most 40 characters, checked
# against the words a match can begin with) or a run of numerals.  No lookbehind:
# whether a token really starts a word or number is decided from the character
# before it (_matches), which is 2-3x faster than a lookbehind at every position.
_TOKEN = r"([\p{L}\p{M}\u200c\u200d]{1,40})|\p{N}+"
_WORDISH = r"[\p{L}\p{M}\u200c\u200d]"
# After a leading number: the separator characters of numeric dates, times and
# ranges, or the word that follows (group 1) after at most two spaces.
_AFTER_NUMBER = (r"[0-9০-৯]*(?:[:/.\-–—]|[ \u00a0]{0,2}(?:[\-–—]|([\p{L}\p{M}\u200c\u200d]{1,40})))")
# A match begins at most this many characters before its first anchor
# (a weekday + separator, an English weekday and month, a fraction word).
_BACK = 40
# The longest case ending a lead or follow word may carry (য়ের, decomposed).
_MAX_CASE = 4


def _known(token: str, words: frozenset[str], heads: frozenset[str]) -> bool:
    """Whether *token* is one of *words*, possibly with a case ending (রবিবারের, সকালে).

    *heads* (the words' first two characters) rejects almost every token at once.
    """
    if token[:2] not in heads:
        return False
    n = len(token)
    for k in range(min(_MAX_CASE, n - 1) + 1):
        if token[: n - k] in words:
            return True
    return False


def _anchors(t: _Tables, text: str) -> list[int]:
    """Sorted positions that every match overlaps (see ``_tables``)."""
    points = [m.start() for m in t.digit_run.finditer(text)]
    # Every occurrence of every anchor word, found through its ending (see
    # _anchor_keys): one overlapping finditer over the text per ending, not per
    # word, whose lookbehind rejects most hits of the ending in C (_anchor_finders).
    for finder, n, by_offset in t.anchor_finders:
        for hit in finder.finditer(text, overlapped=True):
            i = hit.start()
            for offset, words in by_offset:
                if offset <= i and text[i - offset : i + n] in words:
                    points.append(i - offset)
    points.sort()
    return points


def _number_may_lead(t: _Tables, text: str, start: int) -> bool:
    """Cheap test: can a match begin with the number at *start*?  (A number
    followed by an ordinary word -- ২০ জন, ১০ সদস্যের -- cannot.)"""
    m = t.after_number.match(text, start)
    if m is None:
        return False
    word = m.group(1)
    if word is None:
        return True
    follows = _WORD_FOLLOWS.get(word)
    if follows is None:
        follows = word.startswith(t.follow_prefixes) or _known(word, t.follow_tokens, t.follow_heads)
        if len(_WORD_FOLLOWS) < 65536:  # bounded: one entry per distinct word seen
            _WORD_FOLLOWS[word] = follows
    return follows


# Whether a word may follow a match's leading number, per word (words after numbers repeat: জন, টাকা).
_WORD_FOLLOWS: dict[str, bool] = {}


# What may stand between the last word of a match's leading words and its first
# anchor: "." after an abbreviation or weekday, then a weekday separator
# (wd_sep: two spaces, one of ,|-–—(, two spaces) -- at most six characters.
_GAP_CHARS = frozenset(" \u00a0.,|-–—(")
_MAX_GAP = 6


_CHAR_CLASSES: dict[str, str] = {}


def _char_class(t: _Tables, ch: str) -> str:
    """``"w"`` for a letter, mark or joiner, ``"n"`` for a numeral, else ``""``
    (as the patterns' ``\\p{L}\\p{M}`` and ``\\p{N}`` see it; remembered per character)."""
    cls = _CHAR_CLASSES.get(ch)
    if cls is None:
        cls = "w" if t.wordish.match(ch) else "n" if t.numeral.match(ch) else ""
        if len(_CHAR_CLASSES) < 65536:  # bounded: one entry per distinct character seen
            _CHAR_CLASSES[ch] = cls
    return cls


def _word_may_reach(t: _Tables, text: str, lo: int, p: int) -> bool:
    """Whether a match beginning with a word at or after *lo* could reach the anchor at *p*.

    Such a match has a weekday, a month or a fraction word right before *p*
    (``শনিবার, ২০``, ``ডিসেম্বর ২০, ২০২৫``, ``সাড়ে ৪টা``), at most
    ``_MAX_GAP`` separator characters away: when the word there is none of
    them (``মোট ২০ জন``), no word before *p* needs trying.  A cheap
    necessary condition, so the answer may be a false "yes", never a false "no".
    """
    k = p
    while k > lo and p - k < _MAX_GAP and text[k - 1] in _GAP_CHARS:
        k -= 1
    if k <= lo or _char_class(t, text[k - 1]) != "w":
        return False
    run = t.word_before.match(text, max(0, k - 41), k).group()
    reach = _RUN_REACHES.get(run)
    if reach is None:
        reach = _run_may_reach(t, run)
        if len(_RUN_REACHES) < 65536:  # bounded: one entry per distinct word seen
            _RUN_REACHES[run] = reach
    return reach


_RUN_REACHES: dict[str, bool] = {}


def _run_may_reach(t: _Tables, run: str) -> bool:
    """Whether the letters *run* (at most 41, right before a gap) may end a
    match's leading words: a weekday, month or fraction word with up to
    ``_MAX_CASE`` characters of case ending, a lone case ending (রবিবার-এর),
    or a word too long to tell.  Remembered per *run* (``_RUN_REACHES``):
    the words before numbers repeat (মোট, প্রায়, গত).

    >>> t = _tables()
    >>> _run_may_reach(t, "শনিবার"), _run_may_reach(t, "শনিবারের"), _run_may_reach(t, "মোট")
    (True, True, False)
    """
    n = len(run)
    if n > 40 or run in t.case_endings:
        return True
    last_tokens = t.last_tokens
    for c in range(min(_MAX_CASE, n - 1) + 1):
        if run[: n - c] in last_tokens:
            return True
    return False


def _matches(t: _Tables, text: str) -> Iterator[Any]:
    """The matches a scan of every position with both patterns would give
    (``_reference_matches``), found by trying the patterns only at a few
    places: at an anchor, and at the words up to ``_BACK`` characters before
    it when one of them may lead to it (``_word_may_reach``).  A full scan is
    ~20x slower; tests check both give the same."""
    pos = 0  # end of the last match
    tried = 0  # every start before this has been tried (a failed start fails for any anchor)
    at_number, at_word = t.at_number, t.at_word
    token, wordish, numeral = t.token, t.wordish, t.numeral
    lead_tokens, lead_heads = t.lead_tokens, t.lead_heads
    for p in _anchors(t, text):
        if p < pos or p < tried:
            continue
        # lo = max(pos, tried, p - _BACK), written out: this runs at every anchor.
        lo = p - _BACK
        if lo < pos:
            lo = pos
        if lo < tried:
            lo = tried
        if not _word_may_reach(t, text, lo, p):
            # Only a match beginning at p itself is possible (every start in
            # [lo, p) has p as its first anchor, and could only reach it
            # through a word right before p).
            tried = p + 1
            prev = text[p - 1] if p else ""
            if "0" <= text[p] <= "9" or "০" <= text[p] <= "৯":
                # A number starts only after a non-letter, non-numeral (not in ক৫, ৫৫).
                if p and _char_class(t, prev):
                    continue
                if not _number_may_lead(t, text, p):
                    continue
                m = at_number.match(text, p)
            else:
                if p and _char_class(t, prev) == "w":
                    continue
                word = token.match(text, p, p + _BACK).group(1)
                if word[:2] not in lead_heads or not _known(word, lead_tokens, lead_heads):
                    continue
                m = at_word.match(text, p)
            if m is not None and m.end() > m.start():
                yield m
                pos = m.end()
            continue
        # The class of the character before the current token: "w" (letter,
        # mark, joiner), "n" (numeral) or "" (anything else, or the text start).
        if lo == 0:
            before = ""
        elif wordish.match(text, lo - 1):
            before = "w"
        elif numeral.match(text, lo - 1):
            before = "n"
        else:
            before = ""
        prev_end = lo
        for q in token.finditer(text, lo, p + _BACK):
            start, end = q.span()
            if start > p:
                break
            if start != prev_end:
                before = ""  # a gap: the character before is neither
            prev_end = end
            tried = start + 1
            word = q.group(1)
            if word is None:
                # A number starts only after a non-letter, non-numeral (not in ক৫, ৫৫).
                if before or start < pos:
                    before = "n"
                    continue
                before = "n"
                if not _number_may_lead(t, text, start):
                    continue
                m = at_number.match(text, start)
            else:
                # A word starts only after a non-letter (৫টা: টা starts a word).
                if before == "w" or start < pos or word[:2] not in lead_heads:
                    before = "w"
                    continue
                before = "w"
                if not _known(word, lead_tokens, lead_heads):
                    continue
                m = at_word.match(text, start)
            if m is not None and m.end() > m.start():
                yield m
                pos = m.end()


def _reference_matches(t: _Tables, text: str) -> Iterator[Any]:
    """Both patterns tried at every position: slow, the definition ``_matches`` must equal (tests)."""
    pos = 0
    while pos < len(text):
        m = t.at_number.match(text, pos) or t.at_word.match(text, pos)
        if m is not None and m.end() > m.start():
            yield m
            pos = m.end()
        else:
            pos += 1


_SPACE_BEFORE = r"(?r)\s"


def _in_url(t: _Tables, text: str, start: int) -> bool:
    """Whether *start* lies in a URL-like token (``https://…/2025/12/20/…``):
    dates there are part of an address and must not change."""
    space = t.space_before.search(text, max(0, start - 300), start)
    token = text[space.end() if space else max(0, start - 300) : start]
    return "://" in token or "www." in token


def _scan(text: str, calendar: str, want_match: bool = True) -> list[_Found]:
    t = _tables()
    out: list[_Found] = []
    floor = 0  # end of the previous match
    # A URL token is part of the text: a line without "://" or "www." has none,
    # and the backward search per match (_in_url) is skipped.
    may_have_url = "://" in text or "www." in text
    for m in _matches(t, text):
        if may_have_url and _in_url(t, text, m.start()):
            pass
        elif _g(m, "core") is not None:
            out.append(_date_hit(t, m, calendar, want_match))
        elif _g(m, "tcore") is not None:
            out.append(_time_hit(t, m, text, floor))
        floor = m.end()
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
    # No DateMatch is needed here: the dates are scanned (times never overlap them), not built.
    return [f.match for f in _scan(text, "auto", want_match=False) if isinstance(f.match, TimeMatch)]


def _date_edits(calendar: str):
    def edits(text: str) -> list[Edit]:
        # An ISO date or a 24-hour time rewritten as itself is not an edit
        # (normalizing twice changes nothing and explains nothing).
        return [
            e for found in _scan(text, calendar, want_match=False) for e in found.edits if text[e.start : e.end] != e.replacement
        ]

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
