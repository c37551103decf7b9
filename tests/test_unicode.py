"""Unicode repair (SPEC §3.1): one positive and one negative example per repair,
properties (hypothesis), adversarial inputs, and a soak test over the corpus."""

from __future__ import annotations

import doctest
import itertools
import time

import pytest
import regex
import unicodedata2
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import bnnorm.unicode as U
from bnnorm.pipeline import Pipeline, apply_edits
from bnnorm.unicode import fix_unicode, unicode_stage, whitespace_stage

ZWJ, ZWNJ, ZWSP, BOM, SHY, NBSP = "\u200d", "\u200c", "\u200b", "\ufeff", "\u00ad", "\u00a0"
YYA_PRE, RRA_PRE, RHA_PRE = "\u09df", "\u09dc", "\u09dd"
YYA, RRA, RHA = "\u09af\u09bc", "\u09a1\u09bc", "\u09a2\u09bc"


def nfc(s: str) -> str:
    return unicodedata2.normalize("NFC", s)


def rules(text: str, quotes: str = "keep") -> list[str]:
    """Names of the passes that changed *text* (from the edit path)."""
    return [s.rule for s in Pipeline([unicode_stage(quotes=quotes)]).explain(text)]


def test_doctests() -> None:
    result = doctest.testmod(U)
    assert result.attempted >= 15 and result.failed == 0


# --------------------------------------------------------------------------
# drop_invisible
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (BOM + "আমি", "আমি"),
        ("আমি" + BOM + "যাব", "আমিযাব"),
        ("প্রে" + ZWSP + "ক্ষিত", "প্রেক্ষিত"),  # inside a word: glued, as it was meant
        ("রেল " + ZWSP + "বিজন", "রেল বিজন"),  # next to a space: the space stays
        ("বিল" + SHY + "টন", "বিলটন"),
        ("আগে\u200e গত", "আগে গত"),
        ("\u202bআমি\u202c \u2067তুমি\u2069", "আমি তুমি"),
        ("শব্দ\u200f", "শব্দ"),
    ],
)
def test_drop_invisible(text: str, expected: str) -> None:
    assert fix_unicode(text) == expected
    assert "drop_invisible" in rules(text)


def test_drop_invisible_negative() -> None:
    text = "আমি\u2060তুমি"  # WORD JOINER is not one of them
    assert fix_unicode(text) is text
    assert U.drop_invisible("plain text") == "plain text"


# --------------------------------------------------------------------------
# joiners
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("র" + ZWNJ + "্যাব", "র" + ZWJ + "্যাব"),  # ra-yaphala: one spelling, with ZWJ
        ("র" + ZWJ + ZWJ + "্যাব", "র" + ZWJ + "্যাব"),  # doubled
        ("র" + ZWNJ + ZWJ + "্যাব", "র" + ZWJ + "্যাব"),
        ("জন" + ZWJ + "্য", "জন্য"),  # meaningless before a virama after another consonant
        ("বিদ" + ZWNJ + "্যুৎ", "বিদ্যুৎ"),
        ("কর" + ZWJ + "তে", "করতে"),  # between letters
        ("ফাল্" + ZWNJ + ZWNJ + "গুন", "ফাল্" + ZWNJ + "গুন"),  # doubled hasanta joiner
        ("বলে " + ZWNJ + "‘আমি’", "বলে ‘আমি’"),  # next to a space
        ("শেষ্" + ZWNJ, "শেষ্"),  # at the end of the text
        ("আমি" + ZWJ + "😀", "আমি😀"),  # Bengali next to it: not an emoji sequence
        ("ক" + ZWJ + "১", "ক১"),
        ("ক" + ZWJ + "1", "ক1"),
    ],
)
def test_joiners(text: str, expected: str) -> None:
    assert fix_unicode(text) == expected
    assert "joiners" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "র" + ZWJ + "্যাব",  # র‍্যাব
        "ফাল্" + ZWNJ + "গুন",  # deliberate hasanta
        "ট্" + ZWNJ + "স",
        "ক্" + ZWJ + "ষ",  # explicit half form
        "👨" + ZWJ + "👩" + ZWJ + "👧",  # emoji ZWJ sequence
        "🏳️" + ZWJ + "🌈",
        "می" + ZWNJ + "خواهم",  # Persian
        "क्" + ZWJ + "ष",  # Devanagari
        "a" + ZWJ + "০",  # digits are not Bengali context (so convert_digits cannot change the verdict)
        "১" + ZWNJ + "২",
    ],
)
def test_joiners_negative(text: str) -> None:
    assert fix_unicode(text) is text


