"""Discover spelling-variant candidates in a corpus, for a reviewer to turn into table rows.

This is a development tool behind ``bnnorm variants discover FILE…``; it is
not imported by ``import bnnorm``, and it imports ``indic_transliteration``
(≈100 ms) only inside the functions that need it.

Method (see ``docs/spelling.md``):

1. Count the Bengali word types of the files (NFC), per region: a file whose
   name starts with ``news-bd-`` is BD, ``news-wb-`` is WB, anything else is
   ``other``.  The held-out lines of the evaluation set (every line whose
   1-based number is a multiple of 10 in :data:`HELDOUT_FILES`) are skipped
   unless asked otherwise.
2. Give each type two keys: a *phonetic key* -- ITRANS romanization (after
   recomposing nukta letters) folded for vowel length, inherent vowels,
   ya-phala, sibilants, retroflexes, nasals (চিন/চীন → ``chin``,
   বেজিং/বেইজিং → ``bejin``, ল্যাভরভ/লাভরভ → ``labhrbh``) -- and a
   *consonant skeleton* (the key without vowels) that also pairs
   মিয়ানমার/মায়ানমার.
3. Inside a key, pair two types when the characters they differ in are all
   "variant-prone" (ি/ী, ু/ূ, ং/ঙ, স/শ/ষ, জ/য, ন/ণ, ো/ও, ত/ট ...), and, for
   skeleton pairs, the edit is small.
4. Collapse the pairs of inflected forms onto their stems (চীনের/চিনের →
   চীন/চিন when ``ের`` is a listed suffix), sum the counts, and rank stem
   pairs by the frequency of the rarer member, weighted by how differently
   the two regions spell them.

>>> phonetic_key("চীন") == phonetic_key("চিন")
True
>>> phonetic_key("বেইজিং") == phonetic_key("বেজিং"), phonetic_key("ল্যাভরভ") == phonetic_key("লাভরভ")
(True, True)
"""

from __future__ import annotations

import collections
import difflib
import functools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .script import BN_TOKEN_CHAR, nfc

__all__ = [
    "HELDOUT_FILES",
    "HELDOUT_EVERY",
    "is_heldout",
    "phonetic_key",
    "skeleton_key",
    "count_types",
    "Candidate",
    "discover",
    "write_tsv",
]

#: Files with held-out lines (the evaluation set of ``tests/data/variants_heldout.tsv``).
HELDOUT_FILES = ("news-bd-prothomalo-01.txt", "news-wb-anandabazar-01.txt")
#: Every line whose 1-based number is a multiple of this is held out in those files.
HELDOUT_EVERY = 10

REGIONS = ("BD", "WB", "other")

_TOKEN_RE = re.compile(f"[{BN_TOKEN_CHAR}]+")


def is_heldout(filename: str, lineno: int) -> bool:
    """True for a held-out line (*lineno* is 1-based).

    >>> is_heldout("news-bd-prothomalo-01.txt", 20), is_heldout("news-bd-prothomalo-01.txt", 21)
    (True, False)
    """
    return Path(filename).name in HELDOUT_FILES and lineno % HELDOUT_EVERY == 0


def region_of(filename: str) -> str:
    name = Path(filename).name
    if name.startswith("news-bd-"):
        return "BD"
    if name.startswith("news-wb-"):
        return "WB"
    return "other"


# --------------------------------------------------------------------------
# keys
# --------------------------------------------------------------------------

# Decomposed nukta letters romanize badly (য+়+া → "ya়A"): recompose them first.
_RECOMPOSE = {"\u09af\u09bc": "\u09df", "\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd"}
_JA_NUKTA = "\u099c\u09bc"  # জ় (Anandabazar's /z/) -> জ


def _bengali_fold(word: str) -> str:
    word = word.replace("\u200c", "").replace("\u200d", "").replace(_JA_NUKTA, "\u099c")
    for k, v in _RECOMPOSE.items():
        word = word.replace(k, v)
    return word.replace("\u09bc", "")


_FOLDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"~N|~n|M"), "n"),  # ঙ, ঞ, ং: ঙ্ক = ংক
    (re.compile(r"\.N|H|\.h|\^"), ""),  # candrabindu, visarga, virama marks
    (re.compile(r"\.Dh|\.D"), "D"),  # ড়, ঢ় -> ড
    (re.compile(r"Sh|sh|S|s"), "s"),
    (re.compile(r"N"), "n"),
    (re.compile(r"T"), "t"),
    (re.compile(r"D"), "d"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"v|w"), "b"),
    (re.compile(r"z"), "j"),
    (re.compile(r"Y"), "y"),
    (re.compile(r"RRi|R"), "ri"),
    (re.compile(r"I"), "i"),
    (re.compile(r"U"), "u"),
    (re.compile(r"E"), "e"),
    (re.compile(r"O"), "o"),
    (re.compile(r"(?<=[b-df-hj-np-tv-z])y(?=[aA])"), ""),  # ya-phala: ল্যা = লা
    (re.compile(r"(?<=.)a"), ""),  # inherent vowel (and অ) except word-initially
    (re.compile(r"A"), "a"),
    (re.compile(r"ai"), "oi"),
    (re.compile(r"ei"), "e"),
    (re.compile(r"(?<=[aeiou])y(?=[aeiou])"), ""),  # glide between vowels
    (re.compile(r"y$"), ""),
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters
]


@functools.lru_cache(maxsize=200_000)
def phonetic_key(word: str) -> str:
    """A romanized key that spelling variants of *word* share (discovery only).

    >>> phonetic_key("চিন"), phonetic_key("বেজিং"), phonetic_key("লাভরভ")
    ('chin', 'bejin', 'labhrbh')
    >>> phonetic_key("সংকট") == phonetic_key("সঙ্কট"), phonetic_key("শ্রেণি") == phonetic_key("শ্রেণী")
    (True, True)
    """
    from indic_transliteration import sanscript  # costs ~100 ms: import only here

    s = sanscript.transliterate(_bengali_fold(nfc(word)), sanscript.BENGALI, sanscript.ITRANS)
    for pat, rep in _FOLDS:
        s = pat.sub(rep, s)
    return s


_VOWELS = re.compile(r"[aeiou]")


def skeleton_key(word: str) -> str:
    """The consonants of :func:`phonetic_key`: pairs মিয়ানমার/মায়ানমার, খামেনি/খামেনেই.

    >>> skeleton_key("মিয়ানমার") == skeleton_key("মায়ানমার")
    True
    """
    return _consonants(phonetic_key(word))


def _consonants(key: str) -> str:
    """A phonetic key without its vowels (the key itself if it has nothing else)."""
    return _VOWELS.sub("", key) or key


# Characters whose alternation makes a spelling variant (not a different word).
_PRONE = set(
    "িীুূংঙঞ্সশষজযণনইঈউঊয়়োওাে্যতটদডৎ"
    "\u09df\u09dc"
) | {"\u200c", "\u200d"}


# Different endings are usually different inflections (বাসা/বাসায়, বন্দী/বন্দে); only these
# end alternations are spellings of one ending.
_END_OK = {
    frozenset(nfc(x) for x in p)
    for p in (("ি", "ী"), ("ু", "ূ"), ("ো", "ও"), ("ও", "য়ো"), ("েই", "ি"), ("ই", "ি"), ("ো", "য়ো"))
}


_E_SIGN, _CHA, _NA = "\u09c7", "\u099b", "\u09a8"


def _is_verb_morph(a: str, b: str, i1: int, i2: int, j1: int, j2: int) -> bool:
    """Verb inflection, not spelling: perfect -েছ- vs progressive -ছ- (বলেছেন/বলছেন, with the
    stem vowel change বেড়েছ/বাড়ছ), and the honorific -নন- (পারেননি/পারেনি)."""
    ins = a[i1:i2] or b[j1:j2]
    other_empty = not (a[i1:i2] and b[j1:j2])
    after_a, after_b = a[i2 : i2 + 1], b[j2 : j2 + 1]
    if ins == _E_SIGN and other_empty and _CHA in (after_a, after_b):
        return True
    if _E_SIGN + _CHA in a and _E_SIGN + _CHA not in b and _CHA in b:
        return True
    if _E_SIGN + _CHA in b and _E_SIGN + _CHA not in a and _CHA in a:
        return True
    if ins == _NA and other_empty and (a[i1 - 1 : i1] == _NA or after_a == _NA or after_b == _NA):
        return True
    return False


def _diff_is_variant(a: str, b: str, max_edit: int) -> bool:
    """*a*/*b* differ only in variant-prone characters, by at most *max_edit*, not just in an ending."""
    if min(len(a), len(b)) < 3 or a.startswith(b) or b.startswith(a):
        return False
    changed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        chunk = a[i1:i2] + b[j1:j2]
        if not chunk or not set(chunk) <= _PRONE:
            return False
        if (i2 == len(a) or j2 == len(b)) and frozenset((a[i1:i2], b[j1:j2])) not in _END_OK:
            return False
        if _is_verb_morph(a, b, i1, i2, j1, j2):
            return False
        changed += max(i2 - i1, j2 - j1)
    return 0 < changed <= max_edit


