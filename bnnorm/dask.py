"""Dask helpers: normalize a ``dask.bag`` or a dask dataframe column on a cluster.

``pip install 'bnnorm[dask]'``.  Each partition is normalized with
:func:`bnnorm.batch.normalize_many` inside the worker that holds it; the
pipeline is rebuilt from its options there (stages and tables are cached per
process), so every table loads once per worker process, however many
partitions it handles.

>>> import dask.bag as db
>>> import bnnorm.dask
>>> bag = db.from_sequence(["২০২৫ সালে", None, "১০টা"], npartitions=2)
>>> bnnorm.dask.normalize_bag(bag).compute(scheduler="sync")
['2025 সালে', None, '10টা']

A dataframe column::

    import dask.dataframe as dd
    ddf = dd.read_parquet("corpus/*.parquet")
    ddf["text"] = bnnorm.dask.normalize_series(ddf["text"], standard="wb")
    ddf.to_parquet("clean/")

which is the same as the recipe
``ddf["text"].map_partitions(lambda s: s.bn.normalize(), meta=ddf["text"])``
with ``import bnnorm.pandas`` in the workers.
"""

from __future__ import annotations

from typing import Any

from .batch import normalize_many

__all__ = ["normalize_bag", "normalize_series", "normalize_partition", "normalize_pandas_partition"]


def normalize_partition(partition: Any, options: dict[str, Any]) -> list[Any]:
    """Normalize one bag partition (an iterable of texts) with *options*."""
    return list(normalize_many(partition, **options))


def normalize_pandas_partition(series: Any, options: dict[str, Any]) -> Any:
    """Normalize one pandas Series partition, keeping its index, name and dtype."""
    import pandas as pd

    values = list(normalize_many(series.tolist(), **options))
    return pd.Series(values, index=series.index, name=series.name, dtype=series.dtype)


def normalize_bag(bag: Any, **options: Any) -> Any:
    """A ``dask.bag.Bag`` of normalized texts (lazy; ``None`` stays ``None``).

    *options* are those of :func:`bnnorm.normalize`.
    """
    _check(options)
    return bag.map_partitions(normalize_partition, options)


def normalize_series(series: Any, **options: Any) -> Any:
    """A dask dataframe ``Series`` of normalized texts (lazy; missing values stay missing)."""
    _check(options)
    return series.map_partitions(normalize_pandas_partition, options, meta=series._meta)


def _check(options: dict[str, Any]) -> None:
    # Fail on the client, at once, rather than in every task on the cluster.
    from .normalize import make_pipeline

    if "jobs" in options:
        raise TypeError("jobs= is not used with dask: the cluster's workers are the parallelism")
    make_pipeline(**options)
