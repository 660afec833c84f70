"""The README's terminal sessions are real: each command prints exactly what the README shows."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from positions.fields import (
    COMPATIBLE,
    CONDITION,
    DOUBT,
    FILE,
    ISSUE,
    OUTCOME,
    PARTY,
    RANKING,
    SOURCE,
    STANCE,
)

from .conftest import ROOT, Run

RECORDS = (FILE, SOURCE, ISSUE, OUTCOME, COMPATIBLE, PARTY, STANCE, CONDITION, RANKING, DOUBT)

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
    """Run in the repository at 80 columns, the command prints what the README shows."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "80")
    result = run(*shlex.split(command)[1:])
    assert _strip(result.out + result.err) == _strip(shown)


def test_readme_has_sessions() -> None:
    """The README shows the compare, analysis and validate sessions."""
    assert [c.split()[1] for c, _ in SESSIONS] == [
        "compare", "agenda", "obstacles", "trades", "compare", "sources", "diff", "validate"
    ]  # fmt: skip


def test_readme_picture_is_the_current_chart(monkeypatch: pytest.MonkeyPatch, run: Run) -> None:
    """docs/matrix.svg, the README's picture, is what the README says makes it, of the data now."""
    command = "positions matrix russia ukraine west --format svg -o matrix.svg"
    assert f"The chart above is\n`{command}`." in README
    monkeypatch.chdir(ROOT)
    result = run(*shlex.split(command)[1:-2], "-o", "-")
    assert result.out == (ROOT / "docs" / "matrix.svg").read_text()
    assert README.count("](docs/matrix.svg)") == 1


def test_readme_format_example_is_valid(tmp_path: Path, run: Run) -> None:
    """The format section's example is a valid positions/3 file, as the README shows it."""
    block = README.split("## The format: positions/3\n\n```yaml\n", 1)[1].split("```", 1)[0]
    example = tmp_path / "example.yaml"
    example.write_text(block)
    result = run("validate", str(example))
    assert (result.code, result.out) == (
        0,
        f"{example}: valid positions/3: 1 source, 2 issues, 2 parties, 2 stances, 2 quotes\n",
    )


def test_readme_example_of_what_positions_3_adds(tmp_path: Path, run: Run) -> None:
    """The example of what positions/3 adds is valid and uses every field it added.

    Each is named in the bullets under it; no-cue and a condition with its stage are used too.
    """
    section = README.split("### What positions/3 adds\n", 1)[1].split("\n### ", 1)[0]
    block = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    example = tmp_path / "example.yaml"
    example.write_text(block)
    result = run("validate", str(example))
    assert (result.code, result.out) == (
        0,
        f"{example}: valid positions/3: 1 source, 2 issues, 3 parties, 3 stances, 2 quotes\n",
    )
    added = [f.name for r in RECORDS for f in r.fields if f.since == "positions/3"]
    assert [n for n in added if not re.search(rf"^ *{n}:", block, re.MULTILINE)] == []
    assert [n for n in added if f"**{n}**" not in section] == []
    assert "firmness: no-cue" in block
    assert "{outcomes: [neutral], stage: talks}" in block


def test_readme_names_every_command() -> None:
    """upgrade, like every coder's command, is in the README with what it does."""
    assert "positions upgrade positions.yaml --in-place" in README


def test_readme_json_example(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """The JSON example is the jq projection the README names, of compare's JSON today."""
    monkeypatch.chdir(ROOT)
    data = json.loads(run("compare", "russia", "ukraine", "--format", "json").out)
    nato = next(i for i in data["issues"] if i["id"] == "nato")
    shown = {
        "relation": nato["relation"],
        "reason": nato["reason"],
        "confidence": nato["confidence"],
        "dispute": nato["dispute"]["name"],
        "silent": nato["silent"],
    }
    block = README.split("  ```json\n", 1)[1].split("```", 1)[0]
    assert json.loads(block) == shown
