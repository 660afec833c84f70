"""The JSON of what stands between parties and talks, and of candidate trades.

Each function gives a view's data; render/json.py registers them and writes the JSON. Every
demand and block carries its ids and its sentence, as the terminal words it.
"""

from __future__ import annotations

from typing import Any

from positions.model import Ranking
from positions.present import STAGE_WORDS, block, demand
from positions.results import Demand, Obstacles, Trades


def _demand(d: Demand, result: Obstacles) -> dict[str, Any]:
    who = {p.id: p.name for p in result.parties}
    return {
        "party": d.party,
        "issue": d.issue,
        "accepts": list(d.accepts),
        "rejects": list(d.rejects),
        "condition_of": list(d.condition_of),
        "stage": d.stage.value if d.stage else None,
        "firmness": d.firmness.value if d.firmness is not None else None,
        "attribution": d.strength.value,
        "sources": d.sources,
        "says": demand(d, result.issues),
        "stopped_by": [
            {
                "party": b.party,
                "how": b.kind.value,
                "issue": b.issue,
                "outcome": b.outcome,
                "wanted": b.wanted,
                "says": block(b, result.issues, who, d),
            }
            for b in d.stopped_by
        ],
        "accepted_by": list(d.met_by),
        "no_position": list(d.silent),
        "asks_otherwise": list(d.elsewhere),
    }


def obstacles_data(result: Obstacles) -> dict[str, Any]:
    """Each stage's demands and who stops them; the first stage's stopped ones again, listed."""
    return {
        "schema": "positions-obstacles/1",
        "data": result.header.data,
        "parties": [p.id for p in result.parties],
        "stages": [
            {
                "stage": s.stage.value if s.stage else None,
                "name": STAGE_WORDS[s.stage],
                "demands": [_demand(d, result) for d in s.demands],
            }
            for s in result.stages
        ],
        "before_talks": [_demand(d, result) for d in result.first],
        "unanswered_before_talks": [_demand(d, result) for d in result.unanswered],
    }


def _ranking(r: Ranking) -> dict[str, Any]:
    return {
        "level": r.level.value,
        "source": r.evidence.source,
        "quote": r.evidence.quote,
        "attribution": r.evidence.attribution.value,
    }


def trades_data(result: Trades) -> dict[str, Any]:
    """Every ranked salience of the two, and the candidate trades with their quotes."""

    def trade(t: Any) -> dict[str, Any]:
        a_first, b_first, a_second, b_second = t.ranks
        return {
            "hypothesis": True,
            t.a: {"gets": t.a_gets, "gives": t.b_gets},
            t.b: {"gets": t.b_gets, "gives": t.a_gets},
            "salience": {
                t.a_gets: {t.a: _ranking(a_first), t.b: _ranking(b_first)},
                t.b_gets: {t.a: _ranking(a_second), t.b: _ranking(b_second)},
            },
        }

    return {
        "schema": "positions-trades/1",
        "data": result.header.data,
        "parties": [p.id for p in result.parties],
        "ranked": [
            {"party": r.party, "issue": r.issue, **_ranking(r.ranking)} for r in result.ranked
        ],
        "stances": sum(len(p.stances) for p in result.parties),
        "shared_issues": result.shared,
        "trades": [trade(t) for t in result.trades],
        "trades_not_listed": result.trades_not_listed,
        "left_out": [{**trade(t), "why": why} for t, why in result.left_out],
        "left_out_not_listed": result.left_out_not_listed,
    }
