"""Relations between parties' stances, computed issue by issue; pure functions, no I/O.

The rules, among the parties compared that have a stance on the issue (README, "How relations
are computed", gives each with an example; tests/test_comparison.py checks exactly those):

- ``agree``: all accept the same outcomes (or, accepting none, all reject the same);
- ``overlap``: some outcome is accepted by all (or, where nothing clashes, rejected by all): the
  common ground;
- ``conflict``: no outcome accepted by all, and something clashes: one rejects an outcome
  another accepts; two accept outcomes that exclude each other (the issue says which do); or a
  linked clash, across issues: an outcome one accepts ``requires`` an outcome of another issue
  that another rejects there (or excludes by what it accepts there), or ``excludes`` one that
  another accepts there;
- ``untested``: no common ground and nothing clashes, but two parties ask for different outcomes
  and nobody recorded (``compatible``) that both can hold;
- ``complementary``: no common ground, nothing clashes, and every pair of different outcomes
  asked for is recorded compatible (or there is no such pair): different asks that a package
  could give each side;
- ``conditional``: agree or overlap, but some party accepts only on a condition (an outcome of
  another issue) that another party compared rejects or excludes: agreement in principle, not
  common ground;
- ``unknown``: fewer than two of them have a stance.

Parties with no stated position are named, never counted as disagreeing: a linked clash, too,
is between parties with a stance on the issue. A reason names the linked clashes only where
nothing on the issue itself clashes. Each relation states the weakest evidence it
rests on: a stance counts at the strength of its strongest quote, a clash at the weaker of its
two sides (a linked clash's other side at its stance on the other issue), and a conflict at its
best-evidenced clash. Each counts the sources it rests on: the distinct sources quoted by the
stances on the issue, and by those on other issues that its reason names (linked clashes,
conditions in conflict).
"""

import heapq
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from positions.model import Attribution, Compatibility, Dataset, Issue, Party, Stance
from positions.results import (
    NO_POSITION,
    Camp,
    Clash,
    Comparison,
    Condition,
    ConditionStatus,
    Filter,
    Header,
    Link,
    PairSummary,
    Relation,
    Row,
    Tally,
    Verdict,
)

# With more parties than this, the pairwise summary (n(n-1)/2 pairs) is left out and counted:
# 66 pairs still read as a table; 124,750 (500 parties) cost minutes and read as nothing.
MAX_PAIRED_PARTIES = 12
# A reason names at most this many parties in one place; the rest are counted.
MAX_NAMED = 4
# A condition names at most this many of the parties that stop it, as the pairwise summary pairs
# at most this many; the rest are counted. Naming them all made a comparison of P parties, each
# with a condition the others stop, hold P names per condition: P squared (834 MiB and 200 MB of
# JSON for 3,333 parties, benchmarks/shapes.py "parties" at 4 MB).
MAX_AGAINST = MAX_PAIRED_PARTIES

STRENGTH = {Attribution.STATED: 0, Attribution.REPORTED: 1, Attribution.INFERRED: 2}

# The reason of an untested relation, before the pairs it names.
UNTESTED = "different asks; nobody recorded whether both can hold"
# An untested reason names at most this many pairs; the rest are counted.
UNTESTED_NAMED = 4


def untested_reason(pairs: Sequence[tuple[str, str]], left_out: int = 0) -> str:
    """Different asks nobody checked: ``...: 'x' and 'y'``, the first few pairs named."""
    shown = [f"'{a}' and '{b}'" for a, b in pairs[:UNTESTED_NAMED]]
    more = len(pairs) - len(shown) + left_out
    if more:
        shown.append(f"{more} more {'pair' if more == 1 else 'pairs'}")
    return f"{UNTESTED}: " + "; ".join(shown)


def strength(stance: Stance) -> Attribution:
    """A stance's evidence at its strongest quote."""
    return _strongest(e.attribution for e in stance.evidence)


def _weakest(attributions: Iterable[Attribution]) -> Attribution:
    return max(attributions, key=STRENGTH.__getitem__)


