"""A polars ``.bn`` namespace on expressions and Series (``pip install 'bnnorm[polars]'``).

Importing this module registers it::

    >>> import polars as pl
    >>> import bnnorm.polars  # registers Expr.bn and Series.bn
    >>> df = pl.DataFrame({"text": ["২০২৫ সালে", None]})
    >>> df.with_columns(pl.col("text").bn.normalize()).get_column("text").to_list()
    ['2025 সালে', None]

Without the namespace, the same thing is one ``map_batches`` call::

    pl.col("text").map_batches(bnnorm.polars.normalize_series, return_dtype=pl.String)
    pl.col("text").map_batches(bnnorm.polars.normalizer(standard="wb"), return_dtype=pl.String)

Nulls stay null.  ``s.bn.find_dates()`` gives a tidy frame of matches
(``row`` = position in the Series, ``start``, ``end``, ``text``, ``value``,
then the finder's other fields).
"""

from __future__ import annotations

from typing import Any

try:
    import polars as pl
except ImportError as exc:  # an optional extra
    raise ImportError("bnnorm.polars needs polars: pip install 'bnnorm[polars]'") from exc

from .batch import _choose_pipeline, iter_matches, normalize_many

__all__ = ["normalize_series", "normalizer", "matches_frame", "BengaliExprNamespace", "BengaliSeriesNamespace"]


def normalize_series(series: pl.Series) -> pl.Series:
    """The Series normalized with the default options (same name, ``String`` dtype); nulls stay null.

    Takes one argument, so it can be given to ``map_batches`` as it is (polars
    passes extra keywords such as ``return_dtype`` to functions that accept
    ``**kwargs``); use :func:`normalizer` for options.
    """
    return _normalize(series, {})


def _normalize(series: pl.Series, options: dict[str, Any]) -> pl.Series:
    return pl.Series(series.name, list(normalize_many(series.to_list(), **options)), dtype=pl.String)


def normalizer(**options: Any) -> "_SeriesNormalizer":
    """A one-argument ``Series -> Series`` function with *options* bound, for ``map_batches``.

    *options* are those of :func:`bnnorm.normalize`, or ``pipeline=``, and the
    batch settings of :func:`bnnorm.batch.normalize_many` (``jobs``, ``chunksize``,
    ``progress``, ``mp_context``).
    """
    # Check the options now, as normalize_many will (a bad option fails when the query is
    # built, not inside polars): pipeline= or normalize() options, the rest are batch settings.
    batch_settings = ("jobs", "chunksize", "progress", "pipeline", "mp_context")
    _choose_pipeline(options.get("pipeline"), {k: v for k, v in options.items() if k not in batch_settings})
    return _SeriesNormalizer(options)


def matches_frame(series: pl.Series, kind: str, **options: Any) -> pl.DataFrame:
    """One row per match of finder *kind*: ``row, start, end, text, value, ...``."""
    rows = [{"row": position, **fields} for position, fields in iter_matches(series.to_list(), kind, **options)]
    if not rows:
        return pl.DataFrame(
            schema={"row": pl.Int64, "start": pl.Int64, "end": pl.Int64, "text": pl.String, "value": pl.Object}
        )
    # Values of mixed or unusual types (None beside dates) load as objects rather than failing.
    return pl.DataFrame(rows, infer_schema_length=None, strict=False)


@pl.api.register_expr_namespace("bn")
class BengaliExprNamespace:
    """``pl.col("text").bn``: Bengali normalization inside a polars query."""

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def normalize(self, **options: Any) -> pl.Expr:
        """An expression normalizing the column (nulls stay null); options as :func:`bnnorm.normalize`."""
        return self._expr.map_batches(normalizer(**options), return_dtype=pl.String, is_elementwise=True)


class _SeriesNormalizer:
    """Normalization with bound options, as a one-argument callable (see :func:`normalizer`)."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options

    def __call__(self, series: pl.Series) -> pl.Series:
        return _normalize(series, self.options)


@pl.api.register_series_namespace("bn")
class BengaliSeriesNamespace:
    """``series.bn``: normalization and tidy tables of matches."""

    def __init__(self, series: pl.Series) -> None:
        self._series = series

    def normalize(self, **options: Any) -> pl.Series:
        """The normalized Series; options as :func:`bnnorm.normalize` plus ``jobs``, ``chunksize``."""
        return _normalize(self._series, options)

    def find_dates(self, **options: Any) -> pl.DataFrame:
        """Dates as a tidy frame (``value`` = ``datetime.date``)."""
        return matches_frame(self._series, "dates", **options)

    def find_times(self, **options: Any) -> pl.DataFrame:
        """Times as a tidy frame (``value`` = ``datetime.time``)."""
        return matches_frame(self._series, "times", **options)

    def find_variants(self, **options: Any) -> pl.DataFrame:
        """Spelling variants as a tidy frame (``value`` = canonical spelling)."""
        return matches_frame(self._series, "variants", **options)

    def find_glosses(self, **options: Any) -> pl.DataFrame:
        """Glosses as a tidy frame (``value`` = the English)."""
        return matches_frame(self._series, "glosses", **options)
