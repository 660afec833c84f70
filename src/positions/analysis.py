"""Views over a whole dataset: the matrix, an agenda, evidence strength, sources, and a diff.

Pure functions over the model and the comparison; no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence

from positions.comparison import at_least, pairwise, rows
from positions.model import Attribution, Dataset, Firmness, Issue, Party, Stance
from positions.results import (
    Agenda,
    AgendaItem,
    Comparison,
    Diff,
    Filter,
    Header,
    Matrix,
    Relation,
    RelationChange,
    Row,
    SourcesReport,
    SourceUse,
    StanceChange,
    WeakStance,
)

HARDNESS = {Firmness.OPEN: 0, Firmness.FIRM: 1, Firmness.RED_LINE: 2}


# -- matrix ----------------------------------------------------------------------------------


def matrix(
    dataset: Dataset,
    parties: Sequence[Party] | None = None,
    issues: Sequence[Issue] | None = None,
    *,
    attribution: Attribution | None = None,
) -> Matrix:
    """The matrix of ``parties`` (default all) on ``issues`` (default all)."""
    chosen = list(dataset.parties.values()) if parties is None else list(parties)
    picked = tuple(dataset.issues.values()) if issues is None else tuple(issues)
    filtered = None
    source = dataset
    if attribution is not None:
        source = at_least(dataset, attribution)
        chosen = [source.parties[p.id] for p in chosen]
        filtered = Filter(attribution, {})
    pairs, left_out = pairwise(chosen, picked, source)
    return Matrix(
        Header.of(dataset), tuple(chosen), rows(chosen, picked, source), pairs, filtered, left_out
    )


# -- agenda ----------------------------------------------------------------------------------


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


# The agenda's groups, in order, and the relations each holds.
GROUPS = (
    ("common ground", (Relation.AGREE, Relation.OVERLAP)),
    ("different asks, no clash coded", (Relation.COMPLEMENTARY,)),
    ("agreed only on conditions in conflict", (Relation.CONDITIONAL,)),
    ("conflict", (Relation.CONFLICT,)),
    ("no stated position", (Relation.UNKNOWN,)),
)


def agenda(cmp: Comparison) -> Agenda:
    """An order in which to take the issues, each with the reason for its place.

    1. Common ground: issues where all agree, then those where they overlap.
    2. Different asks with no clash coded (complementary): a package might give each side what
       it asks, if the data has coded every exclusion the articles support.
    3. Agreement in principle that rests on a condition in conflict (conditional): it waits on
       the issue the condition is about.
    4. The conflicts, from the most open to the hardest: by the firmest side (every side open,
       then at most firm, then any red line), then by the sum of all sides' firmness (open 0,
       firm 1, red line 2).
    5. Last, the issues on which fewer than two parties have a stated position.

    Within a group, and for ties, the file's order.
    """
    items = []
    for group, relations in GROUPS:
        picked = [r for relation in relations for r in cmp.rows if r.relation is relation]
        if group == "conflict":
            picked.sort(key=_hardness)  # sorted() is stable: ties keep the file's order
        for row in picked:
            assert row.verdict is not None
            reason = row.verdict.reason
            if group == "conflict":
                reason = f"{_firmness_reason(row, cmp.parties)} \u2014 {reason}"
            items.append((row, group, reason))
    ordered = (AgendaItem(n, row, group, reason) for n, (row, group, reason) in enumerate(items, 1))
    return Agenda(cmp.header, cmp.parties, tuple(ordered), cmp.filter)


# -- sources ---------------------------------------------------------------------------------


def source_use(dataset: Dataset) -> SourcesReport:
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
    uses = tuple(
        SourceUse(sid, source.title, stances[sid], quotes[sid])
        for sid, source in dataset.sources.items()
    )
    total = sum(len(p.stances) for p in dataset.parties.values())
    return SourcesReport(Header.of(dataset), uses, tuple(weak), total)


# -- diff ------------------------------------------------------------------------------------


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
    # A pair's relations can only move if an issue changed or one of the two parties did (a
    # relation also looks at the stances' conditions on other issues, so any change of the
    # party counts). Only those pairs are compared again: a diff of two nearly equal files of
    # many parties stays linear instead of comparing every pair twice.
    changed = {pid for pid in shared if old.parties[pid].stances != new.parties[pid].stances}
    every_pair = old.issues != new.issues
    relations = []
    for n, a in enumerate(shared):
        for b in shared[n + 1 :]:
            if not (every_pair or a in changed or b in changed):
                continue
            before = {r.issue.id: r.relation for r in _pair(old, a, b)}
            after = {r.issue.id: r.relation for r in _pair(new, a, b)}
            for iid in issues:
                was = before.get(iid) or Relation.UNKNOWN
                now = after.get(iid) or Relation.UNKNOWN
                if was is not now:
                    relations.append(RelationChange(a, b, iid, was, now))
    return Diff(
        old.path,
        new.path,
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
    return rows([dataset.parties[a], dataset.parties[b]], dataset.issues.values(), dataset)
