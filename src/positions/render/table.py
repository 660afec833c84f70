"""The terminal format: each result type's view, laid out for the width it is printed at.

The views live by family (table_compare, table_lists, table_matrix, table_reports) on the parts
they share (table_parts) and the layout (terminal). Each is a function of a result and a width
that yields lines of rich Text, laid out when printed: words are never broken, narrow terminals
get stacked blocks. Every piece of data goes in through ``terminal.styled``, as text, never as
console markup, with control and reordering characters made visible, so a summary or a quote
can neither style nor move the terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial, singledispatch
from typing import Any, TextIO

from rich.text import Text

from positions.present import summary as present_summary
from positions.present import verification as present_verification
from positions.render import Detail
from positions.results import (
    Agenda,
    Agreement,
    Comparison,
    CoverageReport,
    Created,
    Diff,
    IssueDetail,
    IssueList,
    LintReport,
    Matrix,
    Obstacles,
    PartyList,
    Quotes,
    Result,
    SourcesReport,
    Summary,
    Trades,
    Verification,
)
from positions.text import for_terminal

from .table_compare import cards, compact
from .table_lists import detail_view, issues_view, parties_view, sources_view
from .table_matrix import matrix_view
from .table_negotiation import obstacles_view, trades_view
from .table_reports import agenda_view, agreement_view, coverage_view, diff_view, lint_view
from .table_workbench import created_view, quotes_view
from .terminal import View, lay_out

Renderer = Callable[[Any, Detail, TextIO | None], str]


@singledispatch
def render(result: Result, detail: Detail = Detail.SUMMARY, stream: TextIO | None = None) -> str:
    """``result`` laid out for the terminal ``stream``: its width, colours and encoding.

    Without ``stream``, the plain text a 120-column terminal would show (for a file). ``detail``
    says how much of a comparison to show; the other views have one level.
    """
    raise TypeError(f"no table for {type(result).__name__}")


@render.register
def _comparison(
    cmp: Comparison, detail: Detail = Detail.SUMMARY, stream: TextIO | None = None
) -> str:
    """At a glance by default, or in full (--full), with every quote (--evidence, show)."""
    if detail is Detail.SUMMARY:
        return lay_out(View(compact, cmp), stream)
    return lay_out(View(partial(cards, evidence=detail is Detail.EVIDENCE), cmp), stream)


@render.register
def _agreement(a: Agreement, detail: Detail = Detail.SUMMARY, stream: TextIO | None = None) -> str:
    """The scores, disagreements and relations; with every quote of each (--evidence)."""
    return lay_out(View(partial(agreement_view, evidence=detail is Detail.EVIDENCE), a), stream)


def _laid_out(view: Callable[[Any, int], Iterator[Text]]) -> Renderer:
    """A renderer showing ``view`` of a result, for a terminal."""

    def render_view(result: Any, _: Detail = Detail.SUMMARY, stream: TextIO | None = None) -> str:
        return lay_out(View(view, result), stream)

    return render_view


def _plain(report: Callable[[Any], str]) -> Renderer:
    """A renderer writing ``report`` of a result as it is, made safe for a terminal.

    Plain lines, never wrapped, so that editors and grep can use them.
    """

    def render_report(result: Any, _: Detail = Detail.SUMMARY, __: TextIO | None = None) -> str:
        return for_terminal(report(result))

    return render_report


for kind, renderer in (
    (IssueDetail, _laid_out(detail_view)),
    (IssueList, _laid_out(issues_view)),
    (PartyList, _laid_out(parties_view)),
    (SourcesReport, _laid_out(sources_view)),
    (Matrix, _laid_out(matrix_view)),
    (Agenda, _laid_out(agenda_view)),
    (Obstacles, _laid_out(obstacles_view)),
    (Trades, _laid_out(trades_view)),
    (Diff, _laid_out(diff_view)),
    (CoverageReport, _laid_out(coverage_view)),
    (Summary, _plain(lambda s: present_summary(s) + "\n")),
    (Verification, _plain(lambda v: present_verification(v) + "\n")),
    (LintReport, _laid_out(lint_view)),
    (Quotes, _laid_out(quotes_view)),
    (Created, _laid_out(created_view)),
):
    render.register(kind, renderer)
