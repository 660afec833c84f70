"""How far two coders' encodings of the same sources agree: percent agreement and Cohen's kappa.

Coded-data projects (PA-X, the Manifesto Project) establish a codebook's reliability this way:
two coders encode the same articles apart, and their encodings are compared unit by unit.

- **Outcomes**: for every party and issue that either coder gave a stance, every outcome of that
  issue (in either file) is one unit, coded ``accepts``, ``rejects`` or ``nothing``.
- **Firmness**, **attribution** and **conditions**: for every party and issue both coders gave a
  stance, the stance's firmness, its evidence at its strongest quote, and its conditions (the
  issues they name and the outcomes on each, ``none`` for none).
- **Stage** and **salience** (where both files are positions/3: a positions/2 file cannot code
  them): for every party and issue both coders gave a stance, its stage and the stage of each
  condition both name, one unit each, ``none`` where not coded (a condition's disagreement
  written ``ISSUE: STAGE``); its salience level, ``unranked`` where not coded. A joint
  statement's copy is a stance of the party it is copied to, counted as any other.
- **Exclusions**: for every issue both files hold, the pairs of its outcomes that exclude each
  other (``none`` for none).
- **Relations**: for every pair of the parties compared (both files hold them) and every issue
  both files hold on which either coding gives the pair a relation other than unknown, whether
  the two codings give the same relation. A differing relation is traced to the units that
  differ on that issue for those two parties (and on the issues their conditions name).

Cohen's kappa is (p_o - p_e) / (1 - p_e): the agreement beyond what the two coders' own rates of
each category would give by chance. Where both used one category only (p_e = 1) and agree
throughout, kappa is 1. A kind with no unit has neither a percent nor a kappa; two files with no
party or no issue in common have nothing to compare, and are refused. The relations have no
kappa: they are computed from the units, not coded, and the pairs whose relations cannot differ
are counted, not related (below).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from positions.comparison import relate, strength
from positions.errors import UsageError
from positions.lint import can_code_v3
from positions.model import Dataset, Issue, Stage, Stance
from positions.results import (
    Agreement,
    Disagreement,
    QuotedStance,
    Relation,
    RelationDifference,
    Score,
)


def kappa(first: Sequence[str], second: Sequence[str]) -> Score:
    """Percent agreement and Cohen's kappa of two equally long codings of the same units."""
    units = len(first)
    agreed = sum(a == b for a, b in zip(first, second, strict=True))
    if not units:
        return Score(0, 0, None)
    observed = agreed / units
    counts_a, counts_b = Counter(first), Counter(second)
    expected = sum(counts_a[k] * counts_b[k] for k in counts_a) / units**2
    if expected == 1:
        return Score(units, agreed, 1.0)
    return Score(units, agreed, (observed - expected) / (1 - expected))


def _codes(stance: Stance | None) -> dict[str, str]:
    """Each outcome the stance names, coded ``accepts`` or ``rejects``; any other is nothing.

    A look-up, not a search of the stance's lists: an issue of N outcomes would cost N^2.
    """
    if stance is None:
        return {}
    return {**dict.fromkeys(stance.rejects, "rejects"), **dict.fromkeys(stance.accepts, "accepts")}


def conditions_text(stance: Stance) -> str:
    """A stance's conditions as one comparable text: ``ISSUE: OUTCOME, ...; ...``, or ``none``."""
    if not stance.conditions:
        return "none"
    return "; ".join(
        f"{iid}: {', '.join(sorted(o))}" for iid, o in sorted(stance.conditions.items())
    )


def exclusions_text(issue: Issue) -> str:
    """The outcomes of an issue that exclude each other as one comparable text: ``A~B, ...``.

    Each pair once (the loader makes exclusion symmetric), in alphabetical order, so that two
    files listing them in another order or direction read the same.
    """
    pairs = sorted({(a, b) for a, others in issue.excludes.items() for b in others if a < b})
    return ", ".join(f"{a}~{b}" for a, b in pairs) or "none"


