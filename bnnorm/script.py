"""Bengali script helpers shared by the stages: character classes, tokens, tables.

Character classes are regex fragments (for the ``regex`` module) so that
stages can build their patterns from one definition.  Tables are TSV files in
``data/``; :func:`load_table` reads and checks one, and :func:`once` makes a
loader run exactly once per process, even under threads.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

import unicodedata2

__all__ = [
    "BN_DIGITS",
    "ASCII_DIGITS",
    "BN_LETTER",
    "BN_MARK",
    "BN_TOKEN_CHAR",
    "BN_ANY",
    "LINE_BREAKS",
    "ZWJ",
    "ZWNJ",
    "NUKTA",
    "VIRAMA",
    "nfc",
    "data_path",
    "load_table",
    "read_table",
    "Row",
    "TableError",
    "once",
    "LazyPattern",
    "lazy_regex",
]

ZWNJ = "\u200c"
ZWJ = "\u200d"
NUKTA = "\u09bc"
VIRAMA = "\u09cd"

BN_DIGITS = "০১২৩৪৫৬৭৮৯"
ASCII_DIGITS = "0123456789"

# Regex character-class bodies (use inside [...]).
#: Bengali letters: independent vowels, consonants, khanda ta, nukta forms, Assamese ra/wa.
BN_LETTER = "\u0980\u0985-\u098c\u098f\u0990\u0993-\u09a8\u09aa-\u09b0\u09b2\u09b6-\u09b9\u09bd\u09ce\u09dc\u09dd\u09df-\u09e1\u09f0\u09f1\u09fc"
#: Bengali combining signs: candrabindu, anusvara, visarga, nukta, vowel signs, virama, au length mark.
BN_MARK = "\u0981-\u0983\u09bc\u09be-\u09c4\u09c7\u09c8\u09cb-\u09cd\u09d7\u09e2\u09e3\u09fe"
#: What a Bengali word token is made of: letters, signs and the joiners.
BN_TOKEN_CHAR = BN_LETTER + BN_MARK + ZWNJ + ZWJ
#: The whole Bengali block.
BN_ANY = "\u0980-\u09ff"
#: Line-break characters: everything ``str.splitlines`` splits on (literal characters,
#: usable inside ``[...]`` and with ``in``).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def nfc(text: str) -> str:
    """NFC with the Unicode data of ``unicodedata2`` (newer than the interpreter's)."""
    return unicodedata2.normalize("NFC", text)


# --------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_path(name: str) -> Path:
    """Path of a table shipped in ``data/``.

    In a wheel the tables live in ``bnnorm/data/``; in a source checkout (or an
    editable install) in the repository's top-level ``data/``.
    """
    for base in (_PACKAGE_DIR / "data", _PACKAGE_DIR.parent / "data"):
        p = base / name
        if p.exists():
            return p
    raise FileNotFoundError(f"bnnorm data file {name!r} not found (looked in bnnorm/data and data/)")


class TableError(ValueError):
    """A data table is malformed: the message names the file and line."""


@dataclass(frozen=True)
class Row:
    """One data row: its fields by column name, and where it came from."""

    fields: dict[str, str]
    file: str
    line: int

    def __getitem__(self, key: str) -> str:
        return self.fields[key]

    def get(self, key: str, default: str = "") -> str:
        return self.fields.get(key, default)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def load_table(name: str, required: tuple[str, ...] = ()) -> list[Row]:
    """Read a TSV table from ``data/`` (see :func:`read_table`)."""
    return read_table(data_path(name), required, name)


def read_table(path: Path, required: tuple[str, ...] = (), name: str | None = None) -> list[Row]:
    """Read a TSV table: header row, UTF-8, ``#`` comments and blank lines skipped.

    Every field is stripped and NFC-normalized.  Raises :class:`TableError`
    (with file and line) on a missing column or a row with the wrong number
    of fields.  Also used by the tests and benchmarks for their labelled sets.
    """
    name = name or Path(path).name
    rows: list[Row] = []
    header: list[str] | None = None
    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [nfc(c.strip()) for c in line.split("\t")]
            if header is None:
                header = cells
                missing = [c for c in required if c not in header]
                if missing:
                    raise TableError(f"{name}:{lineno}: header lacks column(s) {', '.join(missing)}")
                continue
            if len(cells) > len(header):
                raise TableError(f"{name}:{lineno}: {len(cells)} fields, header has {len(header)}")
            cells += [""] * (len(header) - len(cells))
            rows.append(Row(dict(zip(header, cells)), name, lineno))
    if header is None:
        raise TableError(f"{name}: empty table (no header row)")
    return rows


T = TypeVar("T")


class LazyPattern:
    """A compiled pattern built on first use, so that ``import bnnorm`` stays fast.

    The first attribute access compiles it and copies the common methods onto
    the instance, so later calls cost no more than on the pattern itself.
    Compiling twice from two threads is harmless (the same pattern twice).
    """

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build
        self._compiled: Any = None

    def __getattr__(self, name: str) -> Any:  # only called while an attribute is missing
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = self._build()
            for attr in ("search", "match", "fullmatch", "sub", "subn", "finditer", "findall", "split", "pattern"):
                setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)


def lazy_regex(pattern: str, flags: int = 0) -> Any:
    """A ``regex`` pattern compiled on first use (see :class:`LazyPattern`)."""
    import regex

    return LazyPattern(lambda: regex.compile(pattern, flags))


def once(loader: Callable[[], T]) -> Callable[[], T]:
    """Run *loader* once per process, thread-safely, and return its cached result.

    Used for every table: the first call loads, validates and compiles; later
    calls (from any thread) get the same object.
    """
    lock = threading.Lock()
    result: list[T] = []

    @functools.wraps(loader)
    def get() -> T:
        if result:
            return result[0]
        with lock:
            if not result:
                result.append(loader())
        return result[0]

    get.loads = lambda: len(result)  # type: ignore[attr-defined]
    return get

