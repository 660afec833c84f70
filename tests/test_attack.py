"""Faults found by attacking positions: each test states a promise and fails while it is broken.

The promises (README, "Exit codes" and "Untrusted files"): every failure is exit 1 or 2 with
plain ``positions: ...`` lines on stderr (``FILE:LINE:COL`` for a bad data file), never a
traceback or an internal error; nothing the user wrote is lost or replaced; data is never
interpreted as markup and every format escapes what it prints.

Tests that need a real process (closed or full standard output, FIFOs, devices, memory limits)
run the installed command; the others use the in-process ``run`` fixture. A process's timeout
only guards against a hang (a FIFO read forever): how long a large input takes is measured in
benchmarks/run.py, never judged here.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import resource
import stat
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from string import ascii_lowercase
from typing import Any

import pytest

from positions.loader import MAX_BYTES

from .conftest import CI, EXE, MINIMAL, THREE, Run, generate, needs_exe, shapes

GIB = 1024**3


# -- helpers -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ran:
    """What a real process did."""

    code: int
    out: bytes
    err: str


def proc(
    *args: str,
    timeout: float = 20,
    memory: int | None = None,
    close_stdout: bool = False,
    stdout: Any = subprocess.PIPE,
    cwd: Path | None = None,
    **env: str,
) -> Ran:
    """Run the installed command; fail the test if it is still running after ``timeout`` s.

    ``memory`` caps the address space of the process; ``close_stdout`` runs it with ``>&-``.
    """
    assert EXE is not None

    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        if close_stdout:
            os.close(1)

    environ = {k: v for k, v in os.environ.items() if k not in {"POSITIONS_FILE", "NO_COLOR"}}
    environ.update({"COLUMNS": "80", **env})
    try:
        done: subprocess.CompletedProcess[bytes] | None = subprocess.run(
            [EXE, *args],
            stdin=subprocess.DEVNULL,
            stdout=None if close_stdout else stdout,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=environ,
            timeout=timeout,
            preexec_fn=limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        done = None  # reported below, outside the handler, without subprocess's traceback
    if done is None:
        pytest.fail(f"positions {' '.join(args)[:200]} still running after {timeout} s")
    return Ran(done.returncode, done.stdout or b"", done.stderr.decode("utf-8", "replace"))


def assert_clean(err: str) -> None:
    """No traceback and no internal error on stderr."""
    assert "Traceback" not in err, err[-2000:]
    assert "internal error" not in err, err[-2000:]


def assert_one_line(err: str) -> None:
    """Exactly one plain ``positions: ...`` line on stderr."""
    assert_clean(err)
    lines = err.splitlines()
    assert len(lines) == 1, err[-2000:]
    assert lines[0].startswith("positions: "), err[-2000:]


def assert_located(err: str, path: Path) -> None:
    """Every line on stderr is a located problem in ``path`` (or the count of those left out)."""
    assert_clean(err)
    lines = err.splitlines()
    assert lines, "no message at all"
    located = re.compile(rf"positions: {re.escape(str(path))}:\d+:\d+: \S")
    for line in lines:
        more = re.fullmatch(r"positions: \.\.\. and \d+ more .*", line)
        assert located.match(line) or more, err[-2000:]


def minimal(tmp_path: Path, *edits: tuple[str, str], name: str = "data.yaml") -> Path:
    """A copy of minimal.yaml with each (old, new) replacement made, in ``tmp_path``."""
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def device(path: Path, minor: int) -> Path:
    """A copy of a memory device (3 null, 5 zero, 7 full) at ``path``, made with mknod."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("mknod is not permitted here")
    return path


# -- 1. large inputs: refused in bounded memory ---------------------------------------------------


@needs_exe
def test_huge_flow_list_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """A 16 MiB flow list of 8 million tiny items: a located refusal, within 2 GB and 20 s."""
    head = MINIMAL.read_bytes().replace(b"title: Minimal example\n", b"")
    items = (MAX_BYTES - len(head) - 64) // 2
    path = tmp_path / "flow.yaml"
    path.write_bytes(head + b"title: [" + b"1," * items + b"1]\n")
    assert path.stat().st_size <= MAX_BYTES
    result = proc("validate", str(path), timeout=20, memory=2 * GIB)
    assert result.code == 1
    assert_located(result.err, path)


@needs_exe
def test_many_unknown_keys_are_refused(tmp_path: Path) -> None:
    """16 MiB of unknown keys (2.4 million): located problems within 2 GB and 20 s."""
    path = tmp_path / "keys.yaml"
    budget = MAX_BYTES - 64
    with path.open("w", encoding="ascii") as handle:
        for letters in (4, 5):
            for key in product(ascii_lowercase, repeat=letters):
                line = "".join(key) + ":\n"
                budget -= len(line)
                if budget < 0:
                    break
                handle.write(line)
            if budget < 0:
                break
    result = proc("validate", str(path), timeout=20, memory=2 * GIB)
    assert result.code == 1
    assert_located(result.err, path)


@needs_exe
def test_many_small_mappings_are_refused_in_bounded_memory(tmp_path: Path) -> None:
    """16 MiB of empty mappings in a block list (3 million nodes): located refusal within 1 GB."""
    head = MINIMAL.read_bytes().replace(b"title: Minimal example\n", b"")
    count = (MAX_BYTES - len(head) - 64) // 5
    path = tmp_path / "maps.yaml"
    path.write_bytes(head + b"title:\n" + b"- {}\n" * count)
    result = proc("validate", str(path), timeout=20, memory=GIB)
    assert result.code == 1
    assert_located(result.err, path)


@needs_exe
def test_many_undefined_sources_are_reported(tmp_path: Path) -> None:
    """5,000 quotes citing undefined sources among 5,000 defined (400 KB): reported in 20 s."""
    lines = ["schema: positions/1", "title: t", "sources:"]
    lines += [f"  s{i}: {{title: t}}" for i in range(5000)]
    lines += [
        "issues:",
        "  i: {name: n, question: q, outcomes: {o: d}}",
        "parties:",
        "  p:",
        "    name: P",
        "    stances:",
        "      i:",
        "        summary: s",
        "        accepts: [o]",
        "        firmness: firm",
        "        evidence:",
    ]
    lines += [f"          - {{source: x{i}, quote: q, attribution: stated}}" for i in range(5000)]
    path = tmp_path / "refs.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="ascii")
    result = proc("validate", str(path), timeout=20, memory=2 * GIB)
    assert result.code == 1
    assert_located(result.err, path)


