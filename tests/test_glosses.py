"""Parenthetical English glosses (SPEC §3.5, issue 5): strip_glosses, find_glosses, bnnorm glossary."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bnnorm.glosses import (
    MAX_GLOSS_LENGTH,
    _scan,
    _scan_nested,
    classify_body,
    find_glosses,
    gloss_stage,
    romanize,
    skeleton,
    strip_glosses,
)
from bnnorm.pipeline import apply_edits
from bnnorm.script import nfc

DATA = Path(__file__).resolve().parent / "data"

# --------------------------------------------------------------------------
# 1. what is removed, and the spacing left behind
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("শি জিনপিংকে (Xi Jinping), পুতিন", "শি জিনপিংকে, পুতিন"),
        ("পুতিন (Vladimir Putin)।", "পুতিন।"),
        ("চিনের প্রেসিডেন্ট শি জিনপিংকে (Xi Jinping) রাশিয়ায় (Russia) আসার আমন্ত্রণ",
         "চিনের প্রেসিডেন্ট শি জিনপিংকে রাশিয়ায় আসার আমন্ত্রণ"),
        ("মার্কিন বায়ুসেনাকে (US Air Force) জানায়", "মার্কিন বায়ুসেনাকে জানায়"),
        ("চিনের প্রেসিডেন্ট (Chinese President Xi Jinping) বলেন", "চিনের প্রেসিডেন্ট বলেন"),
        # a gloss at line end, and the glossed word at line start
        ("বৈঠকে ছিলেন পুতিন (Putin)", "বৈঠকে ছিলেন পুতিন"),
        ("পুতিন (Putin) বললেন\nমোদী (Modi) বললেন", "পুতিন বললেন\nমোদী বললেন"),
        ("পুতিন (Putin)\nপরের লাইন", "পুতিন\nপরের লাইন"),
        # two glosses in a row: adjacent, and one after the other in a sentence
        ("রাশিয়ায় (Russia) (Rossiya) আসার", "রাশিয়ায় আসার"),
        ("ইএসপি (ESP)(Electro-static Precipitator) বসবে", "ইএসপি বসবে"),
        ("নাসা (NASA) ও ইসরো (ISRO) একসঙ্গে", "নাসা ও ইসরো একসঙ্গে"),
        # square and full-width brackets
        ("শি জিনপিং [Xi Jinping] বলেন", "শি জিনপিং বলেন"),
        ("শি জিনপিং（Xi Jinping）বলেন", "শি জিনপিং বলেন"),
        ("শি জিনপিং ［Xi Jinping］ বলেন", "শি জিনপিং বলেন"),
        # the punctuation of names
        ("ম্যাকডোনাল্ডস (McDonald's) ও এটিঅ্যান্ডটি (AT&T), টিসি/আইপি (TCP/IP)।", "ম্যাকডোনাল্ডস ও এটিঅ্যান্ডটি, টিসি/আইপি।"),
        ("সুখোই (Su-30 MKI, Mk. 2) বিমান", "সুখোই বিমান"),
        ("ও'নিল (O’Neill) এবং ফঁতনেল (Fontenelle)", "ও'নিল এবং ফঁতনেল"),
        # no space before and a word after: the words stay apart
        ("লিঙ্গ মুন্ড(Gland)যোনি", "লিঙ্গ মুন্ড যোনি"),
        ("সন্ত্রাস(Terrorist)। পরে", "সন্ত্রাস। পরে"),
        ("সংস্থা 'নাসা'(NASA)জানায়", "সংস্থা 'নাসা' জানায়"),
        ("শি(Xi)(Jinping)বলেন", "শি বলেন"),
        ("ডিটেকশন ব্রাঞ্চ (DB)-এর কর্তা", "ডিটেকশন ব্রাঞ্চ-এর কর্তা"),
        # after a closing quote that ends a Bengali phrase
        ("সংস্থা 'নাসা' (NASA) জানিয়েছে", "সংস্থা 'নাসা' জানিয়েছে"),
        ("‘নিরাপদ আসন’ (Safe Seat) বেছে", "‘নিরাপদ আসন’ বেছে"),
        # tabs and no-break spaces before it go too
        ("পুতিন\u00a0\t(Putin)।", "পুতিন।"),
        # Latin with diacritics is Latin
        ("কঁপিঞ্যান্ (Compiègne) শহরে", "কঁপিঞ্যান্ শহরে"),
    ],
)
def test_strips_glosses(text: str, expected: str) -> None:
    assert strip_glosses(text) == expected


# --------------------------------------------------------------------------
# 2. what is kept: each branch of the decision rule
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "বুধবার (৩ সেপ্টেম্বর) এক প্রতিবেদনে",  # Bengali inside
        "সাংহাই সহযোগিতা সংস্থা (এসসিও) সম্মেলনে",
        "দলটি (আওয়ামী লীগ) জানায়",
        "ছবি (ফাইল ছবি)",
        "এ বছর (২০২৫) এবং গত বছর (2024)",  # numbers alone
        "বৃদ্ধি (%) এবং হার (+/-)",  # symbols alone
        "সূত্র (Na₂CO₃, H₂O) দেখুন",  # subscripts: not the punctuation of names
        "ইতালীয় (Il Principe [il ˈprintʃipe]) গ্রন্থ",  # IPA, nested
        "ধারা ১৩.২ (i) ও (ii) এবং (iv), দফা (a) ও (B), অনুচ্ছেদ (IV)",  # list markers
        "ওয়েবসাইটে (www.example.com) আবেদন",  # URLs and domains
        "ওয়েবসাইটে (example.gov.bd) আবেদন",
        "ঠিকানা (https://example.com/a) দেখুন",
        "ইমেইল (info@example.com) করুন",
        "call me (maybe) later",  # Latin after Latin
        "(Xi Jinping) শি জিনপিং বলেন",  # at line start: nothing before it to gloss
        "সংখ্যা ৫, (Five) লেখা",  # after punctuation, not Bengali
        "সাল ২০২৫ (twenty twenty-five) এবং 2025 (twenty)",  # after digits, Bengali or ASCII
        "মূল (PDF) থেকে আর্কাইভ করা",  # a file-format marker
        "সম্পাদিত গ্রন্থ (ed.) দেখুন",
        "রুশ (Евгений) নাম",  # Cyrillic is not Latin
        "শি জিনপিং ()",  # empty
        "শি জিনপিং (   )",
        "শি জিনপিং (শি জিনপিং, Xi Jinping)",  # mixed: kept by default
    ],
)
def test_keeps_non_glosses(text: str) -> None:
    assert strip_glosses(text) == text
    assert find_glosses(text) == []


def test_xi_is_a_name_not_a_roman_numeral() -> None:
    assert strip_glosses("শি (Xi) বলেন") == "শি বলেন"
    assert strip_glosses("অনুচ্ছেদ (xi) বলে") == "অনুচ্ছেদ (xi) বলে"


def test_mixed_behind_an_option() -> None:
    text = "চিনের প্রেসিডেন্ট (শি জিনপিং, Xi Jinping) বলেন"
    assert strip_glosses(text) == text
    assert strip_glosses(text, mixed="strip") == "চিনের প্রেসিডেন্ট বলেন"
    assert strip_glosses("সংক্ষেপে (ইংরেজি: Geographic Information System)", mixed="strip") == "সংক্ষেপে"
    # purely Bengali stays even with mixed="strip"
    assert strip_glosses("বুধবার (৩ সেপ্টেম্বর)", mixed="strip") == "বুধবার (৩ সেপ্টেম্বর)"
    [g] = find_glosses(text, mixed="strip")
    assert (g.kind, g.english) == ("mixed", "Xi Jinping")


@pytest.mark.parametrize(
    "body, kind",
    [
        ("Xi Jinping", "latin"),
        ("US Air Force", "latin"),
        ("AT&T", "latin"),
        ("Electro-static Precipitator", "latin"),
        ("Learjet 45", "latin"),
        ("Entoprocta ", "latin"),
        ("শি জিনপিং, Xi Jinping", "mixed"),
        ("৩ সেপ্টেম্বর", None),
        ("2025", None),
        ("%", None),
        ("", None),
        ("a", None),
        ("iv", None),
        ("IV", None),
        ("www.example.com", None),
        ("PDF", None),
        ("Na₂CO₃", None),
        ("x: y", None),
        # digits of either script are neutral (the digit stage may rewrite them later)
        ("Room ১০", "latin"),
        ("Room 10", "latin"),
        ("COVID-১৯", "latin"),
        ("২০২৫", None),
        ("mp৩", None),
        ("www.a১.com", None),
    ],
)
def test_classify_body(body: str, kind: str | None) -> None:
    assert classify_body(body) == kind


# --------------------------------------------------------------------------
# 3. broken input is safe
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # unbalanced opening bracket: only the balanced gloss goes
        ("শি (Xi Jinping, পুতিন (Putin) বলেন", "শি (Xi Jinping, পুতিন বলেন"),
        ("শি (Xi Jinping পুতিন", "শি (Xi Jinping পুতিন"),
        # unbalanced closing bracket
        ("শি Xi) পুতিন (Putin) বলেন", "শি Xi) পুতিন বলেন"),
        ("পুতিন (Putin)) বলেন", "পুতিন) বলেন"),
        # nesting: the inner gloss only, never the outer span
        ("(আমেরিকা (USA) ও চীন) বৈঠক", "(আমেরিকা ও চীন) বৈঠক"),
        ("শি ((Xi Jinping)) বলেন", "শি ((Xi Jinping)) বলেন"),
        # mismatched bracket kinds are not a pair
        ("শি (Xi Jinping] বলেন", "শি (Xi Jinping] বলেন"),
        # a bracket never closes across a line break
        ("শি (Xi\nJinping) বলেন", "শি (Xi\nJinping) বলেন"),
        ("শি (Xi\r\nJinping) বলেন", "শি (Xi\r\nJinping) বলেন"),
        ("শি (Xi\u2028Jinping) বলেন", "শি (Xi\u2028Jinping) বলেন"),
    ],
)
def test_broken_brackets(text: str, expected: str) -> None:
    assert strip_glosses(text) == expected


def test_longest_gloss() -> None:
    body = "a" * (MAX_GLOSS_LENGTH - 1) + "b"
    assert strip_glosses(f"শি ({body})") == "শি"
    too_long = f"শি ({body}c)"
    assert strip_glosses(too_long) == too_long


@pytest.mark.parametrize(
    "unit",
    ["(", ")", "(a", "শি (", "শি [", "শি (Xi) ", "শি (x ", " "],
)
def test_linear_time_on_a_megabyte(unit: str) -> None:
    # Linear, not just fast on an idle machine: 1 MB takes about ten times what 100 kB
    # takes (a quadratic scan would take a hundred times), and well under a bound.
    def timed(size: int) -> float:
        text = unit * (size // len(unit)) + "]) (Xi)"
        t = time.perf_counter()
        out = strip_glosses(text)
        find_glosses(text[: size // 4])  # slower per gloss (alignment): a quarter is enough
        assert len(out) <= len(text)
        return time.perf_counter() - t

    small = max(timed(100_000), 0.01)
    big = timed(1_000_000)
    assert big < 30.0
    assert big / small < 30.0


_ALPHABET = st.sampled_from(list("শিজনপং কেরা()[]（）\n Xi JAB.,-'&/১2’\u200d"))


def _edits(text: str):
    return gloss_stage().passes[0].edits(text)


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=60))
def test_edits_are_single_glosses_on_one_line(text: str) -> None:
    edits = _edits(text)
    for e in edits:
        removed = text[e.start : e.end]
        assert "\n" not in removed
        # exactly one bracket pair, at the end, preceded only by spaces
        assert sum(removed.count(c) for c in "([（［") == 1
        assert sum(removed.count(c) for c in ")]）］") == 1
        # (the joiners right before and after it go with it)
        assert removed.lstrip(" \t\u00a0\u200c\u200d")[0] in "([（［" and removed.rstrip("\u200c\u200d")[-1] in ")]）］"
        assert e.replacement in ("", " ")
    assert text.count("\n") == strip_glosses(text).count("\n")


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=60), st.sampled_from(["keep", "strip"]))
def test_fast_path_equals_edits(text: str, mixed: str) -> None:
    stage = gloss_stage(mixed=mixed)
    (p,) = stage.passes
    assert p.apply(text) == apply_edits(text, p.edits(text))


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=60))
def test_idempotent(text: str) -> None:
    once = strip_glosses(text)
    assert strip_glosses(once) == once


# --------------------------------------------------------------------------
# idempotence regressions (found by tests/test_properties.py and a hunt)
# --------------------------------------------------------------------------


@pytest.mark.parametrize("digits", ["১০", "10"])
def test_latin_letters_with_digits_of_either_script_are_a_gloss(digits: str) -> None:
    # (Room ১০) was kept, then stripped on the next normalize once its digits were ASCII.
    assert strip_glosses(f"সভা (Room {digits}) হবে") == "সভা হবে"
    assert strip_glosses(f"সভা ({digits}) হবে") == f"সভা ({digits}) হবে"  # numbers alone stay
    [g] = find_glosses(f"সভা (Room {digits})")
    assert g.english == f"Room {digits}"


@pytest.mark.parametrize("options", [{}, {"digits": "bengali"}, {"standard": "wb", "calendar": "wb", "digits": "bengali"}])
@pytest.mark.parametrize("text", ["সভা (Room ১০)", "সভা (Room 10)", "টিকা (COVID-১৯) দেওয়া", "ফাইল (mp৩) দেখুন"])
def test_normalize_decides_the_same_for_either_digit_script(text: str, options: dict) -> None:
    import bnnorm

    once = bnnorm.normalize(text, **options)
    assert bnnorm.normalize(once, **options) == once
    assert "Room" not in once and "COVID" not in once
    ascii_twin = text.translate(str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789"))
    assert once == bnnorm.normalize(ascii_twin, **options)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the second gloss follows Bengali once the first is gone: one run reaches the fixed point
        ("শি (Xi)’ (Li)", "শি’"),
        ("শি (Xi)’’ (Li) বলেন", "শি’’ বলেন"),
        ("শি(Xi)’(Li)বলেন", "শি’ বলেন"),
        ("শি (Ab)” (Bc)” (Cd)", "শি””"),
        # a third quote is one too many, on the first run as on the second
        ("শি (Ab)’ (Bc)’ (Cd)’ (De)", "শি’’’ (De)"),
        # a chain of any length is crossed in one step (the look-back stays bounded)
        ("মক" + "(Xi Jinping)" * 10 + "’(Xi Jinping)", "মক’"),
        ("মক" + " (Ab)" * 1000 + "’ (Xi) বলেন", "মক’ বলেন"),
        # a quote after a gloss that stays does not make the next one a gloss
        ("শি (ii)’ (Li)", "শি (ii)’ (Li)"),
        ("শি ’ (Li)", "শি ’ (Li)"),
    ],
)
def test_gloss_after_a_quote_after_a_stripped_gloss(text: str, expected: str) -> None:
    assert strip_glosses(text) == expected
    assert strip_glosses(expected) == expected


def test_gloss_after_a_quote_after_a_stripped_gloss_shares_its_phrase() -> None:
    assert [(g.bengali, g.english) for g in find_glosses("প্রেসিডেন্ট শি (Xi)’ (Li)")] == [("শি", "Xi"), ("শি", "Li")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a joiner is not Bengali text: after a digit or a bracket it does not make a gloss
        ("শি১০\u200d(১০ Room)", "শি১০\u200d(১০ Room)"),
        ("ণ[\u200c(Xi Jinping)", "ণ[\u200c(Xi Jinping)"),
        # joiners next to a gloss go with it (left behind, the Unicode stage would drop
        # them on the next normalize)
        ("শি\u200d(Xi)", "শি"),
        ("শি (Xi)\u200dA", "শিA"),
        ("শি (Xi)\u200d(Li)", "শি"),
        ("শি(Xi)\u200dবলেন", "শি বলেন"),
        ("শি (Xi)\u200d’ (Li) বলেন", "শি’ বলেন"),
    ],
)
def test_joiners_next_to_a_gloss(text: str, expected: str) -> None:
    import bnnorm

    assert strip_glosses(text) == expected
    once = bnnorm.normalize(text)
    assert bnnorm.normalize(once) == once


@pytest.mark.parametrize(
    "text, expected",
    [
        # mixed="strip": once the inner gloss is gone the brackets around it hold a mixed gloss
        ("শি (Xi ক [Li])", "শি"),
        ("শি (Xi ক [Li] [Ab]) বলেন", "শি বলেন"),
        ("শি (ক (Xi)(Ab) Li)", "শি"),
        # ... but not when they hold no Latin once it is gone, or follow no Bengali
        ("শি (ক [Li])", "শি (ক)"),
        ("Xi (Xi ক [Li])", "Xi (Xi ক)"),
        # (a line break still ends every pair)
        ("শি (Xi ক\n[Li])", "শি (Xi ক\n[Li])"),
    ],
)
def test_mixed_strip_removes_what_an_inner_gloss_uncovers(text: str, expected: str) -> None:
    assert strip_glosses(text, mixed="strip") == expected
    assert strip_glosses(expected, mixed="strip") == expected


def test_mixed_strip_nested_scan_is_linear() -> None:
    def timed(n: int) -> float:
        t = time.perf_counter()
        assert strip_glosses("শি " + "(ক Xi ক " * n + "[Li]" + ")" * n, mixed="strip") == "শি"
        strip_glosses("[]" * n, mixed="strip")
        strip_glosses("শি (ক " + "(Xi)" * n + " Li)", mixed="strip")
        return time.perf_counter() - t

    small = max(timed(3_000), 0.01)
    assert timed(30_000) / small < 30.0


@pytest.mark.parametrize("mixed", ["keep", "strip"])
def test_look_back_through_chains_and_quotes_is_linear(mixed: str) -> None:
    def timed(n: int) -> float:
        t = time.perf_counter()
        assert strip_glosses("মক" + "(Xi)" * n + "’(Li)", mixed=mixed) == "মক’"
        assert strip_glosses("শি (Xi)’" * n, mixed=mixed) == "শি’" * n
        strip_glosses("শি" + "(Xi)’’’" * n, mixed=mixed)
        return time.perf_counter() - t

    small = max(timed(3_000), 0.01)
    assert timed(30_000) / small < 30.0


_HUNT_TOKENS = st.sampled_from(
    ["শি", "কে", " ", "\u00a0", "(Xi)", "[Li Qiang]", "（Ab）", "(Room ১০)", "(Room 10)", "(২০২৫)", "(শি, Xi)",
     "(", ")", "[", "]", "’", "”", "'", "\"", "»", "\n", ",", "।", "(ii)", "(PDF)", "(mp৩)", "১০", "Room", "-এর",
     "\u200c", "\u200d", "(Xi ক ", "[Li]", "Xi"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_HUNT_TOKENS, max_size=12).map("".join), st.sampled_from(["keep", "strip"]))
def test_idempotent_on_gloss_soup(text: str, mixed: str) -> None:
    # whole glosses, quotes and digits of both scripts: the pieces of the two bugs above
    once = strip_glosses(text, mixed=mixed)
    assert strip_glosses(once, mixed=mixed) == once


@settings(max_examples=300, deadline=None)
@given(st.lists(_HUNT_TOKENS, max_size=12).map("".join))
def test_nested_scan_equals_single_pattern_scan_when_mixed_kept(text: str) -> None:
    # Only mixed="strip" needs the stack scan: with mixed glosses kept, no removal
    # uncovers a new gloss, and both scans agree on every span, kind and edit.
    assert _scan_nested(text, "keep") == list(_scan(text, "keep"))


def test_unchanged_text_is_returned_as_is() -> None:
    text = "কোনো বন্ধনী নেই"
    assert strip_glosses(text) is text


def test_argument_checks() -> None:
    with pytest.raises(TypeError, match="decode"):
        strip_glosses(b"abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_glosses(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'keep', 'strip'"):
        strip_glosses("x", mixed="yes")
    with pytest.raises(ValueError, match="mixed"):
        find_glosses("x", mixed="maybe")
    with pytest.raises(TypeError):
        strip_glosses("x", "strip")  # type: ignore[misc]  # options are keyword-only


def test_stage_pickles() -> None:
    import pickle

    stage = gloss_stage(mixed="strip")
    assert pickle.loads(pickle.dumps(stage)) is stage


# --------------------------------------------------------------------------
# 4. find_glosses and the Bengali phrase
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, pairs",
    [
        ("চিনের প্রেসিডেন্ট শি জিনপিংকে (Xi Jinping) রাশিয়ায় (Russia) আসার আমন্ত্রণ",
         [("শি জিনপিং", "Xi Jinping"), ("রাশিয়া", "Russia")]),
        ("মার্কিন বায়ুসেনাকে (US Air Force)", [("মার্কিন বায়ুসেনা", "US Air Force")]),  # translation: word count
        ("বাংলাদেশ টেলিযোগাযোগ কমিশনের এনইআইআর (NEIR) পদ্ধতি", [("এনইআইআর", "NEIR")]),  # spelled letters
        ("বিস্তারিত জানাল রিজার্ভ ব্যাঙ্ক অব ইন্ডিয়া (RBI)", [("রিজার্ভ ব্যাঙ্ক অব ইন্ডিয়া", "RBI")]),  # initials
        ("এমন সময়ে ভারতীয় আবহাওয়া দফতর (IMD) জানায়", [("ভারতীয় আবহাওয়া দফতর", "IMD")]),  # one word a letter
        ("মহাকাশ সংস্থা 'নাসা' (NASA) জানায়", [("নাসা", "NASA")]),  # quoted
        ("গবেষণা সংস্থা নাসার (NASA) বিজ্ঞানী", [("নাসা", "NASA")]),  # read as a word, genitive dropped
        ("সেখানে জ্যাজ সিটি-এর (Jazz City) জন্য", [("জ্যাজ সিটি", "Jazz City")]),  # hyphenated suffix
        ("এবং সবুজায়ন (Green Belt) করা", [("সবুজায়ন", "Green Belt")]),  # conjunction is a boundary
        ("ডেটা সংগ্রহ ও আমেরিকা (United States) থেকে", [("আমেরিকা", "United States")]),
        ("মুখ্যমন্ত্রী মমতা বন্দ্যোপাধ্যায় (Mamata Banerjee) বলেন", [("মমতা বন্দ্যোপাধ্যায়", "Mamata Banerjee")]),
        ("রামপাল কেন্দ্রে ইএসপি (Electro-static Precipitator) থাকবে", [("ইএসপি", "Electro-static Precipitator")]),
        ("(Xi Jinping) বলেন", []),
        ("১৯৯০ (Nineteen Ninety) সালে", []),  # digits are not Bengali text
        ("সুখোই সু (Su) ৩০", [("সু", "Su")]),
    ],
)
def test_find_glosses_pairs(text: str, pairs: list[tuple[str, str]]) -> None:
    got = [(nfc(g.bengali), g.english) for g in find_glosses(text)]
    assert got == [(nfc(b), e) for b, e in pairs]


@pytest.mark.parametrize(
    "text, bengali",
    [
        # a month name ends the phrase: the date is not part of the name
        ("গত ৫ মার্চ নির্বাচন কমিশন (NEC) জানায়", "নির্বাচন কমিশন"),
        ("নির্বাচন কমিশন (NEC) জানায়", "নির্বাচন কমিশন"),
        # an acronym inside a longer gloss counts its letters ...
        ("দেশের শীর্ষ পুলিশ প্রেরণকারী দেশ (Top PCC)", "শীর্ষ পুলিশ প্রেরণকারী দেশ"),
        # ... but not a two-letter one (US) or one read as a word
        ("মার্কিন বায়ুসেনাকে (US Air Force)", "মার্কিন বায়ুসেনা"),
        # a hyphenated name gives an acronym one letter a part, links (-ই-) skipped
        ("দল জমিয়ত-ই-উলেমা (JU) জানায়", "জমিয়ত-ই-উলেমা"),
        ("দল জমিয়ত-উলেমা-বাংলা (JUB) জানায়", "জমিয়ত-উলেমা-বাংলা"),
        # a light head (করা, বোধ) takes the word before it
        ("সবার নিরাপত্তা নিশ্চিত করা (Assured)", "নিশ্চিত করা"),
        ("শিশুর সময় বোধ (Chronoception)", "সময় বোধ"),
        # genitive র after া, when the English does not end in an r sound
        ("আমাদের মাতৃভাষার (Mother Tongue) গুরুত্ব", "মাতৃভাষা"),
        ("এই কারাগার (Prison)", "কারাগার"),  # -গার is the noun's own
        ("বোজার (Beaux-arts)", "বোজার"),  # the r is the English's own sound
        # a locative or accusative inside a name ends it
        ("সরকারের আমলে তৈরি পোশাক (RMG)", "তৈরি পোশাক"),
        ("দাম হঠাৎ বেড়ে যায় (goes up)", "বেড়ে যায়"),  # not in a verb phrase
        # a hyphenated English compound counts its parts, and so does a hyphenated Bengali word
        ("তখন পুরো শরীরের ব্যথা (whole-body pain)", "পুরো শরীরের ব্যথা"),
        ("তখন নিয়ন্ত্রণ-প্রবাহ কাঠামো (control-flow structure)", "নিয়ন্ত্রণ-প্রবাহ কাঠামো"),
        # a scientific name glosses the whole common name before it, when that is short
        ("লাল ঝুঁটি কাঠঠোকরা (Picus rubrus)", "লাল ঝুঁটি কাঠঠোকরা"),
        ("বনে। লাল ঝুঁটি কাঠঠোকরা (P. r. minor)", "লাল ঝুঁটি কাঠঠোকরা"),
        ("দেখা যায় এমন লাল ঝুঁটি কাঠঠোকরা (Picus rubrus)", "ঝুঁটি কাঠঠোকরা"),  # too many words: count
        ("লাল ঝুঁটি কাঠঠোকরা (Woodpecker)", "কাঠঠোকরা"),  # not a scientific name: word count
        ("মোট তিনটি পবিত্র প্রথা (Three sacraments)", "পবিত্র প্রথা"),  # English, not Latin: word count
        # a classifier stuck to a number is not a word of the phrase
        ("পুরুষদের পালনীয় ১০টি ধর্মীয় কর্তব্যের (Ten religious duties)", "ধর্মীয় কর্তব্য"),
        # a pronoun ends the phrase
        ("গবেষণা বলছে এদের সবুজ ঠোঁট (Green Beak Bird)", "সবুজ ঠোঁট"),
        # -য়ে after a consonant is ে on a stem ending in য়; after a vowel, the glide goes too
        ("দ্রুত রোগ নির্ণয়ে (Diagnostics)", "নির্ণয়"),
        ("দ্রুত রোগ নির্ণ\u09dfে (Diagnostics)", "নির্ণ\u09df"),
        ("ভোটের লড়াইয়ে (Fight)", "লড়াই"),
        ("দাম হঠাৎ বেড়ে যা\u09df (goes up)", "বেড়ে যা\u09df"),  # য় in either form: যায় is not যা + য়
    ],
)
def test_find_glosses_translation_rules(text: str, bengali: str) -> None:
    assert nfc(find_glosses(text)[-1].bengali) == nfc(bengali)


@pytest.mark.parametrize(
    "text, bengali",
    [
        # a word before the phrase joins it when the lexicon's English for it is in the gloss
        ("সম্মেলনে কৃত্রিম বুদ্ধিমত্তা নীতি (AI Policy)", "কৃত্রিম বুদ্ধিমত্তা নীতি"),
        ("তার হৃদয়ে বাংলাদেশ (Bangladesh in My Heart)", "হৃদয়ে বাংলাদেশ"),
        ("তার হৃদয়ে বাংলাদেশ (Bangladesh)", "বাংলাদেশ"),
        # a closed-class word starts the phrase only when the gloss spells it out
        ("ভিডিও। দেখুন নাটক (Watch Drama)", "দেখুন নাটক"),
        ("শুধু দেখুন নাটক (Drama)", "নাটক"),
        # a translation loses a first word whose English is not in the gloss ...
        ("দেশের সবচেয়ে বড় বইমেলা (Book Fair)", "বইমেলা"),
        ("দেশের সবচেয়ে বড় বইমেলা (Largest Book Fair)", "সবচেয়ে বড় বইমেলা"),
        # ... unless the gloss holds an acronym, whose words are unknown
        ("তারা বলেছে, শিক্ষার অধিকার আইন (RTE Act)", "শিক্ষার অধিকার আইন"),
        ("বিশ্বের সবচেয়ে বড় মহাকাশ কেন্দ্র (NASA Space Center)", "মহাকাশ কেন্দ্র"),  # NASA is read as a word
        # an ordinal is never lost: English may write it as a letter or number
        ("শহরের তৃতীয় শ্রেণীর (class C)", "তৃতীয় শ্রেণী"),
        ("শহরের তৃতীয় শ্রেণীর (Class)", "শ্রেণী"),
        # titles and abbreviated honorifics are in the phrase exactly when the English has them
        ("প্রধানমন্ত্রী নরেন্দ্র মোদী (Prime Minister Narendra Modi)", "প্রধানমন্ত্রী নরেন্দ্র মোদী"),
        ("প্রধানমন্ত্রী নরেন্দ্র মোদী (Narendra Modi)", "নরেন্দ্র মোদী"),
        ("বক্তা ড. মুহাম্মদ ইউনূস (Dr. Muhammad Yunus)", "ড. মুহাম্মদ ইউনূস"),
        ("বক্তা ড. মুহাম্মদ ইউনূস (Muhammad Yunus)", "মুহাম্মদ ইউনূস"),
        ("সভাপতি মো. আবদুল হামিদ (Md. Abdul Hamid)", "মো. আবদুল হামিদ"),
        ("বইটি শেষ. আবদুল হামিদ (Abdul Hamid the Second)", "আবদুল হামিদ"),  # a full stop still ends it
        # a transliterated article joins when the English has it
        ("উপন্যাস দ্য ওল্ড ম্যান (The Old Man)", "দ্য ওল্ড ম্যান"),
        ("উপন্যাস দ্য ওল্ড ম্যান (Old Man)", "ওল্ড ম্যান"),
    ],
)
def test_find_glosses_lexicon(text: str, bengali: str) -> None:
    assert nfc(find_glosses(text)[-1].bengali) == nfc(bengali)


def test_lexicon_table_is_valid() -> None:
    from bnnorm.glosses import _lexicon

    lex = _lexicon()
    assert len(lex) >= 50
    assert lex[nfc("মার্কিন")][:2] == ("us", "u.s.")
    for bengali, english in lex.items():
        assert bengali == nfc(bengali) and " " not in bengali
        assert english and all(e == e.lower() and e.strip() == e for e in english)


def test_find_glosses_offsets_agree_with_edits() -> None:
    text = "শি জিনপিংকে (Xi Jinping), পুতিন (Putin)। রাশিয়ায় (Russia) (Rossiya)"
    found = find_glosses(text)
    edits = _edits(text)
    assert [g.end for g in found] == [e.end for e in edits]
    for g in found:
        assert text[g.start : g.end] == g.text
        assert g.text[0] == "(" and g.text[-1] == ")"
        assert text[g.bengali_start : g.bengali_end] == g.bengali
    # the chained second gloss restates the same phrase
    assert found[-1].bengali == found[-2].bengali
    assert found[0].bengali_start == text.index("শি")


def test_romanization_and_skeleton() -> None:
    assert romanize("জিনপিংকে") == "jinapingke"
    # nukta letters, composed or not, romanize the same
    assert romanize("রাশিয়া") == romanize("রাশিয\u09bcা")
    assert skeleton("Xi Jinping") == "ksjnpn"
    assert skeleton(romanize("শি জিনপিং")) == "sjnpn"


def test_import_does_not_load_transliterator() -> None:
    code = "import sys, bnnorm; bnnorm.strip_glosses('শি (Xi)'); print('indic_transliteration' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _labelled() -> list[dict[str, str]]:
    rows, header = [], None
    for line in (DATA / "glosses_labelled.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, cells)))
    return rows


def test_labelled_set_is_large_enough_and_clean() -> None:
    rows = _labelled()
    assert len(rows) >= 500
    assert sum(r["split"] == "test" for r in rows) >= 100  # the blind test split
    for r in rows:
        assert r["gold"] and r["english"] and r["split"] in ("dev", "heldout", "test", "dev2")
        assert len(r["context"].split()) <= 8  # short phrases only, no corpus sentences
        assert classify_body(r["english"]) == "latin"


def test_labelled_accuracy() -> None:
    rows = _labelled()
    hits = 0
    for r in rows:
        found = find_glosses(f"{r['context']} ({r['english']})")
        hits += bool(found) and nfc(found[-1].bengali) == nfc(r["gold"])
    # measured 0.920 overall (538 glosses: dev 0.958, dev2 0.933, heldout 0.877, blind test 0.853);
    # was 0.886 on the first 333 with the threshold at 0.85.  Fail on a real regression.
    assert hits / len(rows) >= 0.90


# --------------------------------------------------------------------------
# 6. part of normalize(): switch, explanation, alignment
# --------------------------------------------------------------------------


def test_normalize_strips_by_default_and_keep_switches_off() -> None:
    import bnnorm

    text = "শি জিনপিংকে (Xi Jinping) রাশিয়ায় (Russia) আসার আমন্ত্রণ"
    out = bnnorm.normalize(text)
    assert "Xi" not in out and "Russia" not in out
    assert "(Xi Jinping)" in bnnorm.normalize(text, glosses="keep")
    assert "(Xi Jinping)" in bnnorm.normalize(text, glosses=False)
    with pytest.raises(ValueError):
        bnnorm.normalize(text, glosses="drop")


def test_explain_and_alignment() -> None:
    import bnnorm

    text = "পুতিন (Putin) বললেন"
    steps = [s for s in bnnorm.explain(text) if s.stage == "glosses"]
    assert len(steps) == 1
    [edit] = steps[0].edits
    assert steps[0].before[edit.start : edit.end] == " (Putin)"
    out, alignment = bnnorm.normalize_with_alignment(text)
    i = out.index("বললেন")
    assert alignment.to_input(i, i + len("বললেন")) == (text.index("বললেন"), len(text))
    # the output position where the gloss was maps back to the whole gloss
    j = out.index(" বললেন")
    assert alignment.to_output(text.index("("), text.index(")") + 1) == (j, j)


# --------------------------------------------------------------------------
# 5. bnnorm glossary
# --------------------------------------------------------------------------


def _run_cli(args: list[str], capsys) -> tuple[int, str, str]:
    from bnnorm.cli import main

    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_glossary_command(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "চিনের প্রেসিডেন্ট শি জিনপিংকে (Xi Jinping) রাশিয়ায় (Russia) আসার আমন্ত্রণ\n"
        "শি জিনপিং (Xi Jinping) বলেন\tএবং\n", encoding="utf-8")
    (corpus / "b.txt").write_text("আবার শি জিনপিংয়ের (xi jinping) সফর\nকিছু নেই\n", encoding="utf-8")
    (corpus / "skip.md").write_text("পুতিন (Putin)\n", encoding="utf-8")
    status, out, _ = _run_cli(["glossary", str(corpus)], capsys)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "bengali\tenglish\tcount\texample"
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == 4 for r in rows)
    assert [(nfc(r[0]), r[1], r[2]) for r in rows] == [
        (nfc("শি জিনপিং"), "Xi Jinping", "3"),  # grouped ignoring case, first spelling kept
        (nfc("রাশিয়া"), "Russia", "1"),
    ]
    assert "(Xi Jinping)" in rows[0][3] and len(rows[0][3]) < 120
    status, out, _ = _run_cli(["glossary", "--min-count", "2", str(corpus / "a.txt"), str(corpus / "b.txt")], capsys)
    assert [line.split("\t")[1] for line in out.splitlines()[1:]] == ["Xi Jinping"]


def test_glossary_errors(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("শি (Xi)\n".encode() + b"\xff\n")
    status, _, err = _run_cli(["glossary", str(bad)], capsys)
    assert status == 2 and "bad.txt:2" in err
    status, _, err = _run_cli(["glossary", str(tmp_path / "missing.txt")], capsys)
    assert status == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    status, _, err = _run_cli(["glossary", str(empty)], capsys)
    assert status == 2 and "no *.txt" in err


def test_glossary_skips_sentences(tmp_path: Path, capsys) -> None:
    f = tmp_path / "s.txt"
    f.write_text("তিনি বলেন “সব ঠিক আছে” (Everything is fine and we will be back on track very soon)\n", encoding="utf-8")
    _, out, _ = _run_cli(["glossary", str(f)], capsys)
    assert out.splitlines() == ["bengali\tenglish\tcount\texample"]
    _, out, _ = _run_cli(["glossary", "--max-words", "20", str(f)], capsys)
    assert len(out.splitlines()) == 2


def test_glossary_on_corpus(corpus_dir: Path) -> None:
    from bnnorm.commands.glossary import build_lexicon

    def lines():
        with open(corpus_dir / "news-wb-zee24ghanta-01.txt", encoding="utf-8") as fh:
            yield from fh

    rows = build_lexicon(lines())
    assert len(rows) > 50
    assert all(r[2] >= 1 and r[0] for r in rows)


def test_gloss_followed_by_a_combining_mark_is_left_alone():
    # regression (property suite): removing "(Xi Jinping)" glued "া" to "চিনটা", and the
    # next normalize() respelled the repaired word: not idempotent
    assert strip_glosses("চিনটা (Xi Jinping)া") == "চিনটা (Xi Jinping)া"
    import bnnorm

    once = bnnorm.normalize("চিনটা (Xi Jinping)া")
    assert bnnorm.normalize(once) == once