def _strongest(attributions: Iterable[Attribution]) -> Attribution:
    return min(attributions, key=STRENGTH.__getitem__)


Stances = dict[str, dict[str, Stance]]  # party id -> its stances by issue id


def _confidence(
    relation: Relation,
    held: Sequence[tuple[str, Stance]],
    found: Sequence[Clash],
    stances: Stances,
) -> Attribution:
    """The weakest evidence a relation rests on; a conflict rests on its best-evidenced clash.

    A clash counts at the weaker of its sides, each side at its best-evidenced party; a linked
    clash's other side at their stances on the issue the link names.
    """
    if relation is not Relation.CONFLICT:
        return _weakest(strength(s) for _, s in held)
    by_party = {pid: strength(s) for pid, s in held}

    def other_side(clash: Clash) -> Attribution:
        if clash.link is None:
            return _strongest(by_party[p] for p in clash.against)
        where = clash.link.issue
        return _strongest(strength(stances[p][where]) for p in clash.against)

    return _strongest(
        _weakest([_strongest(by_party[p] for p in clash.accepted_by), other_side(clash)])
        for clash in found
    )


def _sources(
    held: Sequence[tuple[str, Stance]],
    named: Sequence[Clash],
    blocking: Sequence[Condition],
    stances: Stances,
) -> int:
    """Distinct sources quoted by the stances a relation rests on.

    The stances on the issue, and those on other issues that the reason names: the other side
    of each linked clash it names, and the parties named as stopping a condition in conflict.
    """
    cited = {e.source for _, s in held for e in s.evidence}
    elsewhere = [(c.link.issue, c.against) for c in named if c.link is not None]
    elsewhere += [(c.issue, c.against) for c in blocking]
    for iid, parties in elsewhere:
        for pid in parties:
            stance = stances[pid].get(iid)
            if stance is not None:
                cited.update(e.source for e in stance.evidence)
    return len(cited)


def _names(ids: Sequence[str], names: dict[str, str]) -> str:
    shown = [names[i] for i in ids[:MAX_NAMED]]
    if len(ids) > MAX_NAMED:
        shown.append(f"{len(ids) - MAX_NAMED} more")
    return ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]


def _outcomes(outcomes: Iterable[str]) -> str:
    return ", ".join(outcomes)


def clashes(issue: Issue, held: Sequence[tuple[str, Stance]]) -> list[Clash]:
    """Every outcome some reject and others accept, and every excluded pair both asked for.

    Found per outcome rather than per pair of parties, so that many parties cost what they
    hold, not its square.
    """
    accepted: dict[str, list[str]] = {}
    rejected: dict[str, list[str]] = {}
    for pid, stance in held:
        for outcome in stance.accepts:
            accepted.setdefault(outcome, []).append(pid)
        for outcome in stance.rejects:
            rejected.setdefault(outcome, []).append(pid)
    out = [
        Clash(outcome, tuple(accepted[outcome]), tuple(rejected[outcome]))
        for outcome in issue.outcomes
        if outcome in accepted and outcome in rejected
    ]
    # Only the pairs the issue declares exclusive are looked at, so that an issue of many
    # outcomes costs what its exclusions say, not the square of its outcomes.
    place = {o: n for n, o in enumerate(o for o in issue.outcomes if o in accepted)}
    takers = {o: set(p) for o, p in accepted.items()}
    refusers = {o: set(p) for o, p in rejected.items()}
    for first, n in place.items():
        later = [o for o in issue.excludes.get(first, ()) if place.get(o, -1) > n]
        for second in sorted(later, key=place.__getitem__):
            # A party that asks for both is content with either: only the others clash.
            only_first = [p for p in accepted[first] if p not in takers[second]]
            only_second = [p for p in accepted[second] if p not in takers[first]]
            # Where one side already rejects the other's outcome, that rejection says it all.
            said = refusers.get(first, set()) >= set(only_second) or refusers.get(
                second, set()
            ) >= set(only_first)
            if only_first and only_second and not said:
                out.append(Clash(first, tuple(only_first), tuple(only_second), second))
    return out


