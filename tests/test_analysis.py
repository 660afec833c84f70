"""The negotiation views: matrix, agenda, evidence strength, sources and diff, case by case."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from positions import analysis
from positions.analysis import agenda, diff, matrix, source_use
from positions.comparison import at_least, compare
from positions.loader import load, parse
from positions.model import Attribution, Dataset, Firmness
from positions.results import Relation

from .conftest import (
    DATA,
    ESCAPES,
    FORMAT_3,
    HOSTILE,
    MINIMAL,
    RELATIONS,
    THREE,
    VALID,
    Run,
    arg,
    generate,
    lines,
    squeezed,
)

AGENDA = VALID / "agenda.yaml"
OLD, NEW = DATA / "diff" / "old.yaml", DATA / "diff" / "new.yaml"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# -- agenda ----------------------------------------------------------------------------------


def test_agenda_order_and_reasons() -> None:
    """Common ground, then combinable asks, then agreement on conditions, conflicts, silence.

    Conflicts rank by the firmest side, then by the sum of both sides' firmness; the two
    conflicts where both sides are open tie, and keep the file's order.
    """
    ds = load(AGENDA)
    items = agenda(compare(ds, list(ds.parties.values()))).items
    assert [(i.place, i.row.issue.id, i.group, i.reason) for i in items] == [
        (1, "agree", "common ground", "both accept x"),
        (2, "overlap", "common ground", "both accept y"),
        (3, "package", "different asks, not checked",
         "different asks; nobody recorded whether both can hold: 'x' and 'y'"),
        (4, "terms", "agreed only on conditions in conflict",
         "both accept x, but on conditions in conflict: A's on redline-both: x"),
        (5, "open-first", "conflict", "every side is open \u2014 x (A) excludes y (B)"),
        (6, "open-second", "conflict", "every side is open \u2014 x (A) excludes y (B)"),
        (7, "firm-open", "conflict", "no red line; firm: B \u2014 x (A) excludes y (B)"),
        (8, "firm-both", "conflict", "no red line; firm: A, B \u2014 x (A) excludes y (B)"),
        (9, "redline-open", "conflict", "red line: A \u2014 x (A) excludes y (B)"),
        (10, "redline-both", "conflict", "red line: A, B \u2014 x (A) excludes y (B)"),
        (11, "silent", "no stated position", "one stated position only (A)"),
    ]  # fmt: skip


def test_agenda_table(run: Run) -> None:
    """The terminal agenda: a numbered line per issue with the relation word and the reason."""
    out = lines(run("agenda", "a", "b", "--data", arg(AGENDA), env={"COLUMNS": "100"}).out)
    assert out[:7] == [
        "Agenda: A and B",
        "",
        "Common ground",
        " 1. agree  AGREE (stated)",
        "    both accept x",
        " 2. overlap  OVERLAP (stated)",
        "    both accept y",
    ]
    assert out[-8:] == [
        "10. redline-both  CONFLICT (stated)",
        "    red line: A, B — x (A) excludes y (B)",
        "",
        "No stated position",
        "11. silent  UNKNOWN",
        "    one stated position only (A)",
        "",
        "data: valid/agenda.yaml",
    ]


def test_agenda_needs_two_parties(run: Run) -> None:
    """Agenda with one party is a usage error."""
    result = run("agenda", "a", "--data", arg(AGENDA))
    assert (result.code, result.err) == (
        2,
        "positions: agenda needs two or more parties, got 1; for one party's stances: "
        "positions show PARTY; see 'positions agenda --help'\n",
    )


def test_agenda_does_not_call_a_stance_without_a_cue_open() -> None:
    """A conflict with no firm side, one of them without a firmness cue: said so, not "open".

    Different asks nobody checked have a group of their own, after those checked compatible.
    """
    ds = load(RELATIONS)
    russia, ukraine = ds.parties["russia"], ds.parties["ukraine"]
    opened = russia.stances["reconstruction"]._replace(firmness=Firmness.OPEN)
    uncued = ukraine.stances["reconstruction"]._replace(firmness=Firmness.NO_CUE)
    ds = ds._replace(
        parties={
            **ds.parties,
            "russia": russia._replace(stances={**russia.stances, "reconstruction": opened}),
            "ukraine": ukraine._replace(stances={**ukraine.stances, "reconstruction": uncued}),
        }
    )
    items = agenda(compare(ds, [ds.parties["russia"], ds.parties["ukraine"]])).items
    assert [(i.row.issue.id, i.group) for i in items][:2] == [
        ("humanitarian", "different asks, checked compatible"),
        ("reconstruction", "conflict"),
    ]
    assert items[1].reason == (
        "no side firm; no firmness cue: Ukraine \u2014 "
        "frozen-assets: accepted by Ukraine, rejected by Russia"
    )
    camp = agenda(compare(ds, [ds.parties["ukraine"], ds.parties["partners"]]))
    assert [(i.row.issue.id, i.group) for i in camp.items][:2] == [
        ("security-guarantees", "common ground"),
        ("reconstruction", "different asks, not checked"),
    ]
    assert camp.within_camp is not None


# -- matrix ----------------------------------------------------------------------------------


def test_matrix_pair_counts() -> None:
    """Each pair: issues with common ground and in conflict, out of those both address."""
    ds = load(THREE)
    m = matrix(ds, list(ds.parties.values()))
    assert [(p.a, p.b, p.common, p.conflict, p.both) for p in m.pairs] == [
        ("north", "south", 2, 1, 3),
        ("north", "east", 2, 1, 3),
        ("south", "east", 3, 0, 3),  # both refuse the new border: common ground
    ]


def test_matrix_table_cells_and_legend(run: Run) -> None:
    """Cells show the firmness letter and the accepted outcomes; a legend explains them."""
    out = lines(run("matrix", "--data", arg(THREE)).out)
    assert out[1:8] == [
        "firmness: ■ red line  ◆ firm  ○ open",
        "",
        "                  North          South      East",
        "Trade   overlap   ○ lift, phase  ◆ phase    ○ phase, lift",
        "Water   agree     ◆ share        ○ share    ○ share",
        "Border  conflict  ■ new          ◆ old      ◆ not new",
        "Aid     unknown   –              ○ deliver  –",
    ]
    assert "  North – East: 1 conflict, 2 agree" in out


def test_matrix_json(run: Run) -> None:
    """Matrix --format json: every party's stance per issue and the pair counts."""
    data = json.loads(run("matrix", "north", "east", "--data", arg(THREE), "--format", "json").out)
    assert data["parties"] == ["north", "east"]
    assert data["issues"][2]["stances"] == {
        "north": {"accepts": ["new"], "rejects": ["old"], "firmness": "red-line"},
        "east": {"accepts": [], "rejects": ["new"], "firmness": "firm"},
    }
    assert data["issues"][3]["stances"] == {"north": None, "east": None}
    counts = {"conflict": 1, "conditional": 0, "untested": 0, "complementary": 0, "overlap": 0,
              "agree": 2, "unknown": 1}  # fmt: skip
    assert data["pairs"] == [
        {"parties": ["north", "east"], "common": 2, "conflict": 1, "both": 3, "counts": counts}
    ]


