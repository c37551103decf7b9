"""The pipeline core: edits, passes, stages, alignment, explanations, argument checks."""

from __future__ import annotations

import pickle

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import bnnorm
from bnnorm.pipeline import (
    Alignment,
    Edit,
    Pass,
    Pipeline,
    Stage,
    apply_edits,
    callable_stage,
    check_choice,
    check_text,
    diff_edits,
    regex_pass,
)

# Bengali-heavy alphabet: letters, signs, virama, nukta, joiners, digits, spaces, Latin.
ALPHABET = "কখগচজতদনপবমযরলশসহড়য়অআইএওািীুেোৌ্ঃংঁ়\u200c\u200d০১২৫৯ ।,(abcXY 12"
texts = st.text(alphabet=ALPHABET, max_size=60)


@st.composite
def text_and_edits(draw):
    """A text and random sorted, non-overlapping edits on it (insertions, deletions, replacements)."""
    text = draw(texts)
    n = len(text)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=8)))
    edits = []
    pos = 0
    for i in range(0, len(cuts) - 1, 2):
        s, e = cuts[i], cuts[i + 1]
        if s < pos:
            continue
        edits.append(Edit(s, e, draw(st.text(alphabet=ALPHABET, max_size=5)), "r"))
        pos = e
    return text, edits


def _check_whole_span(text, out, al):
    """The whole output maps inside the input, onto all of it when nothing was deleted at the ends."""
    s, e = al.to_input(0, len(out))
    assert 0 <= s <= e <= len(text)
    s2, e2 = al.to_output(0, len(text))
    assert 0 <= s2 <= e2 <= len(out)


# --------------------------------------------------------------------------- edits


def test_apply_edits_examples():
    assert apply_edits("abcdef", [Edit(1, 3, "XY"), Edit(4, 4, "+"), Edit(5, 6, "")]) == "aXYd+e"
    assert apply_edits("abc", []) == "abc"


def test_apply_edits_rejects_overlap_and_range():
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(1, 3, "x"), Edit(2, 4, "y")])
    with pytest.raises(ValueError):
        apply_edits("abc", [Edit(2, 9, "x")])


@given(texts, texts)
def test_diff_edits_reproduces_target(a, b):
    assert apply_edits(a, diff_edits(a, b)) == b
    assert (diff_edits(a, b) == []) == (a == b)


# --------------------------------------------------------------------------- passes


def test_regex_pass_fast_path_equals_edit_path_and_skips_none():
    pat = regex.compile(r"[০-৯]+|x")
    p = regex_pass("d", pat, lambda m: None if m.group() == "x" else str(len(m.group())))
    text = "ab ১২৩ x ৯"
    assert p.apply(text) == apply_edits(text, p.edits(text)) == "ab 3 x 1"
    assert [e[:3] for e in p.edits(text)] == [(3, 6, "3"), (9, 10, "1")]


def test_regex_pass_prefilter_short_circuits():
    calls = []
    pat = regex.compile("a")
    p = regex_pass("a", pat, lambda m: calls.append(1) or "b", prefilter=lambda t: False)
    assert p.apply("aaa") == "aaa" and p.edits("aaa") == [] and not calls


# --------------------------------------------------------------------------- alignment


@given(text_and_edits())
def test_single_pass_alignment_properties(te):
    text, edits = te
    out = apply_edits(text, edits)
    al = Alignment.from_edits([(edits, len(text))])
    assert al.input_length == len(text) and al.output_length == len(out)
    _check_whole_span(text, out, al)
    # Characters outside every edit map one to one onto equal characters.
    covered = set()
    delta = 0
    for e in edits:
        for i in range(e.start + delta, e.start + delta + len(e.replacement)):
            covered.add(i)
        delta += len(e.replacement) - (e.end - e.start)
    for j in range(len(out)):
        s, t = al.to_input(j, j + 1)
        if j not in covered:
            assert (t - s) == 1 and text[s] == out[j]
            assert al.to_output(s, t) == (j, j + 1)


@given(texts, st.lists(st.lists(st.tuples(st.integers(0, 80), st.integers(0, 3), st.text(ALPHABET, max_size=3)), max_size=4), max_size=4))
@settings(max_examples=200)
def test_alignment_composes_across_passes(text, pass_specs):
    """Many passes of random edits: spans compose, round trips contain the original span."""
    passes = []
    for spec in pass_specs:

        def edits_for(t, spec=spec):
            out, pos = [], 0
            for start, length, rep in sorted(spec):
                s = min(start, len(t))
                e = min(s + length, len(t))
                if s < pos:
                    continue
                out.append(Edit(s, e, rep, "r"))
                pos = e
            return out

        passes.append(Pass("p", edits_for))
    pipe = Pipeline([Stage("s", tuple(passes))])
    out, al = pipe.normalize_with_alignment(text)
    assert out == pipe(text)
    _check_whole_span(text, out, al)
    prev = (0, 0)
    for i in range(len(out)):
        # every character's source lies inside the input, in order ...
        s, e = al.to_input(i, i + 1)
        assert 0 <= s <= e <= len(text)
        assert s >= prev[0] and e >= prev[1]
        prev = (s, e)
        # ... and the image of that source contains the character (unless it
        # was inserted from nothing: its source is then an empty span)
        if s < e:
            s2, e2 = al.to_output(s, e)
            assert s2 <= i and i + 1 <= e2
        # longer spans map inside the input too
        for j in range(i + 2, min(len(out), i + 4) + 1):
            s3, e3 = al.to_input(i, j)
            assert 0 <= s3 <= e3 <= len(text) and s3 <= s