# --------------------------------------------------------------------------
# nfc
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("বেইজিং" + YYA_PRE + "ে", "বেইজিং" + YYA + "ে"),
        ("প" + RRA_PRE + "া", "প" + RRA + "া"),
        ("আষা" + RHA_PRE, "আষা" + RHA),
        ("ক\u09c7\u09be", "কো"),  # split o-kar
        ("ক\u09c7\u09d7", "কৌ"),  # split au-kar
        ("ড\u09cd\u09bc", "ড\u09bc\u09cd"),  # canonical order: nukta before virama
        ("cafe\u0301", "café"),
    ],
)
def test_nfc(text: str, expected: str) -> None:
    out = fix_unicode(text)
    assert out == expected == nfc(expected)
    assert "nfc" in rules(text)


def test_nfc_negative() -> None:
    for text in ("বেইজিং" + YYA + "ে", "পড়া", "café", "কোন"):
        assert fix_unicode(text) is text


@pytest.mark.parametrize(
    "text",
    [
        "1\u200c\u0301\u09cd",  # NFC puts ্ next to the joiner: judged as Bengali at once
        "\u0301\u09cd\u200cত",  # after NFC the joiner follows ◌́, not the virama
        "ক\u09cd\u09bc\u200cত",  # after NFC the joiner follows the virama (a hasanta)
    ],
)
def test_joiners_are_judged_by_their_neighbours_after_nfc(text: str) -> None:
    out = fix_unicode(text)
    assert fix_unicode(out) == out == nfc(out)


def test_nfc_edits_are_per_cluster() -> None:
    text = f"আমি {YYA_PRE}া এবং ক\u09c7\u09be আর {RRA_PRE} café"
    edits = U._nfc_edits(text)
    assert len(edits) == 3
    assert all(e.end - e.start <= 3 for e in edits)
    assert apply_edits(text, edits) == nfc(text)


def test_nfc_tables_match_unicode_data() -> None:
    """The hard-coded classes agree with ``unicodedata2`` (regenerate them if this fails)."""
    maybe0 = regex.compile(r"(?V1)[\p{NFC_QC=M}&&\p{ccc=0}]")
    m0 = set(maybe0.findall("".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)))
    firsts = set()
    for cp in range(0x110000):
        d = unicodedata2.decomposition(chr(cp))
        if d and not d.startswith("<"):
            parts = [chr(int(x, 16)) for x in d.split()]
            if len(parts) == 2 and parts[1] in m0 and nfc("".join(parts)) == chr(cp):
                firsts.add(parts[0])
    assert firsts == set(U._expand(U._COMPOSING_FIRSTS))
    # every "simple" character is NFC alone and neither composes nor reorders,
    # except the five Bengali ones that _bengali_nfc handles
    simple = set(U._expand(U._NFC_SIMPLE))
    special = set("\u09be\u09d7\u09c7\u09bc\u09cd")
    qc_yes = regex.compile(r"\p{NFC_QC=Y}")
    for c in simple - special:
        if unicodedata2.category(c) != "Cn":
            assert unicodedata2.combining(c) == 0 and qc_yes.match(c) and c not in firsts, hex(ord(c))
    # _QUIET is _NFC_SIMPLE minus the characters a pass acts on
    acted_on = set(U._expand(U.INVISIBLES + ZWNJ + ZWJ + "\u09f7|" + U.UNICODE_SPACES + U.LINE_BREAKS)) - {"\n"}
    assert set(U._expand(U._QUIET)) == simple - acted_on


BN_ALPHABET = (
    "কখগতদনপবমযরলসহড ঢ য অআইএও া ি ী ু ে ৈ ো ৌ ৗ ্ ় ঁ ং ঃ ৎ".replace(" ", "")
    + YYA_PRE + RRA_PRE + RHA_PRE + "\u0301\u0327e"
)


@given(st.text(alphabet=BN_ALPHABET, max_size=30))
@settings(max_examples=400, deadline=None)
def test_nfc_fast_path_and_edit_path_equal_unicodedata2(text: str) -> None:
    assert U.to_nfc(text) == nfc(text)
    assert apply_edits(text, U._nfc_edits(text)) == nfc(text)