@needs_exe
def test_huge_summary_is_compared(tmp_path: Path) -> None:
    """A 6 MB summary (a file well under the 16 MiB limit): compare ends within 20 s."""
    path = minimal(
        tmp_path, ("summary: Wants to keep the land.", 'summary: "' + "word " * 1_200_000 + '"')
    )
    result = proc("compare", "north", "south", "--data", str(path), timeout=20, memory=2 * GIB)
    assert_clean(result.err)
    assert result.code in (0, 1)
    if result.code == 1:
        assert_located(result.err, path)


# -- 2. output targets: never replaced, failures reported -----------------------------------------


def _fifo_reader(path: Path) -> int:
    os.mkfifo(path)
    return os.open(path, os.O_RDONLY | os.O_NONBLOCK)


def _drain(fd: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


@needs_exe
@pytest.mark.parametrize("kind", ["null-device", "symlink-to-device", "fifo", "symlink-to-file"])
def test_output_that_is_not_a_regular_file_is_not_replaced(tmp_path: Path, kind: str) -> None:
    """``export -o`` onto a device, FIFO or symlink writes through it or refuses; never replaces."""
    out = tmp_path / "out.csv"
    reader = None
    target = tmp_path / "target"
    if kind == "null-device":
        device(out, 3)
    elif kind == "symlink-to-device":
        device(target, 3)
        out.symlink_to(target)
    elif kind == "fifo":
        reader = _fifo_reader(out)
    else:
        target.write_text("earlier report")
        out.symlink_to(target)
    before = os.lstat(out)
    result = proc("export", "-o", str(out), "--format", "csv", "--data", str(MINIMAL), timeout=10)
    received = _drain(reader) if reader is not None else b""
    after = os.lstat(out)
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode), "the node was replaced"
    assert after.st_ino == before.st_ino, "the node was replaced"
    if kind == "symlink-to-device":
        assert stat.S_ISCHR(os.lstat(target).st_mode)
    if result.code == 0:
        assert result.err == f"positions: wrote {out} (csv)\n"
        if kind == "fifo":
            assert b"issue,issue_name" in received
        if kind == "symlink-to-file":
            assert "issue,issue_name" in target.read_text(encoding="utf-8-sig")
    else:
        assert result.code == 1
        assert_one_line(result.err)
        if kind == "symlink-to-file":
            assert target.read_text() == "earlier report"


