"""The commands, run through click's CliRunner: exact output, exit codes and files written."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import click
import pytest
from click.shell_completion import ShellComplete

from positions import __version__
from positions.cli import cli

from .conftest import (
    FORMAT_2,
    FORMAT_3,
    HOSTILE,
    INVALID,
    MINIMAL,
    RELATIONS,
    SOURCES,
    THREE,
    Result,
    Run,
    arg,
    lines,
    squeezed,
)

# -- validate and verify ---------------------------------------------------------------------


def test_validate_valid_file(run: Run) -> None:
    """A valid file: one line of counts on stdout, exit 0."""
    result = run("validate", arg(THREE))
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "valid/three-parties.yaml: valid positions/1: "
        "1 source, 4 issues, 3 parties, 10 stances, 10 quotes\n"
    )


def test_validate_counts_a_joint_statement_as_a_stance_of_each_party(run: Run) -> None:
    """A positions/3 file: the copy of a joint statement is a stance; its quote counts once."""
    result = run("validate", arg(FORMAT_3))
    assert (result.code, result.out) == (
        0,
        "valid/format-3.yaml: valid positions/3: 1 source, 2 issues, 3 parties, 4 stances, "
        "3 quotes\n",
    )


def test_validate_names_the_schema_a_newer_field_needs(run: Run, tmp_path: Path) -> None:
    """A positions/2 file using a positions/3 field: FILE:LINE:COL and the schema it needs."""
    path = tmp_path / "two.yaml"
    path.write_text(
        FORMAT_2.read_text().replace(
            "firmness: red-line\n", "stage: talks\n        firmness: red-line\n", 1
        )
    )
    result = run("validate", str(path))
    assert (result.code, result.out, result.err) == (
        1,
        "",
        f"positions: {path}:42:9: 'stage' in stance of 'north' on 'territory' needs schema "
        "positions/3; expected 'schema: positions/3' at the top of the file to use it\n",
    )


def test_validate_invalid_file(run: Run) -> None:
    """An invalid file: every problem on stderr as FILE:LINE:COL, nothing on stdout, exit 1."""
    path = INVALID / "many-problems.yaml"
    result = run("validate", str(path))
    assert (result.code, result.out) == (1, "")
    assert lines(result.err) == [
        f"positions: {path}:2:9: schema is 'positions/0'; expected one of positions/1, "
        "positions/2, positions/3",
        f"positions: {path}:6:5: unknown key 'titel' in source 's1'; expected one of title, "
        "title_from, outlet, published, url, set_aside (did you mean 'title'?)",
        f"positions: {path}:33:19: 'retrun' is not an outcome of issue 'territory'; expected one "
        "of keep, return (did you mean 'return'?)",
        f"positions: {path}:34:19: firmness of stance of 'south' on 'territory' is 'maybe'; "
        "expected one of red-line, firm, open, no-cue",
    ]


def test_validate_takes_data_option(run: Run) -> None:
    """Without FILE, validate reads --data like every other command."""
    assert run("validate", "--data", arg(MINIMAL)).out.startswith("valid/minimal.yaml: valid")


def test_validate_missing_file(run: Run, tmp_path: Path) -> None:
    """A file that does not exist is an error with exit 1, not a traceback."""
    result = run("validate", str(tmp_path / "nope.yaml"))
    assert (result.code, result.out) == (1, "")
    assert (
        result.err
        == f"positions: {tmp_path / 'nope.yaml'}: no such file; expected a positions YAML file\n"
    )


def test_verify_all_found(run: Run) -> None:
    """verify: every quote found, exit 0."""
    result = run("verify", "--sources", arg(SOURCES), arg(MINIMAL))
    assert (result.code, result.out, result.err) == (
        0,
        "valid/minimal.yaml: all 2 quotes found in sources\n",
        "",
    )


def test_verify_missing_quote(run: Run, tmp_path: Path) -> None:
    """verify: each quote not found is listed with its place, then the count; exit 1."""
    path = tmp_path / "edited.yaml"
    path.write_text(MINIMAL.read_text().replace("North will keep", "North may keep"))
    result = run("verify", "--sources", arg(SOURCES), str(path))
    assert (result.code, result.out) == (1, "")
    assert lines(result.err) == [
        f"positions: {path}:25:13: north/territory: quote not found in source 's1': "
        '"North may keep the land."',
        "positions: 1 of 2 quotes not found",
    ]


def test_verify_sources_must_be_a_folder(run: Run, tmp_path: Path) -> None:
    """Verify with a --sources that is missing or is a file: a usage error naming it, exit 2.

    What is wrong with the folder is click's wording (click.Path); the line around it is ours.
    """
    for wrong in (tmp_path / "none", MINIMAL):
        result = run("verify", "--sources", str(wrong), arg(MINIMAL))
        assert (result.code, result.out) == (2, "")
        assert result.err.startswith("positions: ")
        assert "'--sources'" in result.err
        assert str(wrong) in result.err
        assert result.err.endswith("; see 'positions verify --help'\n")
        assert result.err.count("\n") == 1


# -- compare ---------------------------------------------------------------------------------


def test_compare_table(run: Run) -> None:
    """The table: the issue and its relation with the reason, each party's stance, the counts."""
    result = run("compare", "north", "south", "--data", arg(MINIMAL), env={"COLUMNS": "120"})
    assert (result.code, result.err) == (0, "")
    assert lines(result.out) == [
        "Minimal example",
        "1 conflict",
        "North and South; firmness: ■ red line  ◆ firm  ○ open",
        "",
        "Territory             ■ North  The occupier keeps the land",
        "CONFLICT (reported)   ◆ South  The land is returned",
        "  return: accepted by South, rejected by North",
        "data: valid/minimal.yaml · more: --full, --evidence",
    ]


