"""obstacles, trades and the agenda by stage, on a small positions/3 file the tests hold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from positions.analysis import agenda
from positions.comparison import compare
from positions.loader import load
from positions.model import Attribution, Firmness, Stage
from positions.negotiation import demands, obstacles, trades
from positions.results import BlockKind

from .conftest import DATA, MINIMAL, Run, arg

STAGED = DATA / "valid" / "negotiation.yaml"


def test_obstacles_before_talks_and_who_stops_them() -> None:
    """Each stage's demands; before talks, each with the way the other party stops it."""
    ds = load(STAGED)
    result = obstacles(ds, [ds.parties["north"], ds.parties["south"]])
    talks = next(s for s in result.stages if s.stage is Stage.TALKS)
    assert [(d.party, d.issue, d.accepts, d.condition_of) for d in talks.demands] == [
        ("north", "talks", ("talks-during-fighting",), ()),
        ("south", "talks", ("ceasefire-first",), ()),
        ("south", "withdrawal", ("full-withdrawal",), ("talks",)),
    ]
    # A condition with no stance of South's own on withdrawal has no firmness of its own.
    assert [d.firmness for d in talks.demands][2] is None
    assert [[(b.party, b.kind, b.outcome) for b in d.stopped_by] for d in talks.demands] == [
        [("south", BlockKind.EXCLUDES, "ceasefire-first")],
        [("north", BlockKind.EXCLUDES, "talks-during-fighting")],
        [("north", BlockKind.REJECTS, "full-withdrawal")],
    ]
    assert result.first == talks.demands


def test_obstacles_follow_a_link_to_another_issue() -> None:
    """North's guarantees require South's neutrality, which South's alliance excludes."""
    ds = load(STAGED)
    result = obstacles(ds, [ds.parties["north"], ds.parties["south"]])
    unstaged = next(s for s in result.stages if s.stage is None)
    guarantees = next(d for d in unstaged.demands if (d.party, d.issue) == ("north", "guarantees"))
    assert [tuple(b) for b in guarantees.stopped_by] == [
        ("south", BlockKind.EXCLUDES_REQUIRED, "alignment", "join", "for-north")
    ]


def test_obstacles_terminal(run: Run) -> None:
    """The terminal view: the stages, the blocks worded, then what to resolve before talks."""
    out = run("obstacles", "north", "south", "--data", arg(STAGED)).out
    assert out.splitlines() == [
        "Obstacles to talks: North and South",
        "",
        "Before talks start",
        "  North  ◆ Talks and fighting: Talks while the fighting goes on  (firm; stated;",
        "         1 source)",
        "         blocked: South asks for “A ceasefire before talks”, which excludes it",
        "  South  ■ Talks and fighting: A ceasefire before talks  (red line; stated; 1",
        "         source)",
        "         blocked: North asks for “Talks while the fighting goes on”, which",
        "         excludes it",
        "  South  - Withdrawal: All troops leave  (stated; 1 source; a condition for",
        "         Talks and fighting)",
        "         blocked: North rejects it",
        "",
        "Before a ceasefire",
        "  none recorded",
        "",
        "In the settlement",
        "  none recorded",
        "",
        "Stage not coded: 7 demands (5 stopped by another party); `positions compare`",
        "shows them issue by issue.",
        "",
        "To resolve before talks can begin (3)",
        "1. Talks and fighting (North): South asks for “A ceasefire before talks”, which",
        "   excludes it",
        "2. Talks and fighting (South): North asks for “Talks while the fighting goes",
        "   on”, which excludes it",
        "3. Withdrawal (South): North rejects it",
        "",
        "firmness: ■ red line  ◆ firm  ○ open",
        f"data: {arg(STAGED)}",
    ]


def test_obstacles_without_stages_say_so(run: Run) -> None:
    """A file with no stage coded: the view says what to code, and guesses nothing."""
    out = run("obstacles", "north", "south", "--data", arg(MINIMAL)).out
    assert "No stage is coded for any of their demands" in out
    assert "To resolve before talks" not in out


def test_obstacles_json(run: Run) -> None:
    """The JSON carries each demand's ids, stage, strength, sources and blocks, worded too."""
    data = json.loads(
        run("obstacles", "north", "south", "--data", arg(STAGED), "--format", "json").out
    )
    assert data["schema"] == "positions-obstacles/1"
    assert [s["stage"] for s in data["stages"]] == ["talks", "ceasefire", "settlement", None]
    first = data["before_talks"][2]
    assert first == {
        "party": "south",
        "issue": "withdrawal",
        "accepts": ["full-withdrawal"],
        "rejects": [],
        "condition_of": ["talks"],
        "stage": "talks",
        "firmness": None,
        "attribution": "stated",
        "sources": 1,
        "says": "Withdrawal: All troops leave",
        "stopped_by": [
            {
                "party": "north",
                "how": "rejects",
                "issue": "withdrawal",
                "outcome": "full-withdrawal",
                "wanted": "full-withdrawal",
                "says": "North rejects it",
            }
        ],
        "accepted_by": [],
        "no_position": [],
        "asks_otherwise": [],
    }