# --------------------------------------------------------------------------
# doubled signs, vowel sign after vowel
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("যুুবক", "যুবক"),
        ("ধ্রুুুু", "ধ্রু"),
        ("মাাইক", "মাইক"),
        ("ক্্ষমা", "ক্ষমা"),
        ("বাড়়ছে", "বাড়ছে"),
        ("পৌঁঁছা", "পৌঁছা"),
        ("এবংং", "এবং"),
        ("কিি", "কি"),
    ],
)
def test_doubled_signs(text: str, expected: str) -> None:
    assert fix_unicode(text) == expected
    assert "doubled_signs" in rules(text)


@pytest.mark.parametrize("text", ["কোকো", "কিকি", "তত্ত্ব", "পৌঁছানো", "হ্যাঁ"])
def test_doubled_signs_negative(text: str) -> None:
    assert fix_unicode(text) is text


@pytest.mark.parametrize("text, expected", [("অামার", "আমার"), ("আামি", "আমি"), ("অাাম", "আম")])
def test_vowel_sign_after_vowel(text: str, expected: str) -> None:
    assert fix_unicode(text) == expected
    assert "vowel_sign_after_vowel" in rules(text)


@pytest.mark.parametrize("text", ["আমার", "অবাক", "অ া"])
def test_vowel_sign_after_vowel_negative(text: str) -> None:
    assert U.fix_vowel_sign_after_vowel(text) == text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ম্য\u09bcাচ", "ম্যাচ"),
        ("ম্\u09dfাচ", "ম্যাচ"),  # precomposed: NFC first, then this
        ("সাফল্য\u09bc", "সাফল্য"),
        ("র\u200d্য\u09bcাব", "র\u200d্যাব"),
    ],
)
def test_yaphala_nukta(text: str, expected: str) -> None:
    assert fix_unicode(text) == expected
    assert "yaphala_nukta" in rules(text)


@pytest.mark.parametrize("text", ["ম্যাচ", "যায়", "নিউইর্য\u09bcক", "য়"])
def test_yaphala_nukta_negative(text: str) -> None:
    assert fix_unicode(text) is text


# --------------------------------------------------------------------------
# khanda ta
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("উত্" + ZWJ + "সব", "উৎসব"),
        ("অভিজিত্" + ZWJ, "অভিজিৎ"),
        ("উত্সব", "উৎসব"),
        ("মত্স্য", "মৎস্য"),
        ("উত্পাদন", "উৎপাদন"),
        ("তত্কালীন", "তৎকালীন"),
        ("উত্খাত", "উৎখাত"),
        ("হঠাত্", "হঠাৎ"),
        ("বিদ্যুত্ কেন্দ্র", "বিদ্যুৎ কেন্দ্র"),
        ("অর্থাত্, ভবিষ্যত্।", "অর্থাৎ, ভবিষ্যৎ।"),
        ("বিদ্যুত্-সংযোগ", "বিদ্যুৎ-সংযোগ"),
        ("যাবত্ই", "যাবৎই"),
        ("হঠাত্১", "হঠাৎ১"),  # a digit of either script ends the word: same verdict
        ("হঠাত্1", "হঠাৎ1"),  # before and after convert_digits
    ],
)
def test_khanda_ta(text: str, expected: str) -> None:
    assert fix_unicode(text) == expected
    assert "khanda_ta" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "তত্ত্ব",
        "আত্মা",
        "পত্নী",
        "উত্থান",
        "মৃত্যু",
        "পুত্র",
        "ভ্লাদিমির",  # no whitelist: foreign clusters keep their virama
        "ডিজ্নি",
        "ত্সোং-খা",  # ৎ never starts a word
        "ম্ত্শান",  # nor ends a conjunct
        "ত্লাংময়",
        "উত্" + ZWNJ + "পাদন",  # a deliberate visible hasanta stays
    ],
)
def test_khanda_ta_negative(text: str) -> None:
    assert fix_unicode(text) is text


# --------------------------------------------------------------------------
# danda
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("সে আসবে৷ তারপর", "সে আসবে। তারপর"),
        ("করা ৷ ১৯৯৯", "করা। ১৯৯৯"),  # (and the space before it goes)
        ("তিনি বলেন৷৷", "তিনি বলেন।।"),
        ("আমি যাব| তুমি", "আমি যাব। তুমি"),
        ("আমি যাব|", "আমি যাব।"),
        ("‘আমি যাব|’", "‘আমি যাব।’"),
        ("আমি যাব|\nতুমি", "আমি যাব।\nতুমি"),
    ],
)
def test_danda(text: str, expected: str) -> None:
    assert fix_unicode(text) == expected
    assert "danda" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "২০ ডিসেম্বর ২০২৫ | ১৩:৪৮",  # a separator
        "Chakraborty | সোহম",
        "মুগ্ধরা | Bangla",
        "https://example.com/আমি|তুমি",
        "[[চিত্র|thumb|right]]",
        "তত্ত্ব|ফ্লোজিস্টন",  # wiki link: Bengali on both sides
        "| নাম | বয়স|",  # a table row
        "|নাম|বয়স|\n|রহিম|৩০|",
        "খেলা || ক্রিকেট",
        "a|b",
        "১২৷৹",  # a currency numerator with its denominator
        "৹৷",
    ],
)
def test_danda_negative(text: str) -> None:
    assert fix_unicode(text) is text


