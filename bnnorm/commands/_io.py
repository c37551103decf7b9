"""Input and output for the ``bnnorm`` subcommands: streaming, with one-line errors.

Every command reads its files through :func:`iter_lines`, which reads one
line at a time (constant memory, whatever the file size), decodes it as
UTF-8 and, on a byte sequence that is not UTF-8, raises :class:`InputError`
naming the file and line -- ``bnnorm.cli.main`` prints it as one line on
stderr and exits with status 2, without a traceback.  ``errors="replace"``
puts U+FFFD in place of bad bytes and carries on.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import unicodedata
from typing import Any, IO, Iterator, Optional

__all__ = [
    "InputError",
    "STDIN",
    "display_name",
    "check_inputs",
    "iter_lines",
    "open_output",
    "tsv_field",
    "visible",
]

#: How a command line names standard input.
STDIN = "-"


class InputError(Exception):
    """A user-facing problem with the input or the usage: one line, exit status 2."""

    exit_status = 2


def display_name(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def check_inputs(paths: list[str]) -> None:
    """Fail early, before any output, if an input file is missing or unreadable."""
    for path in paths:
        if path == STDIN:
            continue
        if not os.path.exists(path):
            raise InputError(f"{path}: no such file")
        if os.path.isdir(path):
            raise InputError(f"{path}: is a directory")
        if not os.access(path, os.R_OK):
            raise InputError(f"{path}: permission denied")


@contextlib.contextmanager
def _open_binary(path: str) -> Iterator[IO[bytes]]:
    if path == STDIN:
        yield sys.stdin.buffer
        return
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    with fh:
        yield fh


def _split_terminator(raw: bytes) -> tuple[bytes, str]:
    if raw.endswith(b"\r\n"):
        return raw[:-2], "\r\n"
    if raw.endswith(b"\n"):
        return raw[:-1], "\n"
    return raw, ""


def iter_lines(path: str, errors: str = "strict") -> Iterator[tuple[int, str, str]]:
    """Yield ``(line_number, text, terminator)`` for each line of *path* (``-`` = stdin).

    *terminator* is ``"\\n"``, ``"\\r\\n"`` or ``""`` (a last line without a
    newline), so output can keep the input's line endings exactly.
    A UTF-8 byte-order mark at the start of the file is dropped.
    """
    name = display_name(path)
    with _open_binary(path) as fh:
        for lineno, raw in enumerate(fh, 1):
            body, term = _split_terminator(raw)
            if lineno == 1 and body.startswith(b"\xef\xbb\xbf"):
                body = body[3:]
            try:
                text = body.decode("utf-8", errors)
            except UnicodeDecodeError as exc:
                bad = exc.object[exc.start]
                # Column in characters of the valid text before the bad byte, 1-based.
                column = len(exc.object[: exc.start].decode("utf-8", "replace")) + 1
                raise InputError(
                    f"{name}:{lineno}: invalid UTF-8 (byte 0x{bad:02x} at column {column}); "
                    f"use --errors replace to carry on"
                ) from None
            yield lineno, text, term


class _AtomicOutput:
    """A text file written to a temporary name and moved into place only on success."""

    def __init__(self, path: str, binary: bool) -> None:
        directory = os.path.dirname(os.path.abspath(path))
        fd, self.tmp = tempfile.mkstemp(prefix=".bnnorm-", suffix=".tmp", dir=directory)
        self.path = path
        self.fh: IO[Any] = (
            os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        )

    def commit(self) -> None:
        self.fh.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        self.fh.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


@contextlib.contextmanager
def open_output(path: Optional[str], binary: bool = False) -> Iterator[IO]:
    """The output stream: stdout (UTF-8, whatever the locale) or *path*.

    A file named with ``-o`` is written under a temporary name and renamed
    when the command succeeds, so a failed run never leaves half a file.
    """
    if path is None or path == STDIN:
        if binary:
            if sys.stdout.isatty():
                raise InputError("refusing to write binary output to a terminal; use -o FILE")
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
            return
        out = io.TextIOWrapper(
            sys.stdout.buffer, encoding="utf-8", newline="", line_buffering=sys.stdout.isatty(), write_through=False
        )
        try:
            yield out
            out.flush()
        finally:
            out.detach()  # leave sys.stdout usable (and open) for the caller
        return
    try:
        target = _AtomicOutput(path, binary)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        yield target.fh
    except BaseException:
        target.discard()
        raise
    target.commit()


def tsv_field(text: str) -> str:
    """*text* as one TSV field: backslash, tab and line breaks escaped, so a record stays one line.

    >>> print(tsv_field("a\\tb\\nc"))
    a\\tb\\nc
    """
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def visible(text: str) -> str:
    """*text* with invisible characters shown as ``<U+XXXX NAME>``, so edits to them can be seen.

    >>> visible("ক\\u00a0খ\\u200b")
    'ক<NBSP>খ<ZWSP>'
    """
    out = []
    for ch in text:
        if ch in _SHORT:
            out.append(f"<{_SHORT[ch]}>")
        elif ch == " " or ch.isprintable() and unicodedata.category(ch) not in ("Cf", "Zs", "Mn") or _is_bengali_mark(ch):
            out.append(ch)
        else:
            out.append(f"<U+{ord(ch):04X}>")
    return "".join(out)


_SHORT = {
    "\u00a0": "NBSP",
    "\u200b": "ZWSP",
    "\u200c": "ZWNJ",
    "\u200d": "ZWJ",
    "\ufeff": "BOM",
    "\u00ad": "SHY",
    "\t": "TAB",
    "\u2009": "THINSP",
    "\u202f": "NNBSP",
    "\u200e": "LRM",
    "\u200f": "RLM",
}


def _is_bengali_mark(ch: str) -> bool:
    # Bengali vowel signs and marks are shown as they are (they render on their letter).
    return "\u0980" <= ch <= "\u09ff"
