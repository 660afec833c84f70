"""CSV output in long form: one row per quote, the stance's fields repeated on each.

A stance backed by three quotes is three rows; a party with no position recorded on an issue is
one row with the stance's cells empty. So every quote is in the table, each with its own
source, speaker and attribution; a pivot table can count stances by ``quote_no == 1``
(``quote_count`` is the stance's number of quotes); and every party compared appears on every
issue, so the table shows whom it covers. ``evidence_filter`` and ``relations_shown`` say which
filters made it (empty: none). The columns added with positions/3 come last, so that a script
reading the earlier ones by place reads them as before: the stance's stage, its ranking's
level, its number of sources and of doubts, and the relation's number of sources.
"""

from __future__ import annotations

import csv
import io
from functools import singledispatch

from positions.model import Evidence, Party, Stance
from positions.present import prose
from positions.results import (
    Comparison,
    IssueDetail,
    IssueList,
    PartyList,
    Relation,
    Row,
    SourcesReport,
)
from positions.text import for_terminal

HEADER = (
    "issue",
    "issue_name",
    "dispute",
    "relation",
    "reason",
    "confidence",
    "party",
    "party_name",
    "firmness",
    "summary",
    "accepts",
    "rejects",
    "conditions",
    "note",
    "quote_no",
    "quote_count",
    "quote",
    "source",
    "source_title",
    "speaker",
    "attribution",
    "evidence_filter",
    "relations_shown",
    "stage",
    "salience",
    "sources",
    "doubts",
    "relation_sources",
)
# A cell whose first character, or first after white space, a spreadsheet reads as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LEADING_SPACE = " \t\r\n"


def formula_guarded(value: str) -> str:
    """Guard a cell against formula injection (OWASP): prefix it with ' if it could start one.

    Spreadsheets skip leading white space before a formula, so `` =1+1`` is guarded too.
    """
    value = for_terminal(value)  # a CSV file is read in terminals too: the same rule, tabs kept
    risky = value.startswith(FORMULA_START) or value.lstrip(_LEADING_SPACE).startswith(
        FORMULA_START[:4]
    )
    return "'" + value if risky else value


def _stance_cells(stance: Stance) -> list[str]:
    conditions = "; ".join(f"{iid}: {', '.join(oids)}" for iid, oids in stance.conditions.items())
    return [
        stance.firmness.value,
        prose(stance.summary),
        "; ".join(stance.accepts),
        "; ".join(stance.rejects),
        conditions,
        prose(stance.note or ""),
    ]


def _quote_cells(cmp: Comparison, number: int, stance: Stance, e: Evidence) -> list[str]:
    return [
        str(number),
        str(len(stance.evidence)),
        e.quote,
        e.source,
        cmp.header.source_title(e.source),
        e.speaker or "",
        e.attribution.value,
    ]


def _positions_3(stance: Stance | None, row: Row) -> list[str]:
    """The columns added with positions/3: the stance's stage, ranking, sources and doubts."""
    relation_sources = str(row.verdict.sources) if row.verdict and row.verdict.sources else ""
    if stance is None:
        return ["", "", "", "", relation_sources]
    return [
        stance.stage.value if stance.stage is not None else "",
        stance.salience.level.value if stance.salience is not None else "",
        str(stance.source_count()),
        str(len(stance.doubts)),
        relation_sources,
    ]


def _scope(cmp: Comparison) -> list[str]:
    return [
        cmp.filter.attribution.value if cmp.filter else "",
        "; ".join(r.value for r in Relation if r in cmp.shown) if cmp.shown is not None else "",
    ]


def _rows_of(
    cmp: Comparison, row: Row, party: Party, stance: Stance | None, scope: list[str]
) -> list[list[str]]:
    verdict = row.verdict
    issue = [
        row.issue.id,
        row.issue.name,
        row.dispute or "",
        verdict.relation.value if verdict else "",
        verdict.reason if verdict else "",
        verdict.confidence.value if verdict and verdict.confidence else "",
        party.id,
        party.name,
    ]
    added = _positions_3(stance, row)
    if stance is None:
        empty = [""] * (len(HEADER) - len(issue) - len(scope) - len(added))
        return [issue + empty + scope + added]
    fields = _stance_cells(stance)
    return [
        issue + fields + _quote_cells(cmp, n, stance, e) + scope + added
        for n, e in enumerate(stance.evidence, 1)
    ]


def rows(cmp: Comparison) -> list[list[str]]:
    """The table as lists of cells, header first: a row per quote, or per party without one."""
    out = [list(HEADER)]
    scope = _scope(cmp)
    for row in cmp.rows:
        for party, stance in zip(cmp.parties, row.stances, strict=True):
            out += (
                [formula_guarded(f) for f in r] for r in _rows_of(cmp, row, party, stance, scope)
            )
    return out


@singledispatch
def render(result: object) -> str:
    """``result`` as CSV text."""
    raise TypeError(f"no CSV for {type(result).__name__}")


def _written(table: list[list[str]]) -> str:
    """``table`` as CSV text (RFC 4180, CRLF line ends, a field quoted when it needs to be)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(table)
    return buffer.getvalue()


def _guarded(header: tuple[str, ...], body: list[list[str]]) -> list[list[str]]:
    return [list(header), *([formula_guarded(cell) for cell in row] for row in body)]


@render.register
def comparison(cmp: Comparison) -> str:
    """The comparison as CSV text: a row per quote (``rows``)."""
    return _written(rows(cmp))


@render.register
def issue_detail(detail: IssueDetail) -> str:
    """One issue's stances, as the comparison's table has them (the same columns)."""
    one = Comparison(detail.header, detail.parties, (detail.row,), {}, ())
    return _written(rows(one))


ISSUE_HEADER = (
    "issue",
    "issue_name",
    "question",
    "dispute",
    "dispute_name",
    "outcome",
    "outcome_description",
    "excludes",
    "parties_with_stance",
)


@render.register
def issue_list(listing: IssueList) -> str:
    """The issues in long form: a row per outcome, the issue's fields repeated on each."""
    body = [
        [
            issue.id,
            issue.name,
            issue.question,
            issue.dispute or "",
            listing.disputes.get(issue.dispute or "", ""),
            oid,
            description,
            "; ".join(sorted(issue.excludes.get(oid, ()))),
            "; ".join(p.id for p in holders),
        ]
        for issue, holders in listing.issues
        for oid, description in issue.outcomes.items()
    ]
    return _written(_guarded(ISSUE_HEADER, body))


PARTY_HEADER = ("party", "party_name", "aliases", "members", "stance_count", "issues")


@render.register
def party_list(listing: PartyList) -> str:
    """The parties, a row each: names, members, and the issues they have a stance on."""
    body = [
        [
            party.id,
            party.name,
            "; ".join(party.aliases),
            "; ".join(party.members),
            str(len(party.stances)),
            "; ".join(party.stances),
        ]
        for party in listing.parties
    ]
    return _written(_guarded(PARTY_HEADER, body))


SOURCES_HEADER = ("row", "source", "source_title", "stances", "quotes", "party", "issue", "why")


@render.register
def sources_report(report: SourcesReport) -> str:
    """A row per source (``row`` = source), then per stance on thin evidence (``row`` = thin)."""
    body = [["source", u.source, u.title, str(u.stances), str(u.quotes), "", "", ""]
            for u in report.uses]  # fmt: skip
    body += [["thin", "", "", "", "", w.party, w.issue, "; ".join(w.reasons)]
             for w in report.weak]  # fmt: skip
    return _written(_guarded(SOURCES_HEADER, body))
