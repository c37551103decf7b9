"""Spelling variants (SPEC §3.4): one canonical spelling per word under a standard.

``standard="bd"`` gives the Bangladeshi form (Bangla Academy, Bangladeshi press:
চীন, বেইজিং), ``standard="wb"`` the West Bengal form (Paschimbanga Bangla
Akademi, Kolkata press: চিন, বেজিং).

>>> unify_spelling("চিনের রাজধানী বেজিংয়ে")
'চীনের রাজধানী বেইজিংয়ে'
>>> unify_spelling("চীনের রাজধানী বেইজিংয়ে", standard="wb")
'চিনের রাজধানী বেজিংয়ে'
>>> unify_spelling("চিনি খেতে চিনতে পারিনি")      # traps: sugar, to recognize
'চিনি খেতে চিনতে পারিনি'
>>> [(v.text, v.canonical, v.kind) for v in find_variants("ল্যাভরভ ও চিনা কূটনীতিক")]
[('ল্যাভরভ', 'লাভরভ', 'transliteration'), ('চিনা', 'চীনা', 'regional')]

Tables
------
Every ``data/variants/*.tsv`` except ``exceptions.tsv`` and ``suffixes.tsv``
is a variant table with the header ``form bd wb kind class source``:

* ``form`` -- a surface stem (NFC); ``bd``/``wb`` -- its canonical spelling
  under each standard; every canonical is also a ``form`` row of its own that
  maps to itself under that standard (a fixed point, so the stage is idempotent);
* ``kind`` -- ``regional`` | ``transliteration`` | ``orthographic``;
* ``class`` -- ``noun`` (takes the inflectional suffixes of ``suffixes.tsv``),
  ``fixed`` (the exact token only), ``phrase`` (several words; suffixes go on
  the last word);
* ``source`` -- the evidence (``corpus BD 436/8``, ``BA 2.1``, ``Anandabazar``).

``exceptions.tsv`` (``form class kind source``) lists words and phrases that
are never rewritten although they look like a table form plus a suffix
(চিনে 'recognizing', চিনতে, সঙ্গীতা) and guard words (তৎসম নদী, মন্ত্রী,
-ীয় adjectives) that no row may touch.  ``suffixes.tsv`` (``suffix slot after
kind source``) lists the inflectional suffixes and the stem endings they
follow.

**Validating the tables** (what a table editor runs)::

    python -c "import bnnorm.spelling as s; s.load_variants()"

It reads every table, and raises :class:`~bnnorm.script.TableError` naming
``file:line`` for: an unknown ``kind``/``class``; a form that is not a
Bengali word (or phrase); the same form twice (across files too); a form with
two different targets; a chain (a target that is not itself a form mapping to
itself under that standard); a ``noun`` row whose form and target end in
sounds that take different suffixes (make it ``fixed`` and list inflected
forms as rows); a guarded word (``-ীয়`` adjectives, তৎসম ী words) whose ী is
rewritten; an exception that is also a table form.

Matching
--------
One compiled pattern for all forms: a character trie rendered as a nested
alternation (longest forms first; multi-word entries naturally win over their
first word), between token boundaries (a token is a run of Bengali letters,
signs and ZWJ/ZWNJ), followed by an optional inflectional suffix chosen by
the stem's final sound (C-final চীন+এর = চীনের, vowel-final মোদি+র = মোদির,
ং-final বেইজিং+য়ে = বেইজিংয়ে, West Bengal's hyphenated জিনপিং-এর).  The
suffix text is re-attached unchanged.  Exceptions are entries of the same
trie that map to themselves, so the longest match protects them.  The input
may have precomposed (য় U+09DF) or decomposed (য + nukta) letters: the pattern
accepts both; canonical forms are written in NFC.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import regex

from .pipeline import Edit, Pass, Stage, check_choice, check_text
from .script import BN_TOKEN_CHAR, NUKTA, Row, TableError, data_path, load_table, nfc, once

__all__ = [
    "unify_spelling",
    "spelling_stage",
    "find_variants",
    "Variant",
    "VariantTable",
    "load_variants",
    "variant_table",
    "STANDARDS",
    "KINDS",
    "CLASSES",
]

STANDARDS = ("bd", "wb")
#: Allowed values of the ``kind`` column of variant tables.
KINDS = ("regional", "transliteration", "orthographic")
#: Allowed values of the ``class`` column.
CLASSES = ("noun", "fixed", "phrase")
#: Allowed ``kind`` values of exceptions.tsv.
EXCEPTION_KINDS = ("trap", "name", "tatsama", "derived", "institution", "protected")

VARIANTS_DIR = "variants"
EXCEPTIONS_FILE = "exceptions.tsv"
SUFFIXES_FILE = "suffixes.tsv"
VARIANT_COLUMNS = ("form", "bd", "wb", "kind", "class", "source")
EXCEPTION_COLUMNS = ("form", "class", "kind", "source")
SUFFIX_COLUMNS = ("suffix", "slot", "after", "kind", "source")

# --------------------------------------------------------------------------
# sounds at the end of a stem: they choose the suffix allomorph
# --------------------------------------------------------------------------

#: Final-sound classes: C consonant (চীন), A vowel sign া (রাশিয়া), I vowel sign ি/ী
#: (মোদি), V other vowels incl. independent vowels (ভিডিও, খামেনেই), N ং/ঃ (বেইজিং).
END_CLASSES = ("C", "A", "I", "V", "N")

_VOWEL_SIGNS = set("\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09c4\u09c7\u09c8\u09cb\u09cc\u09d7\u09e2\u09e3")
_INDEPENDENT_VOWELS = set("\u0985\u0986\u0987\u0988\u0989\u098a\u098b\u098c\u098f\u0990\u0993\u0994\u09e0\u09e1")


def end_class(word: str) -> str:
    """The final-sound class of *word* (one of :data:`END_CLASSES`).

    >>> [end_class(w) for w in ("চীন", "রাশিয়া", "মোদি", "ভিডিও", "বেইজিং")]
    ['C', 'A', 'I', 'V', 'N']
    """
    w = word.rstrip("\u0981\u200c\u200d")  # candrabindu and joiners do not change the sound class
    if not w:
        return "C"
    last = w[-1]
    if last == "\u09be":
        return "A"
    if last in "\u09bf\u09c0":
        return "I"
    if last in _VOWEL_SIGNS or last in _INDEPENDENT_VOWELS:
        return "V"
    if last in "\u0982\u0983":
        return "N"
    return "C"


# --------------------------------------------------------------------------
# folding: the one spelling of a matched string used for lookups
# --------------------------------------------------------------------------

#: Precomposed nukta letters (composition exclusions: NFC decomposes them).
_PRECOMPOSED = {"\u09dc": "\u09a1" + NUKTA, "\u09dd": "\u09a2" + NUKTA, "\u09df": "\u09af" + NUKTA}
_FOLD_TABLE = str.maketrans(_PRECOMPOSED)
#: জ + nukta: Anandabazar's letter for the z of loanwords (জ়েলেনস্কি, ইজ়রায়েল).  Neither
#: academy nor any other paper writes it (corpus: 111 tokens, all Anandabazar, and 5 in Zee
#: 24 Ghanta), so both standards fold it to জ, in every word, by rule (docs/spelling.md).
ZA = "\u099c\u09bc"
JA = "\u099c"
_SPACE_RUN = regex.compile(r"[ \t\u00a0]+")
#: What separates the words of a phrase in running text.
PHRASE_SPACE = r"[ \t\u00a0]{1,3}"


def fold(s: str) -> str:
    """The lookup key of a matched string: precomposed nukta letters decomposed, জ় as জ, spaces squeezed."""
    if any(c in s for c in "\u09dc\u09dd\u09df\t\u00a0") or "  " in s:
        s = _SPACE_RUN.sub(" ", s.translate(_FOLD_TABLE))
    if ZA in s:
        s = s.replace(ZA, JA)
    return s


# --------------------------------------------------------------------------
# the tables
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One variant-table row, checked."""

    form: str
    bd: str
    wb: str
    kind: str
    cls: str
    source: str
    where: str

    def target(self, standard: str) -> str:
        return self.bd if standard == "bd" else self.wb


