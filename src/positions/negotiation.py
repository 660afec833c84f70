"""What stands between parties and talks, and where a trade could lie; pure functions, no I/O.

Both read what positions/3 lets a coder record: the stage of a stance or of a condition (before
talks start, before a ceasefire, in the settlement) and the salience an article ranks. Where the
data records neither, they say so rather than guess.

- ``obstacles``: each party's demands stage by stage (a stance's own outcomes where the stance
  has a stage, and each condition with the condition's stage), and for each, which other party
  stops it and how: rejects it, asks for an outcome that excludes it (on the issue or, through a
  link, on another), or stops what it requires. The demands of the first stage that another
  party stops are what must be resolved before talks can begin; those no other party answers
  either way are listed beside them, as open questions rather than clashes.
- ``trades``: a pair of issues is a candidate exchange when one party ranks the first higher
  than the other party does, the other ranks the second higher, the two differ on both, and
  neither concession is on a red line. Only ranked salience counts: an unranked issue is not
  ranked low. Every candidate is a hypothesis and carries the quotes that rank it.
"""

import itertools
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from positions.comparison import strength
from positions.model import Dataset, Firmness, Issue, Level, Party, Ranking, Stage, Stance
from positions.results import (
    Block,
    BlockKind,
    Demand,
    Header,
    Obstacles,
    Ranked,
    StageDemands,
    Trade,
    Trades,
)

STAGES = (Stage.TALKS, Stage.CEASEFIRE, Stage.SETTLEMENT)
# Candidate trades listed, and as many of those a red line rules out; the rest are counted.
MAX_TRADES = 12
# The salience levels as numbers, to compare two parties' ranks of one issue.
RANK = {Level.TOP: 3, Level.HIGH: 2, Level.LOW: 1}


# -- obstacles -------------------------------------------------------------------------------


def demands(party: Party) -> list[Demand]:
    """What ``party`` asks for: each stance's outcomes, and each condition it sets elsewhere.

    A condition that asks for outcomes the party's own stance on that issue already accepts is
    that stance's demand, not a second one: the demand records the stances it is a condition of
    and takes the earlier stage. A stance's demand has the stance's stage; a condition its own
    (a condition with no stage coded is not staged, whatever its stance's stage). A condition
    with no stance of the party's own behind it has no firmness: its force is its stance's.
    """
    out: dict[str, Demand] = {}
    for stance in party.stances.values():
        if stance.accepts or stance.rejects:
            out[stance.issue] = Demand(
                party.id, stance.issue, stance.accepts, stance.rejects, stance.stage, (),
                stance.firmness, strength(stance), stance.source_count(), ())  # fmt: skip
    extra: list[Demand] = []
    for stance in party.stances.values():
        for iid, outcomes in stance.conditions.items():
            stage = stance.condition_stages.get(iid)
            own = out.get(iid)
            if own is not None and set(outcomes) <= set(own.accepts):
                out[iid] = own._replace(
                    stage=_earlier(own.stage, stage),
                    condition_of=(*own.condition_of, stance.issue),
                )
            else:
                extra.append(Demand(party.id, iid, outcomes, (), stage, (stance.issue,), None,
                                    strength(stance), stance.source_count(), ()))  # fmt: skip
    return [*out.values(), *extra]


def _earlier(a: Stage | None, b: Stage | None) -> Stage | None:
    """The earlier of two stages; a stage coded before none."""
    if a is None or b is None:
        return a or b
    return a if STAGES.index(a) <= STAGES.index(b) else b


