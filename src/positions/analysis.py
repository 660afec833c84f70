"""Views over a whole dataset: the matrix, an agenda, evidence strength, sources, and a diff.

Pure functions over the model and the comparison; no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence

from positions.comparison import pairwise, rows, scope, shared_camp
from positions.model import (
    Attribution,
    Dataset,
    Evidence,
    Firmness,
    Issue,
    Party,
    Stage,
    Stance,
)
from positions.negotiation import RANK
from positions.present import ANY_STAGE, STAGE_WORDS
from positions.results import (
    Agenda,
    AgendaItem,
    Comparison,
    Diff,
    Edit,
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

RED_LINE_ALONE = "one side's red line, no position recorded for the other"
HARDNESS = {Firmness.NO_CUE: 0, Firmness.OPEN: 0, Firmness.FIRM: 1, Firmness.RED_LINE: 2}


# -- matrix ----------------------------------------------------------------------------------


def matrix(
    dataset: Dataset,
    parties: Sequence[Party] | None = None,
    issues: Sequence[Issue] | None = None,
    *,
    attribution: Attribution | None = None,
) -> Matrix:
    """The matrix of ``parties`` (default all) on ``issues`` (default all), scoped as compare's."""
    s = scope(dataset, parties, issues, attribution=attribution)
    pairs, left_out = pairwise(s.parties, s.issues, s.dataset)
    camp = shared_camp(dataset, s.parties)
    return Matrix(Header.of(dataset), s.parties, s.rows, pairs, s.filter, left_out, camp)


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
        # A stance without a firmness cue is not said to be open: it is not known.
        uncued = by_level[Firmness.NO_CUE]
        return (
            f"no side firm; no firmness cue: {', '.join(uncued)}"
            if uncued
            else ("every side is open")
        )
    if hard == 1:
        return f"no red line; firm: {', '.join(by_level[Firmness.FIRM])}"
    return f"red line: {', '.join(by_level[Firmness.RED_LINE])}"


# The agenda's groups, in the order they are taken within a stage, and the relations each holds.
GROUPS = (
    ("common ground", (Relation.AGREE, Relation.OVERLAP)),
    ("different asks, checked compatible", (Relation.COMPLEMENTARY,)),
    ("different asks, not checked", (Relation.UNTESTED,)),
    ("agreed only on conditions in conflict", (Relation.CONDITIONAL,)),
    ("conflict", (Relation.CONFLICT,)),
    (RED_LINE_ALONE, ()),
    ("fewer than two positions recorded", (Relation.UNKNOWN,)),
)
STAGE_ORDER = {Stage.TALKS: 0, Stage.CEASEFIRE: 1, Stage.SETTLEMENT: 2, None: 3}


def issue_stages(cmp: Comparison, issues: dict[str, Issue]) -> dict[str, tuple[Stage, str]]:
    """The earliest stage at which a compared party asks for something on each issue, and why.

    An issue takes a stance's stage, and the stage of every condition naming it; one with
    neither has no entry.
    """
    out: dict[str, tuple[Stage, str]] = {}

    def note(iid: str, stage: Stage, why: str) -> None:
        if iid not in out or STAGE_ORDER[stage] < STAGE_ORDER[out[iid][0]]:
            out[iid] = (stage, why)

    for party in cmp.parties:
        for stance in party.stances.values():
            if stance.stage is not None:
                note(stance.issue, stance.stage, f"{party.name}'s stance")
            for iid, stage in stance.condition_stages.items():
                note(iid, stage, f"{party.name}'s condition on {issues[stance.issue].name}")
    return out


def _stake(row: Row) -> int:
    """The compared parties' ranked salience of an issue, added up (unranked counts 0)."""
    return sum(RANK[s.salience.level] for s in row.stances if s is not None and s.salience)


def _group(row: Row) -> str:
    if row.relation is Relation.UNKNOWN and any(
        s is not None and s.firmness is Firmness.RED_LINE for s in row.stances
    ):
        return RED_LINE_ALONE
    return next(g for g, relations in GROUPS if row.relation in relations)


