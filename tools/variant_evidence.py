#!/usr/bin/env python3
"""Corpus evidence for the spelling-variant tables (data/variants/*.tsv).

A development tool, not part of the library: it reads the shared corpus
(``/work/shared/corpus`` or ``$BNNORM_CORPUS``), which never ships.

Held-out lines are skipped everywhere: every line whose 1-based number is a
multiple of 10 in ``news-bd-prothomalo-01.txt`` and ``news-wb-anandabazar-01.txt``
is reserved for evaluation and never counted.

Commands::

    python tools/variant_evidence.py count চীন চিন          # stem counts BD/WB/wiki
    python tools/variant_evidence.py grep "সি চিন পিং"      # phrase counts + 2 short contexts
    python tools/variant_evidence.py pairs --fold ি=ী > /tmp/pairs.tsv
    python tools/variant_evidence.py check                  # validate the variant tables

A *stem count* is the number of tokens equal to the form or to the form plus
one of the common inflection suffixes in ``SUFFIXES`` (চীন counts চীন, চীনের,
চীনে, চীনকে ...).  The ``source`` column of the tables records stem counts as
``corpus BD n/WB m`` for each spelling, e.g. ``corpus চীন 436/1, চিন 8/297``.
"""

from __future__ import annotations

import argparse
import collections
import os
import pickle
import sys
import unicodedata
from pathlib import Path

import regex

CORPUS = Path(os.environ.get("BNNORM_CORPUS", "/work/shared/corpus"))
CACHE = Path(os.environ.get("BNNORM_EVIDENCE_CACHE", "/tmp/bnnorm_variant_evidence.pkl"))
DATA = Path(__file__).resolve().parent.parent / "data" / "variants"
HELD_OUT = {"news-bd-prothomalo-01.txt", "news-wb-anandabazar-01.txt"}

TOKEN = regex.compile(r"[\u0980-\u09E3\u09F0-\u09FE\u200C\u200D]+")
# Common inflections of nouns and names (NFC; য় is য + nukta after NFC).
SUFFIXES = tuple(
    unicodedata.normalize("NFC", s)
    for s in (
        "", "ের", "র", "কে", "ে", "য়", "য়ে", "তে", "রা", "েরা", "দের", "েদের", "গুলো", "গুলি",
        "টি", "টা", "টির", "ও", "ই", "েও", "েই", "য়ও", "য়েও", "য়েই", "তেও", "তেই", "রও", "রই",
        "েরও", "েরই", "কেও", "কেই", "সহ", "য়ের", "য়েরও", "য়েরই", "দেরও", "দেরকে", "দেরই",
    )
)


def region(name: str) -> str:
    return "BD" if name.startswith("news-bd") else "WB" if name.startswith("news-wb") else "wiki"


def lines():
    """Yield (region, NFC line) for every counted line (held-out lines skipped)."""
    for path in sorted(CORPUS.glob("*.txt")):
        held = path.name in HELD_OUT
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if held and lineno % 10 == 0:
                    continue
                yield region(path.name), unicodedata.normalize("NFC", line).replace("\u200c", "").replace("\u200d", "")


def load():
    """Token counts per region and the NFC text per region (cached in /tmp)."""
    if CACHE.exists():
        with open(CACHE, "rb") as fh:
            return pickle.load(fh)
    counts = {r: collections.Counter() for r in ("BD", "WB", "wiki")}
    texts = {r: [] for r in ("BD", "WB", "wiki")}
    for reg, line in lines():
        counts[reg].update(TOKEN.findall(line))
        texts[reg].append(line)
    data = (counts, {r: "".join(t) for r, t in texts.items()})
    with open(CACHE, "wb") as fh:
        pickle.dump(data, fh)
    return data


def stem_count(counts, form: str, reg: str) -> int:
    c = counts[reg]
    return sum(c.get(form + s, 0) for s in SUFFIXES)


