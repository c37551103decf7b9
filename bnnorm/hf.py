"""Hugging Face ``datasets`` helpers (``pip install 'bnnorm[hf]'``).

``normalize_batch`` is a batched map function::

    >>> from datasets import Dataset
    >>> import bnnorm.hf
    >>> ds = Dataset.from_dict({"text": ["২০২৫ সালে", None]})
    >>> list(ds.map(bnnorm.hf.normalize_batch, batched=True)["text"])
    ['2025 সালে', None]

Options go through ``fn_kwargs`` (or :func:`normalizer`)::

    ds.map(bnnorm.hf.normalize_batch, batched=True, num_proc=4,
           fn_kwargs={"column": "body", "output_column": "body_norm", "digits": "bengali"})
    ds.map(bnnorm.hf.normalizer(column="body", standard="wb"), batched=True, num_proc=4)

With ``num_proc``, each worker process builds the pipeline once (stages are
rebuilt from their recipes, so tables load once per process).  This module
imports nothing from ``datasets`` itself: it only handles the batch dicts
``Dataset.map`` passes, so it works with any version that has batched maps.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Mapping, Optional

from .batch import normalize_many

__all__ = ["normalize_batch", "normalizer"]


def normalize_batch(
    batch: Mapping[str, list[Any]],
    *,
    column: str = "text",
    output_column: Optional[str] = None,
    **options: Any,
) -> dict[str, list[Any]]:
    """Normalize ``batch[column]`` (a list of texts) for ``Dataset.map(..., batched=True)``.

    Returns ``{output_column or column: normalized texts}``; ``datasets``
    merges it into the batch, so the other columns are kept.  ``None`` stays
    ``None``.  *options* are those of :func:`bnnorm.normalize`.

    >>> normalize_batch({"text": ["১০টা", None], "id": [1, 2]})
    {'text': ['10টা', None]}
    """
    if column not in batch:
        raise KeyError(f"no column {column!r} in the batch (columns: {', '.join(batch)})")
    texts = batch[column]
    return {output_column or column: list(normalize_many(texts, **options))}


def normalizer(*, column: str = "text", output_column: Optional[str] = None, **options: Any) -> Callable[..., dict]:
    """:func:`normalize_batch` with its options bound (picklable, so ``num_proc`` works).

    >>> normalizer(column="body", digits="keep")({"body": ["১০টা"]})
    {'body': ['১০টা']}
    """
    return functools.partial(normalize_batch, column=column, output_column=output_column, **options)
