"""Hostile input to the installed command, run as a real process: streams, pipes, signals.

Each test states a promise and fails while it is broken. A process's timeout only guards
against a hang (a FIFO read forever): how long a large input takes is measured in
benchmarks/run.py, never judged here.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
import tempfile
from itertools import product
from pathlib import Path
from string import ascii_lowercase
from typing import Any

import pytest

from positions.loader import MAX_BYTES

from ..conftest import (
    DATA,
    EXE,
    FORMAT_2,
    GIB,
    MINIMAL,
    THREE,
    arg,
    assert_clean,
    assert_located,
    assert_one_line,
    device,
    minimal,
    needs_exe,
    positions,
    proc,
)

# Each test starts real processes, some on inputs of many megabytes: the CI profile runs them.
pytestmark = [needs_exe, pytest.mark.ci]


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


WRITERS = {
    "compare-json": ("compare", "north", "south", "--format", "json", "--data", str(MINIMAL)),
    "export-csv": ("export", "-o", "-", "--format", "csv", "--data", str(MINIMAL)),
    "compare-table": ("compare", "north", "south", "--data", str(MINIMAL)),
    "parties-table": ("parties", "--data", str(MINIMAL)),
    "validate": ("validate", str(MINIMAL)),
    "matrix-svg": ("matrix", "--format", "svg", "--data", str(MINIMAL)),
}


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
    assert json.loads(second)["schema"] == "positions-compare/3"


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
def test_upgrade_reads_standard_input_and_writes_standard_output() -> None:
    """``positions upgrade -``: the bytes in, but the version, are the bytes out, exactly."""
    old = FORMAT_2.read_bytes().replace(b"\n", b"\r\n")
    result = subprocess.run([str(EXE), "upgrade", "-"], input=old, capture_output=True, check=False)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == old.replace(b"schema: positions/2", b"schema: positions/3")
    again = subprocess.run(
        [str(EXE), "upgrade", "-"], input=result.stdout, capture_output=True, check=False
    )
    assert (again.returncode, again.stdout, again.stderr) == (
        2, b"", b"positions: <stdin> is already positions/3; nothing to upgrade\n"
    )  # fmt: skip


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


@needs_exe
def test_json_is_utf8_for_any_data_path(tmp_path: Path) -> None:
    """The JSON names the data file; it stays valid UTF-8 JSON when the path is not UTF-8."""
    raw = os.fsencode(tmp_path) + b"/data-\xfe.yaml"
    with open(raw, "wb") as handle:
        handle.write(MINIMAL.read_bytes())
    result = proc("compare", "north", "south", "--format", "json", "--data", os.fsdecode(raw))
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out.decode("utf-8"))
    assert data["schema"] == "positions-compare/3"
    assert data["data"].endswith("/data-\\xfe.yaml")


@needs_exe
def test_json_is_valid_on_an_ascii_terminal(tmp_path: Path) -> None:
    """On a terminal that is not UTF-8, JSON stays valid JSON with the names as written."""
    path = minimal(tmp_path, ("name: North", 'name: "Café 😀"'))
    result = proc("parties", "--format", "json", "--data", str(path), PYTHONIOENCODING="ascii")
    assert (result.code, result.err) == (0, "")
    assert json.loads(result.out.decode("utf-8"))["parties"][0]["name"] == "Café 😀"


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


# -- output that cannot be lost or corrupted ----------------------------------------------------


@needs_exe
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_broken_pipe_exits_quietly(fmt: str) -> None:
    """``positions compare ... | head -1`` ends without a message or a traceback."""
    assert EXE is not None
    command = (
        f"'{EXE}' compare north south east --data '{THREE}' --evidence --format {fmt} | head -1"
    )
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, check=False
    )
    assert result.stderr == ""
    assert result.stdout.count("\n") == 1


@needs_exe
@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LANG": "C", "LC_ALL": "C"}])
@pytest.mark.parametrize("full", [(), ("--evidence",)], ids=["compact", "evidence"])
def test_non_utf8_terminal(env: dict[str, str], full: tuple[str, ...]) -> None:
    """With an ASCII or C locale, the views print, marks and quotes folded to ASCII if need be."""
    args = ("compare", "north", "south", "east", "--data", arg(THREE), *full)
    result = positions(*args, cwd=DATA, **env)
    assert (result.returncode, result.stderr) == (0, "")
    out = result.stdout
    assert "\\u" not in out  # nothing had to be escaped: everything was folded
    if env.get("PYTHONIOENCODING") == "ascii":
        assert out.isascii()
        assert "# North" in out or "* North" in out  # the firmness marks, folded
    assert max(len(line) for line in out.splitlines()) <= 80
