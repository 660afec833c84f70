"""Shared helpers: the test data, a CLI runner with a fixed terminal, the installed command.

Every helper a test module needs lives here, so that no test module imports another.

Two profiles: the default is fast (property tests at 25 examples, no test marked ``ci``) so that
``pytest`` takes under five seconds while you work; CI sets ``POSITIONS_TEST_PROFILE=ci`` for 300
examples per property and every test: the hostile inputs run as processes, the large files and
the benchmark smoke run. ``POSITIONS_HYPOTHESIS_EXAMPLES`` overrides the number of examples
either way.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from positions.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"
SOURCES = DATA / "sources"
MINIMAL = VALID / "minimal.yaml"
THREE = VALID / "three-parties.yaml"
FORMAT_2 = VALID / "format-2.yaml"
FORMAT_3 = VALID / "format-3.yaml"  # every field positions/3 added
RELATIONS = VALID / "relations-3.yaml"  # what positions/3 records, as the relations use it
DISPUTES = VALID / "disputes.yaml"
HOSTILE = VALID / "hostile.yaml"
ESCAPES = VALID / "escapes.yaml"
SHIPPED = ROOT / "positions.yaml"
SHARED_SOURCES = ROOT.parent / "shared" / "sources"
README = (ROOT / "README.md").read_text(encoding="utf-8")
BENCHMARKS = ROOT / "benchmarks"

CI = os.environ.get("POSITIONS_TEST_PROFILE") == "ci"

# The benchmark generator makes datasets of any size for the tests too.
sys.path.insert(0, str(BENCHMARKS))
import shapes  # noqa: E402  (the worst-case shapes beside it)
from generate import generate  # noqa: E402

__all__ = ["generate", "shapes"]

# The installed command, in the environment running the tests (None when not installed).
EXE = shutil.which("positions", path=str(Path(sys.executable).parent)) or shutil.which("positions")
needs_exe = pytest.mark.skipif(EXE is None, reason="the positions command is not installed")


@dataclass(frozen=True)
class Result:
    """What a command did: its exit code and what it printed on each stream."""

    code: int
    out: str
    err: str


Run = Callable[..., Result]


# What a test may not inherit from the machine it runs on: the terminal's size and colours, the
# data file override, the encoding and locale, the time zone, and the user's home and cache.
_UNSET = (
    "POSITIONS_FILE", "POSITIONS_CACHE", "XDG_CACHE_HOME", "NO_COLOR", "FORCE_COLOR", "CLICOLOR",
    "CLICOLOR_FORCE", "COLORTERM",
    "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS", "JUPYTER_LINES", "LINES",
    "PYTHONIOENCODING", "LANGUAGE", "LC_CTYPE", "LC_MESSAGES",
)  # fmt: skip


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test runs alike wherever the checkout is and whoever runs it.

    An 80-column terminal with no colour settings, no data file override, a UTF-8 locale, UTC,
    an empty home, and tests/data as the working directory, so that a path a test passes
    relative to it (``arg(MINIMAL)``) prints the same in every checkout.
    """
    for name in _UNSET:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("HOME", str(tmp_path_factory.getbasetemp() / "home"))
    monkeypatch.chdir(DATA)


def arg(path: Path) -> str:
    """``path`` as a test names it on the command line: relative to the tests' working folder.

    What a command prints of a path it was given then reads the same in every checkout.
    """
    return os.path.relpath(path, DATA)


@pytest.fixture
def run() -> Run:
    """Run ``positions ARGS`` in-process and return a Result."""
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        result = runner.invoke(
            cli, list(args), env=env, catch_exceptions=False, prog_name="positions"
        )
        return Result(result.exit_code, result.stdout, result.stderr)

    return invoke


def positions(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the installed command with a clean, fixed environment."""
    assert EXE is not None
    environ = {k: v for k, v in os.environ.items() if k not in {"POSITIONS_FILE", "NO_COLOR"}}
    environ.update({"COLUMNS": "80", **env})
    return subprocess.run(
        [EXE, *args], capture_output=True, text=True, cwd=cwd, env=environ, check=False
    )


def lines(text: str) -> list[str]:
    """The lines of terminal output with trailing padding removed."""
    return [line.rstrip() for line in text.splitlines()]


def squeezed(text: str) -> str:
    """Output with runs of spaces squeezed to one, so that cells read as words."""
    return re.sub(r" +", " ", text)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The fast profile leaves out the tests marked ``ci``; the CI profile runs everything."""
    if CI:
        return
    left_out = [item for item in items if item.get_closest_marker("ci") is not None]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item.get_closest_marker("ci") is None]


# Property tests run the same examples on every run (CI included).
settings.register_profile(
    "positions",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=int(os.environ.get("POSITIONS_HYPOTHESIS_EXAMPLES", "300" if CI else "25")),
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("positions")


# -- hostile input: real processes and crafted files ----------------------------------------

GIB = 1024**3


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
