"""JSON output for scripts: the ``positions-compare/3`` shape, and the dataset's lists."""

from __future__ import annotations

import json
from functools import singledispatch
from typing import Any

from positions.model import Issue, Stance
from positions.results import (
    Agenda,
    Agreement,
    Camp,
    Clash,
    Comparison,
    CoverageReport,
    Created,
    Diff,
    Filter,
    Header,
    IssueDetail,
    IssueList,
    LintReport,
    Matrix,
    Obstacles,
    PartyList,
    Quotes,
    Relation,
    Row,
    SourcesReport,
    Summary,
    Trades,
    Verdict,
    Verification,
)
from positions.text import json_safe

from . import json_reports

COMPARE_SCHEMA = "positions-compare/3"


def _dump(value: object) -> str:
    # One line: json's C encoder only serves output without indentation, and scripts and jq
    # do not need it (``jq .`` pretty-prints).
    return json_safe(json.dumps(value, ensure_ascii=False)) + "\n"


@singledispatch
def render(result: object) -> str:
    """``result`` as one line of JSON."""
    raise TypeError(f"no JSON for {type(result).__name__}")


def _filter(filtered: Filter | None) -> dict[str, Any]:
    return {"attribution": filtered.attribution.value} if filtered else {}


def _unfiltered(filtered: Filter | None, issue: str) -> dict[str, Any]:
    """The relation without the filter, for an issue whose relation the filter changed."""
    if filtered is None or issue not in filtered.changed:
        return {}
    before = filtered.changed[issue]
    return {"relation_unfiltered": before.value if before else None}


def clash_data(clash: Clash) -> dict[str, Any]:
    """A clash: an outcome rejected by some that others accept, two that exclude, or a link."""
    if clash.link is not None:
        via = clash.link.via
        return {
            "kind": "linked",
            "outcome": clash.outcome,
            "link": clash.link.kind,
            "target": clash.link.target,
            "via": f"{clash.link.issue}/{via}" if via is not None else None,
            "accepted_by": list(clash.accepted_by),
            "against": list(clash.against),
        }
    if clash.excluded is None:
        return {
            "kind": "rejects",
            "outcome": clash.outcome,
            "accepted_by": list(clash.accepted_by),
            "rejected_by": list(clash.against),
        }
    return {
        "kind": "excludes",
        "outcomes": [clash.outcome, clash.excluded],
        "accepted_by": [list(clash.accepted_by), list(clash.against)],
    }


def verdict_data(verdict: Verdict | None) -> dict[str, Any]:
    """The relation, its reason and what it rests on (the relation is null for one party)."""
    if verdict is None:
        return {"relation": None}
    return {
        "relation": verdict.relation.value,
        "reason": verdict.reason,
        "confidence": verdict.confidence.value if verdict.confidence else None,
        "common": {"accepted": list(verdict.common), "rejected": list(verdict.refused)},
        "clashes": [clash_data(c) for c in verdict.clashes],
        "conditions": [
            {
                "party": c.party,
                "issue": c.issue,
                "outcomes": list(c.outcomes),
                "status": c.status.value,
                "against": list(c.against),
                "against_left_out": c.against_left_out,
            }
            for c in verdict.conditions
        ],
        "among": verdict.among,
        "silent": list(verdict.silent),
        "sources": verdict.sources,
        "untested": [list(pair) for pair in verdict.untested],
        "untested_left_out": verdict.untested_left_out,
    }


def _links(stance: Stance, issue: Issue) -> dict[str, dict[str, list[str]]]:
    """For each accepted outcome with links: what it requires and excludes on other issues."""
    out = {}
    for outcome in stance.accepts:
        requires = sorted(f"{i}/{o}" for i, o in issue.requires.get(outcome, ()))
        excludes = sorted(f"{i}/{o}" for i, o in issue.excludes_elsewhere.get(outcome, ()))
        if requires or excludes:
            out[outcome] = {"requires": requires, "excludes": excludes}
    return out