def blocks(demand: Demand, other: Party, issues: dict[str, Issue]) -> list[Block]:
    """How ``other`` stops ``demand``, if it does; one Block for each way.

    Each outcome is looked up in what ``other`` accepts and rejects, and in the outcomes it
    excludes, never compared with each of the other's: a demand of many outcomes against a
    stance of many costs what they hold, not its product.
    """
    issue = issues[demand.issue]
    here = _Held.of(other.stances.get(demand.issue))
    out = []
    for wanted in demand.accepts:
        if wanted in here.rejects:
            out.append(Block(other.id, BlockKind.REJECTS, issue.id, wanted, wanted))
        elif here.accepts and wanted not in here.accepts:
            out += [Block(other.id, BlockKind.EXCLUDES, issue.id, o, wanted)
                    for o in here.among(issue.excludes.get(wanted, ()))]  # fmt: skip
        for iid, outcome in sorted(issue.excludes_elsewhere.get(wanted, ())):
            if outcome in _Held.of(other.stances.get(iid)).accepts:
                out.append(Block(other.id, BlockKind.EXCLUDES, iid, outcome, wanted))
        for iid, needed in sorted(issue.requires.get(wanted, ())):
            there = _Held.of(other.stances.get(iid))
            if not (there.accepts or there.rejects) or needed in there.accepts:
                continue
            if needed in there.rejects:
                out.append(Block(other.id, BlockKind.REJECTS_REQUIRED, iid, needed, wanted))
            else:
                out += [Block(other.id, BlockKind.EXCLUDES_REQUIRED, iid, o, wanted)
                        for o in there.among(issues[iid].excludes.get(needed, ()))]  # fmt: skip
    out += [Block(other.id, BlockKind.ASKS_REFUSED, issue.id, r, r)
            for r in demand.rejects if r in here.accepts]  # fmt: skip
    return out


class _Held(NamedTuple):
    """What one stance accepts and rejects, as sets to look outcomes up in (empty: no stance)."""

    accepts: dict[str, int]  # outcome -> its place in the stance's list
    rejects: frozenset[str]

    @classmethod
    def of(cls, stance: Stance | None) -> "_Held":
        if stance is None:
            return cls({}, frozenset())
        return cls({o: n for n, o in enumerate(stance.accepts)}, frozenset(stance.rejects))

    def among(self, outcomes: Iterable[str]) -> list[str]:
        """Those of ``outcomes`` the stance accepts, in the stance's order."""
        return sorted((o for o in outcomes if o in self.accepts), key=self.accepts.__getitem__)


def _answered(demand: Demand, others: Sequence[Party], issues: dict[str, Issue]) -> Demand:
    """``demand`` with who of ``others`` stops it, accepts it, or has no position on it."""
    # One outcome of another party stops a demand once, however many ways it does.
    first: dict[tuple[str, str, str], Block] = {}
    for other in others:
        for b in blocks(demand, other, issues):
            first.setdefault((b.party, b.issue, b.outcome), b)
    stopped = tuple(first.values())
    silent = tuple(p.id for p in others if demand.issue not in p.stances)
    met = tuple(
        p.id
        for p in others
        if demand.issue in p.stances
        and demand.accepts
        and set(demand.accepts) <= set(p.stances[demand.issue].accepts)
    )
    blocking = {b.party for b in stopped}
    elsewhere = tuple(
        p.id
        for p in others
        if demand.issue in p.stances and p.id not in blocking and p.id not in met
    )
    return demand._replace(stopped_by=stopped, met_by=met, silent=silent, elsewhere=elsewhere)


def obstacles(dataset: Dataset, parties: Sequence[Party]) -> Obstacles:
    """What stands between ``parties`` and talks, stage by stage (see the module's docstring)."""
    staged: dict[Stage | None, list[Demand]] = {stage: [] for stage in (*STAGES, None)}
    for party in parties:
        others = [p for p in parties if p.id != party.id]
        for demand in demands(party):
            staged[demand.stage].append(_answered(demand, others, dataset.issues))
    # The short list goes dispute by dispute (the file's order), so that one quarrel reads as one.
    disputes = {d: n for n, d in enumerate(dataset.disputes)}

    def dispute(d: Demand) -> int:
        return disputes.get(dataset.issues[d.issue].dispute or "", len(disputes))

    first = tuple(sorted((d for d in staged[Stage.TALKS] if d.stopped_by), key=dispute))
    unanswered = tuple(
        d for d in staged[Stage.TALKS] if not d.stopped_by and not d.met_by and d.silent
    )
    return Obstacles(
        Header.of(dataset),
        tuple(parties),
        dataset.issues,
        tuple(StageDemands(stage, tuple(found)) for stage, found in staged.items()),
        first,
        unanswered,
        dataset.disputes,
    )


