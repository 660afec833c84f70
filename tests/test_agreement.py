"""positions agreement: two coders' encodings scored as percent agreement and Cohen's kappa."""

from __future__ import annotations

import json

import pytest

from positions.agreement import agreement, kappa
from positions.loader import load

from .conftest import DATA, THREE, Run, arg

PAIR = DATA / "agreement"
A, B = PAIR / "coder-a.yaml", PAIR / "coder-b.yaml"


def test_kappa_of_a_textbook_example() -> None:
    """50 units, yes/no: 20 both yes, 15 both no, 5 and 10 apart: p_o .7, p_e .5, kappa .4."""
    first = ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    score = kappa(first, second)
    assert (score.units, score.agreed, score.percent) == (50, 35, 70.0)
    assert score.kappa == pytest.approx(0.4)


def test_kappa_of_nothing_and_of_one_category() -> None:
    """No units: no kappa. One category used by both, agreeing throughout: kappa 1."""
    assert kappa([], []).kappa is None
    assert kappa(["open"] * 3, ["open"] * 3).kappa == 1.0


def test_the_documented_pair() -> None:
    """The pair in tests/data/agreement scores as its comment computes by hand."""
    result = agreement(load(A), load(B))
    assert (result.outcomes.units, result.outcomes.agreed) == (5, 3)
    assert result.outcomes.kappa == pytest.approx(0.16 / 0.56)
    assert (result.firmness.units, result.firmness.agreed) == (3, 1)
    assert result.firmness.kappa == pytest.approx(-0.5)
    assert (result.attribution.units, result.attribution.agreed) == (3, 2)
    assert result.attribution.kappa == pytest.approx(0.5)
    assert [tuple(d) for d in result.disagreements] == [
        ("outcome", "p", "i", "y", "rejects", "nothing"),
        ("firmness", "p", "j", None, "open", "firm"),
        ("outcome", "q", "i", "x", "nothing", "rejects"),
        ("firmness", "q", "i", None, "firm", "open"),
        ("attribution", "q", "i", None, "reported", "inferred"),
    ]


def test_a_file_against_itself_agrees_fully(run: Run) -> None:
    """A file compared with itself: kappa 1.0 for all three, no disagreement."""
    data = json.loads(run("agreement", arg(THREE), arg(THREE), "--format", "json").out)
    for kind in ("outcomes", "firmness", "attribution"):
        assert (data[kind]["percent"], data[kind]["kappa"]) == (100.0, 1.0)
    assert data["disagreements"] == []


def test_the_table(run: Run) -> None:
    """The terminal shows the three scores and each disagreement."""
    result = run("agreement", str(A), str(B), env={"COLUMNS": "120"})
    assert result.code == 0
    rows = [line.strip() for line in result.out.splitlines()]
    assert "outcomes accepted or rejected: 3 of 5 units, 60.0%, Cohen's kappa 0.286" in rows
    assert "firmness: 1 of 3 units, 33.3%, Cohen's kappa -0.500" in rows
    assert "attribution (strongest quote): 2 of 3 units, 66.7%, Cohen's kappa 0.500" in rows
    assert "p/i/y outcome: first rejects, second nothing" in rows
