"""The default pipeline (SPEC §4) and its option scheme.

``normalize(text)`` = Unicode repair → gloss stripping → spelling (``bd``) →
dates (``auto``) → digits (ASCII) → whitespace tidy.  Every stage has a switch
whose value ``"keep"`` (or ``False``) turns it off; ``True`` means the default.

This module is an interface: it uses the stages, no stage uses it.
"""

from __future__ import annotations

import functools
from typing import Any, Union

from . import dates as _dates
from . import digits as _digits
from . import glosses as _glosses
from . import spelling as _spelling
from . import unicode as _unicode
from .pipeline import Alignment, Pipeline, Stage, Step, check_choice, check_text

__all__ = ["normalize", "make_pipeline", "explain", "normalize_with_alignment", "OPTIONS", "DEFAULTS"]

Switch = Union[str, bool]

#: Every option of :func:`normalize`, with its allowed values; the first is the default.
OPTIONS: dict[str, tuple[str, ...]] = {
    "unicode": ("fix", "keep"),
    "quotes": ("keep", "ascii"),
    "glosses": ("strip", "keep"),
    "spelling": ("unify", "keep"),
    "standard": ("bd", "wb"),
    "dates": ("normalize", "keep"),
    "calendar": ("auto", "bd2019", "bd1987", "wb"),
    "digits": ("ascii", "bengali", "keep"),
    "whitespace": ("tidy", "keep"),
}
DEFAULTS: dict[str, str] = {k: v[0] for k, v in OPTIONS.items()}
_SWITCHES = ("unicode", "glosses", "spelling", "dates", "digits", "whitespace")


def _resolve(options: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise TypeError(
            f"normalize() got unexpected option(s) {', '.join(unknown)}; "
            f"options are: {', '.join(OPTIONS)}"
        )
    resolved = dict(DEFAULTS)
    for key, value in options.items():
        if isinstance(value, bool) and key in _SWITCHES:
            value = DEFAULTS[key] if value else "keep"
        check_choice(key, value, OPTIONS[key])
        resolved[key] = value
    return tuple(resolved.items())


@functools.lru_cache(maxsize=64)
def _pipeline(resolved: tuple[tuple[str, str], ...]) -> Pipeline:
    o = dict(resolved)
    stages: list[Stage] = []
    if o["unicode"] != "keep":
        stages.append(_unicode.unicode_stage(quotes=o["quotes"]))
    if o["glosses"] != "keep":
        stages.append(_glosses.gloss_stage())
    if o["spelling"] != "keep":
        stages.append(_spelling.spelling_stage(standard=o["standard"]))
    if o["dates"] != "keep":
        stages.append(_dates.dates_stage(calendar=o["calendar"]))
    if o["digits"] != "keep":
        stages.append(_digits.digits_stage(to=o["digits"]))
    if o["whitespace"] != "keep":
        stages.append(_unicode.whitespace_stage(repairs=o["unicode"] != "keep"))
    return Pipeline(stages)


def make_pipeline(**options: Switch) -> Pipeline:
    """The :class:`~bnnorm.pipeline.Pipeline` that :func:`normalize` runs for *options*.

    Built once per distinct set of options (stages and tables are cached).
    """
    return _pipeline(_resolve(options))


def normalize(text: str, **options: Switch) -> str:
    """Normalize Bengali *text* with the default pipeline.

    Options (keyword-only; the first value is the default, ``False`` = ``"keep"``):
    ``unicode`` fix|keep, ``quotes`` keep|ascii, ``glosses`` strip|keep,
    ``spelling`` unify|keep, ``standard`` bd|wb, ``dates`` normalize|keep,
    ``calendar`` auto|bd2019|bd1987|wb, ``digits`` ascii|bengali|keep,
    ``whitespace`` tidy|keep.

    >>> normalize("২০২৫ সালে")
    '2025 সালে'
    """
    check_text(text)
    return _pipeline(_resolve(options))(text)


def explain(text: str, **options: Switch) -> list[Step]:
    """The steps :func:`normalize` takes on *text*: stage, rule, before, after, edits."""
    check_text(text)
    return _pipeline(_resolve(options)).explain(text)


def normalize_with_alignment(text: str, **options: Switch) -> tuple[str, Alignment]:
    """:func:`normalize` plus an :class:`~bnnorm.pipeline.Alignment` back to *text*."""
    check_text(text)
    return _pipeline(_resolve(options)).normalize_with_alignment(text)
