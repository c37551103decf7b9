"""bnnorm: Bengali text normalization for NLP.

>>> import bnnorm
>>> bnnorm.normalize("২০২৫ সালে")
'2025 সালে'

Stages (each a pure ``str -> str`` function with keyword-only options):
:func:`fix_unicode`, :func:`strip_glosses`, :func:`unify_spelling`,
:func:`normalize_dates`, :func:`convert_digits`.  :func:`normalize` chains
them; :class:`Pipeline` builds your own chain, with explanations and
alignment.
"""

from __future__ import annotations

from . import calendar
from .batch import normalize_many
from .dates import DateMatch, TimeMatch, find_dates, find_times, normalize_dates
from .digits import convert_digits
from .glosses import Gloss, find_glosses, strip_glosses
from .normalize import DEFAULTS, OPTIONS, explain, make_pipeline, normalize, normalize_with_alignment
from .pipeline import Alignment, Edit, Pass, Pipeline, Stage, Step
from .spelling import Variant, find_variants, unify_spelling
from .unicode import fix_unicode

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "normalize",
    "normalize_many",
    "make_pipeline",
    "explain",
    "normalize_with_alignment",
    "Pipeline",
    "Stage",
    "Pass",
    "Step",
    "Edit",
    "Alignment",
    "fix_unicode",
    "convert_digits",
    "normalize_dates",
    "unify_spelling",
    "strip_glosses",
    "find_dates",
    "find_times",
    "find_variants",
    "find_glosses",
    "DateMatch",
    "TimeMatch",
    "Variant",
    "Gloss",
    "OPTIONS",
    "DEFAULTS",
    "calendar",
]

# Register the dataframe accessors when their library is already loaded (free
# then); otherwise `import bnnorm.pandas` / `import bnnorm.polars` does it.
import sys as _sys

if "pandas" in _sys.modules:
    from . import pandas as _pandas_accessor  # noqa: F401  (Series.bn)
if "polars" in _sys.modules:
    from . import polars as _polars_namespace  # noqa: F401  (Expr.bn, Series.bn)
del _sys