@dataclass(frozen=True)
class VariantTable:
    """Every variant row, the exceptions and the suffixes, validated.

    ``entries`` maps a form to its :class:`Entry`; ``exceptions`` maps a
    protected form to its class; ``suffixes`` maps an end class to the set of
    whole suffix strings (stacked: plural + case + emphatic) allowed after it.
    """

    entries: Mapping[str, Entry]
    exceptions: Mapping[str, str]
    suffixes: Mapping[str, frozenset[str]]
    files: tuple[str, ...]

    def allowed_suffixes(self, form: str, cls: str) -> frozenset[str]:
        if cls == "fixed":
            return frozenset()
        return self.suffixes[end_class(form)]


_BN_WORD = regex.compile(f"[{BN_TOKEN_CHAR}]+(?:-[{BN_TOKEN_CHAR}]+)*")


def _check_words(s: str, cls: str, where: str) -> None:
    words = s.split(" ")
    if any(not w for w in words) or not all(_BN_WORD.fullmatch(w) for w in words):
        raise TableError(f"{where}: {s!r} is not a Bengali word or phrase (Bengali letters and signs, single spaces)")
    if cls == "phrase" and len(words) < 2:
        raise TableError(f"{where}: class 'phrase' needs several words, got {s!r}")
    if cls in ("noun", "fixed") and len(words) != 1:
        raise TableError(f"{where}: {s!r} has several words: use class 'phrase'")