def test_matrix_svg_is_an_image_of_the_same_grid(run: Run, tmp_path: Path) -> None:
    """Matrix --format svg -o FILE writes well-formed SVG with the grid's text, nothing external."""
    out = tmp_path / "matrix.svg"
    result = run("matrix", "--data", arg(THREE), "--format", "svg", "-o", str(out))
    assert (result.code, result.out) == (0, "")
    svg = out.read_text()
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = [t.strip() for t in root.itertext() if t.strip()]
    for cell in (
        "Border",
        "\u25a0 The new border",
        "\u25c6 not The new border",
        "CONFLICT",
        "North \u2013 East: 1 conflict, 2 agree, 1 unknown",
    ):
        assert cell in texts, cell  # fmt: skip
    assert "\xa0" not in svg  # text copies as plain text
    assert "<script" not in svg
    tooltips = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert any("\u201cNorth wants the new border.\u201d" in t for t in tooltips)
    assert "href" not in svg  # nothing is fetched or linked


def test_export_svg_writes_the_matrix(run: Run, tmp_path: Path) -> None:
    """Export -o FILE.svg draws the chart of the parties and issues named, and only those."""
    out = tmp_path / "map.svg"
    run("export", "north", "south", "--issue", "border", "-o", str(out), "--data", arg(THREE))
    text = "".join(ET.fromstring(out.read_text()).itertext())
    assert "North" in text
    assert "East" not in text
    assert ("Border" in text, "Trade" in text) == (True, False)


