"""JSON output for scripts: the ``positions-compare/1`` shape, and the dataset's lists."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from positions.comparison import Comparison, Row

if TYPE_CHECKING:
    from positions.analysis import AgendaItem, Diff, Matrix, SourceUse, WeakStance
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
    extra: dict[str, Any] = {}
    if cmp.changed is not None and row.issue.id in cmp.changed:
        before = cmp.changed[row.issue.id]
        extra["relation_unfiltered"] = before.value if before else None
    return {
        "id": row.issue.id,
        "name": row.issue.name,
        "relation": row.relation.value if row.relation else None,
        **extra,
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
        **({"attribution": cmp.attribution.value} if cmp.attribution else {}),
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


def issue_detail(cmp: Comparison) -> str:
    """One issue across the parties with a stance on it: the compare shape."""
    return comparison(cmp)


def matrix(m: Matrix) -> str:
    """The matrix: each party's stance summary per issue, and each pair's counts."""
    return _dump(
        {
            "schema": "positions-matrix/1",
            "data": m.dataset.path,
            "parties": [p.id for p in m.parties],
            "issues": [
                {
                    "id": issue.id,
                    "name": issue.name,
                    "stances": {
                        p.id: None
                        if (s := p.stances.get(issue.id)) is None
                        else {
                            "accepts": list(s.accepts),
                            "rejects": list(s.rejects),
                            "firmness": s.firmness.value,
                        }
                        for p in m.parties
                    },
                }
                for issue in m.issues
            ],
            "pairs": [
                {"parties": [p.a, p.b], "common": p.common, "conflict": p.conflict, "both": p.both}
                for p in m.pairs
            ],
        }
    )


def agenda(cmp: Comparison, items: list[AgendaItem]) -> str:
    """The agenda as a list of issues in order, with group and reason."""
    return _dump(
        {
            "schema": "positions-agenda/1",
            "data": cmp.dataset.path,
            **({"attribution": cmp.attribution.value} if cmp.attribution else {}),
            "parties": [p.id for p in cmp.parties],
            "agenda": [
                {
                    "place": item.place,
                    "issue": item.row.issue.id,
                    "relation": item.row.relation.value if item.row.relation else None,
                    "common": list(item.row.common),
                    "group": item.group,
                    "reason": item.reason,
                }
                for item in items
            ],
        }
    )


def sources(ds: Dataset, uses: list[SourceUse], weak: list[WeakStance]) -> str:
    """Each source's use, and the stances on thin evidence."""
    return _dump(
        {
            "data": ds.path,
            "sources": [u._asdict() for u in uses],
            "weak": [
                {"party": w.party, "issue": w.issue, "reasons": list(w.reasons)} for w in weak
            ],
        }
    )


def diff(d: Diff) -> str:
    """What changed between two data files."""
    return _dump(
        {
            "schema": "positions-diff/1",
            "old": d.old.path,
            "new": d.new.path,
            "issues": {"added": list(d.issues_added), "removed": list(d.issues_removed)},
            "outcomes": {
                "added": [{"issue": i, "outcome": o} for i, o in d.outcomes_added],
                "removed": [{"issue": i, "outcome": o} for i, o in d.outcomes_removed],
            },
            "parties": {"added": list(d.parties_added), "removed": list(d.parties_removed)},
            "stances": [c._asdict() for c in d.stances],
            "relations": [
                {
                    "parties": [r.a, r.b],
                    "issue": r.issue,
                    "before": r.before.value,
                    "after": r.after.value,
                }
                for r in d.relations
            ],
        }
    )