def _staged(a: Stance, b: Stance) -> list[tuple[str, str | None, str, str]]:
    """The positions/3 units of two codings of one stance: ``(kind, condition, first, second)``.

    Its stage (``none`` where not coded); the stage of each condition both codings name, kind
    ``condition stage`` with the condition's issue; its salience level (``unranked`` where not
    coded).
    """
    units: list[tuple[str, str | None, str, str]] = [
        ("stage", None, _stage(a.stage), _stage(b.stage))
    ]
    units += [
        ("condition stage", iid, _stage(a.condition_stages.get(iid)),
         _stage(b.condition_stages.get(iid)))
        for iid in a.conditions
        if iid in b.conditions
    ]  # fmt: skip
    units.append(("salience", None, _level(a), _level(b)))
    return units


def _stage(stage: Stage | None) -> str:
    return stage.value if stage else "none"


def _level(stance: Stance) -> str:
    return stance.salience.level.value if stance.salience else "unranked"


_Reading = tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]] | None


def _reading(stance: Stance | None) -> _Reading:
    """What a relation reads of a stance: what it accepts, rejects, and on what conditions."""
    if stance is None:
        return None
    conditions = {iid: frozenset(o) for iid, o in stance.conditions.items()}
    return frozenset(stance.accepts), frozenset(stance.rejects), conditions


def _semantics(issue: Issue) -> tuple[object, ...]:
    """What a relation reads of an issue: its outcomes, exclusions, links, and checked pairs."""
    return (
        frozenset(issue.outcomes),
        issue.excludes,
        issue.excludes_elsewhere,
        issue.requires,
        frozenset(c.outcomes for c in issue.compatible),
    )


def _linked(issue: Issue) -> set[str]:
    """The other issues an issue's outcomes are linked to (requires, excludes elsewhere)."""
    return {
        iid
        for links in (issue.excludes_elsewhere, issue.requires)
        for pairs in links.values()
        for iid, _ in pairs
    }


def _common(first: Dataset, second: Dataset, parties: Sequence[str] | None) -> list[str]:
    """The parties whose relations are compared: ``parties``, else every one both files hold."""
    if parties is None:
        return [pid for pid in first.parties if pid in second.parties]
    for pid in parties:
        for data in (first, second):
            if pid not in data.parties:
                raise UsageError(
                    f"party '{pid}' is not in {data.path}, so its relations cannot be compared; "
                    f"expected a party both files hold"
                )
    if len(parties) < 2:
        raise UsageError(f"--parties names {len(parties)} party; expected two or more")
    return list(parties)