def linked_clashes(
    issue: Issue,
    held: Sequence[tuple[str, Stance]],
    stances: Stances,
    issues: dict[str, Issue],
) -> list[Clash]:
    """Every clash across issues among the parties with a stance on ``issue`` (``held``).

    Where an outcome ``x`` some accept requires ``J/z``: the others that reject ``z`` on issue
    J, and, for each outcome of J that excludes ``z``, the others that accept it there (without
    ``z``); where ``x`` excludes ``J/z``: the others that accept ``z`` on J. A party that accepts
    ``x`` itself is on its side. A requirement stopped by an outcome that ``x`` excludes too is
    said once, as that exclusion. Only outcomes that are accepted and linked are looked at, so
    an issue costs what its links say.
    """
    takers: dict[str, list[str]] = {}
    for pid, stance in held:
        for outcome in stance.accepts:
            takers.setdefault(outcome, []).append(pid)
    out: list[Clash] = []

    def on(pid: str, iid: str) -> Stance | None:
        return stances[pid].get(iid)

    for x in issue.outcomes:
        required = issue.requires.get(x, frozenset())
        direct = issue.excludes_elsewhere.get(x, frozenset())
        if x not in takers or not (required or direct):
            continue
        side = set(takers[x])
        others = [pid for pid, _ in held if pid not in side]
        accepted_by = tuple(takers[x])
        for iid, z in sorted(required):
            if iid not in issues:
                continue
            rejecting = tuple(p for p in others if (s := on(p, iid)) and z in s.rejects)
            if rejecting:
                out.append(Clash(x, accepted_by, rejecting, link=Link("requires", iid, z)))
            excluding = issues[iid].excludes.get(z, frozenset())
            for w in (o for o in issues[iid].outcomes if o in excluding):
                if (iid, w) in direct:
                    continue  # said as x's own exclusion of w, below
                via = tuple(
                    p
                    for p in others
                    if p not in rejecting
                    and (s := on(p, iid))
                    and w in s.accepts
                    and z not in s.accepts
                )
                if via:
                    out.append(Clash(x, accepted_by, via, link=Link("requires", iid, z, w)))
        for iid, z in sorted(direct):
            against = tuple(p for p in others if (s := on(p, iid)) and z in s.accepts)
            if against:
                out.append(Clash(x, accepted_by, against, link=Link("excludes", iid, z)))
    return out


def untested_pairs(
    issue: Issue, held: Sequence[tuple[str, Stance]], limit: int = MAX_AGAINST
) -> tuple[tuple[tuple[str, str], ...], int]:
    """The pairs of different outcomes two parties ask for that nobody recorded compatible.

    A pair is two outcomes, each accepted by one of ``held``, a different party each (two
    outcomes only one party asks for are its alternatives, not a pair). Returned are the first
    ``limit`` pairs, in the issue's order, and how many more there are: counted, not listed,
    so that two parties asking for a thousand outcomes each cost a thousand, not a million.
    """
    takers = _takers(held)
    asked = [o for o in issue.outcomes if o in takers]
    # Every pair of asked outcomes, less those only one party asks for, less those checked.
    alone: dict[str, int] = {}
    for o in asked:
        if len(takers[o]) == 1:
            (only,) = takers[o]
            alone[only] = alone.get(only, 0) + 1
    total = len(asked) * (len(asked) - 1) // 2 - sum(n * (n - 1) // 2 for n in alone.values())
    total -= sum(_checked_apart(takers, c) for c in issue.compatible)
    first: list[tuple[str, str]] = []
    for n, a in enumerate(asked):
        if len(first) >= min(limit, total):
            break
        for m in range(n + 1, len(asked)):
            b = asked[m]
            if len(takers[a]) == 1 and takers[a] == takers[b]:
                continue
            if issue.checked(a, b) is None:
                first.append((a, b))
                if len(first) >= min(limit, total):
                    break
    return tuple(first), max(0, total - len(first))