def test_trades_pair_issues_ranked_opposite_ways_and_spare_red_lines() -> None:
    """North ranks alignment higher, South the land: a candidate.

    Guarantees for the land would cost South a red line: left out, with the reason.
    """
    ds = load(STAGED)
    result = trades(ds, ds.parties["north"], ds.parties["south"])
    assert [(t.a, t.a_gets, t.b, t.b_gets) for t in result.trades] == [
        ("north", "alignment", "south", "land")
    ]
    assert [(t.a_gets, t.b_gets, why) for t, why in result.left_out] == [
        ("guarantees", "land", "a red line: South on Guarantees")
    ]
    assert len(result.ranked) == 6


def test_trades_terminal_quotes_each_ranking(run: Run) -> None:
    """Each candidate is a hypothesis and quotes the four rankings it rests on."""
    out = run("trades", "north", "south", "--data", arg(STAGED), env={"COLUMNS": "200"}).out
    assert "1. North gets Alignment, South gets Land (hypothesis)" in out
    assert (
        "   Alignment: North ranked first (\u201cForemost for North is neutrality.\u201d), "
        "South ranked low (\u201cAlliances matter less to South.\u201d)"
    ) in out
    assert "Guarantees: ranked first \u2014 \u201cAbove all North wants guarantees.\u201d" in out
    assert "(An article); South holds it: red line" in out
    assert (
        "Not a candidate: North gets Guarantees, South gets Land \u2014 a red line: South on "
        "Guarantees"
    ) in out


def test_trades_without_salience_say_so_and_propose_nothing(run: Run) -> None:
    """No ranked salience: no candidate, and the view says why instead of guessing."""
    out = " ".join(run("trades", "north", "south", "--data", arg(MINIMAL)).out.split())
    assert "No article ranks how much an issue matters to either of them" in out
    assert "North: no issue ranked by any article South: no issue ranked by any article" in out
    assert "No candidate trade" in out
    assert "Salience is unranked for most of their stances, so none is guessed." in out


def test_trades_json(run: Run) -> None:
    """The JSON: every ranking with its quote, each trade marked a hypothesis."""
    data = json.loads(
        run("trades", "north", "south", "--data", arg(STAGED), "--format", "json").out
    )
    assert data["schema"] == "positions-trades/1"
    assert data["trades"][0]["hypothesis"] is True
    assert data["trades"][0]["north"] == {"gets": "alignment", "gives": "land"}
    assert data["trades"][0]["salience"]["land"]["south"] == {
        "level": "top",
        "source": "s1",
        "quote": "Above all South wants the land back.",
        "attribution": "stated",
    }
    assert data["left_out"][0]["why"] == "a red line: South on Guarantees"


def test_agenda_goes_stage_by_stage() -> None:
    """Issues asked for before talks come first, then those with no stage coded."""
    ds = load(STAGED)
    items = agenda(compare(ds, [ds.parties["north"], ds.parties["south"]]), ds.issues).items
    assert [(i.row.issue.id, i.stage) for i in items][:2] == [
        ("talks", Stage.TALKS),
        ("withdrawal", Stage.TALKS),
    ]
    assert items[0].reason.startswith("before talks start (North's stance); ")
    assert items[1].reason.startswith(
        "before talks start (South's condition on Talks and fighting); "
    )


def test_agenda_order_does_not_move_when_a_silent_party_joins() -> None:
    """East holds no stance: adding it changes no place in the agenda."""
    ds = load(STAGED)
    two = [ds.parties["north"], ds.parties["south"]]
    three = [*two, ds.parties["east"]]
    before = [i.row.issue.id for i in agenda(compare(ds, two), ds.issues).items]
    after = [i.row.issue.id for i in agenda(compare(ds, three), ds.issues).items]
    assert before == after


