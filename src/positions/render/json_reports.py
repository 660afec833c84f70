"""The JSON of the coder's reports: validate, verify, lint, agreement, coverage, quote, init.

Each function gives a report's data; render/json.py registers them and writes the JSON.
"""

from __future__ import annotations

from typing import Any

from positions.model import Evidence
from positions.results import (
    Agreement,
    CoverageReport,
    Created,
    LintReport,
    Quotes,
    Score,
    Summary,
    Verification,
)


def summary_data(s: Summary) -> dict[str, Any]:
    """A valid file in counts."""
    return {"schema": "positions-validate/1", **s._asdict(), "valid": True}


def verification_data(v: Verification) -> dict[str, Any]:
    """Every quote found."""
    return {"schema": "positions-verify/1", **v._asdict(), "missing": []}


def lint_report_data(report: LintReport) -> dict[str, Any]:
    """Every finding, with the counts that decide the exit code."""
    return {
        "schema": "positions-lint/1",
        "data": report.header.data,
        "sources_read": report.with_sources,
        "errors": report.errors,
        "warnings": report.warnings,
        "noted": report.noted,
        "findings": [
            {
                "code": f.code,
                "check": f.check,
                "severity": "error" if f.error else "warning",
                "location": f.location,
                "message": f.message,
                "noted": f.noted,
            }
            for f in report.findings
        ],
    }


def _score(score: Score) -> dict[str, Any]:
    return {
        "units": score.units,
        "agreed": score.agreed,
        "percent": None if score.percent is None else round(score.percent, 1),
        "kappa": None if score.kappa is None else round(score.kappa, 3),
    }


def _quotes(evidence: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [
        {
            "source": e.source,
            "quote": e.quote,
            "speaker": e.speaker,
            "attribution": e.attribution.value,
        }
        for e in evidence
    ]


def agreement_data(a: Agreement) -> dict[str, Any]:
    """Two coders' agreement by kind of judgement, each disagreement, the relations, the quotes."""
    return {
        "schema": "positions-agreement/3",
        "first": a.first,
        "second": a.second,
        "sources": list(a.sources) or None,
        "outcomes": _score(a.outcomes),
        "firmness": _score(a.firmness),
        "attribution": _score(a.attribution),
        "conditions": _score(a.conditions),
        "stage": _score(a.stage),
        "salience": _score(a.salience),
        "exclusions": _score(a.exclusions),
        "disagreements": [d._asdict() for d in a.disagreements],
        "parties": list(a.parties),
        "relations": _score(a.relations),
        "relation_differences": [
            {
                "a": r.a,
                "b": r.b,
                "issue": r.issue,
                "first": r.first.value,
                "second": r.second.value,
                "causes": [d._asdict() for d in r.causes],
            }
            for r in a.relation_differences
        ],
        "quotes": [
            {
                "party": q.party,
                "issue": q.issue,
                "first": _quotes(q.first),
                "second": _quotes(q.second),
            }
            for q in a.quotes
        ],
    }


def coverage_report_data(report: CoverageReport) -> dict[str, Any]:
    """Every source's sentences, each with its reading, and the count that decides the exit."""
    return {
        "schema": "positions-coverage/1",
        "data": report.header.data,
        "sources_folder": report.folder,
        "candidates": report.candidates,
        "sources": [
            {
                "id": source.id,
                "title": source.title,
                "unreadable": source.unreadable,
                "quotes_not_found": source.not_found,
                "sentences": [
                    {
                        "number": s.number,
                        "reading": s.reading.value,
                        "text": s.text,
                        "cited_by": list(s.cited_by),
                        "set_aside": list(s.reasons),
                        "open": s.rest,
                        "parties": list(s.parties),
                        "cues": list(s.cues),
                    }
                    for s in source.sentences
                ],
            }
            for source in report.sources
        ],
    }


def quotes_data(q: Quotes) -> dict[str, Any]:
    """Each sentence found, its suggestions, and the evidence entry the terminal shows."""
    from positions.quoting import entry

    found = len(q.matches)
    return {
        "schema": "positions-quote/1",
        "source": q.source,
        "fragment": q.fragment,
        "matches": [
            {
                "line": m.line,
                "quote": m.quote,
                "speaker": m.speaker,
                "attribution": m.attribution.value,
                "why": m.why,
                "yaml": entry(q.source, m, 80, number=n, of=found),
            }
            for n, m in enumerate(q.matches, 1)
        ],
    }


def created_data(c: Created) -> dict[str, Any]:
    """The new dataset's folder and the files made in it."""
    return {"schema": "positions-init/1", **c._asdict(), "files": list(c.files)}