def _takers(held: Sequence[tuple[str, Stance]]) -> dict[str, set[str]]:
    """Each outcome accepted by any of ``held``, and who accepts it."""
    takers: dict[str, set[str]] = {}
    for pid, stance in held:
        for outcome in stance.accepts:
            takers.setdefault(outcome, set()).add(pid)
    return takers


def _checked_apart(takers: dict[str, set[str]], check: Compatibility) -> bool:
    """Whether a check is of a pair asked for: one party asks for one, another the other."""
    if len(check.outcomes) != 2 or not all(o in takers for o in check.outcomes):
        return False
    a, b = sorted(check.outcomes)
    return not (len(takers[a]) == 1 and takers[a] == takers[b])


class Stoppers(NamedTuple):
    """The parties that stop a set of outcomes on one issue: the first few, and how many."""

    total: int
    first: tuple[str, ...]  # the first MAX_AGAINST + 1 of them, in the order compared


class Holders(NamedTuple):
    """Who, among the parties compared, accepts and who rejects each outcome of one issue."""

    place: dict[str, int]  # each party with a stance on the issue -> its place in the order
    accepts: dict[str, frozenset[str]]  # outcome -> the parties that accept it
    rejects: dict[str, frozenset[str]]
    # outcomes a condition names -> who stops them, found once for every condition naming them
    stoppers: dict[tuple[str, ...], Stoppers]

    @classmethod
    def of(cls, iid: str, parties: Sequence[Party]) -> "Holders":
        """The holders of ``parties``' stances on issue ``iid``."""
        accepts: dict[str, set[str]] = {}
        rejects: dict[str, set[str]] = {}
        place = {}
        for n, party in enumerate(parties):
            stance = party.stances.get(iid)
            if stance is None:
                continue
            place[party.id] = n
            for outcome in stance.accepts:
                accepts.setdefault(outcome, set()).add(party.id)
            for outcome in stance.rejects:
                rejects.setdefault(outcome, set()).add(party.id)
        return cls(
            place,
            {o: frozenset(p) for o, p in accepts.items()},
            {o: frozenset(p) for o, p in rejects.items()},
            {},
        )

    @classmethod
    def every(cls, parties: Sequence[Party]) -> dict[str, "Holders"]:
        """The holders of each issue ``parties`` have stances on, found in one pass over them.

        A matrix of many issues, each named by conditions, would otherwise go over every party
        once for each issue a condition names: quadratic (benchmarks/run.py, "sparse").
        """
        place: dict[str, dict[str, int]] = {}
        accepts: dict[str, dict[str, set[str]]] = {}
        rejects: dict[str, dict[str, set[str]]] = {}
        for n, party in enumerate(parties):
            for iid, stance in party.stances.items():
                place.setdefault(iid, {})[party.id] = n
                for outcome in stance.accepts:
                    accepts.setdefault(iid, {}).setdefault(outcome, set()).add(party.id)
                for outcome in stance.rejects:
                    rejects.setdefault(iid, {}).setdefault(outcome, set()).add(party.id)
        return {
            iid: cls(
                where,
                {o: frozenset(p) for o, p in accepts.get(iid, {}).items()},
                {o: frozenset(p) for o, p in rejects.get(iid, {}).items()},
                {},
            )
            for iid, where in place.items()
        }

    def stops(self, issue: Issue, wanted: str, pid: str) -> bool:
        """Whether ``pid`` stops ``wanted``: rejects it, or accepts what excludes it but not it."""
        none: frozenset[str] = frozenset()
        if pid in self.rejects.get(wanted, none):
            return True
        if pid in self.accepts.get(wanted, none):
            return False
        return any(pid in self.accepts.get(o, none) for o in issue.excludes.get(wanted, ()))

    def stopping(self, issue: Issue, outcomes: tuple[str, ...]) -> Stoppers:
        """Every party that stops one of ``outcomes``, counted, the first few named.

        Found once for all the conditions that name the same outcomes, and kept as a count and
        a few names, never as the whole set: many parties with the same condition cost what
        stops it once, not once each.
        """
        if outcomes not in self.stoppers:
            none: frozenset[str] = frozenset()
            against: set[str] = set()
            for wanted in outcomes:
                against |= self.rejects.get(wanted, none)
                for other in issue.excludes.get(wanted, ()):
                    against |= self.accepts.get(other, none) - self.accepts.get(wanted, none)
            first = heapq.nsmallest(MAX_AGAINST + 1, against, key=self.place.__getitem__)
            self.stoppers[outcomes] = Stoppers(len(against), tuple(first))
        return self.stoppers[outcomes]