def _variant_files(directory: Path | None) -> list[tuple[str, Path]]:
    base = Path(directory) if directory is not None else data_path(VARIANTS_DIR)
    return [(f"{VARIANTS_DIR}/{p.name}", p) for p in sorted(base.glob("*.tsv"))]


def _read(path: Path, label: str, required: tuple[str, ...], directory: Path | None) -> list[Row]:
    # A table outside the package (tests, a user's own tables): load_table joins an
    # absolute name onto nothing, so the same reader (and its messages) serve both.
    return load_table(label if directory is None else str(path.resolve()), required)


def _load_suffixes(rows: Sequence[Row]) -> dict[str, frozenset[str]]:
    by_slot: dict[str, list[tuple[str, frozenset[str]]]] = {"plural": [], "case": [], "emphatic": []}
    for r in rows:
        suffix, slot, after = r["suffix"], r["slot"], r["after"].split()
        if not suffix:
            raise TableError(f"{r.where}: empty suffix")
        if slot not in by_slot:
            raise TableError(f"{r.where}: slot {slot!r} is not one of {', '.join(by_slot)}")
        classes = set(END_CLASSES) if after == ["any"] else set(after)
        bad = classes - set(END_CLASSES)
        if not after or bad:
            raise TableError(f"{r.where}: after={r['after']!r}: use 'any' or classes from {' '.join(END_CLASSES)}")
        by_slot[slot].append((suffix, frozenset(classes)))

    def extend(prefixes: dict[str, str], slot: str) -> dict[str, str]:
        # prefixes: suffix-so-far -> end class of (stem + suffix-so-far)
        out = dict(prefixes)
        for sofar, cls in prefixes.items():
            for suffix, after in by_slot[slot]:
                if cls in after:
                    whole = sofar + suffix
                    out.setdefault(whole, end_class(whole))
        return out

    result: dict[str, frozenset[str]] = {}
    for cls in END_CLASSES:
        combos = {"": cls}
        for slot in ("plural", "case", "emphatic"):
            combos = extend(combos, slot)
        result[cls] = frozenset(s for s in combos if s)
    return result