def test_matrix_on_many_parties(run: Run, tmp_path: Path) -> None:
    """Twelve parties: 66 pairs, each counted over the issues both address; 30: pairs left out."""
    path = tmp_path / "many.yaml"
    path.write_text(generate(parties=30, issues=8, quotes=1, seed=3))
    data = json.loads(run("matrix", "--data", str(path), "--format", "json").out)
    assert len(data["parties"]) == 30
    assert (data["pairs"], data["pairs_left_out"]) == ([], 30 * 29 // 2)
    text = run("matrix", "--data", str(path), env={"COLUMNS": "80"}).out
    assert "Pairwise summary left out: 435 pairs are too many to show" in squeezed(text)
    twelve = [f"p{n:03d}" for n in range(1, 13)]
    data = json.loads(run("matrix", *twelve, "--data", str(path), "--format", "json").out)
    assert len(data["pairs"]) == 12 * 11 // 2
    assert "pairs_left_out" not in data
    for pair in data["pairs"]:
        known = sum(n for relation, n in pair["counts"].items() if relation != "unknown")
        assert known == pair["both"] <= 8
        assert pair["counts"]["agree"] + pair["counts"]["overlap"] == pair["common"]
    agenda_out = json.loads(run("agenda", "p001", "p002", "p003", "--data", str(path),
                                "--format", "json").out)  # fmt: skip
    assert sorted(i["place"] for i in agenda_out["agenda"]) == list(range(1, 9))


# -- evidence strength -----------------------------------------------------------------------


def test_at_least_keeps_stances_with_strong_enough_quotes() -> None:
    """Only stances with a quote of the strength or stronger remain, with only those quotes."""
    ds = load(THREE)
    reported = at_least(ds, Attribution.REPORTED)
    assert "border" not in reported.parties["north"].stances  # only an inferred quote
    assert "water" in reported.parties["north"].stances  # reported
    stated = at_least(ds, Attribution.STATED)
    assert sorted(stated.parties["north"].stances) == ["trade"]
    assert at_least(ds, Attribution.INFERRED) == ds


def test_compare_marks_rows_the_filter_changes(run: Run) -> None:
    """Compare --attribution: rows whose relation changes are marked, in table and JSON."""
    args = ("compare", "north", "south", "--data", arg(THREE), "--attribution", "reported")
    data = json.loads(run(*args, "--format", "json").out)
    assert data["attribution"] == "reported"
    border = data["issues"][2]
    assert (border["relation"], border["relation_unfiltered"]) == ("unknown", "conflict")
    assert "relation_unfiltered" not in data["issues"][0]
    text = " ".join(lines(run(*args, env={"COLUMNS": "120"}).out))
    assert "* was conflict" in text
    assert (
        "Only stances backed by reported evidence or stronger are counted; issues marked * (1)"
        in re.sub(r"\s+", " ", text)
    )


FILTERED = """\
schema: positions/1
title: Filtered
sources:
  s1: {title: An article}
issues:
  border:
    name: Border
    question: Where is the border?
    outcomes: {old: The old border, new: The new border}
  trade:
    name: Trade
    question: Are tariffs lifted?
    outcomes: {lift: Tariffs are lifted}
parties:
  north:
    name: North
    stances:
      border:
        summary: Wants the new border.
        accepts: [new]
        rejects: [old]
        firmness: firm
        evidence: [{source: s1, quote: North wants the new border., attribution: reported}]
      trade:
        summary: Would lift tariffs.
        accepts: [lift]
        firmness: open
        evidence: [{source: s1, quote: North would lift tariffs., attribution: stated}]
  south:
    name: South
    stances:
      border:
        summary: Wants the old border.
        accepts: [old]
        rejects: [new]
        firmness: firm
        evidence: [{source: s1, quote: South wants the old border., attribution: stated}]
      trade:
        summary: Would lift tariffs.
        accepts: [lift]
        firmness: open
        evidence: [{source: s1, quote: South would lift tariffs., attribution: stated}]
"""


@pytest.mark.parametrize("view", ["compare", "matrix", "agenda"])
def test_every_filtered_view_marks_what_the_filter_changed(
    run: Run, tmp_path: Path, view: str
) -> None:
    """Compare, matrix and agenda --attribution mark the same issue, in the table and in JSON.

    North's stance on the border rests on reported evidence only: with ``--attribution stated``
    the border's conflict becomes unknown, and every view says it was a conflict; trade, agreed
    on stated evidence either way, is not marked.
    """
    path = tmp_path / "filtered.yaml"
    path.write_text(FILTERED, encoding="utf-8")
    args = (view, "north", "south", "--data", str(path), "--attribution", "stated")
    table = re.sub(r"\s+", " ", run(*args).out)
    assert "* was conflict" in table
    assert "issues marked * (1) have another relation without the filter." in table
    data = json.loads(run(*args, "--format", "json").out)
    issues = data["agenda"] if view == "agenda" else data["issues"]
    unfiltered = {i.get("issue", i.get("id")): i.get("relation_unfiltered") for i in issues}
    assert unfiltered == {"border": "conflict", "trade": None}
    if view == "matrix":
        svg = ET.fromstring(run(*args, "--format", "svg", "-o", "-").out)
        texts = " ".join(e.text or "" for e in svg.iter("{http://www.w3.org/2000/svg}text"))
        assert "* was conflict" in texts
        assert "issues marked * (1) have another relation" in texts


def test_matrix_and_agenda_take_attribution(run: Run) -> None:
    """Matrix and agenda count only the stances the filter keeps."""
    data = json.loads(run("matrix", "--data", arg(THREE), "--attribution", "stated", "--format",
                          "json").out)  # fmt: skip
    assert data["issues"][0]["stances"]["north"] is not None  # trade: stated
    assert data["issues"][1]["stances"]["north"] is None  # water: only reported
    agenda_data = json.loads(run("agenda", "north", "south", "--data", arg(THREE),
                                 "--attribution", "stated", "--format", "json").out)  # fmt: skip
    assert agenda_data["attribution"] == "stated"
    assert [i["issue"] for i in agenda_data["agenda"]][:1] == ["trade"]


# -- sources ---------------------------------------------------------------------------------


def test_source_use_and_weak_stances() -> None:
    """Each source's stances and quotes; stances on one source or only inferred are flagged."""
    report = source_use(load(THREE))
    uses, weak = report.uses, report.weak
    assert [(u.source, u.stances, u.quotes) for u in uses] == [("s1", 10, 10)]
    border = [w for w in weak if (w.party, w.issue) == ("north", "border")]
    assert border[0].reasons == ("a single source (s1)", "only inferred evidence")
    assert len(weak) == 10


def test_sources_command(run: Run) -> None:
    """Sources --format json and the table: each source's counts and the flagged stances."""
    data = json.loads(run("sources", "--data", arg(THREE), "--format", "json").out)
    assert data["sources"] == [{"source": "s1", "title": "An article", "stances": 10, "quotes": 10}]
    border = [w for w in data["weak"] if (w["party"], w["issue"]) == ("north", "border")]
    assert border[0]["reasons"] == ["a single source (s1)", "only inferred evidence"]
    out = lines(run("sources", "--data", arg(MINIMAL)).out)
    assert out[-5:] == [
        "Stances on thin evidence: 2 of 2",
        "  north/territory: a single source (s1)",
        "  south/territory: a single source (s1)",
        "",
        "data: valid/minimal.yaml",
    ]


# -- diff ------------------------------------------------------------------------------------


def test_diff_of_a_hand_made_pair() -> None:
    """Issues, outcomes, parties, stances and pairwise relations that changed."""
    d = diff(load(OLD), load(NEW))
    assert (d.issues_added, d.issues_removed) == (("water",), ("trade",))
    assert (d.outcomes_added, d.outcomes_removed) == ((("land", "share"),), (("aid", "block"),))
    assert (d.parties_added, d.parties_removed) == (("east",), ("west",))
    assert [tuple(c) for c in d.stances] == [
        ("north", "land", "accepts", "keep", "keep, share"),
        ("north", "land", "firmness", "red-line", "firm"),
        ("north", "trade", "removed", "accepts open; open", ""),
        ("north", "water", "added", "", "accepts share; open"),
        ("south", "land", "accepts", "return", "return, share"),
        ("south", "aid", "removed", "accepts deliver; firm", ""),
    ]
    assert [(r.a, r.b, r.issue, r.before, r.after) for r in d.relations] == [
        ("north", "south", "land", Relation.CONFLICT, Relation.OVERLAP),
        ("north", "south", "aid", Relation.AGREE, Relation.UNKNOWN),
    ]


def test_diff_of_a_file_with_itself_is_empty(run: Run) -> None:
    """No change: the diff says so."""
    result = run("diff", arg(THREE), arg(THREE))
    assert result.code == 0
    assert result.out.splitlines()[-1] == "no changes"


def test_diff_json(run: Run) -> None:
    """Diff --format json: the same changes, for scripts."""
    data = json.loads(run("diff", arg(OLD), arg(NEW), "--format", "json").out)
    assert data["relations"] == [
        {"parties": ["north", "south"], "issue": "land", "before": "conflict", "after": "overlap"},
        {"parties": ["north", "south"], "issue": "aid", "before": "agree", "after": "unknown"},
    ]
    assert data["stances"][1] == {
        "party": "north",
        "issue": "land",
        "change": "firmness",
        "before": "red-line",
        "after": "firm",
    }


def test_diff_of_an_invalid_file_is_trouble(run: Run) -> None:
    """Diff reports a broken file like every other command, with diff(1)'s exit 2."""
    bad = VALID.parent / "invalid" / "wrong-schema.yaml"
    result = run("diff", arg(OLD), str(bad))
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"positions: {bad}:2:9: schema is 'positions/4'; expected one of positions/1, "
        "positions/2, positions/3\n"
    )