def agenda(cmp: Comparison, issues: dict[str, Issue]) -> Agenda:
    """An order in which to take the issues, stage by stage, each with the reason for its place.

    First the issues some party wants settled before talks start, then before a ceasefire, then
    in the settlement, then those with no stage coded (``issue_stages``). Within a stage:

    1. Common ground: issues where all agree, then those where they overlap.
    2. Different asks checked compatible (complementary): a package might give each side what
       it asks.
    3. Different asks nobody checked (untested): no clash is coded, but whether both can hold
       is not recorded.
    4. Agreement in principle that rests on a condition in conflict (conditional).
    5. The conflicts, from the most open to the hardest: by the firmest side (every side open,
       then at most firm, then any red line), then by the sum of all sides' firmness (open 0,
       firm 1, red line 2).
    6. A red line of one party on which no other has a position recorded.
    7. Last, the issues on which only one party has a position recorded.

    An issue on which none of them has a position recorded is not on the agenda: it is listed
    apart (``unraised``).

    Ties go to the issue the parties rank less salient (ranked levels added up), then to the
    file's order. ``issues`` are the dataset's, to name the issue a condition belongs to.
    """
    stages = issue_stages(cmp, issues)
    groups = {g: n for n, (g, _) in enumerate(GROUPS)}

    def place(row: Row) -> tuple[int, int, int, tuple[int, int], int]:
        stage = stages.get(row.issue.id, (None, ""))[0]
        group = _group(row)
        relations = GROUPS[groups[group]][1]
        within = relations.index(row.relation) if row.relation in relations else 0
        if stage is None and group == "common ground":
            return -1, 0, within, (0, 0), _stake(row)
        hardness = _hardness(row) if group == "conflict" else (0, 0)
        return STAGE_ORDER[stage], groups[group], within, hardness, _stake(row)

    items = []
    raised = [r for r in cmp.rows if any(s is not None for s in r.stances)]
    unraised = tuple(r.issue for r in cmp.rows if all(s is None for s in r.stances))
    for n, row in enumerate(sorted(raised, key=place), 1):  # sorted() is stable: file order
        assert row.verdict is not None
        stage, why = stages.get(row.issue.id, (None, ""))
        group = _group(row)
        reason = row.verdict.reason
        if group == "conflict":
            reason = f"{_firmness_reason(row, cmp.parties)} \u2014 {reason}"
        elif group == RED_LINE_ALONE:
            names = {p.id: p.name for p in cmp.parties}
            silent = ", ".join(names[p] for p in row.verdict.silent)
            reason = f"{_firmness_reason(row, cmp.parties)}; no position recorded: {silent}"
        if stage is not None:
            reason = f"{STAGE_WORDS[stage]} ({why}); {reason}"
        phase = ANY_STAGE if stage is None and group == "common ground" else STAGE_WORDS[stage]
        items.append(AgendaItem(n, row, group, reason, stage, phase))
    return Agenda(cmp.header, cmp.parties, tuple(items), cmp.filter, cmp.within_camp, unraised)


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
    before = set(old)
    return tuple(x for x in new if x not in before)


def _show(outcomes: Sequence[str]) -> str:
    return ", ".join(outcomes) or "(none)"


def _conditions(stance: Stance) -> str:
    return "; ".join(f"{i}: {_show(o)}" for i, o in stance.conditions.items()) or "(none)"


def _condition_stages(stance: Stance) -> str:
    return "; ".join(f"{i}: {s.value}" for i, s in stance.condition_stages.items()) or "(none)"


def _quote(e: Evidence) -> str:
    return f"{e.source} \u201c{e.quote}\u201d {e.attribution.value}" + (
        f" ({e.speaker})" if e.speaker else ""
    )


def _evidence(stance: Stance) -> str:
    return "; ".join(_quote(e) for e in stance.evidence)


def _salience(stance: Stance) -> str:
    ranking = stance.salience
    return "(none)" if ranking is None else f"{ranking.level.value}: {_quote(ranking.evidence)}"


def _doubts(stance: Stance) -> str:
    shown = (f"{d.by}: {d.source} \u201c{d.quote}\u201d" for d in stance.doubts)
    return "; ".join(shown) or "(none)"


def _joint(stance: Stance) -> str:
    """A joint statement as coded (``with`` the others), or a copy (``coded under`` its author)."""
    if stance.joint:
        return f"with {_show(stance.joint)}"
    return f"coded under {stance.coded_under}" if stance.coded_under else "(none)"


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
    if _relational(old)[2] != _relational(new)[2]:
        out.append(StanceChange(pid, iid, "conditions", _conditions(old), _conditions(new)))
    fields = [("stage", _stage(old), _stage(new)),
              ("condition stages", _condition_stages(old), _condition_stages(new))]  # fmt: skip
    out += [StanceChange(pid, iid, f, x, y) for f, x, y in fields if x != y]
    if old.summary != new.summary:
        out.append(StanceChange(pid, iid, "summary", old.summary, new.summary))
    if old.note != new.note:
        out.append(StanceChange(pid, iid, "note", old.note or "", new.note or ""))
    if old.evidence != new.evidence:
        out.append(StanceChange(pid, iid, "evidence", _evidence(old), _evidence(new)))
    fields = [("salience", _salience(old), _salience(new)), ("doubts", _doubts(old), _doubts(new)),
              ("joint", _joint(old), _joint(new))]  # fmt: skip
    out += [StanceChange(pid, iid, f, x, y) for f, x, y in fields if x != y]
    return out