def stance_data(stance: Stance | None, header: Header, issue: Issue) -> dict[str, Any] | None:
    """One stance as a JSON object, or None when the party has no stated position."""
    if stance is None:
        return None
    salience = stance.salience
    return {
        "summary": stance.summary,
        "accepts": list(stance.accepts),
        "rejects": list(stance.rejects),
        "conditions": {iid: list(outcomes) for iid, outcomes in stance.conditions.items()},
        "firmness": stance.firmness.value,
        "note": stance.note,
        "stage": stance.stage.value if stance.stage is not None else None,
        "condition_stages": {i: s.value for i, s in stance.condition_stages.items()},
        "salience": None
        if salience is None
        else {
            "level": salience.level.value,
            "source": salience.evidence.source,
            "quote": salience.evidence.quote,
            "attribution": salience.evidence.attribution.value,
            "speaker": salience.evidence.speaker,
        },
        "links": _links(stance, issue),
        "sources": stance.source_count(),
        "doubts": [{"by": d.by, "source": d.source, "quote": d.quote} for d in stance.doubts],
        "joint_with": list(stance.joint),
        "coded_under": stance.coded_under,
        "evidence": [
            {
                "source": e.source,
                "source_title": header.source_title(e.source),
                "quote": e.quote,
                "speaker": e.speaker,
                "attribution": e.attribution.value,
            }
            for e in stance.evidence
        ],
    }


def _row(
    row: Row, parties: tuple[Any, ...], header: Header, filtered: Filter | None
) -> dict[str, Any]:
    return {
        "id": row.issue.id,
        "name": row.issue.name,
        "dispute": {"id": row.issue.dispute, "name": row.dispute} if row.issue.dispute else None,
        **verdict_data(row.verdict),
        **_unfiltered(filtered, row.issue.id),
        "stances": {
            party.id: stance_data(stance, header, row.issue)
            for party, stance in zip(parties, row.stances, strict=True)
        },
    }


def _camp(camp: Camp | None) -> dict[str, str] | None:
    return {"id": camp.id, "name": camp.name} if camp is not None else None


def comparison_data(cmp: Comparison) -> dict[str, Any]:
    """The comparison as plain data in the ``positions-compare/3`` shape (README, "JSON")."""
    return {
        "schema": COMPARE_SCHEMA,
        "data": cmp.header.data,
        **_filter(cmp.filter),
        **({"relations_shown": [r.value for r in Relation if r in cmp.shown]} if cmp.shown else {}),
        "parties": [p.id for p in cmp.parties],
        "within_camp": _camp(cmp.within_camp),
        "issues": [_row(row, cmp.parties, cmp.header, cmp.filter) for row in cmp.rows],
        "counts": {
            r.value: {"issues": t.issues, "disputes": t.disputes} for r, t in cmp.counts.items()
        },
        "pairs": [
            {"parties": [p.a, p.b], "counts": {r.value: n for r, n in p.counts.items()}}
            for p in cmp.pairs
        ],
        **({"pairs_left_out": cmp.pairs_left_out} if cmp.pairs_left_out else {}),
    }


@render.register
def comparison(cmp: Comparison) -> str:
    """The comparison as JSON text; evidence is always included."""
    return _dump(comparison_data(cmp))


@render.register
def issue_list(listing: IssueList) -> str:
    """Every issue with its question, outcomes and the parties that have a stance on it."""
    return _dump(
        {
            "schema": "positions-issues/1",
            "data": listing.header.data,
            "issues": [
                {
                    "id": issue.id,
                    "name": issue.name,
                    "question": issue.question,
                    "outcomes": issue.outcomes,
                    "parties": [p.id for p in holders],
                }
                for issue, holders in listing.issues
            ],
        }
    )


@render.register
def party_list(listing: PartyList) -> str:
    """Every party with its aliases and the issues it has a stance on."""
    return _dump(
        {
            "schema": "positions-parties/1",
            "data": listing.header.data,
            "parties": [
                {
                    "id": party.id,
                    "name": party.name,
                    "aliases": list(party.aliases),
                    "stances": list(party.stances),
                }
                for party in listing.parties
            ],
        }
    )


@render.register
def issue_detail(detail: IssueDetail) -> str:
    """One issue across the parties with a stance on it."""
    row = detail.row
    return _dump(
        {
            "schema": "positions-issue/1",
            "data": detail.header.data,
            "question": row.issue.question,
            "outcomes": row.issue.outcomes,
            "parties": [p.id for p in detail.parties],
            **_row(row, detail.parties, detail.header, None),
        }
    )


