"""Throughput of bnnorm beside its peers, in one run, plus import time and Unicode differences.

Run (in a virtualenv with the ``bench`` extra, see ``benchmarks/README.md``)::

    python benchmarks/bench_throughput.py            # everything, ~3-4 minutes
    python benchmarks/bench_throughput.py --quick    # 1 MB slice, 1 repeat, no bnunicodenormalizer
    python benchmarks/bench_throughput.py --profile  # also cProfile the default pipeline

What it measures, all in one process on the same lines (the fixed 5 MB slice
of ``../shared/corpus``, see ``common.corpus_slice``):

* MB/s of UTF-8 input, calling each function once per line (a document), best
  of 3 rounds after a 50-line warm-up, ``time.perf_counter``, rounds
  interleaved (each contender once per round, so load drift on a shared
  machine hits all of them alike): bnnorm's stages and
  ``normalize``; the peers used as their documentation says (peers.md §a,
  "Main call"): ``csebuetnlp-normalizer``'s ``normalize(s)``,
  ``bnunicodenormalizer``'s ``Normalizer()(word)`` for every whitespace token
  (one pass only: it runs at ~0.15 MB/s), and indic-nlp-library's
  ``IndicNormalizerFactory().get_normalizer("bn").normalize(s)``; and two
  floors: ``unicodedata.normalize("NFC")`` and one ``regex`` substitution over
  the Bengali digit class.
* ratios of each bnnorm function to each peer and to the regex floor, and the
  bars of issues 2 and 7 (PASS/FAIL lines; measured, not asserted).
* ``import bnnorm`` time and first-call time, each in a fresh interpreter,
  best of 5.
* where ``fix_unicode``'s output differs from each peer's, by kind, on the
  first MB of the slice (``--diff-bytes``).

Output is printed and saved to ``benchmarks/results/throughput.txt`` (and
``.json``).
"""

from __future__ import annotations

import argparse
import collections
import difflib
import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import Callable, Iterable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import regex  # noqa: E402

from common import Report, corpus_slice, require_corpus, time_per_line, utf8_size  # noqa: E402

MB = 1_000_000

#: A line that exercises every stage (date, time, gloss, variant, digits, Unicode).
SAMPLE = "প্রকাশিত সময় : ১০:৩১ অপরাহ্ন, শনিবার, ২০ ডিসেম্বর ২০২৫ চিনের প্রেসিডেন্ট শি জিনপিংকে (Xi Jinping) য়  র\u200d্যাব"


# --------------------------------------------------------------------------
# the contenders
# --------------------------------------------------------------------------


def bnnorm_functions() -> dict[str, Callable[[str], str]]:
    import bnnorm

    fix, digits = bnnorm.fix_unicode, bnnorm.convert_digits
    return {
        "bnnorm fix_unicode": fix,
        "bnnorm convert_digits": digits,
        "bnnorm fix_unicode+convert_digits": lambda s: digits(fix(s)),
        "bnnorm strip_glosses": bnnorm.strip_glosses,
        "bnnorm unify_spelling": bnnorm.unify_spelling,
        "bnnorm normalize_dates": bnnorm.normalize_dates,
        "bnnorm normalize (default)": bnnorm.normalize,
    }


def peer_functions(skip_bnu: bool) -> tuple[dict[str, Callable[[str], str]], dict[str, str]]:
    """The peers that import here, and why the others are missing."""
    peers: dict[str, Callable[[str], str]] = {}
    missing: dict[str, str] = {}
    try:
        from normalizer import normalize as cse_normalize  # csebuetnlp-normalizer

        peers["csebuetnlp-normalizer"] = cse_normalize
    except Exception as exc:  # noqa: BLE001 - report and go on
        missing["csebuetnlp-normalizer"] = f"{type(exc).__name__}: {exc}"
    try:
        from indicnlp.normalize.indic_normalize import IndicNormalizerFactory

        inlp = IndicNormalizerFactory().get_normalizer("bn")
        peers["indic-nlp-library"] = inlp.normalize
    except Exception as exc:  # noqa: BLE001
        missing["indic-nlp-library"] = f"{type(exc).__name__}: {exc}"
    if skip_bnu:
        missing["bnunicodenormalizer"] = "skipped (--quick or --skip-bnu)"
    else:
        try:
            from bnunicodenormalizer import Normalizer

            bnu = Normalizer()

            def bnu_per_word(s: str) -> str:
                # Word by word, as it must be used (a space raises ValueError); None = word deleted.
                out = []
                for word in s.split():
                    r = bnu(word)["normalized"]
                    if r:
                        out.append(r)
                return " ".join(out)

            peers["bnunicodenormalizer"] = bnu_per_word
        except Exception as exc:  # noqa: BLE001
            missing["bnunicodenormalizer"] = f"{type(exc).__name__}: {exc}"
    return peers, missing