def test_diff_exits_as_diff_does(run: Run, tmp_path: Path) -> None:
    """0 when nothing changed, 1 when something did, 2 when a file is missing."""
    assert run("diff", arg(THREE), arg(THREE)).code == 0
    assert run("diff", arg(OLD), arg(NEW)).code == 1
    assert run("diff", arg(OLD), arg(NEW), "--format", "json").code == 1
    assert run("diff", arg(OLD), str(tmp_path / "missing.yaml")).code == 2


# -- safety ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("matrix",),
        ("agenda", "esc", "esc2"),
        ("sources",),
        ("diff", arg(MINIMAL), arg(ESCAPES)),
    ],
)
def test_views_neutralise_control_characters(
    run: Run, args: tuple[str, ...], tmp_path: Path
) -> None:
    """No view lets a control or reordering character from the data reach the terminal."""
    data = tmp_path / "two.yaml"
    text = ESCAPES.read_text()
    second = text.split("parties:\n", 1)[1].replace("  esc:", "  esc2:").replace('"Esc ', '"Esc2 ')
    second = second.replace("\\u2066isolate", "\\u2066isolate2")
    data.write_text(text + second)
    result = run(*args, "--data", str(data)) if args[0] != "diff" else run(*args)
    assert result.code == (1 if args[0] == "diff" else 0), result.err
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.out)
    assert not UNSAFE.search(plain)


