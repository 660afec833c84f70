"""The one registry of output formats: each command's --format choices and the dispatch to them.

A format names the result types (results.py) it renders and how to reach its renderer: a
``functools.singledispatch`` function with one implementation per result type, imported only
when the format is used (inside a function, so that ``--format json`` never pays for rich). A
command's choices are the formats that render its result type; tests/test_formats.py holds every
format's declared types against what its renderer registers, and renders every pair.

To add a format: a module in render/ with a ``render`` singledispatch function, a loader here
that imports it, and one entry in FORMATS.
"""

import os
from collections.abc import Callable
from typing import NamedTuple

from positions.errors import UsageError
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

Renderer = Callable[[Result], str]


class Format(NamedTuple):
    """An output format: the result types it renders, how to load its renderer, its files."""

    name: str
    renders: frozenset[type]
    load: Callable[[], Renderer]
    extensions: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    encoding: str = "utf-8"  # CSV's is utf-8-sig: the byte-order mark spreadsheets need
    terminal: bool = False  # laid out for a terminal; written to a file as its plain text

    def render(self, result: Result) -> str:
        """``result`` as this format's text (the terminal's: as 120 columns would show it)."""
        if type(result) not in self.renders:
            raise TypeError(f"the {self.name} format does not render {type(result).__name__}")
        return self.load()(result)


def _table() -> Renderer:
    from positions.render.table import render

    return render


def _json() -> Renderer:
    from positions.render.json import render

    return render


def _csv() -> Renderer:
    from positions.render.csv import render

    return render


def _markdown() -> Renderer:
    from positions.render.markdown import render

    return render


def _html() -> Renderer:
    from positions.render.html import render

    return render


def _text() -> Renderer:
    from positions.render.text import render

    return render


def _svg() -> Renderer:
    from positions.render.svg import render

    return render


_LISTS = {IssueList, PartyList, IssueDetail, Matrix, Agenda, Obstacles, Trades, SourcesReport, Diff}
_REPORTS = {Summary, Verification, LintReport, CoverageReport, Agreement, Quotes, Created}

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", frozenset({Comparison, *_LISTS, *_REPORTS}), _table, (".txt",),
               terminal=True),
        Format("json", frozenset({Comparison, *_LISTS, *_REPORTS}), _json,
               (".json",)),
        Format("csv", frozenset({Comparison, IssueList, IssueDetail, PartyList, SourcesReport}),
               _csv, (".csv",), encoding="utf-8-sig"),
        Format("markdown", frozenset({Comparison}), _markdown, (".md", ".markdown"),
               aliases=("md",)),
        Format("html", frozenset({Comparison}), _html, (".html", ".htm")),
        Format("svg", frozenset({Comparison, Matrix}), _svg, (".svg",)),
        Format("text", frozenset({LintReport}), _text),
    )
}  # fmt: skip


def register(fmt: Format) -> None:
    """Add ``fmt`` to the registry (how a new format, a test's toy one included, joins)."""
    FORMATS[fmt.name] = fmt


def choices(*kinds: type) -> list[str]:
    """The formats that render every one of ``kinds``: a command's --format choices."""
    return [name for name, f in FORMATS.items() if all(k in f.renders for k in kinds)]


def for_output(fmt: Format | None, output: str, kind: type, *, terminal: bool = True) -> Format:
    """The format given, else the one the output file's extension selects.

    The extension chooses among the formats that render ``kind`` (``.txt``: the table, as a
    120-column terminal shows it, where ``terminal`` allows it); standard output (``-``)
    without a format gets the terminal table where ``terminal`` allows it.
    """
    if fmt is not None:
        return fmt
    files = [f for f in choices(kind) if terminal or not FORMATS[f].terminal]
    if output == "-":
        if terminal and kind in FORMATS["table"].renders:
            return FORMATS["table"]
        raise UsageError(
            "writing to standard output needs --format; expected one of "
            + ", ".join(f for f in files if not FORMATS[f].terminal)
        )
    if os.path.isdir(output):
        raise UsageError(f"{output} is a folder; expected a file to write")
    suffix = os.path.splitext(output)[1].lower()
    for name in files:
        if suffix in FORMATS[name].extensions:
            return FORMATS[name]
    raise UsageError(
        f"cannot tell the format from '{output}'; use --format with one of " + ", ".join(files)
    )
