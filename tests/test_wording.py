"""Wording an analyst would sign: rejections, conditions, missing stances and notes, everywhere.

Each test reads a view as an analyst would, on a small file of its own: a rejection reads
"rejects: all ...", an acceptance that only attaches conditions does not read as a demand, a
party with no stance has "no position recorded" (or "filtered out" where a filter took it), and
the coder's Markdown backticks stay in the data, not in the views.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from positions.present import lead_lowered

from .conftest import Run, lines, squeezed

WORDING = """\
schema: positions/2
title: Wording
sources:
  s1: {title: The first article}
issues:
  withdrawal:
    name: Troop withdrawal
    question: Do Northern troops leave the South?
    outcomes:
      full-withdrawal: All Northern troops leave the South
  ceasefire:
    name: Ceasefire
    question: Does the fighting stop?
    outcomes:
      ceasefire: A ceasefire
      ceasefire-with-withdrawal: A ceasefire with an immediate Northern withdrawal
  disarm:
    name: Disarmament
    question: Is the South disarmed?
    outcomes:
      disarmed: The South disarmed
  crimes:
    name: War crimes
    question: Are those responsible for war crimes held to account?
    outcomes:
      accountability: Accountability for alleged war crimes
parties:
  north:
    name: North
    stances:
      withdrawal:
        summary: Rejects a full withdrawal.
        rejects: [full-withdrawal]
        firmness: firm
        evidence: [{source: s1, quote: The North rejects a withdrawal., attribution: reported}]
      ceasefire:
        summary: Sets its conditions for any ceasefire, and rejects the West's.
        accepts: [ceasefire]
        rejects: [ceasefire-with-withdrawal]
        conditions: {disarm: [disarmed]}
        firmness: red-line
        note: "`accepts: ceasefire` records only the conditions; `rejects` the West's terms."
        evidence: [{source: s1, quote: The North's conditions must be met., attribution: reported}]
      crimes:
        summary: Rejects the demand for accountability for alleged war crimes.
        rejects: [accountability]
        firmness: firm
        evidence: [{source: s1, quote: The North rejects the demand., attribution: inferred}]
  south:
    name: South
    stances:
      withdrawal:
        summary: Demands that `full-withdrawal` happen.
        accepts: [full-withdrawal]
        firmness: red-line
        evidence: [{source: s1, quote: The South demands a withdrawal., attribution: reported}]
      crimes:
        summary: Demands accountability.
        accepts: [accountability]
        firmness: firm
        evidence: [{source: s1, quote: The South demands accountability., attribution: reported}]
  west:
    name: West
    stances:
      ceasefire:
        summary: Wants a ceasefire with a withdrawal.
        accepts: [ceasefire-with-withdrawal]
        firmness: firm
        evidence: [{source: s1, quote: The West wants a withdrawal., attribution: reported}]
"""


@pytest.fixture
def data(tmp_path: Path) -> str:
    """The small file these tests read."""
    path = tmp_path / "wording.yaml"
    path.write_text(WORDING)
    return str(path)


# -- a rejection reads as a rejection ------------------------------------------------------------


def test_a_rejection_reads_rejects_in_the_terminal(run: Run, data: str) -> None:
    """compare: "rejects: all Northern troops leave the South", never "not All Northern..."."""
    out = lines(run("compare", "north", "south", "--data", data).out)
    assert "Troop withdrawal      ◆ North  rejects: all Northern troops leave the South" in out
    assert "War crimes            ◆ North  rejects: accountability for alleged war crimes" in out
    assert "CONFLICT (reported)   ■ South  All Northern troops leave the South" in out
    assert not any(" not " in line for line in out)


def test_a_name_keeps_its_capital_after_a_label() -> None:
    """Only a word the data writes in lower case within a sentence loses its capital."""
    context = "Do Northern troops leave? The demand for accountability is rejected."
    assert lead_lowered("All Northern troops leave", context) == "all Northern troops leave"
    assert lead_lowered("Northern troops leave", context) == "Northern troops leave"
    assert lead_lowered("Accountability for crimes", context) == "accountability for crimes"
    assert lead_lowered("Guarantees for the South", context) == "Guarantees for the South"
    assert lead_lowered("NATO membership", context) == "NATO membership"


def test_a_rejection_reads_rejects_in_every_export(run: Run, data: str) -> None:
    """HTML, SVG and the full cards say "rejects:" before the outcome, in lower case."""
    html = run("compare", "north", "south", "--format", "html", "--data", data).out
    assert '◆</span><span class="label">rejects: </span>all Northern troops leave' in html
    svg = run("compare", "north", "south", "--format", "svg", "--data", data).out
    texts = [t.strip() for t in ET.fromstring(svg).itertext() if t.strip()]
    assert "◆ rejects: all Northern troops leave the South" in texts
    full = lines(run("compare", "north", "south", "--full", "--data", data).out)
    assert "    rejects: all Northern troops leave the South (full-withdrawal)" in full
    matrix = lines(run("matrix", "north", "south", "--data", data, env={"COLUMNS": "100"}).out)
    assert any("◆ rejects: full-withdrawal" in line for line in matrix)


# -- conditions are not demands -------------------------------------------------------------


def test_an_acceptance_on_conditions_does_not_read_as_a_demand(run: Run, data: str) -> None:
    """The North only sets conditions for a ceasefire: its ask begins with them."""
    out = squeezed(run("compare", "north", "west", "--data", data).out)
    assert "■ North only if disarm: a ceasefire" in out
    assert "■ North A ceasefire" not in out
    svg = run("compare", "north", "west", "--format", "svg", "--data", data).out
    assert "■ only if disarm: a ceasefire" in " ".join(ET.fromstring(svg).itertext())
    matrix = run("matrix", "north", "west", "--data", data, env={"COLUMNS": "100"}).out
    assert "■ only if disarm: ceasefire" in matrix
    card = lines(run("show", "north", "--data", data).out)
    assert "    accepts on conditions: a ceasefire (ceasefire)" in card
    assert "    only if disarm: disarmed" in card


# -- no position recorded, or filtered out ----------------------------------------------------


def test_no_stance_is_no_position_recorded_everywhere(run: Run, data: str) -> None:
    """A party with no stance: "no position recorded" in every view, never "no stated position"."""
    outputs = [
        run("compare", "north", "south", "west", "--data", data).out,
        run("compare", "north", "south", "west", "--full", "--data", data).out,
        run("matrix", "--data", data, env={"COLUMNS": "40"}).out,
        *(run("compare", "north", "south", "west", "--format", f, "--data", data).out
          for f in ("markdown", "html", "svg")),
    ]  # fmt: skip
    for out in outputs:
        assert "no position recorded" in squeezed(out.replace("\n", " "))
        assert "stated position" not in out
    assert "  West: no position recorded" in lines(outputs[1])


def test_a_filtered_stance_says_filtered_out(run: Run, data: str) -> None:
    """With --attribution, a stance the filter left out reads "filtered out", not missing.

    --attribution reported: the North's inferred stance on war crimes is filtered out; the West,
    which has none, still has "no position recorded".
    """
    args = ("--attribution", "reported", "--data", data)
    md = run("export", "north", "south", "west", "--format", "markdown", "-o", "-", *args).out
    crimes = next(line for line in md.splitlines() if line.startswith("| **War crimes**"))
    assert crimes.startswith(
        "| **War crimes** | *filtered out (evidence weaker than reported)* | Demands "
    )
    assert crimes.count("*no position recorded*") == 1
    html = run("export", "north", "south", "--format", "html", "-o", "-", *args).out
    assert ">filtered out (evidence weaker than reported)</td>" in html
    svg = run("export", "north", "south", "--format", "svg", "-o", "-", *args).out
    assert "filtered out (evidence weaker than reported)" in svg
    full = lines(run("compare", "north", "south", "--full", *args).out)
    assert "  North: filtered out (evidence weaker than reported)" in full
    matrix = run("matrix", "north", "south", "west", *args, env={"COLUMNS": "60"}).out
    crimes = squeezed(matrix.split("War crimes", 1)[1].split("\n\n", 1)[0].replace("\n", " "))
    assert " filtered out (evidence weaker than reported): North " in crimes
    assert " no position recorded: West " in crimes


def test_a_relation_filter_lists_whole_issues(run: Run, data: str) -> None:
    """--relation drops whole issues (and says so); no stance of an issue shown is hidden."""
    args = ("--relation", "conflict", "--format", "markdown", "-o", "-", "--data", data)
    md = run("export", "north", "south", *args).out
    assert "Only issues whose relation is conflict are listed" in md
    assert "no position recorded" not in md
    assert "filtered out" not in md


# -- notes and summaries without Markdown ---------------------------------------------------


def test_notes_and_summaries_print_without_backticks(run: Run, data: str) -> None:
    """The views show the coder's words without their backticks; the data (JSON) keeps them."""
    card = run("show", "north", "--data", data).out
    assert "note: accepts: ceasefire records only the conditions; rejects the West's" in squeezed(
        card.replace("\n", " ")
    )
    texts = [
        card,
        run("issues", "withdrawal", "--data", data).out,
        *(run("compare", "north", "south", "west", "--format", f, "--data", data).out
          for f in ("html", "svg", "markdown")),
    ]  # fmt: skip
    for out in texts:
        assert "`" not in out
    spreadsheet = run("compare", "north", "south", "--format", "csv", "--data", data).out
    rows = list(csv.DictReader(io.StringIO(spreadsheet)))
    assert {r["summary"] for r in rows if r["party"] == "south" and r["issue"] == "withdrawal"} == {
        "Demands that full-withdrawal happen."
    }
    data_out = json.loads(run("show", "north", "--format", "json", "--data", data).out)
    stances = [i["stances"]["north"] for i in data_out["issues"]]
    notes = [s["note"] for s in stances if s and s["note"]]
    assert notes == [
        "`accepts: ceasefire` records only the conditions; `rejects` the West's terms."
    ]
