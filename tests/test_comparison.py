"""The relation rules, case by case, for two parties and for three or more."""

from __future__ import annotations

import pytest

from positions.comparison import compare, rejections, relate
from positions.errors import UsageError
from positions.loader import load
from positions.lookup import find_parties, find_party
from positions.model import Attribution, Evidence, Firmness, Issue, Party, Stance
from positions.results import Rejection, Relation

from .conftest import THREE

ISSUE = Issue("i", "Issue", "Which?", {"a": "A", "b": "B", "c": "C"})
EVIDENCE = (Evidence("s", "q", Attribution.STATED),)


def stance(accepts: str = "", rejects: str = "") -> Stance:
    """A stance on ISSUE accepting and rejecting the outcomes named by letter."""
    return Stance("i", "summary", tuple(accepts), tuple(rejects), Firmness.FIRM, EVIDENCE)


def party(pid: str, s: Stance | None) -> Party:
    """A party with at most one stance, on ISSUE."""
    return Party(pid, pid.title(), (), {"i": s} if s else {})


@pytest.mark.parametrize(
    ("stances", "relation", "common"),
    [
        # agree: exactly the same accepted outcomes
        (["a", "a"], Relation.AGREE, ("a",)),
        (["ab", "ba"], Relation.AGREE, ("a", "b")),
        # overlap: at least one in common, named in the issue's order
        (["ab", "b"], Relation.OVERLAP, ("b",)),
        (["cba", "bc"], Relation.OVERLAP, ("b", "c")),
        # conflict: nothing in common
        (["a", "b"], Relation.CONFLICT, ()),
        # a stance that only rejects shares nothing, even with another like it
        (["", "a"], Relation.CONFLICT, ()),
        (["", ""], Relation.CONFLICT, ()),
        # unknown: a party without a stance, never agreement or conflict
        ([None, "a"], Relation.UNKNOWN, ()),
        ([None, None], Relation.UNKNOWN, ()),
        # three or more: the common ground of all of them
        (["abc", "ab", "b"], Relation.OVERLAP, ("b",)),
        (["ab", "ab", "ab"], Relation.AGREE, ("a", "b")),
        (["ab", "bc", "ca"], Relation.CONFLICT, ()),
        (["a", "a", None], Relation.UNKNOWN, ()),
        (["ab", "ab", "a", "ab"], Relation.OVERLAP, ("a",)),
    ],
)
def test_relate(stances: list[str | None], relation: Relation, common: tuple[str, ...]) -> None:
    """relate() applies the documented rule to the accepted outcomes."""
    given = [None if s is None else stance(s) for s in stances]
    assert relate(ISSUE, given) == (relation, common)


def test_rejections_name_what_each_rejects_of_the_other() -> None:
    """In a conflict, each party's rejection of the other's accepted outcomes is named."""
    north, south = party("north", stance("a", "bc")), party("south", stance("bc", "a"))
    assert rejections([north, south], [north.stances["i"], south.stances["i"]]) == [
        Rejection("north", "south", ("b", "c")),
        Rejection("south", "north", ("a",)),
    ]


def test_rejections_skip_parties_without_a_stance() -> None:
    """A party with no stance neither rejects nor is rejected."""
    north, south = party("north", stance("a", "b")), party("south", None)
    assert rejections([north, south], [north.stances["i"], None]) == []


def test_compare_three_parties() -> None:
    """Three parties: a row per issue in file order, counts, and a pairwise summary."""
    ds = load(THREE)
    cmp = compare(ds, find_parties(ds, ["north", "south", "east"]))
    assert [(r.issue.id, r.relation, r.common) for r in cmp.rows] == [
        ("trade", Relation.OVERLAP, ("phase",)),
        ("water", Relation.AGREE, ("share",)),
        ("border", Relation.CONFLICT, ()),
        ("aid", Relation.UNKNOWN, ()),
    ]
    assert cmp.counts == {
        Relation.CONFLICT: 1,
        Relation.OVERLAP: 1,
        Relation.AGREE: 1,
        Relation.UNKNOWN: 1,
    }
    pairs = {(p.a, p.b): [p.counts[r] for r in Relation] for p in cmp.pairs}
    # conflict, overlap, agree, unknown
    assert pairs == {
        ("north", "south"): [1, 1, 1, 1],
        ("north", "east"): [1, 0, 2, 1],
        ("south", "east"): [1, 1, 1, 1],
    }
    border = cmp.rows[2]
    assert border.rejections == (
        Rejection("north", "south", ("old",)),
        Rejection("south", "north", ("new",)),
        Rejection("east", "north", ("new",)),
    )


def test_compare_one_party_has_no_relation() -> None:
    """With one party there is nothing to relate: relation is None and nothing is counted."""
    ds = load(THREE)
    cmp = compare(ds, [ds.parties["east"]])
    assert {r.relation for r in cmp.rows} == {None}
    assert sum(cmp.counts.values()) == 0
    assert cmp.pairs == ()


@pytest.mark.parametrize("name", ["north", "North", "NORTH", "n", "northland", "NorthLand"])
def test_find_party_by_id_name_or_alias(name: str) -> None:
    """A party is found by id, name or alias in any case."""
    assert find_party(load(THREE.parent / "minimal.yaml"), name).id == "north"


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
        find_parties(load(THREE.parent / "minimal.yaml"), ["north", "N"])
    assert str(info.value) == "party 'north' is named twice ('N'); name each party once"