def test_compare_no_escape_codes_when_not_a_terminal(run: Run) -> None:
    """Output to a pipe or file carries no escape codes."""
    assert "\x1b" not in run("compare", "north", "south", "--data", arg(MINIMAL)).out


def test_compare_respects_no_color(run: Run) -> None:
    """With a terminal forced, colours appear; NO_COLOR removes every colour code."""
    args = ("compare", "north", "south", "--data", arg(MINIMAL))
    coloured = run(*args, env={"FORCE_COLOR": "1"}).out
    assert re.search(r"\x1b\[[0-9;]*3[0-7]m", coloured)
    plain = run(*args, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).out
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m", plain)


def test_compare_three_parties_adds_pairwise_summary(run: Run) -> None:
    """With three parties the relation is that of all three, and a pairwise table follows."""
    args = ("compare", "north", "south", "east", "--data", arg(THREE))
    out = lines(run(*args, env={"COLUMNS": "120"}).out)
    assert out[1] == "1 conflict · 1 overlap · 1 agree · 1 unknown"
    start = out.index("Pairwise")
    assert out[start : start + 4] == [
        "Pairwise",
        "  North – South: 1 conflict, 1 overlap, 1 agree",
        "  North – East: 1 conflict, 2 agree",
        "  South – East: 2 overlap, 1 agree",
    ]


def test_compare_issue_filter_keeps_file_order(run: Run) -> None:
    """--issue limits the rows to the named issues, in the file's order."""
    data = json.loads(
        run(
            "compare", "north", "south", "--data", arg(THREE), "--issue", "water",
            "--issue", "trade", "--format", "json",
        ).out
    )  # fmt: skip
    assert [i["id"] for i in data["issues"]] == ["trade", "water"]
    assert {r: c["issues"] for r, c in data["counts"].items() if c["issues"]} == {
        "overlap": 1,
        "agree": 1,
    }


def wide(result: Result) -> str:
    """Output rendered 200 columns wide, with runs of spaces squeezed: each cell line whole."""
    return squeezed(result.out)


def test_compare_evidence_prints_quotes(run: Run) -> None:
    """--evidence prints every quote with its source title, speaker and attribution."""
    args = ("compare", "north", "south", "--data", arg(MINIMAL), "--evidence")
    assert lines(run(*args).out) == [
        "Minimal example",
        "1 conflict",
        "North and South; firmness: ■ red line  ◆ firm  ○ open",
        "",
        "Territory (territory)  CONFLICT (reported, 1 source)",
        "  return: accepted by South, rejected by North",
        "  ■ North red line · 1 source",
        "    Wants to keep the land.",
        "    accepts: the occupier keeps the land (keep)",
        "    rejects: the land is returned (return)",
        "    │ “North will keep the land.”",
        "    │ — An article; stated",
        "  ◆ South firm · 1 source",
        "    Wants the land back.",
        "    accepts: the land is returned (return)",
        '    │ “"South wants the land back - now," said the South\'s president.”',
        "    │ — An article; The South's president; reported",
        "",
        "data: valid/minimal.yaml",
    ]


