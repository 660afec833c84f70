"""How far two coders' encodings of the same sources agree: percent agreement and Cohen's kappa.

Coded-data projects (PA-X, the Manifesto Project) establish a codebook's reliability this way:
two coders encode the same articles apart, and their encodings are compared unit by unit.

- **Outcomes**: for every party and issue that either coder gave a stance, every outcome of that
  issue (in either file) is one unit, coded ``accepts``, ``rejects`` or ``nothing``.
- **Firmness** and **attribution**: for every party and issue both coders gave a stance, the
  stance's firmness, and its evidence at its strongest quote.

Cohen's kappa is (p_o - p_e) / (1 - p_e): the agreement beyond what the two coders' own rates of
each category would give by chance. Where both used one category only (p_e = 1) and agree
throughout, kappa is 1. A kind with no unit has neither a percent nor a kappa; two files with no
party or no issue in common have nothing to compare, and are refused.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from positions.comparison import strength
from positions.errors import UsageError
from positions.model import Dataset, Stance
from positions.results import Agreement, Disagreement, Score


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


def agreement(first: Dataset, second: Dataset) -> Agreement:
    """The two encodings compared: outcomes, firmness and attribution, and each disagreement.

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
    parties = list(dict.fromkeys([*first.parties, *second.parties]))
    issues = list(dict.fromkeys([*first.issues, *second.issues]))
    outcome_codes: tuple[list[str], list[str]] = ([], [])
    firmness_codes: tuple[list[str], list[str]] = ([], [])
    attribution_codes: tuple[list[str], list[str]] = ([], [])
    disagreements: list[Disagreement] = []
    order = {iid: n for n, iid in enumerate(issues)}
    none: dict[str, Stance] = {}
    for pid in parties:
        held = first.parties[pid].stances if pid in first.parties else none
        holds = second.parties[pid].stances if pid in second.parties else none
        # The issues either coder gave the party a stance on, not every issue for every party:
        # many issues of one party each would cost issues x parties.
        for iid in sorted(held.keys() | holds.keys(), key=order.__getitem__):
            a, b = held.get(iid), holds.get(iid)
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
            if a is None or b is None:
                continue
            for kind, codes, values in (
                ("firmness", firmness_codes, (a.firmness.value, b.firmness.value)),
                ("attribution", attribution_codes, (strength(a).value, strength(b).value)),
            ):
                codes[0].append(values[0])
                codes[1].append(values[1])
                if values[0] != values[1]:
                    disagreements.append(Disagreement(kind, pid, iid, None, *values))
    return Agreement(
        first.path,
        second.path,
        kappa(*outcome_codes),
        kappa(*firmness_codes),
        kappa(*attribution_codes),
        tuple(disagreements),
    )