def load_variants(directory: str | Path | None = None) -> VariantTable:
    """Read, validate and return every variant table (``data/variants/`` or *directory*).

    This is the validation command for table editors::

        python -c "import bnnorm.spelling as s; s.load_variants()"

    Raises :class:`~bnnorm.script.TableError` naming ``file:line`` on any
    problem listed in the module docstring.
    """
    directory = Path(directory) if directory is not None else None
    files = _variant_files(directory)
    if not files:
        raise TableError(f"no tables found in {directory or VARIANTS_DIR}")
    entries: dict[str, Entry] = {}
    exception_rows: list[Row] = []
    suffix_rows: list[Row] = []
    za_rows: list[Row] = []
    for label, path in files:
        name = path.name
        if name == EXCEPTIONS_FILE:
            exception_rows = _read(path, label, EXCEPTION_COLUMNS, directory)
            continue
        if name == SUFFIXES_FILE:
            suffix_rows = _read(path, label, SUFFIX_COLUMNS, directory)
            continue
        for r in _read(path, label, VARIANT_COLUMNS, directory):
            form, kind, cls = r["form"], r["kind"], r["class"]
            if kind not in KINDS:
                raise TableError(f"{r.where}: kind {kind!r} is not one of {', '.join(KINDS)}")
            if cls not in CLASSES:
                raise TableError(f"{r.where}: class {cls!r} is not one of {', '.join(CLASSES)}")
            for col in ("form", "bd", "wb"):
                _check_words(r[col], cls, r.where)
            for col in ("bd", "wb"):
                if ZA in r[col]:
                    raise TableError(f"{r.where}: canonical {r[col]!r} has জ়: write জ (জ় is folded to জ by rule)")
            if ZA in form:
                # An attested জ় spelling: the rule folds it, so it must agree with its জ row (checked below).
                za_rows.append(r)
                continue
            e = Entry(form, r["bd"], r["wb"], kind, cls, r["source"], r.where)
            old = entries.get(form)
            if old is not None:
                what = "duplicate" if (old.bd, old.wb) == (e.bd, e.wb) else "conflict"
                raise TableError(
                    f"{r.where}: {what}: {form!r} already at {old.where} "
                    f"({old.bd}/{old.wb} vs {e.bd}/{e.wb})"
                )
            entries[form] = e
    for r in za_rows:
        key = r["form"].replace(ZA, JA)
        old = entries.get(key)
        if old is None:
            entries[key] = Entry(key, r["bd"], r["wb"], r["kind"], r["class"], r["source"], r.where)
        elif (old.bd, old.wb, old.cls) != (r["bd"], r["wb"], r["class"]):
            raise TableError(
                f"{r.where}: conflict: {r['form']!r} is read as {key!r} (জ় folds to জ), which {old.where} maps "
                f"to {old.bd}/{old.wb} ({old.cls}), not {r['bd']}/{r['wb']} ({r['class']})"
            )
    if not suffix_rows:
        raise TableError(f"{VARIANTS_DIR}/{SUFFIXES_FILE}: missing or empty")
    suffixes = _load_suffixes(suffix_rows)

    for e in entries.values():
        for std in STANDARDS:
            t = e.target(std)
            te = entries.get(t)
            if te is None or te.target(std) != t:
                got = "no row" if te is None else f"it maps to {te.target(std)!r} ({te.where})"
                raise TableError(
                    f"{e.where}: chain: {e.form!r} -> {t!r} under {std}, but {t!r} is not a form "
                    f"mapping to itself ({got}); add the row '{t}' with {std}={t}"
                )
            if e.cls == "noun" and t != e.form and suffixes[end_class(t)] != suffixes[end_class(e.form)]:
                raise TableError(
                    f"{e.where}: {e.form!r} ({end_class(e.form)}-final) and {t!r} ({end_class(t)}-final) take "
                    f"different suffixes; use class 'fixed' and list the inflected forms as rows"
                )
            if e.cls != "fixed" and te.cls == "fixed" and t != e.form:
                raise TableError(f"{e.where}: {e.form!r} takes suffixes but its target {t!r} is 'fixed' ({te.where})")

    canonicals = {t: e.where for e in entries.values() for t in (e.bd, e.wb)}
    exceptions: dict[str, str] = {}
    for r in exception_rows:
        form, cls, kind = r["form"].replace(ZA, JA), r["class"], r["kind"]
        if cls not in CLASSES:
            raise TableError(f"{r.where}: class {cls!r} is not one of {', '.join(CLASSES)}")
        if kind not in EXCEPTION_KINDS:
            raise TableError(f"{r.where}: kind {kind!r} is not one of {', '.join(EXCEPTION_KINDS)}")
        _check_words(form, cls, r.where)
        if form in exceptions:
            raise TableError(f"{r.where}: duplicate exception {form!r}")
        hit = entries.get(form)
        if hit is not None:
            raise TableError(
                f"{r.where}: exception {form!r} is a table form/canonical ({hit.where}); "
                f"an exception must be a word the tables would otherwise change"
            )
        if form in canonicals:
            raise TableError(f"{r.where}: exception {form!r} is a canonical of {canonicals[form]}")
        exceptions[form] = cls

    # Guard: -ীয় adjectives and guarded (তৎসম) ী words never enter the ী/ি families.
    guarded = {f for f, _ in exceptions.items()}
    for e in entries.values():
        for std in STANDARDS:
            t = e.target(std)
            if t == e.form:
                continue
            for word_f, word_t in zip(e.form.split(" "), t.split(" ")):
                if word_f.endswith("\u09c0\u09af\u09bc") and not word_t.endswith("\u09c0\u09af\u09bc"):
                    raise TableError(f"{e.where}: -ীয় adjective {word_f!r} must keep ী (maps to {word_t!r})")
                if word_f in guarded and word_f != word_t:
                    raise TableError(f"{e.where}: {word_f!r} is guarded in {EXCEPTIONS_FILE} and may not change")

    return VariantTable(entries, exceptions, suffixes, tuple(label for label, _ in files))