def test_svg_escapes_markup(run: Run, tmp_path: Path) -> None:
    """Markup in the data is text in the SVG, which stays well-formed XML."""
    out = tmp_path / "hostile.svg"
    run("matrix", "--data", arg(HOSTILE), "--format", "svg", "-o", str(out))
    svg = out.read_text()
    assert "<script" not in svg
    text = "".join(ET.fromstring(svg).itertext()).replace("\xa0", " ")
    assert "<b>title</b>" in text or "Red [bold red]Party[/]" in text


def test_parse_hostile_fixtures() -> None:
    """The hostile fixtures used above are valid files."""
    for path in (ESCAPES, HOSTILE):
        assert parse(path.read_text(), str(path)).parties


def test_matrix_output_file_format_follows_extension(run: Run, tmp_path: Path) -> None:
    """With -o FILE, .json and .svg pick the format; --format table writes plain text."""
    as_json = tmp_path / "m.json"
    run("matrix", "--data", arg(THREE), "-o", str(as_json))
    assert json.loads(as_json.read_text())["schema"] == "positions-matrix/1"
    as_text = tmp_path / "m.txt"
    result = run("matrix", "--data", arg(THREE), "--format", "table", "-o", str(as_text))
    assert result.code == 0
    text = as_text.read_text()
    assert "\x1b" not in text
    assert "Border  conflict  ■ new" in text
    unknown = run("matrix", "--data", arg(THREE), "-o", str(tmp_path / "m.csv"))
    assert (unknown.code, unknown.err) == (
        2,
        f"positions: cannot tell the format from '{tmp_path / 'm.csv'}'; use --format with one "
        "of json, svg\n",
    )


