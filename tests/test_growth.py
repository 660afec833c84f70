"""Work that grows no faster than the input: each test counts the work a command does.

On a worst-case shape (benchmarks/shapes.py) a test counts look-ups or calls, which the
quadratic code made a million of; where work cannot be counted from outside, it runs a size
the quadratic code took minutes on (CI only). Timings are measured in benchmarks/run.py, never
judged here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import (
    Run,
    shapes,
)

# -- work that grows no faster than the input ---------------------------------------------------
# Each test counts the work a command does on a worst-case shape (benchmarks/shapes.py), or, where
# work cannot be counted from outside, runs a size the quadratic code took minutes on (CI only).


def test_many_outcomes_cost_their_exclusions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two parties accepting disjoint halves of 2,000 outcomes: only declared exclusions are read.

    Not every pair of accepted outcomes, as the code before (2,000,000 look-ups).
    """
    from positions import comparison
    from positions.loader import parse
    from positions.model import Issue

    ds = parse(shapes.outcomes(2000 * 80), "outcomes.yaml")
    big = ds.issues["big"]
    assert len(big.outcomes) == 2000
    looked: list[str] = []

    class Counted(dict[str, frozenset[str]]):
        def get(self, key: str, default: Any = None) -> Any:
            looked.append(key)
            return super().get(key, default)

    exclusive = Issue.exclusive

    def counted_exclusive(issue: Issue, a: str, b: str) -> bool:
        looked.append(a)
        return exclusive(issue, a, b)

    monkeypatch.setattr(Issue, "exclusive", counted_exclusive)
    counted = Issue(big.id, big.name, big.question, big.outcomes, Counted(big.excludes))
    verdict = comparison.relate(counted, list(ds.parties.values()), {**ds.issues, "big": counted})
    assert [(c.outcome, c.excluded) for c in verdict.clashes] == [
        ("o000000", "o001999"),
        ("o000999", "o001000"),
    ]
    assert len(looked) <= 3 * 2000


