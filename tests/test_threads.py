"""Thread safety (issue 7, point 4).

* The same text normalized from 8 threads at once gives the result one
  thread gives (every stage, the default pipeline, explain and alignment).
* Tables load once per process: every loader wrapped in ``script.once`` has
  run exactly once after 8 threads raced to be first, in a fresh interpreter
  where nothing was loaded yet (and nothing is loaded by ``import bnnorm``).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import bnnorm
from bnnorm.script import once

REPO = Path(__file__).resolve().parent.parent
THREADS = 8

TEXTS = [
    "শনিবার, ২০ ডিসেম্বর ২০২৫, ৬ পৌষ ১৪৩২ বঙ্গাব্দ",
    "প্রকাশিত সময় : ১০:৩১:১৮ অপরাহ্ন, বুধবার, ৩ সেপ্টেম্বর ২০২৫",
    "চিনের প্রেসিডেন্ট শি জিনপিংকে (Xi Jinping) রাশিয়ায় (Russia) আসার আমন্ত্রণ",
    "উত্\u200dসব\u00a0 র\u200d্যাব  কিি ক্্ষ অা | ৷ ৳১,২৩,৪৫৬.৫০",
]


def _race(func, args_list, threads: int = THREADS):
    """Run ``func(*args)`` for each args in every one of *threads* threads, started together."""
    barrier = threading.Barrier(threads)
    results: list[list[object] | None] = [None] * threads
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            barrier.wait()
            results[k] = [func(*a) for a in args_list]
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    workers = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    assert not errors, errors
    return results


def test_eight_threads_normalize_identically() -> None:
    expected = [bnnorm.normalize(t) for t in TEXTS]
    # Repeat the texts so the threads overlap for a while.
    results = _race(bnnorm.normalize, [(t,) for t in TEXTS * 25])
    for r in results:
        assert r == expected * 25


def test_eight_threads_every_stage_and_alignment_identically() -> None:
    pipe = bnnorm.make_pipeline()

    def everything(text: str) -> tuple:
        out, al = pipe.normalize_with_alignment(text)
        return (
            bnnorm.fix_unicode(text),
            bnnorm.convert_digits(text),
            bnnorm.normalize_dates(text),
            bnnorm.unify_spelling(text),
            bnnorm.strip_glosses(text),
            bnnorm.normalize(text, standard="wb", calendar="wb", digits="bengali"),
            out,
            al.to_input(0, len(out)),
            [s.describe() for s in pipe.explain(text)],
        )

    expected = [everything(t) for t in TEXTS]
    for r in _race(everything, [(t,) for t in TEXTS * 5]):
        assert r == expected * 5


def test_once_runs_its_loader_once_under_contention() -> None:
    calls: list[int] = []

    @once
    def slow_loader() -> object:
        calls.append(1)
        time.sleep(0.05)  # long enough for every thread to arrive while the first one loads
        return object()

    results = _race(lambda: slow_loader(), [()])
    assert len(calls) == 1
    assert slow_loader.loads() == 1
    assert len({id(r[0]) for r in results}) == 1  # everyone got the same object


_FRESH_PROCESS = textwrap.dedent(
    """
    import importlib, json, sys, threading
    import bnnorm

    def loaders():
        found = {}
        # The modules `import bnnorm` loads (integrations such as pandas are not stages).
        for modname in ("script", "pipeline", "unicode", "digits", "dates", "calendar", "spelling", "glosses", "normalize"):
            mod = importlib.import_module("bnnorm." + modname)
            for name, obj in vars(mod).items():
                if callable(obj) and callable(getattr(obj, "loads", None)):
                    found[modname + "." + name] = obj
        return found

    before = {k: f.loads() for k, f in loaders().items()}
    texts = json.loads(sys.argv[1])
    barrier = threading.Barrier(8)
    results, errors = [None] * 8, []

    def work(k):
        try:
            barrier.wait()
            results[k] = [
                (bnnorm.normalize(t), bnnorm.normalize(t, standard="wb"), bnnorm.fix_unicode(t),
                 bnnorm.unify_spelling(t), bnnorm.normalize_dates(t), bnnorm.strip_glosses(t))
                for t in texts
            ]
        except BaseException as exc:
            errors.append(repr(exc))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads: t.start()
    for t in threads: t.join()
    after = {k: f.loads() for k, f in loaders().items()}
    print(json.dumps({"before": before, "after": after, "errors": errors,
                      "identical": all(r == results[0] for r in results)}))
    """
)


def test_tables_load_once_when_eight_threads_race_in_a_fresh_process() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _FRESH_PROCESS, json.dumps(TEXTS)],
        capture_output=True, text=True, timeout=180, cwd=REPO,
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["errors"] == []
    assert report["identical"]
    assert report["before"], "no loader wrapped in script.once was found"
    # Nothing is loaded by `import bnnorm` (tables load on first use) ...
    assert all(n == 0 for n in report["before"].values()), report["before"]
    # ... and after the race, every table the stages used loaded exactly once.
    assert all(n <= 1 for n in report["after"].values()), report["after"]
    used = [k for k, n in report["after"].items() if n == 1]
    assert any(k.startswith("dates.") for k in used) and any(k.startswith("spelling.") for k in used), used
