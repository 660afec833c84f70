"""What a new user met, each shown gone: the grid, the page, the chart, the options, the pager.

Each test does what the user did (in-process, through CliRunner, on a small file of its own)
and checks what they would look at.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import README, THREE, Run, arg, lines

LONG_IDS = """\
schema: positions/2
title: Long ids
sources:
  s1: {title: The article, outlet: The Daily Example, published: 2024-02-01, url: "https://example.org/a"}
  s2: {title: Another article}
issues:
  territory:
    name: Territory
    question: Who holds the land?
    outcomes:
      recognise-occupier-control:
        description: The occupier's control is recognised
        excludes: [restore-territorial-integrity]
      restore-territorial-integrity: The territory is restored
  guarantees:
    name: Security guarantees
    question: Whose security is guaranteed?
    outcomes:
      guarantees-for-the-north: Guarantees of the North's security
      guarantees-for-the-south: Guarantees of the South's security
parties:
  north:
    name: North
    stances:
      territory:
        summary: Wants its control recognised.
        accepts: [recognise-occupier-control]
        firmness: red-line
        evidence: [{source: s1, quote: The North insists., attribution: reported}]
      guarantees:
        summary: Wants guarantees.
        accepts: [guarantees-for-the-north]
        firmness: firm
        evidence: [{source: s1, quote: The North demands guarantees., attribution: reported}]
  south:
    name: South
    stances:
      territory:
        summary: Wants the land back.
        accepts: [restore-territorial-integrity]
        firmness: red-line
        evidence: [{source: s1, quote: The South insists., attribution: reported}]
  western-governments:
    name: Western governments
    stances:
      guarantees:
        summary: Offers guarantees.
        accepts: [guarantees-for-the-south]
        firmness: open
        evidence: [{source: s2, quote: The West offers guarantees., attribution: reported}]
"""


@pytest.fixture
def data(tmp_path: Path) -> str:
    """The small file these tests read: long ids, as the shipped data's are."""
    path = tmp_path / "long-ids.yaml"
    path.write_text(LONG_IDS)
    return str(path)


# -- matrix: a grid where it fits ---------------------------------------------------------------


def test_matrix_is_a_grid_on_a_wide_terminal(run: Run, data: str) -> None:
    """At 120 columns, three parties with long ids: a grid of issues by parties.

    Each issue's relation under its name and its reason below, the cells in their columns.
    """
    out = lines(run("matrix", "--data", data, env={"COLUMNS": "120"}).out)
    assert out[3:11] == [
        "                     North                         South                            "
        "Western governments",
        "",
        "Territory            ■ recognise-occupier-control  ■ restore-territorial-integrity  ·",
        "CONFLICT",
        "  recognise-occupier-control (North) excludes restore-territorial-integrity (South) "
        "(among 2 of 3; no position recorded:",
        "  Western governments)",
        "",
        "Security guarantees  ◆ guarantees-for-the-north    ·                                "
        "○ guarantees-for-the-south",
    ]


def test_matrix_wraps_names_before_it_stacks(run: Run, data: str) -> None:
    """At 80 columns two parties still fit, a long issue name wrapped at its spaces.

    At 60 they do not, and each issue is a block of its own, still with its reason.
    """
    grid = lines(run("matrix", "north", "south", "--data", data, env={"COLUMNS": "80"}).out)
    assert grid[3:12] == [
        "                   North                         South",
        "",
        "Territory          ■ recognise-occupier-control  ■ restore-territorial-integrity",
        "CONFLICT",
        "  recognise-occupier-control (North) excludes restore-territorial-integrity",
        "  (South)",
        "",
        "Security           ◆ guarantees-for-the-north    ·",
        "guarantees",
    ]
    stacked = lines(run("matrix", "--data", data, env={"COLUMNS": "60"}).out)
    assert stacked[3:9] == [
        "Territory  CONFLICT",
        "  North: ■ recognise-occupier-control",
        "  South: ■ restore-territorial-integrity",
        "  no position recorded: Western governments",
        "  recognise-occupier-control (North) excludes",
        "  restore-territorial-integrity (South) (among 2 of 3; no",
    ]


def test_matrix_help_says_what_it_shows(run: Run) -> None:
    """The matrix's help promises the grid, the reason, and blocks on a narrow terminal."""
    text = " ".join(run("matrix", "--help").out.split())
    assert "A grid of issues by parties" in text
    assert "the reason in one line" in text
    assert "On a terminal too narrow for the grid, each issue is a block of its own" in text


# -- the HTML briefing ----------------------------------------------------------------------


def test_briefing_column_heads_never_break_inside_a_word(run: Run, data: str) -> None:
    """The party heads wrap at spaces only: "Western governments", never "government|s".

    The table sizes its columns to hold each head's longest word, on screen and in print.

    (Looked at in headless Chromium at 1280 pixels and printed to A4, for all six parties of
    the shipped data.)
    """
    page = run("export", "--format", "html", "-o", "-", "--data", data).out
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "table-layout: fixed" not in style  # a fixed layout cuts a long word to its column
    heads = re.search(r"thead th \{([^}]*)\}", style)
    assert heads is not None
    assert "overflow-wrap: normal" in heads.group(1)
    assert "hyphens: manual" in heads.group(1)
    assert '<th scope="col">Western governments</th>' in page


def test_briefing_cites_sources_by_title(run: Run, data: str) -> None:
    """The sources read as citations: title, outlet, date and link where known, the id last."""
    page = run("export", "--format", "html", "-o", "-", "--data", data).out
    sources = page.split("<h2>Sources</h2>", 1)[1]
    items = re.findall(r"<li>(.*?)</li>", sources)
    assert items == [
        "<cite>The article</cite>, The Daily Example, 2024-02-01, "
        "<code>https://example.org/a</code> <small>(<code>s1</code>)</small>",
        "<cite>Another article</cite> <small>(<code>s2</code>)</small>",
    ]


# -- the SVG chart --------------------------------------------------------------------------


def test_chart_scales_and_says_tips_need_a_pointer(run: Run) -> None:
    """The chart scales to its width, no wider than drawn; its hover tips need a pointer.

    Looked at in headless Chromium at 400 and 1280 pixels.
    """
    svg = run("matrix", "--data", arg(THREE), "--format", "svg", "-o", "-").out
    root = ET.fromstring(svg)
    width = float(root.get("viewBox", "").split()[2])
    assert root.get("width") == "100%"
    assert root.get("height") is None
    assert root.get("style") == f"max-width: {width:.0f}px; height: auto"
    text = " ".join("".join(root.itertext()).split())
    assert "with a mouse or other pointer, a cell shows its summary and quotes" in text
    assert "(a touch screen does not show them)" in text


# -- the README -----------------------------------------------------------------------------


def test_readme_says_how_to_run_after_set_up() -> None:
    """Before its first bare `positions`, the README says how to reach the command.

    Activate the virtual environment, or give its path.
    """
    before = README.split("positions compare russia ukraine --full", 1)[0]
    assert "source .venv/bin/activate" in before
    assert "`.venv/bin/positions`" in before
