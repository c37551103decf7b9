"""The README's promises: its Python examples run as written, its test command is CI's."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def _python_blocks() -> list[str]:
    return [b for b in re.findall(r"```python\n(.*?)```", README, flags=re.S) if ">>>" in b]


def test_readme_examples_run_as_written():
    """All ```python blocks, in order, in one namespace (as a reader would type them)."""
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    globs: dict = {}
    for i, block in enumerate(_python_blocks()):
        test = parser.get_doctest(block, globs, f"README block {i + 1}", "README.md", 0)
        runner.run(test, clear_globs=False)
        globs = test.globs  # DocTest copies its globals: carry them to the next block
    assert runner.failures == 0, f"{runner.failures} README example(s) failed (see output above)"


def test_readme_has_examples():
    assert len(_python_blocks()) >= 4


def _sh_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def test_readme_starts_with_the_two_commands():
    first, second = [b.strip() for b in _sh_blocks()[:2]]
    assert "bnnorm normalize --sample" in first and "pip install ." in first
    assert "pytest" in second and ".[test]" in second


def test_ci_runs_exactly_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    block = ci.split("# README-TEST-COMMAND-BEGIN\n", 1)[1].split("# README-TEST-COMMAND-END", 1)[0].strip()
    readme_cmd = _sh_blocks()[1].strip()
    assert block.replace("$PY", "python3") == readme_cmd
