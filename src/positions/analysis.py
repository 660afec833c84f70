"""Views over a whole dataset: the matrix, an agenda, evidence strength, sources, and a diff.

Pure functions over the model and the comparison; no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from positions.comparison import Comparison, PairSummary, Relation, Row, compare, pair_summaries
from positions.model import Attribution, Dataset, Firmness, Issue, Party, Stance

STRENGTH = {Attribution.STATED: 0, Attribution.REPORTED: 1, Attribution.INFERRED: 2}
HARDNESS = {Firmness.OPEN: 0, Firmness.FIRM: 1, Firmness.RED_LINE: 2}


# -- evidence strength -----------------------------------------------------------------------


def at_least(dataset: Dataset, minimum: Attribution) -> Dataset:
    """The dataset with only the stances backed by a quote of ``minimum`` strength or stronger.

    Each kept stance keeps only its quotes of that strength or stronger.
    """
    limit = STRENGTH[minimum]
    parties = {}
    for pid, party in dataset.parties.items():
        stances = {}
        for iid, stance in party.stances.items():
            strong = tuple(e for e in stance.evidence if STRENGTH[e.attribution] <= limit)
            if strong:
                stances[iid] = replace(stance, evidence=strong)
        parties[pid] = replace(party, stances=stances)
    return replace(dataset, parties=parties)


def changed_relations(filtered: Comparison, full: Comparison) -> dict[str, Relation | None]:
    """Issue id -> the relation without the filter, for the rows whose relation it changes."""
    before = {row.issue.id: row.relation for row in full.rows}
    return {
        row.issue.id: before[row.issue.id]
        for row in filtered.rows
        if row.relation != before[row.issue.id]
    }


# -- matrix ----------------------------------------------------------------------------------


class Matrix(NamedTuple):
    """Every party's stance on every issue, and each pair's common ground against conflict."""

    dataset: Dataset
    parties: tuple[Party, ...]
    issues: tuple[Issue, ...]
    pairs: tuple[PairSummary, ...]


def matrix(dataset: Dataset, parties: Sequence[Party]) -> Matrix:
    """The matrix of ``parties`` on every issue of the dataset."""
    issues = tuple(dataset.issues.values())
    rows = compare(dataset, parties).rows
    return Matrix(dataset, tuple(parties), issues, pair_summaries(parties, rows))


# -- agenda ----------------------------------------------------------------------------------


class AgendaItem(NamedTuple):
    """One issue in the agenda: its place, its group and why it sits there."""

    place: int
    row: Row
    group: str  # "common ground", "conflict" or "no stated position"
    reason: str


def _hardness(row: Row) -> tuple[int, int]:
    ranks = [HARDNESS[s.firmness] for s in row.stances if s is not None]
    return max(ranks), sum(ranks)


def _firmness_reason(row: Row, parties: Sequence[Party]) -> str:
    hard, _ = _hardness(row)
    by_level = {
        level: [p.name for p, s in zip(parties, row.stances, strict=True)
                if s is not None and s.firmness is level]
        for level in Firmness
    }  # fmt: skip
    if hard == 0:
        return "every side is open"
    if hard == 1:
        return f"no red line; firm: {', '.join(by_level[Firmness.FIRM])}"
    return f"red line: {', '.join(by_level[Firmness.RED_LINE])}"


def agenda(cmp: Comparison) -> list[AgendaItem]:
    """An order in which to take the issues, each with the reason for its place.

    1. Common ground first: issues where all agree, then those where they overlap, each in the
       file's order, naming the outcomes all of them accept.
    2. Then the conflicts, from the most open to the hardest: by the firmest side (every side
       open, then at most firm, then any red line), then by the sum of all sides' firmness
       (open 0, firm 1, red line 2), then in the file's order.
    3. Last, the issues on which some party has no stated position, in the file's order.
    """
    parties = cmp.parties
    common = [r for r in cmp.rows if r.relation is Relation.AGREE]
    common += [r for r in cmp.rows if r.relation is Relation.OVERLAP]
    conflicts = sorted(
        (r for r in cmp.rows if r.relation is Relation.CONFLICT), key=_hardness
    )  # sorted() is stable: ties keep the file's order
    unknown = [r for r in cmp.rows if r.relation is Relation.UNKNOWN]
    items = []
    for row in common:
        items.append((row, "common ground", f"all accept {', '.join(row.common)}"))
    items += [(row, "conflict", _firmness_reason(row, parties)) for row in conflicts]
    for row in unknown:
        silent = [p.name for p, s in zip(parties, row.stances, strict=True) if s is None]
        items.append((row, "no stated position", f"no stated position: {', '.join(silent)}"))
    return [AgendaItem(n, row, group, reason) for n, (row, group, reason) in enumerate(items, 1)]


# -- sources ---------------------------------------------------------------------------------


class SourceUse(NamedTuple):
    """How much a source backs: the stances citing it and its quotes."""

    source: str
    title: str
    stances: int
    quotes: int


class WeakStance(NamedTuple):
    """A stance whose evidence is thin, and why."""

    party: str
    issue: str
    reasons: tuple[str, ...]


def source_use(dataset: Dataset) -> tuple[list[SourceUse], list[WeakStance]]:
    """Each source with the stances and quotes it backs; the stances that rest on little."""
    stances = dict.fromkeys(dataset.sources, 0)
    quotes = dict.fromkeys(dataset.sources, 0)
    weak = []
    for party in dataset.parties.values():
        for stance in party.stances.values():
            cited = {e.source for e in stance.evidence}
            for source in cited:
                stances[source] += 1
            for e in stance.evidence:
                quotes[e.source] += 1
            reasons = []
            if len(cited) == 1:
                reasons.append(f"a single source ({next(iter(cited))})")
            if all(e.attribution is Attribution.INFERRED for e in stance.evidence):
                reasons.append("only inferred evidence")
            if reasons:
                weak.append(WeakStance(party.id, stance.issue, tuple(reasons)))
    uses = [
        SourceUse(sid, source.title, stances[sid], quotes[sid])
        for sid, source in dataset.sources.items()
    ]
    return uses, weak


# -- diff ------------------------------------------------------------------------------------


class StanceChange(NamedTuple):
    """What changed in one party's stance on one issue (``added``, ``removed`` or fields)."""

    party: str
    issue: str
    change: str
    before: str
    after: str


