"""A test stage that reports which process ran it and how often its "table" was loaded there.

Used by the batch and Dask tests to show that a pipeline sent to worker
processes is rebuilt there from its recipe and that a table wrapped in
``script.once`` loads once per process, however many chunks the worker gets.
Importable in worker processes because pytest puts ``tests/`` on ``sys.path``
and spawned workers inherit it.
"""

from __future__ import annotations

import functools
import os

from bnnorm.pipeline import Edit, Pass, Stage
from bnnorm.script import once

LOADS = {"count": 0}


@once
def _table() -> dict[str, str]:
    # Stands in for a data table: counts how often it is really loaded in this process.
    LOADS["count"] += 1
    return {"loaded_in": str(os.getpid())}


@functools.lru_cache(maxsize=None)
def counting_stage(*, tag: str = "x") -> Stage:
    """Replaces each text by ``"pid:loads:tag:text"``."""

    def edits(text: str) -> list[Edit]:
        table = _table()
        return [Edit(0, len(text), f"{table['loaded_in']}:{LOADS['count']}:{tag}:{text}", "count")]

    return Stage("counting", (Pass("count", edits),), (counting_stage, {"tag": tag}))
