"""Unicode repair (SPEC §3.1): ``fix_unicode``, and the final ``whitespace_stage``.

Every repair is one small, documented, pure function (``str -> str``) with an
example, wrapped as a named :class:`~bnnorm.pipeline.Pass` so that
``Pipeline.explain`` says which fix changed what.  The passes run in this
order (each one's output is a fixed point of the ones before it, which makes
the stage idempotent):

=========================  ==================================================
pass                       what it repairs
=========================  ==================================================
``drop_invisible``         ZWSP, BOM, soft hyphen, bidi marks: removed
``joiners``                ZWJ/ZWNJ kept only where they change Bengali
                           rendering (র‍্য, deliberate hasanta/half form)
``nfc``                    NFC with the current Unicode data (``unicodedata2``)
``doubled_signs``          ``কিি`` → ``কি``, ``ক্্ষ`` → ``ক্ষ``, ``ড়়`` → ``ড়``
``vowel_sign_after_vowel`` ``অ`` + ``া`` → ``আ`` (and ``আা`` → ``আ``)
``yaphala_nukta``          ``ম্য়াচ`` → ``ম্যাচ`` (ya-phala written with য়)
``khanda_ta``              ``ত্`` + ZWJ, ``উত্সব``, word-final ``হঠাত্`` → ``ৎ``
``danda``                  ``৷`` (U+09F7) and a ``|`` used as a danda → ``।``
``spaces``                 Unicode spaces → space, runs collapsed, lines trimmed
``space_before_punctuation``  ``বলেন ,`` → ``বলেন,``; ``হয় ।`` → ``হয়।``
``quotes``                 curly → ASCII quotes (only with ``quotes="ascii"``)
=========================  ==================================================

The canonical form is **NFC** (see ``docs/unicode.md``): the nukta letters
U+09DC/U+09DD/U+09DF are composition exclusions, so NFC always spells য় ড় ঢ়
as base + U+09BC nukta -- the form that most Bengali text already uses.

Text in other scripts, emoji (ZWJ sequences, VS16), URLs and numbers pass
through unchanged; nothing here applies NFKC, turns ``:`` into ``ঃ``, or
touches line breaks.

:func:`fix_unicode` does not run the eleven passes one after the other: a
few C-speed passes over the line (a charmap encoding, one ``bytes.translate``
and a few big-integer operations, see "the fast path" below) tell which
passes can act at all, and only those run.  The result is the stage's, to
the byte (tested); a line with nothing to repair comes back as the same
object.
"""

from __future__ import annotations

import codecs
import dataclasses
import functools
import re
from typing import Any, NamedTuple

import regex
import unicodedata2

from .pipeline import Edit, Pass, Stage, apply_edits, check_choice, check_text, diff_edits, regex_pass
from .script import BN_ANY, BN_LETTER, BN_MARK, LINE_BREAKS, VIRAMA, ZWJ, ZWNJ, LazyPattern, lazy_regex, nfc

__all__ = [
    "fix_unicode",
    "unicode_stage",
    "whitespace_stage",
    "QUOTE_MODES",
    # the repairs, each usable on its own
    "drop_invisible",
    "fix_joiners",
    "to_nfc",
    "collapse_doubled_signs",
    "fix_vowel_sign_after_vowel",
    "fix_yaphala_nukta",
    "fix_khanda_ta",
    "fix_danda",
    "fix_spaces",
    "remove_space_before_punctuation",
    "fold_quotes",
]

#: Allowed values of ``quotes``.
QUOTE_MODES = ("keep", "ascii")

# --------------------------------------------------------------------------
# character classes
# --------------------------------------------------------------------------

# LINE_BREAKS (from script): every rule works within a line and never touches these.
#: Spaces other than U+0020 that become U+0020: NBSP, EN QUAD .. HAIR SPACE,
#: NARROW NBSP, MEDIUM MATHEMATICAL SPACE, IDEOGRAPHIC SPACE.  Tabs are kept
#: (tab-separated data), and so is U+1680 OGHAM SPACE MARK (a visible glyph).
UNICODE_SPACES = "\u00a0\u2000-\u200a\u202f\u205f\u3000"
#: Invisible format characters dropped everywhere: ZWSP, BOM/ZWNBSP, soft
#: hyphen, and the bidi controls (LRM, RLM, ALM, embeddings/overrides, isolates).
INVISIBLES = "\u200b\ufeff\u00ad\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
#: Bengali combining signs that are never written twice in a row.
DOUBLE_SIGNS = "\u0981-\u0983\u09bc\u09be-\u09c4\u09c7\u09c8\u09cb\u09cc\u09cd\u09d7\u09e2\u09e3"
#: Bengali letters and signs, without the virama: what may precede a ৎ.
_BN_LETTER_OR_SIGN_NOT_VIRAMA = BN_LETTER + BN_MARK.replace("\u09cb-\u09cd", "\u09cb\u09cc")
#: Punctuation that takes no space before it after a Bengali word.
CLOSE_PUNCT = "।,;:?!"


def _compile(pattern: str, flags: int = 0) -> Any:
    """A lazily compiled ``regex`` pattern (version 1 syntax: set operations in classes)."""
    return lazy_regex(pattern, regex.V1 | flags)


def _compile_re(pattern: str) -> Any:
    """A lazily compiled stdlib ``re`` pattern, for plain classes and literals where it is faster."""
    return LazyPattern(lambda: re.compile(pattern))


def _expand(char_class: str) -> str:
    """The characters of a class body made of single characters and ``a-b`` ranges."""
    out: list[str] = []
    i = 0
    while i < len(char_class):
        if i + 2 < len(char_class) and char_class[i + 1] == "-":
            out.extend(chr(c) for c in range(ord(char_class[i]), ord(char_class[i + 2]) + 1))
            i += 3
        else:
            out.append(char_class[i])
            i += 1
    return "".join(out)


def _contains_any(chars: str) -> Any:
    """A test ``text -> bool``: does *text* contain one of *chars*?

    One ``in`` per character: each is a memchr-speed scan (~20 GB/s), far
    faster than a character-class search (~0.4 GB/s) for a handful of rare
    characters.
    """
    unique = tuple(dict.fromkeys(chars))

    def test(text: str) -> bool:
        for c in unique:
            if c in text:
                return True
        return False

    return test


# --------------------------------------------------------------------------
# drop_invisible
# --------------------------------------------------------------------------

_INVISIBLE_RUN = _compile_re(f"[{INVISIBLES}]++")
# Patterns made of plain character classes and literals (no \\w, \\b, case
# rules or Unicode properties) use stdlib ``re`` when it is faster (its class
# scans are 3-5x faster than ``regex``'s), ``regex`` when it is (literal
# searches); measured on the benchmark slice.


