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
from dataclasses import replace

from positions.model import Attribution, Dataset, Issue, Party, Stance
from positions.results import (
    Comparison,
    Detail,
    Filter,
    Header,
    PairSummary,
    Rejection,
    Relation,
    Row,
)

# With more parties than this, the pairwise summary (n(n-1)/2 pairs) is left out and counted:
# 66 pairs still read as a table; 124,750 (500 parties) cost minutes and read as nothing.
MAX_PAIRED_PARTIES = 12

STRENGTH = {Attribution.STATED: 0, Attribution.REPORTED: 1, Attribution.INFERRED: 2}


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


def count(relations: Iterable[Relation | None]) -> dict[Relation, int]:
    """How many of ``relations`` fall under each relation (None, no relation, is not counted)."""
    counts = dict.fromkeys(Relation, 0)
    for relation in relations:
        if relation is not None:
            counts[relation] += 1
    return counts


def rows(parties: Sequence[Party], issues: Iterable[Issue]) -> tuple[Row, ...]:
    """The comparison of ``parties`` on each of ``issues``."""
    out = []
    for issue in issues:
        stances = tuple(p.stances.get(issue.id) for p in parties)
        relation: Relation | None = None
        common: tuple[str, ...] = ()
        if len(parties) >= 2:
            relation, common = relate(issue, stances)
        out.append(Row(issue, stances, relation, common, tuple(rejections(parties, stances))))
    return tuple(out)


def pair_summaries(parties: Sequence[Party], issues: Sequence[Issue]) -> tuple[PairSummary, ...]:
    """For every pair of ``parties``, how many of ``issues`` fall under each relation."""
    pairs = []
    for i, a in enumerate(parties):
        for b in parties[i + 1 :]:
            relations = (
                relate(issue, (a.stances.get(issue.id), b.stances.get(issue.id)))[0]
                for issue in issues
            )
            pairs.append(PairSummary(a.id, b.id, count(relations)))
    return tuple(pairs)


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


def compare(
    dataset: Dataset,
    parties: Sequence[Party] | None = None,
    issues: Sequence[Issue] | None = None,
    *,
    attribution: Attribution | None = None,
    detail: Detail = Detail.SUMMARY,
) -> Comparison:
    """Compare ``parties`` (default all) on ``issues`` (default all, in the file's order).

    With ``attribution``, only stances backed by quotes of that strength or stronger count, and
    the result says which rows' relations the filter changed.
    """
    chosen = list(dataset.parties.values()) if parties is None else list(parties)
    picked = list(dataset.issues.values()) if issues is None else list(issues)
    filtered: Filter | None = None
    if attribution is not None:
        before = {row.issue.id: row.relation for row in rows(chosen, picked)}
        strong = at_least(dataset, attribution)
        chosen = [strong.parties[p.id] for p in chosen]
        after = rows(chosen, picked)
        changed = {
            r.issue.id: before[r.issue.id] for r in after if r.relation != before[r.issue.id]
        }
        filtered = Filter(attribution, changed)
        compared = after
    else:
        compared = rows(chosen, picked)
    paired = 3 <= len(chosen) <= MAX_PAIRED_PARTIES
    return Comparison(
        header=Header.of(dataset),
        parties=tuple(chosen),
        rows=compared,
        counts=count(r.relation for r in compared),
        pairs=pair_summaries(chosen, picked) if paired else (),
        pairs_left_out=len(chosen) * (len(chosen) - 1) // 2
        if len(chosen) > MAX_PAIRED_PARTIES
        else 0,
        filter=filtered,
        detail=detail,
    )
