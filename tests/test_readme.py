"""The README's terminal sessions are real: each command prints exactly what the README shows."""

from __future__ import annotations

import re
import shlex

import pytest

from .conftest import ROOT, Run

README = (ROOT / "README.md").read_text()
SESSIONS = re.findall(r"```console\n\$ (positions .*?)\n(.*?)```", README, re.DOTALL)


def _strip(text: str) -> list[str]:
    return [line.rstrip() for line in text.rstrip().splitlines()]


def test_readme_opens_with_the_two_commands() -> None:
    """The README opens with exactly two commands: install and compare, install and test."""
    block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    venv = "python3 -m venv .venv && .venv/bin/pip install -c requirements/pinned.txt"
    assert block.splitlines() == [
        f"{venv} . && .venv/bin/positions compare russia ukraine",
        f"{venv} -e '.[test]' && .venv/bin/python -m pytest",
    ]


@pytest.mark.parametrize(("command", "shown"), SESSIONS, ids=[c for c, _ in SESSIONS])
def test_readme_session(
    command: str, shown: str, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run in the repository at 100 columns, the command prints what the README shows."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    result = run(*shlex.split(command)[1:])
    assert _strip(result.out + result.err) == _strip(shown)


def test_readme_has_sessions() -> None:
    """The README shows the compare, analysis and validate sessions."""
    assert [c.split()[1] for c, _ in SESSIONS] == [
        "compare", "matrix", "agenda", "compare", "sources", "diff", "validate"
    ]  # fmt: skip


def test_readme_picture_is_the_current_matrix(monkeypatch: pytest.MonkeyPatch, run: Run) -> None:
    """docs/matrix.svg, the README's picture, is what matrix --format svg makes of the data now."""
    monkeypatch.chdir(ROOT)
    result = run("matrix", "--format", "svg", "-o", "-")
    assert result.out == (ROOT / "docs" / "matrix.svg").read_text()
    assert "![The matrix of the shipped data" in README