@needs_exe
@pytest.mark.parametrize("target", ["/dev/stdout", "/dev/fd/1", "process-substitution"])
def test_output_into_a_pipe_is_written(tmp_path: Path, target: str) -> None:
    """``-o /dev/stdout``, ``-o /dev/fd/N`` and ``-o >(gzip > t.csv.gz)`` write into the pipe."""
    export = '"$0" export --format csv --data "$1" -o'
    if target == "process-substitution":
        command = f"{export} >(cat > received.csv); sleep 0.3"
    else:
        command = f"{export} {target} > received.csv"
    result = subprocess.run(
        ["bash", "-c", command, str(EXE), str(MINIMAL)],
        capture_output=True, text=True, cwd=tmp_path, timeout=20, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("positions: wrote /dev/")
    rows = list(csv.reader(io.StringIO((tmp_path / "received.csv").read_text("utf-8-sig"))))
    assert rows[0][:2] == ["issue", "issue_name"]
    assert len(rows) == 3


@needs_exe
def test_output_to_stdout_appended_keeps_what_was_there(tmp_path: Path) -> None:
    """``-o /dev/stdout >> log`` appends, as the shell asked: nothing already in ``log`` is lost."""
    log = tmp_path / "log"
    log.write_text("earlier line\n")
    with log.open("a") as out:
        subprocess.run(
            [str(EXE), "export", "--format", "json", "--data", str(MINIMAL), "-o", "/dev/stdout"],
            stdout=out, stderr=subprocess.DEVNULL, check=True, timeout=20,
        )  # fmt: skip
    first, second = log.read_text().split("\n", 1)
    assert first == "earlier line"
    assert json.loads(second)["schema"] == "positions-compare/2"


@needs_exe
def test_fifo_nobody_reads_from_is_refused(tmp_path: Path) -> None:
    """``-o FIFO`` with no reader is refused at once, not waited on; the FIFO stays."""
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    result = proc("export", "--format", "csv", "--data", str(MINIMAL), "-o", str(fifo), timeout=10)
    assert (result.code, result.err) == (
        1,
        f"positions: {fifo}: nothing is reading from it; expected a reader\n",
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("command", ["export", "matrix"])
def test_read_only_output_is_not_replaced_without_force(
    run: Any, tmp_path: Path, command: str
) -> None:
    """A read-only report is refused, as ``cp`` refuses it; ``--force`` replaces it, mode kept."""
    report = tmp_path / "report.json"
    report.write_text("earlier report")
    report.chmod(0o444)
    args = (command, "--format", "json", "--data", str(MINIMAL), "-o", str(report))
    result = run(*args)
    assert (result.code, result.err) == (
        1,
        f"positions: {report}: is read-only; expected a file positions may replace "
        "(--force replaces it all the same)\n",
    )
    assert report.read_text() == "earlier report"
    forced = run(*args, "--force")
    assert (forced.code, forced.err) == (0, f"positions: wrote {report} (json)\n")
    assert json.loads(report.read_text())["data"] == str(MINIMAL)
    assert stat.S_IMODE(report.stat().st_mode) == 0o444


@needs_exe
@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become another user")
@pytest.mark.skipif(not os.path.exists("/usr/bin/setpriv"), reason="no setpriv")
def test_unprivileged_user_does_not_replace_a_read_only_file() -> None:
    """As an unprivileged user in a folder they may write, a read-only file is not replaced.

    The rename would succeed (the folder is writable): only the check of the file itself
    keeps it. Runs where the installed command and a temporary folder are open to that user.
    """
    as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        folder.chmod(0o777)
        report = folder / "report.csv"
        report.write_text("earlier report")
        report.chmod(0o444)
        data = folder / "data.yaml"
        data.write_text(MINIMAL.read_text())
        data.chmod(0o644)
        probe = subprocess.run(
            [*as_nobody, str(EXE), "validate", str(data)], capture_output=True, check=False
        )
        if probe.returncode != 0:
            pytest.skip("the installed command or the temporary folder is closed to that user")
        result = subprocess.run(
            [*as_nobody, str(EXE), "export", "--data", str(data), "-o", str(report)],
            capture_output=True, text=True, check=False, timeout=20,
        )  # fmt: skip
        assert (result.returncode, result.stderr) == (
            1,
            f"positions: {report}: is read-only; expected a file positions may replace "
            "(--force replaces it all the same)\n",
        )
        assert report.read_text() == "earlier report"


@needs_exe
@pytest.mark.parametrize("signum", [15, 1], ids=["SIGTERM", "SIGHUP"])
def test_termination_during_an_export_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    """SIGTERM or SIGHUP while the report is written: no ``.out.csv.XXXX.tmp`` is left behind.

    The signal arrives just before the temporary file would be renamed over the report (the
    process sends it to itself there), the report is untouched, and the process ends by it.
    """
    report = tmp_path / "out.csv"
    report.write_text("earlier report")
    script = (
        "import os, sys\n"
        "import positions.writing as writing\n"
        "def replace(*args):\n"
        f"    os.kill(os.getpid(), {signum})\n"
        "writing.os.replace = replace\n"
        "from positions.__main__ import main\n"
        "sys.argv = ['positions', *sys.argv[1:]]\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "export", "--data", str(MINIMAL), "-o", str(report)],
        capture_output=True, text=True, cwd=tmp_path, timeout=20, check=False,
    )  # fmt: skip
    assert result.returncode == -signum, result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    assert report.read_text() == "earlier report"


@needs_exe
def test_output_on_a_full_device_reports_no_space(tmp_path: Path) -> None:
    """``export -o`` onto a full device (a copy of /dev/full): exit 1, "No space left on device"."""
    out = device(tmp_path / "full", 7)
    result = proc("export", "-o", str(out), "--format", "csv", "--data", str(MINIMAL), timeout=10)
    assert stat.S_ISCHR(os.lstat(out).st_mode), "the device was replaced by a file"
    assert result.code == 1
    assert_one_line(result.err)
    assert "No space left on device" in result.err


def test_export_to_the_longest_file_name(run: Any, tmp_path: Path) -> None:
    """A 254-byte file name is valid on Linux: export writes it (no temporary name too long)."""
    out = tmp_path / ("a" * 250 + ".csv")
    result = run("export", "-o", str(out), "--data", str(MINIMAL))
    assert (result.code, result.err) == (0, f"positions: wrote {out} (csv)\n")
    assert "issue,issue_name" in out.read_text(encoding="utf-8-sig")
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_export_svg_does_not_ignore_issue(run: Any, tmp_path: Path) -> None:
    """``export --issue`` is never dropped: an unknown issue is a usage error for SVG too."""
    out = tmp_path / "matrix.svg"
    result = run("export", "--issue", "no-such-issue", "-o", str(out), "--data", str(THREE))
    assert result.code == 2
    assert_one_line(result.err)
    assert not out.exists()


@pytest.mark.parametrize("command", ["validate", "verify"])
def test_file_argument_does_not_silently_override_data(
    run: Any, tmp_path: Path, command: str
) -> None:
    """``--data`` comes first (README); a FILE argument naming another file never hides it."""
    missing = tmp_path / "missing.yaml"
    quotes = 'North will keep the land. "South wants the land back - now," said the South\'s'
    (tmp_path / "s1.txt").write_text(quotes + " president.")
    extra = ("--sources", str(tmp_path)) if command == "verify" else ()
    result = run(command, *extra, str(MINIMAL), "--data", str(missing))
    assert result.code in (1, 2)
    assert_one_line(result.err)


# -- 3. standard output that cannot be written ----------------------------------------------------


WRITERS = {
    "compare-json": ("compare", "north", "south", "--format", "json", "--data", str(MINIMAL)),
    "export-csv": ("export", "-o", "-", "--format", "csv", "--data", str(MINIMAL)),
    "compare-table": ("compare", "north", "south", "--data", str(MINIMAL)),
    "parties-table": ("parties", "--data", str(MINIMAL)),
    "validate": ("validate", str(MINIMAL)),
    "matrix-svg": ("matrix", "--format", "svg", "--data", str(MINIMAL)),
}


@needs_exe
@pytest.mark.parametrize("command", list(WRITERS))
def test_closed_stdout_is_a_write_error(command: str) -> None:
    """With standard output closed (``>&-``), the command fails: exit 1 and one plain line."""
    result = proc(*WRITERS[command], close_stdout=True, timeout=20)
    assert result.code == 1
    assert_one_line(result.err)


@needs_exe
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize(
    "args",
    [*WRITERS.values(), ("--version",), ("--help",), ("compare", "--help")],
    ids=[*WRITERS, "version", "help", "compare-help"],
)
def test_full_stdout_is_a_write_error(args: tuple[str, ...]) -> None:
    """Standard output on /dev/full (opened, never replaced): exit 1, one plain line."""
    with open("/dev/full", "wb") as full:
        result = proc(*args, stdout=full, timeout=20)
    assert result.code == 1
    assert_one_line(result.err)
    assert "No space left on device" in result.err


# -- 4. SVG is well-formed XML whatever the data holds -------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("title: Minimal example", r'title: "Escape \e[31m red"'),
        ("title: Minimal example", r'title: "Start of heading \x01"'),
        ("title: Minimal example", r'title: "Form feed \f and NUL \0"'),
        ("title: Minimal example", r'title: "Noncharacter \uFFFE"'),
        ("title: Minimal example", r'title: "Noncharacter \uFFFF"'),
        ("name: North", r'name: "North \uFFFE"'),
        ("name: Territory", r'name: "Territory \uFFFF"'),
    ],
    ids=["esc-title", "soh-title", "ff-nul-title", "fffe-title", "ffff-title", "fffe-party",
         "ffff-issue"],
)  # fmt: skip
def test_svg_is_well_formed_xml(run: Any, tmp_path: Path, old: str, new: str) -> None:
    """The matrix as SVG parses as XML whatever characters the title and names hold."""
    path = minimal(tmp_path, (old, new))
    result = run("matrix", "--format", "svg", "-o", "-", "--data", str(path))
    assert result.code == 0
    ET.fromstring(result.out)


# -- 5. usage errors are one line -----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "a", "b", "--format", "xml"),
        ("compare", "a", "b", "--bogus"),
        ("frobnicate",),
        ("show",),
        ("export",),
        ("matrix", "-o"),
        ("compare", "a", "b", "--attribution", "hearsay"),
        ("frob\x1b[2Jnicate",),
    ],
    ids=["bad-choice", "unknown-option", "unknown-command", "missing-argument",
         "missing-option", "option-without-value", "bad-attribution", "escape-in-command"],
)  # fmt: skip
def test_click_usage_error_is_one_line(run: Any, args: tuple[str, ...]) -> None:
    """Every usage error is exit 2 and one ``positions: ...`` line, with control codes escaped."""
    result = run(*args)
    assert result.code == 2
    assert_one_line(result.err)
    assert "\x1b" not in result.err


# -- 6. pipes are read, a FIFO nobody writes to is refused; an empty path is a usage error -------


