"""A pandas ``.bn`` accessor: ``df["text"].bn.normalize()`` and tidy tables of matches.

Importing this module registers the accessor (pandas is an optional extra:
``pip install 'bnnorm[pandas]'``)::

    >>> import pandas as pd
    >>> import bnnorm.pandas  # registers Series.bn
    >>> s = pd.Series(["২০২৫ সালে", None, "১০টা"], index=[10, 11, 12])
    >>> s.bn.normalize().tolist()
    ['2025 সালে', nan, '10টা']

Missing values (``None``, ``NaN``, ``pd.NA``) stay missing (above, pandas
itself stored ``None`` as ``NaN`` in its string column); the index, name and
dtype of the Series are kept.  ``jobs=N`` spreads a large column over N
processes (see :func:`bnnorm.batch.normalize_many`).

Finders give one row per match -- the *row* it was found in (the Series'
index label), its span, its text and its *value* (a ``datetime.date`` for
dates, ``datetime.time`` for times, the canonical form for variants, the
English for glosses) -- followed by the finder's other fields::

    dates = df["text"].bn.find_dates()
    dates.merge(df, left_on="row", right_index=True)
"""

from __future__ import annotations

from typing import Any, Optional

try:
    import pandas as pd
except ImportError as exc:  # an optional extra
    raise ImportError("bnnorm.pandas needs pandas: pip install 'bnnorm[pandas]'") from exc

from .batch import DEFAULT_CHUNKSIZE, iter_matches, normalize_many
from .pipeline import Pipeline

__all__ = ["BengaliSeriesAccessor", "matches_frame"]

_BASE_COLUMNS = ["row", "start", "end", "text", "value"]


def matches_frame(series: pd.Series, kind: str, **options: Any) -> pd.DataFrame:
    """One row per match of finder *kind* in *series*: ``row, start, end, text, value, ...``.

    ``row`` is the index label of the text the match is in; ``start``/``end``
    are offsets into that text.
    """
    labels = series.index
    rows = []
    for position, fields in iter_matches(series.tolist(), kind, **options):
        rows.append({"row": labels[position], **fields})
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("start", "end") else "object") for c in _BASE_COLUMNS})
    frame = pd.DataFrame(rows)
    ordered = _BASE_COLUMNS + [c for c in frame.columns if c not in _BASE_COLUMNS]
    return frame[ordered]


@pd.api.extensions.register_series_accessor("bn")
class BengaliSeriesAccessor:
    """``Series.bn``: Bengali normalization for a column of texts."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def normalize(
        self,
        *,
        jobs: int = 1,
        chunksize: int = DEFAULT_CHUNKSIZE,
        progress: Any = False,
        pipeline: Optional[Pipeline] = None,
        **options: Any,
    ) -> pd.Series:
        """The normalized column (same index, name and dtype); missing values stay missing.

        *options* are those of :func:`bnnorm.normalize` (``digits="bengali"``, ...).
        """
        s = self._series
        values = list(
            normalize_many(s.tolist(), jobs=jobs, chunksize=chunksize, progress=progress, pipeline=pipeline, **options)
        )
        return pd.Series(values, index=s.index, name=s.name, dtype=s.dtype)

    def find_dates(self, **options: Any) -> pd.DataFrame:
        """Dates in the column as a tidy frame (``row, start, end, text, value`` = ``datetime.date``, ...)."""
        return matches_frame(self._series, "dates", **options)

    def find_times(self, **options: Any) -> pd.DataFrame:
        """Times in the column (``value`` = ``datetime.time``)."""
        return matches_frame(self._series, "times", **options)

    def find_variants(self, **options: Any) -> pd.DataFrame:
        """Spelling variants in the column (``value`` = the canonical spelling)."""
        return matches_frame(self._series, "variants", **options)

    def find_glosses(self, **options: Any) -> pd.DataFrame:
        """English glosses in the column (``value`` = the English)."""
        return matches_frame(self._series, "glosses", **options)

    def explain(self, **options: Any) -> pd.DataFrame:
        """Every edit the pipeline makes, one row each: ``row, stage, rule, before, after``."""
        from .normalize import explain

        rows = []
        for label, text in zip(self._series.index, self._series.tolist()):
            if not isinstance(text, str):
                continue
            for step in explain(text, **options):
                for e in step.edits:
                    rows.append(
                        {
                            "row": label,
                            "stage": step.stage,
                            "rule": e.rule or step.rule,
                            "before": step.before[e.start : e.end],
                            "after": e.replacement,
                        }
                    )
        return pd.DataFrame(rows, columns=["row", "stage", "rule", "before", "after"])