def test_matrix_never_writes_over_the_data_file(run: Run, tmp_path: Path) -> None:
    """The matrix, like export, refuses to write over the data file it reads."""
    data = tmp_path / "data.json"
    data.write_text(THREE.read_text())
    result = run("matrix", "--data", str(data), "-o", str(data))
    assert (result.code, result.err) == (
        2,
        f"positions: refusing to overwrite the data file {data} with the output\n",
    )
    assert data.read_text() == THREE.read_text()


def test_sources_and_diff_on_many_parties(run: Run, tmp_path: Path) -> None:
    """On generated files of 30 parties, the counts of sources and diff add up."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(generate(parties=30, issues=8, quotes=2, seed=3))
    new.write_text(generate(parties=30, issues=8, quotes=2, seed=4))
    data = json.loads(run("sources", "--data", str(old), "--format", "json").out)
    stances = sum(len(p.stances) for p in load(old).parties.values())
    assert sum(s["quotes"] for s in data["sources"]) == 2 * stances
    changes = json.loads(run("diff", str(old), str(new), "--format", "json").out)
    assert changes["parties"] == {"added": [], "removed": []}
    assert changes["stances"]
    pairs = {tuple(r["parties"]) for r in changes["relations"]}
    assert pairs <= {(f"p{a:03d}", f"p{b:03d}") for a in range(1, 31) for b in range(a + 1, 31)}
    assert all(r["before"] != r["after"] for r in changes["relations"])


DIFF_BASE = """schema: positions/2
title: Base
sources:
  s1: {title: An article}
issues:
  land:
    name: Land
    question: Who holds the land?
    outcomes:
      keep: {description: The land is kept, excludes: [give]}
      give: The land is given
      share: The land is shared
  aid:
    name: Aid
    question: Is aid delivered?
    outcomes: {deliver: Aid is delivered, block: Aid is blocked}
parties:
  north:
    name: North
    stances:
      land:
        summary: Keeps the land.
        accepts: [keep]
        firmness: firm
        evidence: [{source: s1, quote: North keeps it., attribution: reported}]
      aid:
        summary: Delivers aid.
        accepts: [deliver]
        firmness: open
        evidence: [{source: s1, quote: North delivers., attribution: reported}]
  south:
    name: South
    stances:
      land:
        summary: Wants it shared.
        accepts: [share]
        firmness: firm
        evidence: [{source: s1, quote: South shares., attribution: reported}]
