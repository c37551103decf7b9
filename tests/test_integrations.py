"""pandas, polars, Hugging Face datasets, Dask (two-worker local cluster) and the quick-start notebook.

Each integration is an optional extra: its tests skip when the library is
not installed.  Nothing downloads.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

import bnnorm

REPO = Path(__file__).resolve().parent.parent
TEXTS = [
    "শনিবার, ২০ ডিসেম্বর ২০২৫, ৬ পৌষ ১৪৩২ বঙ্গাব্দ",
    None,
    "চিনের প্রেসিডেন্ট (Xi Jinping) রাত ৯টায় বেজিংয়ে",
    "কোনো তারিখ নেই",
]


def expected(options: dict | None = None) -> list:
    return [None if t is None else bnnorm.normalize(t, **(options or {})) for t in TEXTS]


def test_import_bnnorm_loads_no_heavy_module() -> None:
    code = (
        "import sys, bnnorm, bnnorm.batch\n"
        "heavy = ('pandas', 'polars', 'pyarrow', 'datasets', 'dask', 'distributed', 'tqdm', 'numpy')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


# -- pandas ---------------------------------------------------------------------------


def test_pandas_accessor_normalize_keeps_index_name_and_missing() -> None:
    pd = pytest.importorskip("pandas")
    import bnnorm.pandas  # noqa: F401  (registers .bn)

    s = pd.Series(TEXTS + [pd.NA], index=[10, 20, 30, 40, 50], name="text", dtype=object)
    out = s.bn.normalize()
    assert list(out.index) == [10, 20, 30, 40, 50] and out.name == "text"
    assert out.tolist()[:4] == expected() and out.iloc[1] is None and out.iloc[4] is pd.NA
    assert s.bn.normalize(digits="bengali", jobs=2, chunksize=1).tolist()[:4] == expected({"digits": "bengali"})
    df = pd.DataFrame({"text": pd.Series(TEXTS, dtype="string")})
    clean = df["text"].bn.normalize()
    assert clean.dtype == df["text"].dtype
    assert clean.isna().tolist() == [False, True, False, False]


def test_pandas_find_dates_is_a_tidy_frame() -> None:
    pd = pytest.importorskip("pandas")
    import bnnorm.pandas  # noqa: F401

    s = pd.Series(TEXTS, index=["a", "b", "c", "d"])
    dates = s.bn.find_dates()
    assert list(dates.columns[:5]) == ["row", "start", "end", "text", "value"]
    assert dates["row"].tolist() == ["a", "a"]
    assert dates["value"].tolist() == [dt.date(2025, 12, 20), dt.date(2025, 12, 21)]
    first = dates.iloc[0]
    assert TEXTS[0][first["start"] : first["end"]] == first["text"]
    assert "calendar" in dates.columns and "weekday_consistent" in dates.columns
    times = s.bn.find_times()
    assert times["row"].tolist() == ["c"] and times["value"].tolist() == [dt.time(21, 0)]
    empty = pd.Series(["কিছু নেই", None]).bn.find_dates()
    assert len(empty) == 0 and list(empty.columns) == ["row", "start", "end", "text", "value"]


def test_pandas_explain_frame() -> None:
    pd = pytest.importorskip("pandas")
    import bnnorm.pandas  # noqa: F401

    frame = pd.Series(["২০২৫ সালে", None]).bn.explain(dates="keep")
    assert frame.to_dict("records") == [
        {"row": 0, "stage": "digits", "rule": "bengali_digits_to_ascii", "before": "২০২৫", "after": "2025"}
    ]


# -- polars ---------------------------------------------------------------------------


def test_polars_expression_and_series_namespace() -> None:
    pl = pytest.importorskip("polars")
    import bnnorm.polars  # noqa: F401  (registers .bn)

    df = pl.DataFrame({"id": [1, 2, 3, 4], "text": TEXTS})
    out = df.with_columns(pl.col("text").bn.normalize(standard="wb"))
    assert out.get_column("text").to_list() == expected({"standard": "wb"})
    assert out.get_column("id").to_list() == [1, 2, 3, 4]
    # the recipe without the namespace
    recipe = df.select(pl.col("text").map_batches(bnnorm.polars.normalize_series, return_dtype=pl.String))
    assert recipe.get_column("text").to_list() == expected()
    bound = df.select(pl.col("text").map_batches(bnnorm.polars.normalizer(digits="bengali"), return_dtype=pl.String))
    assert bound.get_column("text").to_list() == expected({"digits": "bengali"})
    with pytest.raises(ValueError, match="allowed"):
        pl.col("text").bn.normalize(digits="roman")
    lazy = df.lazy().with_columns(clean=pl.col("text").bn.normalize()).collect()
    assert lazy.get_column("clean").to_list() == expected()
    assert df.get_column("text").bn.normalize().to_list() == expected()
    # pipeline= and mp_context= are accepted by the expression as by normalize_many (was: TypeError)
    pipe = bnnorm.make_pipeline(standard="wb")
    by_pipeline = df.select(pl.col("text").bn.normalize(pipeline=pipe, mp_context="spawn"))
    assert by_pipeline.get_column("text").to_list() == expected({"standard": "wb"})
    with pytest.raises(TypeError, match="not both"):
        pl.col("text").bn.normalize(pipeline=pipe, standard="bd")


def test_polars_find_dates() -> None:
    pl = pytest.importorskip("polars")
    import bnnorm.polars  # noqa: F401

    dates = pl.Series("text", TEXTS).bn.find_dates()
    assert dates.columns[:5] == ["row", "start", "end", "text", "value"]
    assert dates.get_column("row").to_list() == [0, 0]
    assert dates.get_column("value").to_list() == [dt.date(2025, 12, 20), dt.date(2025, 12, 21)]
    assert pl.Series("t", ["নেই"]).bn.find_dates().height == 0


# -- Hugging Face datasets ----------------------------------------------------------------


def test_datasets_map_batched_with_num_proc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    from datasets import Dataset, disable_progress_bars

    import bnnorm.hf

    disable_progress_bars()
    ds = Dataset.from_dict({"id": list(range(8)), "text": TEXTS * 2})
    out = ds.map(bnnorm.hf.normalize_batch, batched=True, batch_size=3, num_proc=2)
    assert list(out["text"]) == expected() * 2
    assert list(out["id"]) == list(range(8))
    opts = ds.map(
        bnnorm.hf.normalize_batch,
        batched=True,
        fn_kwargs={"output_column": "clean", "digits": "bengali"},
    )
    assert list(opts["clean"]) == expected({"digits": "bengali"}) * 2 and list(opts["text"]) == TEXTS * 2
    bound = ds.map(bnnorm.hf.normalizer(standard="wb"), batched=True, num_proc=2)
    assert list(bound["text"]) == expected({"standard": "wb"}) * 2


def test_hf_normalize_batch_errors() -> None:
    import bnnorm.hf

    with pytest.raises(KeyError, match="no column 'body'"):
        bnnorm.hf.normalize_batch({"text": ["x"]}, column="body")
    with pytest.raises(ValueError, match="allowed"):
        bnnorm.hf.normalize_batch({"text": ["x"]}, digits="roman")


# -- Dask on a local distributed cluster of two worker processes ------------------------------


@pytest.fixture(scope="module")
def dask_client():
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, memory_limit="1GiB"
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def test_dask_bag_on_two_workers(dask_client) -> None:
    import dask.bag as db

    import bnnorm.dask

    texts = TEXTS * 25
    bag = db.from_sequence(texts, npartitions=10)
    result = bnnorm.dask.normalize_bag(bag, standard="wb").compute()
    assert result == expected({"standard": "wb"}) * 25
    # Each worker built the pipeline for these options at most once, however
    # many of the 10 partitions it ran (make_pipeline's per-process cache).
    info = dask_client.run(_worker_cache_info)
    assert len(info) == 2
    assert all(misses <= 1 for _hits, misses in info.values())
    assert sum(hits + misses for hits, misses in info.values()) >= 10
    with pytest.raises(ValueError, match="allowed"):
        bnnorm.dask.normalize_bag(bag, digits="roman")


def _worker_cache_info() -> tuple[int, int]:
    from bnnorm.normalize import _pipeline

    info = _pipeline.cache_info()
    return info.hits, info.misses


def test_dask_tables_load_once_per_worker(dask_client) -> None:
    import dask.bag as db

    from bnnorm.pipeline import Pipeline
    from counting_stage import counting_stage

    pipe = Pipeline([counting_stage(tag="d")])
    bag = db.from_sequence([str(i) for i in range(60)], npartitions=12)
    out = bag.map_partitions(lambda part: [pipe(t) for t in part]).compute()
    loads = {r.split(":")[1] for r in out}
    assert loads == {"1"}
    assert [r.split(":", 3)[3] for r in out] == [str(i) for i in range(60)]


def test_dask_dataframe_column(dask_client) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    import bnnorm.dask

    pdf = pd.DataFrame({"id": range(40), "text": pd.Series(TEXTS * 10, dtype=object)})
    ddf = dd.from_pandas(pdf, npartitions=4)
    ddf["text"] = bnnorm.dask.normalize_series(ddf["text"])
    out = ddf.compute()
    got = [None if not isinstance(t, str) else t for t in out["text"].tolist()]
    assert got == expected() * 10
    assert out["id"].tolist() == list(range(40))


# -- the quick-start notebook --------------------------------------------------------------


def test_quickstart_notebook_runs(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    nb = nbformat.read(REPO / "examples" / "quickstart.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, startup_timeout=120, kernel_name="python3", resources={"metadata": {"path": str(REPO / "examples")}}
    )
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "the notebook draws its chart"
