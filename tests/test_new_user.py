"""What a new user met, each shown gone: the grid, the page, the chart, the options, the pager.

Each test does what the user did (in-process, through CliRunner, on a small file of its own)
and checks what they would look at.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import EXE, README, THREE, Run, arg, lines, needs_exe

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
        "Territory            ■ recognise-occupier-control  ■ restore-territorial-integrity  –",
        "CONFLICT",
        "  recognise-occupier-control (North) excludes restore-territorial-integrity (South) "
        "(among 2 of 3; no position recorded:",
        "  Western governments)",
        "",
        "Security guarantees  ◆ guarantees-for-the-north    –                                "
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
        "Security           ◆ guarantees-for-the-north    –",
        "guarantees",
    ]
    stacked = lines(run("matrix", "--data", data, env={"COLUMNS": "60"}).out)
    assert stacked[3:10] == [
        "Territory  CONFLICT",
        "  North: ■ recognise-occupier-control",
        "  South: ■ restore-territorial-integrity",
        "  no position recorded: Western governments",
        "  recognise-occupier-control (North) excludes",
        "  restore-territorial-integrity (South)",
        "",
    ]  # the silent party named once: its line, not again after the reason


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


# -- one output option on every command that writes -----------------------------------------

WRITERS = {
    "compare": ("compare", "north", "south"),
    "show": ("show", "north"),
    "issues": ("issues",),
    "issue": ("issues", "territory"),
    "parties": ("parties",),
    "sources": ("sources",),
    "matrix": ("matrix",),
    "agenda": ("agenda", "north", "south"),
    "export": ("export",),
    "validate": ("validate",),
}


@pytest.mark.parametrize("view", list(WRITERS))
def test_every_view_writes_a_file_with_o(run: Run, data: str, tmp_path: Path, view: str) -> None:
    """-o FILE.json writes the view as JSON, says so, and prints nothing."""
    target = tmp_path / "out.json"
    result = run(*WRITERS[view], "--data", data, "-o", str(target))
    assert (result.code, result.out) == (0, "")
    assert result.err == f"positions: wrote {target} (json)\n"
    assert target.read_text().startswith('{"schema": "positions-')


def test_o_follows_the_extension_and_keeps_the_detail(run: Run, data: str, tmp_path: Path) -> None:
    """The format of -o FILE follows its extension, and the view keeps its detail.

    ``.txt``: the view as text, with every quote --evidence asks for; ``.html``: the briefing.
    """
    text = tmp_path / "compare.txt"
    run("compare", "north", "south", "--evidence", "--data", data, "-o", str(text))
    assert "│ “The North insists.”" in text.read_text()
    page = tmp_path / "briefing.html"
    result = run("compare", "north", "south", "--data", data, "-o", str(page))
    assert result.err == f"positions: wrote {page} (html)\n"
    assert page.read_text().startswith("<!DOCTYPE html>")


def test_o_keeps_the_writing_rules(run: Run, data: str, tmp_path: Path) -> None:
    """Every -o refuses a read-only file unless --force, and never writes over the data file."""
    target = tmp_path / "locked.csv"
    target.write_text("keep me\n")
    target.chmod(0o444)
    refused = run("issues", "--data", data, "-o", str(target))
    assert (refused.code, target.read_text()) == (1, "keep me\n")
    assert refused.err == (
        f"positions: {target}: is read-only; expected a file positions may replace "
        "(--force replaces it all the same)\n"
    )
    forced = run("issues", "--data", data, "-o", str(target), "--force")
    assert forced.code == 0
    assert target.read_text(encoding="utf-8-sig").startswith("issue,issue_name,question")
    over = run("show", "north", "--data", data, "-o", data, "--format", "json")
    assert (over.code, over.err) == (
        2,
        f"positions: refusing to overwrite the data file {data} with the output\n",
    )


# -- the lists as spreadsheets ----------------------------------------------------------------


def test_lists_take_format_csv(run: Run, data: str) -> None:
    """issues, one issue, parties and sources as CSV: a header and a row per item."""
    issues = run("issues", "--format", "csv", "--data", data).out.splitlines()
    assert issues[:2] == [
        "issue,issue_name,question,dispute,dispute_name,outcome,outcome_description,excludes,"
        "parties_with_stance",
        "territory,Territory,Who holds the land?,,,recognise-occupier-control,"
        "The occupier's control is recognised,restore-territorial-integrity,north; south",
    ]
    parties = run("parties", "--format", "csv", "--data", data).out.splitlines()
    assert parties == [
        "party,party_name,aliases,members,stance_count,issues",
        "north,North,,,2,territory; guarantees",
        "south,South,,,1,territory",
        "western-governments,Western governments,,,1,guarantees",
    ]
    sources = run("sources", "--format", "csv", "--data", data).out.splitlines()
    assert sources == [
        "row,source,source_title,stances,quotes,party,issue,why",
        "source,s1,The article,3,3,,,",
        "source,s2,Another article,1,1,,,",
        "thin,,,,,north,territory,a single source (s1)",
        "thin,,,,,north,guarantees,a single source (s1)",
        "thin,,,,,south,territory,a single source (s1)",
        "thin,,,,,western-governments,guarantees,a single source (s2)",
    ]
    one = run("issues", "territory", "--format", "csv", "--data", data).out.splitlines()
    assert one[0].startswith("issue,issue_name,dispute,relation,reason,")
    assert len(one) == 3  # a row per quote of the two stances


# -- choices: did you mean, and completion ------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--relation", "agreee"), "invalid value for '--relation': 'agreee' is not a relation; "
         "expected one of conflict, conditional, untested, complementary, overlap, agree, unknown "
         "(did you mean 'agree'?)"),
        (("--format", "jsn"), "invalid value for '--format': 'jsn' is not one of 'table', "
         "'json', 'csv', 'markdown', 'html', 'svg' (did you mean 'json'?)"),
        (("--attribution", "reportd"), "invalid value for '--attribution': 'reportd' is not one "
         "of 'stated', 'reported', 'inferred' (did you mean 'reported'?)"),
    ],
)  # fmt: skip
def test_a_mistyped_choice_gets_a_guess(
    run: Run, data: str, args: tuple[str, str], message: str
) -> None:
    """A value close to a choice: exit 2 and one line that names the choice meant."""
    result = run("compare", "north", "south", *args, "--data", data)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"positions: {message}; see 'positions compare --help'\n"


@pytest.mark.parametrize(
    ("incomplete", "expected"),
    [
        ("co", ["conflict", "conditional", "complementary"]),
        ("conflict,a", ["conflict,agree"]),
        (
            "",
            ["conflict", "conditional", "untested", "complementary", "overlap", "agree", "unknown"],
        ),
    ],
)
def test_relation_values_complete(data: str, incomplete: str, expected: list[str]) -> None:
    """The shell completes --relation's values, after any the value already lists."""
    from click.shell_completion import ShellComplete

    from positions.cli import cli

    completer = ShellComplete(cli, {}, "positions", "_POSITIONS_COMPLETE")
    args = ["compare", "north", "south", "--data", data, "--relation"]
    assert [i.value for i in completer.get_completions(args, incomplete)] == expected