@needs_exe
@pytest.mark.parametrize(
    "how", ["data", "argument", "env", "diff", "verify-source", "verify-device-source"]
)
def test_fifo_nobody_writes_to_is_refused(tmp_path: Path, how: str) -> None:
    """A FIFO nobody writes to, or an endless device, is refused at once: no hang.

    Exit 1, as for any file that cannot be read; 2 for diff, whose 1 says the files differ.
    """
    fifo = tmp_path / "data.yaml"
    os.mkfifo(fifo)
    env: dict[str, Any] = {}
    if how == "data":
        args: tuple[str, ...] = ("compare", "north", "south", "--data", str(fifo))
    elif how == "argument":
        args = ("validate", str(fifo))
    elif how == "env":
        args, env = ("validate",), {"POSITIONS_FILE": str(fifo)}
    elif how == "diff":
        args = ("diff", str(fifo), str(MINIMAL))
    else:
        sources = tmp_path / "sources"
        sources.mkdir()
        if how == "verify-source":
            os.mkfifo(sources / "s1.txt")
        else:
            device(sources / "s1.txt", 5)  # a copy of /dev/zero: endless
        args = ("verify", "--sources", str(sources), str(MINIMAL))
    result = proc(*args, cwd=tmp_path, timeout=10, memory=GIB, **env)
    assert result.code == (2 if how == "diff" else 1)
    assert_clean(result.err)
    assert all(line.startswith("positions: ") for line in result.err.splitlines()), result.err


@needs_exe
def test_process_substitution_is_read(tmp_path: Path) -> None:
    """``positions diff <(git show HEAD~1:positions.yaml) positions.yaml`` reads the pipe.

    The pipe's writer starts late, as git does: the read waits for it, and reads all it writes.
    """
    (tmp_path / "new.yaml").write_text(
        MINIMAL.read_text().replace("firmness: firm", "firmness: open")
    )
    script = "sleep 0.3; cat " + str(MINIMAL)
    result = subprocess.run(
        ["bash", "-c", f'"$0" diff <({script}) new.yaml', str(EXE)],
        capture_output=True, text=True, cwd=tmp_path, timeout=20, check=False,
    )  # fmt: skip
    assert result.stderr == ""
    assert result.returncode == 1  # different, as diff(1) says
    assert result.stdout.startswith("/dev/fd/")
    assert "firm" in result.stdout
    assert "open" in result.stdout


@needs_exe
@pytest.mark.parametrize("command", ["validate", "compare"])
def test_standard_input_is_read_as_a_data_file(command: str) -> None:
    """``-`` names standard input, read within the same budget and named ``<stdin>``."""
    args = (
        ["validate", "-"] if command == "validate" else ["compare", "north", "south", "--data", "-"]
    )
    result = subprocess.run(
        [str(EXE), *args], input=MINIMAL.read_text(), capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")
    last = result.stdout.splitlines()[-1]
    assert last.startswith("<stdin>: valid" if command == "validate" else "data: <stdin>")
    broken = subprocess.run(
        [str(EXE), "validate", "-"], input="schema: positions/1\ntitle: [\n",
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert broken.returncode == 1
    assert broken.stderr.startswith("positions: <stdin>:3:1: ")


@needs_exe
def test_standard_input_over_the_budget_is_refused() -> None:
    """Standard input gets the file budget: more than 16 MiB is refused, not read for ever."""
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [str(EXE), "validate", "-"], stdin=zero, capture_output=True, text=True, timeout=20,
            check=False,
        )  # fmt: skip
    assert (result.returncode, result.stderr) == (
        1,
        "positions: <stdin>: file is larger than 16 MiB; "
        "expected a positions YAML file of at most that size\n",
    )


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "--data", ""),
        ("validate", ""),
        ("compare", "north", "south", "--data", ""),
        ("verify", "--sources", "", str(MINIMAL)),
        ("export", "-o", "", "--format", "csv", "--data", str(MINIMAL)),
    ],
    ids=["data-option", "file-argument", "compare-data", "verify-sources", "export-output"],
)
def test_empty_path_is_a_usage_error(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """An empty path is a usage error (exit 2), never the default file or the current folder."""
    (tmp_path / "positions.yaml").write_text(MINIMAL.read_text())
    (tmp_path / "s1.txt").write_text("North will keep the land.")
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.code == 2
    assert_one_line(result.err)


# -- 7. problems are located at their real line and column ----------------------------------------


@pytest.mark.parametrize("bad", [b"\x00", b"\xff"], ids=["nul", "invalid-utf8"])
def test_lone_cr_file_locates_the_problem(run: Any, tmp_path: Path, bad: bytes) -> None:
    """In a file with old Mac line ends (CR only), a bad character is located at its own line."""
    lines = [b"schema: positions/1", b"title: t", b"sources: {}", b"issues: {}", b"parties: {}"]
    path = tmp_path / "cr.yaml"
    path.write_bytes(b"\r".join([*lines, b"x: ab" + bad]) + b"\r")
    result = run("validate", str(path))
    assert result.code == 1
    assert result.err.startswith(f"positions: {path}:6:6: "), result.err


def test_control_character_after_accented_text_is_located(run: Any, tmp_path: Path) -> None:
    """A control character is located by characters, not bytes, after accented or CJK text."""
    lines = ["schema: positions/1", 'title: "' + "é" * 20 + "日本" * 10 + '"']
    lines += ["sources: {}", "issues: {}", "parties: {}", "x: ab\x01", ""]
    path = tmp_path / "accents.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run("validate", str(path))
    assert result.code == 1
    assert result.err.startswith(f"positions: {path}:6:6: "), result.err


def test_line_separator_counts_alike_for_every_problem(run: Any, tmp_path: Path) -> None:
    """After a U+2028 in a quoted title, problems on the same line get the same line number."""
    head = 'schema: positions/1\ntitle: "a\u2028b"\n'
    reader = tmp_path / "reader.yaml"
    reader.write_text(head + 'bogus: "\x01"\n', encoding="utf-8")
    checker = tmp_path / "checker.yaml"
    checker.write_text(head + "bogus: 1\n", encoding="utf-8")

    def line_of(path: Path, what: str) -> int:
        err = run("validate", str(path)).err
        found = re.finditer(rf"{re.escape(str(path))}:(\d+):\d+: (.*)", err)
        hits = [int(m.group(1)) for m in found if what in m.group(2)]
        assert hits, err
        return hits[0]

    assert line_of(reader, "U+0001") == line_of(checker, "bogus")


# -- 8. look-alike names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("north", "south"),
    [
        ("Caf\u00e9", "Cafe\u0301"),
        ("North", " North "),
        ("North", "\uff2e\uff4f\uff52\uff54\uff48"),
        ("North", "No\u200drth"),
        ("North", "Nor\u00adth"),
    ],
    ids=["nfc-nfd", "surrounding-spaces", "full-width", "zero-width-joiner", "soft-hyphen"],
)
def test_lookalike_names_are_one_name(run: Any, tmp_path: Path, north: str, south: str) -> None:
    """Two parties whose names differ only invisibly or by normal form are refused as a clash."""
    path = minimal(
        tmp_path, ("name: North", f'name: "{north}"'), ("name: South", f'name: "{south}"')
    )
    result = run("validate", str(path))
    assert result.code == 1
    assert_located(result.err, path)


