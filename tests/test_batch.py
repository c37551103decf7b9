"""normalize_many: order, missing values, processes, bounded read-ahead, pickling, load-once."""

from __future__ import annotations

import itertools
import math
import multiprocessing
import pickle
from collections import Counter
from typing import Iterator

import pytest

import bnnorm
from bnnorm.batch import (
    is_missing,
    iter_matches,
    normalize_list,
    normalize_many,
    normalize_many_with_stats,
    resolve_jobs,
    stage_counts,
)
from bnnorm.pipeline import Pipeline

from counting_stage import counting_stage

TEXTS = [
    "শনিবার, ২০ ডিসেম্বর ২০২৫",
    "চিনের প্রেসিডেন্ট (Xi Jinping) বেজিংয়ে",
    "রাত ৯টায়\u00a0ফিরলেন ।",
    "",
    "plain English, 2025",
    "১,২৫,০০০ টাকা",
]


def many(n: int) -> list[str]:
    return [f"{TEXTS[i % len(TEXTS)]} {bnnorm.convert_digits(str(i), to='bengali')}" for i in range(n)]


def endless_ones(pulled: list[int]) -> Iterator[str]:
    """``"১"`` again and again, appending to *pulled* the index of each one read."""
    for i in itertools.count():
        pulled.append(i)
        if i > 100_000:  # a failing test must not run forever
            return
        yield "১"


# -- serial ------------------------------------------------------------------


def test_results_equal_normalize_in_input_order() -> None:
    texts = many(50)
    assert list(normalize_many(texts)) == [bnnorm.normalize(t) for t in texts]


def test_options_reach_the_pipeline() -> None:
    out = list(normalize_many(["২০২৫ সালে ১০টা"], digits="keep", dates="keep"))
    assert out == [bnnorm.normalize("২০২৫ সালে ১০টা", digits="keep", dates="keep")]
    assert "২০২৫" in out[0]


def test_none_nan_and_pandas_na_pass_through_unchanged() -> None:
    class NAType:  # what pandas.NA's type is called; pandas need not be installed
        pass

    na = NAType()
    nan = float("nan")
    out = list(normalize_many(["১", None, nan, na, "২"]))
    assert out[0] == "1" and out[4] == "2"
    assert out[1] is None and out[2] is nan and out[3] is na


def test_is_missing() -> None:
    assert is_missing(None) and is_missing(math.nan)
    assert not is_missing("") and not is_missing(0) and not is_missing(0.0)


@pytest.mark.parametrize("bad", [b"\xe0\xa6\x95", 5])
def test_non_text_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be str"):
        list(normalize_many(["ক", bad]))


def test_input_is_read_lazily() -> None:
    pulled: list[int] = []
    it = normalize_many(endless_ones(pulled), chunksize=10)
    assert next(it) == "1"
    assert len(pulled) <= 11  # one chunk (plus the look-ahead that ends it), not the endless input


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="chunksize"):
        normalize_many(["x"], chunksize=0)
    with pytest.raises(TypeError, match="unexpected option"):
        normalize_many(["x"], colour="red")
    with pytest.raises(TypeError, match="either pipeline"):
        normalize_many(["x"], pipeline=bnnorm.make_pipeline(), digits="keep")
    with pytest.raises(ValueError, match="allowed"):
        normalize_many(["x"], digits="roman")


def test_resolve_jobs() -> None:
    cpus = multiprocessing.cpu_count()
    assert resolve_jobs(3) == 3
    assert resolve_jobs(0) == cpus
    assert resolve_jobs(-1) == cpus
    with pytest.raises(TypeError):
        resolve_jobs(True)


def test_custom_pipeline() -> None:
    pipe = Pipeline([bnnorm.make_pipeline(digits="keep").stages[0], str.upper])
    assert normalize_list(["abc ১"], pipeline=pipe) == [pipe("abc ১")]


# -- processes ----------------------------------------------------------------


def test_jobs_2_equals_serial_in_order() -> None:
    texts = many(203) + [None]
    serial = list(normalize_many(texts, digits="bengali"))
    parallel = list(normalize_many(texts, jobs=2, chunksize=7, digits="bengali"))
    assert parallel == serial
    assert parallel[-1] is None


def test_parallel_read_ahead_is_bounded() -> None:
    pulled: list[int] = []
    it = normalize_many(endless_ones(pulled), jobs=2, chunksize=5)
    for _ in range(20):
        next(it)
    # at most 4 * jobs chunks in flight beyond what was consumed
    assert len(pulled) <= 20 + 4 * 2 * 5 + 5
    it.close()  # type: ignore[attr-defined]
    assert multiprocessing.active_children() == []


