"""Shared helpers for the benchmark scripts: the corpus, its fixed slice, timing.

The corpus is ``../shared/corpus/*.txt`` (one document per line; it exists on
the developers' machines and in CI only, never in the repository).  Set
``BNNORM_CORPUS=/path/to/dir`` to use another directory of ``*.txt`` files.

The *slice* used for throughput is fixed so runs are comparable: lines are
taken **round-robin across the files in name order** (line 1 of every file,
then line 2 of every file, ...) until their UTF-8 size reaches
``SLICE_BYTES`` (5,000,000).  That mixes Bangladeshi news, West Bengal news
and Wikipedia in the corpus's proportions at the top of each file, and is the
same set of lines on every run.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

REPO = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
CORPUS = Path(os.environ.get("BNNORM_CORPUS", REPO.parent / "shared" / "corpus"))

#: UTF-8 bytes of the throughput slice.
SLICE_BYTES = 5_000_000


def corpus_files(corpus: Path = CORPUS) -> list[Path]:
    """The corpus files, sorted by name; empty when the corpus is absent."""
    return sorted(corpus.glob("*.txt")) if corpus.is_dir() else []


def require_corpus(corpus: Path = CORPUS) -> list[Path]:
    """The corpus files, or exit with a one-line message (status 0: nothing to measure)."""
    files = corpus_files(corpus)
    if not files:
        print(f"corpus not found at {corpus} (set BNNORM_CORPUS); skipping", file=sys.stderr)
        sys.exit(0)
    return files


def read_lines(path: Path) -> list[str]:
    """The lines of one corpus file, line breaks removed (documents never contain one)."""
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in fh]


def iter_corpus_lines(files: Sequence[Path] | None = None) -> Iterator[tuple[Path, int, str]]:
    """Every line of every corpus file: ``(file, line number from 1, text)``."""
    for path in files if files is not None else corpus_files():
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                yield path, n, line.rstrip("\n")


def corpus_slice(max_bytes: int = SLICE_BYTES, files: Sequence[Path] | None = None) -> list[str]:
    """The fixed throughput slice: lines round-robin across files until *max_bytes* UTF-8."""
    per_file = [read_lines(p) for p in (files if files is not None else corpus_files())]
    out: list[str] = []
    total = 0
    depth = 0
    longest = max((len(lines) for lines in per_file), default=0)
    while depth < longest:
        for lines in per_file:
            if depth < len(lines):
                line = lines[depth]
                out.append(line)
                total += len(line.encode("utf-8")) + 1
                if total >= max_bytes:
                    return out
        depth += 1
    return out


def utf8_size(lines: Iterable[str]) -> int:
    """UTF-8 bytes of *lines*, one newline each (what the file held)."""
    return sum(len(s.encode("utf-8")) + 1 for s in lines)


def time_per_line(func: Callable[[str], object], lines: Sequence[str], *, repeats: int = 3, warmup: int = 50) -> float:
    """Best wall time (s) of ``func(line)`` over every line, best of *repeats*, after a warm-up.

    One process, ``time.perf_counter``; the garbage collector is off during a
    pass (as ``timeit`` does) so a collection triggered by someone else's
    garbage does not land in our numbers.
    """
    for s in lines[:warmup]:
        func(s)
    best = float("inf")
    for _ in range(repeats):
        gc_was = gc.isenabled()
        gc.disable()
        try:
            t0 = time.perf_counter()
            for s in lines:
                func(s)
            dt = time.perf_counter() - t0
        finally:
            if gc_was:
                gc.enable()
        best = min(best, dt)
    return best


def time_call(func: Callable[[], object], *, repeats: int = 3) -> float:
    """Best wall time (s) of one ``func()`` call, best of *repeats*."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - t0)
    return best


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "machine": platform.machine(),
        "cpus": str(os.cpu_count()),
        "processor": _cpu_model(),
        "date_utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
    }


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def git_head() -> str:
    """Commit the benchmark ran on (for the saved results)."""
    try:
        import subprocess

        out = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10)
        return out.stdout.strip() or "unknown"
    except Exception:  # noqa: BLE001 - informational only
        return "unknown"


class Report:
    """Prints lines as it goes and saves them (plus JSON data) under ``benchmarks/results/``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: list[str] = []
        self.data: dict[str, object] = {"machine": machine(), "commit": git_head()}

    def __call__(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)

    def save(self) -> Path:
        RESULTS.mkdir(parents=True, exist_ok=True)
        txt = RESULTS / f"{self.name}.txt"
        txt.write_text("\n".join(self.lines) + "\n", encoding="utf-8")
        (RESULTS / f"{self.name}.json").write_text(json.dumps(self.data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return txt