# -- trades ----------------------------------------------------------------------------------


def ranked(parties: Sequence[Party]) -> tuple[Ranked, ...]:
    """Every stance of ``parties`` whose salience an article ranks, in the parties' order."""
    return tuple(
        Ranked(p.id, s.issue, s.salience)
        for p in parties
        for s in p.stances.values()
        if s.salience is not None
    )


def trades(dataset: Dataset, a: Party, b: Party) -> Trades:
    """Candidate exchanges between ``a`` and ``b`` (see the module's docstring).

    A candidate pairs an issue ``a`` ranks higher (``a`` gets it) with one ``b`` ranks higher:
    every such pair is one, so they are listed from the two lists, the first MAX_TRADES of each
    kind (those a red line rules out apart) and the rest counted, never formed one by one.
    """
    shared = [i for i in dataset.issues if i in a.stances and i in b.stances]
    rank_a = _rankings(a, shared)
    rank_b = _rankings(b, shared)
    both = [i for i in shared if i in rank_a and i in rank_b and _differ(a, b, i)]
    # a gets what it ranks higher, and gives on what b ranks higher; b the other way round.
    for_a = [i for i in both if RANK[rank_a[i].level] > RANK[rank_b[i].level]]
    for_b = [i for i in both if RANK[rank_b[i].level] > RANK[rank_a[i].level]]

    def trade(first: str, second: str) -> Trade:
        ranks = (rank_a[first], rank_b[first], rank_a[second], rank_b[second])
        return Trade(a.id, first, b.id, second, ranks)

    def red(party: Party, iid: str) -> bool:
        return party.stances[iid].firmness is Firmness.RED_LINE

    # A pair is ruled out where b would give up a red line on ``first``, or a on ``second``.
    open_a = [i for i in for_a if not red(b, i)]
    open_b = [i for i in for_b if not red(a, i)]
    out = tuple(itertools.islice((trade(f, s) for f in open_a for s in open_b), MAX_TRADES))
    # Formed only from the red lines' side, so that finding a few costs a few.
    red_a = [i for i in for_a if red(b, i)]
    red_b = [i for i in for_b if red(a, i)]
    ruled = (
        (trade(f, s), _red_lines(dataset, a, b, f, s))
        for f, s in itertools.chain(
            ((f, s) for f in red_a for s in for_b), ((f, s) for f in open_a for s in red_b)
        )
    )
    left_out = tuple(itertools.islice(ruled, MAX_TRADES))
    candidates = len(open_a) * len(open_b)
    return Trades(
        Header.of(dataset),
        (a, b),
        dataset.issues,
        ranked((a, b)),
        len(shared),
        out,
        left_out,
        candidates - len(out),
        len(for_a) * len(for_b) - candidates - len(left_out),
    )


def _red_lines(dataset: Dataset, a: Party, b: Party, first: str, second: str) -> str:
    """Which red line rules a trade out: ``a red line: South on Guarantees``."""
    lines = [f"{p.name} on {dataset.issues[i].name}"
             for p, i in ((a, second), (b, first))
             if p.stances[i].firmness is Firmness.RED_LINE]  # fmt: skip
    return "a red line: " + "; ".join(lines)


def _rankings(party: Party, iids: Sequence[str]) -> dict[str, Ranking]:
    """``party``'s ranked salience of each of ``iids`` that an article ranks."""
    out = {}
    for iid in iids:
        salience = party.stances[iid].salience
        if salience is not None:
            out[iid] = salience
    return out


def _differ(a: Party, b: Party, iid: str) -> bool:
    """Whether ``a`` and ``b`` hold different stances on ``iid``: something to give."""
    sa, sb = a.stances[iid], b.stances[iid]
    return (set(sa.accepts), set(sa.rejects)) != (set(sb.accepts), set(sb.rejects))