def test_worker_errors_reach_the_caller_and_workers_stop() -> None:
    with pytest.raises(TypeError, match="must be str"):
        list(normalize_many(["ক"] * 20 + [7], jobs=2, chunksize=3))
    assert multiprocessing.active_children() == []


def test_default_pipeline_pickles_and_runs_the_same() -> None:
    for options in ({}, {"standard": "wb", "calendar": "wb", "digits": "bengali"}, {"glosses": False}):
        pipe = bnnorm.make_pipeline(**options)
        clone = pickle.loads(pickle.dumps(pipe))
        assert [s.name for s in clone.stages] == [s.name for s in pipe.stages]
        for t in TEXTS:
            assert clone(t) == pipe(t) == bnnorm.normalize(t, **options)


def test_tables_load_once_per_worker_process() -> None:
    # spawn: workers start empty, so every load they report happened in them.
    pipe = Pipeline([counting_stage(tag="t")])
    texts = [str(i) for i in range(40)]
    out = list(normalize_many(texts, pipeline=pipe, jobs=2, chunksize=2, mp_context="spawn"))
    pids = Counter()
    for i, result in enumerate(out):
        pid, loads, tag, text = result.split(":")
        assert (tag, text) == ("t", str(i))
        assert loads == "1", "the table was loaded more than once in a worker"
        pids[pid] += 1
    assert 1 <= len(pids) <= 2 and sum(pids.values()) == 40
    assert str(multiprocessing.current_process().pid) not in pids  # not run in the parent


def test_progress_bar_uses_tqdm(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    out = list(normalize_many(["১", "২", "৩"], progress={"mininterval": 0, "file": None}))
    assert out == ["1", "2", "3"]
    assert "3/3" in capsys.readouterr().err


# -- stats and finders ----------------------------------------------------------


def test_stage_counts_match_explain() -> None:
    pipe = bnnorm.make_pipeline()
    for text in TEXTS:
        out, counts = stage_counts(pipe, text)
        assert out == pipe(text)
        steps = bnnorm.explain(text)
        assert sum(counts.values()) == sum(len(s.edits) for s in steps)
        assert set(k.split("/")[0] for k in counts) == {s.stage for s in steps}
    assert stage_counts(pipe, None) == (None, Counter())


def test_with_stats_in_workers_equals_serial() -> None:
    texts = many(30)
    serial = list(normalize_many_with_stats(texts))
    assert [o for o, _ in serial] == [bnnorm.normalize(t) for t in texts]
    assert list(normalize_many_with_stats(texts, jobs=2, chunksize=4)) == serial
    assert sum(c["digits/bengali_digits_to_ascii"] for _, c in serial) >= 30


def test_iter_matches_gives_positions_and_values() -> None:
    rows = list(iter_matches(["কিছু নেই", None, "শনিবার, ২০ ডিসেম্বর ২০২৫"], "dates"))
    assert len(rows) == 1
    position, fields = rows[0]
    assert position == 2
    assert fields["value"].isoformat() == "2025-12-20"
    assert (fields["start"], fields["end"]) == (0, len("শনিবার, ২০ ডিসেম্বর ২০২৫"))
    with pytest.raises(ValueError, match="allowed"):
        list(iter_matches(["x"], "colours"))


def test_library_objects_pickle() -> None:
    # What a worker sends back (matches, steps, alignments) must survive pickling.
    import datetime

    from bnnorm import calendar, dates, glosses, spelling

    text = "শনিবার, ২০ ডিসেম্বর ২০২৫ রাত ৯টায় চিনের প্রেসিডেন্ট শি জিনপিং (Xi Jinping)"
    objects: list = dates.find_dates(text) + dates.find_times(text) + spelling.find_variants(text) + glosses.find_glosses(text)
    objects += bnnorm.explain(text)
    objects.append(calendar.from_gregorian(datetime.date(2025, 12, 21)))
    assert len(objects) >= 6
    for obj in objects:
        assert pickle.loads(pickle.dumps(obj)) == obj
    out, alignment = bnnorm.normalize_with_alignment(text)
    clone = pickle.loads(pickle.dumps(alignment))
    for span in [(0, 3), (5, 10), (0, len(out))]:
        assert clone.to_input(*span) == alignment.to_input(*span)
