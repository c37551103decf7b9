"""Glosses: accuracy of ``find_glosses(...).bengali`` and speed of ``strip_glosses``.

    python benchmarks/bench_glosses.py            # accuracy on tests/data/glosses_labelled.tsv
    python benchmarks/bench_glosses.py --speed    # + throughput on ../shared/corpus, adversarial inputs
    python benchmarks/bench_glosses.py --errors   # + list every miss
    python benchmarks/bench_glosses.py --errors --split dev   # misses of one split only (tune on dev, never on test)

Accuracy = exact match of ``.bengali`` (NFC) with the hand-labelled gold phrase.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import corpus_files  # noqa: E402

from bnnorm.glosses import find_glosses, strip_glosses  # noqa: E402
from bnnorm.script import nfc  # noqa: E402

LABELLED = REPO / "tests" / "data" / "glosses_labelled.tsv"


def load_labelled(path: Path = LABELLED) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, cells)))
    return rows


def predict(context: str, english: str) -> tuple[str, str]:
    """``(bengali, method)`` for the gloss ``(english)`` written right after *context*."""
    glosses = find_glosses(f"{context} ({english})")
    if not glosses:
        return "", "not-a-gloss"
    return glosses[-1].bengali, glosses[-1].method


def accuracy(show_errors: bool = False, error_split: str | None = None) -> dict[str, float]:
    """Exact-match rate of ``.bengali`` per split (dev: tuned on; heldout, test: labelled blind) and overall."""
    rows = load_labelled()
    by_split: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    by_method: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for r in rows:
        got, method = predict(r["context"], r["english"])
        ok = nfc(got) == nfc(r["gold"])
        for key in (r.get("split", "dev"), "all"):
            by_split[key][0] += ok
            by_split[key][1] += 1
        by_method[method][0] += ok
        by_method[method][1] += 1
        if show_errors and not ok and error_split in (None, r.get("split")):
            print(f"  MISS [{r.get('split')}/{method}] {r['context']} ({r['english']}): got {got!r}, gold {r['gold']!r}")
    rates = {}
    for split, (h, n) in sorted(by_split.items()):
        rates[split] = h / n
        print(f"bengali exact match, {split:8s}: {h}/{n} = {h / n:.3f}")
    for method, (h, n) in sorted(by_method.items()):
        print(f"  by method {method:16s} {h}/{n} = {h / n:.3f}")
    return rates


def speed() -> None:
    files = corpus_files()
    if files:
        text = "\n".join(f.read_text(encoding="utf-8") for f in files)
        mb = len(text.encode("utf-8")) / 1e6
        t = time.perf_counter()
        removed = len(text) - len(strip_glosses(text))
        dt = time.perf_counter() - t
        print(f"strip_glosses on corpus: {mb:.1f} MB in {dt:.2f} s = {mb / dt:.1f} MB/s ({removed} chars removed)")
        t = time.perf_counter()
        n = sum(len(find_glosses(line)) for line in text.splitlines())
        dt = time.perf_counter() - t
        print(f"find_glosses on corpus: {n} glosses in {dt:.2f} s")
    for name, s in [
        ("1 MB of '('", "(" * 1_000_000),
        ("1 MB of '(a'", "(a" * 500_000),
        ("1 MB of 'শি ('", "শি (" * 333_333),
        ("1 MB of 'শি (Xi) '", "শি (Xi) " * 125_000),
        ("1 MB of '[' then ']'", "শি [" * 333_333 + "]"),
    ]:
        t = time.perf_counter()
        strip_glosses(s)
        dt1 = time.perf_counter() - t
        t = time.perf_counter()
        find_glosses(s)
        dt2 = time.perf_counter() - t
        print(f"{name:22s} strip {dt1:.2f} s, find {dt2:.2f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--split", help="with --errors: list the misses of this split only")
    args = ap.parse_args()
    accuracy(args.errors, args.split)
    if args.speed:
        speed()
    return 0


if __name__ == "__main__":
    sys.exit(main())