def condition_status(
    issue: Issue, outcomes: tuple[str, ...], holders: Holders, pid: str
) -> tuple[ConditionStatus, tuple[str, ...], int]:
    """Whether the parties other than ``pid`` allow ``outcomes`` on ``issue``, and who stops them.

    A party stops an outcome if it rejects it, or accepts another that excludes it without
    accepting it too. Returned are the status, the first MAX_AGAINST parties that stop it (in
    the order compared) and how many more do. Worked out from who holds each outcome
    (Holders), not party by party, and at a cost that does not grow with the number of parties
    that do not stop it: a comparison of hundreds of parties, each with a condition on one
    issue, would otherwise be quadratic (benchmarks/run.py, "matrix of 700 parties" and the
    worst case "parties").
    """
    found = holders.stopping(issue, outcomes)
    count = found.total - any(holders.stops(issue, wanted, pid) for wanted in outcomes)
    if count:
        against = tuple(p for p in found.first if p != pid)[:MAX_AGAINST]
        return ConditionStatus.IN_CONFLICT, against, count - len(against)
    # The others are the parties with a stance but ``pid``; each outcome's takers are among
    # the parties with a stance, so the others all take it when the counts match.
    none: frozenset[str] = frozenset()
    others = len(holders.place) - (pid in holders.place)
    takers = (holders.accepts.get(o, none) for o in outcomes)
    if others and all(len(t) - (pid in t) == others for t in takers):
        return ConditionStatus.MET, (), 0
    return ConditionStatus.OPEN, (), 0


def conditions(
    held: Sequence[tuple[str, Stance]],
    compared: Sequence[Party],
    issues: dict[str, Issue],
    holders: dict[str, Holders] | None = None,
) -> list[Condition]:
    """The conditions on which the parties with a stance accept, each with its status.

    ``holders`` (Holders.every) saves finding them again for each issue compared.
    """
    out = []
    if holders is None:
        holders = {}
    for pid, stance in held:
        for iid, outcomes in stance.conditions.items():
            if iid not in holders:
                holders[iid] = Holders.of(iid, compared)
            status, against, left_out = condition_status(issues[iid], outcomes, holders[iid], pid)
            out.append(Condition(pid, iid, outcomes, status, against, left_out))
    return out