# --------------------------------------------------------------------------
# spaces, space before punctuation
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("আমি" + NBSP + "যাব", "আমি যাব"),
        ("আমি\u2009যাব\u202fনা\u3000এখন\u205fই\u2002ক\u2000খ", "আমি যাব না এখন ই ক খ"),
        ("আমি   যাব", "আমি যাব"),
        ("  আমি যাব  ", "আমি যাব"),
        ("আমি \nযাব \r\n তুমি\u2028 সে", "আমি\nযাব\r\nতুমি\u2028সে"),
        (NBSP + " " + NBSP, ""),
    ],
)
def test_spaces(text: str, expected: str) -> None:
    assert fix_unicode(text) == expected
    if text != expected:
        assert "spaces" in rules(text)


@pytest.mark.parametrize("text", ["আমি যাব", "ক\tখ\t\tগ", "ক\t খ", "a b\nc d\r\ne", "\n\n"])
def test_spaces_negative(text: str) -> None:
    assert fix_unicode(text) is text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("তিনি বলেন , আমি যাব ।", "তিনি বলেন, আমি যাব।"),
        ("প্রকাশিত সময় : ১০:৩১:১৮ অপরাহ্ন", "প্রকাশিত সময়: ১০:৩১:১৮ অপরাহ্ন"),  # SPEC §5
        ("কেন ? কী !", "কেন? কী!"),
        ("প্রথমত ; দ্বিতীয়ত", "প্রথমত; দ্বিতীয়ত"),
        ("কী ?!", "কী?!"),
        ("হয়েছে ।’", "হয়েছে।’"),
        ("ফোন :০১৭", "ফোন:০১৭"),
    ],
)
def test_space_before_punctuation(text: str, expected: str) -> None:
    assert fix_unicode(text) == expected
    assert "space_before_punctuation" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "১২ , ১৩",  # digits, either script
        "12 , 13",
        "word , word",  # not after Bengali
        "ভালো :)",  # emoticons
        "খারাপ :-(",
        "দেখুন :https://example.com",  # the colon is glued to ASCII: left alone
        "(এসসিও) ।",  # after a bracket: not "after a Bengali letter"
        "नमस्ते ।",
    ],
)
def test_space_before_punctuation_negative(text: str) -> None:
    assert fix_unicode(text) is text


def test_colon_never_becomes_visarga() -> None:
    assert fix_unicode("সময়: ১০:৩১") == "সময়: ১০:৩১"
    assert "ঃ" not in fix_unicode("প্রকাশিত সময় : ১০:৩১")


# --------------------------------------------------------------------------
# quotes, options, errors
# --------------------------------------------------------------------------


def test_quotes() -> None:
    text = "‘দু’দেশের’ “চুক্তি” „x‟"
    assert fix_unicode(text) is text  # kept by default
    assert fix_unicode(text, quotes="ascii") == "'দু'দেশের' \"চুক্তি\" \"x\""
    assert "quotes" in rules(text, quotes="ascii")