# --------------------------------------------------------------------------
# counting
# --------------------------------------------------------------------------


def read_texts(paths: Iterable[Path], *, keep_heldout: bool = False) -> Iterator[tuple[str, str]]:
    """Yield ``(region, NFC text)`` per file, held-out lines left out unless *keep_heldout*."""
    for path in paths:
        name = Path(path).name
        with open(path, encoding="utf-8") as fh:
            if name in HELDOUT_FILES and not keep_heldout:
                text = "".join(line for n, line in enumerate(fh, 1) if n % HELDOUT_EVERY)
            else:
                text = fh.read()
        yield region_of(str(path)), nfc(text)


def count_types(paths: Iterable[Path], *, keep_heldout: bool = False) -> dict[str, list[int]]:
    """``{word: [BD, WB, other]}`` token counts over *paths* (NFC), held-out lines skipped."""
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    for region, text in read_texts(paths, keep_heldout=keep_heldout):
        r = REGIONS.index(region)
        for w, n in collections.Counter(_TOKEN_RE.findall(text)).items():
            counts[w][r] += n
    return dict(counts)


def contexts(paths: Iterable[Path], words: set[str], *, keep_heldout: bool = False) -> dict[str, collections.Counter]:
    """Neighbour-word counts (``L:w``/``R:w``) of each of *words*: variants share contexts."""
    out: dict[str, collections.Counter] = {w: collections.Counter() for w in words}
    for _region, text in read_texts(paths, keep_heldout=keep_heldout):
        toks = _TOKEN_RE.findall(text)
        for i, t in enumerate(toks):
            if t in out:
                c = out[t]
                if i:
                    c["L:" + toks[i - 1]] += 1
                if i + 1 < len(toks):
                    c["R:" + toks[i + 1]] += 1
    return out


def _cosine(a: collections.Counter, b: collections.Counter) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


# --------------------------------------------------------------------------
# candidates
# --------------------------------------------------------------------------


@dataclass
class Candidate:
    """A pair of stems that look like spellings of one word, with the evidence."""

    a: str
    b: str
    counts_a: list[int]
    counts_b: list[int]
    key: str
    via: str  # "phonetic" or "skeleton"
    members: list[tuple[str, str]] = field(default_factory=list)
    known: bool = False
    #: cosine similarity of the neighbour words of the two spellings (None: not computed)
    similarity: float | None = None

    @property
    def total(self) -> int:
        return min(sum(self.counts_a), sum(self.counts_b))

    @property
    def contrast(self) -> float:
        """log-odds that BD prefers *a* and WB prefers *b* (sign says which way)."""
        (ba, wa, _), (bb, wb, _) = self.counts_a, self.counts_b
        return math.log((ba + 0.5) / (bb + 0.5)) - math.log((wa + 0.5) / (wb + 0.5))

    @property
    def score(self) -> float:
        base = math.log1p(self.total) * (1.0 + abs(self.contrast) / 4.0)
        if self.similarity is None:
            return base
        # Spellings of one word share their neighbours; two words (হাট/হাত) do not.
        return base * (0.1 + self.similarity)

    def proposal(self) -> tuple[str, str, str]:
        """(bd, wb, kind) proposed from the counts: each region's more frequent spelling."""
        (ba, wa, oa), (bb, wb, ob) = self.counts_a, self.counts_b
        bd = self.a if (ba, oa) >= (bb, ob) else self.b
        wb_ = self.a if (wa, oa) >= (wb, ob) else self.b
        return bd, wb_, "regional" if bd != wb_ else "orthographic"


def _stem_pair(a: str, b: str, suffixes: Sequence[str]) -> tuple[str, str]:
    """Strip the longest shared listed suffix: চীনের/চিনের → চীন/চিন."""
    for s in suffixes:
        if a.endswith(s) and b.endswith(s) and len(a) > len(s) + 1 and len(b) > len(s) + 1:
            return a[: -len(s)], b[: -len(s)]
    return a, b


def _suffix_list() -> list[str]:
    try:
        from .spelling import variant_table

        table = variant_table()
        sufs = set().union(*table.suffixes.values())
    except Exception:  # discovery still runs on a broken table
        sufs = {"ের", "র", "কে", "ে", "তে", "য়", "য়ে", "য়ের", "রা", "দের"}
    return sorted(sufs, key=len, reverse=True)