def test_a_condition_on_the_partys_own_ask_is_one_demand(tmp_path: Path) -> None:
    """South asks for withdrawal, and makes it a condition of talks: one demand, not two.

    It keeps the stance's firmness and takes the condition's earlier stage.
    """
    data = tmp_path / "one.yaml"
    data.write_text(
        "schema: positions/3\ntitle: t\nsources:\n  s: {title: S}\nissues:\n"
        "  talks: {name: Talks, question: q, outcomes: {talk: Talk}}\n"
        "  withdrawal: {name: Withdrawal, question: q, outcomes: {leave: Leave}}\n"
        "parties:\n  south:\n    name: South\n    stances:\n"
        "      talks: {summary: s, accepts: [talk], firmness: open,"
        " conditions: {withdrawal: {outcomes: [leave], stage: talks}},"
        " evidence: [{source: s, quote: q, attribution: stated}]}\n"
        "      withdrawal: {summary: s, accepts: [leave], firmness: red-line, stage: settlement,"
        " evidence: [{source: s, quote: q, attribution: reported}]}\n"
    )
    ds = load(data)
    found = [d for d in demands(ds.parties["south"]) if d.issue == "withdrawal"]
    assert [(d.firmness, d.stage, d.condition_of, d.strength) for d in found] == [
        (Firmness.RED_LINE, Stage.TALKS, ("talks",), Attribution.REPORTED)
    ]


@pytest.mark.parametrize("width", ["40", "60", "80", "120"])
@pytest.mark.parametrize("view", ["obstacles", "trades", "agenda"])
def test_the_views_fit_every_width(run: Run, view: str, width: str) -> None:
    """At 40 to 120 columns no line overruns the width but a lone long word, and no text is lost."""
    args = (view, "north", "south", "--data", arg(STAGED))
    result = run(*args, env={"COLUMNS": width})
    assert (result.code, result.err) == (0, "")
    too_long = [line for line in result.out.splitlines() if len(line) > int(width)]
    assert all(len(line.split()) == 1 for line in too_long), too_long
    wide = run(*args, env={"COLUMNS": "1000"}).out
    assert result.out.split() == wide.split()


def test_a_demand_before_talks_no_one_answers_is_listed_apart(tmp_path: Path, run: Run) -> None:
    """North wants decrees lifted before talks; South says nothing of them: an open question."""
    data = tmp_path / "decrees.yaml"
    data.write_text(
        "schema: positions/3\ntitle: t\nsources:\n  s: {title: S}\nissues:\n"
        "  decrees: {name: Decrees, question: q, outcomes: {lift: Decrees lifted}}\n"
        "  land: {name: Land, question: q, outcomes: {keep: Keep}}\n"
        "parties:\n  north:\n    name: North\n    stances:\n"
        "      decrees: {summary: s, accepts: [lift], firmness: firm, stage: talks,"
        " evidence: [{source: s, quote: q, attribution: stated}]}\n"
        "  south:\n    name: South\n    stances:\n"
        "      land: {summary: s, accepts: [keep], firmness: firm,"
        " evidence: [{source: s, quote: q, attribution: stated}]}\n"
    )
    result = obstacles(load(data), list(load(data).parties.values()))
    assert [(d.party, d.issue) for d in result.unanswered] == [("north", "decrees")]
    assert result.first == ()
    out = " ".join(run("obstacles", "north", "south", "--data", str(data)).out.split())
    assert "Also asked before talks, with no answer recorded from South: Decrees (North)." in out
    assert "Nothing before talks is stopped by another party." in out


def test_the_short_list_goes_dispute_by_dispute(tmp_path: Path, run: Run) -> None:
    """What to resolve before talks is listed by dispute, in the file's order, each named once."""
    data = tmp_path / "disputes.yaml"
    stance = (
        "{summary: s, accepts: [%s], firmness: firm, stage: talks,"
        " evidence: [{source: s, quote: q, attribution: stated}]}"
    )
    data.write_text(
        "schema: positions/3\ntitle: t\nsources:\n  s: {title: S}\n"
        "disputes:\n  land: The land\n  talks: The talks\n"
        "issues:\n"
        "  pause: {name: Pause, question: q, dispute: talks,"
        " outcomes: {pause-first: Pause first, fight-on: {description: No pause,"
        " excludes: [pause-first]}}}\n"
        "  border: {name: Border, question: q, dispute: land,"
        " outcomes: {old: Old line, new: {description: New line, excludes: [old]}}}\n"
        "parties:\n"
        f"  north:\n    name: North\n    stances:\n      pause: {stance % 'fight-on'}\n"
        f"      border: {stance % 'new'}\n"
        f"  south:\n    name: South\n    stances:\n      pause: {stance % 'pause-first'}\n"
        f"      border: {stance % 'old'}\n"
    )
    out = run("obstacles", "north", "south", "--data", str(data)).out.splitlines()
    start = out.index("To resolve before talks can begin (4)")
    assert [line.split(":")[0] for line in out[start + 1 : start + 7]] == [
        "The land", "1. Border (North)", "2. Border (South)",
        "The talks", "3. Pause (North)", "4. Pause (South)",
    ]  # fmt: skip


