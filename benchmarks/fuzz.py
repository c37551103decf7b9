"""Coverage-guided fuzzing of ``normalize`` and every finder with atheris (issue 7, point 5).

``atheris`` is optional (``pip install atheris``; it ships wheels for Linux
CPython).  Each target runs in its own child process for a fixed number of
iterations (``-runs``), with bnnorm's modules instrumented for coverage::

    python benchmarks/fuzz.py                 # every target, 100,000 runs each
    python benchmarks/fuzz.py --runs 200000 --target normalize

The fuzzer's bytes become text two ways (the first byte chooses): as UTF-8
(any code point), or as indexes into a Bengali-heavy alphabet of letters,
signs, virama, nukta, joiners, both digit sets, spaces, brackets, Latin,
month and period words -- so that most inputs look like broken Bengali.

A *crash* is an exception, an output longer than 3 characters per input
character, a second run that changes the output (target ``idempotence``:
``normalize`` and each stage), a match or alignment span outside the input, or a finder match
whose ``.text`` is not the input's slice.  A crash prints the input (repr);
add it to ``tests/test_adversarial.py`` as a regression test.
Output: ``benchmarks/results/fuzz.txt``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGETS = (
    "normalize",
    "idempotence",
    "normalize_with_alignment",
    "fix_unicode",
    "normalize_dates",
    "unify_spelling",
    "strip_glosses",
    "find_dates",
    "find_times",
    "find_variants",
    "find_glosses",
)
GROWTH = 3

ALPHABET = (
    list("কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ")
    + list("অআইঈউঊঋএঐওঔ")
    + list("\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09c7\u09c8\u09cb\u09cc\u09d7\u0981\u0982\u0983")
    + ["\u09cd", "\u09bc", "\u09dc", "\u09dd", "\u09df", "ৎ", "\u200d", "\u200c", "\u200b", "\ufeff", "\u00ad"]
    + list("০১২৩৪৫৬৭৮৯0123456789")
    + [" ", " ", " ", "\u00a0", "\n", "\t", "\u2009"]
    + list("()[]{}।৷|,;:?!-—./'\"‘’“”")
    + list("abcXYZéΩ😀")
    + ["ডিসেম্বর", "জানুয়ারী", "পৌষ", "বৈশাখ", "শনিবার", "রোববার", "অপরাহ্ন", "রাত", "সকাল", "বিকেল", "সাড়ে",
       "টা", "টায়", "মিনিটে", "লা", "শে", "বঙ্গাব্দ", "খ্রিস্টাব্দ", "সালের", "হিজরি",
       "চিন", "চিনের", "বেজিং", "শি", "জিনপিং", "সি চিন পিং", "শ্রেণী", "(Xi Jinping)", "Sep", "November", "pm"]
)


def text_from(data: bytes) -> str:
    if not data:
        return ""
    if data[0] & 1:
        return data[1:].decode("utf-8", "replace")
    return "".join(ALPHABET[b % len(ALPHABET)] for b in data[1:])


def make_check(target: str):
    import bnnorm

    if target.startswith("find_"):
        finder = getattr(bnnorm, target)

        def check(text: str) -> None:
            for m in finder(text):
                if not (0 <= m.start <= m.end <= len(text)) or text[m.start : m.end] != m.text:
                    raise AssertionError(f"{target}: bad span {m.start, m.end} {m.text!r} in {text!r}")

        return check

    if target == "idempotence":
        stages = {
            "normalize": bnnorm.normalize,
            "fix_unicode": bnnorm.fix_unicode,
            "normalize_dates": bnnorm.normalize_dates,
            "unify_spelling": bnnorm.unify_spelling,
            "strip_glosses": bnnorm.strip_glosses,
        }

        def check(text: str) -> None:
            for name, f in stages.items():
                once = f(text)
                if f(once) != once:
                    raise AssertionError(f"{name} not idempotent: {text!r} -> {once!r} -> {f(once)!r}")

        return check

    if target == "normalize_with_alignment":

        def check(text: str) -> None:
            out, al = bnnorm.normalize_with_alignment(text)
            if out != bnnorm.normalize(text):
                raise AssertionError(f"edit path != fast path on {text!r}")
            a, b = al.to_input(0, len(out))
            if not (0 <= a <= b <= len(text)):
                raise AssertionError(f"alignment {a, b} outside input of {len(text)} on {text!r}")

        return check

    func = getattr(bnnorm, target)

    def check(text: str) -> None:
        out = func(text)
        if not isinstance(out, str) or len(out) > GROWTH * len(text):
            raise AssertionError(f"{target}: {len(text)} -> {len(out)} characters on {text!r}")

    return check


def child(target: str, runs: int, max_len: int) -> None:
    import atheris

    with atheris.instrument_imports(include=["bnnorm"]):
        import bnnorm  # noqa: F401

    check = make_check(target)

    def one_input(data: bytes) -> None:
        check(text_from(data))

    import tempfile

    # Crash inputs go to the temporary directory, not into the working tree.
    prefix = tempfile.gettempdir().rstrip("/") + f"/bnnorm-fuzz-{target}-"
    atheris.Setup(
        [sys.argv[0], f"-runs={runs}", f"-max_len={max_len}", "-print_final_stats=1", f"-artifact_prefix={prefix}"],
        one_input,
    )
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=100_000, help="iterations per target (default 100,000)")
    ap.add_argument("--max-len", type=int, default=512, help="longest input in bytes")
    ap.add_argument("--target", action="append", choices=TARGETS, help="fuzz only this target (repeatable)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.runs, args.max_len)
        return 0
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris is not installed (pip install atheris); skipping", file=sys.stderr)
        return 0

    from common import Report

    rep = Report("fuzz")
    m = rep.data["machine"]
    rep(f"# atheris fuzzing, {m['date_utc']} UTC, commit {rep.data['commit']}, Python {m['python']}; {args.runs:,} runs per target, inputs up to {args.max_len} bytes")
    crashed = 0
    results = {}
    for target in args.target or TARGETS:
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, __file__, "--child", target, "--runs", str(args.runs), "--max-len", str(args.max_len)],
            capture_output=True, text=True, timeout=3600,
        )
        dt = time.perf_counter() - t0
        log = proc.stderr
        cov = [line for line in log.splitlines() if line.startswith("Done ") or "stat::number_of_executed_units" in line]
        ok = proc.returncode == 0
        crashed += not ok
        results[target] = {"ok": ok, "seconds": dt, "returncode": proc.returncode}
        rep(f"[{'PASS' if ok else 'CRASH'}] {target:26} {dt:7.1f} s  {' '.join(cov)[:120]}")
        if not ok:
            keys = ("error", "exception", "traceback", "timeout", "deadly", "out-of-memory", "crash")
            tail = [line for line in log.splitlines() if any(k in line.lower() for k in keys) and "WARNING" not in line]
            for line in tail[-6:]:
                rep(f"        {line[:400]}")
            results[target]["error"] = tail[-6:]
            results[target]["log_tail"] = log.splitlines()[-40:]  # libFuzzer's last words, for the record
    rep()
    rep(f"{len(results) - crashed} of {len(results)} targets ran {args.runs:,} inputs without a crash")
    rep.data["results"] = results
    rep.save()
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
