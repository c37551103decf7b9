"""Dependencies point one way: interfaces -> stages -> core/script/tables.

Parsed from the source (every import, at any depth), so a late import inside a
function counts too.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "bnnorm"

CORE = {"pipeline", "script"}
STAGES = {"unicode", "digits", "dates", "spelling", "glosses"}
ARITHMETIC = {"calendar"}  # pure date arithmetic, knows no text
# What each kind of module may import from inside the package.
ALLOWED = {
    **{m: set() for m in CORE},
    "calendar": {"pipeline"},
    "unicode": CORE,
    "digits": CORE,
    "glosses": CORE,
    "spelling": CORE,
    "dates": CORE | ARITHMETIC,
}


def _internal_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level and node.level >= 1:
                if node.module:
                    found.add(node.module.split(".")[0])
                else:
                    found.update(a.name for a in node.names)
            elif node.module and node.module.startswith("bnnorm"):
                parts = node.module.split(".")
                found.add(parts[1] if len(parts) > 1 else "__init__")
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("bnnorm."):
                    found.add(a.name.split(".")[1])
    return found


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_stage_and_core_dependencies_point_one_way(module):
    imported = _internal_imports(PKG / f"{module}.py")
    assert imported <= ALLOWED[module], f"{module} imports {sorted(imported - ALLOWED[module])}"


def test_core_knows_no_stage():
    for module in CORE:
        assert not (_internal_imports(PKG / f"{module}.py") & (STAGES | ARITHMETIC))


def test_import_bnnorm_stays_light():
    code = (
        "import sys, bnnorm\n"
        "heavy = {'indic_transliteration', 'pandas', 'polars', 'dask', 'datasets', 'tqdm', 'pyarrow', 'numpy', 'multiprocessing'}\n"
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
