"""JSON output for scripts: the ``positions-compare/1`` shape, and the dataset's lists."""

from __future__ import annotations

import json
from typing import Any

from positions.comparison import Comparison, Row
from positions.model import Dataset, Stance
from positions.text import json_safe

COMPARE_SCHEMA = "positions-compare/1"


def _dump(value: object) -> str:
    # One line: json's C encoder only serves output without indentation, and scripts and jq
    # do not need it (``jq .`` pretty-prints).
    return json_safe(json.dumps(value, ensure_ascii=False)) + "\n"


def stance_data(stance: Stance | None, dataset: Dataset) -> dict[str, Any] | None:
    """One stance as a JSON object, or None when the party has no stated position."""
    if stance is None:
        return None
    return {
        "summary": stance.summary,
        "accepts": list(stance.accepts),
        "rejects": list(stance.rejects),
        "firmness": stance.firmness.value,
        "evidence": [
            {
                "source": e.source,
                "source_title": dataset.sources[e.source].title,
                "quote": e.quote,
                "speaker": e.speaker,
                "attribution": e.attribution.value,
            }
            for e in stance.evidence
        ],
    }


def _row(row: Row, cmp: Comparison) -> dict[str, Any]:
    return {
        "id": row.issue.id,
        "name": row.issue.name,
        "relation": row.relation.value if row.relation else None,
        "common": list(row.common),
        "rejections": [
            {"by": r.by, "of": r.of, "outcomes": list(r.outcomes)} for r in row.rejections
        ],
        "stances": {
            party.id: stance_data(stance, cmp.dataset)
            for party, stance in zip(cmp.parties, row.stances, strict=True)
        },
    }


def comparison_data(cmp: Comparison) -> dict[str, Any]:
    """The comparison as plain data in the ``positions-compare/1`` shape."""
    return {
        "schema": COMPARE_SCHEMA,
        "data": cmp.dataset.path,
        "parties": [p.id for p in cmp.parties],
        "issues": [_row(row, cmp) for row in cmp.rows],
        "counts": {relation.value: n for relation, n in cmp.counts.items()},
        "pairs": [
            {"parties": [p.a, p.b], "counts": {r.value: n for r, n in p.counts.items()}}
            for p in cmp.pairs
        ],
    }


def comparison(cmp: Comparison, *, evidence: bool = True) -> str:
    """The comparison as JSON text; evidence is always included."""
    return _dump(comparison_data(cmp))


def issues_list(dataset: Dataset) -> str:
    """Every issue with its question, outcomes and the parties that have a stance on it."""
    return _dump(
        [
            {
                "id": issue.id,
                "name": issue.name,
                "question": issue.question,
                "outcomes": issue.outcomes,
                "parties": [p.id for p in dataset.parties.values() if issue.id in p.stances],
            }
            for issue in dataset.issues.values()
        ]
    )


def parties_list(dataset: Dataset) -> str:
    """Every party with its aliases and the issues it has a stance on."""
    return _dump(
        [
            {
                "id": party.id,
                "name": party.name,
                "aliases": list(party.aliases),
                "stances": list(party.stances),
            }
            for party in dataset.parties.values()
        ]
    )