variant_table = once(load_variants)
variant_table.__doc__ = "The shipped tables, loaded and validated once per process."


# --------------------------------------------------------------------------
# the compiled matcher
# --------------------------------------------------------------------------


def _symbols(form: str) -> list[str]:
    """Split *form* into pattern symbols: a letter+nukta pair is one symbol (two spellings)."""
    out: list[str] = []
    for c in form:
        if c == NUKTA and out and out[-1] + c in _PRECOMPOSED.values():
            out[-1] += c
        else:
            out.append(c)
    return out


_RECOMPOSE = {v: k for k, v in _PRECOMPOSED.items()}


def _symbol_pattern(sym: str) -> str:
    if sym in _RECOMPOSE:
        return f"(?:{re.escape(sym)}|{_RECOMPOSE[sym]})"
    if sym == " ":
        return PHRASE_SPACE
    if sym == JA:
        return JA + "\u09bc?"  # জ or জ় (folded to জ by fold())
    return re.escape(sym)


def _trie_pattern(words: Iterable[tuple[str, str]]) -> str:
    """A nested alternation of *words* (``(text, tail)``): at a word's end, its *tail* pattern.

    Children come before the end of a word, so the regex tries the longest
    form first and backtracks to shorter ones.
    """
    trie: dict = {}
    END = ""  # key for the tail of a word ending at this node (symbols are never empty)
    for word, tail in words:
        node = trie
        for sym in _symbols(word):
            node = node.setdefault(sym, {})
        node[END] = tail

    def render(node: dict) -> str:
        alts = [_symbol_pattern(sym) + render(child) for sym, child in sorted(node.items()) if sym != END]
        if END in node:
            alts.append(node[END])
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return render(trie)


@dataclass(frozen=True)
class Matcher:
    """The compiled pattern and the lookups its callback needs."""

    pattern: re.Pattern[str]
    table: VariantTable
    #: form -> its entry; exceptions map to ``None`` (matched, then kept as written).
    lookup: Mapping[str, Entry | None]
    #: (standard, matched text) -> resolution: matched words repeat (Zipf), so the
    #: callback is mostly one dict lookup.  Bounded: cleared when it grows large.
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    MEMO_LIMIT = 100_000

    def resolve(self, m_text: str, standard: str) -> tuple[str, str, str, str] | None:
        key = (standard, m_text)
        try:
            return self.memo[key]
        except KeyError:
            pass
        r = _resolve(m_text, standard, self)
        if len(self.memo) >= self.MEMO_LIMIT:
            self.memo.clear()
        self.memo[key] = r
        return r

    def unify(self, text: str, standard: str = "bd") -> str:
        """``unify_spelling`` with this matcher's tables (for custom tables and tests)."""

        def repl(m: re.Match[str]) -> str:
            r = self.resolve(m.group(), standard)
            return m.group() if r is None else r[0]

        out = self.pattern.sub(repl, text)
        if ZA in out:
            # Every জ় left is in a token no table change covered (replacements have none):
            # the same result as the per-token edits of _za_tokens.
            out = out.replace(ZA, JA)
        return text if out == text else out


