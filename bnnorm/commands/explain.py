"""``bnnorm explain TEXT``: show each change the pipeline makes, stage by stage."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ._io import InputError, visible
from .normalize import add_stage_options, stage_options

EPILOG = """\
examples:
  bnnorm explain 'শনিবার, ২০ ডিসেম্বর ২০২৫'
  echo 'চিনের প্রেসিডেন্ট (Xi Jinping)' | bnnorm explain
  bnnorm explain --digits bengali --json '১০:৩১ pm'

each line of the output is one edit:
  N. stage/rule  'before' → 'after'   (context around the edit, invisible
  characters shown as <NBSP>, <ZWSP>, <U+XXXX>)

exit status: 0 success, 2 bad usage or invalid UTF-8 on stdin, 130 interrupted
"""

#: Characters of context shown on each side of an edit.
CONTEXT = 12


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "explain",
        help="show what each stage changes in a text",
        description="Print each edit the default pipeline makes to TEXT (or stdin), in order: stage/rule, before → after.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("text", nargs="*", metavar="TEXT", help="the text (several words are joined by spaces); none or '-' reads stdin")
    add_stage_options(p)
    p.add_argument("--json", action="store_true", help="one JSON object per edit (stage, rule, start, end, before, after)")
    p.set_defaults(func=run)


def _read_text(args: argparse.Namespace) -> str:
    if args.text and args.text != ["-"]:
        return " ".join(args.text)
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"<stdin>:{line}: invalid UTF-8 (byte 0x{data[exc.start]:02x})") from None


def explain_lines(text: str, **options: Any) -> list[str]:
    """The human-readable report ``bnnorm explain`` prints for *text*.

    >>> explain_lines("২০২৫ সালে", dates="keep")[1]
    "1. digits/bengali_digits_to_ascii  '২০২৫' → '2025'   [২০২৫ সালে → 2025 সালে]"
    """
    from ..normalize import explain

    steps = explain(text, **options)
    lines = [f"input:  {visible(text)}"]
    n = 0
    for step in steps:
        delta = 0  # how far this edit's output position is from its input position
        for e in step.edits:
            n += 1
            out_start = e.start + delta
            out_end = out_start + len(e.replacement)
            delta += len(e.replacement) - (e.end - e.start)
            lo = max(0, e.start - CONTEXT)
            before_ctx = step.before[lo : min(len(step.before), e.end + CONTEXT)]
            after_ctx = step.after[max(0, out_start - CONTEXT) : min(len(step.after), out_end + CONTEXT)]
            lines.append(
                f"{n}. {step.stage}/{e.rule or step.rule}  "
                f"{visible(step.before[e.start:e.end])!r} → {visible(e.replacement)!r}   "
                f"[{visible(before_ctx)} → {visible(after_ctx)}]"
            )
    if n == 0:
        lines.append("(nothing to change)")
    lines.append(f"output: {visible(steps[-1].after if steps else text)}")
    return lines


def run(args: argparse.Namespace) -> int:
    from ..normalize import explain

    text = _read_text(args)
    options = stage_options(args)
    out = sys.stdout
    if args.json:
        for step in explain(text, **options):
            for e in step.edits:
                record = {
                    "stage": step.stage,
                    "rule": e.rule or step.rule,
                    "start": e.start,
                    "end": e.end,
                    "before": step.before[e.start : e.end],
                    "after": e.replacement,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0
    for line in explain_lines(text, **options):
        out.write(line + "\n")
    return 0
