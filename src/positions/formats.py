"""The one registry of output formats: each command's --format choices and the dispatch to them.

A format names the result types (results.py) it renders and where its renderer lives: a
``functools.singledispatch`` function with one implementation per result type, imported only
when the format is used, so that ``--format json`` never pays for rich. A command's choices are
the formats that render its result type; tests/test_formats.py holds every format's declared
types against what its renderer registers, and renders every pair.

To add a format: a module in render/ with a ``render`` singledispatch function, and one entry
here.
"""

import importlib
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from positions.errors import UsageError
from positions.results import (
    Agenda,
    Agreement,
    Comparison,
    Diff,
    IssueDetail,
    IssueList,
    LintReport,
    Matrix,
    PartyList,
    SourcesReport,
    Summary,
    Verification,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    Rendered = str | RenderableType
else:
    Rendered = object

Renderer = Callable[[Any], Rendered]


class Format(NamedTuple):
    """An output format: the result types it renders, how to load its renderer, its files."""

    name: str
    renders: frozenset[type]
    load: Callable[[], Renderer]
    extensions: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    encoding: str = "utf-8"  # CSV's is utf-8-sig: the byte-order mark spreadsheets need
    terminal: bool = False  # laid out for a terminal; written to a file as its plain text

    def render(self, result: object) -> Rendered:
        """``result`` in this format: text, or a rich renderable for the terminal."""
        if type(result) not in self.renders:
            raise TypeError(f"the {self.name} format does not render {type(result).__name__}")
        return self.load()(result)


def _module(name: str) -> Callable[[], Renderer]:
    def load() -> Renderer:
        renderer: Renderer = importlib.import_module(f"positions.render.{name}").render
        return renderer

    return load


_LISTS = {IssueList, PartyList, IssueDetail, Matrix, Agenda, SourcesReport, Diff}
_REPORTS = {Summary, Verification, LintReport, Agreement}

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", frozenset({Comparison, *_LISTS, *_REPORTS}), _module("table"),
               terminal=True),
        Format("json", frozenset({Comparison, *_LISTS, *_REPORTS}), _module("json"),
               (".json",)),
        Format("csv", frozenset({Comparison}), _module("csv"), (".csv",),
               encoding="utf-8-sig"),
        Format("markdown", frozenset({Comparison}), _module("markdown"), (".md", ".markdown"),
               aliases=("md",)),
        Format("html", frozenset({Comparison}), _module("html"), (".html", ".htm")),
        Format("svg", frozenset({Comparison, Matrix}), _module("svg"), (".svg",)),
    )
}  # fmt: skip


def register(fmt: Format) -> None:
    """Add ``fmt`` to the registry (how a new format, a test's toy one included, joins)."""
    FORMATS[fmt.name] = fmt


def choices(*kinds: type, any_of: bool = False) -> list[str]:
    """The formats that render every one of ``kinds`` (or any, ``any_of``): --format choices."""
    test = any if any_of else all
    return [name for name, f in FORMATS.items() if test(k in f.renders for k in kinds)]


def named(name: str) -> Format:
    """The format called ``name`` or one of its aliases, in any case."""
    wanted = name.casefold()
    for fmt in FORMATS.values():
        if wanted == fmt.name or wanted in fmt.aliases:
            return fmt
    raise UsageError(f"no format '{name}'; expected one of {', '.join(FORMATS)}")


def for_output(
    fmt: Format | None, output: str, kinds: tuple[type, ...], *, terminal: bool = True
) -> Format:
    """The format given, else the one the output file's extension selects.

    The extension chooses among the file formats that render any of ``kinds``; standard output
    (``-``) without a format gets the terminal table where ``terminal`` allows it.
    """
    if fmt is not None:
        return fmt
    allowed = choices(*kinds, any_of=True)
    files = [f for f in allowed if not FORMATS[f].terminal]
    if output == "-":
        if terminal and all(k in FORMATS["table"].renders for k in kinds):
            return FORMATS["table"]
        raise UsageError(
            "writing to standard output needs --format; expected one of " + ", ".join(files)
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