def _stage(stance: Stance) -> str:
    return "(none)" if stance.stage is None else stance.stage.value


def _relational(stance: Stance) -> tuple[object, ...]:
    """What a relation may read of a stance.

    The outcomes it accepts and rejects, its conditions, and when it and they are asked for.
    """
    conditions = frozenset((i, frozenset(o)) for i, o in stance.conditions.items())
    stages = frozenset(stance.condition_stages.items())
    return frozenset(stance.accepts), frozenset(stance.rejects), conditions, stance.stage, stages


Places = dict[tuple[str, str], tuple[int, int]]  # (issue, outcome) -> its place in the file


def _places(dataset: Dataset) -> Places:
    """Where each outcome of the file is: its issue's place, and its place in the issue."""
    return {
        (iid, oid): (n, m)
        for n, (iid, issue) in enumerate(dataset.issues.items())
        for m, oid in enumerate(issue.outcomes)
    }


def _exclusions(places: Places, issue: Issue, oid: str) -> str:
    """The outcomes ``oid`` excludes, as the file writes them, in the file's order."""
    linked = {(issue.id, o) for o in issue.excludes.get(oid, ())}
    return _links(places, issue, linked | issue.excludes_elsewhere.get(oid, frozenset()))


def _links(
    places: Places, issue: Issue, linked: set[tuple[str, str]] | frozenset[tuple[str, str]]
) -> str:
    """Outcomes as an outcome's excludes or requires name them, in the file's order.

    Those of ``issue`` by their ids, then those of other issues as ``issue/outcome``.
    """
    ordered = sorted(linked, key=lambda link: (link[0] != issue.id, places[link]))
    return _show([o if i == issue.id else f"{i}/{o}" for i, o in ordered])


def _compatible(issue: Issue) -> str:
    """The pairs recorded compatible, each with its reason, in the issue's order."""
    place = {o: n for n, o in enumerate(issue.outcomes)}
    pairs = ((sorted(c.outcomes, key=place.__getitem__), c.reason) for c in issue.compatible)
    return "; ".join(f"{a} & {b}: {reason}" for (a, b), reason in pairs) or "(none)"


def _edits(old: Dataset, new: Dataset) -> list[Edit]:
    """What the file says of its issues, parties, sources, disputes and camps, changed in place."""
    out = []
    if old.title != new.title:
        out.append(Edit("file", "title", old.title, new.title))
    places = _places(old), _places(new)
    for iid in (i for i in old.issues if i in new.issues):
        out += _issue_edits(old.issues[iid], new.issues[iid], places)
    for pid in (p for p in old.parties if p in new.parties):
        p, q = old.parties[pid], new.parties[pid]
        fields = [("name", p.name, q.name), ("aliases", _show(p.aliases), _show(q.aliases)),
                  ("members", _show(p.members), _show(q.members)),
                  ("camp", p.camp or "", q.camp or "")]  # fmt: skip
        out += [Edit(f"party {pid}", f, x, y) for f, x, y in fields if x != y]
    for sid in _added(list(new.sources), list(old.sources)):
        out.append(Edit(f"source {sid}", "removed", old.sources[sid].title, ""))
    for sid in old.sources:
        if sid in new.sources and old.sources[sid] != new.sources[sid]:
            for f in ("title", "title_from", "outlet", "published", "url"):
                x, y = getattr(old.sources[sid], f) or "", getattr(new.sources[sid], f) or ""
                if x != y:
                    out.append(Edit(f"source {sid}", f, x, y))
    for sid in _added(list(old.sources), list(new.sources)):
        out.append(Edit(f"source {sid}", "added", "", new.sources[sid].title))
    for kind, names, renamed in (
        ("dispute", old.disputes, new.disputes),
        ("camp", old.camps, new.camps),
    ):
        for key in dict.fromkeys([*names, *renamed]):
            x, y = names.get(key, ""), renamed.get(key, "")
            if x != y:
                out.append(Edit(f"{kind} {key}", "name", x, y))
    return out


def _issue_edits(a: Issue, b: Issue, places: tuple[Places, Places]) -> list[Edit]:
    """What the file says of an issue, changed in place: its words, links and pairs."""
    iid, (at, bt) = a.id, places
    fields = [("name", a.name, b.name), ("question", a.question, b.question),
              ("dispute", a.dispute or "", b.dispute or "")]  # fmt: skip
    for oid in (o for o in a.outcomes if o in b.outcomes):
        fields.append((f"outcome {oid}", a.outcomes[oid], b.outcomes[oid]))
        was, now = _exclusions(at, a, oid), _exclusions(bt, b, oid)
        fields.append((f"outcome {oid} excludes", was, now))
        was = _links(at, a, a.requires.get(oid, frozenset()))
        now = _links(bt, b, b.requires.get(oid, frozenset()))
        fields.append((f"outcome {oid} requires", was, now))
    fields.append(("compatible", _compatible(a), _compatible(b)))
    return [Edit(f"issue {iid}", f, x, y) for f, x, y in fields if x != y]