"""


@pytest.mark.parametrize(
    ("old", "new", "change"),
    [
        ("        firmness: open\n",
         "        conditions: {land: [share]}\n        firmness: open\n",
         ("north", "aid", "conditions", "(none)", "land: share")),
        ("        accepts: [deliver]\n        firmness: open\n",
         "        accepts: [deliver]\n        conditions: {land: [keep]}\n        firmness: open\n",
         ("north", "aid", "conditions", "(none)", "land: keep")),
        ("summary: Delivers aid.", "summary: Delivers aid at once.",
         ("north", "aid", "summary", "Delivers aid.", "Delivers aid at once.")),
        ("quote: South shares., attribution: reported",
         "quote: South shares., attribution: inferred",
         ("south", "land", "evidence", "s1 \u201cSouth shares.\u201d reported",
          "s1 \u201cSouth shares.\u201d inferred")),
    ],
)  # fmt: skip
def test_diff_reports_every_change_of_a_stance(
    tmp_path: Path, old: str, new: str, change: tuple[str, ...]
) -> None:
    """A stance that only gained a condition, or whose summary or quotes changed, is a change.

    Not "no changes", as diff said when only a condition changed.
    """
    before, after = tmp_path / "before.yaml", tmp_path / "after.yaml"
    before.write_text(DIFF_BASE)
    assert old in DIFF_BASE
    after.write_text(DIFF_BASE.replace(old, new, 1))
    d = diff(load(before), load(after))
    assert not d.empty
    assert [tuple(c) for c in d.stances] == [change]
    # The reverse is the change undone, a condition lost.
    back = diff(load(after), load(before))
    assert [tuple(c) for c in back.stances] == [(*change[:3], change[4], change[3])]


def test_diff_reports_changes_to_an_issue(tmp_path: Path, run: Run) -> None:
    """Exclusions, questions and disputes changed in place are reported, and moved relations."""
    before, after = tmp_path / "before.yaml", tmp_path / "after.yaml"
    before.write_text(DIFF_BASE)
    changed = (
        DIFF_BASE.replace("keep: {description: The land is kept, excludes: [give]}",
                          "keep: {description: The land is kept, excludes: [give, share]}")
        .replace("question: Who holds the land?", "question: Who keeps the land?")
    )  # fmt: skip
    after.write_text(changed)
    d = diff(load(before), load(after))
    assert d.stances == ()
    assert [tuple(e) for e in d.edits] == [
        ("issue land", "question", "Who holds the land?", "Who keeps the land?"),
        ("issue land", "outcome keep excludes", "give", "give, share"),
        ("issue land", "outcome share excludes", "(none)", "keep"),
    ]
    assert [(r.a, r.b, r.issue, r.before, r.after) for r in d.relations] == [
        ("north", "south", "land", Relation.UNTESTED, Relation.CONFLICT),
    ]
    result = run("diff", str(before), str(after))
    assert result.code == 1
    assert "  issue land outcome keep excludes: give \u2192 give, share" in result.out
    data = json.loads(run("diff", str(before), str(after), "--format", "json").out)
    assert data["changed"][0] == {
        "what": "issue land",
        "change": "question",
        "before": "Who holds the land?",
        "after": "Who keeps the land?",
    }


def format_3(*edits: tuple[str, str]) -> str:
    """The positions/3 example with each (old, new) replaced once."""
    text = FORMAT_3.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


FOREMOST = "s1 \u201cForemost among Russia's demands are guarantees.\u201d reported"
DOUBT = "analysts: s1 \u201cAnalysts doubt Ukraine means it.\u201d"


@pytest.mark.parametrize(
    ("edits", "changes"),
    [
        ([("stage: talks", "stage: ceasefire")],
         [("russia", "security", "stage", "talks", "ceasefire")]),
        ([("        stage: talks\n", "")],
         [("russia", "security", "stage", "talks", "(none)")]),
        ([("nato: [neutral]", "nato: {outcomes: [neutral], stage: talks}")],
         [("russia", "security", "condition stages", "(none)", "nato: talks")]),
        ([("stage: ceasefire}", "stage: talks}")],
         [("ukraine", "security", "condition stages", "nato: ceasefire", "nato: talks"),
          ("partners", "security", "condition stages", "nato: ceasefire", "nato: talks")]),
        ([("level: top", "level: high")],
         [("russia", "security", "salience", f"top: {FOREMOST} (A Kremlin aide)",
           f"high: {FOREMOST} (A Kremlin aide)")]),
        ([("        salience:\n          level: top\n          source: s1\n"
           "          quote: Foremost among Russia's demands are guarantees.\n"
           "          speaker: A Kremlin aide\n          attribution: reported\n", "")],
         [("russia", "security", "salience", f"top: {FOREMOST} (A Kremlin aide)", "(none)")]),
        ([("            quote: Analysts doubt Ukraine means it.\n",
           "            quote: Analysts doubt Ukraine means it.\n          - by: diplomats\n"
           "            source: s1\n            quote: Diplomats doubt it too.\n")],
         [("ukraine", "security", "doubts", DOUBT,
           f"{DOUBT}; diplomats: s1 \u201cDiplomats doubt it too.\u201d"),
          ("partners", "security", "doubts", DOUBT,
           f"{DOUBT}; diplomats: s1 \u201cDiplomats doubt it too.\u201d")]),
        ([("        joint: [partners]\n", "")],
         [("ukraine", "security", "joint", "with partners", "(none)"),
          ("partners", "security", "removed", "accepts for-ukraine; no-cue", "")]),
        ([("firmness: no-cue", "firmness: open")],
         [("ukraine", "security", "firmness", "no-cue", "open"),
          ("partners", "security", "firmness", "no-cue", "open")]),
    ],
    ids=["stage", "stage-removed", "condition-stage-added", "condition-stage",
         "salience-level", "salience-removed", "doubt-added", "joint-removed", "no-cue"],
)  # fmt: skip
def test_diff_reports_the_fields_positions_3_added_to_a_stance(
    edits: list[tuple[str, str]], changes: list[tuple[str, ...]]
) -> None:
    """Each change to a stance's stage, condition stages, salience, doubts or joint statement.

    A joint statement's copy is a stance like any other: its changes are listed under the party
    that has it, and it goes when the statement no longer names that party.
    """
    old, new = parse(format_3(), "old.yaml"), parse(format_3(*edits), "new.yaml")
    assert [tuple(c) for c in diff(old, new).stances] == changes
    assert [tuple(c) for c in diff(new, old).stances] == [
        (p, i, {"removed": "added"}.get(c, c), after, before) for p, i, c, before, after in changes
    ]


@pytest.mark.parametrize(
    ("edits", "changes"),
    [
        ([("requires: [nato/neutral, talks]", "requires: [talks]")],
         [("issue security", "outcome for-russia requires", "talks, nato/neutral", "talks")]),
        ([("excludes: [for-ukraine, nato/join]", "excludes: [for-ukraine]")],
         [("issue security", "outcome for-russia excludes", "for-ukraine, nato/join",
           "for-ukraine"),
          ("issue nato", "outcome join excludes", "security/for-russia", "(none)")]),
        ([("        reason: The article says both can hold.",
           "        reason: Both can hold, says the article.")],
         [("issue security", "compatible",
           "for-ukraine & for-both: The article says both can hold.",
           "for-ukraine & for-both: Both can hold, says the article.")]),
        ([("    camp: kyiv\n    members", "    members"),
          ("title_from: coder", "title_from: article"),
          ("  moscow: Russia", "  moscow: The Russian Federation")],
         [("party partners", "camp", "kyiv", ""),
          ("source s1", "title_from", "coder", "article"),
          ("camp moscow", "name", "Russia", "The Russian Federation")]),
    ],
    ids=["requires", "excludes-across-issues", "compatible", "camps-and-title-from"],
)  # fmt: skip
def test_diff_reports_links_and_recorded_pairs_as_edits(
    edits: list[tuple[str, str]], changes: list[tuple[str, ...]]
) -> None:
    """Links across issues (both issues, for an exclusion), recorded pairs, camps, title_from."""
    old, new = parse(format_3(), "old.yaml"), parse(format_3(*edits), "new.yaml")
    d = diff(old, new)
    assert (d.stances, [tuple(e) for e in d.edits]) == ((), changes)


def test_diff_compares_again_the_relations_a_changed_link_can_move(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An exclusion changed on one issue moves the relations on the issues that link to it.

    A clash through a link reads the linked issue's exclusions, so the parties on ``security``
    (whose outcome requires and excludes outcomes of ``nato``) are compared again when only
    ``nato`` changed; an unlinked change compares nobody again.
    """
    compared: list[tuple[str, str]] = []
    pair = analysis._pair

    def spy(dataset: Dataset, a: str, b: str) -> tuple[dict[str, Relation | None], set[str]]:
        compared.append((a, b))
        return pair(dataset, a, b)

    monkeypatch.setattr(analysis, "_pair", spy)
    # Nobody has a stance on nato or a condition on it: only the links lead there.
    text = format_3(
        ("        conditions:\n          nato: [neutral]\n", ""),
        ("        conditions:\n          nato: {outcomes: [join], stage: ceasefire}\n", ""),
        ("      nato:\n        summary: Wants to join NATO.\n        accepts: [join]\n"
         "        firmness: firm\n        evidence:\n          - source: s1\n"
         "            quote: Ukraine wants to join NATO.\n            attribution: reported\n",
         ""),
    )  # fmt: skip
    old = parse(text, "old.yaml")
    assert not any("nato" in p.stances for p in old.parties.values())
    linked = text.replace(
        "      join: Ukraine joins NATO",
        "      join:\n        description: Ukraine joins NATO\n        excludes: [neutral]",
    )
    diff(old, parse(linked, "new.yaml"))
    assert ("russia", "ukraine") in compared
    compared.clear()
    unlinked = text.replace("question: Does Ukraine join NATO?", "question: Will Ukraine join?")
    diff(old, parse(unlinked, "new.yaml"))
    assert compared == []
