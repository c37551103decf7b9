"""Griffe extension for the API reference: doctests as code blocks, Sphinx roles as code.

The docstrings carry doctests (``>>> call()`` then the expected output) in
plain text, where Markdown would read ``>>>`` as a block quote and
``[a][b]`` in an output as a reference link.  This wraps every run of
doctest lines in a fenced ``pycon`` block before mkdocstrings renders it.
Loaded by ``mkdocs.yml`` (``extensions:`` of the python handler).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

# Sphinx roles (:func:`~bnnorm.normalize`) mean nothing to Markdown: show them as code.
_ROLE = re.compile(r":(?:func|class|meth|mod|attr|data|obj|exc):`~?([^`]+)`")


def plain_roles(text: str) -> str:
    """``:func:`~bnnorm.pipeline.Pipeline``` → ```Pipeline```; ``:func:`normalize``` → ```normalize```."""
    return _ROLE.sub(lambda m: f"`{m.group(1).rsplit('.', 1)[-1] if m.group(0).count('~') else m.group(1)}`", text)


def fence_doctests(text: str) -> str:
    """Wrap each doctest (a ``>>>`` line up to the next blank line) in a ```` ```pycon ```` fence."""
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    in_fence = False
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if stripped.startswith("```"):
            in_fence = not in_fence
            out.append(line)
            i += 1
            continue
        if not in_fence and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            block = []
            while i < len(lines) and lines[i].strip() and lines[i].startswith(indent):
                block.append(lines[i][len(indent) :])
                i += 1
            out.append(f"{indent}```pycon")
            out.extend(indent + b for b in block)
            out.append(f"{indent}```")
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Fence the doctests of every docstring Griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is None:
            return
        value = plain_roles(obj.docstring.value)
        if ">>>" in value:
            value = fence_doctests(value)
        obj.docstring.value = value