def test_compare_json_shape(run: Run) -> None:
    """The JSON has the positions-compare/3 shape: relation, reason, clashes, null for no stance."""
    result = run("compare", "north", "south", "--data", arg(MINIMAL), "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    evidence = {"source": "s1", "source_title": "An article", "speaker": None}
    # What positions/3 adds to a stance, none of it coded in this positions/1 file.
    uncoded: dict[str, object] = {
        "stage": None,
        "condition_stages": {},
        "salience": None,
        "links": {},
        "sources": 1,
        "doubts": [],
        "joint_with": [],
        "coded_under": None,
    }
    assert data == {
        "schema": "positions-compare/3",
        "data": arg(MINIMAL),
        "parties": ["north", "south"],
        "within_camp": None,
        "issues": [
            {
                "id": "territory",
                "name": "Territory",
                "dispute": None,
                "relation": "conflict",
                "reason": "return: accepted by South, rejected by North",
                "confidence": "reported",
                "common": {"accepted": [], "rejected": []},
                "clashes": [
                    {
                        "kind": "rejects",
                        "outcome": "return",
                        "accepted_by": ["south"],
                        "rejected_by": ["north"],
                    }
                ],
                "conditions": [],
                "among": 2,
                "silent": [],
                "sources": 1,
                "untested": [],
                "untested_left_out": 0,
                "stances": {
                    "north": {
                        "summary": "Wants to keep the land.",
                        "accepts": ["keep"],
                        "rejects": ["return"],
                        "conditions": {},
                        "firmness": "red-line",
                        "note": None,
                        **uncoded,
                        "evidence": [
                            {
                                **evidence,
                                "quote": "North will keep the land.",
                                "attribution": "stated",
                            }
                        ],
                    },
                    "south": {
                        "summary": "Wants the land back.",
                        "accepts": ["return"],
                        "rejects": [],
                        "conditions": {},
                        "firmness": "firm",
                        "note": None,
                        **uncoded,
                        "evidence": [
                            {
                                **evidence,
                                "quote": '"South wants the land back - now," said the '
                                "South's president.",
                                "speaker": "The South's president",
                                "attribution": "reported",
                            }
                        ],
                    },
                },
            }
        ],
        "counts": {
            "conflict": {"issues": 1, "disputes": 1},
            **{
                r: {"issues": 0, "disputes": 0}
                for r in ("conditional", "untested", "complementary", "overlap", "agree", "unknown")
            },
        },
        "pairs": [],
    }


def test_compare_json_names_twelve_parties_against_a_condition(run: Run, tmp_path: Path) -> None:
    """Fourteen parties stop one party's condition: JSON names the first 12, counts 2 more.

    The first in the order of the parties (here the file's, not the alphabet's), whether they
    reject the outcome or accept one that excludes it; the reason is as with fewer.
    """
    quote = "{source: s, quote: Q., attribution: stated}"
    stance = "{summary: S., %s, firmness: firm, evidence: [" + quote + "]}"
    lines = [
        "schema: positions/2\ntitle: One condition\nsources: {s: {title: S}}\nissues:\n",
        "  talks: {name: Talks, question: Talk?, outcomes: {meet: Meet}}\n",
        "  land: {name: Land, question: Whose?,"
        " outcomes: {keep: {description: K, excludes: [back]}, back: B}}\n",
        "parties:\n",
        f"  a:\n    name: A\n    stances:\n"
        f"      talks: {stance % 'accepts: [meet], conditions: {land: [keep]}'}\n",
    ]
    for n in range(14, 0, -1):
        ask = "rejects: [keep]" if n % 2 else "accepts: [back]"
        lines.append(
            f"  p{n:02d}:\n    name: P{n}\n    stances:\n"
            f"      talks: {stance % 'accepts: [meet]'}\n      land: {stance % ask}\n"
        )
    path = tmp_path / "many.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    result = run("export", "-o", "-", "--format", "json", "--data", str(path))
    assert result.code == 0, result.err
    talks = json.loads(result.out)["issues"][0]
    assert (talks["relation"], talks["reason"]) == (
        "conditional",
        "all accept meet, but on conditions in conflict: A's on land: keep",
    )
    assert talks["conditions"] == [
        {
            "party": "a",
            "issue": "land",
            "outcomes": ["keep"],
            "status": "in conflict",
            "against": [f"p{n:02d}" for n in range(14, 2, -1)],
            "against_left_out": 2,
        }
    ]


def test_compare_json_null_for_no_stance(run: Run) -> None:
    """A party with no stance on an issue is null in the JSON, and the relation unknown."""
    data = json.loads(run("compare", "north", "east", "--data", arg(THREE), "--format", "json").out)
    aid = data["issues"][3]
    assert (aid["relation"], aid["stances"]["north"], aid["stances"]["east"]) == (
        "unknown",
        None,
        None,
    )
    assert (aid["reason"], aid["silent"], aid["confidence"]) == (
        "no position recorded",
        ["north", "east"],
        None,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["suoth", "north"], "no party 'suoth'; did you mean 'south'? known parties: north, "
         "south, east"),
        (["north", "North"], "party 'north' is named twice ('North'); name each party once"),
        (["north"], "compare needs two or more parties, got 1; known parties: north, south, "
         "east; for one party's stances: positions show PARTY; see 'positions compare --help'"),
        (["north", "south", "--issue", "bordr"], "no issue 'bordr'; did you mean 'border'? "
         "known issues: trade, water, border, aid"),
    ],
)  # fmt: skip
def test_compare_usage_errors(run: Run, args: list[str], message: str) -> None:
    """Unknown or repeated parties and unknown issues are usage errors: exit 2, one message."""
    result = run("compare", *args, "--data", arg(THREE))
    assert (result.code, result.out, result.err) == (2, "", f"positions: {message}\n")


