"""``bnnorm normalize``: normalize text, JSONL, CSV/TSV or Parquet files as a stream."""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Optional

from ..normalize import OPTIONS
from ._io import STDIN, InputError, check_inputs, display_name, iter_lines, open_output

FORMATS = ("text", "jsonl", "csv", "tsv", "parquet")
_EXTENSIONS = {
    ".txt": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
}

EPILOG = """\
examples:
  bnnorm normalize --sample                       # try it on the bundled example
  bnnorm normalize news.txt > clean.txt           # one text per line, stdout
  cat news.txt | bnnorm normalize -o clean.txt    # stdin when no FILE is named
  bnnorm normalize --digits bengali --dates keep a.txt b.txt
  bnnorm normalize --standard wb --calendar wb kolkata.txt
  bnnorm normalize posts.jsonl --field text --field title -o clean.jsonl
  bnnorm normalize table.csv --column body -o clean.csv
  bnnorm normalize corpus.parquet --column text -o clean.parquet --jobs 4
  bnnorm normalize --stats news.txt > /dev/null   # what would change, by stage

input is read line by line and written as it goes: memory stays constant
whatever the size of the input (Parquet: one row group batch at a time).
Line endings (\\n, \\r\\n, none at the end) are kept as they are.

exit status:
  0    success
  2    bad usage, a missing or unreadable file, invalid UTF-8 (one line on
       stderr naming FILE:LINE; --errors replace carries on), malformed
       JSONL/CSV, a missing --field/--column
  130  interrupted (Ctrl-C)
"""


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "normalize",
        help="normalize files or stdin, line by line",
        description=(
            "Normalize Bengali text with the default pipeline (Unicode repair, glosses, "
            "spelling, dates, digits, whitespace). Reads FILEs (or stdin) and writes "
            "stdout (or -o FILE). Each stage option mirrors bnnorm.normalize()."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="input files; none or '-' reads stdin")
    p.add_argument(
        "--sample",
        action="store_true",
        help="normalize the bundled example (20 lines of messy news text) instead of FILEs",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout (replaced only on success)")
    p.add_argument(
        "--format",
        choices=("auto",) + FORMATS,
        default="auto",
        help="input and output format; auto (default) goes by the file extension, stdin is text",
    )
    p.add_argument(
        "--field",
        "--column",
        dest="fields",
        action="append",
        metavar="NAME",
        help="JSONL field / CSV, TSV or Parquet column to normalize (repeatable; default: text)",
    )
    add_stage_options(p)
    p.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="invalid UTF-8: stop with an error (strict, default) or replace bad bytes with U+FFFD",
    )
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (0 = one per CPU)")
    p.add_argument("--chunksize", type=int, default=256, metavar="N", help="texts per task sent to a worker")
    p.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on stderr (needs tqdm); auto = only when stderr is a terminal",
    )
    p.add_argument(
        "--stats",
        action="store_true",
        help="after the run, print on stderr what changed: edits and texts by stage/rule",
    )
    p.set_defaults(func=run)


# --------------------------------------------------------------------------
# the run
# --------------------------------------------------------------------------


def add_stage_options(parser: argparse.ArgumentParser) -> None:
    """One ``--NAME`` switch per option of ``bnnorm.normalize`` (also used by ``bnnorm explain``)."""
    stages = parser.add_argument_group("stages (as in bnnorm.normalize; the first value is the default)")
    for name, values in OPTIONS.items():
        stages.add_argument(f"--{name}", choices=values, default=None, help="|".join(values))


def stage_options(args: argparse.Namespace) -> dict[str, str]:
    """The stage options given on the command line (the others keep ``bnnorm.normalize``'s defaults)."""
    return {name: getattr(args, name) for name in OPTIONS if getattr(args, name) is not None}


def _format_of(path: str, requested: str) -> str:
    if requested != "auto":
        return requested
    if path == STDIN:
        return "text"
    lower = path.lower()
    for ext, fmt in _EXTENSIONS.items():
        if lower.endswith(ext) or lower.endswith(ext + ".txt"):
            return fmt
    return "text"