def test_many_different_asks_cost_their_outcomes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two parties asking for disjoint halves of 2,000 outcomes, none excluded: untested.

    A million pairs nobody checked: twelve are listed and the rest counted, found by looking at
    a few thousand pairs, not every one of them.
    """
    from positions import comparison
    from positions.model import Attribution, Evidence, Firmness, Issue, Party, Stance
    from positions.results import Relation

    outcomes = {f"o{n:04}": "an outcome" for n in range(2000)}
    looked = 0
    checked = Issue.checked

    def counted_checked(issue: Issue, a: str, b: str) -> Any:
        nonlocal looked
        looked += 1
        return checked(issue, a, b)

    monkeypatch.setattr(Issue, "checked", counted_checked)
    issue = Issue("big", "Big", "?", outcomes)
    quote = (Evidence("s", "q", Attribution.REPORTED),)
    halves = (list(outcomes)[:1000], list(outcomes)[1000:])
    parties = [
        Party(pid, pid, (), {"big": Stance("big", "", tuple(half), (), Firmness.OPEN, quote)})
        for pid, half in zip(("a", "b"), halves, strict=True)
    ]
    verdict = comparison.relate(issue, parties, {"big": issue})
    assert verdict.relation is Relation.UNTESTED
    assert (len(verdict.untested), verdict.untested_left_out) == (12, 1000 * 1000 - 12)
    assert looked <= 2 * 2000


def test_many_conditions_cost_what_they_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    """300 parties, each accepting on a condition: judging them does not read all the others.

    The code before built the set of all other parties for every condition: 90,000 reads.
    """
    from positions import comparison
    from positions.loader import parse

    ds = parse(shapes.parties(300 * 1200), "parties.yaml")
    assert len(ds.parties) == 300
    reads = 0
    real = comparison.condition_status

    class Place(dict[str, int]):
        def __iter__(self) -> Any:
            nonlocal reads
            reads += len(self)
            return super().__iter__()

        def keys(self) -> Any:
            nonlocal reads
            reads += len(self)
            return super().keys()

    def counted(issue: Any, outcomes: Any, holders: Any, pid: str) -> Any:
        return real(issue, outcomes, holders._replace(place=Place(holders.place)), pid)

    monkeypatch.setattr(comparison, "condition_status", counted)
    rows = comparison.rows(list(ds.parties.values()), list(ds.issues.values()), ds)
    assert {len(r.verdict.conditions) for r in rows if r.verdict} == {300}
    assert reads <= 4 * 300


def test_many_conditions_name_a_few_of_those_that_stop_them() -> None:
    """300 parties, each with conditions the others stop: each names 12 and counts the rest.

    Each condition named every party that stops it before: a hundred or two each, the square of
    the parties in all, in memory and in the JSON (1.8 million names for 1,000 parties). The
    names now grow with the conditions, and the counts still come to every party that stops
    each one, as found here party by party.
    """
    from positions import comparison
    from positions.loader import parse
    from positions.model import Issue, Party

    ds = parse(shapes.parties(300 * 1200), "parties.yaml")
    parties = list(ds.parties.values())

    def stops(party: Party, issue: Issue, wanted: str) -> bool:
        stance = party.stances.get(issue.id)
        if stance is None:
            return False
        excluded = any(issue.exclusive(wanted, o) for o in stance.accepts)
        return wanted in stance.rejects or (excluded and wanted not in stance.accepts)

    stoppers = {
        (issue.id, wanted): [p.id for p in parties if stops(p, issue, wanted)]
        for issue in ds.issues.values()
        for wanted in issue.outcomes
    }
    rows = comparison.rows(parties, list(ds.issues.values()), ds)
    conditions = [c for r in rows if r.verdict for c in r.verdict.conditions]
    assert len(conditions) == 4 * 300
    for c in conditions:
        (wanted,) = c.outcomes
        every = stoppers[c.issue, wanted]
        named = [p for p in every[:13] if p != c.party][:12]
        total = len(every) - (c.party in every)
        assert (c.against, c.against_left_out) == (tuple(named), total - len(named))
    assert sum(len(c.against) for c in conditions) == 12 * len(conditions)
    assert sum(len(c.against) + c.against_left_out for c in conditions) == 159_600


def test_issue_list_reads_each_stance_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing 1,000 issues of 1,000 parties with one stance each looks up about 1,000 stances.

    Not a million, as when each issue asked every party.
    """
    from positions.listing import issue_list
    from positions.loader import parse

    ds = parse(shapes.sparse(1000 * 300), "sparse.yaml")
    looked = 0

    class Stances(dict[str, Any]):
        def __contains__(self, key: object) -> bool:
            nonlocal looked
            looked += 1
            return super().__contains__(key)

        def __iter__(self) -> Any:
            nonlocal looked
            looked += len(self)
            return super().__iter__()

    counted = {pid: p._replace(stances=Stances(p.stances)) for pid, p in ds.parties.items()}
    listing = issue_list(ds._replace(parties=counted))
    assert [len(holders) for _, holders in listing.issues] == [1] * 1000
    assert looked <= 2 * 1000


@pytest.mark.ci  # a 1 MB quote
def test_lint_of_unclosed_quotation_marks_is_linear(run: Run, tmp_path: Path) -> None:
    """A 1 MB quote of opening quotation marks that never close is linted in one pass.

    The regular expression before tried again from every mark: hours for this size.
    """
    data = tmp_path / "open.yaml"
    quote = "\u201c" + "\u2018x " * 340_000
    data.write_text(
        "schema: positions/2\ntitle: T\nsources: {s: {title: S}}\n"
        "issues: {i: {name: I, question: Q?, outcomes: {a: A}}}\n"
        "parties:\n  p:\n    name: P\n    stances:\n      i:\n        summary: S.\n"
        "        accepts: [a]\n        firmness: open\n"
        f"        evidence: [{{source: s, quote: '{quote}', attribution: stated}}]\n",
        encoding="utf-8",
    )
    result = run("lint", "--data", str(data), "--format", "json")
    codes = [f["code"] for f in json.loads(result.out)["findings"]]
    assert "L104" in codes  # stated, but no words stand between quotation marks