def _known_forms() -> tuple[set[str], set[str]]:
    try:
        from .spelling import variant_table

        t = variant_table()
        return set(t.entries), set(t.exceptions)
    except Exception:
        return set(), set()


def discover(
    counts: dict[str, list[int]],
    *,
    min_count: int = 3,
    include_known: bool = False,
    paths: Sequence[Path] | None = None,
    keep_heldout: bool = False,
) -> list[Candidate]:
    """Rank candidate variant stem pairs from type counts (see the module docstring)."""
    words = [w for w, c in counts.items() if sum(c) >= min_count and len(w) >= 2]
    by_key: dict[str, list[str]] = collections.defaultdict(list)
    by_skel: dict[str, list[str]] = collections.defaultdict(list)
    for w in words:
        by_key[phonetic_key(w)].append(w)
    for k, ws in by_key.items():
        by_skel[_consonants(k)].append(k)

    pairs: dict[tuple[str, str], tuple[str, str]] = {}
    for k, ws in by_key.items():
        if len(ws) < 2 or len(ws) > 12:
            continue
        for i, a in enumerate(ws):
            for b in ws[i + 1 :]:
                if _diff_is_variant(a, b, 3):
                    pairs[tuple(sorted((a, b)))] = (k, "phonetic")  # type: ignore[index]
    for sk, keys in by_skel.items():
        if len(keys) < 2 or len(keys) > 8 or len(sk) < 2:
            continue
        ws = [w for k in keys for w in by_key[k]]
        if len(ws) > 16:
            continue
        for i, a in enumerate(ws):
            for b in ws[i + 1 :]:
                p = tuple(sorted((a, b)))
                if (
                    p not in pairs
                    and min(len(a), len(b)) >= 5
                    and phonetic_key(a) != phonetic_key(b)
                    and _diff_is_variant(a, b, 2)
                ):
                    pairs[p] = (sk, "skeleton")  # type: ignore[index]

    suffixes = _suffix_list()
    known, exceptions = _known_forms()
    stems: dict[tuple[str, str], Candidate] = {}
    for (a, b), (key, via) in pairs.items():
        if a in exceptions or b in exceptions:
            continue
        sa, sb = _stem_pair(a, b, suffixes)
        c = stems.get((sa, sb))
        if c is None:
            c = stems[(sa, sb)] = Candidate(sa, sb, [0, 0, 0], [0, 0, 0], key, via)
            c.known = sa in known and sb in known
        for i in range(3):
            c.counts_a[i] += counts[a][i]
            c.counts_b[i] += counts[b][i]
        c.members.append((a, b))
    out = [c for c in stems.values() if include_known or not c.known]
    if paths is not None:
        ctx = contexts(paths, {w for c in out for m in c.members for w in m}, keep_heldout=keep_heldout)
        for c in out:
            ctx_a: collections.Counter = collections.Counter()
            ctx_b: collections.Counter = collections.Counter()
            for x, y in c.members:
                ctx_a.update(ctx[x])
                ctx_b.update(ctx[y])
            c.similarity = _cosine(ctx_a, ctx_b)
    out.sort(key=lambda c: (-c.score, c.a, c.b))
    return out


COLUMNS = (
    "rank", "score", "proposed_bd", "proposed_wb", "kind", "a", "b",
    "a_BD", "a_WB", "a_other", "b_BD", "b_WB", "b_other", "contrast", "similarity", "via", "key", "members", "known",
)


def rows(cands: Sequence[Candidate]) -> Iterator[list[str]]:
    for i, c in enumerate(cands, 1):
        bd, wb, kind = c.proposal()
        yield [
            str(i), f"{c.score:.2f}", bd, wb, kind, c.a, c.b,
            *map(str, c.counts_a), *map(str, c.counts_b), f"{c.contrast:+.2f}", "" if c.similarity is None else f"{c.similarity:.2f}", c.via, c.key,
            " ".join(f"{x}/{y}" for x, y in sorted(c.members)[:6]), "yes" if c.known else "",
        ]


def write_tsv(cands: Sequence[Candidate], out) -> None:
    """Write the review TSV: one stem pair a line, with counts per region and a proposal."""
    out.write("\t".join(COLUMNS) + "\n")
    for r in rows(cands):
        out.write("\t".join(r) + "\n")