_BN_DIGIT = regex.compile("[০-৯]")
_DIGIT_TABLE = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
REGEX_FLOOR = "floor: one regex.sub over [০-৯]"


def floor_functions() -> dict[str, Callable[[str], str]]:
    def regex_digits(s: str) -> str:
        return _BN_DIGIT.sub(lambda m: m.group().translate(_DIGIT_TABLE), s)

    return {
        'floor: unicodedata.normalize("NFC")': lambda s: unicodedata.normalize("NFC", s),
        REGEX_FLOOR: regex_digits,
    }


# --------------------------------------------------------------------------
# import and first-call time, in fresh interpreters
# --------------------------------------------------------------------------

_IMPORT_PROBE = "import time; t = time.perf_counter(); import bnnorm; print(time.perf_counter() - t)"
_FIRST_CALL_PROBE = (
    "import time, bnnorm; s = {sample!r}; t = time.perf_counter(); bnnorm.normalize(s); "
    "t1 = time.perf_counter(); bnnorm.normalize(s); t2 = time.perf_counter(); print(t1 - t, t2 - t1)"
)


def _run_probe(code: str) -> list[float]:
    # As an installed user imports it: with bytecode caches (pip writes them at
    # install time; PYTHONDONTWRITEBYTECODE, set on some dev machines, would make
    # every import recompile the sources).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True, env=env)
    return [float(x) for x in out.stdout.split()]


def import_times(repeats: int = 5) -> dict[str, float]:
    _run_probe(_IMPORT_PROBE)  # writes the bytecode caches
    imp = min(_run_probe(_IMPORT_PROBE)[0] for _ in range(repeats))
    firsts = [_run_probe(_FIRST_CALL_PROBE.format(sample=SAMPLE)) for _ in range(repeats)]
    first = min(f[0] for f in firsts)
    second = min(f[1] for f in firsts)
    return {"import_s": imp, "first_call_s": first, "second_call_s": second}


# --------------------------------------------------------------------------
# where the Unicode outputs differ
# --------------------------------------------------------------------------

ZW = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
CURLY = set("‘’“”")
ASCII_QUOTES = set("'\"")
DASHES = set("—–‒―")
SPACES = {" ", "\u00a0", "\u2009", "\u202f", "\u2002", "\u2003", "\u3000", "\t"}
NUKTA_PRECOMPOSED = set("\u09dc\u09dd\u09df")
BN_PUNCT_AFTER = set("।,;:?!")