def test_compare_parties_by_alias_any_case(run: Run) -> None:
    """Parties may be named by alias in any case."""
    data = json.loads(run("compare", "N", "SOUTH", "--data", arg(MINIMAL), "--format", "json").out)
    assert data["parties"] == ["north", "south"]


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["compare", "north", "south", "--format", "xml"], ["'xml'", "table", "json"]),
        (["compare", "north", "south", "--fromat", "json"], ["--fromat", "--format"]),
        (["comapre", "north", "south"], ["comapre", "compare"]),
        (["show"], ["PARTY", "positions show --help"]),
    ],
    ids=["bad-choice", "unknown-option", "unknown-command", "missing-argument"],
)
def test_click_usage_errors_are_one_line(run: Run, args: list[str], names: list[str]) -> None:
    """The usage errors click raises are one ``positions:`` line and exit 2, like ours.

    The line names what was wrong and what would be right; its wording is click's and is not
    asserted here.
    """
    result = run(*args, "--data", arg(MINIMAL))
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("positions: ")
    assert result.err.count("\n") == 1
    assert all(name in result.err for name in names), result.err


def test_compare_invalid_data_exit_1(run: Run) -> None:
    """A command given an invalid data file reports its problems and exits 1."""
    result = run("compare", "a", "b", "--data", str(INVALID / "wrong-schema.yaml"))
    assert result.code == 1
    assert result.err.endswith(
        "2:9: schema is 'positions/4'; expected one of positions/1, positions/2, positions/3\n"
    )


# -- issues, parties, show -------------------------------------------------------------------


def test_issues_lists_each_issue(run: Run) -> None:
    """issues: each issue with its question, outcomes and the parties with a stance on it."""
    out = lines(run("issues", "--data", arg(THREE)).out)
    assert out[2:8] == [
        "Trade (trade)",
        "  Are tariffs lifted?",
        "  • lift: Tariffs are lifted",
        "  • keep: Tariffs stay",
        "  • phase: Tariffs are phased out",
        "  stances: North, South, East",
    ]
    assert out[-6:] == [
        "Aid (aid)",
        "  Is aid delivered?",
        "  • deliver: Aid is delivered",
        "  stances: South",
        "",
        "data: valid/three-parties.yaml",
    ]


def test_issues_json(run: Run) -> None:
    """Issues --format json: the issues in file order with the parties that address them."""
    data = json.loads(run("issues", "--data", arg(THREE), "--format", "json").out)
    assert data["schema"] == "positions-issues/1"
    data = data["issues"]
    assert [(i["id"], i["parties"]) for i in data] == [
        ("trade", ["north", "south", "east"]),
        ("water", ["north", "south", "east"]),
        ("border", ["north", "south", "east"]),
        ("aid", ["south"]),
    ]
    assert data[0]["outcomes"] == {
        "lift": "Tariffs are lifted",
        "keep": "Tariffs stay",
        "phase": "Tariffs are phased out",
    }


def test_issue_detail(run: Run) -> None:
    """Issues ID: the outcomes and every party's stance with its evidence."""
    out = lines(run("issues", "territory", "--data", arg(MINIMAL)).out)
    assert out[:13] == [
        "Territory (territory)",
        "Who holds the land?",
        "",
        "Outcomes",
        "  • keep: The occupier keeps the land",
        "  • return: The land is returned",
        "",
        "Among the parties with a stance: CONFLICT (reported, 1 source)",
        "  return: accepted by South, rejected by North",
        "",
        "  ■ North red line · 1 source",
        "    Wants to keep the land.",
        "    accepts: the occupier keeps the land (keep)",
    ]
    assert "    │ “North will keep the land.”" in out


def test_issue_detail_gives_the_relation_compare_gives(run: Run) -> None:
    """One issue in full and compare of the same parties agree: conditions and dispute too."""
    out = lines(run("issues", "talks", "--data", arg(FORMAT_2)).out)
    assert "Among the parties with a stance: CONDITIONAL (reported, 1 source)" in out
    compared = json.loads(
        run("compare", "north", "south", "--format", "json", "--data", arg(FORMAT_2)).out
    )
    talks = next(i for i in compared["issues"] if i["id"] == "talks")
    assert talks["relation"] == "conditional"
    detail = lines(run("issues", "territory", "--data", arg(FORMAT_2)).out)
    assert "part of the dispute: The land dispute" in detail