def _semantics(issue: Issue) -> tuple[object, ...]:
    """What a relation reads of an issue.

    Its outcomes, which exclude which (in it and across issues), which require which, and the
    pairs recorded compatible.
    """
    compatible = frozenset(c.outcomes for c in issue.compatible)
    return (frozenset(issue.outcomes), issue.excludes, issue.excludes_elsewhere, issue.requires,
            compatible)  # fmt: skip


def _linked(issue: Issue) -> set[str]:
    """The other issues ``issue``'s outcomes require or exclude outcomes of."""
    found = [*issue.requires.values(), *issue.excludes_elsewhere.values()]
    return {i for links in found for i, _ in links} - {issue.id}


def diff(old: Dataset, new: Dataset) -> Diff:
    """Issues, outcomes, parties and stances added, removed or changed; relations that moved.

    Costs what the two files hold, plus the relations compared again: only the pairs of
    parties that share an issue on which one of them changed what a relation reads.
    """
    issues = [*old.issues, *_added(list(old.issues), list(new.issues))]
    order = {iid: n for n, iid in enumerate(issues)}
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
        held, holds = old.parties[pid].stances, new.parties[pid].stances
        for iid in sorted(held.keys() | holds.keys(), key=order.__getitem__):
            stances += _stance_changes(pid, iid, held.get(iid), holds.get(iid))
    # Issues whose outcomes or exclusions changed (or that came or went), for relations.
    moved = set(issues) - set(shared_issues)
    moved |= {i for i in shared_issues if _semantics(old.issues[i]) != _semantics(new.issues[i])}
    # A clash through a link reads the linked issue's outcomes and exclusions too.
    moved |= {
        i for i in shared_issues
        if (_linked(old.issues[i]) | _linked(new.issues[i])) & moved
    }  # fmt: skip
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
        tuple(_relation_changes(old, new, shared, order, moved)),
        tuple(_edits(old, new)),
    )


def _relation_changes(
    old: Dataset, new: Dataset, shared: list[str], order: dict[str, int], moved: set[str]
) -> list[RelationChange]:
    """Each pair of ``shared`` parties whose relation on an issue moved, in the files' order.

    A pair's relation on an issue reads the two stances on it, the stances on the issues their
    conditions name, and those issues' outcomes and exclusions. A party whose reading of any of
    these changed is compared again with every party it shares an issue with; no other pair can
    have moved. Comparing every pair again (the code before) made one reworded question in a
    file of 400 parties cost 80,000 comparisons (benchmarks/run.py, "diff").
    """
    place = {pid: n for n, pid in enumerate(shared)}
    changed = [pid for pid in shared if _reads_anew(old, new, pid, moved)]
    holders: dict[str, set[str]] = {}  # issue -> the shared parties with a stance on it
    for dataset in (old, new):
        for pid in shared:
            for iid in dataset.parties[pid].stances:
                holders.setdefault(iid, set()).add(pid)
    pairs: set[tuple[str, str]] = set()
    for a in changed:
        for iid in {*old.parties[a].stances, *new.parties[a].stances}:
            for b in holders[iid]:
                if b != a:
                    pairs.add((a, b) if place[a] < place[b] else (b, a))
    out = []
    for a, b in sorted(pairs, key=lambda pair: (place[pair[0]], place[pair[1]])):
        then, both = _pair(old, a, b)
        later, both_now = _pair(new, a, b)
        for iid in sorted(both | both_now, key=order.__getitem__):
            was = then.get(iid) or Relation.UNKNOWN
            is_ = later.get(iid) or Relation.UNKNOWN
            if was is not is_:
                out.append(RelationChange(a, b, iid, was, is_))
    return out


def _reads_anew(old: Dataset, new: Dataset, pid: str, moved: set[str]) -> bool:
    """Whether a relation of party ``pid`` reads something in ``new`` it did not in ``old``."""
    held, holds = old.parties[pid].stances, new.parties[pid].stances
    if held.keys() != holds.keys():
        return True
    return any(
        _relational(stance) != _relational(holds[iid])
        or iid in moved
        or any(i in moved for i in stance.conditions)
        for iid, stance in held.items()
    )


def _pair(dataset: Dataset, a: str, b: str) -> tuple[dict[str, Relation | None], set[str]]:
    """The relations of parties ``a`` and ``b`` on the issues both have a stance on."""
    first, second = dataset.parties[a], dataset.parties[b]
    both = first.stances.keys() & second.stances.keys()
    issues = [dataset.issues[i] for i in both]
    return {r.issue.id: r.relation for r in rows([first, second], issues, dataset)}, both
