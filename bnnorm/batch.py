"""Normalize many texts: in order, optionally across processes, with a progress bar.

>>> from bnnorm.batch import normalize_many
>>> list(normalize_many(["২০২৫ সালে", None, "১০টা"]))
['2025 সালে', None, '10টা']

``normalize_many`` is what the ``bnnorm`` command, the dataframe accessors,
the Hugging Face helper and the Dask helpers use underneath.

How the work is spread (``jobs > 1``): the pipeline is pickled once per worker
process (a :class:`~bnnorm.pipeline.Pipeline` pickles as the *recipes* of its
stages, and each worker rebuilds the stages from them, so every table loads
once per worker, not once per chunk).  Texts travel in chunks of
``chunksize``; at most ``4 * jobs`` chunks are in flight, so an endless input
(a file read line by line, a generator) is processed in constant memory and
results come back in input order.

Missing values -- ``None`` and float NaN (and ``pandas.NA``) -- pass through
unchanged, so a dataframe column with gaps can be normalized as it is.
"""

from __future__ import annotations

import collections
import dataclasses
import itertools
import math
import os
from collections import Counter
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, TypeVar

from . import dates, glosses, spelling
from .normalize import make_pipeline
from .pipeline import Pipeline, check_choice, check_text

__all__ = [
    "normalize_many",
    "normalize_many_with_stats",
    "normalize_list",
    "is_missing",
    "resolve_jobs",
    "stage_counts",
    "iter_matches",
    "match_fields",
    "get_finder",
]

T = TypeVar("T")
R = TypeVar("R")

#: Default number of texts sent to a worker at a time.
DEFAULT_CHUNKSIZE = 256
#: Chunks in flight per worker: enough to keep workers busy, few enough to bound memory.
_WINDOW_PER_JOB = 4


def is_missing(value: object) -> bool:
    """True for ``None``, float NaN and ``pandas.NA``: values that pass through unchanged.

    >>> is_missing(None), is_missing(float("nan")), is_missing("")
    (True, True, False)
    """
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    # pandas.NA without importing pandas: its type is pandas._libs.missing.NAType.
    return type(value).__name__ == "NAType"


