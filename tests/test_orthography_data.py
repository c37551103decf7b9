"""Rows added to data/variants/orthography.tsv in session 3 (docs/variants-data.md).

Each family gets examples under both standards (bare form and an inflected
form) and trap sentences whose look-alike words must stay as written.  The
sentences are written for these tests, not copied from the corpus.
"""

from __future__ import annotations

import unicodedata

import pytest

from bnnorm.script import data_path, load_table
from bnnorm.spelling import find_variants, unify_spelling

COLUMNS = ("form", "bd", "wb", "kind", "class", "source")
SECTION = "# --- 2026-11-23, session 3"


def U(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def session_rows():
    """The rows under the session-3 section comment of orthography.tsv."""
    text = data_path("variants/orthography.tsv").read_text(encoding="utf-8")
    _, _, tail = text.partition(SECTION)
    assert tail, "section comment missing"
    rows = []
    for line in tail.split("\n")[1:]:
        if line.startswith("# ---"):
            break
        if line.strip() and not line.startswith("#"):
            rows.append(dict(zip(COLUMNS, line.split("\t"))))
    return rows


def test_section_rows_are_loaded_with_counts_in_source():
    rows = session_rows()
    assert len(rows) >= 40
    loaded = {U(r["form"]): r for r in load_table("variants/orthography.tsv", COLUMNS)}
    for row in rows:
        assert U(row["form"]) in loaded
        assert row["source"].startswith("corpus ")
        # every spelling of the headword has its BD/WB counts in the source
        for spelling in {row["form"], row["bd"], row["wb"]}:
            assert f"{spelling} " in row["source"], (spelling, row["source"])


# (variant, canonical) — same canonical under both standards (orthographic rows)
ORTHOGRAPHIC = [
    ("পরিস্কার", "পরিষ্কার"),
    ("নিস্ক্রিয়", "নিষ্ক্রিয়"),
    ("সংষ্কার", "সংস্কার"),
    ("উর্ধ্বতন", "ঊর্ধ্বতন"),
    ("উর্ধ্বগতি", "ঊর্ধ্বগতি"),
    ("উর্ধ্বমুখী", "ঊর্ধ্বমুখী"),
    ("ভাংচুর", "ভাঙচুর"),
    ("ব্যাথা", "ব্যথা"),
    ("প্রত্যাখান", "প্রত্যাখ্যান"),
    ("শ্লোগান", "স্লোগান"),
    ("সত্বেও", "সত্ত্বেও"),
    ("পুরষ্কৃত", "পুরস্কৃত"),
    ("ক্ষতিগ্রস্থ", "ক্ষতিগ্রস্ত"),
    ("কাঙ্খিত", "কাঙ্ক্ষিত"),
    ("বৃটিশ", "ব্রিটিশ"),
    ("আর্ন্তজাতিক", "আন্তর্জাতিক"),
    # ছোটো -> ছোট was dropped after held-out part 3: ছোটো, like বড়ো, is an academy-sanctioned spelling
    ("স্বপরিবারে", "সপরিবারে"),
    ("গুরুত্বর", "গুরুতর"),
    ("বিদ্যুত", "বিদ্যুৎ"),
    ("অর্থাত", "অর্থাৎ"),
    ("সাক্ষাত", "সাক্ষাৎ"),
    ("সাক্ষাতকার", "সাক্ষাৎকার"),
    ("কতো", "কত"),
    ("কতোটা", "কতটা"),
    ("যতো", "যত"),
    ("সফটওয়ার", "সফটওয়্যার"),
    ("ফ্রাঞ্চাইজি", "ফ্র্যাঞ্চাইজি"),
    ("পারফরমেন্স", "পারফরম্যান্স"),
    ("ট্যুইট", "টুইট"),
    ("জুডিসিয়াল", "জুডিশিয়াল"),
    ("জাতীর", "জাতির"),
    ("সীল", "সিল"),
    ("পরিস্কারভাবে", "পরিষ্কারভাবে"),
    ("যতোটুকু", "যতটুকু"),
    ("দায়ীত্ব", "দায়িত্ব"),
]


@pytest.mark.parametrize("variant, canonical", ORTHOGRAPHIC)
@pytest.mark.parametrize("standard", ["bd", "wb"])
def test_orthographic_variant_to_canonical(variant, canonical, standard):
    text = f"খবরে {variant} শব্দটি আছে"
    assert unify_spelling(text, standard=standard) == f"খবরে {canonical} শব্দটি আছে"
    # the canonical is a fixed point
    assert unify_spelling(canonical, standard=standard) == canonical


@pytest.mark.parametrize(
    "variant, canonical",
    [
        ("ভাংচুরের", "ভাঙচুরের"),
        ("ক্ষতিগ্রস্থদের", "ক্ষতিগ্রস্তদের"),
        ("সংষ্কারের", "সংস্কারের"),
        ("ব্যাথায়", "ব্যথায়"),
        ("উর্ধ্বে", "ঊর্ধ্বে"),
        ("শ্লোগানকে", "স্লোগানকে"),
        ("বৃটিশরা", "ব্রিটিশরা"),
        ("সাক্ষাতকারে", "সাক্ষাৎকারে"),
        ("পারফরমেন্সের", "পারফরম্যান্সের"),
        ("ট্যুইটে", "টুইটে"),
        ("গুরুত্বরভাবে", "গুরুত্বরভাবে"),  # not a suffix: left as written
    ],
)
@pytest.mark.parametrize("standard", ["bd", "wb"])
def test_inflected_forms(variant, canonical, standard):
    assert unify_spelling(variant, standard=standard) == canonical
    found = find_variants(variant, standard=standard)
    assert [v.kind for v in found] == (["orthographic"] if variant != canonical else [])


def test_regional_konobhabe_with_emphatic_i():
    assert unify_spelling("কোনওভাবেই মানা যায় না", standard="bd") == "কোনোভাবেই মানা যায় না"
    assert unify_spelling("কোনোভাবেই মানা যায় না", standard="wb") == "কোনওভাবেই মানা যায় না"
    assert unify_spelling("কোনোভাবে হলেও", standard="wb") == "কোনওভাবে হলেও"
    assert unify_spelling("কোনোভাবেই", standard="bd") == "কোনোভাবেই"


@pytest.mark.parametrize(
    "text",
    [
        "সাক্ষর মানুষ আর চুক্তিতে স্বাক্ষর",  # literate / signature: different words
        "বড়ো জনগোষ্ঠী আর বড়োল্যান্ড",  # the Bodo people: বড়ো is left out (not a row)
        "ছোটোখাটো ঘটনা",  # compound left as written (ছোটো is a fixed row)
        "ব্যাথার্স্ট শহর",  # Bathurst: -র্স্ট is no suffix
        "সংষ্কারক আর নিস্ক্রিয়তা",  # derived words are not table forms
        "দামের ঊর্ধ্বগতি আর উচ্চ হার",  # canonicals stay
        "কোনো না কোনো দিন",  # কোনো alone is another row; here nothing of this section
        "মো. উজ্জল হোসেন",  # উজ্জল is also a given name: left out (no row)
        "বিদ্যুতের দাম আর বিদ্যুতে চলা গাড়ি",  # ৎ+vowel suffix is spelled ত: correct, untouched
        "সাক্ষাতের সময় আর সাক্ষাতে কথা",  # likewise (সাক্ষাত is a fixed row)
        "কতোটুকু আর যতোটা",  # fixed rows: longer tokens are not matched
        "জাতীয় সংসদ আর জাতীয়তা",  # -ীয় adjective: never জাতী+য়
        "শীল পদবি আর সিলেট",  # শীল (a surname) and সিলেট are other words
    ],
)
@pytest.mark.parametrize("standard", ["bd", "wb"])
def test_look_alikes_unchanged_by_this_section(text, standard):
    forms = {U(r["form"]) for r in session_rows() if r["form"] != r["bd"] or r["form"] != r["wb"]}
    forms |= {"কোনোভাবে", "কোনওভাবে"}
    touched = [v for v in find_variants(U(text), standard=standard) if U(v.form) in forms]
    assert touched == []


@pytest.mark.parametrize("standard", ["bd", "wb"])
def test_sentence_with_several_rows(standard):
    text = "বৃটিশ আমলের ভবনে ভাংচুর, ক্ষতিগ্রস্থ দোকান; পরিস্কার বার্তা সত্বেও"
    want = "ব্রিটিশ আমলের ভবনে ভাঙচুর, ক্ষতিগ্রস্ত দোকান; পরিষ্কার বার্তা সত্ত্বেও"
    assert unify_spelling(text, standard=standard) == want


@pytest.mark.parametrize(
    "bd, wb",
    [
        ("দেয়াল", "দেওয়াল"),
        ("দেয়ালে", "দেওয়ালে"),
        ("দেয়ালগুলো", "দেওয়ালগুলো"),
        ("ঝড়ো হাওয়া", "ঝোড়ো হাওয়া"),
        ("সিঙ্গেল", "সিঙ্গল"),
    ],
)
def test_regional_words_follow_each_press(bd, wb):
    assert unify_spelling(wb, standard="bd") == bd
    assert unify_spelling(bd, standard="wb") == wb
    assert unify_spelling(bd, standard="bd") == bd
    assert unify_spelling(wb, standard="wb") == wb


@pytest.mark.parametrize("standard", ["bd", "wb"])
def test_loanword_rows(standard):
    assert unify_spelling("ফেইসবুকে লিখেছেন", standard=standard) == "ফেসবুকে লিখেছেন"
    assert unify_spelling("জানাযা শেষে", standard=standard) == "জানাজা শেষে"


@pytest.mark.parametrize("text", ["দেওয়ালির আলো", "দেওয়ালী উৎসব", "সিঙ্গলস ফাইনাল", "ঝড়োগতিতে", "বড়ো জনগোষ্ঠী", "গেইট অ্যানালিসিস"])
@pytest.mark.parametrize("standard", ["bd", "wb"])
def test_regional_look_alikes_unchanged(text, standard):
    assert unify_spelling(text, standard=standard) == text


@pytest.mark.parametrize("standard", ["bd", "wb"])
def test_given_name_ujjal_is_not_rewritten(standard):
    # উজ্জল was left out because it is a frequent given name in the BD press
    assert unify_spelling("মো. উজ্জল হোসেন বলেন", standard=standard) == "মো. উজ্জল হোসেন বলেন"