def test_issue_detail_unknown_issue(run: Run) -> None:
    """Issues with an unknown id is a usage error."""
    result = run("issues", "land", "--data", arg(MINIMAL))
    assert (result.code, result.err) == (2, "positions: no issue 'land'; known issues: territory\n")


def test_parties_table_and_json(run: Run) -> None:
    """parties: each party with its aliases and its number of stances."""
    out = lines(run("parties", "--data", arg(MINIMAL)).out)
    assert out[2:5] == ["North (north)", "  also: n, Northland", "  1 stance: territory"]
    data = json.loads(run("parties", "--data", arg(THREE), "--format", "json").out)["parties"]
    assert [(p["id"], len(p["stances"])) for p in data] == [("north", 3), ("south", 4), ("east", 3)]


def test_show_party(run: Run) -> None:
    """Show PARTY: its stance on every issue, with evidence, and no relation column."""
    out = lines(run("show", "n", "--data", arg(MINIMAL)).out)
    assert out[3:10] == [
        "Territory (territory)",
        "  ■ North red line · 1 source",
        "    Wants to keep the land.",
        "    accepts: the occupier keeps the land (keep)",
        "    rejects: the land is returned (return)",
        "    │ “North will keep the land.”",
        "    │ — An article; stated",
    ]
    assert "CONFLICT" not in "\n".join(out)


def test_show_json_has_null_relation(run: Run) -> None:
    """Show --format json: the compare shape for one party, relation null."""
    data = json.loads(run("show", "east", "--data", arg(THREE), "--format", "json").out)
    assert data["parties"] == ["east"]
    assert [i["relation"] for i in data["issues"]] == [None] * 4
    assert data["issues"][3]["stances"] == {"east": None}


# -- export ----------------------------------------------------------------------------------


def test_export_csv(run: Run, tmp_path: Path) -> None:
    """CSV: a header row, then a row per quote, or per party without a stance."""
    out = tmp_path / "table.csv"
    result = run("export", "-o", str(out), "--data", arg(THREE))
    assert (result.code, result.out) == (0, "")
    assert result.err == f"positions: wrote {out} (csv)\n"
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfissue,issue_name,dispute,relation,")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 4 * 3
    assert rows[0] == {
        "issue": "trade",
        "issue_name": "Trade",
        "dispute": "",
        "relation": "overlap",
        "reason": "all accept phase",
        "confidence": "stated",
        "party": "north",
        "party_name": "North",
        "firmness": "open",
        "summary": "Would lift tariffs, or phase them out.",
        "accepts": "lift; phase",
        "rejects": "",
        "conditions": "",
        "note": "",
        "quote_no": "1",
        "quote_count": "1",
        "quote": "North would lift tariffs.",
        "source": "s1",
        "source_title": "An article",
        "speaker": "",
        "attribution": "stated",
        "evidence_filter": "",
        "relations_shown": "",
        "stage": "",
        "salience": "",
        "sources": "1",
        "doubts": "0",
        "relation_sources": "1",
    }
    assert [(r["issue"], r["party"], r["summary"], r["relation"]) for r in rows[-3:]] == [
        ("aid", "north", "", "unknown"),
        ("aid", "south", "Wants aid delivered.", "unknown"),
        ("aid", "east", "", "unknown"),
    ]


def test_export_csv_has_every_quote(run: Run, tmp_path: Path) -> None:
    """A stance with two quotes is two rows, each with its own source, speaker, attribution."""
    text = MINIMAL.read_text().replace(
        "            attribution: stated\n",
        "            attribution: stated\n"
        "          - source: s1\n"
        "            quote: North will never give it back.\n"
        "            speaker: North's envoy\n"
        "            attribution: reported\n",
    )
    data = tmp_path / "two-quotes.yaml"
    data.write_text(text)
    out = run("export", "-o", "-", "--format", "csv", "--data", str(data)).out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [
        (r["party"], r["quote_no"], r["quote_count"], r["quote"], r["speaker"], r["attribution"])
        for r in rows
    ] == [
        ("north", "1", "2", "North will keep the land.", "", "stated"),
        ("north", "2", "2", "North will never give it back.", "North's envoy", "reported"),
        (
            "south",
            "1",
            "1",
            '"South wants the land back - now," said the South\'s president.',
            "The South's president",
            "reported",
        ),
    ]
    assert {r["summary"] for r in rows[:2]} == {"Wants to keep the land."}


def test_export_csv_records_its_filters(run: Run) -> None:
    """Every row names the filters, and every party compared has rows: the table says its scope."""
    out = run(
        "export", "north", "south", "--attribution", "reported", "--relation", "overlap",
        "-o", "-", "--format", "csv", "--data", arg(THREE),
    ).out  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {(r["evidence_filter"], r["relations_shown"]) for r in rows} == {("reported", "overlap")}
    assert [(r["issue"], r["party"]) for r in rows] == [("trade", "north"), ("trade", "south")]