def phrase_count(texts, phrase: str, reg: str, noun: bool = True) -> int:
    """Occurrences of a (multi-word) phrase as whole words; suffixes allowed on the last word."""
    words = [regex.escape(w) for w in phrase.split(" ")]
    suf = "(?:" + "|".join(regex.escape(s) for s in sorted(SUFFIXES, key=len, reverse=True) if s) + ")?" if noun else ""
    pat = regex.compile(r"(?<![\p{Bengali}])" + r"[\s\-]+".join(words) + suf + r"(?![\p{Bengali}])")
    return len(pat.findall(texts[reg]))


def cmd_count(args):
    counts, texts = load()
    for form in args.forms:
        form = unicodedata.normalize("NFC", form)
        if " " in form:
            got = [phrase_count(texts, form, r, not args.exact) for r in ("BD", "WB", "wiki")]
        elif args.exact:
            got = [counts[r].get(form, 0) for r in ("BD", "WB", "wiki")]
        else:
            got = [stem_count(counts, form, r) for r in ("BD", "WB", "wiki")]
        print(f"{form}\t{got[0]}\t{got[1]}\t{got[2]}")


def cmd_grep(args):
    _, texts = load()
    for phrase in args.phrases:
        phrase = unicodedata.normalize("NFC", phrase)
        pat = regex.compile(r"(?<![\p{Bengali}])" + regex.escape(phrase))
        for reg in ("BD", "WB", "wiki"):
            hits = list(pat.finditer(texts[reg]))
            print(f"{phrase}\t{reg}\t{len(hits)}")
            for m in hits[: args.n]:
                s = texts[reg][max(0, m.start() - 30): m.end() + 30].replace("\n", " ")
                print(f"    {s}")


FOLDS = [("ী", "ি"), ("ূ", "ু"), ("ঙ্ক", "ংক"), ("ঙ্গ", "ংগ"), ("ষ্ট", "স্ট"), ("ষ", "স"), ("শ", "স"),
         ("ণ", "ন"), ("য়", ""), ("ও", "ো"), ("জ়", "জ"), ("্য", ""), ("ৎ", "ত")]


def fold(word: str, folds) -> str:
    for a, b in folds:
        word = word.replace(a, b)
    return word


def cmd_pairs(args):
    """Group word types by a fold key; print groups with more than one spelling."""
    counts, _ = load()
    folds = [tuple(f.split("=", 1)) for f in args.fold] if args.fold else FOLDS
    folds = [(unicodedata.normalize("NFC", a), unicodedata.normalize("NFC", b)) for a, b in folds]
    total = collections.Counter()
    for r in ("BD", "WB"):
        total.update(counts[r])
    groups = collections.defaultdict(list)
    for w, n in total.items():
        if n >= args.min:
            groups[fold(w, folds)].append(w)
    rows = []
    for ws in groups.values():
        if len(ws) < 2:
            continue
        ws.sort(key=lambda w: -total[w])
        rare = sorted(total[w] for w in ws)[-2]
        rows.append((rare, ws))
    rows.sort(key=lambda r: -r[0])
    for rare, ws in rows:
        print("\t".join(f"{w} {counts['BD'][w]}/{counts['WB'][w]}/{counts['wiki'][w]}" for w in ws))


# ---------------------------------------------------------------------- check
KINDS = {"regional", "transliteration", "orthographic"}
CLASSES = {"noun", "fixed", "phrase"}
FILES = ("core.tsv", "places.tsv", "names.tsv", "names_asia_africa.tsv", "calendar.tsv", "orthography.tsv")
BENGALI_WORD = regex.compile(r"^[\u0980-\u09FE]+(?: [\u0980-\u09FE]+)*$")


def read_rows(path: Path):
    header = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = cells
            if header != ["form", "bd", "wb", "kind", "class", "source"]:
                yield lineno, None, f"bad header {header}"
            continue
        yield lineno, dict(zip(header, cells + [""] * (len(header) - len(cells)))), (
            None if len(cells) == len(header) else f"{len(cells)} fields"
        )


