"""The ``bnnorm`` command.

Each subcommand lives in its own module under ``bnnorm.commands`` and exposes
``register(subparsers)``, which adds its parser and sets ``func`` (called with
the parsed arguments, returns the exit status).  Commands import heavy modules
inside ``func``, so ``bnnorm --help`` stays fast.

Exit status: 0 success, 1 a command found problems it was asked to report,
2 bad usage, unreadable input or invalid UTF-8 (one-line message, no traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

EPILOG = """\
examples:
  bnnorm normalize news.txt > clean.txt
  bnnorm normalize posts.jsonl --field text --jobs 4 -o clean.jsonl
  bnnorm explain 'শনিবার, ২০ ডিসেম্বর ২০২৫'
  bnnorm dates news.txt

exit status: 0 success, 1 a command found problems it was asked to report,
2 bad usage or input (missing file, invalid UTF-8: one line naming FILE:LINE),
130 interrupted.  Run 'bnnorm COMMAND --help' for a command's options and examples.
"""

#: Subcommand modules, in the order ``--help`` lists them; missing ones are skipped.
COMMANDS = ("normalize", "explain", "dates", "variants", "glossary")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="bnnorm",
        description="Normalize Bengali text: Unicode, digits, dates, spelling variants, English glosses.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"bnnorm {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"bnnorm.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"bnnorm.commands.{name}":
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    from .commands._io import InputError

    try:
        return int(args.func(args) or 0)
    except InputError as exc:
        # A user's mistake or bad input: one line, no traceback.
        print(f"{parser.prog}: {exc}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # e.g. `bnnorm normalize big.txt | head`: not an error.
        try:
            sys.stdout = None  # type: ignore[assignment]
        finally:
            return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