def agreement(first: Dataset, second: Dataset, parties: Sequence[str] | None = None) -> Agreement:
    """The two encodings compared unit by unit, each disagreement, and the relations they give.

    ``parties`` (ids both files hold, two or more) are those whose relations are compared, pair
    by pair; by default every party both files hold.

    UsageError if the two files have no party or no issue in common: they do not code the same
    things, and scores over what only one of them codes would say nothing of agreement.
    """
    for kind, mine, theirs in (
        ("party", first.parties, second.parties),
        ("issue", first.issues, second.issues),
    ):
        if not mine.keys() & theirs.keys():
            raise UsageError(
                f"{first.path} and {second.path} have no {kind} in common, so nothing to "
                f"compare; expected two codings of the same {kind} ids"
            )
    compared = _common(first, second, parties)
    every_party = list(dict.fromkeys([*first.parties, *second.parties]))
    issues = list(dict.fromkeys([*first.issues, *second.issues]))
    outcome_codes: tuple[list[str], list[str]] = ([], [])
    firmness_codes: tuple[list[str], list[str]] = ([], [])
    attribution_codes: tuple[list[str], list[str]] = ([], [])
    condition_codes: tuple[list[str], list[str]] = ([], [])
    stage_codes: tuple[list[str], list[str]] = ([], [])
    salience_codes: tuple[list[str], list[str]] = ([], [])
    staged = can_code_v3(first) and can_code_v3(second)
    exclusion_codes: tuple[list[str], list[str]] = ([], [])
    disagreements: list[Disagreement] = []
    quotes: dict[tuple[str, str], QuotedStance] = {}
    order = {iid: n for n, iid in enumerate(issues)}
    shared_issues = [iid for iid in first.issues if iid in second.issues]
    for iid in shared_issues:
        pair = (exclusions_text(first.issues[iid]), exclusions_text(second.issues[iid]))
        exclusion_codes[0].append(pair[0])
        exclusion_codes[1].append(pair[1])
        if pair[0] != pair[1]:
            disagreements.append(Disagreement("exclusions", None, iid, None, *pair))
    none: dict[str, Stance] = {}
    for pid in every_party:
        held = first.parties[pid].stances if pid in first.parties else none
        holds = second.parties[pid].stances if pid in second.parties else none
        # The issues either coder gave the party a stance on, not every issue for every party:
        # many issues of one party each would cost issues x parties.
        for iid in sorted(held.keys() | holds.keys(), key=order.__getitem__):
            a, b = held.get(iid), holds.get(iid)
            found = len(disagreements)
            outcomes = dict.fromkeys(
                [
                    *(first.issues[iid].outcomes if iid in first.issues else ()),
                    *(second.issues[iid].outcomes if iid in second.issues else ()),
                ]
            )
            codes_a, codes_b = _codes(a), _codes(b)
            for oid in outcomes:
                pair = (codes_a.get(oid, "nothing"), codes_b.get(oid, "nothing"))
                outcome_codes[0].append(pair[0])
                outcome_codes[1].append(pair[1])
                if pair[0] != pair[1]:
                    disagreements.append(Disagreement("outcome", pid, iid, oid, *pair))
            if a is not None and b is not None:
                units: list[tuple[str, tuple[list[str], list[str]], str, str, str | None]] = [
                    ("firmness", firmness_codes, a.firmness.value, b.firmness.value, None),
                    ("attribution", attribution_codes, strength(a).value, strength(b).value, None),
                    ("conditions", condition_codes, conditions_text(a), conditions_text(b), None),
                ]
                units += [
                    (kind, salience_codes if kind == "salience" else stage_codes, one, other, of)
                    for kind, of, one, other in (_staged(a, b) if staged else ())
                ]
                for kind, codes, one, other, of in units:
                    codes[0].append(one)
                    codes[1].append(other)
                    if one != other:
                        said = (one, other) if of is None else (f"{of}: {one}", f"{of}: {other}")
                        disagreements.append(Disagreement(kind, pid, iid, None, *said))
            if len(disagreements) > found:
                quotes[pid, iid] = QuotedStance(
                    pid, iid, a.evidence if a else (), b.evidence if b else ()
                )
    counted, differences = _relations(first, second, compared, shared_issues, disagreements)
    return Agreement(
        first.path,
        second.path,
        kappa(*outcome_codes),
        kappa(*firmness_codes),
        kappa(*attribution_codes),
        kappa(*condition_codes),
        kappa(*exclusion_codes),
        tuple(disagreements),
        tuple(compared),
        Score(counted, counted - len(differences), None),
        tuple(differences),
        tuple(quotes.values()),
        kappa(*stage_codes),
        kappa(*salience_codes),
    )


def _pairs(held: int, holds: int, both: int) -> int:
    """Pairs of parties with a stance in the first coding or in the second (counts of each)."""
    return (held * (held - 1) + holds * (holds - 1) - both * (both - 1)) // 2