class RelationChange(NamedTuple):
    """A pair of parties whose relation on an issue changed."""

    a: str
    b: str
    issue: str
    before: Relation
    after: Relation


class Diff(NamedTuple):
    """What changed between two versions of a data file."""

    old: Dataset
    new: Dataset
    issues_added: tuple[str, ...]
    issues_removed: tuple[str, ...]
    outcomes_added: tuple[tuple[str, str], ...]
    outcomes_removed: tuple[tuple[str, str], ...]
    parties_added: tuple[str, ...]
    parties_removed: tuple[str, ...]
    stances: tuple[StanceChange, ...]
    relations: tuple[RelationChange, ...]


def _added(old: Sequence[str], new: Sequence[str]) -> tuple[str, ...]:
    return tuple(x for x in new if x not in old)


def _show(outcomes: Sequence[str]) -> str:
    return ", ".join(outcomes) or "(none)"


def _stance_changes(
    pid: str, iid: str, old: Stance | None, new: Stance | None
) -> list[StanceChange]:
    if old is None and new is None:
        return []
    if old is None or new is None:
        kind = "added" if old is None else "removed"
        present = new if new is not None else old
        assert present is not None
        shown = f"accepts {_show(present.accepts)}; {present.firmness.value}"
        return [
            StanceChange(pid, iid, kind, "" if old is None else shown, shown if old is None else "")
        ]
    out = []
    if set(old.accepts) != set(new.accepts):
        out.append(StanceChange(pid, iid, "accepts", _show(old.accepts), _show(new.accepts)))
    if set(old.rejects) != set(new.rejects):
        out.append(StanceChange(pid, iid, "rejects", _show(old.rejects), _show(new.rejects)))
    if old.firmness is not new.firmness:
        out.append(StanceChange(pid, iid, "firmness", old.firmness.value, new.firmness.value))
    return out


def diff(old: Dataset, new: Dataset) -> Diff:
    """Issues, outcomes, parties and stances added, removed or changed; relations that moved."""
    issues = [*old.issues, *_added(list(old.issues), list(new.issues))]
    shared_issues = [i for i in old.issues if i in new.issues]
    outcomes_added = tuple(
        (i, o) for i in shared_issues
        for o in _added(list(old.issues[i].outcomes), list(new.issues[i].outcomes))
    )  # fmt: skip
    outcomes_removed = tuple(
        (i, o) for i in shared_issues
        for o in _added(list(new.issues[i].outcomes), list(old.issues[i].outcomes))
    )  # fmt: skip
    shared = [p for p in old.parties if p in new.parties]
    stances = []
    for pid in shared:
        for iid in issues:
            stances += _stance_changes(
                pid, iid, old.parties[pid].stances.get(iid), new.parties[pid].stances.get(iid)
            )
    relations = []
    for n, a in enumerate(shared):
        for b in shared[n + 1 :]:
            before = {r.issue.id: r.relation for r in _pair(old, a, b)}
            after = {r.issue.id: r.relation for r in _pair(new, a, b)}
            for iid in issues:
                was = before.get(iid) or Relation.UNKNOWN
                now = after.get(iid) or Relation.UNKNOWN
                if was is not now:
                    relations.append(RelationChange(a, b, iid, was, now))
    return Diff(
        old,
        new,
        _added(list(old.issues), list(new.issues)),
        _added(list(new.issues), list(old.issues)),
        outcomes_added,
        outcomes_removed,
        _added(list(old.parties), list(new.parties)),
        _added(list(new.parties), list(old.parties)),
        tuple(stances),
        tuple(relations),
    )


def _pair(dataset: Dataset, a: str, b: str) -> tuple[Row, ...]:
    return compare(dataset, [dataset.parties[a], dataset.parties[b]]).rows
