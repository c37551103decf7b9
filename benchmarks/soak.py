"""Soak run over the whole corpus (issue 7, point 3; issue 2's soak bar).

For every line of every file in ``../shared/corpus`` (exits 0 with a message
when the corpus is absent):

* ``normalize`` raises nothing, and its fast path gives what ``explain``'s
  last step gives (the edit path);
* it is idempotent: ``normalize(normalize(x)) == normalize(x)``; each stage
  function on its own is idempotent too (checked on every line);
* no Bengali digit is left in the output (default ``digits="ascii"``);
* the alignment of every line maps the whole output inside its input, and
  every output span sampled maps inside the input and back around itself;
* a summary of changes per stage and rule (edits, lines changed).

Then the CLI streams the whole corpus (``bnnorm normalize FILES -o /dev/null``)
in a child process, and its peak RSS is compared with that of one small file:
memory must be constant (not grow with input) and under 200 MB.

Failures are listed as ``file:line`` with a few characters of context (the
corpus texts belong to their publishers: results never quote more than that).
Output: ``benchmarks/results/soak.txt`` (and ``.json``).
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import regex  # noqa: E402

from common import Report, iter_corpus_lines, require_corpus  # noqa: E402

BN_DIGIT = regex.compile("[০-৯]")
MAX_EXAMPLES = 5


def snippet(text: str, pos: int, width: int = 12) -> str:
    """A few characters around *pos* (never a quotation of the corpus)."""
    return repr(text[max(0, pos - width) : pos + width])


def first_difference(a: str, b: str) -> int:
    n = min(len(a), len(b))
    for i in range(n):
        if a[i] != b[i]:
            return i
    return n


def soak_lines(rep: Report, files: list[Path], limit: int | None) -> dict:
    import bnnorm

    pipe = bnnorm.make_pipeline()
    stage_funcs = {
        "fix_unicode": bnnorm.fix_unicode,
        "strip_glosses": bnnorm.strip_glosses,
        "unify_spelling": bnnorm.unify_spelling,
        "normalize_dates": bnnorm.normalize_dates,
        "convert_digits": bnnorm.convert_digits,
    }
    failures: dict[str, list[str]] = collections.defaultdict(list)
    fail_counts: collections.Counter[str] = collections.Counter()
    edits: collections.Counter[str] = collections.Counter()
    lines_changed_by: collections.Counter[str] = collections.Counter()
    stage_lines_changed: collections.Counter[str] = collections.Counter()
    n_lines = n_changed = chars_in = chars_out = bytes_in = 0

    def fail(kind: str, where: str, detail: str) -> None:
        fail_counts[kind] += 1
        if len(failures[kind]) < MAX_EXAMPLES:
            failures[kind].append(f"{where}: {detail}")

    t0 = time.perf_counter()
    for path, lineno, x in iter_corpus_lines(files):
        if limit is not None and n_lines >= limit:
            break
        where = f"{path.name}:{lineno}"
        n_lines += 1
        bytes_in += len(x.encode("utf-8")) + 1
        try:
            y = bnnorm.normalize(x)
            steps = pipe.explain(x)
            y_aligned, al = pipe.normalize_with_alignment(x)
        except Exception as exc:  # noqa: BLE001 - the soak reports every exception
            fail("exception", where, f"{type(exc).__name__}: {exc}")
            continue
        chars_in += len(x)
        chars_out += len(y)
        if y != x:
            n_changed += 1
        edit_path = steps[-1].after if steps else x
        if edit_path != y or y_aligned != y:
            fail("fast path != edit path", where, snippet(y, first_difference(y, edit_path)))
        again = bnnorm.normalize(y)
        if again != y:
            fail("normalize not idempotent", where, f"{snippet(y, first_difference(y, again))} -> {snippet(again, first_difference(y, again))}")
        m = BN_DIGIT.search(y)
        if m:
            fail("Bengali digit left", where, snippet(y, m.start()))
        a, b = al.to_input(0, len(y))
        if not (0 <= a <= b <= len(x)):
            fail("alignment outside input", where, f"to_input(0, {len(y)}) = {(a, b)} for input length {len(x)}")
        if len(y) > 0:
            for s, e in ((0, min(len(y), 10)), (len(y) // 2, len(y) // 2 + 1), (max(0, len(y) - 10), len(y))):
                p, q = al.to_input(s, e)
                if not (0 <= p <= q <= len(x)):
                    fail("alignment outside input", where, f"to_input{(s, e)} = {(p, q)}")
                c, d = al.to_output(p, q)
                if not (c <= s and e <= d):
                    fail("alignment round trip", where, f"to_output(to_input{(s, e)}) = {(c, d)}")
        seen_stages = set()
        seen_rules = set()
        for step in steps:
            for e in step.edits:
                rule = f"{step.stage}/{e.rule or step.rule}"
                edits[rule] += 1
                seen_rules.add(rule)
            seen_stages.add(step.stage)
        for rule in seen_rules:
            lines_changed_by[rule] += 1
        for st in seen_stages:
            stage_lines_changed[st] += 1
        for name, f in stage_funcs.items():
            try:
                once = f(x)
                if f(once) != once:
                    fail(f"{name} not idempotent", where, snippet(once, first_difference(once, f(once))))
            except Exception as exc:  # noqa: BLE001
                fail("exception", where, f"{name}: {type(exc).__name__}: {exc}")
    dt = time.perf_counter() - t0

    rep(f"lines: {n_lines:,} ({bytes_in:,} bytes) in {dt:.1f} s; changed by normalize: {n_changed:,} ({100 * n_changed / max(n_lines, 1):.1f} %)")
    rep(f"characters: {chars_in:,} in, {chars_out:,} out ({100 * (chars_out - chars_in) / max(chars_in, 1):+.2f} %)")
    rep()
    checks = [
        "exception", "fast path != edit path", "normalize not idempotent", "Bengali digit left",
        "alignment outside input", "alignment round trip",
    ] + [f"{n} not idempotent" for n in stage_funcs]
    for kind in checks:
        count = fail_counts.get(kind, 0)
        rep(f"[{'PASS' if count == 0 else 'FAIL'}] {kind}: {count} line(s)")
        for ex in failures.get(kind, []):
            rep(f"       {ex}")
    rep()
    rep("changes per stage (lines changed):")
    for st, count in stage_lines_changed.most_common():
        rep(f"  {st:12} {count:8,} lines")
    rep("changes per stage/rule (edits, lines):")
    for rule, count in edits.most_common():
        rep(f"  {rule:45} {count:9,} edits {lines_changed_by.get(rule, 0):7,} lines")
    return {
        "lines": n_lines, "bytes": bytes_in, "seconds": dt, "lines_changed": n_changed,
        "failures": dict(fail_counts), "examples": dict(failures),
        "stage_lines_changed": dict(stage_lines_changed), "edits": dict(edits),
    }


def cli_peak_memory(rep: Report, files: list[Path]) -> dict:
    """Peak RSS (MB) of ``bnnorm normalize`` on one small file and on the whole corpus."""

    def run(paths: list[Path]) -> tuple[float, float]:
        code = (
            "import resource, subprocess, sys; "
            "p = subprocess.run([sys.executable, '-m', 'bnnorm', 'normalize', '-o', '/dev/null', *sys.argv[1:]]); "
            "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code, *map(str, paths)], capture_output=True, text=True, timeout=1800)
        dt = time.perf_counter() - t0
        rc, kb = out.stdout.split()
        if rc != "0":
            raise RuntimeError(f"bnnorm normalize exited {rc}: {out.stderr.strip()[-300:]}")
        return int(kb) / 1024, dt

    smallest = min(files, key=lambda p: p.stat().st_size)
    small_mb, small_s = run([smallest])
    total = sum(p.stat().st_size for p in files)
    all_mb, all_s = run(files)
    rep(f"CLI peak RSS, bnnorm normalize -o /dev/null: {small_mb:.1f} MB on {smallest.name} ({smallest.stat().st_size:,} bytes, {small_s:.1f} s); "
        f"{all_mb:.1f} MB on all {len(files)} files ({total:,} bytes, {all_s:.1f} s, {total / 1e6 / all_s:.1f} MB/s)")
    constant = all_mb <= small_mb * 1.25 + 10
    rep(f"[{'PASS' if all_mb < 200 else 'FAIL'}] peak RSS under 200 MB: {all_mb:.1f} MB")
    rep(f"[{'PASS' if constant else 'FAIL'}] constant memory (whole corpus within 25 % + 10 MB of one small file): {all_mb:.1f} vs {small_mb:.1f} MB")
    return {"small_file_mb": small_mb, "all_files_mb": all_mb, "all_files_s": all_s, "bytes": total}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="stop after N lines (a quick look)")
    ap.add_argument("--no-cli", action="store_true", help="skip the CLI memory measurement")
    args = ap.parse_args(argv)
    files = require_corpus()
    rep = Report("soak" if args.limit is None else "soak-partial")
    m = rep.data["machine"]
    rep(f"# soak over {len(files)} corpus files, {m['date_utc']} UTC, commit {rep.data['commit']}, Python {m['python']}")
    rep()
    rep.data["lines"] = soak_lines(rep, files, args.limit)
    if not args.no_cli:
        rep()
        rep.data["cli"] = cli_peak_memory(rep, files)
    rep.save()
    failed = any(rep.data["lines"]["failures"].values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