def relate(
    issue: Issue,
    parties: Sequence[Party],
    issues: dict[str, Issue] | None = None,
    holders: dict[str, Holders] | None = None,
) -> Verdict:
    """The relation of ``parties`` on ``issue``, with its one-line reason.

    ``issues`` (all the dataset's) is needed to judge conditions and links on other issues;
    without it neither is judged. ``holders`` (Holders.every of ``parties``) may be shared by
    the calls for one set of parties.
    """
    names = {p.id: p.name for p in parties}
    held = [(p.id, p.stances[issue.id]) for p in parties if issue.id in p.stances]
    silent = tuple(p.id for p in parties if issue.id not in p.stances)
    if len(held) < 2:
        reason = f"only one position recorded ({names[held[0][0]]})" if held else NO_POSITION
        return Verdict(Relation.UNKNOWN, reason, (), (), (), (), silent, len(held), None)
    stances = {p.id: p.stances for p in parties}
    accepted = [frozenset(s.accepts) for _, s in held]
    rejected = [frozenset(s.rejects) for _, s in held]
    common = tuple(o for o in issue.outcomes if all(o in a for a in accepted))
    refused = tuple(o for o in issue.outcomes if all(o in r for r in rejected))
    found = clashes(issue, held)
    if issues is not None:
        found += linked_clashes(issue, held, stances, issues)
    checked = conditions(held, parties, issues, holders) if issues is not None else []
    blocking = [c for c in checked if c.status is ConditionStatus.IN_CONFLICT]
    untested: tuple[tuple[str, str], ...] = ()
    untested_left_out = 0
    # Common acceptance is common ground whatever clashes elsewhere: a settlement on it suits
    # all. A shared refusal settles nothing, so it is common ground only where nothing clashes.
    if common or (refused and not found):
        if common:
            same = all(a == accepted[0] for a in accepted)
        else:
            same = not any(accepted) and all(r == rejected[0] for r in rejected)
        relation = Relation.AGREE if same else Relation.OVERLAP
        if blocking:
            relation = Relation.CONDITIONAL
    elif found:
        relation = Relation.CONFLICT
    else:
        untested, untested_left_out = untested_pairs(issue, held)
        relation = Relation.UNTESTED if untested else Relation.COMPLEMENTARY
    # A conflict on the issue itself says it all: links are named where nothing else clashes.
    direct = tuple(c for c in found if c.link is None)
    named = (direct or tuple(found)) if relation is Relation.CONFLICT else ()
    confidence = _confidence(relation, held, found, stances)
    if relation is Relation.UNTESTED:
        reason = untested_reason(untested, untested_left_out)
    elif relation is Relation.COMPLEMENTARY:
        reason = _complementary_reason(issue, held)
    else:
        reason = _reason(relation, names, held, common, refused, named, blocking)
    silent_note = ""
    if silent:
        everyone = {p.id: p.name for p in parties}
        listed = _names(silent, everyone)
        silent_note = f" (among {len(held)} of {len(parties)}; {NO_POSITION}: {listed})"
        reason += silent_note
    return Verdict(
        relation,
        reason,
        common,
        refused,
        tuple(found),
        tuple(checked),
        silent,
        len(held),
        confidence,
        named,
        _sources(held, named, blocking, stances),
        untested,
        untested_left_out,
        silent_note,
    )


def _complementary_reason(issue: Issue, held: Sequence[tuple[str, Stance]]) -> str:
    """Different asks that clash nowhere: the recorded checks, or that there is no pair."""
    takers = _takers(held)
    reasons = dict.fromkeys(c.reason for c in issue.compatible if _checked_apart(takers, c))
    if not reasons:
        # No two outcomes asked for: said as what the data holds, no clash coded.
        return "different asks; none rejected, no exclusion coded"
    return "different asks, checked compatible: " + "; ".join(reasons)


def _clash_reason(c: Clash, names: dict[str, str]) -> str:
    """One clash in words, its parties named."""
    if c.link is not None:
        side = f"{c.outcome} ({_names(c.accepted_by, names)}) {c.link.kind} {c.link.target}"
        if c.link.kind == "excludes":
            return f"{side} ({_names(c.against, names)})"
        if c.link.via is None:
            return f"{side}, rejected by {_names(c.against, names)}"
        return f"{side}, which {c.link.issue}/{c.link.via} ({_names(c.against, names)}) excludes"
    if c.excluded is None:
        return (
            f"{c.outcome}: accepted by {_names(c.accepted_by, names)}, "
            f"rejected by {_names(c.against, names)}"
        )
    return (
        f"{c.outcome} ({_names(c.accepted_by, names)}) excludes "
        f"{c.excluded} ({_names(c.against, names)})"
    )


