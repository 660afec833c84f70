"""The relation rules: the README's table row by row, the cases that misled, and properties.

The properties must hold whatever the stances.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from positions.comparison import compare, relate
from positions.errors import UsageError
from positions.loader import load
from positions.lookup import find_parties, find_party
from positions.model import (
    Attribution,
    Compatibility,
    Dataset,
    Evidence,
    Firmness,
    Issue,
    Party,
    Stance,
)
from positions.present import ask
from positions.results import Camp, Clash, ConditionStatus, Link, Relation, Row, Tally, Verdict

from .conftest import DISPUTES, MINIMAL, README, RELATIONS, THREE

EVIDENCE = (Evidence("s", "q", Attribution.REPORTED),)


def stance(
    issue: str,
    accepts: Sequence[str] = (),
    rejects: Sequence[str] = (),
    conditions: Mapping[str, tuple[str, ...]] | None = None,
    evidence: tuple[Evidence, ...] = EVIDENCE,
) -> Stance:
    """A stance on ``issue``."""
    when = dict(conditions or {})
    return Stance(issue, "summary", tuple(accepts), tuple(rejects), Firmness.FIRM, evidence, when)


# -- the README's table ---------------------------------------------------------------------


def rules() -> list[tuple[str, str, str]]:
    """The rows of the README's table of relations: (relation, example, reason shown)."""
    section = README.split("## How relations are computed", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [
        (cells[0].strip(" `"), cells[2].strip(), cells[3].strip())
        for cells in (row.strip("|").split(" | ") for row in rows)
    ]


def from_example(example: str) -> tuple[Issue, list[Party], dict[str, Issue]]:
    """The issue, parties and issues an example of the README's table describes.

    Clauses, separated by '; ': ``A accepts x, y``, ``A rejects x``, ``A accepts x and rejects
    y``, ``A accepts x if land: y`` (a condition on the issue "land"), ``B rejects y on land``,
    ``x excludes y``, ``x excludes y on land``, ``x requires land/y`` and ``x excludes land/y``
    (links from the issue to "land"), ``x and y checked compatible: REASON``, ``C is silent``.
    """
    stances: dict[str, dict[str, Stance]] = {}
    silent: list[str] = []
    excludes: dict[str, list[tuple[str, str]]] = {"i": [], "land": []}
    links: dict[str, list[tuple[str, str, str]]] = {"requires": [], "excludes": []}
    compatible: list[Compatibility] = []
    outcomes: dict[str, list[str]] = {"i": [], "land": []}
    for clause in example.split("; "):
        if m := re.fullmatch(r"(\w+) (requires|excludes) (\w+)/(\w+)", clause):
            links[m[2]].append((m[1], m[3], m[4]))
            outcomes["i"].append(m[1])
            outcomes[m[3]].append(m[4])
        elif m := re.fullmatch(r"(\w+) excludes (\w+)(?: on (\w+))?", clause):
            excludes[m[3] or "i"].append((m[1], m[2]))
            outcomes[m[3] or "i"] += [m[1], m[2]]
        elif m := re.fullmatch(r"(\w+) and (\w+) checked compatible: (.+)", clause):
            compatible.append(Compatibility(frozenset({m[1], m[2]}), m[3]))
            outcomes["i"] += [m[1], m[2]]
        elif m := re.fullmatch(r"(\w+) is silent", clause):
            silent.append(m[1])
        elif m := re.fullmatch(
            r"(\w+) (accepts|rejects) ([\w, ]+?)(?: and rejects ([\w, ]+?))?"
            r"(?: if (\w+): (\w+))?(?: on (\w+))?",
            clause,
        ):
            party, verb, first, also, cond_issue, cond_outcome, on = m.groups()
            issue = on or "i"
            listed = first.split(", ")
            accepts = listed if verb == "accepts" else []
            rejects = listed if verb == "rejects" else (also.split(", ") if also else [])
            conditions = {cond_issue: (cond_outcome,)} if cond_issue else {}
            outcomes[issue] += accepts + rejects
            if cond_issue:
                outcomes[cond_issue].append(cond_outcome)
            stances.setdefault(party, {})[issue] = stance(issue, accepts, rejects, conditions)
        else:
            raise AssertionError(f"cannot read the clause {clause!r}")
    # As the loader does: exclusions both ways, an exclusion across issues on both issues.
    elsewhere: dict[str, dict[str, set[tuple[str, str]]]] = {"i": {}, "land": {}}
    for x, iid, y in links["excludes"]:
        elsewhere["i"].setdefault(x, set()).add((iid, y))
        elsewhere[iid].setdefault(y, set()).add(("i", x))
    requires: dict[str, set[tuple[str, str]]] = {}
    for x, iid, y in links["requires"]:
        requires.setdefault(x, set()).add((iid, y))
    issues = {
        iid: Issue(
            iid,
            iid,
            "?",
            dict.fromkeys(names, "an outcome"),
            {a: frozenset({b}) for a, b in excludes[iid]}
            | {b: frozenset({a}) for a, b in excludes[iid]},
            excludes_elsewhere={o: frozenset(t) for o, t in elsewhere[iid].items()},
            requires={o: frozenset(t) for o, t in requires.items()} if iid == "i" else {},
            compatible=tuple(compatible) if iid == "i" else (),
        )
        for iid, names in outcomes.items()
    }
    order = [*stances, *silent]
    parties = [Party(p, p, (), stances.get(p, {})) for p in dict.fromkeys(order)]
    return issues["i"], parties, issues


def test_the_readme_has_a_rule_for_every_relation() -> None:
    """Every relation has at least one example in the README's table."""
    assert {relation for relation, _, _ in rules()} == {r.value for r in Relation}


@pytest.mark.parametrize(("relation", "example", "reason"), rules(), ids=[r[1] for r in rules()])
def test_readme_rule(relation: str, example: str, reason: str) -> None:
    """Each example of the README's table gives the relation and the reason it shows."""
    issue, parties, issues = from_example(example)
    verdict = relate(issue, parties, issues)
    assert (verdict.relation.value, verdict.reason) == (relation, reason)


# -- what misled before ----------------------------------------------------------------------


def test_the_verdict_names_the_clashes_its_reason_says() -> None:
    """A conflict's reason names its clashes, and an ask leaves out the rejection it names.

    An overlap's reason names none: the ask still says what the party rejects.
    """
    issue, parties, issues = from_example("A accepts keep and rejects split; B rejects keep, split")
    issue = issue._replace(outcomes={o: o for o in issue.outcomes})  # asks in outcome ids
    verdict = relate(issue, parties, issues)
    assert verdict.named == verdict.clashes
    row = Row(issue, tuple(p.stances.get(issue.id) for p in parties), verdict)
    assert ask(parties[1].stances[issue.id], issue, row, "B").rejects == "split"
    issue, parties, issues = from_example("A accepts keep, share; B accepts keep and rejects share")
    issue = issue._replace(outcomes={o: o for o in issue.outcomes})
    verdict = relate(issue, parties, issues)
    assert (verdict.relation, len(verdict.clashes), verdict.named) == (Relation.OVERLAP, 1, ())
    row = Row(issue, tuple(p.stances.get(issue.id) for p in parties), verdict)
    assert ask(parties[1].stances[issue.id], issue, row, "B").rejects == "share"


def test_different_asks_that_do_not_clash_are_untested_until_checked() -> None:
    """Guarantees for one side and for the other, neither rejected nor excluded: no conflict.

    Nor are they taken to be compatible: untested, until a coder records that both can hold.
    """
    issue, parties, issues = from_example("A accepts for_a; B accepts for_b")
    verdict = relate(issue, parties, issues)
    assert (verdict.relation, verdict.untested) == (Relation.UNTESTED, (("for_a", "for_b"),))
    checked = "for_a and for_b checked compatible: 003: both in one draft"
    issue, parties, issues = from_example(f"A accepts for_a; B accepts for_b; {checked}")
    verdict = relate(issue, parties, issues)
    assert (verdict.relation, verdict.untested) == (Relation.COMPLEMENTARY, ())
    assert verdict.reason == "different asks, checked compatible: 003: both in one draft"


def test_agreement_on_conditions_in_conflict_is_not_common_ground() -> None:
    """Both ready for a settlement, each only on terms the other rejects: conditional.

    It is not counted as common ground: not by the counts, not by the pairwise summary.
    """
    example = (
        "A accepts talks if land: keep; B accepts talks if land: back; "
        "A rejects back on land; B rejects keep on land"
    )
    issue, parties, issues = from_example(example)
    verdict = relate(issue, parties, issues)
    assert verdict.relation is Relation.CONDITIONAL
    assert verdict.reason == (
        "both accept talks, but on conditions in conflict: A's on land: keep; B's on land: back"
    )
    assert [(c.party, c.status, c.against) for c in verdict.conditions] == [
        ("A", ConditionStatus.IN_CONFLICT, ("B",)),
        ("B", ConditionStatus.IN_CONFLICT, ("A",)),
    ]


def test_a_condition_that_is_met_or_open_keeps_the_agreement() -> None:
    """A condition others accept (met) or say nothing about (open) leaves the agreement."""
    met = relate(
        *from_example("A accepts talks if land: keep; B accepts talks; B accepts keep on land")
    )
    assert (met.relation, met.conditions[0].status) == (Relation.AGREE, ConditionStatus.MET)
    unsaid = relate(*from_example("A accepts talks if land: keep; B accepts talks"))
    assert (unsaid.relation, unsaid.conditions[0].status) == (Relation.AGREE, ConditionStatus.OPEN)


def test_shared_refusal_is_agreement() -> None:
    """Two parties that only reject the same outcome agree on what both refuse."""
    verdict = relate(*from_example("A rejects split; B rejects split"))
    assert (verdict.relation, verdict.refused) == (Relation.AGREE, ("split",))


def test_a_silent_party_does_not_make_everything_unknown() -> None:
    """Three parties, one silent: the relation is that of the two with a stance."""
    verdict = relate(*from_example("A accepts keep; B rejects keep; C is silent"))
    assert (verdict.relation, verdict.silent, verdict.among) == (Relation.CONFLICT, ("C",), 2)


def test_compare_counts_disputes_as_well_as_issues() -> None:
    """Issues of one dispute count once as a dispute: 2 conflicts over 1 dispute."""
    cmp = compare(load(DISPUTES))
    assert cmp.counts[Relation.CONFLICT] == Tally(issues=2, disputes=1)
    assert cmp.counts[Relation.CONDITIONAL] == Tally(issues=1, disputes=1)


def test_a_party_that_would_take_either_of_two_exclusive_outcomes_does_not_clash() -> None:
    """Asking for both of two exclusive outcomes (either will do) clashes with neither."""
    verdict = relate(
        *from_example("keep excludes return; A accepts keep, return; B accepts return")
    )
    assert verdict.relation is Relation.OVERLAP


def test_confidence_is_the_weakest_evidence_or_the_best_clash() -> None:
    """Agreement rests on every stance; a conflict on its best-evidenced clash."""
    inferred = (Evidence("s", "q", Attribution.INFERRED),)
    stated = (Evidence("s", "q", Attribution.STATED), Evidence("s", "r", Attribution.INFERRED))
    issue = Issue("i", "i", "?", {"a": "", "b": ""})
    a = Party("a", "A", (), {"i": stance("i", ["a"], evidence=stated)})
    b = Party("b", "B", (), {"i": stance("i", ["a"], evidence=inferred)})
    c = Party("c", "C", (), {"i": stance("i", [], ["a"], evidence=stated)})
    assert relate(issue, [a, b]).confidence is Attribution.INFERRED
    assert relate(issue, [a, b, c]).relation is Relation.CONFLICT
    assert relate(issue, [a, b, c]).confidence is Attribution.STATED
    assert relate(issue, [b, c]).confidence is Attribution.INFERRED


# -- properties ------------------------------------------------------------------------------

OUTCOMES = ["a", "b", "c"]
_outcome_sets = st.lists(st.sampled_from(OUTCOMES), unique=True, max_size=3)


@st.composite
def stances(draw: st.DrawFn) -> Stance | None:
    """A stance on issue "i" (or no stated position), with any outcomes and a condition."""
    if draw(st.booleans()) and draw(st.booleans()):
        return None
    accepts = draw(_outcome_sets)
    rejects = [o for o in draw(_outcome_sets) if o not in accepts]
    if not accepts and not rejects:
        rejects = ["c"]
    condition = draw(st.sampled_from([{}, {"land": ("keep",)}, {"land": ("back",)}]))
    return stance("i", accepts, rejects, condition)


@st.composite
def situations(draw: st.DrawFn) -> tuple[Issue, list[Party], dict[str, Issue]]:
    """An issue with exclusions, links to another, checked pairs; parties with stances on both.

    The other issue, "land", is the one conditions name and links lead to.
    """
    excludes = draw(st.sampled_from([{}, {"a": frozenset("b"), "b": frozenset("a")}]))
    requires = draw(st.sampled_from([{}, {"a": frozenset({("land", "keep")})}]))
    linked = draw(st.booleans())  # c excludes land/back, both ways
    checked = draw(st.sampled_from([(), (Compatibility(frozenset("bc"), "checked"),)]))
    issue = Issue(
        "i",
        "i",
        "?",
        dict.fromkeys(OUTCOMES, ""),
        excludes,
        excludes_elsewhere={"c": frozenset({("land", "back")})} if linked else {},
        requires=requires,
        compatible=checked,
    )
    either = {"keep": frozenset({"back"}), "back": frozenset({"keep"})}
    back = {"back": frozenset({("i", "c")})} if linked else {}
    land = Issue("land", "land", "?", {"keep": "", "back": ""}, either, excludes_elsewhere=back)
    parties = []
    for n in range(draw(st.integers(2, 4))):
        held = {}
        if (s := draw(stances())) is not None:
            held["i"] = s
        land_stance = draw(st.sampled_from([None, ["keep"], ["back"]]))
        if land_stance is not None:
            held["land"] = stance("land", land_stance)
        parties.append(Party(f"p{n}", f"P{n}", (), held))
    return issue, parties, {"i": issue, "land": land}


@given(situations())
def test_the_relation_does_not_depend_on_the_order_of_parties(
    situation: tuple[Issue, list[Party], dict[str, Issue]],
) -> None:
    """Naming the parties in another order gives the same relation."""
    issue, parties, issues = situation
    assert relate(issue, parties, issues).relation is relate(issue, parties[::-1], issues).relation


@given(situations())
def test_a_silent_party_never_changes_the_relation_among_the_others(
    situation: tuple[Issue, list[Party], dict[str, Issue]],
) -> None:
    """Adding a party with no stance on the issue leaves the relation of the others as it was."""
    issue, parties, issues = situation
    silent = Party("quiet", "Quiet", (), {})
    before, after = relate(issue, parties, issues), relate(issue, [*parties, silent], issues)
    assert after.relation is before.relation
    assert after.silent == (*before.silent, "quiet")


@given(situations())
def test_a_conflict_always_has_a_reason(
    situation: tuple[Issue, list[Party], dict[str, Issue]],
) -> None:
    """A conflict names at least one clash, and every relation but unknown has a confidence."""
    verdict = relate(*situation)
    if verdict.relation is Relation.CONFLICT:
        assert verdict.clashes
        assert verdict.reason
    assert (verdict.confidence is None) == (verdict.relation is Relation.UNKNOWN)


@given(situations(), st.integers(0, 10))
def test_removing_a_rejection_never_makes_a_conflict(
    situation: tuple[Issue, list[Party], dict[str, Issue]], pick: int
) -> None:
    """Taking one rejected outcome out of a stance never turns a relation into conflict."""
    issue, parties, issues = situation
    held = [p for p in parties if issue.id in p.stances and p.stances["i"].rejects]
    if not held:
        return
    party = held[pick % len(held)]
    old = party.stances["i"]
    if not old.accepts and len(old.rejects) == 1:
        return  # a stance must name an outcome
    new = stance("i", old.accepts, old.rejects[1:], old.conditions)
    changed = [
        Party(p.id, p.name, (), {**p.stances, "i": new}) if p is party else p for p in parties
    ]
    before, after = relate(issue, parties, issues), relate(issue, changed, issues)
    if before.relation is not Relation.CONFLICT:
        assert after.relation is not Relation.CONFLICT


@given(situations())
def test_checking_every_untested_pair_makes_it_complementary_and_nothing_else(
    situation: tuple[Issue, list[Party], dict[str, Issue]],
) -> None:
    """Recording each pair an untested relation names as compatible gives complementary.

    Untested only where nothing is in common and nothing clashes; a check changes no other
    relation.
    """
    issue, parties, issues = situation
    before = relate(issue, parties, issues)
    checks = tuple(Compatibility(frozenset(p), "checked") for p in before.untested)
    checked = issue._replace(compatible=issue.compatible + checks)
    after = relate(checked, parties, {**issues, "i": checked})
    if before.relation is Relation.UNTESTED and not before.untested_left_out:
        assert after.relation is Relation.COMPLEMENTARY
        assert (before.common, before.clashes) == ((), ())
    else:
        assert after.relation is before.relation


# -- the comparison and the names ------------------------------------------------------------


def test_compare_three_parties() -> None:
    """Three parties: a row per issue in file order, counts, and a pairwise summary."""
    ds = load(THREE)
    cmp = compare(ds, find_parties(ds, ["north", "south", "east"]))
    assert [(r.issue.id, r.relation) for r in cmp.rows] == [
        ("trade", Relation.OVERLAP),
        ("water", Relation.AGREE),
        ("border", Relation.CONFLICT),
        ("aid", Relation.UNKNOWN),
    ]
    border = cmp.rows[2].verdict
    assert border is not None
    assert border.reason == (
        "old: accepted by South, rejected by North; new: accepted by North, rejected by South "
        "and East"
    )
    pairs = {(p.a, p.b): [p.counts[r] for r in Relation] for p in cmp.pairs}
    # conflict, conditional, untested, complementary, overlap, agree, unknown
    assert pairs == {
        ("north", "south"): [1, 0, 0, 0, 1, 1, 1],
        ("north", "east"): [1, 0, 0, 0, 0, 2, 1],
        ("south", "east"): [0, 0, 0, 0, 2, 1, 1],  # both refuse "new" on the border
    }


def test_compare_one_party_has_no_relation() -> None:
    """With one party there is nothing to relate: no relation, nothing counted, no pairs."""
    ds = load(THREE)
    cmp = compare(ds, [ds.parties["east"]])
    assert {r.relation for r in cmp.rows} == {None}
    assert sum(t.issues for t in cmp.counts.values()) == 0
    assert cmp.pairs == ()


@pytest.mark.parametrize("name", ["north", "North", "NORTH", "n", "northland", "NorthLand"])
def test_find_party_by_id_name_or_alias(name: str) -> None:
    """A party is found by id, name or alias in any case."""
    assert find_party(load(MINIMAL), name).id == "north"


def test_unknown_party_suggests_the_closest() -> None:
    """An unknown name lists the known parties and suggests the closest."""
    with pytest.raises(UsageError) as info:
        find_party(load(THREE), "nort")
    assert (
        str(info.value)
        == "no party 'nort'; did you mean 'north'? known parties: north, south, east"
    )
    assert info.value.exit_code == 2


def test_party_named_twice_is_refused() -> None:
    """Naming the same party twice, even by another name, is an error."""
    with pytest.raises(UsageError) as info:
        find_parties(load(MINIMAL), ["north", "N"])
    assert str(info.value) == "party 'north' is named twice ('N'); name each party once"


# -- what positions/3 records: links, checks, sources, camps -----------------------------------


def _row(ds: Dataset, parties: Sequence[str], issue: str) -> Verdict:
    """The verdict on ``issue`` among ``parties`` of ``ds``."""
    cmp = compare(ds, find_parties(ds, list(parties)))
    verdict = next(r.verdict for r in cmp.rows if r.issue.id == issue)
    assert verdict is not None
    return verdict


def test_a_linked_clash_is_a_clash_of_the_issue() -> None:
    """Russia's guarantees require Ukraine's neutrality, which Ukraine's right to join excludes.

    A conflict on the guarantees, though the two ask for different guarantees: its reason names
    the link; its confidence is the weaker side, Ukraine's NATO stance (inferred), not Ukraine's
    stated guarantees; it rests on three sources, Ukraine's NATO stance's among them.
    """
    verdict = _row(load(RELATIONS), ["russia", "ukraine"], "security-guarantees")
    assert verdict.relation is Relation.CONFLICT
    assert verdict.reason == (
        "guarantees-for-russia (Russia) requires nato/neutrality, "
        "which nato/right-to-join (Ukraine) excludes"
    )
    assert verdict.clashes == (
        Clash(
            "guarantees-for-russia",
            ("russia",),
            ("ukraine",),
            link=Link("requires", "nato", "neutrality", "right-to-join"),
        ),
    )
    assert (verdict.confidence, verdict.sources) == (Attribution.INFERRED, 3)


def test_a_linked_clash_through_a_rejection_and_an_exclusion_across_issues() -> None:
    """A requirement the other side rejects; an exclusion across issues, a clash on both issues.

    A requirement stopped by an outcome the ask also excludes is said once, as the exclusion;
    where the issue itself has a clash, the reason names that one, not the link.
    """
    ds = load(RELATIONS)
    nato = ds.issues["nato"]
    held = ds.parties["ukraine"].stances
    rejecting = held["nato"]._replace(rejects=("neutrality",))
    ukraine = ds.parties["ukraine"]._replace(stances={**held, "nato": rejecting})
    changed = ds._replace(parties={**ds.parties, "ukraine": ukraine})
    verdict = _row(changed, ["russia", "ukraine"], "security-guarantees")
    assert verdict.reason == (
        "guarantees-for-russia (Russia) requires nato/neutrality, rejected by Ukraine"
    )
    link = {"guarantees-for-russia": frozenset({("nato", "right-to-join")})}
    back = {"right-to-join": frozenset({("security-guarantees", "guarantees-for-russia")})}
    issues = {
        **ds.issues,
        "security-guarantees": ds.issues["security-guarantees"]._replace(excludes_elsewhere=link),
        "nato": nato._replace(excludes_elsewhere=back),
    }
    excluded = ds._replace(issues=issues)
    guarantees = _row(excluded, ["russia", "ukraine"], "security-guarantees")
    assert (
        guarantees.reason == "guarantees-for-russia (Russia) excludes nato/right-to-join (Ukraine)"
    )
    nato_verdict = _row(excluded, ["russia", "ukraine"], "nato")
    assert [c.link for c in nato_verdict.clashes] == [
        None,
        Link("excludes", "security-guarantees", "guarantees-for-russia"),
    ]
    # The conflict on NATO itself says it all: the link is not named again.
    assert nato_verdict.reason == "neutrality (Russia) excludes right-to-join (Ukraine)"
    assert [c.link for c in nato_verdict.named] == [None]


def test_a_party_silent_on_the_issue_is_not_counted_by_a_link() -> None:
    """Partners say nothing on NATO: their copy of Ukraine's guarantees clashes with nothing."""
    verdict = _row(load(RELATIONS), ["russia", "partners"], "security-guarantees")
    assert (verdict.relation, verdict.clashes) == (Relation.UNTESTED, ())


def test_different_asks_checked_compatible_are_complementary() -> None:
    """Prisoner exchanges and grain exports, recorded compatible: the reason names the check."""
    verdict = _row(load(RELATIONS), ["russia", "ukraine"], "humanitarian")
    assert (verdict.relation, verdict.untested) == (Relation.COMPLEMENTARY, ())
    assert (
        verdict.reason
        == "different asks, checked compatible: s3: both were agreed in one round of talks"
    )


def test_untested_names_only_the_pairs_nobody_checked() -> None:
    """Three different asks, one pair checked: the two other pairs are untested, and named."""
    issue, parties, issues = from_example(
        "A accepts keep; B accepts share; C accepts split; "
        "keep and share checked compatible: both fit"
    )
    verdict = relate(issue, parties, issues)
    assert verdict.relation is Relation.UNTESTED
    assert verdict.untested == (("keep", "split"), ("share", "split"))
    assert verdict.reason == (
        "different asks; nobody recorded whether both can hold: 'keep' and 'split'; "
        "'share' and 'split'"
    )


def test_many_untested_pairs_are_named_in_part_and_counted() -> None:
    """Two parties asking for ten outcomes each: 100 pairs, twelve listed, four in the reason."""
    first = [f"a{n}" for n in range(10)]
    second = [f"b{n}" for n in range(10)]
    issue, parties, issues = from_example(
        f"A accepts {', '.join(first)}; B accepts {', '.join(second)}"
    )
    verdict = relate(issue, parties, issues)
    assert verdict.untested == (*tuple(("a0", b) for b in second), ("a1", "b0"), ("a1", "b1"))
    assert verdict.untested_left_out == 100 - 12
    assert verdict.reason == (
        "different asks; nobody recorded whether both can hold: 'a0' and 'b0'; 'a0' and 'b1'; "
        "'a0' and 'b2'; 'a0' and 'b3'; 96 more pairs"
    )


def test_a_party_s_own_alternatives_are_not_a_pair() -> None:
    """One party that would take either of two outcomes, the other silent on them: no pair."""
    verdict = relate(*from_example("A accepts keep, share; B rejects split"))
    assert (verdict.relation, verdict.reason) == (
        Relation.COMPLEMENTARY,
        "different asks; none rejected, no exclusion coded",
    )


def test_each_relation_counts_its_sources() -> None:
    """Distinct sources over the stances a relation rests on; a stance counts its own."""
    ds = load(RELATIONS)
    assert _row(ds, ["russia", "ukraine"], "reconstruction").sources == 1  # both quote s2
    assert _row(ds, ["russia", "ukraine"], "humanitarian").sources == 2
    assert _row(ds, ["russia", "ukraine", "partners"], "reconstruction").sources == 2
    assert ds.parties["russia"].stances["reconstruction"].source_count() == 1


def test_a_comparison_says_when_its_parties_share_one_camp() -> None:
    """Ukraine and its partners: within one camp. With Russia, or alone: not."""
    ds = load(RELATIONS)
    assert compare(ds, find_parties(ds, ["ukraine", "partners"])).within_camp == Camp(
        "kyiv", "Ukraine and its backers"
    )
    assert compare(ds, find_parties(ds, ["russia", "ukraine"])).within_camp is None
    assert compare(ds, [ds.parties["ukraine"]]).within_camp is None
    assert compare(load(THREE)).within_camp is None  # no camps at all


def test_a_joint_statement_is_each_party_s_stance() -> None:
    """Ukraine's guarantees, a joint statement with its partners, are the partners' too."""
    ds = load(RELATIONS)
    cmp = compare(ds, find_parties(ds, ["ukraine", "partners"]))
    row = next(r for r in cmp.rows if r.issue.id == "security-guarantees")
    ukraine, partners = row.stances
    assert ukraine is not None
    assert partners is not None
    assert (ukraine.joint, ukraine.coded_under) == (("partners",), None)
    assert (partners.joint, partners.coded_under) == ((), "ukraine")
    assert row.relation is Relation.AGREE