#: Why each kind of difference exists (bnnorm's side first).  SPEC §3.1.
REASONS = {
    "peer drops ZWJ/ZWNJ": "bnnorm keeps a joiner where it changes rendering (র‍্য, ত্‍ half form); the peer strips every joiner (র‍্যাব → র্যাব)",
    "peer keeps a joiner bnnorm drops": "bnnorm drops joiners that change nothing in rendering (SPEC 3.1); the peer keeps them all",
    "ZWNJ written as ZWJ": "bnnorm writes the joiner of র‍্য (and of a deliberate half form) as ZWJ, one form for one rendering; the peer keeps the ZWNJ",
    "khanda ta": "bnnorm turns ত্ + ZWJ into ৎ (U+09CE); no peer does (cse keeps ত্‍, inlp/bnu lose the ZWJ or virama)",
    "nukta letter form": "bnnorm's output is NFC (য় = U+09AF U+09BC); bnu writes precomposed U+09DF etc., which is not NFC",
    "canonically equivalent (not NFC)": "same text in another canonical order/composition; bnnorm always ends in NFC",
    "NFKC folding": "the peer applies NFKC to the whole text (cse); bnnorm never does (SPEC 3.1: it folds compatibility characters)",
    "Latin diacritics stripped": "the peer folds Latin diacritics (cse: café → cafe); bnnorm never changes other scripts",
    "curly quotes folded": "bnnorm keeps curly quotes unless quotes='ascii'; the peer folds them to ASCII",
    "quotes deleted": "bnu deletes curly quotes (দু’দেশের → দুদেশের); bnnorm keeps them",
    "colon → visarga": "inlp turns ':' after a Bengali character into ঃ (সময়: ১০:৩১ → সময়ঃ ১০ঃ৩১); bnnorm never does",
    "| → danda": "bnnorm/peer disagree on '|' as a danda: bnnorm only after a Bengali word (SPEC 3.1), inlp everywhere (also in URLs)",
    "Latin/ASCII deleted": "bnu deletes Latin letters, ASCII digits and most ASCII punctuation by default; bnnorm keeps other scripts",
    "dash or ellipsis folded": "the peer rewrites dashes and the ellipsis (cse: — → ' - ', … → '...'; inlp and bnu: – → -); bnnorm keeps punctuation as written",
    "space before punctuation": "bnnorm removes the space between a Bengali word and । , ; : ? ! (SPEC 3.1); peers keep it",
    "spaces": "spacing differs: NBSP/Unicode spaces, runs and line ends (bnnorm: one ASCII space, lines trimmed; inlp: ZWSP → space)",
    "Bengali marks repaired differently": "vowel-sign/virama repairs differ (split or doubled signs, sign order)",
    "danda form": "bnnorm writes ৷ (U+09F7) used as a danda as । (U+0964); the peer keeps it",
    "long passage (alignment lost)": "a run of over 200 characters differs (bnu deletes whole Latin passages); not classified further",
    "other": "see examples in results/throughput.txt",
}


