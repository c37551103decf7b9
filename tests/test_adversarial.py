"""Small adversarial inputs (issue 7): no function raises, and output stays bounded.

The inputs are the ones ``benchmarks/bench_adversarial.py`` times at 1 MB
(brackets, digits, ordinals, joiners, marks without a base, one long token,
alternating scripts, a line without spaces ...), here at 10,000 characters so
the file runs in seconds.  Nothing is timed: the benchmark checks scaling.
"""

from __future__ import annotations

import pytest

import bnnorm
from bnnorm import dates, glosses, spelling

#: Growth bound, as in test_properties.GROWTH (NFC's worst case is 3x).
GROWTH = 3
SIZE = 10_000

UNITS = {
    "open parens": "(",
    "close parens": ")",
    ")((": ")((",
    "Bengali digits": "১২৩৪৫৬৭৮৯০",
    "ASCII digits and separators": "1,2.3:4/5-",
    "১লা + space": "১লা ",
    "ZWJ": "\u200d",
    "ZWNJ + virama": "\u200c\u09cd",
    "marks without a base": "\u09be\u09bf\u09cd\u09bc\u0981\u09c7\u09d7",
    "one token": "চিনেরবেজিংয়েশ্রেণী",
    "alternating scripts": "কaখb১1গ(",
    "line without spaces": "চিনের,২০ডিসেম্বর২০২৫(Xi)।রাত১০টা৩০মিনিটে|",
    "glosses chained": "শি (Xi) ",
    "nested brackets": "শি ((Xi (Jin) ping)) ",
    "month words": "ডিসেম্বর ",
    "period words": "অপরাহ্ন ",
    "ta virama ZWJ": "ত্\u200d",
    "spaces and NBSP": " \u00a0\u2009 ",
    "newlines": "\n\r\n\u2028",
    "invisibles": "\u200b\ufeff\u00ad\u200e",
    "emoji ZWJ sequence": "👨\u200d👩\u200d👧",
    "composition exclusions": "\u09df\u09dc\ufb2c",
}

FUNCTIONS = {
    "fix_unicode": bnnorm.fix_unicode,
    "convert_digits": bnnorm.convert_digits,
    "convert_digits(bengali)": lambda t: bnnorm.convert_digits(t, to="bengali"),
    "normalize_dates": bnnorm.normalize_dates,
    "unify_spelling": bnnorm.unify_spelling,
    "strip_glosses": bnnorm.strip_glosses,
    "normalize": bnnorm.normalize,
}

FINDERS = {
    "find_dates": dates.find_dates,
    "find_times": dates.find_times,
    "find_variants": spelling.find_variants,
    "find_glosses": glosses.find_glosses,
}


def build(unit: str, size: int = SIZE) -> str:
    return unit * (-(-size // len(unit)))


@pytest.mark.parametrize("kind", list(UNITS))
@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_stage_survives_and_stays_bounded(name: str, kind: str) -> None:
    text = build(UNITS[kind])
    out = FUNCTIONS[name](text)
    assert isinstance(out, str)
    assert len(out) <= GROWTH * len(text)


@pytest.mark.parametrize("kind", list(UNITS))
@pytest.mark.parametrize("name", list(FINDERS))
def test_finder_survives_and_reports_spans_inside(name: str, kind: str) -> None:
    text = build(UNITS[kind])
    found = FINDERS[name](text)
    assert isinstance(found, list)
    assert len(found) <= len(text)
    for m in found:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("kind", list(UNITS))
def test_alignment_survives(kind: str) -> None:
    text = build(UNITS[kind], 2_000)
    out, al = bnnorm.normalize_with_alignment(text)
    assert out == bnnorm.normalize(text)
    a, b = al.to_input(0, len(out))
    assert 0 <= a <= b <= len(text)
    steps = bnnorm.explain(text)
    assert (steps[-1].after if steps else text) == out


def test_growth_example_is_real() -> None:
    # The bound is not slack: NFC turns U+FB2C into three characters.
    assert len(bnnorm.fix_unicode(build("\ufb2c", 10))) == 30


def test_corpus_soak_never_raises_and_is_idempotent(corpus_dir) -> None:
    """Every line of ../shared/corpus (skipped when absent): ``normalize`` raises
    nothing, is idempotent and leaves no Bengali digit (issue 2's soak bar;
    ``benchmarks/soak.py`` checks more, and the alignment, on the same lines)."""
    import regex

    bengali_digit = regex.compile("[০-৯]")
    problems: list[str] = []
    lines = 0
    for path in sorted(corpus_dir.glob("*.txt")):
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                x = line.rstrip("\n")
                lines += 1
                try:
                    y = bnnorm.normalize(x)
                except Exception as exc:  # noqa: BLE001 - reported below
                    problems.append(f"{path.name}:{lineno}: {type(exc).__name__}: {exc}")
                    continue
                if bnnorm.normalize(y) != y:
                    problems.append(f"{path.name}:{lineno}: not idempotent")
                m = bengali_digit.search(y)
                if m:
                    problems.append(f"{path.name}:{lineno}: Bengali digit left at {m.start()}")
    assert lines > 1000
    assert not problems, f"{len(problems)} problem(s), first: {problems[:5]}"