def test_an_issue_no_one_raised_is_not_on_the_agenda(tmp_path: Path, run: Run) -> None:
    """An issue none of the parties compared has a position on is listed apart, not numbered."""
    data = tmp_path / "unraised.yaml"
    stance = (
        "{summary: s, accepts: [x], firmness: firm,"
        " evidence: [{source: s, quote: q, attribution: stated}]}"
    )
    data.write_text(
        "schema: positions/3\ntitle: t\nsources:\n  s: {title: S}\nissues:\n"
        "  held: {name: Held, question: q, outcomes: {x: X}}\n"
        "  silent: {name: Silent, question: q, outcomes: {x: X}}\n"
        f"parties:\n  north:\n    name: North\n    stances:\n      held: {stance}\n"
        f"  south:\n    name: South\n    stances:\n      held: {stance}\n"
    )
    plan = json.loads(run("agenda", "north", "south", "--data", str(data), "--format", "json").out)
    assert ([i["issue"] for i in plan["agenda"]], plan["not_on_agenda"]) == (["held"], ["silent"])
    out = " ".join(run("agenda", "north", "south", "--data", str(data)).out.split())
    assert "Not on the agenda, no position recorded by any of them: Silent." in out


def test_many_candidate_trades_are_counted_not_formed(tmp_path: Path) -> None:
    """100 issues each way: 10,000 candidates; the first twelve listed, the rest counted."""
    issues: list[str] = []
    north: list[str] = []
    south: list[str] = []
    for n in range(200):
        issues.append(f"  i{n}: {{name: I{n}, question: q, outcomes: {{a: A, b: B}}}}")
        high, low = ("top", "low") if n < 100 else ("low", "top")
        for stances, level, outcome in ((north, high, "a"), (south, low, "b")):
            stances.append(
                f"      i{n}: {{summary: s, accepts: [{outcome}], firmness: firm,"
                f" salience: {{level: {level}, source: s, quote: q, attribution: stated}},"
                " evidence: [{source: s, quote: q, attribution: stated}]}"
            )
    data = tmp_path / "many.yaml"
    data.write_text(
        "schema: positions/3\ntitle: t\nsources:\n  s: {title: S}\nissues:\n"
        + "\n".join(issues)
        + "\nparties:\n  north:\n    name: North\n    stances:\n"
        + "\n".join(north)
        + "\n  south:\n    name: South\n    stances:\n"
        + "\n".join(south)
        + "\n"
    )
    ds = load(data)
    result = trades(ds, ds.parties["north"], ds.parties["south"])
    assert (len(result.trades), result.trades_not_listed) == (12, 10_000 - 12)
    assert (result.left_out, result.left_out_not_listed) == ((), 0)
    assert (result.trades[0].a_gets, result.trades[0].b_gets) == ("i0", "i100")


@pytest.mark.parametrize("view", ["obstacles", "trades", "agenda"])
def test_hostile_names_reach_the_terminal_as_text(tmp_path: Path, run: Run, view: str) -> None:
    """A party, an issue, an outcome and a salience quote holding control characters: shown."""
    text = STAGED.read_text()
    for plain, hostile in (
        ("name: North", 'name: "North\\u202e\\e[2J"'),
        ("name: Talks and fighting", 'name: "Talks \\e]52;c;aGk=\\a"'),
        ("A ceasefire before talks", '"Ceasefire \\x9b31m first"'),
        ("quote: Above all North wants guarantees.", 'quote: "Above all \\u202e North"'),
    ):
        assert plain in text
        text = text.replace(plain, hostile)
    data = tmp_path / "hostile.yaml"
    data.write_text(text)
    out = run(view, "north", "south", "--data", str(data)).out
    assert "North\\u202e\\u001b[2J" in out
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", out)


def test_obstacles_takes_at_most_twelve_parties(tmp_path: Path, run: Run) -> None:
    """Each demand is held against every other party named: thirteen is refused, as a usage."""
    parties = "".join(f"  p{n}:\n    name: P{n}\n    stances: {{}}\n" for n in range(13))
    data = tmp_path / "many.yaml"
    data.write_text(
        "schema: positions/3\ntitle: t\nsources:\n  s: {title: S}\n"
        "issues:\n  i: {name: I, question: q, outcomes: {x: X}}\nparties:\n" + parties
    )
    result = run("obstacles", *(f"p{n}" for n in range(13)), "--data", str(data))
    assert result.code == 2
    assert "takes at most 12 parties, got 13" in result.err