_TOKEN = f"[{BN_TOKEN_CHAR}]"


def build_pattern(forms: Iterable[str], suffixes: Iterable[str]) -> str:
    """The source of the matcher: ``(?<!T)(?:FORMS)(?:SUFFIXES)?(?!T)``, both as tries.

    The suffix group is the union over all stem classes; the callback then
    checks that the suffix fits the stem's final sound (and re-splits), so the
    pattern needs no per-class branches and stays small.
    """
    forms_re = _trie_pattern((f, "") for f in forms)
    suffix_re = _trie_pattern((s, "") for s in suffixes)
    return f"(?<!{_TOKEN})(?:{forms_re})(?:{suffix_re})?(?!{_TOKEN})"


def build_matcher(table: VariantTable) -> Matcher:
    """Compile the one pattern for every form and exception of *table*.

    Compiled with the standard library's ``re``, not ``regex``: on this trie
    alternation (thousands of forms) ``regex`` scans news text at about
    10 MB/s and ``re`` at about 46 MB/s (measured on the corpus, see
    ``benchmarks/bench_spelling.py``).  The pattern is safe for ``re``: no
    unbounded quantifier (phrase spaces are ``{1,3}``), and the backtracking
    at one position is bounded by the longest form plus the longest suffix.
    """
    lookup: dict[str, Entry | None] = dict(table.entries)
    for f in table.exceptions:
        lookup[f] = None
    all_suffixes = set().union(*table.suffixes.values())
    return Matcher(re.compile(build_pattern(_pattern_forms(table), all_suffixes)), table, lookup)


def _pattern_forms(table: VariantTable) -> list[str]:
    """The forms the pattern must find: fewer than the table's.

    A single-word form that is canonical under both standards (তৈরি, সরকারি,
    পুলিশ: the most frequent words of the tables) never changes, so it is left
    out of the pattern -- unless a changing form is a prefix of it, because
    then the token could be read as that form plus a suffix (the identity row
    protects it by being the longer match).  Phrases and exceptions stay.
    """
    changing = {f for f, e in table.entries.items() if f != e.bd or f != e.wb}
    out = list(changing) + list(table.exceptions)
    for f, e in table.entries.items():
        if f in changing:
            continue
        if e.cls == "phrase" or any(f[:i] in changing for i in range(1, len(f))):
            out.append(f)
    return out


@once
def matcher() -> Matcher:
    """The matcher of the shipped tables (compiled once per process, on first use)."""
    return build_matcher(variant_table())


@dataclass(frozen=True)
class Variant:
    """One word (or phrase) that is not in its canonical spelling under a standard.

    ``start``/``end``/``text`` -- the whole token(s) in the input, suffix
    included; ``canonical`` -- what it becomes; ``form`` -- the table form
    matched (folded; ``"জ়"`` for a word changed only by the জ় rule);
    ``suffix`` -- the inflection kept as written; ``kind``
    -- ``regional`` | ``transliteration`` | ``orthographic``.
    """

    start: int
    end: int
    text: str
    canonical: str
    kind: str
    form: str
    suffix: str
    standard: str


