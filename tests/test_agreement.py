"""positions agreement: two coders' encodings scored as percent agreement and Cohen's kappa."""

from __future__ import annotations

import json
from pathlib import Path

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


# Two codings of three parties that differ on an exclusion and a condition: the relations they
# give, worked out by hand. Issue i: r accepts a, u accepts b; the first coder codes a and b as
# excluding each other (conflict), the second does not (untested). Issue j: r and u accept
# c, w accepts d; the first coder gives r the condition i: a, which u stops by accepting b, so r
# and u are conditional there, and agree in the second coding; r-w and u-w are untested in
# both. Pairs with a relation in either coding: r-u on i, and three on j: 4, 2 the same.
RELATED = """\
schema: positions/2
title: Coder {coder}
sources:
  s: {{title: The article}}
issues:
  i:
    name: I
    question: Which?
    outcomes:
      a: {{description: A{excludes}}}
      b: B
  j: {{name: J, question: Whether?, outcomes: {{c: C, d: D}}}}
parties:
  r:
    name: R
    stances:
      i: {{summary: s, accepts: [a], firmness: firm,
          evidence: [{{source: s, quote: We want A., attribution: reported}}]}}
      j: {{summary: s, accepts: [c], firmness: firm,{condition}
          evidence: [{{source: s, quote: "{quote}", attribution: reported}}]}}
  u:
    name: U
    stances:
      i: {{summary: s, accepts: [b], firmness: firm,
          evidence: [{{source: s, quote: We want B., attribution: reported}}]}}
      j: {{summary: s, accepts: [c], firmness: firm,
          evidence: [{{source: s, quote: We want C too., attribution: reported}}]}}
  w:
    name: W
    stances:
      j: {{summary: s, accepts: [d], firmness: open,
          evidence: [{{source: s, quote: We want D., attribution: reported}}]}}
"""