def cmd_check(args):
    errors = []
    rows = {}
    for name in FILES:
        path = DATA / name
        if not path.exists():
            continue
        for lineno, row, err in read_rows(path):
            where = f"{name}:{lineno}"
            if err:
                errors.append(f"{where}: {err}")
            if row is None:
                continue
            for col in ("form", "bd", "wb"):
                v = row[col]
                if v != unicodedata.normalize("NFC", v) or v != v.strip() or not BENGALI_WORD.match(v):
                    errors.append(f"{where}: {col} {v!r} not a clean NFC Bengali word/phrase")
            if row["kind"] not in KINDS:
                errors.append(f"{where}: kind {row['kind']!r}")
            if row["class"] not in CLASSES:
                errors.append(f"{where}: class {row['class']!r}")
            if (" " in row["form"]) != (row["class"] == "phrase"):
                errors.append(f"{where}: class {row['class']} vs form {row['form']!r}")
            if not row["source"].strip():
                errors.append(f"{where}: empty source")
            if row["form"] in rows:
                errors.append(f"{where}: duplicate form {row['form']} (first at {rows[row['form']][0]})")
                continue
            rows[row["form"]] = (where, row)
    for form, (where, row) in rows.items():
        for std in ("bd", "wb"):
            target = row[std]
            if target not in rows:
                errors.append(f"{where}: {std} target {target} of {form} is not a form row")
            elif rows[target][1][std] != target:
                errors.append(f"{where}: chain {form} -> {target} -> {rows[target][1][std]} ({std})")
        # a canonical under both standards must be the target of some other row
        if row["form"] == row["bd"] == row["wb"] and not any(
            r[1]["bd"] == form or r[1]["wb"] == form for f, r in rows.items() if f != form
        ):
            errors.append(f"{where}: {form} maps to itself only (no variant)")
        if row["class"] != rows.get(row["bd"], (None, row))[1]["class"] or row["class"] != rows.get(row["wb"], (None, row))[1]["class"]:
            errors.append(f"{where}: class of {form} differs from its canonical's class")
    for e in errors:
        print(e)
    mine = [r for f, (w, r) in rows.items() if not w.startswith("core.tsv")]
    per_file = collections.Counter(w.split(":")[0] for w, _ in rows.values())
    heads = collections.defaultdict(set)
    for f, (w, r) in rows.items():
        heads[w.split(":")[0]].add((r["bd"], r["wb"]))
    for name in FILES:
        if per_file[name]:
            print(f"{name}: {per_file[name]} rows, {len(heads[name])} headwords")
    allheads = set().union(*heads.values()) if heads else set()
    print(f"total: {len(rows)} rows ({len(mine)} outside core), {len(allheads)} headwords")
    if args.counts:
        counts, texts = load()
        for f, (w, r) in rows.items():
            if r["class"] == "phrase":
                got = [phrase_count(texts, f, reg) for reg in ("BD", "WB")]
            elif r["class"] == "fixed":
                got = [counts[reg].get(f, 0) for reg in ("BD", "WB")]
            else:
                got = [stem_count(counts, f, reg) for reg in ("BD", "WB")]
            print(f"{w}\t{f}\t{got[0]}/{got[1]}\t{r['source']}")
    return 1 if errors else 0


# ---------------------------------------------------------------------- build
# Notes citing these keep spellings the corpus lacks (the cited source attests them).
EXTERNAL_SOURCES = ("CLDR", "calendar.md", "variants.md §1")
HUNSPELL = Path("/usr/share/hunspell/bn_BD.dic")


def lexicon() -> set[str]:
    """Words of the hunspell bn_BD list (GPL; dev-time evidence that a spelling is in use, never shipped)."""
    if not HUNSPELL.exists():
        return set()
    words = HUNSPELL.read_text(encoding="utf-8").split("\n")[1:]
    return {unicodedata.normalize("NFC", w.split("/")[0].strip()) for w in words if w.strip()}