def _split(m_text: str, mt: Matcher) -> tuple[str, str, Entry | None] | None:
    """Split a matched string into (stem as written, suffix as written, entry); longest stem first."""
    folded = fold(m_text)
    table = mt.table
    for i in range(len(folded), 0, -1):
        stem = folded[:i]
        if stem not in mt.lookup:
            continue
        rest = folded[i:]
        entry = mt.lookup[stem]
        cls = entry.cls if entry is not None else table.exceptions[stem]
        if rest and rest not in table.allowed_suffixes(stem, cls):
            continue
        if not rest:
            return m_text, "", entry
        # The suffix as written: the shortest tail of the original that folds to *rest*.
        for j in range(len(m_text) - 1, -1, -1):
            if fold(m_text[j:]) == rest:
                return m_text[:j], m_text[j:], entry
        return m_text, "", entry  # pragma: no cover - folding only expands, so a tail always exists
    return None


def _resolve(m_text: str, standard: str, mt: Matcher) -> tuple[str, str, str, str] | None:
    """``(replacement, kind, form, suffix)`` for a match that changes, else ``None``.

    A match that only has জ় to fold (an exception, a form already canonical)
    is rewritten with জ and nothing else, as ``orthographic``; tokens the
    pattern does not take are folded by :func:`_za_tokens`.
    """
    parts = _split(m_text, mt)
    if parts is None:
        return None
    stem, suffix, entry = parts
    if entry is not None:
        target = entry.target(standard)
        if target != entry.form:
            return target + reattach(target, suffix, entry.form), entry.kind, entry.form, suffix
    # An exception (protected as written) or a form already canonical (perhaps with
    # precomposed nukta letters: keep them) -- only a জ় changes.
    if ZA in m_text:
        return m_text.replace(ZA, JA), "orthographic", fold(stem), suffix
    return None


_ZA_TOKEN = re.compile(f"(?<![{BN_TOKEN_CHAR}])[{BN_TOKEN_CHAR}]*?{ZA}[{BN_TOKEN_CHAR}]*")


