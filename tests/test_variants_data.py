"""The spelling-variant data files (docs/variants-data.md): coverage, evidence, traps, examples.

The matcher itself is tested in test_spelling.py; these tests check the data
in data/variants/{orthography,places,names,calendar}.tsv.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

import pytest

from bnnorm.script import load_table
from bnnorm.spelling import find_variants, load_variants, unify_spelling, variant_table

DATA_FILES = ("orthography.tsv", "places.tsv", "names.tsv", "names_asia_africa.tsv", "calendar.tsv")
COLUMNS = ("form", "bd", "wb", "kind", "class", "source")


def U(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def rows(name: str):
    return load_table(f"variants/{name}", COLUMNS)


def test_tables_load_and_validate():
    table = load_variants()
    for name in DATA_FILES:
        assert any(e.where.startswith(f"variants/{name}:") for e in table.entries.values()), name


def test_coverage_at_least_1500_rows_over_500_headwords():
    all_rows = [r for name in DATA_FILES for r in rows(name)]
    headwords = {(r["bd"], r["wb"]) for r in all_rows}
    assert len(all_rows) >= 1500
    assert len(headwords) >= 500


def test_every_file_has_rows_of_its_own():
    minimum = {"orthography.tsv": 1000, "places.tsv": 200, "names.tsv": 90, "names_asia_africa.tsv": 20, "calendar.tsv": 30}
    for name, n in minimum.items():
        assert len(rows(name)) >= n, name


def test_every_row_cites_evidence_for_every_spelling_of_its_headword():
    """source = 'corpus <spelling> BD/WB, ...; rule or style' naming each spelling of the headword."""
    for name in DATA_FILES:
        groups = defaultdict(list)
        for r in rows(name):
            groups[(r["bd"], r["wb"])].append(r)
        for (bd, wb), group in groups.items():
            for r in group:
                src = r["source"]
                assert src.startswith("corpus "), r.where
                for spelling in {bd, wb} | {g["form"] for g in group}:
                    assert f"{spelling} " in src, f"{r.where}: {spelling!r} has no evidence in the source"


def test_each_headword_has_a_variant():
    for name in DATA_FILES:
        groups = defaultdict(set)
        for r in rows(name):
            groups[(r["bd"], r["wb"])].add(r["form"])
        for (bd, wb), forms in groups.items():
            if forms == {bd} == {wb} and any(bd in pair and pair != (bd, wb) for pair in groups):
                # a spelling kept under both standards because one press is split (কিয়েভ: wb
                # keeps কিয়েভ and কিভ): its variant is the other spelling's row
                continue
            assert forms - {bd, wb} or bd != wb, f"{name}: {bd}/{wb} has no variant"


# Words that must never be a table form: other words that look like variants
# (research/variants.md §4, docs/variants-data.md "Left out on purpose").
NEVER_FORMS = [U(w) for w in (
    "জ্যেষ্ঠ", "সফর", "রজব", "ইসরাইল", "শরীফ", "শরিফ", "আলী", "আলি", "রশিদ", "রশীদ",
    "নীল", "নিল", "দীন", "দিন", "ভারী", "ভারি", "তীর", "তির", "টীকা", "টিকা", "বীর",
    "নীচ", "নিচু", "অসম", "রাজবাড়ি", "ক্যারিয়ার", "ইষ্ট", "কস্ট", "রাষ্ট্র", "কষ্ট", "দৃষ্টি",
    "জাতীয়", "দেশীয়", "ইতালীয়", "ভারতীয়", "নদী", "মন্ত্রী", "প্রাচীন", "সমীচীন",
    "আওয়ামী", "লীগ", "ইসলামী", "পল্লী", "নাটো", "ইদানিং", "কি", "কী",
)]


@pytest.mark.parametrize("word", NEVER_FORMS)
def test_trap_words_are_not_variant_forms(word):
    table = variant_table()
    entry = table.entries.get(word)
    assert entry is None or (entry.bd == word and entry.wb == word), f"{word!r} would be rewritten ({entry.where})"


def test_no_iya_adjective_loses_its_ii():
    for name in DATA_FILES:
        for r in rows(name):
            for col in ("bd", "wb"):
                if r["form"].endswith(U("ীয়")):
                    assert r[col].endswith(U("ীয়")), r.where


def test_sanskrit_words_are_not_moved_to_hrasva():
    # তৎসম ী stays: the ি spelling is the variant, never the canonical.
    for word, variant in (("আইনজীবী", "আইনজীবি"), ("সহকারী", "সহকারি"), ("বিরোধী", "বিরোধি"),
                          ("শারীরিক", "শারিরীক"), ("পরবর্তী", "পরবর্তি")):
        for std in ("bd", "wb"):
            assert unify_spelling(U(word), standard=std) == U(word)
            assert unify_spelling(U(variant), standard=std) == U(word)


# Examples per file: (text, bd, wb) -- own sentences, not corpus text.
EXAMPLES = [
    # orthography: ী→ি in অতৎসম words, both standards
    ("সরকারী অফিসে জরুরী বৈঠক", "সরকারি অফিসে জরুরি বৈঠক", "সরকারি অফিসে জরুরি বৈঠক"),
    ("বিদেশী কোম্পানীর দাবী", "বিদেশি কোম্পানির দাবি", "বিদেশি কোম্পানির দাবি"),
    # ঙ/ং: regional and BA
    ("গভীর সঙ্কটে ব্যাংক", "গভীর সংকটে ব্যাংক", "গভীর সঙ্কটে ব্যাঙ্ক"),
    ("আশংকা ও আতংক", "আশঙ্কা ও আতঙ্ক", "আশঙ্কা ও আতঙ্ক"),
    # ষ/স in loanwords
    ("ষ্টেশন থেকে পোষ্ট অফিস", "স্টেশন থেকে পোস্ট অফিস", "স্টেশন থেকে পোস্ট অফিস"),
    # regional function words (fixed)
    ("কোনো খবর এখনো আসেনি", "কোনো খবর এখনো আসেনি", "কোনও খবর এখনও আসেনি"),
    ("নীচে ভিডিয়ো দেখুন", "নিচে ভিডিও দেখুন", "নীচে ভিডিয়ো দেখুন"),
    ("ডেঙ্গি বাড়ছে", "ডেঙ্গু বাড়ছে", "ডেঙ্গি বাড়ছে"),
    # places
    ("মায়ানমার ও মিশরের পথে", "মিয়ানমার ও মিসরের পথে", "মায়ানমার ও মিশরের পথে"),
    ("জাতিসংঘের বৈঠকে", "জাতিসংঘের বৈঠকে", "রাষ্ট্রপুঞ্জের বৈঠকে"),
    ("নারায়নগঞ্জ থেকে টাংগাইল", "নারায়ণগঞ্জ থেকে টাঙ্গাইল", "নারায়ণগঞ্জ থেকে টাঙ্গাইল"),
    ("মুম্বইয়ের দল", "মুম্বাইয়ের দল", "মুম্বইয়ের দল"),
    # names
    ("খামেনি বললেন", "খামেনি বললেন", "খামেনেই বললেন"),
    ("শেহবাজ শরীফের সফর", "শাহবাজ শরিফের সফর", "শাহবাজ শরিফের সফর"),
    ("রোনাল্ডো ও নেমার", "রোনালদো ও নেইমার", "রোনাল্ডো ও নেমার"),
    ("এরদোগানের সঙ্গে ম্যাক্রোন", "এরদোয়ানের সঙ্গে ম্যাক্রোঁ", "এরদোয়ানের সঙ্গে ম্যাক্রোঁ"),
    ("গুটারেসকে চিঠি", "গুতেরেসকে চিঠি", "গুতেরেসকে চিঠি"),
    ("সুনাকের পরে স্টার্মার", "সুনাকের পরে স্টারমার", "সুনকের পরে স্টারমার"),
    ("মারাদোনার গোল", "ম্যারাডোনার গোল", "মারাদোনার গোল"),
    ("পেজ়েশকিয়ানের সফর", "পেজেশকিয়ানের সফর", "পেজেশকিয়ানের সফর"),
    # a phrase whose last word changes class: the genitive follows the new ending
    ("সৌরভ গঙ্গোপাধ্যায়ের মন্তব্য", "সৌরভ গাঙ্গুলির মন্তব্য", "সৌরভ গঙ্গোপাধ্যায়ের মন্তব্য"),
    ("মমতা ব্যানার্জির সভা", "মমতা বন্দ্যোপাধ্যায়ের সভা", "মমতা বন্দ্যোপাধ্যায়ের সভা"),
    ("হার্দিক পাণ্ড্যের বল", "হার্দিক পান্ডিয়ার বল", "হার্দিক পাণ্ড্যের বল"),
    ("শুভমনের শতরান, জাডেজাকে অভিনন্দন", "শুভমানের শতরান, জাদেজাকে অভিনন্দন", "শুভমনের শতরান, জাডেজাকে অভিনন্দন"),
    # calendar
    ("রবিবার, ১৫ অগাস্ট", "রোববার, ১৫ আগস্ট", "রবিবার, ১৫ অগস্ট"),
    ("ফেব্রুয়ারী মাসে রমযান", "ফেব্রুয়ারি মাসে রমজান", "ফেব্রুয়ারি মাসে রমজান"),
]


@pytest.mark.parametrize("text, bd, wb", EXAMPLES)
def test_examples(text, bd, wb):
    assert unify_spelling(U(text), standard="bd") == U(bd)
    assert unify_spelling(U(text), standard="wb") == U(wb)


# Look-alikes that must stay as written under both standards.
UNTOUCHED = [
    "দেশীয় পণ্য",            # -ীয় adjective, not দেশী + য়
    "নাটোরের বাজার",          # district, not নাটো + র
    "ব্যবসায়ীকে ফোন",         # ব্যবসায়ী + কে, not ব্যবসায়ীক + ে
    "নীল আকাশ আর দিন শেষ",
    "বয়সী মানুষ",             # unsettled বয়সী/বয়সি: not in the tables
    "তার ভবিষ্যতে",            # ভবিষ্যত is fixed: the inflected form is correct
    "সংকেত দিল",               # left out (WB split)
    "জ্যেষ্ঠ সচিব",
    "রাষ্ট্রের কষ্ট",
    "শচীন দেববর্মনের গান",     # শচীন is a Bengali given name: only টেন্ডুলকার/তেন্ডুলকর are rows
    "গাঙ্গুলি পরিবার",          # a surname alone: only the full name সৌরভ গাঙ্গুলি is a row
]


@pytest.mark.parametrize("text", UNTOUCHED)
def test_look_alikes_are_untouched(text):
    for std in ("bd", "wb"):
        assert unify_spelling(U(text), standard=std) == U(text)
        assert find_variants(U(text), standard=std) == []


def test_corpus_changes_are_mostly_known_families(corpus_dir):
    """On a slice of the BD corpus, every change comes from a row and keeps the suffix."""
    path = corpus_dir / "news-bd-ittefaq-01.txt"
    text = U("\n".join(path.read_text(encoding="utf-8").splitlines()[:40]))
    for v in find_variants(text, standard="bd"):
        assert v.canonical.endswith(v.suffix) or not v.suffix