def _reason(
    relation: Relation,
    names: dict[str, str],
    held: Sequence[tuple[str, Stance]],
    common: tuple[str, ...],
    refused: tuple[str, ...],
    found: Sequence[Clash],
    blocking: Sequence[Condition],
) -> str:
    """The reason of a conflict or of common ground in one line, from the data alone.

    Worded without verbs that agree with a party's name ("Western governments"), so that any
    name reads right.
    """
    every = "both" if len(held) == 2 else "all"
    if relation is Relation.CONFLICT:
        return "; ".join(_clash_reason(c, names) for c in found)
    shared = []
    if common:
        shared.append(f"{every} accept {_outcomes(common)}")
    if refused:
        shared.append(f"{every} reject {_outcomes(refused)}")
    reason = " and ".join(shared)
    if blocking:
        conditions = []
        by_party: dict[str, list[Condition]] = {}
        for c in blocking:
            by_party.setdefault(c.party, []).append(c)
        for party, own in by_party.items():
            if len(own) == 1:
                conditions.append(
                    f"{names[party]}'s on {own[0].issue}: {_outcomes(own[0].outcomes)}"
                )
            else:
                conditions.append(f"{names[party]}'s on {', '.join(c.issue for c in own)}")
        reason += ", but on conditions in conflict: " + "; ".join(conditions)
    return reason


def count(rows: Iterable[Row]) -> dict[Relation, Tally]:
    """How many issues fall under each relation, and over how many disputes.

    Issues of one dispute count as one dispute; an issue of no dispute is a dispute of its own.
    """
    issues = dict.fromkeys(Relation, 0)
    disputes: dict[Relation, set[str]] = {r: set() for r in Relation}
    for row in rows:
        if row.verdict is None:
            continue
        relation = row.verdict.relation
        issues[relation] += 1
        disputes[relation].add(row.issue.dispute or f"issue:{row.issue.id}")
    return {r: Tally(issues[r], len(disputes[r])) for r in Relation}


def rows(parties: Sequence[Party], issues: Iterable[Issue], dataset: Dataset) -> tuple[Row, ...]:
    """The comparison of ``parties`` on each of ``issues``.

    ``dataset`` is required: conditions are judged on its other issues, and disputes named from
    it, so that every view gives an issue the same relation.
    """
    everything = dataset.issues
    disputes = dataset.disputes
    out = []
    # Two parties' holders are found issue by issue (Holders.of) as conditions name them: a
    # diff compares many pairs, and each pair need not read every stance of the two.
    holders = Holders.every(parties) if len(parties) > 2 else None
    for issue in issues:
        stances = tuple(p.stances.get(issue.id) for p in parties)
        verdict = relate(issue, parties, everything, holders) if len(parties) >= 2 else None
        dispute = disputes.get(issue.dispute, issue.dispute) if issue.dispute else None
        out.append(Row(issue, stances, verdict, dispute))
    return tuple(out)


def pairwise(
    parties: Sequence[Party], issues: Sequence[Issue], dataset: Dataset
) -> tuple[tuple[PairSummary, ...], int]:
    """Each pair's summary and none left out; or, past MAX_PAIRED_PARTIES, none and how many."""
    if len(parties) > MAX_PAIRED_PARTIES:
        return (), len(parties) * (len(parties) - 1) // 2
    return pair_summaries(parties, issues, dataset), 0


def pair_summaries(
    parties: Sequence[Party], issues: Sequence[Issue], dataset: Dataset
) -> tuple[PairSummary, ...]:
    """For every pair of ``parties``, how many of ``issues`` fall under each relation."""
    everything = dataset.issues
    pairs = []
    for i, a in enumerate(parties):
        for b in parties[i + 1 :]:
            counts = dict.fromkeys(Relation, 0)
            for issue in issues:
                counts[relate(issue, (a, b), everything).relation] += 1
            pairs.append(PairSummary(a.id, b.id, counts))
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
                stances[iid] = stance._replace(evidence=strong)
        parties[pid] = party._replace(stances=stances)
    return dataset._replace(parties=parties)


def from_sources(dataset: Dataset, sources: Iterable[str]) -> Dataset:
    """The dataset as coded from ``sources`` only: what a coder of just those articles could code.

    Each stance keeps its quotes from them (a stance with none is dropped), and its salience and
    doubts only where they quote them; every other part of the file is kept.
    """
    wanted = frozenset(sources)
    parties = {}
    for pid, party in dataset.parties.items():
        stances = {}
        for iid, stance in party.stances.items():
            kept = tuple(e for e in stance.evidence if e.source in wanted)
            if kept:
                salience = stance.salience
                if salience is not None and salience.evidence.source not in wanted:
                    salience = None
                doubts = tuple(d for d in stance.doubts if d.source in wanted)
                stances[iid] = stance._replace(evidence=kept, salience=salience, doubts=doubts)
        parties[pid] = party._replace(stances=stances)
    return dataset._replace(parties=parties)


