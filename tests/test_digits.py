"""Digits stage (SPEC §3.2)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bnnorm import convert_digits
from bnnorm.digits import digits_stage
from bnnorm.pipeline import apply_edits


@pytest.mark.parametrize(
    "text, expected",
    [
        ("২০২৫", "2025"),
        ("৮০তম বার্ষিকী", "80তম বার্ষিকী"),
        ("১০:৩১:১৮", "10:31:18"),
        ("১,২৩,৪৫৬ টাকা", "1,23,456 টাকা"),
        ("৩.৫ শতাংশ", "3.5 শতাংশ"),
        ("০১৭১১-১২৩৪৫৬", "01711-123456"),
        ("২০/১২/২০২৫", "20/12/2025"),
        ("mixed ১2৩", "mixed 123"),
    ],
)
def test_bengali_to_ascii(text, expected):
    assert convert_digits(text) == expected


@pytest.mark.parametrize("text", ["", "no digits here", "কোনো সংখ্যা নেই", "12 already ascii", "٣ arabic-indic", "३ devanagari"])
def test_leaves_non_bengali_digits_alone(text):
    assert convert_digits(text) == text


def test_to_bengali():
    assert convert_digits("2025 সালের 20 ডিসেম্বর", to="bengali") == "২০২৫ সালের ২০ ডিসেম্বর"
    assert convert_digits("৩ and 4", to="bengali") == "৩ and ৪"


@given(st.text(alphabet="0123456789০১২৩৪৫৬৭৮৯ কখa.,:-", max_size=80))
def test_inverse_on_digit_characters(text):
    ascii_ = convert_digits(text)
    assert not any(c in "০১২৩৪৫৬৭৮৯" for c in ascii_)
    bengali = convert_digits(ascii_, to="bengali")
    assert not any(c in "0123456789" for c in bengali)
    assert convert_digits(bengali) == ascii_
    # only digit characters change, one for one: lengths and non-digits are kept
    assert len(ascii_) == len(text) == len(bengali)
    for a, b in zip(text, ascii_):
        assert a == b or (a in "০১২৩৪৫৬৭৮৯" and b.isascii() and b.isdigit())


@given(st.text(max_size=80))
def test_fast_path_equals_edit_path(text):
    for to in ("ascii", "bengali"):
        (p,) = digits_stage(to=to).passes
        assert p.apply(text) == apply_edits(text, p.edits(text))


def test_megabyte_of_digits():
    text = "১" * 1_000_000
    assert convert_digits(text) == "1" * 1_000_000
