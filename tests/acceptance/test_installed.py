"""The installed ``positions`` command, run as a user runs it: a real process, real streams."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ..conftest import MINIMAL, ROOT, arg, needs_exe, positions

pytestmark = needs_exe


def test_compare_from_any_folder_uses_the_shipped_data(tmp_path: Path) -> None:
    """Outside the checkout, compare reads the dataset installed with the package."""
    result = positions("compare", "russia", "ukraine", "--format", "json", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["data"] == "positions.yaml (shipped with positions)"


def test_table_to_a_pipe_has_no_escape_codes(tmp_path: Path) -> None:
    """Printed to a pipe, the table has no escape codes and ends with the counts and the file."""
    result = positions("compare", "north", "south", "--data", arg(MINIMAL))
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    out = result.stdout.splitlines()
    assert out[1] == "1 conflict"
    assert out[-1].startswith("data: valid/minimal.yaml")


def test_error_is_one_line_without_traceback(tmp_path: Path) -> None:
    """An unknown party: one line on stderr, exit 2, no traceback."""
    result = positions("compare", "north", "suoth", "--data", arg(MINIMAL))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("positions: no party 'suoth'; did you mean 'south'?")
    assert "Traceback" not in result.stderr


def test_python_dash_m() -> None:
    """``python -m positions`` runs the same CLI."""
    result = subprocess.run(
        [sys.executable, "-m", "positions", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout.split(",")[0]) == (0, "positions")


def test_the_suite_tests_the_checkout(tmp_path: Path) -> None:
    """The code under test is this checkout's src/, in-process and in the installed command.

    A non-editable install would leave a copy in site-packages that edits to src/ do not reach;
    the README's test command installs editable, and this test fails if someone did not.
    """
    import positions

    src = ROOT / "src"
    assert Path(positions.__file__).resolve().is_relative_to(src)
    result = subprocess.run(
        [sys.executable, "-c", "import positions; print(positions.__file__)"],
        capture_output=True, text=True, cwd=tmp_path, check=True,
    )  # fmt: skip
    installed = Path(result.stdout.strip()).resolve()
    assert installed.is_relative_to(src), (
        f"the environment runs {installed}, not the checkout; reinstall with pip install -e"
    )
