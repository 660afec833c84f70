"""CSV output: one row per issue and party, ready for a spreadsheet."""

from __future__ import annotations

import csv
import io
from functools import singledispatch

from positions.results import Comparison

HEADER = (
    "issue",
    "issue_name",
    "party",
    "party_name",
    "summary",
    "accepts",
    "rejects",
    "firmness",
    "relation",
    "reason",
    "confidence",
    "quote",
    "source",
    "source_title",
    "speaker",
    "attribution",
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str) -> str:
    """Guard a cell against formula injection (OWASP): prefix a leading = + - @ tab or CR with '."""
    return "'" + value if value.startswith(FORMULA_START) else value


def rows(cmp: Comparison) -> list[list[str]]:
    """The table as lists of cells, header first."""
    out = [list(HEADER)]
    for row in cmp.rows:
        verdict = row.verdict
        relation = verdict.relation.value if verdict else ""
        reason = verdict.reason if verdict else ""
        confidence = verdict.confidence.value if verdict and verdict.confidence else ""
        for party, stance in zip(cmp.parties, row.stances, strict=True):
            fields = [row.issue.id, row.issue.name, party.id, party.name]
            if stance is None:
                fields += ["", "", "", "", relation, reason, confidence, "", "", "", "", ""]
            else:
                first = stance.evidence[0]
                fields += [
                    stance.summary,
                    "; ".join(stance.accepts),
                    "; ".join(stance.rejects),
                    stance.firmness.value,
                    relation,
                    reason,
                    confidence,
                    first.quote,
                    first.source,
                    cmp.header.source_title(first.source),
                    first.speaker or "",
                    first.attribution.value,
                ]
            out.append([cell(f) for f in fields])
    return out


@singledispatch
def render(result: object) -> str:
    """``result`` as CSV text."""
    raise TypeError(f"no CSV for {type(result).__name__}")


@render.register
def comparison(cmp: Comparison) -> str:
    """The comparison as CSV text (RFC 4180, CRLF line ends, every field quoted when needed)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows(cmp))
    return buffer.getvalue()
