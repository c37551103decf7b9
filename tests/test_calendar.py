"""Tests for bnnorm.calendar: the Bangladesh rules (bd2019, bd1987), auto, wb.

Sources for the published dates are cited beside each vector; the research
notes they come from are ../shared/research/calendar.md §2–3 (not needed to run).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bnnorm import calendar as cal
from bnnorm.calendar import BengaliDate, from_gregorian, to_gregorian

D = dt.date
FIRST = D(1900, 1, 1)
LAST = D(2100, 12, 31)
ALL_SYSTEMS = ("bd2019", "bd1987", "auto")  # wb joins when it lands


def days(first: dt.date = FIRST, last: dt.date = LAST):
    day = first
    one = dt.timedelta(days=1)
    while day <= last:
        yield day
        day += one


# --------------------------------------------------------------------------
# SPEC §5 and the seed page
# --------------------------------------------------------------------------


def test_spec_6_poush_1432_in_every_system():
    assert to_gregorian(1432, 9, 6) == D(2025, 12, 21)
    assert to_gregorian(1432, 9, 6, system="bd2019") == D(2025, 12, 21)
    assert to_gregorian(1432, 9, 6, system="bd1987") == D(2025, 12, 20)
    assert to_gregorian(1432, 9, 6, system="auto") == D(2025, 12, 21)


def test_spec_2025_12_20_in_every_system():
    day = D(2025, 12, 20)
    assert from_gregorian(day, "bd1987") == BengaliDate(1432, 9, 6, "bd1987")
    assert from_gregorian(day, "bd2019") == BengaliDate(1432, 9, 5, "bd2019")
    assert from_gregorian(day) == BengaliDate(1432, 9, 5, "bd2019")
    assert from_gregorian(day, "auto") == BengaliDate(1432, 9, 5, "bd2019")


def test_str_is_bengali_day_month_year():
    assert str(BengaliDate(1432, 9, 6)) == "৬ পৌষ ১৪৩২"
    assert str(from_gregorian(D(2024, 10, 31))) == "১৫ কার্তিক ১৪৩১"
    assert str(BengaliDate(1430, 12, 30, "bd1987")) == "৩০ চৈত্র ১৪৩০"


def test_bengali_date_fields_and_helpers():
    d = from_gregorian(D(2025, 12, 21))
    assert (d.year, d.month, d.day, d.system) == (1432, 9, 6, "bd2019")
    assert d.month_name == "পৌষ" and d.month_name_latin == "Poush"
    assert d.to_gregorian() == D(2025, 12, 21)
    assert d.isoformat() == "1432-09-06"
    with pytest.raises(AttributeError):
        d.day = 7  # frozen


def test_month_names():
    assert len(cal.MONTH_NAMES) == 13 and cal.MONTH_NAMES[0] == ""
    assert cal.MONTH_NAMES[1] == "বৈশাখ" and cal.MONTH_NAMES[11] == "ফাল্গুন"
    assert cal.MONTH_NAMES[12] == "চৈত্র"
    assert len(set(cal.MONTH_NAMES)) == 13


# --------------------------------------------------------------------------
# published Bangladesh date lines (calendar.md §2)
# --------------------------------------------------------------------------

PUBLISHED_BD = [
    # (Gregorian, (year, month, day), system the page followed, source)
    (D(2024, 10, 31), (1431, 7, 15), "bd2019", "rpnews24: ৩১শে অক্টোবর, ২০২৪ | ১৫ই কার্তিক, ১৪৩১"),
    (D(2023, 12, 1), (1430, 8, 16), "bd2019", "bbsbangla: ১লা ডিসেম্বর ২০২৩ | ১৬ই অগ্রহায়ণ ১৪৩০"),
    (D(2025, 4, 27), (1432, 1, 14), "bd2019", "skhobor: রবিবার | ২৭ এপ্রিল ২০২৫ | ১৪ বৈশাখ ১৪৩২"),
    (D(2025, 12, 29), (1432, 9, 14), "bd2019", "bdarchive: সোমবার, ২৯ ডিসেম্বর, ২০২৫ ১৪ পৌষ, ১৪৩২"),
    (D(2023, 8, 4), (1430, 4, 20), "bd2019", "Ittefaq 4 Aug 2023: ২০ শ্রাবণ ১৪৩০"),
    (D(2016, 8, 27), (1423, 5, 12), "bd1987", "stance (2016): ১২ ভাদ্র ১৪২৩ ২৭ আগস্ট ২০১৬"),
    (D(2019, 2, 21), (1425, 11, 9), "bd1987", "bdnews24: 21 Feb 2019 = 9 Falgun (old rule)"),
    (D(2018, 12, 16), (1425, 9, 2), "bd1987", "bdnews24: Victory Day was 2 Poush under the old rule"),
    (D(2019, 10, 16), (1426, 6, 31), "bd2019", "bdnews24 2019-10-17: new rule from 31 Ashwin 1426"),
    (D(2020, 2, 14), (1426, 11, 1), "bd2019", "cni.news 2020-02-14: Pohela Falgun moved to 14 Feb"),
]


@pytest.mark.parametrize("greg, bs, system, source", PUBLISHED_BD)
def test_published_bangladesh_dates(greg, bs, system, source):
    assert to_gregorian(*bs, system=system) == greg
    assert from_gregorian(greg, system) == BengaliDate(*bs, system)
    # auto picks the rule that was in force, so it reproduces every line.
    assert from_gregorian(greg, "auto") == BengaliDate(*bs, system)
    assert to_gregorian(*bs, system="auto") == greg


def test_national_days_under_both_rules():
    # calendar.md §1: 21 Feb = 8 Falgun (bd2019) / 9 Falgun (bd1987);
    # 16 Dec = 1 Poush / 2 Poush; 26 Mar = 12 Chaitra and 14 Apr = 1 Boishakh under both;
    # 8 May = 25 Boishakh and 25 May = 11 Jyoishtho under both.
    for year in (2001, 2004, 2024, 2025, 2100):
        assert (from_gregorian(D(year, 2, 21), "bd2019").month,
                from_gregorian(D(year, 2, 21), "bd2019").day) == (11, 8)
        assert (from_gregorian(D(year, 2, 21), "bd1987").month,
                from_gregorian(D(year, 2, 21), "bd1987").day) == (11, 9)
        for system in ("bd2019", "bd1987"):
            got = from_gregorian(D(year, 12, 16), system)
            assert (got.month, got.day) == ((9, 1) if system == "bd2019" else (9, 2))
            assert (from_gregorian(D(year, 3, 26), system).month,
                    from_gregorian(D(year, 3, 26), system).day) == (12, 12)
            b = from_gregorian(D(year, 4, 14), system)
            assert (b.year, b.month, b.day) == (year - 593, 1, 1)
            assert from_gregorian(D(year, 5, 8), system).day == 25
            assert (from_gregorian(D(year, 5, 25), system).month,
                    from_gregorian(D(year, 5, 25), system).day) == (2, 11)


# --------------------------------------------------------------------------
# rules: month starts, lengths, Falgun, leap years
# --------------------------------------------------------------------------

# calendar.md §2: the 1st of each month, (Gregorian month, day), same every year.
BD2019_STARTS = [(4, 14), (5, 15), (6, 15), (7, 16), (8, 16), (9, 16),
                 (10, 17), (11, 16), (12, 16), (1, 15), (2, 14), (3, 15)]
BD1987_STARTS = [(4, 14), (5, 15), (6, 15), (7, 16), (8, 16), (9, 16),
                 (10, 16), (11, 15), (12, 15), (1, 14), (2, 13), (3, 15)]

SAMPLE_YEARS = [1306, 1307, 1350, 1406, 1410, 1411, 1425, 1426, 1427, 1430, 1431, 1432, 1506, 1507]


@pytest.mark.parametrize("year", SAMPLE_YEARS)
@pytest.mark.parametrize("system, starts", [("bd2019", BD2019_STARTS), ("bd1987", BD1987_STARTS)])
def test_bd_month_starts(system, starts, year):
    for month, (gm, gd) in enumerate(starts, start=1):
        gy = year + 593 if gm >= 4 else year + 594
        first = D(gy, gm, gd)
        assert to_gregorian(year, month, 1, system) == first
        assert cal.month_start(year, month, system) == first
        assert from_gregorian(first, system) == BengaliDate(year, month, 1, system)
        # the day before is the last day of the previous month
        before = from_gregorian(first - dt.timedelta(days=1), system)
        assert before.day == (cal.month_length(year, month - 1, system) if month > 1
                              else cal.month_length(year - 1, 12, system))
        assert before.month == (month - 1 or 12)


def test_bd_month_lengths_table():
    # calendar.md §2 table; 1431 is common (Feb 2025), 1430 leap (Feb 2024).
    assert [cal.month_length(1431, m, "bd2019") for m in range(1, 13)] == \
        [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30]
    assert [cal.month_length(1430, m, "bd2019") for m in range(1, 13)] == \
        [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30]
    assert [cal.month_length(1431, m, "bd1987") for m in range(1, 13)] == \
        [31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30, 30]
    assert [cal.month_length(1430, m, "bd1987") for m in range(1, 13)] == \
        [31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 31, 30]


@pytest.mark.parametrize("year, leap", [
    (1306, False),  # Feb 1900: not leap (century)
    (1406, True),   # Feb 2000: leap (400)
    (1410, True),   # "Falgun 1410 was a Bengali leap month ... February 2004" (liquisearch)
    (1425, False), (1426, True), (1430, True), (1431, False), (1506, False),  # 2100 common
])
def test_falgun_in_leap_and_common_years(year, leap):
    assert cal.is_leap_year(year, "bd2019") is leap
    assert cal.is_leap_year(year, "bd1987") is leap
    assert cal.month_length(year, 11, "bd2019") == (30 if leap else 29)
    assert cal.month_length(year, 11, "bd1987") == (31 if leap else 30)
    assert cal.year_length(year, "bd2019") == cal.year_length(year, "bd1987") == (366 if leap else 365)
    # the last day of Falgun is always 14 March, the 29 Feb is in Falgun when it exists
    for system in ("bd2019", "bd1987"):
        last = to_gregorian(year, 11, cal.month_length(year, 11, system), system)
        assert last == D(year + 594, 3, 14)
        if leap:
            assert from_gregorian(D(year + 594, 2, 29), system).month == 11
    with pytest.raises(ValueError, match="Falgun"):
        to_gregorian(year, 11, 31 if leap else 30, "bd2019")


def test_bd_year_lengths_match_gregorian_span():
    for year in range(1300, 1515):
        span = (D(year + 594, 4, 14) - D(year + 593, 4, 14)).days
        for system in ("bd2019", "bd1987", "auto"):
            assert cal.year_length(year, system) == span


# --------------------------------------------------------------------------
# auto and the 2019 switch
# --------------------------------------------------------------------------


def test_auto_switch():
    # 16 Oct 2019 = 31 Ashwin 1426: the first day of the 2019 rule (bdnews24 2019-10-17).
    assert from_gregorian(D(2019, 10, 16), "auto") == BengaliDate(1426, 6, 31, "bd2019")
    assert from_gregorian(D(2019, 10, 16), "bd2019") == BengaliDate(1426, 6, 31, "bd2019")
    assert from_gregorian(D(2019, 10, 16), "bd1987") == BengaliDate(1426, 7, 1, "bd1987")
    # a year earlier the old rule was in force: 16 Oct 2018 = 1 Kartik 1425.
    assert from_gregorian(D(2018, 10, 16), "auto") == BengaliDate(1425, 7, 1, "bd1987")
    assert to_gregorian(1425, 7, 1, "auto") == D(2018, 10, 16)
    with pytest.raises(ValueError, match="Ashwin 1425 has 30 days under bd1987"):
        to_gregorian(1425, 6, 31, "auto")
    assert to_gregorian(1426, 6, 31, "auto") == D(2019, 10, 16)
    # the year boundary of the switch
    assert from_gregorian(D(2019, 4, 13), "auto") == BengaliDate(1425, 12, 30, "bd1987")
    assert from_gregorian(D(2019, 4, 14), "auto") == BengaliDate(1426, 1, 1, "bd2019")
    assert cal.resolve_system("auto", year=1425) == "bd1987"
    assert cal.resolve_system("auto", year=1426) == "bd2019"
    assert cal.resolve_system("auto", date=D(2019, 4, 13)) == "bd1987"
    assert cal.resolve_system("auto", date=D(2019, 4, 14)) == "bd2019"


def test_both_bd_rules_agree_until_30_ashwin():
    for year in (1306, 1425, 1426, 1500):
        for month in range(1, 7):
            for day in range(1, 31):
                assert to_gregorian(year, month, day, "bd2019") == to_gregorian(year, month, day, "bd1987")


# --------------------------------------------------------------------------
# round trips and continuity, every day 1900..2100
# --------------------------------------------------------------------------


@pytest.mark.parametrize("system", ["bd2019", "bd1987", "auto"])
def test_every_day_round_trips_and_is_continuous_bd(system):
    check_every_day(system)


def check_every_day(system):
    prev = None
    for day in days():
        b = from_gregorian(day, system)
        assert to_gregorian(b.year, b.month, b.day, b.system) == day
        if prev is not None:
            # the next civil day is the next Bengali day: no gaps, no repeats
            if b.day != 1:
                assert (b.year, b.month, b.day) == (prev.year, prev.month, prev.day + 1)
            elif b.month != 1:
                assert (b.year, b.month) == (prev.year, prev.month + 1)
                assert prev.day == cal.month_length(prev.year, prev.month, prev.system)
            else:
                assert (b.year, prev.month) == (prev.year + 1, 12)
                assert prev.day == cal.month_length(prev.year, 12, prev.system)
        prev = b


@settings(max_examples=300, deadline=None)
@given(st.dates(FIRST, LAST), st.sampled_from(ALL_SYSTEMS))
def test_property_from_then_to_gregorian(day, system):
    b = from_gregorian(day, system)
    assert b.system in cal.SYSTEMS
    assert 1 <= b.month <= 12 and 1 <= b.day <= cal.month_length(b.year, b.month, b.system)
    assert to_gregorian(b.year, b.month, b.day, b.system) == day
    if system != "auto":
        assert to_gregorian(b.year, b.month, b.day, system) == day


@settings(max_examples=300, deadline=None)
@given(st.integers(1307, 1506), st.integers(1, 12), st.integers(1, 32), st.sampled_from(ALL_SYSTEMS))
def test_property_to_then_from_gregorian(year, month, day, system):
    length = cal.month_length(year, month, system)
    if day > length:
        with pytest.raises(ValueError, match=f"has {length} days"):
            to_gregorian(year, month, day, system)
        return
    g = to_gregorian(year, month, day, system)
    b = from_gregorian(g, cal.resolve_system(system, year=year))
    assert (b.year, b.month, b.day) == (year, month, day)


@pytest.mark.parametrize("system", ["bd2019", "bd1987"])
def test_year_ends_are_adjacent(system):
    for year in (1306, 1400, 1432, 1506):
        last = to_gregorian(year, 12, cal.month_length(year, 12, system), system)
        assert to_gregorian(year + 1, 1, 1, system) == last + dt.timedelta(days=1)
        assert sum(cal.month_length(year, m, system) for m in range(1, 13)) in (365, 366)


# --------------------------------------------------------------------------
# bad input
# --------------------------------------------------------------------------


@pytest.mark.parametrize("args, message", [
    ((1432, 13, 1), "month 13 is out of range"),
    ((1432, 0, 1), "month 0 is out of range"),
    ((1432, 1, 32), "day 32 is out of range: Boishakh 1432 has 31 days"),
    ((1432, 7, 31), "day 31 is out of range: Kartik 1432 has 30 days"),
    ((1432, 1, 0), "day 0 is out of range"),
    ((0, 1, 1), "year 0 is out of range"),
    ((99999, 1, 1), "year 99999 is out of range"),
])
def test_invalid_dates_raise_value_error(args, message):
    with pytest.raises(ValueError, match=message):
        to_gregorian(*args)


@pytest.mark.parametrize("args", [("1432", 1, 1), (1432, 1.0, 1), (1432, 1, None), (True, 1, 1)])
def test_non_int_raises_type_error(args):
    with pytest.raises(TypeError, match="must be int"):
        to_gregorian(*args)


def test_bad_system_and_bad_date():
    with pytest.raises(ValueError, match="allowed: 'bd2019', 'bd1987', 'wb', 'auto'"):
        to_gregorian(1432, 1, 1, system="bd")
    with pytest.raises(ValueError, match="allowed"):
        from_gregorian(D(2025, 1, 1), system="BD2019")
    with pytest.raises(ValueError, match="allowed"):
        cal.month_length(1432, 1, "gregorian")
    with pytest.raises(TypeError, match="datetime.date, not str"):
        from_gregorian("2025-12-20")
    with pytest.raises(ValueError, match="out of range"):
        from_gregorian(D(500, 1, 1))
    with pytest.raises(ValueError, match="out of range"):
        from_gregorian(D(9999, 12, 31))


def test_datetime_counts_as_its_date():
    assert from_gregorian(dt.datetime(2025, 12, 20, 23, 59)) == from_gregorian(D(2025, 12, 20))


def test_extreme_supported_years():
    assert to_gregorian(cal.MIN_YEAR, 1, 1, "bd2019") == D(594, 4, 14)
    assert from_gregorian(D(594, 4, 14)) == BengaliDate(1, 1, 1)
    with pytest.raises(ValueError):
        from_gregorian(D(594, 4, 13))
    last = to_gregorian(cal.MAX_YEAR, 12, 30, "bd1987")
    assert from_gregorian(last, "bd1987") == BengaliDate(cal.MAX_YEAR, 12, 30, "bd1987")


def test_import_is_cheap():
    # nothing is computed at import: the wb cache starts empty in a fresh interpreter
    import subprocess
    import sys

    code = ("import time; t=time.perf_counter(); import bnnorm.calendar as c; "
            "print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(out.stdout) < 1.0