def drop_invisible(text: str) -> str:
    """Remove ZWSP, BOM, soft hyphen and bidi marks, wherever they are.

    They never change what a reader sees in Bengali, and they split words for
    search, tokenizers and deduplication.  A ZWSP between two letters is
    dropped (it sat inside a word: ``প্রে\\u200bক্ষিত`` is one word); next to
    a space it was redundant anyway.

    >>> drop_invisible("\\ufeffপ্রে\\u200bক্ষিত \\u200eবিল\\u00adটন")
    'প্রেক্ষিত বিলটন'
    """
    return _INVISIBLE_RUN.sub("", text)


# --------------------------------------------------------------------------
# joiners
# --------------------------------------------------------------------------

_JOINER_RUN = _compile(f"[{ZWNJ}{ZWJ}]++")  # regex: 2x faster than re for this one
_BN_LETTERS_SET = frozenset(_expand(BN_LETTER))
_BN_LETTER_OR_SIGN = frozenset(_expand(BN_LETTER + BN_MARK))


def _canonical_neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The characters next to ``text[start:end]`` (a joiner run) once NFC has sorted the marks around it.

    NFC puts a run of combining marks in canonical order, so the mark next to
    a joiner may change (``1⟨ZWNJ⟩◌́◌্`` becomes ``1⟨ZWNJ⟩◌্◌́``); judging the
    joiner by the neighbours it will have keeps the stage idempotent.  Before
    the joiner that is the mark with the highest class (the last such), after
    it the one with the lowest (the first such).  Each run of marks is read
    by at most the joiner before it and the one after it: linear.
    """
    combining = unicodedata2.combining
    prev = text[start - 1] if start > 0 else ""
    if prev and combining(prev):
        best = combining(prev)
        i = start - 2
        while i >= 0 and combining(text[i]):
            if combining(text[i]) > best:
                prev, best = text[i], combining(text[i])
            i -= 1
    nxt = text[end] if end < len(text) else ""
    if nxt and combining(nxt):
        best = combining(nxt)
        i = end + 1
        while i < len(text) and combining(text[i]):
            if combining(text[i]) < best:
                nxt, best = text[i], combining(text[i])
            i += 1
    return prev, nxt


def _joiner_replacement(m: Any) -> str | None:
    """What a run of ZWJ/ZWNJ becomes, judged by its neighbours (as NFC will order them)."""
    text: str = m.string
    start, end = m.start(), m.end()
    prev, nxt = _canonical_neighbours(text, start, end)
    if not prev or not nxt or prev.isspace() or nxt.isspace():
        return ""  # a joiner next to a space or a line edge joins nothing, in any script
    if prev not in _BN_LETTER_OR_SIGN and nxt not in _BN_LETTER_OR_SIGN:
        # emoji sequences, Persian ZWNJ, Devanagari half forms: not ours.  Digits
        # do not count as Bengali, so converting digits later cannot change this.
        return None
    if prev == "র" and text.startswith(VIRAMA + "য", end):
        return ZWJ  # র‍্য (ra + ya-phala, not reph): the standard sequence uses ZWJ
    if prev == VIRAMA and nxt in _BN_LETTERS_SET:
        return m.group()[0]  # deliberate hasanta (ZWNJ) or half form (ZWJ): keep one
    return ""


def fix_joiners(text: str) -> str:
    """Keep ZWJ/ZWNJ only where they change how Bengali renders; drop the rest.

    Kept: ``র`` + joiner + ``্য`` (র‍্য, ra with ya-phala instead of reph),
    normalized to ZWJ -- both joiners occur there for the same spelling --, and
    a joiner after a virama before a letter (``ফাল্‌গুন``: a deliberate visible
    hasanta; a half form with ZWJ).  A run of joiners counts as one.  Dropped:
    joiners anywhere else next to a Bengali character (``জন‍্য`` → ``জন্য``) and
    joiners next to a space or line edge.  Joiners between non-Bengali
    characters (emoji ZWJ sequences, Persian, Devanagari) are kept.

    >>> fix_joiners("র\\u200c্যাব জন\\u200d্য ফাল্\\u200cগুন 👩\\u200d💻")
    'র\\u200d্যাব জন্য ফাল্\\u200cগুন 👩\\u200d💻'
    """
    return _JOINERS.run(text)  # the pass below: its callback may leave a run alone (None)


# --------------------------------------------------------------------------
# nfc
# --------------------------------------------------------------------------

# A text can only differ from its NFC if it contains (a) a character that NFC
# never keeps (NFC_Quick_Check=No), (b) a combining mark that may compose with
# what precedes it (NFC_QC=Maybe and ccc != 0), (c) a NFC_QC=Maybe vowel sign
# or jamo right after a character it composes with, or (d) two marks in a row
# (they may be out of canonical order).  Bengali ``া`` and ``ৗ`` are "Maybe"
# but compose only after ``ে``; so (c) lists the first halves explicitly.
#: First halves of the canonical compositions whose second half is a
#: NFC_QC=Maybe character with ccc=0 (computed from ``unicodedata2``;
#: tests/test_unicode.py checks it against the data).
_COMPOSING_FIRSTS = (
    "\u09c7\u0b47\u0b92\u0bc6\u0bc7\u0cbf\u0cc6\u0cca\u0d46\u0d47\u0dd9\u1025\u1100-\u1112"
    "\u1b05\u1b07\u1b09\u1b0b\u1b0d\u1b11\u1b3a\u1b3c\u1b3e\u1b3f\u1b42"
    "\U00011131\U00011132\U00011347\U00011382\U00011384\U0001138b\U00011390\U000113c2"
    "\U000114b9\U000115b8\U000115b9\U00011935\U0001611e\U00016121\U00016122\U00016129"
    "\U00016d63\U00016d67\U00016d69"
)
_NFC_SUSPECT = _compile(
    r"\p{NFC_QC=N}"
    r"|[\p{NFC_QC=M}--\p{ccc=0}]"
    rf"|[{_COMPOSING_FIRSTS}][\p{{NFC_QC=M}}&&\p{{ccc=0}}]"
    r"|[\uac00-\ud7a3][\u11a8-\u11c2]"  # Hangul LV syllable + trailing jamo (algorithmic)
    r"|\P{ccc=0}\P{ccc=0}"
)
#: A character before which NFC can always split the text: it neither
#: composes with what precedes it nor reorders with it.
_NFC_BOUNDARY = _compile(r"[\p{ccc=0}&&\p{NFC_QC=Y}]")
_NFC_BOUNDARY_BACK = _compile(r"[\p{ccc=0}&&\p{NFC_QC=Y}]", regex.REVERSE)


#: Characters that are NFC on their own and never compose or reorder with a
#: neighbour -- plus Bengali ``া`` ``ৗ`` ``ে`` nukta and virama, whose only
#: interactions are checked by ``_BN_NFC_TROUBLE``.  Covers ASCII, Latin-1,
#: Latin Extended, Bengali, general punctuation, symbols, emoji (tests check
#: every character against ``unicodedata2``).  Text made of these (and of the
#: precomposed nukta letters) is normalized by :func:`_bengali_nfc`.
_NFC_SIMPLE = (
    "\x00-\u02ff\u0964-\u0965\u0980-\u09db\u09de\u09e0-\u09fd\u09ff\u2002-\u206f\u20a0-\u20cf"
    "\u2100-\u2125\u2127-\u2129\u212c-\u2328\u232b-\u27bf\u3000-\u3029\u3030-\u303f\ufe0f"
    "\U0001f000-\U0001faff"
)
_NOT_NFC_SIMPLE = _compile_re(f"[^{_NFC_SIMPLE}\u09dc\u09dd\u09df]")
#: The only ways a text of ``_NFC_SIMPLE`` characters can differ from its NFC:
#: a precomposed nukta letter, a split vowel sign, a virama before a nukta.
_BN_NFC_TROUBLE = ("\u09dc", "\u09dd", "\u09df", "\u09c7\u09be", "\u09c7\u09d7", "\u09cd\u09bc")
_BN_PRECOMPOSED = {"\u09dc": "\u09a1\u09bc", "\u09dd": "\u09a2\u09bc", "\u09df": "\u09af\u09bc"}
_BN_MARK_RUN = _compile_re("[\u09bc\u09cd]{2,}")


def _nukta_first(m: Any) -> str:
    """A run of nukta (ccc 7) and virama (ccc 9) in canonical order: the nuktas first."""
    return "".join(sorted(m.group(), key=lambda c: c != "\u09bc"))


def _bengali_nfc(text: str) -> str:
    """NFC of a text made of ``_NFC_SIMPLE`` characters and U+09DC/09DD/09DF, without the general algorithm.

    Decompose the three nukta letters, put nukta (ccc 7) before virama (ccc 9)
    in runs of both, compose ``ে`` + ``া``/``ৗ`` (``str`` operations run at
    memory speed; tests compare with ``unicodedata2`` on random Bengali).
    """
    for composed, decomposed in _BN_PRECOMPOSED.items():
        if composed in text:
            text = text.replace(composed, decomposed)
    if "\u09cd\u09bc" in text:
        text = _BN_MARK_RUN.sub(_nukta_first, text)
    if "\u09c7" in text:
        text = text.replace("\u09c7\u09be", "\u09cb").replace("\u09c7\u09d7", "\u09cc")
    return text


def _nfc_edits(text: str) -> list[Edit]:
    """NFC as fine-grained edits: one per cluster that NFC changes."""
    whole = to_nfc(text)  # the fast path: the edits must give exactly this
    if whole is text:
        return []
    m = _NFC_SUSPECT.search(text)
    edits: list[Edit] = []
    floor = 0  # end of the last cluster handled
    while m is not None:
        back = _NFC_BOUNDARY_BACK.search(text, floor, m.start() + 1)
        start = back.start() if back is not None else floor
        fwd = _NFC_BOUNDARY.search(text, m.end())
        end = fwd.start() if fwd is not None else len(text)
        cluster = text[start:end]
        fixed = nfc(cluster)
        if fixed != cluster:
            edits.append(Edit(start, end, fixed, "nfc"))
        floor = end
        m = _NFC_SUSPECT.search(text, end)
    if apply_edits(text, edits) != whole:  # a case the cluster logic does not know: stay correct
        return diff_edits(text, whole, "nfc")
    return edits


def to_nfc(text: str) -> str:
    """NFC with current Unicode data; the nukta letters come out decomposed.

    ``য়`` U+09DF, ``ড়`` U+09DC and ``ঢ়`` U+09DD are composition exclusions:
    NFC writes them as ``য``/``ড``/``ঢ`` + U+09BC.  Split vowel signs are
    composed (``ে`` + ``া`` → ``ো``, ``ে`` + ``ৗ`` → ``ৌ``).

    >>> to_nfc("\\u09df") == "\\u09af\\u09bc"
    True
    >>> to_nfc("ক\\u09c7\\u09be") == "কো"
    True
    """
    if _NOT_NFC_SIMPLE.search(text) is None:  # Bengali, ASCII, punctuation, emoji: the usual case
        if not any(t in text for t in _BN_NFC_TROUBLE):
            return text
        out = _bengali_nfc(text)
    else:
        if _NFC_SUSPECT.search(text) is None:
            return text
        out = nfc(text)
    return text if out == text else out


_NFC_PASS = Pass("nfc", _nfc_edits, to_nfc)

# --------------------------------------------------------------------------
# doubled signs, vowel sign after an independent vowel
# --------------------------------------------------------------------------

_DOUBLED_SIGN = _compile_re(f"([{DOUBLE_SIGNS}])\\1++")
_DOUBLED_SIGN_ANY = _compile_re(f"([{DOUBLE_SIGNS}])\\1")


def collapse_doubled_signs(text: str) -> str:
    """A vowel sign, virama, nukta, candrabindu, anusvara or visarga typed twice → once.

    No Bengali spelling repeats one of these signs; the doubles are typing or
    conversion errors that render as dotted circles.

    >>> collapse_doubled_signs("যুুবক ক্্ষমা পৌঁঁছানো")
    'যুবক ক্ষমা পৌঁছানো'
    >>> collapse_doubled_signs("কোকো")
    'কোকো'
    """
    return _DOUBLED_SIGN.sub(lambda m: m.group(1), text)


_VOWEL_AA = _compile_re("[অআ]\u09be")


def fix_vowel_sign_after_vowel(text: str) -> str:
    """``অ`` or ``আ`` followed by the vowel sign ``া`` → ``আ``.

    The only vowel-sign-after-vowel sequence whose intent is certain (old
    fonts built আ from অ + া).  Other such sequences are left alone.

    >>> fix_vowel_sign_after_vowel("অামার আাম")
    'আমার আম'
    """
    return _VOWEL_AA.sub("আ", text)


# ya-phala written with য় (য + nukta) instead of য: 45 times in the corpus
# (ম্য়াচ, উদ্য়োগ, সাফল্য়), never a spelling.  After র the sequence is a
# misordered য়র্ from a converter (নিউইর্য়ক for নিউইয়র্ক): dropping the nukta
# would not repair it, so it is left as typed.
_YAPHALA_NUKTA = _compile("(?<!র)\u09cd\u09af\u09bc")  # regex: a literal search, 10x faster than re


def fix_yaphala_nukta(text: str) -> str:
    """Virama + ``য়`` (ya-phala written with the nukta letter) → virama + ``য``.

    >>> fix_yaphala_nukta("ম্য\u09bcাচ সাফল্য\u09bc") == "ম্যাচ সাফল্য"
    True
    >>> fix_yaphala_nukta("নিউইর্য\u09bcক যায়")  == "নিউইর্য\u09bcক যায়"
    True
    """
    return _YAPHALA_NUKTA.sub("\u09cd\u09af", text)


# --------------------------------------------------------------------------
# khanda ta
# --------------------------------------------------------------------------

# ত্ + ZWJ is the Unicode 4.0 spelling of ৎ.  Without the ZWJ, ত্ is ৎ when a
# word ends there (হঠাত্, বিদ্যুত্; a digit of either script ends the word too,
# so converting digits later cannot change the verdict, and so does ৷, which
# the danda pass turns into ।) or before an independent vowel,
# and before ক খ প স (উত্কর্ষ, উত্খাত, উত্পাদন, উত্সব, মত্স্য): the
# native clusters that Bengali spells with ৎ.  ত্ত ত্থ ত্ন ত্ব ত্ম ত্য ত্র
# are real conjuncts (তত্ত্ব, আত্মা, পত্নী) and other pairs (ত্শ, ত্ল in
# transliterated Tibetan names) are left as typed.  The ত must follow a
# Bengali letter or sign other than a virama: ৎ never starts a word
# (ত্সোং-খা) nor ends a conjunct (ম্ত্শান).
_KHANDA_TA = _compile(
    f"ত{VIRAMA}{ZWJ}"
    f"|(?<=[{_BN_LETTER_OR_SIGN_NOT_VIRAMA}])ত{VIRAMA}"
    f"(?=[কখপস\u09f7]|[\u0985-\u0994]|[০-৯]|[^{BN_ANY}{ZWNJ}{ZWJ}]|$)"
)


# Prefilter (a superset of _KHANDA_TA's matches, without the lookbehind).
_KHANDA_TA_ANY = _compile_re(f"ত{VIRAMA}(?:[{ZWJ}কখপস\u09f7\u0985-\u0994০-৯]|[^{BN_ANY}{ZWNJ}]|\\Z)")


def fix_khanda_ta(text: str) -> str:
    """``ত্`` standing for khanda ta → ``ৎ``.

    >>> fix_khanda_ta("উত্\\u200dসব উত্সব মত্স্য হঠাত্ বিদ্যুত্।")
    'উৎসব উৎসব মৎস্য হঠাৎ বিদ্যুৎ।'
    >>> fix_khanda_ta("তত্ত্ব আত্মা পত্নী ত্সোং")
    'তত্ত্ব আত্মা পত্নী ত্সোং'
    """
    return _KHANDA_TA.sub("ৎ", text)


# --------------------------------------------------------------------------
# danda
# --------------------------------------------------------------------------

# ৷ (U+09F7, currency numerator four) typed for । -- 1,152 times in the
# corpus, always as a full stop; as a numerator it stands next to the other
# currency signs U+09F4..U+09F9, and then it stays.
_CURRENCY_NUMERATOR_AS_DANDA = _compile(
    "(?<![\u09f4-\u09f9])\u09f7++(?![\u09f4-\u09f6\u09f8\u09f9])"
)
# | typed for । : right after a Bengali letter or sign, followed by a space,
# a closing quote or bracket, or the end of the line.  In the corpus almost
# every | is a separator (``২০২৫ | ১৩:৪৮``, ``Chakraborty | সোহম``) or wiki
# markup (``[[চিত্র|thumb``, ``তত্ত্ব|ফ্লোজিস্টন``): a | between two Bengali
# letters, after a space, after Latin or digits, or on a line that starts with
# | (a table row) stays.
_PIPE_DANDA = _compile(
    f"(?<=[{BN_LETTER}{BN_MARK}])\\|(?=[\\s'\"’”)\\]]|$)"
)
_LINE_BREAK_RE = _compile(f"[{LINE_BREAKS}]")
_LINE_BREAK_BACK = _compile(f"[{LINE_BREAKS}]", regex.REVERSE)
_TABLE_ROW_START = _compile(r"[ \t]*+\|")


def _danda_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    if "\u09f7" in text:
        edits = [Edit(m.start(), m.end(), "।" * (m.end() - m.start()), "danda")
                 for m in _CURRENCY_NUMERATOR_AS_DANDA.finditer(text)]
    if "|" in text:
        line_start, line_end, table_row = -1, -1, False
        for m in _PIPE_DANDA.finditer(text):
            if m.start() >= line_end:  # a new line: is it a table row?  (once per line: linear)
                back = _LINE_BREAK_BACK.search(text, 0, m.start())
                line_start = back.end() if back is not None else 0
                fwd = _LINE_BREAK_RE.search(text, m.end())
                line_end = fwd.start() if fwd is not None else len(text)
                table_row = _TABLE_ROW_START.match(text, line_start) is not None
            if not table_row:
                edits.append(Edit(m.start(), m.end(), "।", "danda"))
        edits.sort()
    return edits


def fix_danda(text: str) -> str:
    """``৷`` (U+09F7) and a ``|`` used as a danda → ``।``.

    >>> fix_danda("সে আসবে৷ আমি যাব| তুমি?")
    'সে আসবে। আমি যাব। তুমি?'
    >>> fix_danda("২০২৫ | ১৩:৪৮ https://a.com/x|y [[চিত্র|thumb]]")
    '২০২৫ | ১৩:৪৮ https://a.com/x|y [[চিত্র|thumb]]'
    """
    return apply_edits(text, _danda_edits(text))


# --------------------------------------------------------------------------
# spaces
# --------------------------------------------------------------------------

_SPACE_CLASS = " " + UNICODE_SPACES
_UNICODE_SPACE = _compile_re(f"[{UNICODE_SPACES}]")
_has_rare_break = _contains_any(LINE_BREAKS.replace("\n", ""))
_has_unicode_space_or_rare_break = _contains_any(_expand(UNICODE_SPACES) + LINE_BREAKS.replace("\n", ""))


def _may_need_space_fix(text: str) -> bool:
    """Cheap test: could :func:`fix_spaces` change *text*?  (No false negatives.)"""
    return (
        "  " in text
        or text[:1] == " "
        or text[-1:] == " "
        or ("\n" in text and (" \n" in text or "\n " in text))
        # \r, \v, \f and \x1c-\x1e are ASCII line breaks: ASCII text with a space needs the scan too
        or ((" " in text or not text.isascii()) and _has_unicode_space_or_rare_break(text))
    )
_SPACE_TROUBLE = _compile(
    f"(?<![^{LINE_BREAKS}])[{_SPACE_CLASS}]++"  # at the start of a line
    f"|[{_SPACE_CLASS}]++(?![^{LINE_BREAKS}])"  # at the end of a line
    f"|[{_SPACE_CLASS}]{{2,}}+"  # a run
    f"|[{UNICODE_SPACES}]"  # a lone NBSP etc.
)


def _space_replacement(m: Any) -> str:
    text: str = m.string
    start, end = m.start(), m.end()
    if start == 0 or text[start - 1] in LINE_BREAKS or end == len(text) or text[end] in LINE_BREAKS:
        return ""
    return " "


def fix_spaces(text: str) -> str:
    """NBSP and the other Unicode spaces → space; runs → one space; lines trimmed.

    Works line by line: line breaks (``\\n``, ``\\r\\n``, U+2028 ...) stay
    exactly as they are, and tabs are kept (tab-separated data).

    >>> fix_spaces("  আমি\\u00a0 যাব  \\nতুমি\\u2009এসো\\tনা ")
    'আমি যাব\\nতুমি এসো\\tনা'
    """
    return _SPACE_TROUBLE.sub(_space_replacement, text)


# After a Bengali letter or sign (never a digit: ``১২ , ৩`` stays), spaces
# before । , ; : ? ! go -- when the punctuation ends a phrase: followed by a
# space, the line end, more punctuation, a quote, Bengali, or a digit.  So
# emoticons (``ভালো :)``) and anything glued to ASCII after it stay.
#
# Stdlib ``re`` (explicit classes only): starting at a literal space makes its
# scan 3x faster than ``regex`` here.  Linear: only the first space of a run
# can pass the lookbehind, and the run is scanned once from there.
_SPACE_BEFORE_PUNCT = _compile_re(
    f" (?<=[{BN_LETTER}{BN_MARK}] ) *"
    f"(?=[{CLOSE_PUNCT}](?:[\\s{CLOSE_PUNCT}'\"‘’“”{BN_ANY}0-9]|\\Z))"
)


_SPACE_THEN_PUNCT = _compile_re(f" [{CLOSE_PUNCT}]")


def _may_have_space_before_punctuation(text: str) -> bool:
    return _SPACE_THEN_PUNCT.search(text) is not None


def remove_space_before_punctuation(text: str) -> str:
    """No space between a Bengali word and the ``।`` ``,`` ``;`` ``:`` ``?`` ``!`` after it.

    >>> remove_space_before_punctuation("তিনি বলেন , আমি যাব । সময় : ১০টা")
    'তিনি বলেন, আমি যাব। সময়: ১০টা'
    >>> remove_space_before_punctuation("ভালো :) 12 , 13 ১২ , ১৩")
    'ভালো :) 12 , 13 ১২ , ১৩'
    """
    return _SPACE_BEFORE_PUNCT.sub("", text)


# --------------------------------------------------------------------------
# quotes
# --------------------------------------------------------------------------

_CURLY_QUOTE = _compile("[‘’‚‛“”„‟]")
_QUOTE_TO_ASCII = {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'}


def fold_quotes(text: str) -> str:
    """Curly quotes → ASCII ``'`` and ``"`` (only with ``quotes="ascii"``).

    >>> fold_quotes("‘দু’দেশের’ “চুক্তি”")
    '\\'দু\\'দেশের\\' "চুক্তি"'
    """
    return _CURLY_QUOTE.sub(lambda m: _QUOTE_TO_ASCII[m.group()], text)


# --------------------------------------------------------------------------
# passes and stages
# --------------------------------------------------------------------------


def _danda_apply(text: str) -> str:
    if "\u09f7" not in text and "|" not in text:
        return text
    return apply_edits(text, _danda_edits(text))


_DROP_INVISIBLE = regex_pass("drop_invisible", _INVISIBLE_RUN, lambda m: "", prefilter=_contains_any(_expand(INVISIBLES)))
_JOINERS = regex_pass(
    "joiners", _JOINER_RUN, _joiner_replacement, prefilter=lambda t: ZWJ in t or ZWNJ in t
)
_DOUBLED_SIGNS = regex_pass(
    "doubled_signs", _DOUBLED_SIGN, lambda m: m.group(1), prefilter=lambda t: _DOUBLED_SIGN_ANY.search(t) is not None
)
_VOWEL_SIGN_AFTER_VOWEL = regex_pass(
    "vowel_sign_after_vowel", _VOWEL_AA, lambda m: "আ", prefilter=lambda t: "অা" in t or "আা" in t
)
_YAPHALA_NUKTA_PASS = regex_pass(
    "yaphala_nukta", _YAPHALA_NUKTA, lambda m: "\u09cd\u09af", prefilter=lambda t: "\u09cd\u09af\u09bc" in t
)
_KHANDA_TA_PASS = regex_pass(
    "khanda_ta", _KHANDA_TA, lambda m: "ৎ", prefilter=lambda t: _KHANDA_TA_ANY.search(t) is not None
)
_DANDA = Pass("danda", _danda_edits, _danda_apply)
_SPACES_REGEX = regex_pass("spaces", _SPACE_TROUBLE, _space_replacement, prefilter=_may_need_space_fix)


_SPACE_RUN = _compile_re("  +")  # a literal two-space prefix: stdlib re scans for it quickly


def _spaces_apply(text: str) -> str:
    """Fast path of the spaces pass when only U+0020, the Unicode spaces and ``\\n`` are involved.

    Unicode spaces → space, runs → one space; then every line has at most one
    space at each end, so trimming is ``strip`` plus two ``replace`` calls.
    """
    if not _may_need_space_fix(text):
        return text
    return _collapse_and_trim_spaces(text, _has_unicode_space_or_rare_break(text))  # \r is ASCII too


def _collapse_and_trim_spaces(text: str, unusual: bool, runs: bool | None = None) -> str:
    """:func:`fix_spaces` with ``str`` operations.

    *unusual*: may contain a Unicode space or a rare line break; *runs*: may
    contain two spaces in a row, or a space next to a line feed (``None``:
    look).
    """
    out = text
    if unusual:
        if _has_rare_break(text):
            return fix_spaces(text)
        out = _UNICODE_SPACE.sub(" ", out)
        runs = None
    if runs is None or runs:
        if "  " in out:
            out = _SPACE_RUN.sub(" ", out)
        if "\n" in out:
            out = out.replace(" \n", "\n").replace("\n ", "\n")
    out = out.strip(" ")
    return text if out == text else out


_SPACES = Pass("spaces", _SPACES_REGEX.edits, _spaces_apply)
_SPACE_BEFORE_PUNCT_PASS = regex_pass(
    "space_before_punctuation", _SPACE_BEFORE_PUNCT, lambda m: "", prefilter=_may_have_space_before_punctuation
)
_QUOTES = regex_pass("quotes", _CURLY_QUOTE, lambda m: _QUOTE_TO_ASCII[m.group()])

_REPAIR_PASSES = (
    _DROP_INVISIBLE,
    _JOINERS,
    _NFC_PASS,
    _DOUBLED_SIGNS,
    _VOWEL_SIGN_AFTER_VOWEL,
    _YAPHALA_NUKTA_PASS,
    _KHANDA_TA_PASS,
    _DANDA,
    _SPACES,
    _SPACE_BEFORE_PUNCT_PASS,
)

#: ``_NFC_SIMPLE`` without the characters some pass acts on (invisibles,
#: joiners, ৷, |, Unicode spaces, line breaks other than ``\\n``); tests check
#: that it is exactly that difference.
_QUIET = (
    "\x00-\x0a\x0e-\x1b\x1f-\x7b\x7d-\x84\x86-\x9f\xa1-\xac\xae-\u02ff\u0964-\u0965\u0980-\u09db"
    "\u09de\u09e0-\u09f6\u09f8-\u09fd\u09ff\u2010-\u2027\u2030-\u205e\u2060-\u2065\u206a-\u206f"
    "\u20a0-\u20cf\u2100-\u2125\u2127-\u2129\u212c-\u2328\u232b-\u27bf\u3001-\u3029\u3030-\u303f"
    "\ufe0f\U0001f000-\U0001faff"
)

# --------------------------------------------------------------------------
# the fast path of fix_unicode: a few scans decide which passes can act
# --------------------------------------------------------------------------
#
# Running every pass with its own prefilter costs ~11 scans of each line, and
# most lines of real text need some repair (mostly a precomposed য়), so an
# early "nothing to do" exit alone does not help.  Instead fix_unicode learns,
# in a few C-speed passes over the line, which passes can act at all, and
# runs only those:
#
# 1. ``codecs.charmap_encode`` writes the line in the *compact alphabet*
#    (ASCII, the Bengali block and the usual typographic characters: one byte
#    each).  A line with any other character (a few per cent of news lines)
#    is scanned once with ``re`` for its rare characters instead
#    (:func:`_rare_chars`), and is brought to NFC before step 3, with
#    ``unicodedata2`` when it holds a character outside ``_NFC_SIMPLE``.
# 2. The precomposed nukta letters are split with ``str.replace``.
# 3. :func:`_watched_pairs` finds every pair of neighbouring characters that
#    some pass reacts to -- a doubled sign, ে+া, virama+nukta, অ+া, two
#    spaces, a space before । , ; : ? ! -- and, on compact lines, which of
#    the characters that passes react to on their own (joiners, ৷, NBSP ...)
#    occur.
#
# The gates are exact or err on the side of running a pass, and a pass that
# runs still checks with its own pattern.  A pass that can make a new pair
# for a later pass (NFC composing, danda, Unicode spaces → space) makes that
# later pass use its own prefilter.  Tests compare with the plain stage on
# random text, and the 30 MB corpus gives byte-identical output.

_INVISIBLE_OR_JOINER_SET = frozenset(_expand(INVISIBLES) + ZWNJ + ZWJ)
_DANDA_SET = frozenset(("\u09f7", "|"))
_SPACE_OR_BREAK_SET = frozenset(_expand(UNICODE_SPACES + LINE_BREAKS)) - {"\n"}
#: Rare characters whose passes the fast path runs itself; any other rare
#: character may need the general NFC algorithm (U+2000, U+2001, BOM and ALM
#: are the acted-on characters outside ``_NFC_SIMPLE``; tests check this).
_FAST_RARE = (_INVISIBLE_OR_JOINER_SET | _DANDA_SET | _SPACE_OR_BREAK_SET) - set("\u2000\u2001\ufeff\u061c")
#: Runs of characters no pass reacts to on their own (the precomposed nukta
#: letters are split by ``str.replace`` anyway, so they count as quiet here).
_QUIET_RUN = _compile_re(f"[{_QUIET}\u09dc\u09dd\u09df]*")


_NFC_QC_YES = _compile(r"\p{NFC_QC=Y}")


@functools.lru_cache(maxsize=4096)
def _nfc_inert(char: str) -> bool:
    """Does *char* leave NFC of the text around it alone?  (A starter that never composes with what precedes.)

    A character with ccc 0 and NFC_Quick_Check=Yes is NFC, blocks any
    reordering across it, and is never the second half of a composition.  It
    could only be the first half of one whose second half is NFC_QC=Maybe --
    and in a text of _NFC_SIMPLE and inert characters the only such second
    halves are া and ৗ, which compose with nothing but ে.  So NFC of such a
    text is :func:`_bengali_nfc` (tests compare with ``unicodedata2``).
    """
    return unicodedata2.combining(char) == 0 and _NFC_QC_YES.match(char) is not None


def _rare_chars(text: str) -> set[str]:
    """The characters of *text* outside ``_QUIET`` (and the precomposed nukta letters)."""
    found: set[str] = set()
    end = len(text)
    pos = _QUIET_RUN.match(text).end()
    while pos < end:
        found.add(text[pos])
        pos = _QUIET_RUN.match(text, pos + 1).end()
    return found


#: The compact alphabet: 256 characters, one byte each under
#: ``codecs.charmap_encode``.  All are _NFC_SIMPLE or precomposed nukta
#: letters.  ASCII without most controls, the assigned Bengali block, and the
#: characters that are frequent in Bengali news (counted in the corpus), then
#: Latin-1 letters to fill the table.  (U+0000 must come first: only then
#: does ``charmap_build`` make its fast three-level table rather than a dict.)
_COMPACT_CORE = (
    "\x00\t\n\x0b\x0c\r" + "".join(map(chr, range(0x20, 0x7F)))
    + "".join(chr(c) for c in range(0x980, 0xA00) if c not in (
        0x984, 0x98D, 0x98E, 0x991, 0x992, 0x9A9, 0x9B1, 0x9B3, 0x9B4, 0x9B5, 0x9BA, 0x9BB, 0x9C5, 0x9C6,
        0x9C9, 0x9CA, 0x9CF, 0x9D0, 0x9D1, 0x9D2, 0x9D3, 0x9D4, 0x9D5, 0x9D6, 0x9D8, 0x9D9, 0x9DA, 0x9DB,
        0x9DE, 0x9E4, 0x9E5, 0x9FE, 0x9FF))  # unassigned, and U+09FE SANDHI MARK (ccc 230: it reorders)
    + "\u0964\u0965\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u2010\u2011\u2012\u2015\u2032\u2033"
    + "\u00a0\u00ad\u200b\u200c\u200d\u200e\u200f\u2192\u20b9\u20ac\u2122\u00a0"
)


#: Classes of the characters that two-character triggers are made of, for
#: :func:`_watched_pairs` (at most 15: a class is a nibble).  Signs that often
#: stand next to each other in good text (a vowel sign and ং, ় and a vowel
#: sign) are in different classes, so that "two of one class in a row" -- the
#: test for a doubled sign -- is rare in good text; it is then checked exactly.
_PAIR_CLASSES = (
    "\u09be",  # 1 া
    "\u09c7",  # 2 ে
    "\u09cd",  # 3 virama
    "\u09bc\u09dc\u09dd\u09df",  # 4 nukta, and the precomposed nukta letters (split later: see _watched_pairs)
    "\u0981\u0982\u0983",  # 5 candrabindu, anusvara, visarga
    "\u09bf\u09c0\u09c1\u09c2\u09c3\u09c4\u09e2\u09e3",  # 6 the other vowel signs ...
    "\u09c8\u09cb\u09cc\u09d7",  # 7 ... and ৈ ো ৌ ৗ
    "অআ",  # 8
    " ",  # 9
    "\n",  # 10
    CLOSE_PUNCT,  # 11
)
#: Classes 12-14: characters some pass reacts to on their own.  Every
#: character is the first half of its own pair, so the low nibbles of the
#: pair values tell which of them occur.
_INVISIBLE_OR_JOINER_CLASS, _DANDA_CLASS, _SPACE_OR_BREAK_CLASS = 12, 13, 14


class _Pairs(NamedTuple):
    """What :func:`_watched_pairs` reports, as sets of pair values (first class + 16 * second class)."""

    doubled: frozenset[int]  # two signs of one class: maybe a doubled sign
    nfc: frozenset[int]  # the next three: what NFC changes besides the nukta letters
    split_o: int  # ে + া
    split_au: int  # ে + ৗ (class 7: also ে before ৈ ো ৌ, which never occurs in good text)
    virama_nukta: int  # virama before nukta (misordered; the nukta letters count as nukta)
    nfc_doubling: frozenset[int]  # next to which composing or reordering can make a doubled sign
    vowel_aa: frozenset[int]  # অ/আ + া
    spaces: frozenset[int]  # two spaces, a space next to a line feed
    space_punct: frozenset[int]  # a space before । , ; : ? !


@functools.lru_cache(maxsize=None)
def _compact_alphabet() -> str:
    """The 256 characters of the compact alphabet, in byte order: ``_COMPACT_CORE`` filled up with Latin-1."""
    chars = "".join(dict.fromkeys(_COMPACT_CORE))
    chars += "".join(c for c in map(chr, range(0xA1, 0x100)) if c not in chars)[: 256 - len(chars)]
    assert len(chars) == 256 and chars[0] == "\x00"
    return chars


@functools.lru_cache(maxsize=None)
def _compact() -> tuple[Any, bytes, bytes, _Pairs]:
    """The compact alphabet's encoding map, the class table, the unwatched pair values and the pair sets (built once)."""
    chars = _compact_alphabet()
    encoding_map = codecs.charmap_build(chars)
    codecs.register_error("bnnorm.unwatched_as_nul", _unwatched_as_nul)
    klass = {c: i for i, members in enumerate(_PAIR_CLASSES, 1) for c in members}
    for members, special_class in (
        (_INVISIBLE_OR_JOINER_SET, _INVISIBLE_OR_JOINER_CLASS),
        (_DANDA_SET, _DANDA_CLASS),
        (_SPACE_OR_BREAK_SET, _SPACE_OR_BREAK_CLASS),
    ):
        klass.update((c, special_class) for c in members if c in chars)
    assert set(_expand(DOUBLE_SIGNS)) <= set(klass)
    class_table = bytes(klass.get(c, 0) for c in chars)

    def pair(a: str, b: str) -> int:
        return klass[a] | klass[b] << 4

    pairs = _Pairs(
        doubled=frozenset(pair(c, c) for c in _expand(DOUBLE_SIGNS)),
        nfc=frozenset(pair(a, b) for a, b in ("\u09c7\u09be", "\u09c7\u09d7", "\u09cd\u09bc")),
        split_o=pair("\u09c7", "\u09be"),
        split_au=pair("\u09c7", "\u09d7"),
        virama_nukta=pair("\u09cd", "\u09bc"),
        # ো+ে া, ে া+ো, ে া+ে া (and the same with ৌ/ৗ) compose to a doubled
        # sign; a run of nukta and virama with both orders sorts to one
        nfc_doubling=frozenset(pair(a, b) for a, b in (
            "\u09cb\u09c7", "\u09be\u09cb", "\u09be\u09c7", "\u09cc\u09c7", "\u09d7\u09cc", "\u09d7\u09c7", "\u09bc\u09cd"
        )),
        vowel_aa=frozenset(pair(a, "\u09be") for a in "অআ"),
        spaces=frozenset(pair(a, b) for a, b in ("  ", " \n", "\n ")),
        space_punct=frozenset(pair(" ", p) for p in CLOSE_PUNCT),
    )
    watched = set().union(pairs.doubled, pairs.nfc, pairs.nfc_doubling, pairs.vowel_aa, pairs.spaces, pairs.space_punct)
    special_classes = (_INVISIBLE_OR_JOINER_CLASS, _DANDA_CLASS, _SPACE_OR_BREAK_CLASS)
    unwatched = bytes(v for v in range(256) if v not in watched and v & 15 not in special_classes)
    return encoding_map, class_table, unwatched, pairs