@pytest.mark.parametrize(
    ("written", "typed"),
    [("Cafe\u0301", "Caf\u00e9"), ("Caf\u00e9", "Cafe\u0301"), ("North", "\uff4e\uff4f\uff52th")],
    ids=["nfd-written", "nfc-written", "full-width-typed"],
)
def test_name_is_found_in_any_normal_form(
    run: Any, tmp_path: Path, written: str, typed: str
) -> None:
    """A party name typed in another Unicode normal form (or full width) still finds the party."""
    path = minimal(tmp_path, ("name: North", f'name: "{written}"'))
    result = run("compare", typed, "south", "--data", str(path))
    assert (result.code, result.err) == (0, "")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("name: North", 'name: "\u200b"'),
        ("name: North", 'name: "\ufeff"'),
        ("name: North", 'name: "\u2060\u200d"'),
        ("name: North", 'name: "\u3164"'),
        ("summary: Wants to keep the land.", 'summary: "\u200b"'),
        ("quote: North will keep the land.", 'quote: "\u200b\u200b"'),
    ],
    ids=["zwsp-name", "bom-name", "joiners-name", "hangul-filler-name", "zwsp-summary",
         "zwsp-quote"],
)  # fmt: skip
def test_invisible_text_is_empty(run: Any, tmp_path: Path, old: str, new: str) -> None:
    """Text made only of invisible characters is empty, and refused where text is required."""
    path = minimal(tmp_path, (old, new))
    result = run("validate", str(path))
    assert result.code == 1
    assert_located(result.err, path)


# -- 9. dates are real calendar dates -------------------------------------------------------------


@pytest.mark.parametrize(
    "date", ["2024-13-45", "2024-02-30", "2023-02-29", "2024-00", "'2024-13'", "2024-04-31"]
)
def test_impossible_date_is_refused(run: Any, tmp_path: Path, date: str) -> None:
    """``published`` must be a real date: no month 13 or 0, no 30 February, no 31 April."""
    path = minimal(
        tmp_path, ("    title: An article", f"    title: An article\n    published: {date}")
    )
    result = run("validate", str(path))
    assert result.code == 1
    assert_located(result.err, path)


# -- 10. many parties: cost in proportion to what is printed --------------------------------------
# Times and memory for 500 to 1,500 parties are measured in benchmarks/run.py (its worst cases);
# here, that the work done does not grow with the square of the parties.


def test_diff_compares_only_the_pairs_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Diff compares again only the pairs of a party that changed what a relation reads.

    And of those only the pairs that share an issue.
    """
    from positions import analysis
    from positions.loader import load

    path = tmp_path / "many.yaml"
    path.write_text(generate(parties=40, issues=3, quotes=1, seed=5))
    calls: list[tuple[str, str]] = []
    real = analysis._pair

    def counted(dataset: Any, a: str, b: str) -> Any:
        calls.append((a, b))
        return real(dataset, a, b)

    monkeypatch.setattr(analysis, "_pair", counted)
    same = load(path)
    assert analysis.diff(same, load(path)).empty
    assert calls == []
    firmer = tmp_path / "firmer.yaml"
    firmer.write_text(path.read_text().replace("firmness: open", "firmness: firm", 1))
    assert analysis.diff(same, load(firmer)).stances
    assert calls == []  # firmness is not what a relation reads
    changed = tmp_path / "changed.yaml"
    text = path.read_text()
    at = text.index("        rejects: [", text.index("  p001:"))
    end = text.index("]", at)
    changed.write_text(text[:at] + "        rejects: [" + text[end:])  # p001 rejects nothing
    analysis.diff(same, load(changed))
    p001 = same.parties["p001"].stances.keys()
    sharing = [p for p in same.parties.values() if p.id != "p001" and p.stances.keys() & p001]
    assert len(calls) == 2 * len(sharing)  # before and after, for each pair with p001


def test_many_parties_leave_the_pairs_out(run: Any, tmp_path: Path) -> None:
    """Compare and matrix of 200 parties count the 19,900 pairs instead of relating each."""
    path = tmp_path / "many.yaml"
    path.write_text(generate(parties=200, issues=2, quotes=1, seed=5))
    ids = [f"p{n:03d}" for n in range(1, 201)]
    compared = json.loads(run("compare", *ids, "--format", "json", "--data", str(path)).out)
    mapped = json.loads(run("matrix", "--format", "json", "--data", str(path)).out)
    for data in (compared, mapped):
        assert (data["pairs"], data["pairs_left_out"]) == ([], 200 * 199 // 2)


# -- Ctrl-C ---------------------------------------------------------------------------------------


INTERRUPT_AT_START = """
import importlib.abc, sys

MODULE = sys.argv[1]

