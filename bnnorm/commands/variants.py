"""``bnnorm variants discover FILE…``: propose spelling-variant pairs from a corpus.

Writes a TSV for a reviewer (one candidate stem pair a line: proposed bd/wb
forms, counts per region, the key that grouped them); see
``bnnorm.variants_discover`` and ``docs/spelling.md``.

Examples::

    bnnorm variants discover ../shared/corpus/*.txt -o candidates.tsv
    bnnorm variants discover --top 200 --min-count 5 news.txt
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "variants",
        help="spelling-variant tools (discover candidates in a corpus)",
        description="Spelling-variant tools.",
    )
    sub = p.add_subparsers(dest="variants_command", metavar="SUBCOMMAND")
    d = sub.add_parser(
        "discover",
        help="rank candidate variant pairs found in FILEs, as TSV for review",
        description=(
            "Group the word types of FILEs by a phonetic key (indic-transliteration, folded) and a "
            "consonant skeleton, pair spellings that differ only in variant-prone letters, and rank "
            "the stem pairs by frequency and regional contrast. Files named news-bd-* count as BD, "
            "news-wb-* as WB. Held-out evaluation lines are skipped unless --keep-heldout."
        ),
        epilog="Example: bnnorm variants discover ../shared/corpus/*.txt --top 200 -o candidates.tsv",
    )
    d.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files (a directory means its *.txt)")
    d.add_argument("-o", "--output", metavar="TSV", help="write here instead of standard output")
    d.add_argument("--top", type=int, default=0, metavar="N", help="only the N best candidates (default: all)")
    d.add_argument("--min-count", type=int, default=3, metavar="N", help="ignore word types seen fewer than N times (default 3)")
    d.add_argument("--include-known", action="store_true", help="also list pairs whose stems are both in the tables")
    d.add_argument("--keep-heldout", action="store_true", help="do not skip the held-out evaluation lines")
    d.set_defaults(func=_discover)
    p.set_defaults(func=lambda args: (p.print_help(sys.stderr), 2)[1])


def _paths(names: list[str]) -> list[Path]:
    out: list[Path] = []
    for n in names:
        p = Path(n)
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return out


def _discover(args: argparse.Namespace) -> int:
    from .. import variants_discover as vd

    paths = _paths(args.files)
    try:
        counts = vd.count_types(paths, keep_heldout=args.keep_heldout)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"bnnorm variants discover: {exc}", file=sys.stderr)
        return 2
    cands = vd.discover(
        counts, min_count=args.min_count, include_known=args.include_known,
        paths=paths, keep_heldout=args.keep_heldout,
    )
    if args.top > 0:
        cands = cands[: args.top]
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            vd.write_tsv(cands, fh)
    else:
        vd.write_tsv(cands, sys.stdout)
    return 0