@functools.lru_cache(maxsize=None)
def _compact_khanda_gate() -> Any:
    """The khanda-ta pass's prefilter on compact-encoded text (half the bytes of a ``str``: 30% faster).

    ``ত্`` before ZWJ, ক খ প স, an independent vowel, a digit, a character
    outside the Bengali block other than ZWNJ, or the end.  (For ya-phala with
    nukta the pass's own ``in`` on the ``str`` is faster than on bytes.)
    """
    encoding_map = _compact()[0]

    def enc(chars: str) -> bytes:
        return codecs.charmap_encode(chars, "strict", encoding_map)[0]

    alphabet = _compact_alphabet()
    followers = set(_expand(f"{ZWJ}কখপস\u09f7\u0985-\u0994০-৯")) | {
        c for c in alphabet if not "\u0980" <= c <= "\u09ff" and c != ZWNJ
    }
    follower_bytes = b"".join(re.escape(enc(c)) for c in sorted(followers) if c in alphabet)
    return re.compile(re.escape(enc("ত" + VIRAMA)) + b"(?:[" + follower_bytes + rb"]|\Z)")


def _compact_encode(text: str) -> bytes | None:
    """*text* in the compact alphabet, one byte a character; ``None`` if it has another character."""
    try:
        return codecs.charmap_encode(text, "strict", _compact()[0])[0]
    except UnicodeEncodeError:
        return None


