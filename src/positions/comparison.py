"""Relations between parties' stances, computed issue by issue; pure functions, no I/O.

The rules, for the outcomes each party *accepts* on one issue:

- ``agree``: every party accepts exactly the same, non-empty, set of outcomes;
- ``overlap``: at least one outcome is accepted by all of them (the common ground);
- ``conflict``: no outcome is accepted by all of them (a stance that accepts nothing, only
  rejects, therefore conflicts with every other: there is no settlement both accept);
- ``unknown``: at least one party has no stated position on the issue.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum
from typing import NamedTuple

from positions.errors import UsageError
from positions.model import Attribution, Dataset, Issue, Party, Stance
from positions.text import fold_name


class Relation(Enum):
    """How the stances of two or more parties on one issue relate."""

    CONFLICT = "conflict"
    OVERLAP = "overlap"
    AGREE = "agree"
    UNKNOWN = "unknown"


class Rejection(NamedTuple):
    """Outcomes that party ``by`` rejects although party ``of`` accepts them."""

    by: str
    of: str
    outcomes: tuple[str, ...]


class Row(NamedTuple):
    """The comparison on one issue."""

    issue: Issue
    stances: tuple[Stance | None, ...]
    relation: Relation | None
    common: tuple[str, ...]
    rejections: tuple[Rejection, ...]


class PairSummary(NamedTuple):
    """For two parties, how many issues fall under each relation."""

    a: str
    b: str
    counts: dict[Relation, int]

    @property
    def common(self) -> int:
        """Issues on which the two agree or overlap."""
        return self.counts[Relation.AGREE] + self.counts[Relation.OVERLAP]

    @property
    def conflict(self) -> int:
        """Issues on which the two conflict."""
        return self.counts[Relation.CONFLICT]

    @property
    def both(self) -> int:
        """Issues on which both have a stated position."""
        return sum(self.counts.values()) - self.counts[Relation.UNKNOWN]


class Comparison(NamedTuple):
    """Parties compared issue by issue; ``relation`` is None when only one party is shown."""

    dataset: Dataset
    parties: tuple[Party, ...]
    rows: tuple[Row, ...]
    counts: dict[Relation, int]
    pairs: tuple[PairSummary, ...]
    # With an evidence filter: its strength, and issue id -> the relation without the filter
    # for each row whose relation the filter changes.
    attribution: Attribution | None = None
    changed: dict[str, Relation | None] | None = None


def relate(issue: Issue, stances: Sequence[Stance | None]) -> tuple[Relation, tuple[str, ...]]:
    """The relation of two or more stances on ``issue`` and the outcomes all of them accept."""
    present = [s for s in stances if s is not None]
    if len(present) < len(stances):
        return Relation.UNKNOWN, ()
    accepted = [frozenset(s.accepts) for s in present]
    shared = frozenset.intersection(*accepted)
    common = tuple(o for o in issue.outcomes if o in shared)
    if common and all(a == accepted[0] for a in accepted):
        return Relation.AGREE, common
    if common:
        return Relation.OVERLAP, common
    return Relation.CONFLICT, ()


def rejections(parties: Sequence[Party], stances: Sequence[Stance | None]) -> list[Rejection]:
    """For each ordered pair of parties, what one rejects of what the other accepts."""
    out = []
    for party, stance in zip(parties, stances, strict=True):
        for other, other_stance in zip(parties, stances, strict=True):
            if party is other or stance is None or other_stance is None:
                continue
            hit = tuple(o for o in other_stance.accepts if o in stance.rejects)
            if hit:
                out.append(Rejection(party.id, other.id, hit))
    return out


def _count(relations: Iterable[Relation | None]) -> dict[Relation, int]:
    counts = dict.fromkeys(Relation, 0)
    for relation in relations:
        if relation is not None:
            counts[relation] += 1
    return counts


def compare(
    dataset: Dataset, parties: Sequence[Party], issues: Sequence[Issue] | None = None
) -> Comparison:
    """Compare ``parties`` on ``issues`` (all of the dataset's, in file order, by default)."""
    chosen = list(dataset.issues.values()) if issues is None else list(issues)
    rows = []
    for issue in chosen:
        stances = tuple(p.stances.get(issue.id) for p in parties)
        if len(parties) >= 2:
            relation: Relation | None
            relation, common = relate(issue, stances)
        else:
            relation, common = None, ()
        rows.append(Row(issue, stances, relation, common, tuple(rejections(parties, stances))))
    return Comparison(
        dataset=dataset,
        parties=tuple(parties),
        rows=tuple(rows),
        counts=_count(r.relation for r in rows),
        pairs=pair_summaries(parties, rows) if len(parties) >= 3 else (),
    )


def pair_summaries(parties: Sequence[Party], rows: Sequence[Row]) -> tuple[PairSummary, ...]:
    """For every pair of ``parties``, how many of the ``rows`` fall under each relation."""
    pairs = []
    for i, a in enumerate(parties):
        for b in parties[i + 1 :]:
            relations = (
                relate(r.issue, (a.stances.get(r.issue.id), b.stances.get(r.issue.id)))[0]
                for r in rows
            )
            pairs.append(PairSummary(a.id, b.id, _count(relations)))
    return tuple(pairs)


def _labels(party: Party) -> list[str]:
    return [party.id, party.name, *party.aliases]


def find_party(dataset: Dataset, name: str) -> Party:
    """The party named by id, name or alias, case-insensitively; UsageError if none is."""
    import difflib  # only to suggest a name after a miss

    wanted = fold_name(name)
    for party in dataset.parties.values():
        if any(fold_name(label) == wanted for label in _labels(party)):
            return party
    known = {
        fold_name(label): party.id for party in dataset.parties.values() for label in _labels(party)
    }
    close = difflib.get_close_matches(wanted, list(known), n=1, cutoff=0.6)
    hint = f"did you mean '{known[close[0]]}'? " if close else ""
    listing = ", ".join(dataset.parties) or "none"
    raise UsageError(f"no party '{name}'; {hint}known parties: {listing}")


def find_parties(dataset: Dataset, names: Sequence[str]) -> list[Party]:
    """Resolve several party names, refusing a party named twice."""
    found: list[Party] = []
    for name in names:
        party = find_party(dataset, name)
        if any(p.id == party.id for p in found):
            raise UsageError(f"party '{party.id}' is named twice ('{name}'); name each party once")
        found.append(party)
    return found


def find_issue(dataset: Dataset, name: str) -> Issue:
    """The issue with id ``name`` (case-insensitive); UsageError if none is."""
    wanted = fold_name(name)
    issue = dataset.issues.get(wanted)
    if issue is not None:
        return issue
    import difflib  # only to suggest a name after a miss

    close = difflib.get_close_matches(wanted, list(dataset.issues), n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise UsageError(f"no issue '{name}'; {hint}known issues: {', '.join(dataset.issues)}")


def find_issues(dataset: Dataset, names: Sequence[str]) -> list[Issue] | None:
    """Resolve ``--issue`` names, keeping the file's order; None (all issues) when none given."""
    if not names:
        return None
    wanted = {find_issue(dataset, n).id for n in names}
    return [issue for issue in dataset.issues.values() if issue.id in wanted]