class Stats:
    """Counts for ``--stats``: texts seen and changed; edits and texts by stage/rule."""

    def __init__(self) -> None:
        self.texts = 0
        self.changed = 0
        self.edits: Counter = Counter()
        self.texts_by_rule: Counter = Counter()
        self.started = time.perf_counter()

    def add(self, counts: Counter) -> None:
        self.texts += 1
        if counts:
            self.changed += 1
            self.edits.update(counts)
            self.texts_by_rule.update(counts.keys())

    def report(self, out: IO[str]) -> None:
        seconds = time.perf_counter() - self.started
        share = 100.0 * self.changed / self.texts if self.texts else 0.0
        out.write(f"bnnorm: {self.texts} texts, {self.changed} changed ({share:.1f}%), {seconds:.2f} s\n")
        if not self.edits:
            return
        width = max(len("stage/rule"), *(len(k) for k in self.edits))
        out.write(f"{'stage/rule':<{width}}  {'edits':>9}  {'texts':>9}\n")
        by_stage: Counter = Counter()
        for key, n in self.edits.items():
            by_stage[key.split("/", 1)[0]] += n
        # Stages in the order of their total, rules within a stage likewise.
        order = sorted(self.edits, key=lambda k: (-by_stage[k.split("/", 1)[0]], k.split("/", 1)[0], -self.edits[k], k))
        for key in order:
            out.write(f"{key:<{width}}  {self.edits[key]:>9}  {self.texts_by_rule[key]:>9}\n")


def run(args: argparse.Namespace) -> int:
    from ..batch import normalize_many, normalize_many_with_stats

    options = stage_options(args)
    try:
        from ..normalize import make_pipeline

        pipeline = make_pipeline(**options)
    except (TypeError, ValueError) as exc:  # pragma: no cover - argparse choices catch these
        raise InputError(str(exc)) from None
    if args.jobs < 0:
        raise InputError(f"--jobs must be 0 (one per CPU) or more, not {args.jobs}")
    if args.chunksize < 1:
        raise InputError(f"--chunksize must be 1 or more, not {args.chunksize}")
    if args.sample:
        if args.files:
            raise InputError("--sample takes no FILE")
        files = [str(sample_path())]
    else:
        files = args.files or [STDIN]
    if files.count(STDIN) > 1:
        raise InputError("stdin ('-') can be read only once")
    check_inputs(files)
    formats = {_format_of(f, args.format) for f in files}
    if len(formats) > 1:
        raise InputError(f"input files mix formats ({', '.join(sorted(formats))}); use --format or one run per format")
    fmt = formats.pop()
    if args.fields and fmt == "text":
        raise InputError("--field/--column applies to JSONL, CSV, TSV and Parquet input; this input is plain text")
    fields = args.fields or ["text"]

    stats = Stats() if args.stats else None

    def run_texts(texts: Iterable[Any]) -> Iterator[Any]:
        kwargs = dict(pipeline=pipeline, jobs=args.jobs, chunksize=args.chunksize)
        if stats is None:
            return normalize_many(texts, **kwargs)
        return _with_stats(normalize_many_with_stats(texts, **kwargs), stats)

    results_wrapper = _progress_wrapper(args.progress)
    with open_output(args.output, binary=(fmt == "parquet")) as out:
        if fmt == "text":
            _run_text(files, out, args.errors, run_texts, results_wrapper)
        elif fmt == "jsonl":
            _run_jsonl(files, out, args.errors, fields, run_texts, results_wrapper)
        elif fmt in ("csv", "tsv"):
            _run_csv(files, out, args.errors, fields, "," if fmt == "csv" else "\t", run_texts, results_wrapper)
        else:
            _run_parquet(files, out, fields, run_texts, results_wrapper, args.output)
    if stats is not None:
        stats.report(sys.stderr)
    return 0


