"""The terminal format: each result type's view, laid out for the width it is printed at.

The views live by family (table_compare, table_lists, table_matrix, table_reports) on the parts
they share (table_parts) and the layout (terminal). Each is a function of a result and a width
that yields lines of rich Text, laid out when printed: words are never broken, narrow terminals
get stacked blocks. Every piece of data goes in through ``terminal.styled``, as text, never as
console markup, with control and reordering characters made visible, so a summary or a quote
can neither style nor move the terminal.
"""

from __future__ import annotations

from functools import singledispatch

from rich.console import RenderableType

from positions.results import (
    Agenda,
    Agreement,
    Comparison,
    Detail,
    Diff,
    IssueDetail,
    IssueList,
    Matrix,
    PartyList,
    SourcesReport,
)

from .table_compare import cards, compact
from .table_lists import detail_view, issues_view, parties_view, sources_view
from .table_matrix import matrix_view
from .table_reports import (
    agenda_view,
    agreement_view,
    diff_view,
    lint_report,
    summary,
    verification,
)
from .terminal import View


@singledispatch
def render(result: object) -> RenderableType:
    """``result`` laid out for the terminal."""
    raise TypeError(f"no table for {type(result).__name__}")


@render.register
def _comparison(cmp: Comparison) -> RenderableType:
    """A comparison: at a glance by default, or in full (--full, --evidence, show)."""
    return View(compact if cmp.detail is Detail.SUMMARY else cards, cmp)


@render.register
def _issue_detail(detail: IssueDetail) -> RenderableType:
    return View(detail_view, detail)


@render.register
def _issue_list(listing: IssueList) -> RenderableType:
    return View(issues_view, listing)


@render.register
def _party_list(listing: PartyList) -> RenderableType:
    return View(parties_view, listing)


@render.register
def _matrix(m: Matrix) -> RenderableType:
    return View(matrix_view, m)


@render.register
def _agenda(plan: Agenda) -> RenderableType:
    return View(agenda_view, plan)


@render.register
def _sources(report: SourcesReport) -> RenderableType:
    return View(sources_view, report)


@render.register
def _diff(d: Diff) -> RenderableType:
    return View(diff_view, d)


@render.register
def _agreement(a: Agreement) -> RenderableType:
    return View(agreement_view, a)


# The one-line reports are plain text, never wrapped.
render.register(summary)
render.register(verification)
render.register(lint_report)