def test_options_and_errors() -> None:
    with pytest.raises(ValueError, match="'keep', 'ascii'"):
        fix_unicode("x", quotes="curly")
    with pytest.raises(ValueError):
        unicode_stage(quotes="no")
    with pytest.raises(ValueError):
        fix_unicode("x", quotes=["ascii"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="decode"):
        fix_unicode(b"abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="NoneType"):
        fix_unicode(None)  # type: ignore[arg-type]


def test_clean_text_is_returned_as_is() -> None:
    text = "চীনের প্রেসিডেন্ট শি জিনপিংকে (Xi Jinping) আমন্ত্রণ জানিয়েছেন। ২০২৫ সালে।"
    assert fix_unicode(text) is text
    assert unicode_stage()(text) is text


def test_explain_names_each_fix() -> None:
    text = "উত্সব" + NBSP + "শুরু " + YYA_PRE + " হয়েছে ।"
    steps = Pipeline([unicode_stage()]).explain(text)
    assert [s.rule for s in steps] == ["nfc", "khanda_ta", "spaces", "space_before_punctuation"]
    assert steps[-1].after == fix_unicode(text)


def test_stage_pickles() -> None:
    import pickle

    st_ = pickle.loads(pickle.dumps(unicode_stage(quotes="ascii")))
    assert st_("‘ক’") == "'ক'"


def test_whitespace_stage() -> None:
    ws = whitespace_stage()
    assert ws("  তিনি  বলেন ,  আমি যাব ।  ") == "তিনি বলেন, আমি যাব।"
    assert ws("উত্সব") == "উত্সব"  # only whitespace: no other repair
    text = "a  b\n c"
    assert ws(ws(text)) == ws(text) == "a b\nc"


# --------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------

MESSY_ALPHABET = (
    BN_ALPHABET
    + "ত্রসকপ"
    + ZWJ + ZWNJ + ZWSP + BOM + SHY + "\u200e" + NBSP + "\u2009\u3000"
    + " \n\r\t|৷।,;:?!'‘’“”()"
    + "aZé1১২😀\u0301\ufe0f\u09f9"
)


@given(st.text(alphabet=MESSY_ALPHABET, max_size=40))
@settings(max_examples=500, deadline=None)
def test_properties_on_messy_bengali(text: str) -> None:
    out = fix_unicode(text)
    assert isinstance(out, str)
    assert fix_unicode(out) == out  # idempotent
    assert out == nfc(out)  # NFC
    assert out == unicode_stage()(text)  # the gate in fix_unicode never skips a repair
    assert text.count("\n") == out.count("\n")  # line breaks kept
    ws = whitespace_stage()
    assert ws(ws(out)) == ws(out)


@given(st.text(alphabet=MESSY_ALPHABET, max_size=40), st.sampled_from(["keep", "ascii"]))
@settings(max_examples=400, deadline=None)
def test_edit_path_equals_fast_path(text: str, quotes: str) -> None:
    for p in unicode_stage(quotes=quotes).passes + whitespace_stage().passes:
        edits = p.edits(text)
        assert edits == sorted(edits)
        assert apply_edits(text, edits) == p.run(text), p.name
        text = p.run(text)


FOREIGN_TOKENS = [
    "café", "naïve", "Zürich", "Łódź", "São", "Ærøskøbing", "中文", "日本語です", "한국어",
    "مرحبا", "می\u200cخواهم", "עברית", "नमस्ते।", "क्\u200dष", "русский", "Ελληνικά",
    "👍", "❤️", "👨\u200d👩\u200d👧", "🏳️\u200d🌈", "👩🏽\u200d💻",
    "https://example.com/a|b?x=1&y=2", "http://bn.wikipedia.org/wiki/%E0%A6%95", "www.x.org/path:1",
    "2025", "10:31", "3.5", "1,23,456", "২০২৫", "১০:৩১", "৩.৫", ":)", "|", "||", ",", "—", "(Xi", "Jinping)",
]
FOREIGN_CHARS = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Mc", "Me"),
).filter(lambda c: not "\u0980" <= c <= "\u09ff")


@given(st.lists(st.one_of(st.sampled_from(FOREIGN_TOKENS), st.text(FOREIGN_CHARS, min_size=1, max_size=8)), max_size=12))
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
def test_other_scripts_emoji_urls_numbers_untouched(tokens: list[str]) -> None:
    text = " ".join(tokens)
    assume(text == nfc(text))
    assert fix_unicode(text) == text
    assert fix_unicode(text) is text or fix_unicode(text) == text


def test_mixed_line_keeps_foreign_parts() -> None:
    text = "তিনি বলেন , Café 👨\u200d👩\u200d👧 https://a.com/x|y 2025 ৳৫০০ ‘ঠিক’ ।"
    assert fix_unicode(text) == "তিনি বলেন, Café 👨\u200d👩\u200d👧 https://a.com/x|y 2025 ৳৫০০ ‘ঠিক’ ।"


# --------------------------------------------------------------------------
# the fast path of fix_unicode (gates learnt from a few scans)
# --------------------------------------------------------------------------


def test_compact_alphabet() -> None:
    encoding_map = U._compact()[0]
    assert type(encoding_map).__name__ == "EncodingMap"  # the fast table, not a dict
    chars = [c for c in map(chr, range(0x110000)) if not "\ud800" <= c <= "\udfff" and U._compact_encode(c) is not None]
    assert len(chars) == 256 and chars[0] == "\x00"
    simple = set(U._expand(U._NFC_SIMPLE)) | {YYA_PRE, RRA_PRE, RHA_PRE}
    assert set(chars) <= simple
    # every character a watched pair is made of is in it
    assert set(U._expand(U.DOUBLE_SIGNS) + "অআ \n" + U.CLOSE_PUNCT) <= set(chars)
    # the fast path replaces NBSP with str.replace: the only Unicode space in it
    assert set(chars) & U._SPACE_OR_BREAK_SET == set("\x0b\x0c\r\u00a0")
    # the rare characters the fast path handles itself: the acted-on ones that are _NFC_SIMPLE
    acted_on = set(U._expand(U.INVISIBLES + ZWNJ + ZWJ + "\u09f7|" + U.UNICODE_SPACES + U.LINE_BREAKS)) - {"\n"}
    assert U._FAST_RARE == acted_on & set(U._expand(U._NFC_SIMPLE))


def _exact_pairs(text: str) -> set[int]:
    """The watched pair values of *text*, one neighbour pair at a time (the slow, obvious way)."""
    _, class_table, unwatched, _ = U._compact()
    classes = [class_table[U._compact_encode_lossy(c)[0]] for c in text]
    values = {a | b << 4 for a, b in zip(classes, classes[1:] + [0])}
    return {v for v in values if v not in unwatched}


#: Characters outside _NFC_SIMPLE: NFC-inert starters (Arabic, CJK, Hangul,
#: Devanagari letters, Greek and Latin letters with accents) and not inert ones
#: (combining marks, a Hangul trailing jamo, Devanagari nukta, a composition
#: exclusion, a singleton).
INERT = "عم中가कάḀ\u1e9b\u0b47"  # U+0B47 composes only with non-inert seconds
NOT_INERT = "\u0301\u0327\u11a8\u093c\u0958\u2126\u0b3e"
PAIR_ALPHABET = (
    MESSY_ALPHABET + "োৌৈৗঅআ়্ংঁঃ৷|\u2000\u2028\u0965ক।,;:?!°«Â" + YYA_PRE + RRA_PRE + RHA_PRE + INERT + NOT_INERT
)
#: Its characters in the compact alphabet: lines of these take the fastest way.
COMPACT_PAIR_ALPHABET = "".join(c for c in PAIR_ALPHABET if U._compact_encode(c) is not None)
PAIR_TEXT = st.one_of(st.text(alphabet=PAIR_ALPHABET, max_size=60), st.text(alphabet=COMPACT_PAIR_ALPHABET, max_size=60))


def test_nfc_inert() -> None:
    assert all(U._nfc_inert(c) for c in INERT)
    assert not any(U._nfc_inert(c) for c in NOT_INERT)


@given(st.text(alphabet=BN_ALPHABET.replace("\u0301\u0327", "") + INERT + "া ৗ ে ় ্".replace(" ", ""), max_size=40))
@settings(max_examples=400, deadline=None)
def test_bengali_nfc_is_nfc_with_inert_characters(text: str) -> None:
    assert U._bengali_nfc(text) == nfc(text)


@given(PAIR_TEXT)
@settings(max_examples=400, deadline=None)
def test_watched_pairs_are_the_neighbour_pairs(text: str) -> None:
    # exact on the lossy encoding (runs of other characters become one U+0000)
    assert U._watched_pairs(U._compact_encode_lossy(text)) == _exact_pairs(text)
    # the special classes 12-14 of a compact text are exactly the characters present
    encoded = U._compact_encode(text)
    if encoded is not None:
        present = {v & 15 for v in U._watched_pairs(encoded)}
        assert (U._INVISIBLE_OR_JOINER_CLASS in present) == bool(set(text) & U._INVISIBLE_OR_JOINER_SET)
        assert (U._DANDA_CLASS in present) == bool(set(text) & U._DANDA_SET)
        assert (U._SPACE_OR_BREAK_CLASS in present) == bool(set(text) & U._SPACE_OR_BREAK_SET)


@given(PAIR_TEXT)
@settings(max_examples=300, deadline=None)
def test_khanda_gate_on_bytes_equals_the_prefilter(text: str) -> None:
    encoded = U._compact_encode(text)
    assume(encoded is not None)
    assert (U._compact_khanda_gate().search(encoded) is not None) == (U._KHANDA_TA_ANY.search(text) is not None)


@given(PAIR_TEXT, st.sampled_from(["keep", "ascii"]))
@settings(max_examples=800, deadline=None)
def test_fast_path_equals_plain_stage(text: str, quotes: str) -> None:
    assert fix_unicode(text, quotes=quotes) == unicode_stage(quotes=quotes)(text)


def test_fast_path_equals_plain_stage_next_to_every_compact_character() -> None:
    templates = ["হঠাত্{}", "ক{}ি", "ক{0}{0}", "আমি {} ,", "{}  খ", "ক্\u09df{}", "ে{}া"]
    for c in U._compact_alphabet():
        for template in templates:
            text = template.format(c)
            assert fix_unicode(text) == unicode_stage()(text), (template, hex(ord(c)))


@pytest.mark.parametrize(
    "text",
    [
        "ক\u09cb\u09c7\u09be",  # ো + split ো: composing makes a doubled sign
        "ক\u09c7\u09be\u09c7\u09be",  # two split ো in a row
        "ক\u09c7\u09d7\u09cc",  # split ৌ + ৌ
        "ড\u09bc\u09bc\u09cd",  # nukta, nukta, virama: sorting makes a doubled nukta
        "ড\u09cd\u09bc\u09cd",  # virama, nukta, virama
        "ক\u09cd\u09df",  # virama + precomposed য় → ya-phala with nukta
        "ক\u09df\u09bc",  # precomposed য় + nukta → doubled nukta
        "বলেন\u00a0, আমি",  # NBSP → space before a comma
        "আমি যাব ৷ তুমি",  # ৷ → । after a space
        "আমি যাব | তুমি",
        "ক \u200b ,",  # ZWSP removal makes two spaces
        "ক\u200cি\u200cি",  # joiner removal makes a doubled sign
        "অ\u200dা",  # joiner removal makes অা
        "আমি \u0627\u0644 ,",  # Arabic (outside the compact alphabet), space before comma
        "ক\u0301\u09bf\u09bf  ,",  # combining accent: general NFC, then doubled sign, spaces
        "\u2000ক\u2001,\u3000",  # NFC maps U+2000/U+2001 to other Unicode spaces
        "ক\u037e",  # NFC maps U+037E to ';'
        "যাব \u037e",
        "😀 ক ,  খ\r\n গ ",
        "ক\u09fe\u09bc",  # SANDHI MARK (ccc 230) before nukta: NFC reorders, so not compact
        "উত\u09cd\u09cdকর্ষ",  # collapsing the doubled virama makes ত্ক (khanda ta)
        "উত\u09cd\u09cd\u09bcকর্ষ",  # reordering, then collapsing
    ],
)
def test_fast_path_gates_after_changes(text: str) -> None:
    out = fix_unicode(text)
    assert out == unicode_stage()(text)
    assert out == nfc(out) and fix_unicode(out) == out


# --------------------------------------------------------------------------
# adversarial inputs
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        ZWJ * 1_000_000,
        "\u0301" * 1_000_000,
        "\u09bc\u09cd" * 500_000,
        "|" * 1_000_000,
        "ক|" * 500_000,
        "ক| " * 333_333,
        " " * 1_000_000 + "x",
        NBSP * 1_000_000,
        "ক ," * 333_333,
        "ত্" * 500_000,
        "ে" * 1_000_000,
        "\u09c7\u09be" * 500_000,
        "িি" * 500_000,
        "৷" * 1_000_000,
        "র" + ZWNJ * 1_000_000 + "্য",
        ("ক" + ZWSP) * 500_000,
        "ক" + " " * 1_000_000 + "x",
        ("ক" + " " * 1000 + "x") * 1000,
        "ক" + NBSP * 1_000_000 + ",",
        "\r\n " * 300_000,
    ],
    ids=lambda t: repr(t[:6]),
)
def test_adversarial_inputs_finish(text: str) -> None:
    t0 = time.perf_counter()
    out = fix_unicode(text)
    assert isinstance(out, str) and len(out) <= len(text) * 2
    assert isinstance(Pipeline([unicode_stage()]).explain(text[:100_000]), list)
    assert time.perf_counter() - t0 < 60  # generous: a hang would take far longer