def sample_path() -> Path:
    """The bundled example text: in the wheel ``bnnorm/data/sample.txt``, in a checkout ``examples/sample.txt``."""
    from ..script import data_path

    try:
        return data_path("sample.txt")
    except FileNotFoundError:
        pass
    checkout = Path(__file__).resolve().parents[2] / "examples" / "sample.txt"
    if checkout.exists():
        return checkout
    raise InputError("the bundled sample is missing from this installation")


def _with_stats(pairs: Iterator[tuple[Any, Counter]], stats: Stats) -> Iterator[Any]:
    # A text counts as changed when some pass edited it.
    for out, counts in pairs:
        stats.add(counts)
        yield out


def _progress_wrapper(mode: str) -> Callable[[Iterator[Any]], Iterator[Any]]:
    show = mode == "always" or (mode == "auto" and sys.stderr.isatty())
    if not show:
        return lambda it: it
    try:
        from tqdm import tqdm
    except ImportError:
        if mode == "always":
            raise InputError("--progress always needs tqdm: pip install 'bnnorm[progress]'") from None
        return lambda it: it
    return lambda it: iter(tqdm(it, unit=" texts", desc="bnnorm", file=sys.stderr, mininterval=0.5))


# --------------------------------------------------------------------------
# records in, records out, in order, through one stream of texts
# --------------------------------------------------------------------------


def _zip_records(
    records: Iterator[tuple[Any, list[Any]]],
    run_texts: Callable[[Iterable[Any]], Iterator[Any]],
    wrap: Callable[[Iterator[Any]], Iterator[Any]],
) -> Iterator[tuple[Any, list[Any]]]:
    """Send the texts of each record through one (parallel) stream and give each record its outputs back.

    *records* yields ``(record, texts)``; the result yields ``(record, outputs)``
    in the same order.  Records wait in a queue only while their texts are in
    flight (at most the batch window), so memory stays bounded.
    """
    queue: collections.deque = collections.deque()

    def texts() -> Iterator[Any]:
        for record, items in records:
            queue.append((record, len(items)))
            yield from items

    results = wrap(run_texts(texts()))
    for first in results:
        while queue[0][1] == 0:
            yield queue.popleft()[0], []
        record, n = queue.popleft()
        outputs = [first]
        for _ in range(n - 1):
            outputs.append(next(results))
        yield record, outputs
    while queue:  # records without texts after the last text
        yield queue.popleft()[0], []


def _run_text(files: list[str], out: IO[str], errors: str, run_texts: Any, wrap: Any) -> None:
    def records() -> Iterator[tuple[str, list[str]]]:
        for path in files:
            for _lineno, text, term in iter_lines(path, errors):
                yield term, [text]

    for term, (text,) in _zip_records(records(), run_texts, wrap):
        out.write(text)
        out.write(term)


def _run_jsonl(files: list[str], out: IO[str], errors: str, fields: list[str], run_texts: Any, wrap: Any) -> None:
    def records() -> Iterator[tuple[Any, list[Any]]]:
        for path in files:
            name = display_name(path)
            for lineno, line, _term in iter_lines(path, errors):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{name}:{lineno}: not valid JSON ({exc.msg} at column {exc.colno})") from None
                if not isinstance(obj, dict):
                    raise InputError(f"{name}:{lineno}: a JSONL record must be an object, not {type(obj).__name__}")
                missing = [f for f in fields if f not in obj]
                if missing:
                    raise InputError(f"{name}:{lineno}: no field {missing[0]!r} (fields: {', '.join(map(str, obj)) or 'none'})")
                # Only strings are normalized; null and other values pass through.
                keys = [f for f in fields if isinstance(obj[f], str)]
                yield (obj, keys), [obj[k] for k in keys]

    for (obj, keys), outputs in _zip_records(records(), run_texts, wrap):
        for key, value in zip(keys, outputs):
            obj[key] = value
        out.write(json.dumps(obj, ensure_ascii=False))
        out.write("\n")