class Scope(NamedTuple):
    """What a view covers once --attribution and --relation are applied: the one scope step.

    ``parties`` and ``dataset`` are as the evidence filter leaves them; ``rows`` holds every issue
    compared (the counts cover them all), ``listed`` only those of the relations shown.
    ``filter`` says which issues' relations the evidence filter changed, and from what.
    """

    dataset: Dataset
    parties: tuple[Party, ...]
    issues: tuple[Issue, ...]
    rows: tuple[Row, ...]
    filter: Filter | None
    shown: frozenset[Relation] | None

    @property
    def listed(self) -> tuple[Row, ...]:
        """The rows of the relations shown (all of them without --relation)."""
        return tuple(r for r in self.rows if self.shown is None or r.relation in self.shown)


def scope(
    dataset: Dataset,
    parties: Sequence[Party] | None = None,
    issues: Sequence[Issue] | None = None,
    *,
    attribution: Attribution | None = None,
    relations: Iterable[Relation] = (),
) -> Scope:
    """``parties`` (default all) on ``issues`` (default all, in the file's order), scoped.

    With ``attribution``, only stances backed by quotes of that strength or stronger count, and
    the scope records each issue whose relation that changed, with its relation without the
    filter. With ``relations``, only rows of those relations are listed.
    """
    chosen = tuple(dataset.parties.values()) if parties is None else tuple(parties)
    picked = tuple(dataset.issues.values()) if issues is None else tuple(issues)
    if attribution is None:
        compared = rows(chosen, picked, dataset)
        return Scope(dataset, chosen, picked, compared, None, frozenset(relations) or None)
    before = {row.issue.id: row.relation for row in rows(chosen, picked, dataset)}
    source = at_least(dataset, attribution)
    before_parties, chosen = chosen, tuple(source.parties[p.id] for p in chosen)
    compared = rows(chosen, picked, source)
    changed = {r.issue.id: before[r.issue.id] for r in compared if r.relation != before[r.issue.id]}
    dropped = frozenset(
        (p.id, iid) for p, kept in zip(before_parties, chosen, strict=True)
        for iid in p.stances if iid not in kept.stances
    )  # fmt: skip
    filtered = Filter(attribution, changed, dropped)
    return Scope(source, chosen, picked, compared, filtered, frozenset(relations) or None)


def compare(
    dataset: Dataset,
    parties: Sequence[Party] | None = None,
    issues: Sequence[Issue] | None = None,
    *,
    attribution: Attribution | None = None,
    relations: Iterable[Relation] = (),
) -> Comparison:
    """Compare ``parties`` (default all) on ``issues`` (default all, in the file's order).

    ``attribution`` and ``relations`` scope it as scope() says; the counts still cover every
    issue compared.
    """
    s = scope(dataset, parties, issues, attribution=attribution, relations=relations)
    # Two parties' pair would repeat the counts: pairs are summarised from three parties on.
    pairs, left_out = pairwise(s.parties, s.issues, s.dataset) if len(s.parties) >= 3 else ((), 0)
    return Comparison(
        header=Header.of(dataset),
        parties=s.parties,
        rows=s.listed,
        counts=count(s.rows),
        pairs=pairs,
        pairs_left_out=left_out,
        filter=s.filter,
        shown=s.shown,
        within_camp=shared_camp(dataset, s.parties),
    )


def shared_camp(dataset: Dataset, parties: Sequence[Party]) -> Camp | None:
    """The camp every one of two or more ``parties`` belongs to, if they share one."""
    camps = {p.camp for p in parties}
    if len(parties) < 2 or len(camps) != 1:
        return None
    (camp,) = camps
    return None if camp is None else Camp(camp, dataset.camps.get(camp, camp))