def _relations(
    first: Dataset,
    second: Dataset,
    compared: list[str],
    issues: list[str],
    disagreements: Sequence[Disagreement],
) -> tuple[int, list[RelationDifference]]:
    """How many pairs and issues have a relation in either coding, and those that differ.

    A pair's relation on an issue reads the two stances on it, their stances on the issues
    their conditions name and the issue's outcomes are linked to, and those issues' outcomes,
    exclusions, links and recorded compatible pairs. A pair of parties of
    which neither reads differently in the two codings, on an issue whose (and whose conditions'
    issues') outcomes and exclusions are the same, has the same relation in both: such pairs
    are counted, not related. Only the pairs with a party that reads differently (or on an
    issue that does) are related, twice: relating every pair made the "parties" worst case
    (benchmarks/shapes.py, thousands of parties on four issues) cost its parties squared.
    """
    place = {pid: n for n, pid in enumerate(compared)}
    order = {iid: n for n, iid in enumerate(issues)}
    stances = [{pid: data.parties[pid].stances for pid in compared} for data in (first, second)]
    holders: list[dict[str, set[str]]] = [{}, {}]  # issue -> the parties compared holding one
    for n in (0, 1):
        for pid in compared:
            for iid in stances[n][pid]:
                holders[n].setdefault(iid, set()).add(pid)
    counted = sum(
        _pairs(len(held), len(holds), len(held & holds))
        for iid in issues
        for held, holds in [(holders[0].get(iid, set()), holders[1].get(iid, set()))]
    )
    candidates = _candidates(first, second, place, issues, stances, holders)
    by_place: dict[tuple[str | None, str], list[Disagreement]] = {}
    for d in disagreements:
        by_place.setdefault((d.party, d.issue), []).append(d)
    out = []
    for a, b, iid in sorted(candidates, key=lambda c: (place[c[0]], place[c[1]], order[c[2]])):
        was, is_ = (
            _relation(data, a, b, iid, holders[n].get(iid, set()))
            for n, data in enumerate((first, second))
        )
        if was is not is_:
            named_by = {
                j for n in (0, 1) for p in (a, b) if iid in stances[n][p]
                for j in stances[n][p][iid].conditions
            } | _linked(first.issues[iid]) | _linked(second.issues[iid])  # fmt: skip
            reads = [iid, *sorted(named_by - {iid}, key=lambda j: order.get(j, len(order)))]
            causes = [d for j in reads for p in (None, a, b) for d in by_place.get((p, j), ())]
            out.append(RelationDifference(a, b, iid, was, is_, tuple(causes)))
    return counted, out


def _candidates(
    first: Dataset,
    second: Dataset,
    place: dict[str, int],
    issues: list[str],
    stances: list[dict[str, dict[str, Stance]]],
    holders: list[dict[str, set[str]]],
) -> set[tuple[str, str, str]]:
    """The pairs of parties and the issues on which their relation may differ.

    Each party that reads differently, with every party holding a stance on an issue it holds
    one on; and every pair on an issue whose outcomes or exclusions differ (or those of an
    issue its stances' conditions name).
    """
    changed = [
        pid
        for pid in place
        if any(
            _reading(stances[0][pid].get(iid)) != _reading(stances[1][pid].get(iid))
            for iid in stances[0][pid].keys() | stances[1][pid].keys()
        )
    ]
    moved = {i for i in issues if _semantics(first.issues[i]) != _semantics(second.issues[i])}
    # issue -> the issues its stances' conditions name, and those its outcomes are linked to
    named: dict[str, set[str]] = {i: _linked(first.issues[i]) | _linked(second.issues[i])
                                  for i in issues}  # fmt: skip
    for n in (0, 1):
        for own in stances[n].values():
            for iid, stance in own.items():
                named.setdefault(iid, set()).update(stance.conditions)
    out: set[tuple[str, str, str]] = set()
    for iid in issues:
        if iid in moved or named.get(iid, set()) & moved:
            held = holders[0].get(iid, set()) | holders[1].get(iid, set())
            ids = sorted(held, key=place.__getitem__)
            out.update((a, b, iid) for n, a in enumerate(ids) for b in ids[n + 1 :])
    shared = set(issues)
    for a in changed:
        for iid in (stances[0][a].keys() | stances[1][a].keys()) & shared:
            for b in holders[0].get(iid, set()) | holders[1].get(iid, set()):
                if b != a:
                    out.add((a, b, iid) if place[a] < place[b] else (b, a, iid))
    return out


def _relation(data: Dataset, a: str, b: str, iid: str, holders: Iterable[str]) -> Relation:
    """The relation of parties ``a`` and ``b`` on issue ``iid`` in one coding."""
    if a not in holders or b not in holders:
        return Relation.UNKNOWN
    pair = (data.parties[a], data.parties[b])
    return relate(data.issues[iid], pair, data.issues).relation