# --------------------------------------------------------------------------
# the corpus
# --------------------------------------------------------------------------


def test_corpus_soak(corpus_dir) -> None:  # type: ignore[no-untyped-def]
    stage = unicode_stage()
    n = 0
    for path in sorted(corpus_dir.glob("*.txt")):
        with open(path, encoding="utf-8") as fh:
            for line in itertools.islice(fh, 0, None, 20):
                line = line.rstrip("\n")
                out = fix_unicode(line)
                assert fix_unicode(out) == out, path.name
                assert out == nfc(out)
                assert out == stage(line)
                if n % 10 == 0:  # the edit path is slower: check a sample
                    assert Pipeline([stage]).normalize_with_alignment(line)[0] == out
                n += 1
    assert n > 100


@given(st.text(alphabet=MESSY_ALPHABET + "0123456789০১২৩৪৫৬৭৮৯", max_size=30))
@settings(max_examples=300, deadline=None)
def test_converting_digits_afterwards_changes_no_verdict(text: str) -> None:
    """fix_unicode commutes with digit conversion (the default pipeline converts digits after it)."""
    from bnnorm.digits import convert_digits

    for to in ("ascii", "bengali"):
        once = convert_digits(fix_unicode(text), to=to)
        assert convert_digits(fix_unicode(once), to=to) == once


