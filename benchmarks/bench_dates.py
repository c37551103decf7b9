"""Dates and times: ``bnnorm.find_dates``/``find_times`` against ``dateparser.search.search_dates``.

    python benchmarks/bench_dates.py                 # phrase table + corpus slice, one table
    python benchmarks/bench_dates.py --errors        # + every miss and false alarm of bnnorm
    python benchmarks/bench_dates.py --dp-bytes N    # corpus bytes given to dateparser (default 400 kB)

Accuracy is measured on ``tests/data/date_phrases.tsv`` (283 phrases with
dates/times, 73 without).  Each expected item (a date or a time) is found or
not, each reported item is right or not:

* **strict** (bnnorm only): the reported item equals the expected one in every
  field the table records -- date, calendar, attached weekday and whether it
  fits, range end, "invalid" for impossible dates.
* **value** (both libraries, the same rule): a reported date is right if its
  Gregorian date equals an expected full date, or its month and day equal an
  expected year-less Gregorian date (dateparser fills in the current year); a
  reported time is right if it equals an expected time; weekdays and
  calendars are ignored.  Hijri dates, year-less Bengali-calendar dates and
  impossible dates count only when reported as such (dateparser cannot: a
  date it returns for ``৩১ ফেব্রুয়ারি ২০২৫`` is a false alarm).

Throughput: both on the same fixed corpus slice (``benchmarks/common.py``,
the first ``--dp-bytes`` of it; dateparser is ~100x slower), then bnnorm on
the whole 5 MB slice.  CPU time of this process (``time.process_time``), so
other jobs on the machine do not inflate it; best of N for bnnorm.

dateparser is called as the issue asks, ``languages=["bn"]``; a second row
uses ``["bn", "en"]`` (page chrome is often English).  Its settings are the
defaults, so relative words resolve against the machine clock.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO / "tests"))  # the phrase table's reader and notation

from common import corpus_files, corpus_slice, utf8_size  # noqa: E402

from date_table import found as bnnorm_items  # noqa: E402
from date_table import load_phrases as load_table_rows  # noqa: E402

from bnnorm.dates import find_dates, find_times  # noqa: E402

def load_phrases() -> list[tuple[str, str, list[str]]]:
    return [(row.kind, row.phrase, row.expect) for row in load_table_rows()]


def value_keys(item: str) -> set[str]:
    """What a report must equal to count for *item* under the value rule.

    Hijri dates, year-less Bengali-calendar dates and impossible dates get
    keys only a library that recognizes them can produce.
    """
    fields = item.split()
    if fields[0] == "T":
        hms = fields[1] if len(fields[1]) == 8 else fields[1] + ":00"
        return {"T " + hms}
    cal = next((f[4:] for f in fields if f.startswith("cal=")), "gregorian")
    value = fields[1]
    if value == "invalid":
        return {"invalid"}
    if cal == "hijri":
        return {"H " + value}
    if value.startswith("--"):
        return {"MD " + value[2:]} if cal == "gregorian" else {"BMD " + value[2:]}
    return {"D " + value}


def reported_keys_dateparser(substring: str, dt: datetime.datetime) -> set[str]:
    """A dateparser result can stand for a full date, a year-less date or a time."""
    keys = {"D " + dt.date().isoformat(), "MD " + dt.strftime("%m-%d")}
    if any(ch in substring for ch in ":টাpmPMএএমপিএমঅপরাহ্নপূর্বাহ্ন"):
        keys.add("T " + dt.strftime("%H:%M:%S"))
    return keys


def score(expected: list[str], reported: list[set[str]]) -> tuple[int, int, int]:
    """(true positives, reported, expected): each report may claim one expected item."""
    remaining = [value_keys(e) for e in expected]
    tp = 0
    for keys in reported:
        for i, want in enumerate(remaining):
            if want and keys & want:
                remaining[i] = set()
                tp += 1
                break
    return tp, len(reported), len(expected)


def prf(tp: int, n_rep: int, n_exp: int) -> tuple[float, float]:
    return (tp / n_rep if n_rep else 1.0), (tp / n_exp if n_exp else 1.0)


# --------------------------------------------------------------------------
# runs
# --------------------------------------------------------------------------


def run_bnnorm(rows, show_errors: bool) -> dict[str, float]:
    strict_tp = strict_rep = strict_exp = 0
    val = [0, 0, 0]
    for _kind, phrase, expect in rows:
        got = bnnorm_items(phrase)
        left = list(expect)
        for g in got:
            if g in left:
                left.remove(g)
                strict_tp += 1
            elif show_errors:
                print(f"  false alarm: {g!r} in {phrase!r}")
        if show_errors:
            for miss in left:
                print(f"  missed: {miss!r} in {phrase!r}")
        strict_rep += len(got)
        strict_exp += len(expect)
        tp, rep, exp = score(expect, [value_keys(g) for g in got])
        val[0] += tp
        val[1] += rep
        val[2] += exp
    sp, sr = prf(strict_tp, strict_rep, strict_exp)
    vp, vr = prf(*val)
    return {"strict_p": sp, "strict_r": sr, "value_p": vp, "value_r": vr}


def run_dateparser(rows, languages) -> dict[str, float]:
    from dateparser.search import search_dates

    val = [0, 0, 0]
    for _kind, phrase, expect in rows:
        try:
            res = search_dates(phrase, languages=languages) or []
        except Exception:  # noqa: BLE001 - a crash is a miss
            res = []
        reported = [reported_keys_dateparser(s, d) for s, d in res]
        tp, rep, exp = score(expect, reported)
        val[0] += tp
        val[1] += rep
        val[2] += exp
    vp, vr = prf(*val)
    return {"value_p": vp, "value_r": vr}


def cpu_time(func, lines, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        for s in lines:
            func(s)
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list bnnorm's misses and false alarms")
    ap.add_argument("--dp-bytes", type=int, default=400_000, help="corpus bytes for the head-to-head timing")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")

    rows = load_phrases()
    n_pos = sum(1 for r in rows if r[0] != "none")
    print(f"phrase table: {len(rows)} phrases ({n_pos} with dates/times, {len(rows) - n_pos} without)")
    ours = run_bnnorm(rows, args.errors)
    try:
        import dateparser  # noqa: F401

        dp_bn = run_dateparser(rows, ["bn"])
        dp_bnen = run_dateparser(rows, ["bn", "en"])
        have_dp = True
    except ImportError:
        print("dateparser is not installed (pip install 'bnnorm[bench]'): bnnorm only")
        have_dp = False

    lines = corpus_slice(args.dp_bytes) if corpus_files() else []
    size = utf8_size(lines)
    speed: dict[str, float] = {}
    found: dict[str, int] = {}
    if lines:
        find_dates("warm-up ২০ ডিসেম্বর ২০২৫")
        speed["bnnorm"] = size / 1e6 / cpu_time(lambda s: (find_dates(s), find_times(s)), lines, 3)
        speed["find_dates"] = size / 1e6 / cpu_time(find_dates, lines, 3)
        found["bnnorm"] = sum(len(find_dates(s)) + len(find_times(s)) for s in lines)
        if have_dp:
            from dateparser.search import search_dates

            def dp(s: str, langs=("bn",)) -> list:
                try:
                    return search_dates(s, languages=list(langs)) or []
                except Exception:  # noqa: BLE001
                    return []

            dp("২০ ডিসেম্বর ২০২৫")
            t = cpu_time(dp, lines, 1)
            speed["dateparser"] = size / 1e6 / t
            found["dateparser"] = sum(len(dp(s)) for s in lines)

    print()
    print("| library | strict P | strict R | value P | value R | corpus MB/s (CPU) | found on slice |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| bnnorm find_dates+find_times | {ours['strict_p']:.3f} | {ours['strict_r']:.3f} | {ours['value_p']:.3f} | "
        f"{ours['value_r']:.3f} | {speed.get('bnnorm', float('nan')):.2f} | {found.get('bnnorm', '-')} |"
    )
    if have_dp:
        print(
            f"| dateparser search_dates bn | – | – | {dp_bn['value_p']:.3f} | {dp_bn['value_r']:.3f} | "
            f"{speed.get('dateparser', float('nan')):.3f} | {found.get('dateparser', '-')} |"
        )
        print(f"| dateparser search_dates bn+en | – | – | {dp_bnen['value_p']:.3f} | {dp_bnen['value_r']:.3f} | | |")
    if lines:
        print(f"\nhead-to-head slice: {len(lines)} lines, {size / 1e6:.2f} MB (first lines of benchmarks/common.py's slice)")
        if "dateparser" in speed:
            print(
                f"find_dates alone: {speed['find_dates']:.2f} MB/s = {speed['find_dates'] / speed['dateparser']:.0f}x "
                f"dateparser; find_dates + find_times: {speed['bnnorm'] / speed['dateparser']:.0f}x"
            )
        full = corpus_slice()
        full_size = utf8_size(full)
        t = cpu_time(find_dates, full, 3)
        print(f"bnnorm find_dates on the 5 MB slice: {full_size / 1e6 / t:.1f} MB/s (CPU, best of 3)")
        from bnnorm.dates import dates_stage

        stage = dates_stage()
        t = cpu_time(stage, full, 3)
        print(f"bnnorm dates stage on the 5 MB slice: {full_size / 1e6 / t:.1f} MB/s (CPU, best of 3)")


if __name__ == "__main__":
    main()