def test_export_csv_adds_the_positions_3_columns_at_the_end(run: Run) -> None:
    """Stage, ranking, sources and doubts of the stance, the relation's sources: the last columns.

    The columns before them keep their places, for scripts that read them by place.
    """
    out = run(
        "export", "russia", "ukraine", "-o", "-", "--format", "csv", "--data", arg(RELATIONS)
    ).out  # fmt: skip
    header, *rest = list(csv.reader(io.StringIO(out)))
    assert header[-7:] == [
        "evidence_filter", "relations_shown", "stage", "salience", "sources", "doubts",
        "relation_sources",
    ]  # fmt: skip
    rows = [dict(zip(header, r, strict=True)) for r in rest]
    picked = {(r["issue"], r["party"]): r for r in rows}
    russia = picked["security-guarantees", "russia"]
    ukraine = picked["security-guarantees", "ukraine"]
    assert [russia[c] for c in header[-5:]] == ["", "top", "1", "1", "3"]
    assert [ukraine[c] for c in header[-5:]] == ["settlement", "", "1", "0", "3"]
    assert picked["nato", "russia"]["stage"] == "talks"


def test_export_markdown_says_stage_ranking_sources_doubts_and_camp(run: Run) -> None:
    """Markdown: each stance's stage, ranking, doubts, sources; the relation's; the one camp."""
    out = run(
        "export", "ukraine", "partners", "russia", "-o", "-", "--format", "markdown",
        "--data", arg(RELATIONS),
    ).out  # fmt: skip
    rows = {r[0].strip(): r for r in _table_rows(out)}
    guarantees = rows["**Security guarantees**"]
    assert guarantees[2].strip().split("<br>")[1:] == [
        "*joint statement with Ukraine*",
        "**accepts:** guarantees-for-ukraine",
        "**only if:** nato: right-to-join (before a ceasefire)",
        "**stage:** in the settlement",
        "**firmness:** open [^4]",
        "**sources:** 1",
    ]
    assert "**ranked:** top<br>doubted by analysts (s3)" in guarantees[3]
    assert guarantees[4].strip() == "**conflict** (inferred, 3 sources)"
    camp = run(
        "export", "ukraine", "partners", "-o", "-", "--format", "markdown",
        "--data", arg(RELATIONS),
    ).out  # fmt: skip
    assert "Parties compared: Ukraine, Partners. Within one camp: Ukraine and its backers." in camp


def test_compare_json_carries_what_positions_3_records(run: Run) -> None:
    """JSON: the linked clash, the row's sources and untested pairs, each stance's /3 fields."""
    data = json.loads(
        run(
            "compare", "ukraine", "partners", "russia", "--format", "json",
            "--data", arg(RELATIONS),
        ).out
    )  # fmt: skip
    assert data["within_camp"] is None
    issues = {i["id"]: i for i in data["issues"]}
    guarantees = issues["security-guarantees"]
    assert guarantees["clashes"] == [
        {
            "kind": "linked",
            "outcome": "guarantees-for-russia",
            "link": "requires",
            "target": "nato/neutrality",
            "via": "nato/right-to-join",
            "accepted_by": ["russia"],
            "against": ["ukraine"],
        }
    ]
    assert (guarantees["sources"], guarantees["untested"]) == (3, [])
    russia = guarantees["stances"]["russia"]
    assert russia["salience"] == {
        "level": "top",
        "source": "s1",
        "quote": "Foremost among Russia's demands are guarantees.",
        "attribution": "reported",
        "speaker": None,
    }
    assert russia["links"] == {
        "guarantees-for-russia": {"requires": ["nato/neutrality"], "excludes": []}
    }
    assert russia["doubts"] == [
        {"by": "analysts", "source": "s3", "quote": "Analysts doubt that Russia wants a deal."}
    ]
    ukraine, partners = guarantees["stances"]["ukraine"], guarantees["stances"]["partners"]
    assert (ukraine["stage"], ukraine["condition_stages"]) == ("settlement", {"nato": "ceasefire"})
    assert (ukraine["joint_with"], ukraine["coded_under"]) == (["partners"], None)
    assert (partners["joint_with"], partners["coded_under"]) == ([], "ukraine")
    assert issues["reconstruction"]["stances"]["partners"]["firmness"] == "no-cue"
    camp = json.loads(
        run("compare", "ukraine", "partners", "--format", "json", "--data", arg(RELATIONS)).out
    )
    assert camp["within_camp"] == {"id": "kyiv", "name": "Ukraine and its backers"}
    reconstruction = next(i for i in camp["issues"] if i["id"] == "reconstruction")
    assert reconstruction["relation"] == "untested"
    assert reconstruction["untested"] == [["frozen-assets", "donor-fund"]]