def resolve_jobs(jobs: int) -> int:
    """``jobs`` as a worker count: ``0`` or negative means one per CPU (``-1`` = all CPUs).

    >>> resolve_jobs(3)
    3
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool):
        raise TypeError(f"jobs must be int, not {type(jobs).__name__}")
    if jobs >= 1:
        return jobs
    cpus = os.cpu_count() or 1
    return max(1, cpus + 1 + jobs) if jobs < 0 else cpus


# --------------------------------------------------------------------------
# per-process state: the pipeline a worker (or the parent) runs
# --------------------------------------------------------------------------

_WORKER_PIPELINE: Optional[Pipeline] = None


def _init_worker(pipeline: Pipeline) -> None:
    # Called once in each worker with the unpickled pipeline: its stages were
    # rebuilt from their recipes here, which loaded their tables once.
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline


def _normalize_one(pipeline: Callable[[str], str], text: Any) -> Any:
    if is_missing(text):
        return text
    check_text(text)
    return pipeline(text)


def _normalize_chunk(chunk: list[Any], pipeline: Optional[Pipeline] = None) -> list[Any]:
    pipeline = pipeline or _WORKER_PIPELINE
    assert pipeline is not None, "worker not initialized"
    return [_normalize_one(pipeline, t) for t in chunk]


def stage_counts(pipeline: Pipeline, text: Any) -> tuple[Any, Counter]:
    """Normalize *text* and count its edits by ``stage/rule``: ``(output, Counter)``.

    Built from :meth:`Pipeline.explain`, so the counts are the edits that
    produced the output.  Missing values give ``(value, Counter())``.
    """
    if is_missing(text):
        return text, Counter()
    steps = pipeline.explain(text)
    counts: Counter = Counter()
    for step in steps:
        for edit in step.edits:
            counts[f"{step.stage}/{edit.rule or step.rule}"] += 1
    return (steps[-1].after if steps else text), counts


def _stats_chunk(chunk: list[Any], pipeline: Optional[Pipeline] = None) -> list[tuple[Any, Counter]]:
    pipeline = pipeline or _WORKER_PIPELINE
    assert pipeline is not None, "worker not initialized"
    return [stage_counts(pipeline, t) for t in chunk]


# --------------------------------------------------------------------------
# ordered, bounded parallel map over chunks
# --------------------------------------------------------------------------


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


def _map_chunks(
    work: Callable[..., list[R]],
    items: Iterable[Any],
    pipeline: Pipeline,
    *,
    jobs: int,
    chunksize: int,
    mp_context: Any = None,
) -> Iterator[R]:
    """Run *work* over chunks of *items* (in this process or a pool), yielding results in order."""
    if jobs == 1:
        for chunk in _chunks(items, chunksize):
            yield from work(chunk, pipeline)
        return
    import multiprocessing  # here, not at import: it costs ~40 ms and serial runs never need it

    ctx = mp_context if mp_context is not None else multiprocessing.get_context()
    if isinstance(ctx, str):
        ctx = multiprocessing.get_context(ctx)
    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(pipeline,))
    try:
        pending: collections.deque = collections.deque()
        window = _WINDOW_PER_JOB * jobs
        for chunk in _chunks(items, chunksize):
            pending.append(pool.apply_async(work, (chunk,)))
            if len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        # Reached on normal end, on an error, and when the consumer drops the
        # iterator early (generator close): never leave workers behind.
        pool.terminate()
        pool.join()


def _progress(iterator: Iterator[R], total: Optional[int], progress: Any) -> Iterator[R]:
    if not progress:
        return iterator
    try:
        from tqdm.auto import tqdm
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "progress=True needs tqdm: pip install 'bnnorm[progress]'"
        ) from exc
    kwargs = dict(progress) if isinstance(progress, dict) else {}
    kwargs.setdefault("total", total)
    kwargs.setdefault("unit", "text")
    kwargs.setdefault("desc", "bnnorm")
    return iter(tqdm(iterator, **kwargs))


def _total(texts: Iterable[Any]) -> Optional[int]:
    try:
        return len(texts)  # type: ignore[arg-type]
    except TypeError:
        return None


def normalize_many(
    texts: Iterable[Any],
    *,
    jobs: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    progress: Any = False,
    pipeline: Optional[Pipeline] = None,
    mp_context: Any = None,
    **options: Any,
) -> Iterator[Any]:
    """Normalize every text of *texts*, yielding the results in input order.

    Parameters:
        texts: any iterable of ``str`` (a list, a file's lines, a generator);
            read lazily.  ``None`` and NaN pass through unchanged.
        jobs: worker processes; ``1`` (default) runs here, ``0`` or ``-1``
            one per CPU.
        chunksize: texts per task sent to a worker.
        progress: ``True`` shows a ``tqdm`` bar (``pip install 'bnnorm[progress]'``);
            a dict is passed to ``tqdm`` as keyword arguments.
        pipeline: a :class:`~bnnorm.pipeline.Pipeline` to run instead of the
            default one (then *options* must be empty).
        mp_context: a ``multiprocessing`` context or its name
            (``"spawn"``, ``"forkserver"``, ``"fork"``); default: Python's.
        **options: the options of :func:`bnnorm.normalize` (``digits="bengali"``, ...).

    >>> list(normalize_many(["২০২৫", float("nan")], digits="keep"))
    ['২০২৫', nan]
    >>> list(normalize_many(["১", "২", "৩"], jobs=2, chunksize=1))
    ['1', '2', '3']
    """
    pipeline = _choose_pipeline(pipeline, options)
    if not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize must be a positive int, not {chunksize!r}")
    jobs = resolve_jobs(jobs)
    total = _total(texts)
    if total is not None and total <= chunksize:
        jobs = 1  # one chunk: starting processes would only cost time
    results = _map_chunks(_normalize_chunk, texts, pipeline, jobs=jobs, chunksize=chunksize, mp_context=mp_context)
    return _progress(results, total, progress)


def normalize_many_with_stats(
    texts: Iterable[Any],
    *,
    jobs: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    pipeline: Optional[Pipeline] = None,
    mp_context: Any = None,
    **options: Any,
) -> Iterator[tuple[Any, Counter]]:
    """Like :func:`normalize_many`, yielding ``(output, Counter of edits by "stage/rule")``.

    Slower than :func:`normalize_many` (it takes the explained path); the
    ``bnnorm normalize --stats`` option uses it.
    """
    pipeline = _choose_pipeline(pipeline, options)
    jobs = resolve_jobs(jobs)
    return _map_chunks(_stats_chunk, texts, pipeline, jobs=jobs, chunksize=chunksize, mp_context=mp_context)


def _choose_pipeline(pipeline: Optional[Pipeline], options: dict[str, Any]) -> Pipeline:
    if pipeline is None:
        return make_pipeline(**options)
    if options:
        raise TypeError("give either pipeline= or normalize() options, not both")
    if not isinstance(pipeline, Pipeline):
        raise TypeError(f"pipeline must be a bnnorm.Pipeline, not {type(pipeline).__name__}")
    return pipeline


def normalize_list(texts: Sequence[Any], **kwargs: Any) -> list[Any]:
    """``list(normalize_many(texts, **kwargs))``: convenient for a column or a batch."""
    return list(normalize_many(texts, **kwargs))


# --------------------------------------------------------------------------
# finders over many texts: the rows of a tidy table of matches
# --------------------------------------------------------------------------

#: Finders by name: (function, the match attribute shown as ``value``).
FINDERS: dict[str, tuple[Callable[..., list[Any]], str]] = {
    "dates": (dates.find_dates, "date"),
    "times": (dates.find_times, "time"),
    "variants": (spelling.find_variants, "canonical"),
    "glosses": (glosses.find_glosses, "english"),
}


def get_finder(kind: str) -> Callable[..., list[Any]]:
    """The finder function for *kind* (``dates``, ``times``, ``variants``, ``glosses``)."""
    check_choice("kind", kind, FINDERS)
    return FINDERS[kind][0]


def match_fields(match: Any, value_attr: str = "") -> dict[str, Any]:
    """A match as a flat dict: ``start``, ``end``, ``text``, ``value``, then its other fields.

    Works for any finder's frozen dataclass (or named tuple); nested values
    (dates, times, enums) are kept as Python objects.
    """
    if dataclasses.is_dataclass(match):
        fields = {f.name: getattr(match, f.name) for f in dataclasses.fields(match)}
    elif hasattr(match, "_asdict"):
        fields = dict(match._asdict())
    else:
        fields = {k: v for k, v in vars(match).items() if not k.startswith("_")}
    row = {"start": match.start, "end": match.end, "text": match.text}
    row["value"] = getattr(match, value_attr, None) if value_attr else None
    for key, value in fields.items():
        if key not in row:
            row[key] = value
    return row


def iter_matches(texts: Iterable[Any], kind: str, **options: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(position, match_fields)`` for every match of finder *kind* in *texts* (missing values skipped)."""
    finder = get_finder(kind)
    value_attr = FINDERS[kind][1]
    for position, text in enumerate(texts):
        if is_missing(text):
            continue
        for match in finder(check_text(text), **options):
            yield position, match_fields(match, value_attr)
