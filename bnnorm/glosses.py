"""Parenthetical English glosses (SPEC §3.5): ``strip_glosses``, ``find_glosses``.

West Bengal papers and Bengali Wikipedia gloss names in Latin script:
``শি জিনপিংকে (Xi Jinping)``.  For a Bengali model the gloss is noise; for a
lexicographer it is a Bengali–English pair.  This module removes glosses
(:func:`strip_glosses`) and reports them with the Bengali phrase they gloss
(:func:`find_glosses`).

The decision rule (docs/glosses.md has the full version, every branch is tested):

A bracketed span ``(…)``, ``[…]``, ``（…）`` or ``［…］`` is a *gloss* when

1. its body is 1–200 characters on one line, with no bracket of any kind inside
   (an unbalanced or nested bracket makes the outer span a non-candidate; the
   innermost balanced pair is still judged on its own);
2. it follows Bengali text: the text before it on the same line, after
   horizontal spaces and at most two closing quotes (joiners stepped over), ends in a
   Bengali letter or sign (not a digit, not a joiner) -- or it directly follows another
   gloss (``রাশিয়ায় (Russia) (Rossiya)``).  That text is read as it will be once the
   glosses before it are gone (``শি (Xi)’ (Li)`` → ``শি’``), so one run reaches the
   fixed point.  A parenthetical at line start or after Latin text (``call me (maybe)``)
   is not a gloss;
3. its body is *Latin*: Latin letters (with diacritics), digits (of either script:
   ``(Room ১০)`` is ``(Room 10)``), spaces and the
   punctuation of names ``. , - ' ’ & /``, with at least one Latin letter --
   and it is not a URL or domain (``(www.example.com)``; ``https://`` and
   e-mail addresses fail the character test anyway) and not a list marker
   (one letter ``(a)``, or a roman numeral written all lower or all upper
   case ``(ii)``, ``(IV)``; ``(Xi)`` is a name), nor a marker such as a file
   format or citation abbreviation (``(PDF)``, ``(ed.)``: :data:`NOT_GLOSSES`);
4. or, only with ``mixed="strip"``, its body is *mixed*: Bengali and Latin
   letters together (``(শি জিনপিং, Xi Jinping)``), plus ``:`` and ``;``.

Everything else stays: any Bengali in the body (``(৩ সেপ্টেম্বর)``,
``(এসসিও)``) unless mixed stripping is on, numbers and symbols alone
(``(২০২৫)``, ``(%)``), formulas (``(Na₂CO₃)``), IPA, other scripts.

Removal takes the horizontal spaces before the gloss, so no space is left
before punctuation (``পুতিন (Vladimir Putin)।`` → ``পুতিন।``); when there was
no space before it and a word follows (``মুন্ড(Gland)যোনি``) one space
replaces it, so words never merge.

Linear time: candidates come from one bounded, possessive pattern (body
``{1,200}+`` of non-bracket, non-newline characters) and each look-back is
bounded, so a megabyte of brackets is scanned once.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import regex

from .pipeline import Edit, Pass, Stage, apply_edits, check_choice, check_text
from .script import (
    ASCII_DIGITS,
    BN_DIGITS,
    BN_LETTER,
    BN_MARK,
    BN_TOKEN_CHAR,
    LINE_BREAKS,
    ZWJ,
    ZWNJ,
    lazy_regex,
    load_table,
    nfc,
    once,
)

__all__ = [
    "MAX_GLOSS_LENGTH",
    "MIXED_CHOICES",
    "NOT_GLOSSES",
    "Gloss",
    "classify_body",
    "find_glosses",
    "gloss_stage",
    "romanize",
    "skeleton",
    "strip_glosses",
]

#: Allowed values of ``mixed``: keep parentheticals with Bengali and Latin together, or strip them.
MIXED_CHOICES = ("keep", "strip")
#: Longest gloss body (characters between the brackets) that is considered.
MAX_GLOSS_LENGTH = 200

_OPEN_TO_CLOSE = {"(": ")", "[": "]", "（": "）", "［": "］"}
_BRACKETS = "()\\[\\]（）［］"
_BODY = f"[^{_BRACKETS}{LINE_BREAKS}]{{1,{MAX_GLOSS_LENGTH}}}+"
# One balanced pair of the same kind.  The body excludes every bracket, so an
# unbalanced or nested bracket can only shorten a candidate, never extend one.
_CANDIDATE = lazy_regex(
    f"\\((?P<b>{_BODY})\\)|\\[(?P<b>{_BODY})\\]|（(?P<b>{_BODY})）|［(?P<b>{_BODY})］"
)

_HSPACE_SET = frozenset(
    " \t\u00a0\u1680\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B))
)
_CLOSING_QUOTES = frozenset("'\"’”»›")
# Joiners join nothing next to a bracket: the look-back steps over them and a gloss takes
# those right before and after it.  Left behind, one would sit next to Bengali or a
# space once the gloss is gone, and the Unicode stage would drop it on the next run.
_JOINERS = frozenset(ZWNJ + ZWJ)
# Digits are not Bengali *text*: a gloss after ২০২৫ or 2025 would make the decision
# depend on the digit form, and normalize(digits=...) would not be idempotent.
_BN_BEFORE = lazy_regex(f"[{BN_LETTER}{BN_MARK}]")  # a letter or sign; not a digit, not a joiner
_MAX_LOOKBACK = 32  # spaces + quotes skipped when looking for the Bengali before a gloss

_NAME_PUNCT = ".,\\-'’&/\u2010\u2011"
_LATIN_CHARS = f"\\p{{Script=Latin}}\u0300-\u036f0-9 \u00a0{_NAME_PUNCT}"
_LATIN_BODY = lazy_regex(f"[{_LATIN_CHARS}]++")
_MIXED_BODY = lazy_regex(f"[{_LATIN_CHARS}{BN_TOKEN_CHAR}{BN_DIGITS}:;।]++")
_HAS_LATIN = lazy_regex("\\p{Script=Latin}")
_BN_LETTER_RE = lazy_regex(f"[{BN_LETTER}]")
# A web address or domain as one token: www.x, x.gov.bd, x.com/path (the dot ends each label,
# so the bounded repetition cannot backtrack far).
_URL = lazy_regex(
    r"(?i)(?:^|\s)(?:www\.|(?:[a-z0-9-]{1,63}\.){1,8}"
    r"(?:com|org|net|edu|gov|info|io|co|bd|in|uk|us|me|tv|news|app|dev|ai)(?![a-z0-9-]))"
)
_LIST_MARKER = lazy_regex(
    r"[A-Za-z]|(?=[ivxlc]{1,8}$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})|(?=[IVXLC]{1,8}$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
)


_BN_TO_ASCII_DIGITS = str.maketrans(BN_DIGITS, ASCII_DIGITS)


#: Latin parentheticals that are markers, not glosses: file formats and citation abbreviations
#: (Wikipedia's ``মূল (PDF) থেকে আর্কাইভ করা``).  Compared case-insensitively.
NOT_GLOSSES = frozenset(
    ["pdf", "doc", "docx", "ppt", "pptx", "xls", "xlsx", "html", "htm", "mp3", "mp4", "jpg", "jpeg", "png", "gif", "svg", "zip", "ed.", "eds.", "n.d.", "et", "al.", "trans.", "tr.", "ibid.", "op.", "cit.", "pp.", "vol."]
)


def classify_body(body: str) -> str | None:
    """``"latin"``, ``"mixed"`` or ``None`` (not a gloss) for the text between the brackets.

    >>> classify_body("Xi Jinping"), classify_body("শি জিনপিং, Xi Jinping"), classify_body("৩ সেপ্টেম্বর")
    ('latin', 'mixed', None)
    >>> classify_body("ii"), classify_body("www.example.com"), classify_body("2025")
    (None, None, None)
    >>> classify_body("Room ১০"), classify_body("Room 10"), classify_body("mp৩")
    ('latin', 'latin', None)
    """
    # Digits of either script are neutral: the decision must not change when the digit
    # stage later writes them in the other script ((Room ১০) and (Room 10) are both glosses).
    stripped = body.strip(" \u00a0").translate(_BN_TO_ASCII_DIGITS)
    if not stripped or not _HAS_LATIN.search(stripped):
        return None
    if _LATIN_BODY.fullmatch(stripped):
        if _LIST_MARKER.fullmatch(stripped) or _URL.search(stripped) or stripped.lower() in NOT_GLOSSES:
            return None
        return "latin"
    if _BN_LETTER_RE.search(stripped) and _MIXED_BODY.fullmatch(stripped) and not _URL.search(stripped):
        return "mixed"
    return None


class _Raw(NamedTuple):
    """A gloss as the scanner sees it: bracket span, the spaces before it, body, kind."""

    space_start: int  # start of the horizontal spaces (and joiners) before the bracket
    start: int  # the opening bracket
    end: int  # after the closing bracket
    body: str
    kind: str
    chained: bool  # follows another gloss (directly, or once that one is gone)
    edit_start: int  # the span removed: from space_start (or the previous gloss's edit_end)
    edit_end: int  # to end and the joiners right after it
    replacement: str  # what edit_start..edit_end becomes: "" or one space


class _Removed:
    """The glosses found so far, in order, none inside another, with for each the first of
    the run of adjacent removals it ends (``শি(A)(B)(C)``: chained glosses leave nothing
    between them), so that a look-back crosses a whole chain in one step."""

    __slots__ = ("raws", "run_first")

    def __init__(self) -> None:
        self.raws: list[_Raw] = []
        self.run_first: list[int] = []

    def append(self, raw: _Raw) -> None:
        k = len(self.raws)
        prev = self.raws[-1] if k else None
        # (a removal replaced by a space is followed by a word, never by another removal)
        joined = prev is not None and prev.edit_end == raw.edit_start and not prev.replacement
        self.raws.append(raw)
        self.run_first.append(self.run_first[-1] if joined else k)

    def truncate(self, count: int) -> None:
        del self.raws[count:]
        del self.run_first[count:]


def _chars_before(text: str, pos: int, removed: _Removed, count: int) -> Generator[tuple[str, bool], None, None]:
    """The characters before *pos*, nearest first, as they will be once the glosses
    ``removed.raws[:count]`` (the ones before *pos*) are replaced; each with whether a
    removed gloss lies between it and *pos*."""
    raws, run_first = removed.raws, removed.run_first
    i = pos
    k = count - 1
    crossed = False
    while i > 0:
        if k >= 0 and raws[k].edit_end == i:
            crossed = True
            for ch in reversed(raws[k].replacement):  # (the others in the run are "")
                yield ch, crossed
            k = run_first[k]
            i = raws[k].edit_start
            k -= 1
            continue
        i -= 1
        yield text[i], crossed


def _after_bengali(text: str, pos: int, removed: _Removed, count: int) -> tuple[bool, bool]:
    """Whether, before *pos* (spaces and at most two closing quotes skipped), the line ends
    in Bengali -- judged on the text as it will be once the earlier glosses in *removed*
    are gone, so that one run reaches the fixed point (``শি (Xi)’ (Li)`` → ``শি’``).
    Second value: that Bengali lies before a removed gloss (the gloss is chained to it).

    A look-back reads at most ``_MAX_LOOKBACK`` + 1 characters of that text and crosses
    at most three runs of adjacent removed glosses (a run in one step): between two runs
    there is text, and only a closing quote can be crossed there.
    """
    chars = _chars_before(text, pos, removed, count)
    seen = 0
    ch, crossed = next(chars, ("", False))
    while ch and seen < _MAX_LOOKBACK and (ch in _HSPACE_SET or ch in _JOINERS):
        seen += 1
        ch, crossed = next(chars, ("", False))
    quotes = 0
    while ch and seen < _MAX_LOOKBACK and (quotes < 2 and ch in _CLOSING_QUOTES or ch in _JOINERS):
        seen += 1
        quotes += ch in _CLOSING_QUOTES
        ch, crossed = next(chars, ("", False))
    chars.close()
    ok = bool(ch) and _BN_BEFORE.match(ch) is not None
    return ok, ok and crossed


def _space_start(text: str, pos: int) -> int:
    i = pos
    limit = max(0, pos - _MAX_LOOKBACK)
    while i > limit and (text[i - 1] in _HSPACE_SET or text[i - 1] in _JOINERS):
        i -= 1
    return i


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch)[0] == "M"


def _scan(text: str, mixed: str) -> Iterator[_Raw]:
    """The glosses of *text*, left to right.  Each is judged on the text as it will be once
    the glosses before it are removed, so stripping once reaches the fixed point."""
    if "(" not in text and "[" not in text and "（" not in text and "［" not in text:
        return
    if mixed == "strip":
        yield from _scan_nested(text, mixed)
        return
    removed = _Removed()
    for m in _CANDIDATE.finditer(text):
        raw = _judge(text, m.start(), m.end(), m.group("b"), mixed, removed, len(removed.raws))
        if raw is not None:
            removed.append(raw)
            yield raw


_BRACKET_OR_BREAK = lazy_regex(f"[{_BRACKETS}{LINE_BREAKS}]")
_CLOSE_TO_OPEN = {close: open_ for open_, close in _OPEN_TO_CLOSE.items()}


def _scan_nested(text: str, mixed: str) -> list[_Raw]:
    """:func:`_scan` for ``mixed="strip"``, where removing a gloss can make the brackets
    around it a candidate: ``শি (Xi ক [Li])`` → ``শি (Xi ক)``, a mixed gloss, which one run
    must remove too.  Brackets are paired on the text as it will be: a stack of the brackets
    still visible, where a removed gloss takes its own pair off.  (With ``mixed="keep"`` a
    Latin gloss inside brackets follows Bengali inside them, so the brackets around it hold
    Bengali and stay: :func:`_scan`'s single pattern is enough.)

    Linear: each bracket is pushed once; the removed glosses inside a pair are summed and
    joined once, when the pair closes -- after that they are either merged into the
    enclosing gloss or fenced off by the pair's visible brackets.
    """
    removed = _Removed()  # the glosses to remove so far
    visible: list[tuple[int, str, int]] = []  # (position, bracket, len(removed) then)
    for m in _BRACKET_OR_BREAK.finditer(text):
        bracket, pos = m.group(), m.start()
        if bracket not in _OPEN_TO_CLOSE and bracket not in _CLOSE_TO_OPEN:
            visible.clear()  # a line break: nothing pairs across it
            continue
        if bracket in _OPEN_TO_CLOSE or not visible or visible[-1][1] != _CLOSE_TO_OPEN[bracket]:
            visible.append((pos, bracket, len(removed.raws)))
            continue
        open_pos, _, first = visible[-1]
        inner = removed.raws[first:]
        length = pos - open_pos - 1 - sum(r.edit_end - r.edit_start - len(r.replacement) for r in inner)
        raw = None
        if 1 <= length <= MAX_GLOSS_LENGTH:
            pieces: list[str] = []
            i = open_pos + 1
            for r in inner:
                pieces += (text[i : r.edit_start], r.replacement)
                i = r.edit_end
            pieces.append(text[i:pos])
            raw = _judge(text, open_pos, pos + 1, "".join(pieces), mixed, removed, first)
        if raw is None:
            visible.append((pos, bracket, len(removed.raws)))
            continue
        visible.pop()
        removed.truncate(first)
        removed.append(raw)
    return removed.raws


def _judge(text: str, start: int, end: int, body: str, mixed: str, removed: _Removed, count: int) -> _Raw | None:
    """The gloss text[start:end] is, or ``None``; ``removed.raws[:count]`` are the glosses before it."""
    kind = classify_body(body)
    if kind is None or (kind == "mixed" and mixed != "strip"):
        return None
    last = removed.raws[count - 1] if count else None
    last_end, last_edit_end = (last.end, last.edit_end) if last else (-1, -1)
    space_start = _space_start(text, start)
    chained = last_end <= space_start <= last_edit_end
    if not chained:
        after, chained = _after_bengali(text, start, removed, count)
        if not after:
            return None
    edit_end = end
    while edit_end < len(text) and text[edit_end] in _JOINERS:
        edit_end += 1
    if edit_end < len(text) and unicodedata.category(text[edit_end])[0] == "M":
        # A combining mark right after the bracket ("…টা (Xi)া") is broken text; removing
        # the gloss would attach the mark to the word before it, which later stages
        # (spelling, the final tidy) then read differently on the next run.
        return None
    replacement = ""
    spaced = any(c in _HSPACE_SET for c in text[space_start:start])
    if not spaced and edit_end < len(text) and _is_word_char(text[edit_end]):
        # No space before and a word right after (মুন্ড(Gland)যোনি, 'নাসা'(NASA)জানায়,
        # শি(Xi)(Jin)বলেন): one space keeps the words apart.
        replacement = " "
    return _Raw(space_start, start, end, body, kind, chained, max(space_start, last_edit_end), edit_end, replacement)


def _edits(text: str, mixed: str) -> list[Edit]:
    return [Edit(g.edit_start, g.edit_end, g.replacement, f"{g.kind}_gloss") for g in _scan(text, mixed)]


@functools.cache
def gloss_stage(*, mixed: str = "keep") -> Stage:
    """The gloss-stripping stage (cached per option).

    *mixed* ``"keep"`` (default) keeps parentheticals that mix Bengali and
    Latin (``(শি জিনপিং, Xi Jinping)``); ``"strip"`` removes them too.
    """
    check_choice("mixed", mixed, MIXED_CHOICES)

    def edits(text: str) -> list[Edit]:
        return _edits(text, mixed)

    def apply(text: str) -> str:
        return apply_edits(text, _edits(text, mixed))  # (the text itself when there is no edit)

    return Stage("glosses", (Pass("strip_glosses", edits, apply),), (gloss_stage, {"mixed": mixed}))


def strip_glosses(text: str, *, mixed: str = "keep") -> str:
    """Remove parenthetical Latin-script glosses that follow Bengali text.

    >>> strip_glosses("শি জিনপিংকে (Xi Jinping), পুতিন (Vladimir Putin)।")
    'শি জিনপিংকে, পুতিন।'
    >>> strip_glosses("বুধবার (৩ সেপ্টেম্বর) এবং ২০২৫ (2025)")
    'বুধবার (৩ সেপ্টেম্বর) এবং ২০২৫ (2025)'
    >>> strip_glosses("চীন (শি জিনপিং, Xi Jinping)", mixed="strip")
    'চীন'
    """
    check_text(text)
    return gloss_stage(mixed=mixed)(text)


# --------------------------------------------------------------------------
# find_glosses: which Bengali phrase does a gloss gloss?
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Gloss:
    """One gloss found by :func:`find_glosses`.

    ``start``/``end``/``text``: the bracketed span (brackets included).
    ``english``: the Latin text inside (for a mixed gloss, its Latin part).
    ``bengali``: the Bengali phrase it glosses, best effort, with a case
    suffix of its last word dropped (``জিনপিংকে`` → ``জিনপিং``); ``""`` when
    there is no Bengali word before it.  ``bengali_start``/``bengali_end``:
    the span of that phrase in the input (the dropped suffix lies after
    ``bengali_end``).  ``kind``: ``"latin"`` or ``"mixed"``.  ``method``: how
    the phrase was chosen -- ``"transliteration"``, ``"acronym"``,
    ``"quoted"`` or ``"translation"`` (word-count fallback), ``""`` if none.
    """

    start: int
    end: int
    text: str
    english: str
    bengali: str
    bengali_start: int
    bengali_end: int
    kind: str
    method: str


#: Longest Bengali phrase (in words) a gloss may cover.
MAX_PHRASE_WORDS = 6


def _both_nukta_forms(words: tuple[str, ...]) -> tuple[str, ...]:
    """Each suffix in decomposed (য + ◌়) and precomposed (য়) form: text has both."""
    out: list[str] = []
    for w in words:
        for form in (w, w.replace("য\u09bc", "\u09df")):
            if form not in out:
                out.append(form)
    return tuple(out)


# Case and number suffixes of the phrase's last word, longest first.  "Safe"
# ones are dropped even when the gloss is a translation (nothing to compare
# sounds with); the others only when dropping them brings the romanization
# closer to the English.
_SUFFIXES_SAFE = _both_nukta_forms((
    "-দেরকে", "-দের", "-এর", "-কে", "-তে", "-র", "-এ", "-য়ে", "-য়", "-ও",
    "দেরকে", "গুলোর", "গুলির", "গুলো", "গুলি", "কে", "য়ে",
))
_SUFFIXES_SOUND = _both_nukta_forms(("য়ের", "দের", "ের", "তে", "য়", "র", "রা", "ে", "টি", "টা", "ও", "ই"))
# Suffixes that are only vowels to the skeleton: on a tie, the stripped form wins.
_SUFFIXES_TIE_STRIP = _both_nukta_forms(("য়", "ে", "য়ে", "য়ের", "ও"))
# After these a য় before the case ending is a glide, not part of the stem (জিনপিংয়ের, লড়াইয়ে).
_GLIDE_AFTER = frozenset("ংািীুূেোৈৌআইঈউঊএওঐঔ")
_GLIDE_SUFFIXES = frozenset(_both_nukta_forms(("য়ে", "য়ের", "য়")))
# Of those, the case endings after the glide: on a tie, stripped only after _GLIDE_AFTER.
_GLIDE_CASE_ENDINGS = frozenset(_both_nukta_forms(("য়ে", "য়ের")))
_VOWEL_SIGNS = "\u09be-\u09c4\u09c7\u09c8\u09cb\u09cc"
# A final র after these vowel signs is read as the genitive when there is no sound to
# compare.  Not after া: অফিসার, থিয়েটার, কমিশনার (English -er/-ar) outnumber দেবতার.
_GENITIVE_R_AFTER = frozenset("িীুূেোৌ")
# Nouns that end in -ার/-ির/-ীর themselves (the র is not the genitive).
_R_FINAL_NOUNS = frozenset(
    ["সরকার", "পরিবার", "অধিকার", "বাজার", "হাজার", "আকার", "প্রকার", "ব্যবহার", "বিচার", "উপহার", "আহার", "প্রচার", "প্রসার", "বিস্তার", "সংস্কার", "পুরস্কার", "আবিষ্কার", "বিকার", "কারবার", "দরবার", "ভান্ডার", "ভাণ্ডার", "কাতার", "ডলার", "বিহার", "দুয়ার", "মন্দির", "শরীর", "প্রাচীর", "গভীর", "কবির", "বীর", "তীর", "নীর", "আমির", "উজির", "ফকির", "কাশ্মীর", "কাশ্মির", "মীর", "নজির"]
)
_FUNCTION_EN = frozenset(["a", "an", "the", "of", "and", "for", "in", "on", "to", "at", "by", "with", "from", "as", "&", "de", "la", "le", "du", "von", "van"])
# Words inside a name that the English drops or spells out: they never start the phrase.
_CONNECTORS_BN = frozenset(["ও", "অব", "অফ", "এন্ড", "অ্যান্ড", "দ্য", "দি", "ফর", "অন", "ইন", "টু", "দা"])
_AND_BN = frozenset(["ও", "এবং", "অ্যান্ড", "এন্ড"])
# Words that end a phrase on the left: conjunctions, copulas, pronouns, postpositions.
_BOUNDARY_BN = frozenset(
    ["এবং", "বা", "অথবা", "কিংবা", "তথা", "ওরফে", "অর্থাৎ", "হল", "হলো", "হলেন", "হয়", "হয়েছে", "হচ্ছে", "ছিল", "ছিলেন", "তিনি", "তারা", "তাঁর", "তার", "তাঁদের", "তাদের", "যার", "যে", "যা", "এই", "এ", "সেই", "ওই", "একটি", "একজন", "বিভিন্ন", "সমস্ত", "সব", "মাধ্যমে", "জেরেই", "এর", "নাম", "নামে", "নামক", "সংক্ষিপ্ত", "সংক্ষেপে", "বলে", "থেকে", "জন্য", "দিয়ে", "সঙ্গে", "সাথে", "মধ্যে", "কাছে", "পর", "পরে", "আগে", "নিয়ে", "অনুযায়ী", "করে", "করেন", "দেখুন", "চলতি", "বর্তমানে", "প্রাক্তন", "নতুন", "করেছে", "করেছিল", "দিয়েছে", "দেয়", "দিল", "গেল", "সালে", "সালের", "বিরুদ্ধে", "তখন", "একইভাবে",
     # pronouns (এদের গ্রীনল্যান্ড নীলশির: "their Greenland mallard")
     "এদের", "ওদের", "এটি", "এটা", "ইহা", "ইনি", "উনি", "এরা", "ওরা", "আমরা", "আমাদের", "আমার", "তোমার", "আপনার", "যাদের"]
    # Month names: a date before a name (২৬ জুলাই ফৌজদারি কার্যবিধি) is not part of it.
    + list(_both_nukta_forms((
        "জানুয়ারি", "জানুয়ারী", "ফেব্রুয়ারি", "ফেব্রুয়ারী", "মার্চ", "এপ্রিল", "জুন", "জুলাই", "আগস্ট", "আগষ্ট",
        "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
    )))
)
# Heads that never make a translated phrase alone: the word before belongs to it
# (নিশ্চিত করা = Guaranteed, কৃত্রিমতা বোধ = Artificialism).
_LIGHT_HEADS_BN = frozenset(_both_nukta_forms(("করা", "করণ", "হওয়া", "দেওয়া", "নেওয়া", "বোধ")))
# Parts of a hyphenated name that an acronym skips (তেহরিক-ই-ইনসাফ = T, I).
_HYPHEN_LINKS_BN = frozenset(["ই", "এ", "ও", "অব", "অফ", "দ্য", "আল"])
# -ার endings that belong to the noun (সরকার, কারাগার, জমিদার, আধার, বিচার, ব্যবহার),
# so a final র after them is not the genitive.
_AR_STEM_ENDINGS = ("কার", "গার", "দার", "ধার", "চার", "হার")
# Honorifics abbreviated with a full stop (ড. = Dr., মো. = Md.): the stop does not end the phrase.
_HONORIFIC_ABBR = frozenset(["ড", "ডা", "মো", "মু", "অধ্যা"])
# How Bengali spells the names of Latin letters (acronyms read letter by letter).
_LETTER_NAMES = {
    "A": "এ", "B": "বি", "C": "সি", "D": "ডি", "E": "ই", "F": "এফ", "G": "জি", "H": "এইচ",
    "I": "আই", "J": "জে", "K": "কে", "L": "এল", "M": "এম", "N": "এন", "O": "ও", "P": "পি",
    "Q": "কিউ", "R": "আর", "S": "এস", "T": "টি", "U": "ইউ", "V": "ভি", "W": "ডব্লিউ",
    "X": "এক্স", "Y": "ওয়াই", "Z": "জেড",
}
# Which romanized initials an acronym letter may stand for (C: Chief/Central/Company).
_INITIALS = {
    "A": "aeiou", "E": "aeiou", "I": "aeiou", "O": "aeiou", "U": "aeiou", "Y": "aeiouj",
    "C": "cks", "G": "gj", "F": "pf", "V": "b", "W": "bwaeiou", "X": "aeiouk", "Q": "k", "Z": "j",
    "J": "j", "K": "k",
}
_WORD = lazy_regex(f"[{BN_TOKEN_CHAR}]++(?:-[{BN_TOKEN_CHAR}]++)*+")
_NUKTA_FOLD = (
    ("\u09df", "য"), ("য\u09bc", "য"), ("\u09dc", "র"), ("ড\u09bc", "র"),
    ("\u09dd", "র"), ("ঢ\u09bc", "র"), ("\u09bc", ""),
)
_TRANSLITERATION_THRESHOLD = 0.6
_SAME_COUNT_BONUS = 0.08


def _fold_nukta(word: str) -> str:
    for a, b in _NUKTA_FOLD:
        word = word.replace(a, b)
    return word


def romanize(bengali: str) -> str:
    """A lower-case ASCII romanization of Bengali (ITRANS via ``indic_transliteration``).

    Nukta letters are folded first (য় → য, ড়/ঢ় → র), because the
    transliterator does not know them.

    >>> romanize("জিনপিংকে")
    'jinapingke'
    """
    return _romanize(bengali)


@functools.lru_cache(maxsize=4096)
def _romanize(bengali: str) -> str:
    from indic_transliteration import sanscript  # heavy: only when asked

    itrans = sanscript.transliterate(_fold_nukta(bengali), sanscript.BENGALI, sanscript.ITRANS)
    itrans = itrans.replace("M", "ng").replace(".N", "").replace("RRi", "ri").replace("~", "")
    return _NON_AZ.sub("", itrans.lower())


_SKELETON_STEPS = (
    ("chh", "C"), ("ch", "C"), ("sh", "s"), ("ph", "p"), ("f", "p"), ("bh", "b"), ("v", "b"),
    ("th", "t"), ("dh", "d"), ("kh", "k"), ("gh", "g"), ("jh", "j"), ("ck", "k"), ("q", "k"),
    ("x", "ks"), ("z", "j"), ("ng", "n"),
)


_NON_AZ = lazy_regex("[^a-z]+")
_SOFT_C = lazy_regex("c(?=[eiy])")
_VOWELISH = lazy_regex("[aeiouywh]+")
_DOUBLED = lazy_regex(r"(.)\1+")
_ENDS_VOWEL_SIGN = lazy_regex(f"[{_VOWEL_SIGNS}]$")
_ENDS_VOWEL_SIGN_DA = lazy_regex(f"[{_VOWEL_SIGNS}]দ$")
_SPACES_SLASH = lazy_regex(r"[\s/]+")
_SPACES_SLASH_HYPHEN = lazy_regex(r"[\s/\-]+")
_HAS_AND = lazy_regex(r"(?i)\band\b|&")
_LATIN_PART = lazy_regex(f"[{_LATIN_CHARS}]*\\p{{Script=Latin}}[{_LATIN_CHARS}]*")


@functools.lru_cache(maxsize=4096)
def skeleton(latin: str) -> str:
    """The consonant skeleton of Latin text, with sounds Bengali does not tell apart merged.

    >>> skeleton("Xi Jinping"), skeleton(romanize("শি জিনপিং"))
    ('ksjnpn', 'sjnpn')
    """
    s = unicodedata.normalize("NFKD", latin.lower())
    s = _NON_AZ.sub("", s)
    for a, b in _SKELETON_STEPS:
        s = s.replace(a, b)
    s = _SOFT_C.sub("s", s)
    s = s.replace("c", "k").replace("C", "c")
    s = _VOWELISH.sub("", s)
    return _DOUBLED.sub(r"\1", s)


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


class _Word(NamedTuple):
    start: int
    end: int
    text: str


_DIGITS_BEFORE = frozenset(ASCII_DIGITS + BN_DIGITS)
_OPENING_FOR = {"'": "'‘", '"': '"“', "’": "‘'", "”": "“\"", "»": "«", "›": "‹"}


def _words_before(text: str, pos: int, line_start: int, stop: int, english: str = "") -> tuple[list[_Word], bool]:
    """Bengali words right before *pos* (in text order), and whether they were quoted.

    Stops at anything that is not a Bengali word or a space: punctuation, Latin,
    digits, an earlier gloss (*stop*), the line start; and at a closed-class
    word (conjunction, pronoun, postposition: ``_BOUNDARY_BN``).
    """
    lo = max(line_start, stop)
    i = pos
    while i > lo and text[i - 1] in _HSPACE_SET:
        i -= 1
    closing = ""
    if i > lo and text[i - 1] in _OPENING_FOR:
        closing = text[i - 1]
        i -= 1
    window_start = max(lo, i - _LOOKBACK_WINDOW)
    chunk = text[window_start:i]
    words: list[_Word] = []
    end = len(chunk)
    for m in reversed(list(_WORD.finditer(chunk))):
        gap = chunk[m.end() : end]
        if words and not closing and m.group() in _HONORIFIC_ABBR and gap[:1] == "." and not gap[1:].strip(" \u00a0\t"):
            # ড. মুহাম্মদ ইউনূস: an abbreviated honorific may start the phrase (if the English
            # has it, the romanization says so: Dr. Muhammad Yunus)
            words.append(_Word(window_start + m.start(), window_start + m.end() + 1, m.group() + "."))
            break
        if (words and not gap) or gap.strip(" \u00a0\t") or (not words and gap):
            break
        if m.start() and chunk[m.start() - 1] in _DIGITS_BEFORE:
            break  # ১০টি: a numeral's classifier, not a word of the phrase
        if words and m.group() in _BOUNDARY_BN and not closing:
            # a closed-class word whose English the gloss spells out may start
            # the phrase (দেখুন বাংলা নিউজ ভিডিও / Watch Bangla News Video)
            alternatives = _lexicon_english(m.group()) if english else None
            if alternatives is not None and _in_gloss(alternatives, _english_tokens(english)):
                words.append(_Word(window_start + m.start(), window_start + m.end(), m.group()))
            break
        words.append(_Word(window_start + m.start(), window_start + m.end(), m.group()))
        end = m.start()
        if len(words) >= MAX_PHRASE_WORDS + 2:
            break
    words.reverse()
    if closing and words:
        # A quoted phrase: the words after the matching opening quote.
        for k in range(len(words) - 1, -1, -1):
            s = words[k].start
            if s > 0 and text[s - 1] in _OPENING_FOR[closing]:
                return words[k:], True
        # no opening quote in reach: not a quoted phrase after all
        keep: list[_Word] = []
        for w in reversed(words):
            if keep and w.text in _BOUNDARY_BN:
                break
            keep.append(w)
        words = keep[::-1]
    return words, False


def _strippable(word: str, suffix: str) -> bool:
    stem = word[: -len(suffix)]
    if len(stem) < 2 or not _BN_LETTER_RE.search(stem):
        return False
    if suffix == "দের" and not _ENDS_VOWEL_SIGN.search(stem):
        return False  # রশিদের = রশিদ + ের; ছাত্রীদের = ছাত্রী + দের
    if suffix == "ের" and _ENDS_VOWEL_SIGN_DA.search(stem):
        return False
    if suffix in _GLIDE_SUFFIXES and stem[-1] not in _GLIDE_AFTER:
        return False  # নির্ণয়ে = নির্ণয় + ে: after a consonant the য় is the stem's own
    return not (suffix in ("ও", "-ও") and stem.endswith("ি"))  # not ভিডিও, রেডিও


def _suffix_variants(word: str, english: str) -> list[tuple[str, int, bool]]:
    """``(stem, stripped_length, tie_strip)`` options for the last word, the word itself first.

    *tie_strip*: the suffix is only vowels to the skeleton, so the romanization
    cannot decide; it is dropped on a tie when it is surely a case ending --
    ে after a consonant, য়ে, ও; locative য় only after া/ো when the English
    ends in a vowel too (রাশিয়ায় / Russia, but বন্দ্যোপাধ্যায় / Banerjee).
    """
    out = [(word, 0, False)]
    for s in _SUFFIXES_SAFE + _SUFFIXES_SOUND:
        if word.endswith(s) and _strippable(word, s):
            stem = word[: -len(s)]
            tie = s in _SUFFIXES_TIE_STRIP
            if tie and s.lstrip("-") in ("য\u09bc", "\u09df"):
                tie = stem.endswith(("া", "ো")) and english.rstrip(" .").lower().endswith(("a", "o"))
            elif tie and s.lstrip("-") in _GLIDE_CASE_ENDINGS:
                tie = stem[-1] in _GLIDE_AFTER
            elif tie and s == "ে":
                tie = _BN_LETTER_RE.match(stem[-1]) is not None
            out.append((stem, len(s), tie))
    return out


def _safe_strip(word: str, english_last: str = "") -> tuple[str, int]:
    """Drop a case suffix when there is no sound to compare (a translated gloss).

    *english_last*: the last English content word of a translation, if any; a
    final ``-ার`` is then read as ``-া`` + genitive ``র`` unless the English ends
    in an r sound or the r brings the romanization closer to it
    (হেনস্তার / Harassment → হেনস্তা; অফিসার / Officer, বোজার / Beaux-arts stay).
    """
    for s in _SUFFIXES_SAFE:
        if word.endswith(s) and _strippable(word, s):
            return word[: -len(s)], len(s)
    for s in ("দের", "ের"):
        if word.endswith(s) and _strippable(word, s) and len(word) - len(s) >= 2:
            return word[: -len(s)], len(s)
    if len(word) >= 3 and word[-1] == "র" and word[-2] in _GENITIVE_R_AFTER and word not in _R_FINAL_NOUNS:
        return word[:-1], 1  # genitive after a vowel: রীতির, গৃহিণীর, কোম্পানির
    if (
        english_last
        and len(word) >= 4
        and word.endswith("ার")
        and word not in _R_FINAL_NOUNS
        and not word.endswith(_AR_STEM_ENDINGS)
        and not skeleton(english_last).endswith("r")
        # a transliteration below the threshold keeps its r (বোজার / Beaux-arts)
        and _similarity(skeleton(romanize(word[:-1])), skeleton(english_last))
        >= _similarity(skeleton(romanize(word)), skeleton(english_last))
    ):
        return word[:-1], 1  # genitive after া: সংহিতার, দেবতার
    if len(word) >= 3 and word.endswith("ও") and not word.endswith("িও"):
        return word[:-1], 1  # emphatic/also ও: প্রতিষ্ঠানও
    if len(word) >= 4 and word.endswith("তে") and word[-3] in _GENITIVE_R_AFTER | {"া"}:
        return word[:-2], 2  # locative তে after a vowel: দিল্লিতে, ঢাকাতে
    # A locative ে / য় after a consonant or া is nearly always a case ending.
    if len(word) >= 3 and word.endswith("ে") and _BN_LETTER_RE.match(word[-3] if word[-2] == "\u09bc" else word[-2]):
        return word[:-1], 1  # (the consonant may carry a nukta: নির্ণয়ে, composed or not)
    for s in ("ায়", "া\u09df"):
        if word.endswith(s) and len(word) - len(s) >= 2:  # same for য় in either form: যায় stays
            n = len(s) - 1
            return word[:-n], n
    return word, 0


def _acronym_letters(english: str) -> str | None:
    compact = english.replace(".", "").replace(" ", "").replace("-", "")
    if 2 <= len(compact) <= 8 and compact.isascii() and compact.isalnum() and compact[0].isalpha():
        letters = "".join(c for c in compact if not c.isdigit())
        upper = sum(c.isupper() for c in letters)
        if len(letters) >= 2 and upper >= len(letters) - 1 and upper >= 2:
            return letters.upper()
    return None


def _initials_match(letters: str, words: list[str]) -> bool:
    """Do the romanized initials of *words* spell *letters* (connector words optional)?"""

    def ok(letter: str, word: str) -> bool:
        r = romanize(word)
        if not r:
            return False
        allowed = _INITIALS.get(letter, letter.lower())
        return r[0] in allowed or (skeleton(r)[:1] or r[0]) in allowed

    reach = {0}  # letters matched so far, after each word
    for w in words:
        nxt = {i + 1 for i in reach if i < len(letters) and ok(letters[i], w)}
        if w in _CONNECTORS_BN:
            nxt |= reach
        reach = nxt
        if not reach:
            return False
    return len(letters) in reach


def _letter_units(word: str) -> int:
    """How many acronym letters a Bengali word may stand for: one per part of a hyphenated name."""
    if "-" not in word:
        return 1
    return max(1, sum(1 for part in word.split("-") if part and part not in _HYPHEN_LINKS_BN))


def _spelled_acronym(word: str) -> bool:
    """An acronym read letter by letter (RTE, CDR), not as a word (NASA, FIFA)."""
    letters = _acronym_letters(word)
    return letters is not None and not (len(letters) >= 4 and any(c in "AEIOU" for c in letters))


def _english_units(word: str) -> int:
    """How many Bengali words an English word of a translation may need: an acronym inside
    a longer gloss counts its letters (Top TCC = শীর্ষ শান্তিরক্ষী প্রেরণকারী দেশ),
    unless it is two letters (US, UN) or read as a word (NASA, FIFA); a hyphenated
    compound counts its parts."""
    letters = _acronym_letters(word)
    if "-" in word and not letters:
        # full-body immersion = সমগ্র দেহের নিমজ্জন: each part of a hyphenated compound
        # (the Bengali side counts the parts of its hyphenated words too)
        return max(1, sum(1 for part in word.split("-") if part and part.lower() not in _FUNCTION_EN))
    if not letters or len(letters) < 3 or (len(letters) >= 4 and any(c in "AEIOU" for c in letters)):
        return 1
    return len(letters)


# (not -তে: উঁচুতে থাকা বরফ-মেঘ, a participle phrase inside a name, keeps it)
_LOCATIVE_END = lazy_regex(f"(?:[{BN_LETTER}](?<!ত)ে|কে)$")


def _cut_at_inner_case(texts: list[str], n: int) -> int:
    """Shorten a translated name so that no word but the last ends in a locative ``ে``
    after a consonant or the accusative ``কে``: a name does not hold one
    (শাসনামলে তৈরি পোশাকশিল্প (RMG) → তৈরি পোশাকশিল্প).  Only for names and acronyms:
    a verb phrase may (বেড়ে যায় = shoot up)."""
    for k in range(2, n + 1):
        if _LOCATIVE_END.search(texts[-k]):
            return k - 1
    return n


def _content_count(words: list[str]) -> int:
    return sum(1 for w in words if w not in _CONNECTORS_BN)


def _n_for_count(texts: list[str], count: int, and_is_boundary: bool = False, by_parts: bool = False) -> int:
    """How many words from the end hold *count* content words (connectors are free;
    *by_parts*: a hyphenated word counts its parts, for acronym letters)."""
    n = seen = 0
    for w in reversed(texts):
        if and_is_boundary and n and w in _AND_BN:
            break
        n += 1
        if w not in _CONNECTORS_BN:
            seen += _letter_units(w) if by_parts else 1
        if seen >= count:
            break
    return n


def _trim_connectors(texts: list[str], n: int) -> int:
    while n > 1 and texts[-n] in _CONNECTORS_BN:
        n -= 1
    return n


LEXICON_TABLE = "glosses/lexicon.tsv"
_LEXICON_KINDS = frozenset(["nationality", "institution", "title", "adjective", "ordinal", "article", "noun", "verb"])
# Kinds a translation never loses: English may write an ordinal as a number or a letter.
_LEXICON_KEEP = frozenset(["ordinal"])


@once
def _lexicon() -> dict[str, tuple[str, ...]]:
    """``data/glosses/lexicon.tsv``: Bengali word (NFC) → its English alternatives, lower case.

    Words of a kind in ``_LEXICON_KEEP`` also get the pseudo-alternative ``"*"``.
    """
    out: dict[str, tuple[str, ...]] = {}
    for row in load_table(LEXICON_TABLE, ("kind", "bengali", "english")):
        if row["kind"] not in _LEXICON_KINDS:
            raise ValueError(f"{row.file}:{row.line}: kind {row['kind']!r} not one of {sorted(_LEXICON_KINDS)}")
        alternatives = tuple(a.strip() for a in row["english"].split("|") if a.strip())
        if not row["bengali"] or not alternatives or any(a != a.lower() for a in alternatives):
            raise ValueError(f"{row.file}:{row.line}: needs a Bengali word and lower-case English alternatives")
        if row["kind"] in _LEXICON_KEEP:
            alternatives += ("*",)
        out[row["bengali"]] = out.get(row["bengali"], ()) + alternatives
    return out


_EN_TOKEN_SPLIT = lazy_regex(r"[\s/,;:()\-]+")


def _english_tokens(english: str) -> str:
    """The gloss as `` word word … `` (lower case, padded) for whole-word look-ups."""
    return " " + " ".join(w.strip(".'’") for w in _EN_TOKEN_SPLIT.split(english.lower()) if w.strip(".'’")) + " "


def _lexicon_english(word: str) -> tuple[str, ...] | None:
    """The English of a Bengali word (or of its stem without a case suffix), ``None`` if unknown."""
    lex = _lexicon()
    key = nfc(word)
    if key in lex:
        return lex[key]
    stem, cut = _safe_strip(key)
    if cut and stem in lex:
        return lex[stem]
    if key[-1:] in ("ে", "র", "ও"):  # হৃদয়ে: the locative, not য়ে after a vowel
        return lex.get(key[:-1])
    return None


def _in_gloss(alternatives: tuple[str, ...], tokens: str) -> bool:
    return any(f" {a.strip('.')} " in tokens for a in alternatives)


def _choose_phrase(words: list[_Word], english: str, quoted: bool) -> tuple[int, int, str]:
    """Pick how many words (from the end) the gloss covers: ``(n, suffix_length, method)``."""
    if not words:
        return 0, 0, ""
    avail = min(len(words), MAX_PHRASE_WORDS)
    texts = tuple(w.text for w in words[-avail:])
    n, cut, method = _choose_phrase_cached(texts, english, quoted)
    if method == "translation" and len(words) <= _MAX_COMMON_NAME_WORDS and _BINOMIAL.fullmatch(english):
        # A scientific name glosses the whole common name, however many words it has
        # (পাহাড়ি তুলিকা / Anthus hoeschi): all the words back to a stop, when there are few.
        return _trim_connectors(list(texts), len(texts)), cut, method
    return _adjust_by_lexicon(texts, english, n, method), cut, method


# Genus species: a scientific name.  Written out, the epithet has a Latin ending
# (Anthus hoeschi, Tockus flavirostris; not Ten sacraments, Sexual harassment);
# with the genus abbreviated, any (A. p. conboschas, S. bispinosa).
_BINOMIAL = lazy_regex(
    r"[A-Z][a-z]{2,}+ [a-z]{2,}+(?<=us|um|a|i|is|ae|ex|ix|os|ys)(?: [a-z]{3,}+)?"
    r"|[A-Z]\.(?: [a-z]\.)? [a-z]{3,}+(?: [a-z]{3,}+)?"
)
_MAX_COMMON_NAME_WORDS = 4


@functools.lru_cache(maxsize=8192)
def _adjust_by_lexicon(texts: tuple[str, ...], english: str, n: int, method: str) -> int:
    """Widen or narrow the phrase by words whose English the lexicon knows.

    A word right before the phrase joins it when its English is in the gloss
    (কৃত্রিম বুদ্ধিমত্তা সামিট / India AI Impact Summit).  A translated phrase
    (word-count fallback) loses a first word whose English is not in the gloss
    (বড় ফুটবল বিশ্বকাপ / World Cup).  Quoted phrases are left alone.
    """
    if not n or method == "quoted":
        return n
    tokens = _english_tokens(english)
    # (not when the gloss holds an acronym read letter by letter: its words are unknown,
    # শিক্ষার অধিকার আইন / RTE Act; one read as a word is a name, FIFA World Cup)
    if method == "translation" and not any(_spelled_acronym(w) for w in _EN_TOKEN_SPLIT.split(english)):
        while n > 1:
            alternatives = _lexicon_english(texts[-n])
            if alternatives is None or "*" in alternatives or _in_gloss(alternatives, tokens):
                break
            n -= 1
    while n < len(texts):
        alternatives = _lexicon_english(texts[-n - 1])
        if alternatives is None or not _in_gloss(alternatives, tokens):
            break
        n += 1
    return n


@functools.lru_cache(maxsize=8192)
def _choose_phrase_cached(words: tuple[str, ...], english: str, quoted: bool) -> tuple[int, int, str]:
    # Pure in its arguments: a corpus repeats the same glosses, so the answer is cached.
    avail = len(words)
    texts = list(words)
    en_skel = skeleton(english)
    letters = _acronym_letters(english)
    # ("A" after a word is a letter, not the article: class A = প্রথম শ্রেণী)
    en_words = [
        w for k, w in enumerate(_SPACES_SLASH.split(english))
        if w and (w.lower() not in _FUNCTION_EN or (k and w == "A")) and not w.isdigit()
    ]
    spelled = "".join(_LETTER_NAMES.get(c, "") for c in letters) if letters else ""
    pronounceable = bool(letters and len(letters) >= 4 and any(c in "AEIOU" for c in letters))

    if not letters and len(en_words) >= 2:
        # A Bengali acronym of the English words: ইএসপি (Electro-static Precipitator).
        parts = [w for w in _SPACES_SLASH_HYPHEN.split(english) if w and w.lower() not in _FUNCTION_EN]
        initials = "".join(w[0].upper() for w in parts if len(w) >= 3 and w[0].isalpha())
        if len(initials) != len(parts):
            initials = ""
        spelled_initials = "".join(_LETTER_NAMES.get(c, "") for c in initials)
        stem, cut = _safe_strip(texts[-1])
        if len(initials) >= 2 and _similarity(_fold_nukta(stem), _fold_nukta(spelled_initials)) >= 0.8:
            return 1, cut, "acronym"

    best = (0.0, 0, 0)  # score, n, suffix length
    for n in range(1, avail + 1):
        if n > 1 and texts[-n] in _CONNECTORS_BN:
            continue
        phrase_words = texts[-n:]
        for stem, cut, tie_strip in _suffix_variants(phrase_words[-1], english):
            cand = phrase_words[:-1] + [stem]
            if letters:
                score = _similarity(_fold_nukta("".join(cand)), _fold_nukta(spelled))
                if n > 1:
                    score *= 0.9  # letter-by-letter spellings are one word
                if pronounceable:  # NASA, AIIMS: read as a word
                    score = max(score, _similarity(skeleton(romanize(" ".join(cand))), en_skel) - 0.1)
            else:
                score = _similarity(skeleton(romanize(" ".join(cand))), en_skel)
                if _content_count(cand) == len(en_words):
                    score += _SAME_COUNT_BONUS
            # ties: the shorter phrase, and the unstripped word unless the suffix is only a vowel
            tie = abs(score - best[0]) < 1e-9 and n == best[1]
            if score > best[0] + 1e-9 or (tie and tie_strip and cut > best[2]):
                best = (score, n, cut)
    if best[0] >= _TRANSLITERATION_THRESHOLD:
        return best[1], best[2], "acronym" if letters else "transliteration"

    if quoted:
        stem, cut = _safe_strip(texts[-1])
        return avail, cut, "quoted"
    if letters:
        # A translated name whose initials the acronym takes (রিজার্ভ ব্যাঙ্ক অব ইন্ডিয়া, RBI).
        for n in range(1, avail + 1):
            phrase_words = texts[-n:]
            stem, cut = _safe_strip(phrase_words[-1])
            if _initials_match(letters, phrase_words[:-1] + [stem]):
                return _trim_connectors(texts, n), cut, "acronym"
    # "and" in the Bengali joins two things unless the English has an "and" too
    # (ডেটা ও আমেরিকা (United States); but খাদ্য ও ঔষধ প্রশাসন (FDA) may keep it).
    has_and = bool(_HAS_AND.search(english))
    count = len(letters) if letters else max(1, sum(_english_units(w) for w in en_words))
    n = _n_for_count(texts, count, not letters and not has_and, by_parts=True)
    n = max(1, min(n, avail))
    if letters or all(w[:1].isupper() for w in en_words):
        n = _cut_at_inner_case(texts, n)
    stem, cut = _safe_strip(texts[-1], "" if letters or not en_words else en_words[-1])
    if n == 1 and avail >= 2 and stem in _LIGHT_HEADS_BN and texts[-2] not in _CONNECTORS_BN:
        n = 2
    n = _trim_connectors(texts, n)
    return n, cut, "translation"


_LOOKBACK_WINDOW = 40 * (MAX_PHRASE_WORDS + 2)


def _line_start(text: str, pos: int) -> int:
    """Start of the line holding *pos*, looking back no further than the phrase window (linear time)."""
    lo = max(0, pos - _LOOKBACK_WINDOW)
    return max(text.rfind(c, lo, pos) + 1 for c in LINE_BREAKS) or lo


def _english_part(body: str, kind: str) -> str:
    body = " ".join(body.split())
    if kind == "latin":
        return body
    m = _LATIN_PART.search(body)
    return m.group().strip(" ,.;:-") if m else body


def find_glosses(text: str, *, mixed: str = "keep") -> list[Gloss]:
    """The glosses :func:`strip_glosses` would remove, with the Bengali they gloss.

    ``.bengali`` is chosen by comparing a romanization of the Bengali words
    before the gloss with the English (transliterated names), spelled-out
    letter names or initials (acronyms), quotes, or else the number of
    English content words (translations).  See docs/glosses.md.

    >>> [(g.bengali, g.english) for g in find_glosses("চিনের প্রেসিডেন্ট শি জিনপিংকে (Xi Jinping) রাশিয়ায় (Russia) আসার")]
    [('শি জিনপিং', 'Xi Jinping'), ('রাশিয়া', 'Russia')]
    """
    check_text(text)
    check_choice("mixed", mixed, MIXED_CHOICES)
    out: list[Gloss] = []
    stop = 0  # words before an earlier gloss belong to a chained gloss only
    prev: Gloss | None = None
    for g in _scan(text, mixed):
        english = _english_part(g.body, g.kind)
        if g.chained and prev is not None:
            bengali, bs, be, method = prev.bengali, prev.bengali_start, prev.bengali_end, prev.method
        else:
            words, quoted = _words_before(text, g.space_start, _line_start(text, g.start), stop, english)
            n, cut, method = _choose_phrase(words, english, quoted)
            if n:
                bs = words[-n].start
                be = words[-1].end - cut
                bengali = text[bs:be].rstrip("-")
                be = bs + len(bengali)
            else:
                bengali, bs, be = "", g.start, g.start
        gloss = Gloss(g.start, g.end, text[g.start : g.end], english, bengali, bs, be, g.kind, method)
        out.append(gloss)
        prev = gloss
        stop = g.end
    return out