def cmd_build(args):
    """Turn a compact spec into table rows with corpus counts in ``source``.

    Spec line: ``bd | wb | kind | class | variant, variant ... | note`` (``wb`` may be
    ``=`` for "same as bd").  Emits one row for each canonical and each variant; the
    source column lists the stem counts BD/WB of every spelling of the group, then
    the note.  Spellings never seen in the corpus (BD+WB+wiki) are flagged on stderr.
    """
    counts, texts = load()
    lex = lexicon()
    excluded = set()
    for other in args.exclude or ():
        excluded.update(row["form"] for _, row, _ in read_rows(Path(other)) if row)

    def cnt(form, cls, reg):
        if cls == "phrase":
            return phrase_count(texts, form, reg)
        if cls == "fixed":
            return counts[reg].get(form, 0)
        return stem_count(counts, form, reg)

    print("form\tbd\twb\tkind\tclass\tsource")
    with open(args.spec, encoding="utf-8") as fh:
        spec_lines = fh.read().split("\n")
    for raw in spec_lines:
        line = unicodedata.normalize("NFC", raw.rstrip("\n"))
        if not line.strip():
            continue
        if line.startswith("#"):
            print(line)
            continue
        parts = [p.strip() for p in line.split("|")]
        parts += [""] * (6 - len(parts))
        bd, wb, kind, cls, variants, note = parts[:6]
        wb = bd if wb == "=" else wb
        canon = [bd] + ([wb] if wb != bd else [])
        forms = canon + [v.strip() for v in variants.split(",") if v.strip() and v.strip() not in canon]
        ev, kept = [], []
        for f in forms:
            got = [cnt(f, cls, r) for r in ("BD", "WB", "wiki")]
            inlex = all(w in lex for w in f.split(" "))
            sourced = any(tag in note for tag in EXTERNAL_SOURCES)
            if sum(got) == 0 and not inlex:
                print(f"unseen: {f} ({line})", file=sys.stderr)
                if args.drop_unseen and not sourced:
                    if f in canon:
                        kept = []
                        break
                    continue
            kept.append(f)
            wiki = args.wiki or got[0] + got[1] == 0
            ev.append(f"{f} {got[0]}/{got[1]}" + (f" (wiki {got[2]})" if wiki and got[2] else "")
                      + (" (hunspell bn_BD)" if sum(got) == 0 and inlex else "")
                      + (" (not in corpus)" if sum(got) == 0 and not inlex else ""))
        if len(kept) < 2:
            print(f"dropped: {line}", file=sys.stderr)
            continue
        source = "corpus " + ", ".join(ev) + (f"; {note}" if note else "")
        for f in kept:
            if f in excluded:  # already a row of another table (e.g. core.tsv)
                continue
            excluded.add(f)
            print(f"{f}\t{bd}\t{wb}\t{kind}\t{cls}\t{source}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("count")
    p.add_argument("forms", nargs="+")
    p.add_argument("--exact", action="store_true", help="exact token counts, no suffixes")
    p.set_defaults(fn=cmd_count)
    p = sub.add_parser("grep")
    p.add_argument("phrases", nargs="+")
    p.add_argument("-n", type=int, default=2)
    p.set_defaults(fn=cmd_grep)
    p = sub.add_parser("pairs")
    p.add_argument("--fold", action="append", help="A=B (repeatable); default: all phonetic folds")
    p.add_argument("--min", type=int, default=2)
    p.set_defaults(fn=cmd_pairs)
    p = sub.add_parser("check")
    p.add_argument("--counts", action="store_true", help="print each row's stem counts next to its source")
    p.set_defaults(fn=cmd_check)
    p = sub.add_parser("build")
    p.add_argument("spec")
    p.add_argument("--wiki", action="store_true", help="also show wiki counts")
    p.add_argument("--exclude", action="append", help="skip forms that are rows of this table (repeatable)")
    p.add_argument("--drop-unseen", action="store_true", help="drop spellings with no evidence at all")
    p.set_defaults(fn=cmd_build)
    args = ap.parse_args(argv)
    return args.fn(args) or 0


if __name__ == "__main__":
    sys.exit(main())