def test_docs_examples() -> None:
    from pathlib import Path

    doc = Path(__file__).resolve().parent.parent / "docs" / "unicode.md"
    result = doctest.testfile(str(doc), module_relative=False)
    assert result.attempted >= 3 and result.failed == 0


# --------------------------------------------------------------------------
# the stage objects used by normalize(): whole-stage fast path, final tidy
# --------------------------------------------------------------------------

_STAGE_ALPHABET = "কতয়ড়া ে ো ্ ়\u09df\u200c\u200d\u200b\u00a0 |।৷,:(X)i০১2" + "\u09cd\u09be"


@given(st.text(alphabet=_STAGE_ALPHABET, max_size=40))
def test_stage_fast_path_equals_passes(text):
    for stage in (unicode_stage(), unicode_stage(quotes="ascii"), whitespace_stage(repairs=True), whitespace_stage()):
        assert stage(text) == stage.run_passes(text)


def test_khanda_ta_before_bengali_danda_in_one_run():
    # regression (fuzzing): ত্৷ became ৎ। only on a second run
    once = fix_unicode("হঠাত্৷ সে")
    assert once == "হঠাৎ। সে"
    assert fix_unicode(once) == once


def test_final_tidy_repairs_what_gloss_stripping_uncovers():
    import bnnorm

    # regression (fuzzing): a '|' brought next to a Bengali word by gloss stripping became । only on the next run
    once = bnnorm.normalize("আমি শি (Xi Jinping)|")
    assert once == "আমি শি।"
    assert bnnorm.normalize(once) == once
    # with the Unicode stage off, the final tidy only touches spaces
    assert bnnorm.normalize("আমি শি (Xi Jinping)|", unicode="keep") == "আমি শি|"