@pytest.fixture
def related(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The two codings of RELATED, as a.yaml and b.yaml in the working folder."""
    (tmp_path / "a.yaml").write_text(
        RELATED.format(
            coder="A",
            excludes=", excludes: [b]",
            condition=" conditions: {i: [a]},",
            quote="We want C, if A is granted, and only then, as the minister said at length.",
        ),
        encoding="utf-8",
    )
    (tmp_path / "b.yaml").write_text(
        RELATED.format(coder="B", excludes="", condition="", quote="We want C."),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return "a.yaml", "b.yaml"


def test_conditions_exclusions_and_relations_are_compared(related: tuple[str, str]) -> None:
    """Conditions, exclusions and every pair's relations score as RELATED works them out.

    Each differing relation is traced to the units that differ under it.
    """
    result = agreement(load(related[0]), load(related[1]))
    assert (result.conditions.units, result.conditions.agreed) == (5, 4)
    assert (result.exclusions.units, result.exclusions.agreed) == (2, 1)
    assert result.parties == ("r", "u", "w")
    assert (result.relations.units, result.relations.agreed, result.relations.kappa) == (4, 2, None)
    exclusion = ("exclusions", None, "i", None, "a~b", "none")
    condition = ("conditions", "r", "j", None, "i: a", "none")
    assert [tuple(d) for d in result.disagreements] == [exclusion, condition]
    assert [
        (r.a, r.b, r.issue, r.first.value, r.second.value, [tuple(c) for c in r.causes])
        for r in result.relation_differences
    ] == [
        ("r", "u", "i", "conflict", "untested", [exclusion]),
        ("r", "u", "j", "conditional", "agree", [condition, exclusion]),
    ]


def test_relations_of_a_chosen_pair(run: Run, related: tuple[str, str]) -> None:
    """--parties takes ids, names or aliases, by commas or repeated: only their pairs count."""
    for args in (["--parties", "r,W"], ["--parties", "R", "--parties", "w"]):
        data = json.loads(run("agreement", *related, *args, "--format", "json").out)
        assert data["parties"] == ["r", "w"]
        assert data["relations"] == {"units": 1, "agreed": 1, "percent": 100.0, "kappa": None}
        assert data["relation_differences"] == []


def test_a_party_the_second_file_lacks_is_refused(
    run: Run, related: tuple[str, str], tmp_path: Path
) -> None:
    """A party named with --parties that only the first file holds: exit 2, one line."""
    text = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        text.replace("  w:\n    name: W\n", "  x:\n    name: X\n"), encoding="utf-8"
    )
    result = run("agreement", "c.yaml", "b.yaml", "--parties", "r,x")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "positions: party 'x' is not in b.yaml, so its relations cannot be compared; "
        "expected a party both files hold\n"
    )


def test_the_json_carries_everything(run: Run, related: tuple[str, str]) -> None:
    """The JSON holds every score, the relations, each difference with its causes, the quotes."""
    data = json.loads(run("agreement", *related, "--format", "json").out)
    assert data["schema"] == "positions-agreement/3"
    assert list(data) == [
        "schema", "first", "second", "sources", "outcomes", "firmness", "attribution",
        "conditions", "stage", "salience", "exclusions", "disagreements", "parties", "relations",
        "relation_differences", "quotes",
    ]  # fmt: skip
    # positions/2 files cannot code stage or salience: no unit of either.
    assert data["stage"] == data["salience"] == {
        "units": 0, "agreed": 0, "percent": None, "kappa": None
    }  # fmt: skip
    assert data["conditions"] == {"units": 5, "agreed": 4, "percent": 80.0, "kappa": 0.0}
    assert data["relation_differences"][1] == {
        "a": "r",
        "b": "u",
        "issue": "j",
        "first": "conditional",
        "second": "agree",
        "causes": [
            {"kind": "conditions", "party": "r", "issue": "j", "outcome": None,
             "first": "i: a", "second": "none"},
            {"kind": "exclusions", "party": None, "issue": "i", "outcome": None,
             "first": "a~b", "second": "none"},
        ],
    }  # fmt: skip
    assert data["quotes"] == [
        {
            "party": "r",
            "issue": "j",
            "first": [{"source": "s", "speaker": None, "attribution": "reported",
                       "quote": "We want C, if A is granted, and only then, as the minister "
                                "said at length."}],
            "second": [{"source": "s", "speaker": None, "attribution": "reported",
                        "quote": "We want C."}],
        }
    ]  # fmt: skip


def test_the_terminal_at_80_columns(run: Run, related: tuple[str, str]) -> None:
    """The relations' line, each differing relation with its causes, the quotes side by side."""
    result = run("agreement", *related, "--evidence")
    assert result.code == 0
    lines = result.out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    tail = lines[lines.index("  relations of 3 parties, pair by pair: 2 of 4 the same, 50.0%") :]
    assert tail == [
        "  relations of 3 parties, pair by pair: 2 of 4 the same, 50.0%",
        "",
        "Disagreements: 2",
        "  i exclusions: first a~b, second none",
        "  r/j conditions: first i: a, second none",
        "",
        "Relations that differ: 2",
        "  r \u2013 u, i: first conflict, second untested",
        "    \u2190 i exclusions: first a~b, second none",
        "  r \u2013 u, j: first conditional, second agree",
        "    \u2190 r/j conditions: first i: a, second none",
        "    \u2190 i exclusions: first a~b, second none",
        "",
        "Quotes of each stance coded differently",
        "  r/j",
        "    first                                  second",
        "    \u201cWe want C, if A is granted, and       \u201cWe want C.\u201d (s; reported)",
        "      only then, as the minister said at",
        "      length.\u201d (s; reported)",
    ]


def test_the_terminal_at_40_columns(run: Run, related: tuple[str, str]) -> None:
    """At 40 columns every line fits, and the quotes stand one coder after the other."""
    result = run("agreement", *related, "--evidence", env={"COLUMNS": "40"})
    lines = result.out.splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert lines[lines.index("  relations of 3 parties, pair by") :] == [
        "  relations of 3 parties, pair by",
        "    pair: 2 of 4 the same, 50.0%",
        "",
        "Disagreements: 2",
        "  i exclusions: first a~b, second none",
        "  r/j conditions: first i: a, second",
        "    none",
        "",
        "Relations that differ: 2",
        "  r \u2013 u, i: first conflict, second",
        "    untested",
        "    \u2190 i exclusions: first a~b, second",
        "      none",
        "  r \u2013 u, j: first conditional, second",
        "    agree",
        "    \u2190 r/j conditions: first i: a, second",
        "      none",
        "    \u2190 i exclusions: first a~b, second",
        "      none",
        "",
        "Quotes of each stance coded differently",
        "  r/j",
        "    first",
        "    \u201cWe want C, if A is granted, and",
        "      only then, as the minister said at",
        "      length.\u201d (s; reported)",
        "    second",
        "    \u201cWe want C.\u201d (s; reported)",
    ]


def test_source_restricts_both_codings_to_what_they_quote_from_it(tmp_path: Path, run: Run) -> None:
    """--source: a coder who read one article is compared with what the other coded from it.

    The first file also quotes a second article on another issue; restricted to the first
    article, that stance is left out and the two agree throughout.
    """
    head = (
        "schema: positions/2\ntitle: t\nsources:\n  first: {title: F}\n  second: {title: S}\n"
        "issues:\n  i: {name: I, question: q, outcomes: {x: X, y: Y}}\n"
        "  j: {name: J, question: q, outcomes: {z: Z}}\nparties:\n  p:\n    name: P\n"
        "    stances:\n"
        "      i: {summary: s, accepts: [x], firmness: firm,"
        " evidence: [{source: first, quote: q, attribution: stated}]}\n"
    )
    both = tmp_path / "both.yaml"
    both.write_text(
        head + "      j: {summary: s, accepts: [z], firmness: open,"
        " evidence: [{source: second, quote: q, attribution: stated}]}\n"
    )
    one = tmp_path / "one.yaml"
    one.write_text(head)
    apart = json.loads(run("agreement", str(both), str(one), "--format", "json").out)
    assert apart["outcomes"]["agreed"] < apart["outcomes"]["units"]
    together = json.loads(
        run("agreement", str(both), str(one), "--source", "fir", "--format", "json").out
    )
    assert together["outcomes"] | {"kappa": None} == {
        "units": 2, "agreed": 2, "percent": 100.0, "kappa": None
    }  # fmt: skip
    assert together["disagreements"] == []
    refused = run("agreement", str(both), str(one), "--source", "third")
    assert refused.code == 2
    assert "no source 'third'" in refused.err


# Two positions/3 codings of two parties, worked out by hand. The first codes p's stance on i as
# a joint statement of p and q, so q's copy of it is q's stance on i; the second codes q's stance
# on its own, the same. Stage units (stances, and each condition both name): p/i talks-settlement,
# p/i's condition on j talks-talks, p/j talks-none, q/i talks-talks, q/i's condition on j
# talks-talks: 3 of 5 agreed (60%); the first coder used talks only, the second talks three times
# of five: p_e = 0.6, kappa 0. Salience units: p/i top-unranked, p/j unranked-unranked, q/i
# top-top: 2 of 3 (66.7%); p_e = (2*1 + 1*2)/9 = 4/9, kappa = (2/3 - 4/9)/(5/9) = 0.4.
STAGED = """\
schema: positions/3
title: Coder {coder}
sources:
  s: {{title: The article}}
issues:
  i: {{name: I, question: Which?, outcomes: {{x: X}}}}
  j: {{name: J, question: Whether?, outcomes: {{z: Z}}}}
parties:
  p:
    name: P
    stances:
      i:
        summary: s
        accepts: [x]
        firmness: open
        stage: {stage}
        conditions: {{j: {{outcomes: [z], stage: talks}}}}{salience}{joint}
        evidence: [{{source: s, quote: P and Q want X., attribution: reported}}]
      j:
        summary: s
        accepts: [z]
        firmness: open{j_stage}
        evidence: [{{source: s, quote: P wants Z., attribution: reported}}]
  q:
    name: Q
    stances:{q}
"""
TOP = "\n        salience: {level: top, source: s, quote: Foremost is X., attribution: reported}"
OWN_Q = (
    """
      i:
        summary: s
        accepts: [x]
        firmness: open
        stage: talks
        conditions: {j: {outcomes: [z], stage: talks}}"""
    + TOP
    + """
        evidence: [{source: s, quote: P and Q want X., attribution: reported}]"""
)


@pytest.fixture
def staged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The two positions/3 codings of STAGED: first.yaml and second.yaml, in the working folder."""
    monkeypatch.chdir(tmp_path)
    first, second = Path("first.yaml"), Path("second.yaml")
    first.write_text(STAGED.format(coder="A", stage="talks", salience=TOP,
                                   joint="\n        joint: [q]", j_stage="\n        stage: talks",
                                   q=" {}"))  # fmt: skip
    second.write_text(STAGED.format(coder="B", stage="settlement", salience="", joint="",
                                    j_stage="", q=OWN_Q))  # fmt: skip
    return str(first), str(second)


def test_stage_and_salience_are_units_of_positions_3(staged: tuple[str, str]) -> None:
    """Stances' and conditions' stages, and salience with unranked a level, scored by hand.

    A joint statement's copy is the stance of the party it is copied to, as its own is.
    """
    result = agreement(load(staged[0]), load(staged[1]))
    assert (result.stage.units, result.stage.agreed) == (5, 3)
    assert result.stage.kappa == pytest.approx(0.0)
    assert (result.salience.units, result.salience.agreed) == (3, 2)
    assert result.salience.kappa == pytest.approx(0.4)
    assert [tuple(d) for d in result.disagreements] == [
        ("stage", "p", "i", None, "talks", "settlement"),
        ("salience", "p", "i", None, "top", "unranked"),
        ("stage", "p", "j", None, "talks", "none"),
    ]
    assert (result.firmness.units, result.conditions.units) == (3, 3)


def test_stage_and_salience_in_the_terminal_and_json(run: Run, staged: tuple[str, str]) -> None:
    """Their lines beside the other kinds, and their scores in JSON.

    A condition's stage coded differently names the condition's issue.
    """
    out = run("agreement", *staged).out.splitlines()
    assert out[2:11] == [
        "  outcomes accepted or rejected: 3 of 3 units, 100.0%, Cohen's kappa 1.000",
        "  firmness: 3 of 3 units, 100.0%, Cohen's kappa 1.000",
        "  attribution (strongest quote): 3 of 3 units, 100.0%, Cohen's kappa 1.000",
        "  conditions: 3 of 3 units, 100.0%, Cohen's kappa 1.000",
        "  stage (stances and conditions): 3 of 5 units, 60.0%, Cohen's kappa 0.000",
        "  salience: 2 of 3 units, 66.7%, Cohen's kappa 0.400",
        "  exclusions (per issue): 2 of 2 units, 100.0%, Cohen's kappa 1.000",
        "  relations of 2 parties, pair by pair: 1 of 1 the same, 100.0%",
        "",
    ]
    assert out[11:] == [
        "Disagreements: 3",
        "  p/i stage: first talks, second settlement",
        "  p/i salience: first top, second unranked",
        "  p/j stage: first talks, second none",
    ]
    data = json.loads(run("agreement", *staged, "--format", "json").out)
    assert data["stage"] == {"units": 5, "agreed": 3, "percent": 60.0, "kappa": 0.0}
    assert data["salience"] == {"units": 3, "agreed": 2, "percent": 66.7, "kappa": 0.4}
    other = Path("other.yaml")
    other.write_text(Path(staged[0]).read_text().replace("j: {outcomes: [z], stage: talks}",
                                                          "j: [z]"))  # fmt: skip
    data = json.loads(run("agreement", staged[0], str(other), "--format", "json").out)
    assert [d for d in data["disagreements"] if d["kind"] == "condition stage"] == [
        {"kind": "condition stage", "party": "p", "issue": "i", "outcome": None,
         "first": "j: talks", "second": "j: none"},
        {"kind": "condition stage", "party": "q", "issue": "i", "outcome": None,
         "first": "j: talks", "second": "j: none"},
    ]  # fmt: skip


def test_source_is_said_in_the_report(tmp_path: Path, run: Run) -> None:
    """The terminal and the JSON say which sources the two codings were compared on."""
    out = run("agreement", arg(A), arg(B), "--source", "s").out
    assert "only on what each quotes from s" in out.splitlines()
    data = json.loads(run("agreement", arg(A), arg(B), "--source", "s", "--format", "json").out)
    assert data["sources"] == ["s"]
    assert json.loads(run("agreement", arg(A), arg(B), "--format", "json").out)["sources"] is None


LINKED = """\
schema: positions/3
title: Coder
sources:
  s: {{title: The article}}
issues:
  guarantees:
    name: Guarantees
    question: Whose?
    outcomes:
      for-north: {{description: For North{requires}}}
      for-south: For South{compatible}
  alignment:
    name: Alignment
    question: Which?
    outcomes:
      neutral: Neutral
      join: {{description: Join, excludes: [neutral]}}
parties:
  north:
    name: North
    stances:
      guarantees: {{summary: s, accepts: [for-north], firmness: firm,
                   evidence: [{{source: s, quote: q, attribution: stated}}]}}
  south:
    name: South
    stances:
      guarantees: {{summary: s, accepts: [for-south], firmness: firm,
                   evidence: [{{source: s, quote: q, attribution: stated}}]}}
      alignment: {{summary: s, accepts: [join], firmness: firm,
                  evidence: [{{source: s, quote: q, attribution: stated}}]}}
"""


@pytest.mark.parametrize(
    ("first", "second", "before", "after"),
    [
        # Only the link differs: North's guarantees require neutrality, which South's joining
        # excludes, in the first coding alone.
        ({"requires": ", requires: [alignment/neutral]"}, {}, "conflict", "untested"),
        # Only the recorded check differs: checked compatible in the first coding alone.
        (
            {"compatible": "\n    compatible: [{outcomes: [for-north, for-south], reason: r}]"},
            {},
            "complementary",
            "untested",
        ),
    ],
)
def test_relations_differ_by_a_link_or_a_check_alone(
    tmp_path: Path, first: dict[str, str], second: dict[str, str], before: str, after: str
) -> None:
    """The same stances, but a link or a recorded check in one coding only: the relation differs.

    Before, such pairs were taken to read the same and were never related again.
    """
    files = []
    for name, extra in (("a.yaml", first), ("b.yaml", second)):
        path = tmp_path / name
        path.write_text(LINKED.format(**{"requires": "", "compatible": "", **extra}))
        files.append(load(path))
    result = agreement(files[0], files[1])
    assert [(d.issue, d.first.value, d.second.value) for d in result.relation_differences] == [
        ("guarantees", before, after)
    ]