def test_export_csv_guards_formulas(run: Run) -> None:
    """CSV cells that would start a spreadsheet formula are prefixed with an apostrophe."""
    out = run("export", "-o", "-", "--format", "csv", "--data", arg(HOSTILE)).out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["summary"].startswith("'=HYPERLINK(")
    assert rows[0]["quote"].startswith("'+cmd|")
    assert rows[0]["speaker"] == "'@someone"
    assert rows[1]["summary"].startswith("'-2+3")
    assert rows[1]["quote"] == "'\ttab-led quote & <b>bold</b>"


def test_export_json_equals_compare_json(run: Run, tmp_path: Path) -> None:
    """JSON export has the same content as compare --format json."""
    out = tmp_path / "c.json"
    run("export", "north", "south", "-o", str(out), "--data", arg(THREE))
    compared = run("compare", "north", "south", "--format", "json", "--data", arg(THREE)).out
    assert json.loads(out.read_text()) == json.loads(compared)


def _table_rows(markdown: str) -> list[list[str]]:
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    return [re.split(r"(?<!\\)\|", row)[1:-1] for row in rows]


def test_export_markdown_is_a_well_formed_table(run: Run) -> None:
    """Markdown: every table row has as many cells as the header; data pipes are escaped."""
    out = run("export", "-o", "-", "--format", "markdown", "--data", arg(HOSTILE)).out
    rows = _table_rows(out)
    assert [len(r) for r in rows] == [5, 5, 5]
    assert rows[1] == [" --- "] * 5
    assert "\\<img src=x onerror=alert(1)\\>" in out
    assert "<br>second \\| line" in out
    assert "[^1]: “+cmd\\|' /C calc'!A0" in out


class _Collector(HTMLParser):
    """Collects the tags and the text of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_export_html_is_self_contained_and_escaped(run: Run, tmp_path: Path) -> None:
    """HTML: no scripts, images or links; every piece of data comes back as text."""
    out = tmp_path / "report.html"
    run("export", "-o", str(out), "--data", arg(HOSTILE))
    page = out.read_text()
    parser = _Collector()
    parser.feed(page)
    assert not {"script", "img", "link", "iframe"} & set(parser.tags)
    text = "".join(parser.text)
    assert "<script>alert(1)</script> & co" in text
    assert "second | line <img src=x onerror=alert(1)>" in text
    assert "Red [bold red]Party[/]" in text
    assert "default-src 'none'" in page


@pytest.mark.parametrize(
    ("suffix", "start"),
    [(".md", "# "), (".html", "<!DOCTYPE html>"), (".json", "{"), (".csv", "\ufeffissue,")],
)
def test_export_format_from_extension(run: Run, tmp_path: Path, suffix: str, start: str) -> None:
    """The format follows the output file's extension."""
    out = tmp_path / f"out{suffix}"
    run("export", "-o", str(out), "--data", arg(MINIMAL))
    assert out.read_text(encoding="utf-8").startswith(start)


def test_export_unknown_extension(run: Run, tmp_path: Path) -> None:
    """An extension that names no format, without --format, is a usage error; nothing is written."""
    out = tmp_path / "out.xlsx"
    result = run("export", "-o", str(out), "--data", arg(MINIMAL))
    assert (result.code, result.err) == (
        2,
        f"positions: cannot tell the format from '{out}'; use --format with one of "
        "json, csv, markdown, html, svg\n",
    )
    assert not out.exists()


def test_export_stdout_needs_format(run: Run) -> None:
    """-o - without --format is a usage error."""
    result = run("export", "-o", "-", "--data", arg(MINIMAL))
    assert (result.code, result.err) == (
        2,
        "positions: writing to standard output needs --format; expected one of "
        "json, csv, markdown, html, svg\n",
    )


def test_export_refuses_to_overwrite_the_data_file(run: Run, tmp_path: Path) -> None:
    """Export never writes over the data file it reads."""
    data = tmp_path / "data.json"
    data.write_text(MINIMAL.read_text())
    result = run("export", "-o", str(data), "--data", str(data))
    assert (result.code, result.err) == (
        2,
        f"positions: refusing to overwrite the data file {data} with the output\n",
    )
    assert data.read_text() == MINIMAL.read_text()


def test_export_replaces_whole_and_leaves_no_temporary_file(run: Run, tmp_path: Path) -> None:
    """An existing file is replaced whole; no temporary file is left beside it."""
    out = tmp_path / "table.csv"
    out.write_text("old")
    run("export", "-o", str(out), "--data", arg(MINIMAL))
    assert out.read_text(encoding="utf-8-sig").startswith("issue,")
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_export_failure_keeps_earlier_file(run: Run, tmp_path: Path) -> None:
    """If the data cannot be loaded, an earlier export stays as it was."""
    out = tmp_path / "table.csv"
    out.write_text("old")
    result = run("export", "-o", str(out), "--data", str(INVALID / "wrong-schema.yaml"))
    assert result.code == 1
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