def test_every_short_space_and_break_mix_agrees_on_all_paths():
    """Exhaustive over short strings of spaces, line breaks and letters: the
    stage's fast path, its passes' fast paths and its edits give one text.
    Regression: ASCII text with ``\\r`` skipped the rare-break branch of the
    spaces pass's fast path (' ( \\r\\n' kept a space before the CRLF)."""
    alphabet = [" ", "(", "\r", "\n", "\x0b", "\x1c", "\x85", "a", "ক", "\u00a0", "।"]
    stages = (unicode_stage(), unicode_stage(quotes="ascii"), whitespace_stage(repairs=True), whitespace_stage())
    for n in range(1, 4):
        for chars in itertools.product(alphabet, repeat=n):
            text = "".join(chars)
            for stage in stages:
                by_edits = text
                for p in stage.passes:
                    by_edits = apply_edits(by_edits, p.edits(by_edits))
                assert stage(text) == stage.run_passes(text) == by_edits, (text, stage.name)
    assert fix_unicode(" ( \r\n") == "(\r\n"


@pytest.mark.parametrize("text, want", [("a \r", "a\r"), ("0 \r", "0\r"), ("a \x0bb", "a\x0bb"), ("a \x0c", "a\x0c"),
                                        ("x \x1d y", "x\x1dy"), ("\r a", "\ra")])
def test_space_beside_an_ascii_line_break_other_than_lf_is_trimmed(text, want):
    # Regression (found by test_converting_digits_afterwards_changes_no_verdict on '0 \r'): the
    # prefilter of the spaces pass skipped ASCII text, but \r, \v, \f and \x1c-\x1e are ASCII.
    assert U.fix_spaces(text) == want
    assert fix_unicode(text) == want