def test_alignment_maps_a_rewritten_date_to_its_source():
    text = "আজ ২০ ডিসেম্বর ২০২৫ থেকে"
    date = "২০ ডিসেম্বর ২০২৫"
    s0 = text.index(date)

    def iso(t):
        i = t.find(date)
        return [] if i < 0 else [Edit(i, i + len(date), "2025-12-20", "iso")]

    pipe = Pipeline([Stage("dates", (Pass("iso", iso),)), bnnorm.digits.digits_stage()])
    out, al = pipe.normalize_with_alignment(text)
    assert out == "আজ 2025-12-20 থেকে"
    o = out.index("2025")
    assert al.to_input(o, o + 4) == (s0, s0 + len(date))  # an edit is atomic
    assert al.to_input(out.index("থেকে"), len(out)) == (text.index("থেকে"), len(text))
    assert al.to_output(0, 2) == (0, 2)


def test_alignment_rejects_spans_outside():
    al = Alignment.from_edits([([Edit(0, 1, "xy")], 3)])
    with pytest.raises(ValueError):
        al.to_input(0, 99)
    with pytest.raises(ValueError):
        al.to_output(2, 1)


def test_alignment_then_chains():
    a = Alignment.from_edits([([Edit(0, 1, "xy")], 3)])  # "abc" -> "xybc"
    b = Alignment.from_edits([([Edit(3, 4, "")], 4)])  # "xybc" -> "xyb"
    ab = a.then(b)
    assert ab.input_length == 3 and ab.output_length == 3
    assert ab.to_input(2, 3) == (1, 2)  # "b" came from "b"; the deleted "c" touches it, not taken
    assert ab.to_input(0, 1) == (0, 1)  # "x" is part of the edit a -> xy
    c = Alignment.from_edits([([Edit(0, 1, "")], 3)])  # "xyb" -> "yb"
    with pytest.raises(ValueError):
        c.then(a)


# --------------------------------------------------------------------------- pipeline


def test_explain_lists_changing_passes_in_order():
    up = callable_stage(str.upper, "upper")
    pipe = Pipeline([bnnorm.digits.digits_stage(), up])
    steps = pipe.explain("১২ ab")
    assert [(s.stage, s.before, s.after) for s in steps] == [("digits", "১২ ab", "12 ab"), ("upper", "12 ab", "12 AB")]
    assert steps[0].edits == (Edit(0, 2, "12", "bengali_digits_to_ascii"),)
    assert "'১২' -> '12'" in steps[0].describe()[0]
    assert pipe.explain("12 AB") == []


def test_explanation_and_alignment_come_from_the_same_edits():
    pipe = bnnorm.make_pipeline()
    text = "তারিখ ১২/১০ এবং ৩৪"
    out, al = pipe.normalize_with_alignment(text)
    steps = pipe.explain(text)
    assert out == pipe(text) == (steps[-1].after if steps else text)
    rebuilt = text
    for s in steps:
        assert s.before == rebuilt
        rebuilt = apply_edits(rebuilt, list(s.edits))
    assert rebuilt == out


def test_plain_callables_are_stages_and_pickle():
    pipe = Pipeline([str.strip, bnnorm.digits.digits_stage(to="ascii")])
    assert pipe("  ১ ") == "1"
    again = pickle.loads(pickle.dumps(pipe))
    assert again("  ২ ") == "2"


def test_default_pipeline_pickles_and_rebuilds():
    pipe = bnnorm.make_pipeline(digits="bengali")
    again = pickle.loads(pickle.dumps(pipe))
    assert [s.name for s in again.stages] == [s.name for s in pipe.stages]
    assert again("12") == pipe("12") == "১২"


def test_stage_without_recipe_refuses_to_pickle():
    with pytest.raises(TypeError, match="no recipe"):
        pickle.dumps(Stage("x", ()))


def test_pipeline_rejects_non_stages():
    with pytest.raises(TypeError):
        Pipeline([42])


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("bad", [b"abc", bytearray(b"x"), 3, None, ["a"]])
def test_type_errors_name_the_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        bnnorm.normalize(bad)
    with pytest.raises(TypeError):
        bnnorm.convert_digits(bad)


def test_bytes_error_says_decode():
    with pytest.raises(TypeError, match="decode"):
        check_text(b"x")


def test_value_errors_list_allowed_values():
    with pytest.raises(ValueError, match="'ascii', 'bengali'"):
        bnnorm.convert_digits("১", to="roman")
    with pytest.raises(ValueError, match="standard='xx'.*'bd', 'wb'"):
        bnnorm.normalize("x", standard="xx")
    with pytest.raises(TypeError, match="unexpected option"):
        bnnorm.normalize("x", colour="red")
    with pytest.raises(ValueError):
        check_choice("a", 1, (2, 3))


def test_boolean_switches():
    assert bnnorm.normalize("১২", digits=False) == "১২"
    assert bnnorm.normalize("১২", digits=True) == "12"
    with pytest.raises(ValueError):
        bnnorm.normalize("x", standard=True)


def test_unchanged_text_comes_back_as_is():
    s = "plain ascii text"
    assert bnnorm.convert_digits(s) is s