def _unwatched_as_nul(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: a run of characters outside the compact alphabet → one U+0000 (class 0)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "\x00", error.end


def _compact_encode_lossy(text: str) -> bytes:
    """*text* in the compact alphabet, each run of other characters written as one U+0000.

    Enough for :func:`_watched_pairs` once the text is NFC: no character
    outside the alphabet is part of a watched pair.  (Not for the classes
    12-14: some of those characters are outside the alphabet.)
    """
    _compact()  # registers the error handler
    return codecs.charmap_encode(text, "bnnorm.unwatched_as_nul", _compact()[0])[0]


def _watched_pairs(encoded: bytes) -> set[int]:
    """The watched pairs of neighbours (values of ``_Pairs``) in a compact-encoded text.

    Each character becomes its class (a nibble, 0 for "none").  As one big
    little-endian integer, the class bytes plus themselves shifted right by
    one nibble give, in byte *i*, ``class[i] + 16 * class[i + 1]`` (the high
    nibble of every byte is 0, so nothing carries), so the pair values of all neighbours come
    out of a few C-speed integer operations; ``bytes.translate`` then deletes
    the pairs nobody watches, and what is left is the answer.

    The precomposed nukta letters count as a nukta: once split (য় → য + ়)
    the pairs after them are the same, and a pair before them (``্য়``,
    ``়য়``) can only be watched in vain -- an extra check, never a missed one.
    """
    _, class_table, unwatched, _ = _compact()
    classes = int.from_bytes(encoded.translate(class_table), "little")
    pair_values = (classes + (classes >> 4)).to_bytes(len(encoded), "little")
    return set(pair_values.translate(None, unwatched))


def _fix_unicode_fast(text: str, stage: Stage, quotes: str) -> str:
    """``stage(text)``, running only the passes that can act (same result, tested)."""
    watched = _compact()[3]
    out = text
    encoded = _compact_encode(text)
    if encoded is not None:  # the usual case
        pairs = _watched_pairs(encoded)
        present = {v & 15 for v in pairs}  # every character is the first half of its own pair
        has_danda, has_space_or_break = _DANDA_CLASS in present, _SPACE_OR_BREAK_CLASS in present
        if _INVISIBLE_OR_JOINER_CLASS in present:
            out = _JOINERS.run(_DROP_INVISIBLE.run(out))
            if out is not text:  # they only drop characters or write ZWJ: still compact
                encoded = codecs.charmap_encode(out, "strict", _compact()[0])[0]
                pairs = _watched_pairs(encoded)
        maybe_khanda: bool | None = _compact_khanda_gate().search(encoded) is not None
        for composed, decomposed in _BN_PRECOMPOSED.items():  # nfc, 1: split the nukta letters
            if composed in out:
                out = out.replace(composed, decomposed)
        maybe_doubled = bool(pairs & watched.doubled)
        if pairs & watched.nfc:  # nfc, 2: what _bengali_nfc does after the split, only the parts needed
            if watched.virama_nukta in pairs and "\u09cd\u09bc" in out:
                out = _BN_MARK_RUN.sub(_nukta_first, out)
                maybe_khanda = None  # reordering changes what follows a virama: ask the pass
            if watched.split_o in pairs:
                out = out.replace("\u09c7\u09be", "\u09cb")
            if watched.split_au in pairs:
                out = out.replace("\u09c7\u09d7", "\u09cc")
            maybe_doubled = maybe_doubled or bool(pairs & watched.nfc_doubling)
    else:  # another script, a symbol, a combining accent ...: one scan for the rare characters
        rare = _rare_chars(text)
        has_danda, has_space_or_break = bool(rare & _DANDA_SET), bool(rare & _SPACE_OR_BREAK_SET)
        if rare & _INVISIBLE_OR_JOINER_SET:
            out = _JOINERS.run(_DROP_INVISIBLE.run(out))
        if all(c in _FAST_RARE or _nfc_inert(c) for c in rare):  # NFC is _bengali_nfc's job
            for composed, decomposed in _BN_PRECOMPOSED.items():
                if composed in out:
                    out = out.replace(composed, decomposed)
            if "\u09cd\u09bc" in out or "\u09c7\u09be" in out or "\u09c7\u09d7" in out:
                out = _bengali_nfc(out)
        else:
            out = to_nfc(out)  # NFC never makes a joiner, ৷ or |, nor a Unicode space from a non-space
        pairs = _watched_pairs(_compact_encode_lossy(out))  # of the NFC text: no gate to correct
        maybe_doubled = bool(pairs & watched.doubled)
        maybe_khanda = None  # the pass's own prefilter decides
    if maybe_doubled:
        before = out
        out = _DOUBLED_SIGNS.run(out)  # collapsing a run makes no new pair of neighbours ...
        if out is not before:
            maybe_khanda = None  # ... but a new ত্ + follower (ত্্ক → ত্ক)
    if pairs & watched.vowel_aa:
        out = _VOWEL_SIGN_AFTER_VOWEL.run(out)
    out = _YAPHALA_NUKTA_PASS.run(out)
    if maybe_khanda is not False:
        out = _KHANDA_TA_PASS.run(out)
    punct_gate_valid = True
    if has_danda:
        before = out
        out = _DANDA.run(out)
        punct_gate_valid = out is before  # a new । may follow a space
    if has_space_or_break:
        if encoded is not None and not ("\r" in out or "\x0b" in out or "\x0c" in out):
            # NBSP is the only Unicode space in the compact alphabet: str.replace, then the usual tidy
            out = _collapse_and_trim_spaces(out.replace("\u00a0", " "), False)
        else:
            out = _SPACES.run(out)
        punct_gate_valid = False  # NBSP → space may stand before punctuation now
    elif pairs & watched.spaces or out[:1] == " " or out[-1:] == " ":
        out = _collapse_and_trim_spaces(out, False, bool(pairs & watched.spaces))  # a run, or trimming only
    if not punct_gate_valid:
        out = _SPACE_BEFORE_PUNCT_PASS.run(out)
    elif pairs & watched.space_punct:  # the pass's own prefilter would say the same: go straight to it
        out = _SPACE_BEFORE_PUNCT.sub("", out)
    if quotes == "ascii":
        out = _QUOTES.run(out)
    return text if out == text else out


_STAGES: dict[str, Stage] = {}


@functools.lru_cache(maxsize=None)
def unicode_stage(*, quotes: str = "keep") -> Stage:
    """The Unicode repair stage (cached per option); see the module docstring for its passes.

    Calling the stage runs :func:`_fix_unicode_fast` (only the passes that can
    act); explanations and alignment run the passes one by one.  Both give the
    same text (tested).
    """
    check_choice("quotes", quotes, QUOTE_MODES)
    passes = _REPAIR_PASSES + ((_QUOTES,) if quotes == "ascii" else ())
    plain = Stage("unicode", passes, (unicode_stage, {"quotes": quotes}))
    return dataclasses.replace(plain, fast=functools.partial(_fix_unicode_fast, stage=plain, quotes=quotes))


@functools.lru_cache(maxsize=None)
def whitespace_stage(*, repairs: bool = False) -> Stage:
    """The final tidy of the default pipeline.

    Earlier stages (gloss stripping, dates) can leave double spaces or a space
    before a comma, and -- by removing a gloss -- bring a ``|`` or a joiner
    next to a Bengali word.  ``repairs=False``: spaces, then no space before
    punctuation.  ``repairs=True`` (what ``normalize`` uses when the Unicode
    stage is on): every Unicode repair again, so the pipeline's output is a
    fixed point of the Unicode stage; on text that needs nothing this costs
    the fast path's scans.  Idempotent either way.
    """
    if repairs:
        plain = Stage("whitespace", _REPAIR_PASSES, (whitespace_stage, {"repairs": True}))
        return dataclasses.replace(plain, fast=functools.partial(_fix_unicode_fast, stage=plain, quotes="keep"))
    return Stage("whitespace", (_SPACES, _SPACE_BEFORE_PUNCT_PASS), (whitespace_stage, {"repairs": False}))


def fix_unicode(text: str, *, quotes: str = "keep") -> str:
    """Repair broken or non-canonical Unicode in Bengali text (SPEC §3.1).

    Returns *text* itself when nothing needs repair.

    >>> fix_unicode("উত্\\u200dসব  শুরু হয়েছে ।")
    'উৎসব শুরু হয়েছে।'
    >>> fix_unicode("\\u09df") == "\\u09af\\u09bc"
    True
    >>> fix_unicode("Café 👩\\u200d💻 https://a.com/x|y 2025")
    'Café 👩\\u200d💻 https://a.com/x|y 2025'
    """
    check_text(text)
    stage = _STAGES.get(quotes) if isinstance(quotes, str) else None
    if stage is None:
        check_choice("quotes", quotes, QUOTE_MODES)
        stage = _STAGES[quotes] = unicode_stage(quotes=quotes)
    return _fix_unicode_fast(text, stage, quotes)