def test_compare_without_parties_lists_them(run: Run, data: str) -> None:
    """Without parties, compare names those it can compare."""
    result = run("compare", "--data", data)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "positions: compare needs two or more parties, got 0; known parties: north, south, "
        "western-governments; for one party's stances: positions show PARTY; "
        "see 'positions compare --help'\n"
    )


# -- colour: the flag wins -------------------------------------------------------------------

COLOUR = re.compile(r"\x1b\[(?:\d+;)*3[0-7]m")  # a foreground colour (NO_COLOR keeps bold)


@pytest.mark.parametrize(
    ("flag", "env", "coloured"),
    [
        ("--color", {"NO_COLOR": "1"}, True),
        ("--no-color", {"FORCE_COLOR": "1"}, False),
        (None, {"FORCE_COLOR": "1"}, True),
        (None, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (None, {}, False),  # a pipe, no variable: no colour
    ],
)
def test_color_flag_wins_over_the_variables(
    run: Run, data: str, flag: str | None, env: dict[str, str], coloured: bool
) -> None:
    """--color/--no-color, before or after the command's name, decide whatever the variables say."""
    given = [flag] if flag else []
    after = run("compare", "north", "south", "--data", data, *given, env=env).out
    before = run(*given, "compare", "north", "south", "--data", data, env=env).out
    assert (bool(COLOUR.search(after)), bool(COLOUR.search(before))) == (coloured, coloured)


def test_a_file_never_gets_colour(run: Run, data: str, tmp_path: Path) -> None:
    """--color colours the terminal, never a file written with -o."""
    target = tmp_path / "view.txt"
    run("--color", "compare", "north", "south", "--data", data, "-o", str(target))
    assert "\x1b" not in target.read_text()


# -- long output paged, as git pages it ------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "less -FRX"),
        ({"PAGER": "more"}, "more"),
        ({"PAGER": "more", "POSITIONS_PAGER": "less -S"}, "less -S"),
        ({"POSITIONS_PAGER": ""}, None),
        ({"PAGER": "cat"}, None),
        ({"PAGER": "no-such-pager-here --flag"}, None),
    ],
)
def test_the_pager_is_chosen_as_git_chooses(environ: dict[str, str], expected: str | None) -> None:
    """$POSITIONS_PAGER, else $PAGER, else less -FRX; empty, cat or missing: none."""
    from positions.writing import pager_command

    assert pager_command(environ) == expected