def _za_tokens(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Tokens with জ় that no table change covers: ``(start, end, token)``.

    Only called when the text has a জ় (rare), so common text pays one
    ``in`` test.  *taken* are the spans of the table changes, in order.
    """
    out = []
    i = 0
    for m in _ZA_TOKEN.finditer(text):
        while i < len(taken) and taken[i][1] <= m.start():
            i += 1
        if i < len(taken) and taken[i][0] < m.end():
            continue  # inside a table change (whose replacement has no জ়)
        out.append((m.start(), m.end(), m.group()))
    return out


def _changes(text: str, standard: str, mt: Matcher) -> list[Variant]:
    """Every change of *text* under *standard*, in order: table matches, then the জ় rule."""
    out = [
        Variant(m.start(), m.end(), m.group(), r[0], r[1], r[2], r[3], standard)
        for m in mt.pattern.finditer(text)
        if (r := mt.resolve(m.group(), standard)) is not None
    ]
    if ZA in text:
        extra = [
            Variant(a, b, tok, tok.replace(ZA, JA), "orthographic", ZA, "", standard)
            for a, b, tok in _za_tokens(text, [(v.start, v.end) for v in out])
        ]
        if extra:
            out = sorted(out + extra, key=lambda v: v.start)
    return out


#: The locative after a stem ending in ো (ভিডিয়োয়, ভিডিয়োয়ে) ...
_LOCATIVE_Y = ("\u09af\u09bc\u09c7", "\u09af\u09bc")  # য়ে, য় (folded)
#: ... is -তে after the independent vowel letter ও (ভিডিওতে: BD 60, ভিডিওয় 0 in the corpus).
_INDEPENDENT_O = "\u0993"

#: The first morpheme of a suffix, rewritten when the stem's final sound changes class
#: (a phrase such as মমতা ব্যানার্জি -> মমতা বন্দ্যোপাধ্যায়, I-final -> C-final).  Checked in
#: order (longer first); a suffix that starts with none of them is kept as written.
_ALLOMORPHS = {
    # to a consonant-final stem: genitive -এর, locative -এ
    "C": (("য়ের", "ের"), ("য়ে", "ে"), ("য়", "ে"), ("তে", "ে"), ("রা", "রা"), ("র", "ের")),
    # to a vowel-final stem: genitive -র, locative -য় (after া) / -তে, plural -রা/-দের
    "A": (("েদের", "দের"), ("েরা", "রা"), ("ের", "র"), ("ে", "য়")),
    "I": (("েদের", "দের"), ("েরা", "রা"), ("ের", "র"), ("ে", "তে")),
    "V": (("েদের", "দের"), ("েরা", "রা"), ("ের", "র"), ("ে", "তে")),
}
_ALLOMORPHS = {cls: tuple((nfc(a), nfc(b)) for a, b in pairs) for cls, pairs in _ALLOMORPHS.items()}


def reattach(target: str, suffix: str, form: str | None = None) -> str:
    """The suffix to write after *target*: as written, unless the new ending needs another allomorph.

    *form* is the stem as matched (its final sound chose the suffix).  When
    *target* ends in a sound of another class (C consonant, A া, I ি/ী, V
    other vowels; see :func:`end_class`), the first morpheme is mapped:
    ব্যানার্জি+র -> বন্দ্যোপাধ্যায়+ের.  A stem that changes between ো and the
    letter ও (ভিডিয়ো/ভিডিও) keeps its class, but after ও the locative is -তে,
    not -য়.  ``noun`` rows never need the first mapping (the loader makes
    both stems take the same suffixes); phrases may.  ``N``-final targets
    (ং, ঃ) are left alone.

    >>> reattach("ভিডিও", "য়"), reattach("ভিডিও", "য়ও"), reattach("ভিডিয়ো", "তে"), reattach("ভিডিও", "র")
    ('তে', 'তেও', 'তে', 'র')
    >>> reattach("বন্দ্যোপাধ্যায়", "র", "ব্যানার্জি"), reattach("গাঙ্গুলি", "ের", "গঙ্গোপাধ্যায়")
    ('ের', 'র')
    """
    if not suffix:
        return suffix
    if form is not None:
        to_cls = end_class(target)
        if to_cls != end_class(form) and to_cls in _ALLOMORPHS:
            folded = fold(suffix)
            for old, new in _ALLOMORPHS[to_cls]:
                if folded.startswith(old):
                    return new + folded[len(old):]
            return suffix
    if target.endswith(_INDEPENDENT_O):
        folded = fold(suffix)
        for loc in _LOCATIVE_Y:
            if folded.startswith(loc):
                return "\u09a4\u09c7" + folded[len(loc):]
    return suffix


@functools.lru_cache(maxsize=None)
def _pass(standard: str) -> Pass:
    def edits(text: str) -> list[Edit]:
        return [Edit(v.start, v.end, v.canonical, v.kind) for v in _changes(text, standard, matcher())]

    def apply(text: str) -> str:
        return matcher().unify(text, standard)

    return Pass(f"spelling_{standard}", edits, apply)


@functools.lru_cache(maxsize=None)
def spelling_stage(*, standard: str = "bd") -> Stage:
    """The spelling stage as a :class:`~bnnorm.pipeline.Stage` (cached per option).

    Tables load and the pattern compiles on the first call of the stage, not here.
    """
    check_choice("standard", standard, STANDARDS)
    return Stage("spelling", (_pass(standard),), (spelling_stage, {"standard": standard}))


def unify_spelling(text: str, *, standard: str = "bd") -> str:
    """Rewrite every known spelling variant in *text* to its canonical form under *standard*.

    >>> unify_spelling("মোদী ও জিনপিং-এর বৈঠক", standard="bd")
    'মোদি ও জিনপিং-এর বৈঠক'
    >>> unify_spelling("মোদির সফর", standard="wb")
    'মোদীর সফর'
    """
    check_text(text)
    return spelling_stage(standard=standard)(text)


def find_variants(text: str, *, standard: str = "bd") -> list[Variant]:
    """Every word or phrase of *text* that ``unify_spelling`` would change, in order.

    >>> [(v.start, v.end, v.canonical) for v in find_variants("চিনের দূত")]
    [(0, 5, 'চীনের')]
    """
    check_text(text)
    check_choice("standard", standard, STANDARDS)
    return _changes(text, standard, matcher())
