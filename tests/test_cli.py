"""The ``bnnorm`` command: normalize, explain, dates; formats, errors, exit codes, streaming."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import bnnorm
from bnnorm.cli import build_parser, main

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "examples" / "sample.txt"

LINES = [
    "শনিবার, ২০ ডিসেম্বর ২০২৫, ৬ পৌষ ১৪৩২ বঙ্গাব্দ",
    "চিনের প্রেসিডেন্ট শি জিনপিং (Xi Jinping) বেজিংয়ে\u00a0বক্তব্য দেন ।",
    "রাত ৯টা ৩০ মিনিটে ফিরলেন",
    "nothing Bengali here",
]


class Run:
    def __init__(self, status: int, out: bytes, err: str) -> None:
        self.status, self.out, self.err = status, out, err

    @property
    def text(self) -> str:
        return self.out.decode("utf-8")


@pytest.fixture
def bn(capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch):
    """Run ``bnnorm ARGS`` in this process, with *stdin* bytes; returns status, stdout bytes, stderr text."""

    def run(*args: str, stdin: bytes = b"") -> Run:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        status = main([str(a) for a in args])
        captured = capsysbinary.readouterr()
        return Run(status, captured.out, captured.err.decode("utf-8"))

    return run


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# -- normalize: text ---------------------------------------------------------------


def test_normalize_file_matches_the_library_line_by_line(bn, tmp_path: Path) -> None:
    src = write(tmp_path / "in.txt", "\n".join(LINES) + "\n")
    r = bn("normalize", src)
    assert r.status == 0 and r.err == ""
    assert r.text == "".join(bnnorm.normalize(line) + "\n" for line in LINES)


def test_line_endings_are_kept(bn, tmp_path: Path) -> None:
    src = write(tmp_path / "in.txt", "২০২৫\r\n১০টা\nশেষ ১")
    assert bn("normalize", "--dates", "keep", src).text == "2025\r\n10টা\nশেষ 1"


def test_stdin_when_no_file_and_dash(bn) -> None:
    data = "\n".join(LINES).encode("utf-8")
    expected = "\n".join(bnnorm.normalize(line) for line in LINES)
    assert bn("normalize", stdin=data).text == expected
    assert bn("normalize", "-", stdin=data).text == expected


def test_several_files_in_order_and_output_file(bn, tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "১\n")
    b = write(tmp_path / "b.txt", "২\n")
    out = tmp_path / "out.txt"
    r = bn("normalize", a, b, "-o", out)
    assert r.status == 0 and r.out == b""
    assert out.read_text(encoding="utf-8") == "1\n2\n"


@pytest.mark.parametrize(
    "args, options",
    [
        (["--digits", "bengali"], {"digits": "bengali"}),
        (["--dates", "keep", "--digits", "keep"], {"dates": "keep", "digits": "keep"}),
        (["--glosses", "keep", "--standard", "wb", "--calendar", "wb"], {"glosses": "keep", "standard": "wb", "calendar": "wb"}),
        (["--unicode", "keep", "--whitespace", "keep", "--spelling", "keep"], {"unicode": "keep", "whitespace": "keep", "spelling": "keep"}),
    ],
)
def test_stage_switches_mirror_normalize_options(bn, tmp_path: Path, args: list[str], options: dict) -> None:
    src = write(tmp_path / "in.txt", "\n".join(LINES) + "\n")
    assert bn("normalize", *args, src).text == "".join(bnnorm.normalize(line, **options) + "\n" for line in LINES)


def test_every_option_has_a_switch() -> None:
    from bnnorm.normalize import OPTIONS

    helptext = build_parser()._subparsers._group_actions[0].choices["normalize"].format_help()  # type: ignore[union-attr]
    for name in OPTIONS:
        assert f"--{name}" in helptext


def test_jobs_2_gives_the_same_output(bn, tmp_path: Path) -> None:
    src = write(tmp_path / "in.txt", "\n".join(LINES * 60) + "\n")
    one = bn("normalize", src).out
    assert bn("normalize", "--jobs", "2", "--chunksize", "7", src).out == one


def test_stats_reports_edits_by_stage(bn, tmp_path: Path) -> None:
    src = write(tmp_path / "in.txt", "২০২৫ সালে ১০টা\nabc\n")
    r = bn("normalize", "--stats", "--dates", "keep", src)
    assert r.text == "2025 সালে 10টা\nabc\n"
    assert "2 texts, 1 changed (50.0%)" in r.err
    row = next(line for line in r.err.splitlines() if line.startswith("digits/"))
    assert row.split()[1:] == ["2", "1"]  # 2 edits in 1 text


def test_no_progress_bar_when_stderr_is_not_a_terminal(bn, tmp_path: Path) -> None:
    pytest.importorskip("tqdm")
    src = write(tmp_path / "in.txt", "১\n" * 50)
    assert bn("normalize", src).err == ""
    bar = bn("normalize", "--progress", "always", src)
    assert bar.status == 0 and "50 texts" in bar.err


# -- normalize: errors and exit statuses ------------------------------------------------


def test_missing_file_is_one_line_exit_2(bn, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    r = bn("normalize", missing)
    assert r.status == 2
    assert r.err == f"bnnorm: {missing}: no such file\n"
    r = bn("normalize", tmp_path)
    assert r.status == 2 and r.err == f"bnnorm: {tmp_path}: is a directory\n"


def test_invalid_utf8_names_file_and_line_exit_2(bn, tmp_path: Path) -> None:
    src = write(tmp_path / "bad.txt", "ভালো\nআরও\nখারাপ \xff\n".encode("utf-8").replace(b"\xc3\xbf", b"\xff"))
    r = bn("normalize", src)
    assert r.status == 2
    assert r.err.count("\n") == 1 and "Traceback" not in r.err
    assert r.err.startswith(f"bnnorm: {src}:3: invalid UTF-8 (byte 0xff at column 7)")
    assert "--errors replace" in r.err


def test_errors_replace_carries_on(bn, tmp_path: Path) -> None:
    src = write(tmp_path / "bad.txt", b"\xe0\xa7\xa7 \xff\n\xe0\xa7\xa8\n")
    r = bn("normalize", "--errors", "replace", src)
    assert r.status == 0
    assert r.text == "1 \ufffd\n2\n"


def test_invalid_utf8_on_stdin(bn) -> None:
    r = bn("normalize", stdin=b"ok\n\xfe\n")
    assert r.status == 2 and r.err.startswith("bnnorm: <stdin>:2: invalid UTF-8")


def test_failed_run_leaves_no_output_file(bn, tmp_path: Path) -> None:
    src = write(tmp_path / "bad.txt", b"good\n\xff\n")
    out = tmp_path / "out.txt"
    assert bn("normalize", src, "-o", out).status == 2
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]  # no temporary file left either


def test_usage_errors_exit_2(bn, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["normalize", "--digits", "roman"])
    assert exc.value.code == 2
    txt = write(tmp_path / "a.txt", "x\n")
    r = bn("normalize", "--field", "body", txt)
    assert r.status == 2 and "plain text" in r.err
    assert bn("normalize", "--jobs", "-3", txt).status == 2


def test_real_process_exit_status_and_no_traceback(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.txt", b"\xff\n")
    proc = subprocess.run(
        [sys.executable, "-m", "bnnorm", "normalize", str(bad)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert proc.stderr == f"bnnorm: {bad}:1: invalid UTF-8 (byte 0xff at column 1); use --errors replace to carry on\n"


def test_interrupt_exits_130() -> None:
    pytest.importorskip("tqdm")
    # --progress always prints the bar once the command is running: then interrupt it.
    proc = subprocess.Popen(
        [sys.executable, "-m", "bnnorm", "normalize", "--progress", "always"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stderr is not None
        proc.stderr.read1(1)  # type: ignore[attr-defined]
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 130
    finally:
        proc.kill()
        proc.wait()


def test_broken_pipe_is_not_an_error(tmp_path: Path) -> None:
    src = write(tmp_path / "big.txt", "২০২৫ সালে\n" * 200_000)
    cmd = f"{sys.executable} -m bnnorm normalize {src} | head -n 1"
    proc = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True, timeout=60)
    assert proc.stdout == "2025 সালে\n"
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (0, 141)  # 141: head closed the pipe; bnnorm itself exits 0


# -- normalize: structured formats --------------------------------------------------------


def test_jsonl_field(bn, tmp_path: Path) -> None:
    records = [
        {"id": 1, "text": "২০২৫ সালে", "title": "১০টা"},
        {"id": 2, "text": None, "title": "শনিবার"},
        {"id": 3, "text": 42, "title": "x"},
    ]
    src = write(tmp_path / "in.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records) + "\n")
    r = bn("normalize", "--field", "text", src)
    got = [json.loads(line) for line in r.text.splitlines()]
    assert got == [
        {"id": 1, "text": bnnorm.normalize("২০২৫ সালে"), "title": "১০টা"},
        {"id": 2, "text": None, "title": "শনিবার"},
        {"id": 3, "text": 42, "title": "x"},
    ]
    both = [json.loads(line) for line in bn("normalize", "--field", "text", "--field", "title", src).text.splitlines()]
    assert both[0]["title"] == bnnorm.normalize("১০টা")


def test_jsonl_errors(bn, tmp_path: Path) -> None:
    src = write(tmp_path / "in.jsonl", '{"text": "ক"}\n{"text": \n')
    r = bn("normalize", src)
    assert r.status == 2 and r.err.startswith(f"bnnorm: {src}:2: not valid JSON")
    src2 = write(tmp_path / "in2.jsonl", '{"body": "ক"}\n')
    r = bn("normalize", src2)
    assert r.status == 2 and "no field 'text'" in r.err


@pytest.mark.parametrize("ext, delimiter", [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_column(bn, tmp_path: Path, ext: str, delimiter: str) -> None:
    rows = [["id", "body", "note"], ["1", "২০২৫, সালে", "১"], ["2", "দুই লাইন\nএকটি ঘরে ১০টা", "x"]]
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(rows)
    src = write(tmp_path / f"in.{ext}", buf.getvalue())
    r = bn("normalize", "--column", "body", src)
    assert r.status == 0, r.err
    got = list(csv.reader(io.StringIO(r.text), delimiter=delimiter))
    assert got[0] == rows[0]
    assert got[1] == ["1", bnnorm.normalize("২০২৫, সালে"), "১"]
    assert got[2] == ["2", bnnorm.normalize("দুই লাইন\nএকটি ঘরে ১০টা"), "x"]
    r = bn("normalize", "--column", "missing", src)
    assert r.status == 2 and "no column 'missing'" in r.err


def test_parquet_column(bn, tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"id": list(range(5000)), "text": ["২০২৫ সালে", None, "শনিবার", "x", "১০টা"] * 1000})
    src = tmp_path / "in.parquet"
    pq.write_table(table, src, row_group_size=1500)
    out = tmp_path / "out.parquet"
    r = bn("normalize", src, "--column", "text", "-o", out, "--jobs", "2")
    assert r.status == 0, r.err
    result = pq.read_table(out)
    assert result.schema == table.schema
    assert result.column("id").to_pylist() == list(range(5000))
    expected = [None if t is None else bnnorm.normalize(t) for t in table.column("text").to_pylist()]
    assert result.column("text").to_pylist() == expected
    assert bn("normalize", src, "--column", "id", "-o", out).status == 2  # not a string column


def test_mixed_formats_are_refused(bn, tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "x\n")
    b = write(tmp_path / "b.jsonl", '{"text": "x"}\n')
    r = bn("normalize", a, b)
    assert r.status == 2 and "mix formats" in r.err


# -- streaming: constant memory --------------------------------------------------------

# VmHWM (peak RSS of this process image), not ru_maxrss: Linux carries
# ru_maxrss over from the forking parent across exec, which would hide growth.
_PEAK = (
    "import sys\n"
    "from bnnorm.cli import main\n"
    "rc = main(sys.argv[1:])\n"
    "hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]\n"
    "print(hwm, file=sys.stderr)\n"
    "sys.exit(rc)\n"
)


def _peak_kib(*args: str) -> int:
    proc = subprocess.run([sys.executable, "-c", _PEAK, *args], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return int(proc.stderr.strip().splitlines()[-1])


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux /proc")
def test_memory_stays_constant_on_a_large_file(tmp_path: Path) -> None:
    # 24 MB of Bengali lines through the digits stage: if the command held the
    # input (or the output) in memory, the peak would grow by tens of MB.
    line = "২০২৫ সালের ৮০তম দিনে ১,২৫,০০০ টাকা খরচ হয়েছে বলে জানা গেছে এবং আরও কিছু লেখা\n"
    big = tmp_path / "big.txt"
    with open(big, "w", encoding="utf-8") as fh:
        fh.write(line * (24_000_000 // len(line.encode("utf-8"))))
    small = write(tmp_path / "small.txt", line * 10)
    only_digits = ["--unicode", "keep", "--glosses", "keep", "--spelling", "keep", "--dates", "keep", "--whitespace", "keep"]
    base = _peak_kib("normalize", *only_digits, str(small), "-o", str(tmp_path / "s.out"))
    started = time.perf_counter()
    peak = _peak_kib("normalize", *only_digits, str(big), "-o", str(tmp_path / "b.out"))
    elapsed = time.perf_counter() - started
    assert os.path.getsize(tmp_path / "b.out") == os.path.getsize(big) - _digit_shrink(big)  # it all came through
    assert peak - base < 10_000, f"peak RSS grew by {(peak - base) / 1024:.1f} MB on a 24 MB file ({elapsed:.1f} s)"


def _digit_shrink(path: Path) -> int:
    # Each Bengali digit (3 bytes in UTF-8) becomes one ASCII byte.
    text = path.read_text(encoding="utf-8")
    return 2 * sum(text.count(d) for d in "০১২৩৪৫৬৭৮৯")


# -- explain -----------------------------------------------------------------------------


def test_explain_prints_each_edit_with_stage_and_rule(bn) -> None:
    text = "চিনের প্রেসিডেন্ট (Xi Jinping)\u00a0২০২৫"
    r = bn("explain", text)
    assert r.status == 0
    lines = r.text.splitlines()
    steps = bnnorm.explain(text)
    n_edits = sum(len(s.edits) for s in steps)
    assert len(lines) == n_edits + 2
    assert lines[0] == "input:  চিনের প্রেসিডেন্ট (Xi Jinping)<NBSP>২০২৫"
    assert lines[-1] == "output: " + bnnorm.normalize(text)
    for step in steps:
        assert any(f"{step.stage}/" in line for line in lines[1:-1])
    assert any("'২০২৫' → '2025'" in line for line in lines)


def test_explain_json_and_stdin_and_nothing_to_change(bn) -> None:
    r = bn("explain", "--json", "--dates", "keep", "২০২৫ সালে")
    records = [json.loads(line) for line in r.text.splitlines()]
    assert records == [
        {"stage": "digits", "rule": "bengali_digits_to_ascii", "start": 0, "end": 4, "before": "২০২৫", "after": "2025"}
    ]
    assert "(nothing to change)" in bn("explain", stdin="abc\n".encode()).text
    assert bn("explain", "--digits", "bengali", "2025").text.splitlines()[-1] == "output: ২০২৫"


# -- dates -------------------------------------------------------------------------------


def test_dates_tsv(bn, tmp_path: Path) -> None:
    src = write(tmp_path / "d.txt", "কিছু নেই\nশনিবার, ২০ ডিসেম্বর ২০২৫, রাত ৯টায়\n")
    r = bn("dates", src)
    assert r.status == 0
    rows = [line.split("\t") for line in r.text.splitlines()]
    header = rows[0]
    assert header[:7] == ["file", "line", "kind", "start", "end", "text", "value"]
    got = [dict(zip(header, row)) for row in rows[1:]]
    assert [(g["line"], g["kind"], g["value"]) for g in got] == [("2", "date", "2025-12-20"), ("2", "time", "21:00")]
    assert got[0]["weekday_consistent"] == "true"
    line = "শনিবার, ২০ ডিসেম্বর ২০২৫, রাত ৯টায়"
    assert line[int(got[0]["start"]) : int(got[0]["end"])] == got[0]["text"]


def test_dates_jsonl_calendar_and_problems(bn, tmp_path: Path) -> None:
    src = write(tmp_path / "d.txt", "৬ পৌষ ১৪৩২ বঙ্গাব্দ\nরবিবার, ২০ ডিসেম্বর ২০২৫\n")
    recs = [json.loads(x) for x in bn("dates", "--format", "jsonl", "--kind", "dates", src).text.splitlines()]
    assert recs[0]["value"] == "2025-12-21" and recs[0]["alternatives"]["bd1987"] == "2025-12-20"
    wb = [json.loads(x) for x in bn("dates", "--format", "jsonl", "--calendar", "bd1987", src).text.splitlines()]
    assert wb[0]["value"] == "2025-12-20"
    r = bn("dates", "--problems", src)
    assert r.status == 1  # Sunday is not 20 December 2025
    assert len(r.text.splitlines()) == 2 and "\t2\tdate\t" in r.text
    ok = write(tmp_path / "ok.txt", "শনিবার, ২০ ডিসেম্বর ২০২৫\n")
    assert bn("dates", "--problems", ok).status == 0


def test_dates_errors(bn, tmp_path: Path) -> None:
    assert bn("dates", tmp_path / "missing.txt").status == 2
    bad = write(tmp_path / "bad.txt", b"\xff")
    r = bn("dates", bad)
    assert r.status == 2 and f"{bad}:1: invalid UTF-8" in r.err


# -- help --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["normalize", "explain", "dates"])
def test_help_has_examples_and_exit_codes(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "exit status" in out and f"bnnorm {command}" in out


def test_sample_file_normalizes_cleanly(bn) -> None:
    assert bn("normalize", "--sample").out == bn("normalize", SAMPLE).out
    assert bn("normalize", "--sample", SAMPLE).status == 2
    r = bn("normalize", SAMPLE)
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    assert r.status == 0 and r.text.splitlines() == [bnnorm.normalize(x) for x in lines]
    assert len(lines) >= 20


def test_top_level_help_has_examples_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "exit status" in out
    for command in ("normalize", "explain", "dates"):
        assert command in out


def test_csv_field_longer_than_the_csv_module_default(bn, tmp_path: Path) -> None:
    long_text = "১" * 200_000  # the csv module refuses fields over 131,072 characters by default
    src = write(tmp_path / "long.csv", f"id,text\n1,{long_text}\n")
    r = bn("normalize", src)
    assert r.status == 0, r.err
    assert r.text == "id,text\n1," + "1" * 200_000 + "\n"


# -- properties ----------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_LINE = st.text(
    alphabet=st.sampled_from(list("কখগচটতনপমযরলস়ািীুেো্ং০১২৩৪৫৬৭৮৯ 0123456789(),.:|।-/abcXY\u00a0\u200b\u200d\ufffd")),
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_LINE, max_size=8), endings=st.lists(st.sampled_from(["\n", "\r\n"]), min_size=8, max_size=8), last=st.booleans())
def test_text_output_is_normalize_per_line_with_endings_kept(bn, tmp_path: Path, lines, endings, last) -> None:
    terms = [endings[i] for i in range(len(lines))]
    if lines and not last:
        terms[-1] = ""  # a last line without a newline
    src = write(tmp_path / "p.txt", "".join(line + term for line, term in zip(lines, terms)))
    r = bn("normalize", src)
    assert r.status == 0
    assert r.text == "".join(bnnorm.normalize(line) + term for line, term in zip(lines, terms))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.one_of(st.none(), _LINE), max_size=6))
def test_jsonl_round_trip(bn, tmp_path: Path, texts) -> None:
    src = write(tmp_path / "p.jsonl", "".join(json.dumps({"i": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)))
    got = [json.loads(line) for line in bn("normalize", src).text.splitlines()]
    assert got == [{"i": i, "text": None if t is None else bnnorm.normalize(t)} for i, t in enumerate(texts)]