def _strip_marks(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def classify(ours: str, theirs: str, after: str) -> str:
    """The kind of one differing chunk: *ours* (bnnorm) vs *theirs* (peer); *after* follows *ours*."""
    if len(ours) + len(theirs) > 200:
        return "long passage (alignment lost)"
    o, t = set(ours), set(theirs)
    if len(ours) + len(theirs) <= 8 and ("ৎ" in ours and ("ত" in theirs or not theirs) or "ৎ" in theirs and "ত" in ours):
        return "khanda ta"
    if ours == "\u200d" and theirs == "\u200c":
        return "ZWNJ written as ZWJ"
    if o and o <= ZW - {"\u200b"} and not theirs.strip("\u200b "):
        return "peer drops ZWJ/ZWNJ"
    if t and t <= ZW and not ours:
        return "peer keeps a joiner bnnorm drops"
    if (o | t) & {"\u200c", "\u200d"} and ours.replace("\u200d", "").replace("\u200c", "") == theirs.replace("\u200d", "").replace("\u200c", ""):
        return "peer drops ZWJ/ZWNJ" if len(ours) > len(theirs) else "peer keeps a joiner bnnorm drops"
    if (o | t) & NUKTA_PRECOMPOSED and unicodedata.normalize("NFD", ours) == unicodedata.normalize("NFD", theirs):
        return "nukta letter form"
    if unicodedata.normalize("NFD", ours) == unicodedata.normalize("NFD", theirs):
        return "canonically equivalent (not NFC)"
    if ":" in ours and "ঃ" in theirs:
        return "colon → visarga"
    if ("|" in ours and "।" in theirs) or ("।" in ours and "|" in theirs):
        return "| → danda"
    if "৷" in theirs and "।" in ours:
        return "danda form"
    if o & CURLY and (t & ASCII_QUOTES) and not (t & CURLY):
        return "curly quotes folded"
    if o & CURLY and not theirs:
        return "quotes deleted"
    if (o & DASHES or "…" in ours) and ("-" in theirs or "..." in theirs or not theirs.strip()):
        return "dash or ellipsis folded"
    if not ours.strip() and theirs.strip() in ("-", "..."):
        return "dash or ellipsis folded"
    if ours and unicodedata.normalize("NFKC", ours) == theirs:
        return "NFKC folding"
    if ours and _strip_marks(ours) == theirs and any(ord(c) < 0x250 for c in ours):
        return "Latin diacritics stripped"
    if (o | t) <= SPACES | {"\u200b"}:
        if not ours and after[:1] in BN_PUNCT_AFTER:
            return "space before punctuation"
        return "spaces"
    if ours.strip() and not theirs.strip() and all(ord(c) < 128 or c in CURLY for c in ours.strip()):
        return "Latin/ASCII deleted"
    if all("\u0980" <= c <= "\u09ff" for c in ours + theirs) and _strip_marks(ours) == _strip_marks(theirs):
        return "Bengali marks repaired differently"
    if all(unicodedata.category(c).startswith("M") or c == "\u09cd" for c in ours + theirs):
        return "Bengali marks repaired differently"
    return "other"


def _token_runs(ta: list[str], tb: list[str], window: int = 12) -> Iterable[tuple[int, int, int, int]]:
    """Differing runs ``(i1, i2, j1, j2)`` of two token lists, aligned greedily.

    Linear: on a mismatch, look at most *window* tokens ahead on each side for
    the nearest point where two consecutive tokens agree again.  (difflib on
    whole 100 KB lines was quadratic in practice: minutes for 1 MB.)
    """
    p = q = 0
    na, nb = len(ta), len(tb)
    while p < na and q < nb:
        if ta[p] == tb[q]:
            p += 1
            q += 1
            continue
        found = None
        for d in range(1, 2 * window + 1):
            for i in sorted(range(d + 1), key=lambda i: abs(2 * i - d)):
                j = d - i
                if i > window or j > window or p + i > na or q + j > nb:
                    continue
                if p + i == na and q + j == nb:
                    found = (i, j)
                elif p + i < na and q + j < nb and ta[p + i] == tb[q + j] and ta[p + i + 1 : p + i + 2] == tb[q + j + 1 : q + j + 2]:
                    found = (i, j)
                if found:
                    break
            if found:
                break
        if found is None:
            # A long deletion (bnu drops whole Latin passages): resync with difflib on a bounded window.
            sm = difflib.SequenceMatcher(None, ta[p : p + 1500], tb[q : q + 1500], autojunk=False)
            block = next((b for b in sm.get_matching_blocks() if b.size >= 2 or b.size and p + b.a + 1 == na), None)
            if block is None or block.size == 0:
                yield p, na, q, nb
                return
            found = (block.a, block.b)
        yield p, p + found[0], q, q + found[1]
        p, q = p + found[0], q + found[1]
    if p < na or q < nb:
        yield p, na, q, nb


_TOKEN = regex.compile(r"\s+|\S+")


def _chunks(a: str, b: str) -> Iterable[tuple[str, str, str]]:
    """Differing chunks of *a* vs *b* as (a_part, b_part, text of a after the part).

    Two levels: whitespace and non-whitespace tokens are aligned first, then
    each differing run of tokens character by character (difflib).
    """
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    for i1, i2, j1, j2 in _token_runs(ta, tb):
        a_mid, b_mid = "".join(ta[i1:i2]), "".join(tb[j1:j2])
        a_after = "".join(ta[i2 : i2 + 1])[:2]
        if len(a_mid) + len(b_mid) > 4000:  # lost alignment: one chunk, not a quadratic diff
            yield a_mid, b_mid, a_after
            continue
        inner = difflib.SequenceMatcher(None, a_mid, b_mid, autojunk=False)
        for tag, k1, k2, l1, l2 in inner.get_opcodes():
            if tag != "equal":
                yield a_mid[k1:k2], b_mid[l1:l2], (a_mid[k2:] + a_after)[:2]


def unicode_differences(lines: list[str], fix: Callable[[str], str], peer: Callable[[str], str], max_examples: int = 3):
    """Per kind: (differing chunks, lines with one, examples) of fix(s) vs peer(s)."""
    chunks: collections.Counter[str] = collections.Counter()
    line_hits: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
    differing_lines = 0
    for s in lines:
        ours, theirs = fix(s), peer(s)
        if ours == theirs:
            continue
        differing_lines += 1
        kinds_here = set()
        for o, t, after in _chunks(ours, theirs):
            kind = classify(o, t, after)
            chunks[kind] += 1
            kinds_here.add(kind)
            ex = (o[:40], t[:40])
            if len(examples[kind]) < max_examples and ex not in examples[kind]:
                examples[kind].append(ex)
        for k in kinds_here:
            line_hits[k] += 1
    return differing_lines, chunks, line_hits, examples


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="1 MB slice, 1 repeat, skip bnunicodenormalizer")
    ap.add_argument("--slice-bytes", type=int, default=None, help="UTF-8 bytes of corpus to time (default 5,000,000)")
    ap.add_argument("--repeats", type=int, default=None, help="best of N (default 3)")
    ap.add_argument("--skip-bnu", action="store_true", help="skip bnunicodenormalizer (slow: ~35 s per 5 MB)")
    ap.add_argument("--diff-bytes", type=int, default=1_000_000, help="UTF-8 bytes at the start of the slice compared for the difference table")
    ap.add_argument("--profile", action="store_true", help="cProfile normalize() over the slice; print the top functions")
    ap.add_argument("--name", default="throughput", help="results file name (benchmarks/results/NAME.txt)")
    args = ap.parse_args(argv)
    slice_bytes = args.slice_bytes or (1_000_000 if args.quick else 5_000_000)
    repeats = args.repeats or (1 if args.quick else 3)

    require_corpus()
    rep = Report(args.name)
    lines = corpus_slice(slice_bytes)
    size = utf8_size(lines)
    rep.data.update(slice_bytes=size, slice_lines=len(lines), repeats=repeats)
    m = rep.data["machine"]
    rep(f"# bnnorm throughput, {m['date_utc']} UTC, commit {rep.data['commit']}")
    rep(f"# {m['processor']}, {m['cpus']} cpus, {m['implementation']} {m['python']}")
    rep(f"# slice: {len(lines)} lines, {size:,} UTF-8 bytes (round-robin over corpus files); per line, best of {repeats}")
    rep()

    peers, missing = peer_functions(skip_bnu=args.quick or args.skip_bnu)
    contenders: dict[str, Callable[[str], str]] = {}
    contenders.update(floor_functions())
    contenders.update(bnnorm_functions())
    contenders.update(peers)

    # Rounds are interleaved (every contender once per round, best round kept):
    # on a shared machine the load drifts, and timing one contender's repeats
    # back to back would hand the drift to whoever ran in the quiet minute.
    best: dict[str, float] = {}
    broken: dict[str, str] = {}
    for round_no in range(repeats):
        for name, func in contenders.items():
            if name in broken or (name == "bnunicodenormalizer" and round_no > 0):  # ~35 s a pass: once
                continue
            try:
                dt = time_per_line(func, lines, repeats=1, warmup=50 if round_no == 0 else 0)
            except Exception as exc:  # noqa: BLE001 - a crash is a result too
                broken[name] = f"{type(exc).__name__}: {exc}"
                continue
            best[name] = min(best.get(name, float("inf")), dt)
    speeds: dict[str, float] = {}
    rep(f"{'function':42} {'MB/s':>9} {'s/pass':>8}")
    for name in contenders:
        if name in broken:
            rep(f"{name:42} raised {broken[name]}")
            continue
        speeds[name] = size / MB / best[name]
        once_only = name == "bnunicodenormalizer" and repeats > 1
        rep(f"{name:42} {speeds[name]:9.2f} {best[name]:8.3f}" + ("   (1 pass)" if once_only else ""))
    for name, why in missing.items():
        rep(f"{name:42} not measured: {why}")
    rep.data["mb_per_s"] = speeds
    rep()

    # ratios
    ours = [k for k in speeds if k.startswith("bnnorm")]
    others = [k for k in speeds if k in peers] + [REGEX_FLOOR]
    others = [k for k in others if k in speeds]
    short = {"csebuetnlp-normalizer": "cse", "indic-nlp-library": "inlp", "bnunicodenormalizer": "bnu", REGEX_FLOOR: "regex"}
    rep("ratios (bnnorm MB/s ÷ other MB/s):")
    rep(f"{'':42} " + " ".join(f"{short[k]:>8}" for k in others))
    ratios: dict[str, dict[str, float]] = {}
    for k in ours:
        ratios[k] = {short[o]: speeds[k] / speeds[o] for o in others}
        rep(f"{k:42} " + " ".join(f"{ratios[k][short[o]]:8.2f}" for o in others))
    rep.data["ratios"] = ratios
    rep()

    # bars (issue 2 and issue 7): measured, not asserted
    def bar(label: str, ok: bool | None, detail: str) -> None:
        rep(f"[{'PASS' if ok else 'FAIL' if ok is not None else 'n/a '}] {label}: {detail}")

    rep("bars:")
    fd = speeds.get("bnnorm fix_unicode+convert_digits")
    cse = speeds.get("csebuetnlp-normalizer")
    inlp = speeds.get("indic-nlp-library")
    norm = speeds.get("bnnorm normalize (default)")
    floor = speeds.get(REGEX_FLOOR)
    if fd and cse:
        bar("fix_unicode+convert_digits >= 10x csebuetnlp", fd >= 10 * cse, f"{fd / cse:.1f}x")
    if fd and inlp:
        bar("fix_unicode+convert_digits faster than indic-nlp", fd > inlp, f"{fd / inlp:.2f}x")
    if norm and cse:
        bar("normalize() >= 2x csebuetnlp", norm >= 2 * cse, f"{norm / cse:.1f}x")
    if floor:
        for k in ("fix_unicode", "convert_digits", "strip_glosses", "unify_spelling", "normalize_dates"):
            v = speeds.get(f"bnnorm {k}")
            if v:
                bar(f"{k} within 10x of one regex.sub", floor / v <= 10, f"{floor / v:.1f}x slower than the floor")
    times = import_times()
    rep.data["import"] = times
    bar("import bnnorm < 150 ms", times["import_s"] < 0.150, f"{times['import_s'] * 1000:.0f} ms (in a fresh interpreter, best of 5)")
    bar(
        "first normalize() call < 300 ms more",
        times["first_call_s"] < 0.300,
        f"{times['first_call_s'] * 1000:.0f} ms (second call {times['second_call_s'] * 1000:.2f} ms)",
    )
    rep()

    # differences of the Unicode output
    import bnnorm

    diff_lines = corpus_slice(args.diff_bytes)
    rep(f"fix_unicode output vs each peer's on the first {len(diff_lines)} lines ({utf8_size(diff_lines):,} bytes) of the slice (chunks / lines, by kind):")
    diffs: dict[str, object] = {}
    for pname, pfunc in peers.items():
        t0 = time.perf_counter()
        n_diff, chunks, line_hits, examples = unicode_differences(diff_lines, bnnorm.fix_unicode, pfunc)
        rep(f"  {pname}: {n_diff} of {len(diff_lines)} lines differ ({time.perf_counter() - t0:.1f} s)")
        for kind, count in chunks.most_common():
            ex = "; ".join(f"{o!r}≠{t!r}" for o, t in examples[kind])
            rep(f"    {kind:36} {count:7} chunks {line_hits[kind]:6} lines   e.g. {ex}")
        diffs[pname] = {"lines": n_diff, "chunks": dict(chunks), "line_hits": dict(line_hits), "examples": dict(examples)}
    rep.data["unicode_differences"] = diffs
    rep()
    rep("reasons:")
    for kind, why in REASONS.items():
        rep(f"  {kind}: {why}")

    # The same tables in Markdown, for benchmarks/README.md.
    md = [f"Throughput, {m['date_utc']} UTC, commit {rep.data['commit']}, {size / MB:.1f} MB slice, best of {repeats}:", ""]
    md.append("| function | MB/s | × csebuetnlp | × indic-nlp | × bnu | ÷ regex floor |")
    md.append("|---|---:|---:|---:|---:|---:|")
    for name in speeds:
        v = speeds[name]
        cells = [f"{v / speeds[p]:.2f}" if p in speeds else "–" for p in ("csebuetnlp-normalizer", "indic-nlp-library", "bnunicodenormalizer")]
        fl = f"{floor / v:.1f}" if floor else "–"
        md.append(f"| {name} | {v:.2f} | " + " | ".join(cells) + f" | {fl} |")
    md += ["", "| peer | kind | chunks | lines | e.g. (bnnorm ≠ peer) | reason |", "|---|---|---:|---:|---|---|"]
    for pname, d in diffs.items():
        for kind, count in sorted(d["chunks"].items(), key=lambda kv: -kv[1]):
            ex = "; ".join(f"`{o!r}`≠`{t!r}`" for o, t in d["examples"][kind][:2]).replace("|", "\\|")
            md.append(f"| {pname} | {kind} | {count} | {d['line_hits'][kind]} | {ex} | {REASONS.get(kind, '')} |")
    rep()
    rep("markdown:")
    for line in md:
        rep(line)

    if args.profile:
        import cProfile
        import io
        import pstats

        rep()
        rep("profile of bnnorm.normalize over the slice (top 25 by own time):")
        prof = cProfile.Profile()
        prof.enable()
        for s in lines:
            bnnorm.normalize(s)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(25)
        for line in buf.getvalue().splitlines():
            if line.strip():
                rep("  " + line.replace(str(Path(bnnorm.__file__).parent.parent), "."))

    path = rep.save()
    print(f"\nsaved {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