@render.register
def matrix(m: Matrix) -> str:
    """The matrix: each party's stance summary per issue, and each pair's counts."""
    return _dump(
        {
            "schema": "positions-matrix/1",
            "data": m.header.data,
            **_filter(m.filter),
            "parties": [p.id for p in m.parties],
            "within_camp": _camp(m.within_camp),
            "issues": [
                {
                    "id": row.issue.id,
                    "name": row.issue.name,
                    "relation": row.relation.value if row.relation else None,
                    **_unfiltered(m.filter, row.issue.id),
                    "reason": row.verdict.reason if row.verdict else None,
                    "stances": {
                        p.id: None
                        if s is None
                        else {
                            "accepts": list(s.accepts),
                            "rejects": list(s.rejects),
                            "firmness": s.firmness.value,
                        }
                        for p, s in zip(m.parties, row.stances, strict=True)
                    },
                }
                for row in m.rows
            ],
            "pairs": [
                {
                    "parties": [p.a, p.b],
                    "common": p.common,
                    "conflict": p.conflict,
                    "both": p.both,
                    "counts": {r.value: n for r, n in p.counts.items()},
                }
                for p in m.pairs
            ],
            **({"pairs_left_out": m.pairs_left_out} if m.pairs_left_out else {}),
        }
    )


@render.register
def agenda(plan: Agenda) -> str:
    """The agenda as a list of issues in order, with group and reason."""
    return _dump(
        {
            "schema": "positions-agenda/2",
            "data": plan.header.data,
            **_filter(plan.filter),
            "parties": [p.id for p in plan.parties],
            "within_camp": _camp(plan.within_camp),
            "not_on_agenda": [issue.id for issue in plan.unraised],
            "agenda": [
                {
                    "place": item.place,
                    "issue": item.row.issue.id,
                    "relation": item.row.relation.value if item.row.relation else None,
                    **_unfiltered(plan.filter, item.row.issue.id),
                    "stage": item.stage.value if item.stage else None,
                    "phase": item.phase,
                    "group": item.group,
                    "reason": item.reason,
                }
                for item in plan.items
            ],
        }
    )


@render.register
def obstacles(result: Obstacles) -> str:
    """What stands between parties and talks, stage by stage."""
    from . import json_negotiation  # its wording (present.py) is not the JSON path's to load

    return _dump(json_negotiation.obstacles_data(result))


@render.register
def trades(result: Trades) -> str:
    """Candidate trades between two parties, each a hypothesis with its quotes."""
    from . import json_negotiation

    return _dump(json_negotiation.trades_data(result))


@render.register
def sources(report: SourcesReport) -> str:
    """Each source's use, and the stances on thin evidence."""
    return _dump(
        {
            "schema": "positions-sources/1",
            "data": report.header.data,
            "sources": [u._asdict() for u in report.uses],
            "weak": [
                {"party": w.party, "issue": w.issue, "reasons": list(w.reasons)}
                for w in report.weak
            ],
            "stances": report.stances,
        }
    )


@render.register
def diff(d: Diff) -> str:
    """What changed between two data files."""
    return _dump(
        {
            "schema": "positions-diff/1",
            "old": d.old,
            "new": d.new,
            "issues": {"added": list(d.issues_added), "removed": list(d.issues_removed)},
            "outcomes": {
                "added": [{"issue": i, "outcome": o} for i, o in d.outcomes_added],
                "removed": [{"issue": i, "outcome": o} for i, o in d.outcomes_removed],
            },
            "parties": {"added": list(d.parties_added), "removed": list(d.parties_removed)},
            "stances": [c._asdict() for c in d.stances],
            "changed": [e._asdict() for e in d.edits],
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


# The coder's reports: their data is built in json_reports.py.
for kind, data in (
    (Summary, json_reports.summary_data),
    (Verification, json_reports.verification_data),
    (LintReport, json_reports.lint_report_data),
    (Agreement, json_reports.agreement_data),
    (CoverageReport, json_reports.coverage_report_data),
    (Quotes, json_reports.quotes_data),
    (Created, json_reports.created_data),
):
    render.register(kind, lambda result, data=data: _dump(data(result)))