def test_only_output_longer_than_the_screen_is_paged() -> None:
    """A screen of 80 x 3 holds three short lines, or one 200 columns wide wrapped in three."""
    from positions.writing import longer_than_screen

    assert not longer_than_screen("a\nb\nc\n", 80, 3)
    assert longer_than_screen("a\nb\nc\nd\n", 80, 3)
    assert not longer_than_screen("x" * 200, 80, 3)
    assert longer_than_screen("x" * 250, 80, 3)
    assert not longer_than_screen("\x1b[1;31m" + "x" * 80 + "\x1b[0m", 80, 1)  # codes take none


def test_never_paged_in_a_pipe_or_a_file(run: Run, data: str, tmp_path: Path) -> None:
    """Not a terminal (a test, a pipe, a file): the output is written, the pager never runs."""
    paged = tmp_path / "paged.txt"
    pager = {"POSITIONS_PAGER": f"cat > {paged}", "LINES": "3"}
    result = run("compare", "north", "south", "--evidence", "--data", data, env=pager)
    assert "The North insists." in result.out
    assert not paged.exists()


@needs_exe
def test_long_output_on_a_terminal_is_paged(tmp_path: Path) -> None:
    """On a terminal of 80 x 10, a long view goes through the pager.

    compare --evidence is paged; with --no-pager, or a view that fits the screen, it is written
    straight to the terminal.
    """
    import os
    import pty
    import struct
    import subprocess
    from fcntl import ioctl
    from termios import TIOCSWINSZ

    path = tmp_path / "long-ids.yaml"
    path.write_text(LONG_IDS)
    paged = tmp_path / "paged.txt"

    def on_terminal(*args: str) -> str:
        main, secondary = pty.openpty()
        ioctl(secondary, TIOCSWINSZ, struct.pack("HHHH", 10, 80, 0, 0))
        environ = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES"}}
        environ.update(POSITIONS_PAGER=f"cat > {paged}", TERM="dumb")
        assert EXE is not None
        done = subprocess.run([EXE, *args, "--data", str(path)], stdin=subprocess.DEVNULL,
                              stdout=secondary, stderr=subprocess.PIPE, env=environ,
                              timeout=20, check=False)  # fmt: skip
        os.close(secondary)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
        os.close(main)
        assert done.returncode == 0, done.stderr
        return shown.decode()

    shown = on_terminal("compare", "north", "south", "--evidence")
    assert shown == ""
    assert "The North insists." in paged.read_text()
    paged.unlink()
    shown = on_terminal("compare", "north", "south", "--evidence", "--no-pager")
    assert "The North insists." in shown
    assert not paged.exists()
    shown = on_terminal("validate")
    assert "valid positions/2" in shown
    assert not paged.exists()
