"""``bnnorm glossary FILE…``: a Bengali–English lexicon from the glosses in a corpus."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ._io import STDIN, InputError, check_inputs, iter_lines, open_output, tsv_field

EPILOG = """\
examples:
  bnnorm glossary news.txt                      # TSV lexicon on stdout
  bnnorm glossary ../corpus/ -o lexicon.tsv     # a directory means its *.txt files
  bnnorm glossary --min-count 2 --top 500 *.txt
  bnnorm glossary --mixed strip wiki.txt        # also (শি জিনপিং, Xi Jinping)

columns (TSV with a header row, most frequent pair first):
  bengali   the phrase the gloss restates (case suffix dropped), NFC
  english   the gloss (the spelling seen first; pairs are grouped ignoring case)
  count     how many times the pair occurs
  example   a short window of text around its first occurrence

Memory grows with the number of distinct pairs only: files are read a line at
a time.

exit status: 0 success, 2 bad usage, a missing file or invalid UTF-8, 130 interrupted
"""

COLUMNS = ("bengali", "english", "count", "example")
#: Longest gloss (in English words) that goes into the lexicon by default.
MAX_WORDS = 8
#: Characters of context kept on each side of a pair in the example column.
EXAMPLE_CONTEXT = 30


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "glossary",
        help="build a Bengali-English lexicon from parenthetical glosses",
        description="Collect the parenthetical English glosses in FILEs (or stdin) with the Bengali phrase each "
        "glosses, and write one TSV row per distinct pair: bengali, english, count, example.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="input files or directories (their *.txt); none or '-' reads stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--min-count", type=int, default=1, metavar="N", help="only pairs seen at least N times (default 1)")
    p.add_argument("--top", type=int, default=0, metavar="N", help="only the N most frequent pairs (default all)")
    p.add_argument(
        "--max-words",
        type=int,
        default=MAX_WORDS,
        metavar="N",
        help=f"skip glosses of more than N English words: translated sentences, not lexicon entries (default {MAX_WORDS})",
    )
    p.add_argument("--mixed", choices=("keep", "strip"), default="keep", help="also take mixed Bengali/Latin parentheticals (strip)")
    p.add_argument("--errors", choices=("strict", "replace"), default="strict", help="invalid UTF-8: stop (strict) or replace")
    p.set_defaults(func=run)


def expand_inputs(paths: Iterable[str]) -> list[str]:
    """Files as given; a directory becomes its ``*.txt`` files, sorted."""
    out: list[str] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            found = sorted(os.path.join(path, n) for n in os.listdir(path) if n.endswith(".txt"))
            if not found:
                raise InputError(f"{path}: directory has no *.txt files")
            out.extend(f for f in found if os.path.isfile(f))
        else:
            out.append(path)
    return out


def example_window(line: str, start: int, end: int, context: int = EXAMPLE_CONTEXT) -> str:
    """``line[start:end]`` with about *context* characters either side, cut at spaces.

    >>> example_window("এক দুই তিন চার পাঁচ ছয়", 7, 10, context=5)
    '…দুই তিন চার…'
    """
    lo = max(0, start - context)
    hi = min(len(line), end + context)
    if lo > 0:
        space = line.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(line):
        space = line.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    text = " ".join(line[lo:hi].split())
    return ("…" if lo > 0 else "") + text + ("…" if hi < len(line) else "")


def iter_pairs(lines: Iterable[str], *, mixed: str = "keep", max_words: int = MAX_WORDS) -> Iterator[tuple[str, str, str]]:
    """``(bengali, english, example)`` for every gloss with a Bengali phrase in *lines*.

    >>> list(iter_pairs(["চিনের প্রেসিডেন্ট শি জিনপিংকে (Xi Jinping) রাশিয়ায়"]))[0][:2]
    ('শি জিনপিং', 'Xi Jinping')
    """
    from ..glosses import find_glosses
    from ..script import nfc

    for line in lines:
        if "(" not in line and "[" not in line and "（" not in line and "［" not in line:
            continue
        for g in find_glosses(line, mixed=mixed):
            if not g.bengali or not g.english or len(g.english.split()) > max_words:
                continue
            yield nfc(g.bengali), " ".join(g.english.split()), example_window(line, g.bengali_start, g.end)


def build_lexicon(
    lines: Iterable[str], *, mixed: str = "keep", max_words: int = MAX_WORDS
) -> list[tuple[str, str, int, str]]:
    """Rows ``(bengali, english, count, example)``, most frequent first (ties: by bengali, english)."""
    counts: dict[tuple[str, str], list[Any]] = {}
    for bengali, english, example in iter_pairs(lines, mixed=mixed, max_words=max_words):
        key = (bengali, english.casefold())
        entry = counts.get(key)
        if entry is None:
            counts[key] = [english, 1, example]
        else:
            entry[1] += 1
    rows = [(b, e[0], e[1], e[2]) for (b, _k), e in counts.items()]
    rows.sort(key=lambda r: (-r[2], r[0], r[1]))
    return rows


def _all_lines(files: list[str], errors: str) -> Iterator[str]:
    for path in files:
        for _lineno, text, _term in iter_lines(path, errors):
            yield text


def write_lexicon(out: IO[str], rows: Iterable[tuple[str, str, int, str]]) -> None:
    out.write("\t".join(COLUMNS) + "\n")
    for bengali, english, count, example in rows:
        out.write(f"{tsv_field(bengali)}\t{tsv_field(english)}\t{count}\t{tsv_field(example)}\n")


def run(args: argparse.Namespace) -> int:
    if args.min_count < 1 or args.top < 0 or args.max_words < 1:
        raise InputError("--min-count and --max-words must be at least 1, --top at least 0")
    files = expand_inputs(args.files or [STDIN])
    check_inputs(files)
    rows = build_lexicon(_all_lines(files, args.errors), mixed=args.mixed, max_words=args.max_words)
    rows = [r for r in rows if r[2] >= args.min_count]
    if args.top:
        rows = rows[: args.top]
    with open_output(args.output) as out:
        write_lexicon(out, rows)
    return 0