class CtrlC(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == MODULE:
            raise KeyboardInterrupt  # Ctrl-C pressed while this module is being imported
        return None

sys.meta_path.insert(0, CtrlC())
sys.argv[1:] = ["validate", sys.argv[2]]
from positions.__main__ import main
main()
"""


@pytest.mark.parametrize("module", ["click", "positions.model"])
def test_interrupt_during_start_up_exits_130(module: str) -> None:
    """Ctrl-C while the command starts (its imports are much of a short run) is exit 130."""
    result = subprocess.run(
        [sys.executable, "-c", INTERRUPT_AT_START, module, str(MINIMAL)],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    assert result.returncode in (130, -2)
    assert result.stderr.strip() == "positions: interrupted"


# -- text that reaches a terminal, a spreadsheet or a page ----------------------------------------


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_arabic_letter_mark_is_escaped(run: Any, tmp_path: Path, fmt: str) -> None:
    """U+061C, a bidirectional mark like U+200F (which is escaped), never reaches the terminal."""
    path = minimal(tmp_path, ("summary: Wants to keep the land.", 'summary: "abc \u061c def"'))
    result = run("show", "north", "--format", fmt, "--data", str(path))
    assert result.code == 0
    assert "\u061c" not in result.out


def test_csv_formula_after_leading_white_space_is_guarded(run: Any, tmp_path: Path) -> None:
    """A cell whose first visible character starts a formula gets the leading apostrophe."""
    path = minimal(
        tmp_path,
        ("summary: Wants to keep the land.", 'summary: " =HYPERLINK(\\"http://evil\\",\\"x\\")"'),
        ("name: South", 'name: "  @SUM(A1:A9)"'),
        ("quote: North will keep the land.", "quote: \"\\n+cmd|' /C calc'!A0\""),
    )
    result = run("export", "-o", "-", "--format", "csv", "--data", str(path))
    assert result.code == 0
    cells = [cell for row in csv.reader(io.StringIO(result.out)) for cell in row]
    risky = [c for c in cells if c.lstrip("'").lstrip(" \t\r\n")[:1] in ("=", "+", "-", "@")]
    assert len(risky) == 3
    assert all(c.startswith("'") for c in risky), risky


def test_markdown_escapes_dollar_signs(run: Any, tmp_path: Path) -> None:
    """Markdown escapes ``$``, which starts a math formula where GitHub renders the file."""
    path = minimal(
        tmp_path, ("summary: Wants to keep the land.", 'summary: "Pays $5 or $x^2$ at most"')
    )
    result = run("export", "-o", "-", "--format", "markdown", "--data", str(path))
    assert result.code == 0
    assert "5 or" in result.out
    assert not re.search(r"(?<!\\)\$", result.out), "an unescaped $ from the data"


@needs_exe
def test_json_is_utf8_for_any_data_path(tmp_path: Path) -> None:
    """The JSON names the data file; it stays valid UTF-8 JSON when the path is not UTF-8."""
    raw = os.fsencode(tmp_path) + b"/data-\xfe.yaml"
    with open(raw, "wb") as handle:
        handle.write(MINIMAL.read_bytes())
    result = proc("compare", "north", "south", "--format", "json", "--data", os.fsdecode(raw))
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out.decode("utf-8"))
    assert data["schema"] == "positions-compare/2"
    assert data["data"].endswith("/data-\\xfe.yaml")


@needs_exe
def test_json_is_valid_on_an_ascii_terminal(tmp_path: Path) -> None:
    """On a terminal that is not UTF-8, JSON stays valid JSON with the names as written."""
    path = minimal(tmp_path, ("name: North", 'name: "Café 😀"'))
    result = proc("parties", "--format", "json", "--data", str(path), PYTHONIOENCODING="ascii")
    assert (result.code, result.err) == (0, "")
    assert json.loads(result.out.decode("utf-8"))["parties"][0]["name"] == "Café 😀"


# Characters that act on a terminal or reorder what a reader sees, and the non-characters: none
# may reach any output raw. (Line breaks, and the tabs and CR LF of CSV, are layout.)
RAW_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
    "\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]"
)
HOSTILE_TEXT = r"\e]52;c;aGk=\a \e[2J \0 \x9b31m \u202e \ufffe \uffff \x01"


def hostile(tmp_path: Path, name: str = "data.yaml") -> Path:
    """The minimal file with YAML escapes of hostile characters in every kind of text."""
    return minimal(
        tmp_path,
        ("title: Minimal example", f'title: "Title {HOSTILE_TEXT}"'),
        ("title: An article", f'title: "Article {HOSTILE_TEXT}"'),
        ("name: North", 'name: "North\\u202e"'),
        ("name: Territory", f'name: "Territory {HOSTILE_TEXT}"'),
        ("summary: Wants to keep the land.", f'summary: "Keep {HOSTILE_TEXT}"'),
        ("quote: North will keep the land.", f'quote: "North {HOSTILE_TEXT}"'),
        name=name,
    )


TERMINAL_VIEWS = [
    ("validate",),
    ("compare", "north\u202e", "south", "--evidence"),
    ("issues",),
    ("issues", "territory"),
    ("parties",),
    ("show", "south"),
    ("matrix",),
    ("agenda", "north\u202e", "south"),
    ("sources",),
    ("lint",),
]


@pytest.mark.parametrize("args", TERMINAL_VIEWS, ids=lambda a: " ".join(a[:2]))
def test_terminal_views_print_no_control_characters(
    run: Any, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """Every terminal view shows the data's control characters as ``\\uXXXX``.

    To a terminal or a pipe (``| less -R`` ends at one), the file's name included: an OSC 52 in
    a source's title cannot write the clipboard.
    """
    path = hostile(tmp_path, name="data\x1b]52;c;aGk=\x07.yaml")
    result = run(*args, "--data", str(path))
    assert result.code in (0, 1), result.err
    assert result.out
    assert not RAW_UNSAFE.search(result.out), RAW_UNSAFE.findall(result.out)
    assert not RAW_UNSAFE.search(result.err)


@pytest.mark.parametrize("fmt", ["html", "svg", "markdown", "csv", "json"])
def test_files_hold_no_control_characters(run: Any, tmp_path: Path, fmt: str) -> None:
    """HTML, SVG, Markdown, CSV and JSON show control and reordering characters as ``\\uXXXX``.

    A name ending in U+202E cannot reverse the tool's own sentence ("accepted by North, rejected
    by ..."), and ``\\e``, ``\\0`` or ``\\x9b`` escapes in the file reach no reader.
    """
    path = hostile(tmp_path)
    result = run("export", "-o", "-", "--format", fmt, "--data", str(path))
    assert result.code == 0, result.err
    assert not RAW_UNSAFE.search(result.out), RAW_UNSAFE.findall(result.out)
    shown = "North\\\\u202e" if fmt == "markdown" else "North\\u202e"  # Markdown escapes \\
    assert shown in result.out
    if fmt == "json":  # JSON escapes them as JSON does, so the data is given back whole
        assert "North\u202e" in json.dumps(json.loads(result.out), ensure_ascii=False)


def test_completion_shows_no_control_characters(run: Any, tmp_path: Path) -> None:
    """Completion in zsh describes each party by its name, its control characters made visible."""
    path = minimal(tmp_path, ("name: North", 'name: "North \\e]52;c;aGk=\\a"'))
    result = run(
        env={
            "_POSITIONS_COMPLETE": "zsh_complete",
            "COMP_WORDS": f"positions show --data {path} n",
            "COMP_CWORD": "4",
        }
    )
    assert "north" in result.out
    assert "North \\u001b]52;c;aGk=\\u0007" in result.out
    assert not RAW_UNSAFE.search(result.out)


# -- answers that are wrong, not only ugly --------------------------------------------------------


@pytest.mark.parametrize(
    ("edits", "kind"),
    [
        ((("  north:", "  east:"), ("  south:", "  west:")), "party"),
        ((("  territory:\n    name", "  land:\n    name"), ("      territory:", "      land:"),
          ("      territory:", "      land:")), "issue"),
    ],
    ids=["no-party", "no-issue"],
)  # fmt: skip
def test_agreement_of_files_with_nothing_in_common_is_refused(
    run: Any, tmp_path: Path, edits: tuple[tuple[str, str], ...], kind: str
) -> None:
    """Two codings with no party (or no issue) in common are not scored: exit 2, one line.

    Before, they scored "0 of 0 units, 100.0%" on firmness and attribution.
    """
    first = minimal(tmp_path, name="a.yaml")
    second = minimal(tmp_path, *edits, name="b.yaml")
    result = run("agreement", str(first), str(second))
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"positions: {first} and {second} have no {kind} in common, so nothing to compare; "
        f"expected two codings of the same {kind} ids\n"
    )


def test_agreement_on_no_common_stance_has_no_score(run: Any, tmp_path: Path) -> None:
    """A kind of judgement with no unit says so: no percent and no kappa, never 100%."""
    first = minimal(tmp_path, name="a.yaml")
    text = first.read_text(encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        text[: text.index("parties:")] + "parties:\n  north: {name: North, stances: {}}\n",
        encoding="utf-8",
    )
    second = tmp_path / "b.yaml"
    result = run("agreement", str(first), str(second), env={"COLUMNS": "200"})
    assert result.code == 0
    assert [line.strip() for line in result.out.splitlines()[2:5]] == [
        "outcomes accepted or rejected: 1 of 4 units, 25.0%, Cohen's kappa 0.000",
        "firmness: no unit in common",
        "attribution (strongest quote): no unit in common",
    ]
    data = json.loads(run("agreement", str(first), str(second), "--format", "json").out)
    assert data["firmness"] == {"units": 0, "agreed": 0, "percent": None, "kappa": None}


@pytest.mark.parametrize(
    ("args", "given", "what", "expected"),
    [
        (("compare", "north", "south", "--issue", ","), ",", "issue", "an issue's id or name"),
        (("export", "-o", "-", "--format", "csv", "--issue", " , "), " , ", "issue",
         "an issue's id or name"),
        (("compare", "north", "south", "--relation", ""), "", "relation", "a relation"),
        (("export", "-o", "-", "--format", "csv", "--relation", ","), ",", "relation",
         "a relation"),
    ],
    ids=["compare-issue", "export-issue", "compare-relation", "export-relation"],
)  # fmt: skip
def test_list_option_naming_nothing_is_a_usage_error(
    run: Any, args: tuple[str, ...], given: str, what: str, expected: str
) -> None:
    """A comma-separated list option whose value names nothing is exit 2, never an empty view."""
    result = run(*args, "--data", str(MINIMAL))
    option = args[-2]
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"positions: invalid value for '{option}': '{given}' names no {what}; expected "
        f"{expected}, or several by commas; see 'positions {args[0]} --help'\n"
    )


def test_excludes_listed_twice_is_refused_as_the_schema_says(run: Any, tmp_path: Path) -> None:
    """``excludes: [r, r]`` is refused at the repeat, as ``accepts: [k, k]`` is (uniqueItems)."""
    path = minimal(
        tmp_path,
        ("schema: positions/1", "schema: positions/2"),
        ("      keep: The occupier keeps the land",
         "      keep: {description: The occupier keeps the land, excludes: [return, return]}"),
    )  # fmt: skip
    result = run("validate", str(path))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f"positions: {path}:12:75: 'return' is listed twice in excludes of outcome 'keep' of issue "
        "'territory' (first at line 12); expected each once\n"
    )


@pytest.mark.parametrize(
    ("file", "data", "code", "out", "err"),
    [
        ("d.yaml", "./d.yaml", 0, "d.yaml", ""),
        ("link.yaml", "d.yaml", 0, "link.yaml", ""),
        ("missing.yaml", "./missing.yaml", 1, "",
         "positions: missing.yaml: no such file; expected a positions YAML file\n"),
        ("d.yaml", "other.yaml", 2, "",
         "positions: FILE d.yaml and --data other.yaml name two files; give one; "
         "see 'positions validate --help'\n"),
    ],
    ids=["dot-slash", "link", "missing", "two-files"],
)  # fmt: skip
def test_file_and_data_naming_one_file_are_one_file(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file: str, data: str, code: int,
    out: str, err: str,
) -> None:  # fmt: skip
    """FILE and --data are compared as files: two names of one file check it, not a usage error.

    Checked for validate, which shares options.checked_file with verify and lint.
    """
    minimal(tmp_path, name="d.yaml")
    minimal(tmp_path, name="other.yaml")
    (tmp_path / "link.yaml").symlink_to("d.yaml")
    monkeypatch.chdir(tmp_path)
    result = run("validate", file, "--data", data)
    summary = ": valid positions/1: 1 source, 1 issue, 2 parties, 2 stances, 2 quotes\n"
    assert (result.code, result.out, result.err) == (code, out and out + summary, err)


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (("validate",), {"POSITIONS_FILE": ""},
         "invalid value for '--data' (env var: 'POSITIONS_FILE'): $POSITIONS_FILE is empty; "
         "expected a data file, or the variable unset; see 'positions validate --help'"),
        (("compare", "north", "south"), {"POSITIONS_FILE": " "},
         "invalid value for '--data' (env var: 'POSITIONS_FILE'): $POSITIONS_FILE is empty; "
         "expected a data file, or the variable unset; see 'positions compare --help'"),
        (("agreement", "", "positions.yaml"), {},
         "invalid value for 'FIRST': an empty path; expected a data file; "
         "see 'positions agreement --help'"),
        (("diff", "positions.yaml", " "), {},
         "invalid value for 'NEW': an empty path; expected a data file; "
         "see 'positions diff --help'"),
        (("matrix", "-o", ""), {},
         "invalid value for '-o' / '--output': an empty path; expected a file to write, or - for "
         "standard output; see 'positions matrix --help'"),
        (("lint", "--sources", "", "positions.yaml"), {},
         "invalid value for '--sources': an empty path; expected a folder of source texts; "
         "see 'positions lint --help'"),
    ],
    ids=["empty-variable", "blank-variable", "agreement", "diff", "matrix-output", "lint-sources"],
)  # fmt: skip
def test_every_empty_path_is_a_usage_error(
    run: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    env: dict[str, str],
    message: str,
) -> None:
    """An empty path, wherever it is given (an empty $POSITIONS_FILE too), is exit 2 naming it.

    Never the default data file (click takes an empty variable for an unset one), and never
    "no such file" (exit 1).
    """
    minimal(tmp_path, name="positions.yaml")
    monkeypatch.chdir(tmp_path)
    result = run(*args, env=env)
    assert (result.code, result.out, result.err) == (2, "", f"positions: {message}\n")


@needs_exe
@pytest.mark.parametrize(
    ("args", "err"),
    [
        (("compare", "nosuché", "south", "--data", str(MINIMAL)),
         "positions: no party 'nosuch\\xe9'; known parties: north, south\n"),
        (("frobé",), "positions: no such command 'frob\\xe9'; see 'positions --help'\n"),
        (("compare", "north", "‘south’", "--data", str(MINIMAL)),
         "positions: no party ''south''; did you mean 'south'? known parties: north, south\n"),
    ],
    ids=["error", "usage-error", "typography"],
)  # fmt: skip
def test_messages_on_an_ascii_stderr_are_ascii(args: tuple[str, ...], err: str) -> None:
    """On a standard error that is not UTF-8, messages fold or escape what it cannot encode.

    As standard output does: typographic quotes folded to ASCII, other characters escaped;
    never a byte the terminal cannot show. PYTHONUTF8 fixes how the arguments are decoded.
    """
    result = proc(*args, PYTHONIOENCODING="ascii", PYTHONUTF8="1")
    assert (result.code, result.out, result.err) == (2, b"", err)


# -- terminal settings ----------------------------------------------------------------------------


@pytest.mark.parametrize("columns", ["0", "00", "-1", "abc", ""])
def test_unusable_columns_is_treated_as_unset(run: Any, columns: str) -> None:
    """COLUMNS that is not a positive number lays out as if unset (80 here), never 0 columns.

    COLUMNS=0 printed nothing at all and exited 0.
    """
    args = ("compare", "north", "south", "--data", str(MINIMAL))
    result = run(*args, env={"COLUMNS": columns})
    assert (result.code, result.err) == (0, "")
    assert result.out == run(*args, env={"COLUMNS": "80"}).out
    assert result.out.splitlines()[:2] == ["Minimal example", "1 conflict"]


def test_a_file_never_gets_colour_codes(run: Any, tmp_path: Path) -> None:
    """FORCE_COLOR colours a terminal's output, never a file written with -o."""
    plain, forced = tmp_path / "plain.txt", tmp_path / "forced.txt"
    for path, env in ((plain, {}), (forced, {"FORCE_COLOR": "1"})):
        args = ("matrix", "--format", "table", "-o", str(path), "--data", str(MINIMAL))
        result = run(*args, env=env)
        assert (result.code, result.err) == (0, f"positions: wrote {path} (table)\n")
    text = forced.read_text(encoding="utf-8")
    assert "\x1b" not in text
    assert text == plain.read_text(encoding="utf-8")


# -- work that grows no faster than the input ---------------------------------------------------
# Each test counts the work a command does on a worst-case shape (benchmarks/shapes.py), or, where
# work cannot be counted from outside, runs a size the quadratic code took minutes on (CI only).


def test_many_outcomes_cost_their_exclusions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two parties accepting disjoint halves of 2,000 outcomes: only declared exclusions are read.

    Not every pair of accepted outcomes, as the code before (2,000,000 look-ups).
    """
    from positions import comparison
    from positions.loader import parse
    from positions.model import Issue

    ds = parse(shapes.outcomes(2000 * 80), "outcomes.yaml")
    big = ds.issues["big"]
    assert len(big.outcomes) == 2000
    looked: list[str] = []

    class Counted(dict[str, frozenset[str]]):
        def get(self, key: str, default: Any = None) -> Any:
            looked.append(key)
            return super().get(key, default)

    exclusive = Issue.exclusive

    def counted_exclusive(issue: Issue, a: str, b: str) -> bool:
        looked.append(a)
        return exclusive(issue, a, b)

    monkeypatch.setattr(Issue, "exclusive", counted_exclusive)
    counted = Issue(big.id, big.name, big.question, big.outcomes, Counted(big.excludes))
    verdict = comparison.relate(counted, list(ds.parties.values()), {**ds.issues, "big": counted})
    assert [(c.outcome, c.excluded) for c in verdict.clashes] == [
        ("o000000", "o001999"),
        ("o000999", "o001000"),
    ]
    assert len(looked) <= 3 * 2000


def test_many_conditions_cost_what_they_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 parties, each accepting on a condition: judging them does not read all the others.

    The code before built the set of all other parties for every condition: 1,000,000 reads.
    """
    from positions import comparison
    from positions.loader import parse

    ds = parse(shapes.parties(1000 * 1200), "parties.yaml")
    assert len(ds.parties) == 1000
    reads = 0
    real = comparison.condition_status

    class Place(dict[str, int]):
        def __iter__(self) -> Any:
            nonlocal reads
            reads += len(self)
            return super().__iter__()

        def keys(self) -> Any:
            nonlocal reads
            reads += len(self)
            return super().keys()

    def counted(issue: Any, outcomes: Any, holders: Any, pid: str) -> Any:
        return real(issue, outcomes, holders._replace(place=Place(holders.place)), pid)

    monkeypatch.setattr(comparison, "condition_status", counted)
    rows = comparison.rows(list(ds.parties.values()), list(ds.issues.values()), ds)
    assert {len(r.verdict.conditions) for r in rows if r.verdict} == {1000}
    assert reads <= 4 * 1000


def test_issue_list_reads_each_stance_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing 1,000 issues of 1,000 parties with one stance each looks up about 1,000 stances.

    Not a million, as when each issue asked every party.
    """
    from positions.listing import issue_list
    from positions.loader import parse

    ds = parse(shapes.sparse(1000 * 300), "sparse.yaml")
    looked = 0

    class Stances(dict[str, Any]):
        def __contains__(self, key: object) -> bool:
            nonlocal looked
            looked += 1
            return super().__contains__(key)

        def __iter__(self) -> Any:
            nonlocal looked
            looked += len(self)
            return super().__iter__()

    counted = {pid: p._replace(stances=Stances(p.stances)) for pid, p in ds.parties.items()}
    listing = issue_list(ds._replace(parties=counted))
    assert [len(holders) for _, holders in listing.issues] == [1] * 1000
    assert looked <= 2 * 1000


@pytest.mark.skipif(not CI, reason="runs in CI (POSITIONS_TEST_PROFILE=ci): a 1 MB quote")
def test_lint_of_unclosed_quotation_marks_is_linear(run: Run, tmp_path: Path) -> None:
    """A 1 MB quote of opening quotation marks that never close is linted in one pass.

    The regular expression before tried again from every mark: hours for this size.
    """
    data = tmp_path / "open.yaml"
    quote = "\u201c" + "\u2018x " * 340_000
    data.write_text(
        "schema: positions/2\ntitle: T\nsources: {s: {title: S}}\n"
        "issues: {i: {name: I, question: Q?, outcomes: {a: A}}}\n"
        "parties:\n  p:\n    name: P\n    stances:\n      i:\n        summary: S.\n"
        "        accepts: [a]\n        firmness: open\n"
        f"        evidence: [{{source: s, quote: '{quote}', attribution: stated}}]\n",
        encoding="utf-8",
    )
    result = run("lint", "--data", str(data), "--format", "json")
    codes = [f["code"] for f in json.loads(result.out)["findings"]]
    assert "L104" in codes  # stated, but no words stand between quotation marks