def test_many_quotes_of_one_long_source_are_each_tried_where_they_begin() -> None:
    """Finding 2,000 quotes in a source of few distinct words tries each at a few places.

    ``quote in text`` tried each one at every place of the text: 2,000 quotes times 300 kB.
    """
    from positions.verify import Finder, fold

    tried = 0

    class Counted(str):
        def startswith(self, *args: Any) -> bool:
            nonlocal tried
            tried += 1
            return super().startswith(*args)

    text = fold(shapes.source_text(300_000))
    quotes = [
        fold(q.split("quote: '", 1)[1].split("'", 1)[0])
        for q in shapes.quotes(300_000).splitlines()
        if "quote: '" in q
    ]
    finder = Finder(Counted(text))
    assert all(finder.find(q) >= 0 for q in quotes)
    assert len(quotes) == 2000
    assert tried <= 3 * len(quotes)


def test_untested_pairs_are_counted_not_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lint of two parties accepting disjoint halves of 2,000 outcomes: a million pairs untested.

    Twelve are listed and the rest counted, trying about as many pairs as there are outcomes;
    and where one party accepts all but one outcome, which excludes all but one of them, the one
    pair left is found without trying the others (two million tries, outcome after outcome).
    """
    from positions.lint import lint
    from positions.loader import parse
    from positions.model import Issue

    tried = 0
    exclusive = Issue.exclusive

    def counted(issue: Issue, a: str, b: str) -> bool:
        nonlocal tried
        tried += 1
        return exclusive(issue, a, b)

    monkeypatch.setattr(Issue, "exclusive", counted)
    text = shapes.outcomes(2000 * 80).replace("schema: positions/2", "schema: positions/3")
    found = [f.message for f in lint(parse(text, "outcomes.yaml")).findings if f.code == "L111"]
    assert len(found) == 13
    assert found[0].startswith("big: 'o000000' (p1) and 'o001000' (p2) untested")
    assert found[-1].startswith("big: 999986 more pairs of accepted outcomes untested")
    assert tried <= 2 * 2000, tried
    ids = [f"o{k:06d}" for k in range(2000)]
    excluded = ", ".join(ids[:-2])
    one = (
        "schema: positions/3\ntitle: T\nsources: {s: {title: S}}\n"
        "issues:\n  big:\n    name: Big\n    question: Which?\n    outcomes:\n"
        + "".join(f"      {o}: {o}\n" for o in ids[:-1])
        + f"      {ids[-1]}: {{description: Last, excludes: [{excluded}]}}\nparties:\n"
        + "".join(
            f"  {pid}:\n    name: {pid}\n    stances:\n      big:\n        summary: S.\n"
            f"        accepts: [{accepts}]\n        firmness: firm\n        evidence: [{{source: "
            "s, quote: We demand it., attribution: reported}]\n"
            for pid, accepts in (("p1", ", ".join(ids[:-1])), ("p2", ids[-1]))
        )
    )
    tried = 0
    found = [f.message for f in lint(parse(one, "one.yaml")).findings if f.code == "L111"]
    assert [m.split(" untested")[0] for m in found] == ["big: 'o001998' (p1) and 'o001999' (p2)"]
    assert tried <= 2 * 2000, tried


def test_obstacles_look_up_each_outcome_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two parties accepting disjoint halves of 2,000 outcomes: look-ups, not comparisons.

    Each demand's outcomes are looked up in the other's stance, not compared with each of its
    outcomes (1,000,000 comparisons before; 6 s at 1 MB, 93 s at 4 MB).
    """
    from positions import negotiation
    from positions.loader import parse
    from positions.model import Issue

    ds = parse(shapes.outcomes(2000 * 80), "outcomes.yaml")
    compared: list[str] = []
    exclusive = Issue.exclusive

    def counted_exclusive(issue: Issue, a: str, b: str) -> bool:
        compared.append(a)
        return exclusive(issue, a, b)

    monkeypatch.setattr(Issue, "exclusive", counted_exclusive)
    among = negotiation._Held.among
    looked: list[int] = []

    def counted_among(held: Any, outcomes: Any) -> list[str]:
        found = list(outcomes)
        looked.append(len(found))
        return among(held, found)

    monkeypatch.setattr(negotiation._Held, "among", counted_among)
    result = negotiation.obstacles(ds, [ds.parties["p1"], ds.parties["p2"]])
    blocked = [d for s in result.stages for d in s.demands if d.stopped_by]
    # The two places where the halves meet: each outcome there excludes one the other asks for.
    assert [(d.party, len(d.stopped_by)) for d in blocked] == [("p1", 2), ("p2", 2)]
    assert compared == []
    assert sum(looked) <= 2 * 2000