def _decoded_lines(path: str, errors: str) -> Iterator[str]:
    for _lineno, text, term in iter_lines(path, errors):
        yield text + (term or "")


def _run_csv(
    files: list[str], out: IO[str], errors: str, fields: list[str], delimiter: str, run_texts: Any, wrap: Any
) -> None:
    # Articles are long: lift the csv module's 128 KiB default limit per field.
    csv.field_size_limit(2**31 - 1)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    first_header: list[str] = []

    def records() -> Iterator[tuple[Any, list[str]]]:
        for path in files:
            name = display_name(path)
            reader = csv.reader(_decoded_lines(path, errors), delimiter=delimiter, strict=True)
            try:
                header = next(reader, None)
                if header is None:
                    continue
                missing = [f for f in fields if f not in header]
                if missing:
                    raise InputError(f"{name}:1: no column {missing[0]!r} (columns: {', '.join(header)})")
                if not first_header:
                    first_header.extend(header)
                    yield ("header", header, []), []
                elif header != first_header:
                    raise InputError(f"{name}:1: header differs from the first file's")
                indexes = [header.index(f) for f in fields]
                for row in reader:
                    texts = [row[i] if i < len(row) else "" for i in indexes]
                    yield ("row", row, indexes), texts
            except csv.Error as exc:
                raise InputError(f"{name}:{reader.line_num}: malformed {'CSV' if delimiter == ',' else 'TSV'} ({exc})") from None

    for (kind, row, indexes), outputs in _zip_records(records(), run_texts, wrap):
        if kind == "row":
            row = list(row) + [""] * (max(indexes, default=-1) + 1 - len(row))
            for i, value in zip(indexes, outputs):
                row[i] = value
        writer.writerow(row)


def _run_parquet(
    files: list[str], out: IO[bytes], fields: list[str], run_texts: Any, wrap: Any, output: Optional[str]
) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("Parquet needs pyarrow: pip install 'bnnorm[parquet]'") from None
    if STDIN in files:
        raise InputError("Parquet cannot be read from stdin; name the file")
    writer: Any = None
    first_schema: list[Any] = []

    def records() -> Iterator[tuple[Any, list[Any]]]:
        for path in files:
            try:
                pf = pq.ParquetFile(path)
            except Exception as exc:  # pyarrow raises several types for a bad file
                raise InputError(f"{path}: not a Parquet file ({exc})") from None
            names = pf.schema_arrow.names
            missing = [f for f in fields if f not in names]
            if missing:
                raise InputError(f"{path}: no column {missing[0]!r} (columns: {', '.join(names)})")
            for f in fields:
                ftype = pf.schema_arrow.field(f).type
                if not (pa.types.is_string(ftype) or pa.types.is_large_string(ftype)):
                    raise InputError(f"{path}: column {f!r} holds {ftype}, not strings")
            if not first_schema:
                first_schema.append(pf.schema_arrow)
            for batch in pf.iter_batches(batch_size=4096):
                columns = [batch.column(f).to_pylist() for f in fields]
                yield (batch, [len(c) for c in columns]), [v for c in columns for v in c]

    for (batch, lengths), outputs in _zip_records(records(), run_texts, wrap):
        arrays = list(batch.columns)
        pos = 0
        for field, n in zip(fields, lengths):
            i = batch.schema.get_field_index(field)
            arrays[i] = pa.array(outputs[pos : pos + n], type=batch.schema.field(i).type)
            pos += n
        table = pa.Table.from_batches([pa.RecordBatch.from_arrays(arrays, schema=batch.schema)])
        if writer is None:
            writer = pq.ParquetWriter(out, table.schema)
        elif table.schema != writer.schema:
            raise InputError(f"{output}: input files have different Parquet schemas")
        writer.write_table(table)
    if writer is None:  # no rows at all: still write a valid, empty file
        writer = pq.ParquetWriter(out, first_schema[0])
    writer.close()