# -- data file, version, help ----------------------------------------------------------------


def test_data_file_order(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--data, else $POSITIONS_FILE, else ./positions.yaml, else the shipped dataset."""
    monkeypatch.chdir(tmp_path)
    shipped = run("validate").out
    assert shipped.startswith("positions.yaml (shipped with positions): valid")
    (tmp_path / "positions.yaml").write_text(THREE.read_text())
    assert run("validate").out.startswith("positions.yaml: valid")
    monkeypatch.setenv("POSITIONS_FILE", str(MINIMAL))
    assert run("validate").out.startswith(f"{MINIMAL}: valid")
    assert run("validate", "--data", str(THREE)).out.startswith(f"{THREE}: valid")


def test_version(run: Run) -> None:
    """--version prints the package's one version."""
    assert run("--version").out == f"positions, version {__version__}\n"


def _commands() -> list[str]:
    assert isinstance(cli, click.Group)
    return sorted(cli.commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_with_an_example(run: Run, command: str) -> None:
    """Every command's --help has a description and at least one example."""
    out = run(command, "--help").out
    assert out.startswith("Usage: ")
    assert re.search(r"Examples?:\n\s+positions ", out), out


def test_export_named_parties_and_issues(run: Run) -> None:
    """Export PARTY... --issue ID: only those parties and issues, one CSV row per pair."""
    out = run(
        "export", "south", "east", "--issue", "aid", "--issue", "trade", "-o", "-",
        "--format", "csv", "--data", arg(THREE),
    ).out  # fmt: skip
    rows = list(csv.reader(io.StringIO(out)))
    assert [(r[0], r[6], r[3]) for r in rows[1:]] == [
        ("trade", "south", "overlap"),
        ("trade", "east", "overlap"),
        ("aid", "south", "unknown"),
        ("aid", "east", "unknown"),
    ]


def test_compare_accepts_every_registered_format(run: Run) -> None:
    """Compare --format markdown prints the same document export writes."""
    args = ("north", "south", "--data", arg(MINIMAL), "--format", "markdown")
    compared = run("compare", *args).out
    assert compared == run("export", *args, "-o", "-").out
    assert compared.startswith(
        "# Minimal example\n\nParties compared: North, South. Data: valid/minimal.yaml.\n\n"
        "| Issue | North | South | Relation | Why |\n"
    )


@pytest.mark.parametrize(
    ("args", "incomplete", "expected"),
    [
        (["compare"], "", ["north", "south", "east"]),
        (["compare", "north"], "s", ["south"]),
        (["compare", "north", "south", "--issue"], "", ["trade", "water", "border", "aid"]),
        (["issues"], "w", ["water"]),
        (["show"], "E", ["east"]),
        (["obstacles", "north"], "s", ["south"]),
        (["trades"], "", ["north", "south", "east"]),
        (["trades", "north"], "e", ["east"]),
    ],
)
def test_shell_completion(args: list[str], incomplete: str, expected: list[str]) -> None:
    """Party and issue arguments complete from the data file the command would read."""
    completer = ShellComplete(cli, {}, "positions", "_POSITIONS_COMPLETE")
    items = completer.get_completions([args[0], "--data", arg(THREE), *args[1:]], incomplete)
    assert [i.value for i in items] == expected


@pytest.mark.parametrize("columns", ["30", "40", "80"])
@pytest.mark.parametrize(
    "args",
    [
        ("compare", "north", "south", "east", "--evidence"),
        ("issues",),
        ("issues", "trade"),
        ("parties",),
        ("show", "south"),
    ],
)
def test_narrow_terminal_never_truncates(run: Run, args: tuple[str, ...], columns: str) -> None:
    """However narrow the terminal, text is wrapped, never cut off with an ellipsis.

    Only a single word longer than the line (here the data file's absolute path) may overrun
    it: words are never broken, so that ids and paths can be copied whole.
    """
    result = run(*args, "--data", arg(THREE), env={"COLUMNS": columns})
    assert result.code == 0
    assert "…" not in result.out
    too_long = [line for line in result.out.splitlines() if len(line) > int(columns)]
    assert all(len(line.split()) == 1 for line in too_long), too_long


def test_command_list_is_not_cut_short(run: Run) -> None:
    """The --help command list shows every command's whole first sentence at 80 columns."""
    out = run("--help").out
    listed = out.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed] == _commands()
    assert not [line for line in listed if line.endswith("...")]
