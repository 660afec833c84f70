"""Laying text out for a terminal of any width: words never broken, colours only for relations.

rich folds a word that does not fit its column, which breaks ids (``security-guara/ntees``) that
users type after ``--issue``. The views here lay their own lines out instead: text is broken
only at spaces, a word longer than the line stands whole on its own, and below ``NARROW``
columns a view stacks its parts instead of squeezing them side by side.

What a relation or a firmness looks like is render.vocabulary's, shared with SVG and HTML. On a
terminal that cannot show typographic punctuation or the firmness marks, each view folds them to
ASCII after its layout (``ASCII``), so the columns stay aligned.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.text import Text

from positions.model import Firmness
from positions.results import Relation
from positions.text import TYPOGRAPHY, visible

from .vocabulary import (
    FIRMNESS_ASCII,
    FIRMNESS_MARK,
    FIRMNESS_STYLE,
    FIRMNESS_WORD,
    LEGEND,
    RELATION_STYLE,
)

NARROW = 60  # below this many columns, views stack instead of placing parts side by side

# Typographic punctuation and the firmness marks as a terminal that is not UTF-8 shows them.
ASCII = {**TYPOGRAPHY, **str.maketrans({FIRMNESS_MARK[f]: a for f, a in FIRMNESS_ASCII.items()})}

# A word, and a separating " ·" after it: a line may end with the dot, never begin with it.
_WORD = re.compile("\\S+(?: \u00b7(?= |$))?", re.MULTILINE)


def styled(text: str, style: str = "") -> Text:
    """Data as rich Text: control and reordering characters made visible, never markup."""
    return Text(visible(text), style=style)


def relation_word(relation: Relation) -> Text:
    """The relation in capitals, in its colour: the word carries it, the colour repeats it."""
    return Text(relation.value.upper(), style=RELATION_STYLE[relation])


def firmness_mark(firmness: Firmness) -> Text:
    """A stance's firmness as its mark, in bold for a red line."""
    return Text(FIRMNESS_MARK[firmness], style=FIRMNESS_STYLE[firmness])


def legend(*, no_cue: bool = False) -> Text:
    """The key to the firmness marks; ``no cue``'s only where a stance shown has it."""
    out = Text("firmness: ", style="dim")
    for i, item in enumerate(_legend_items(no_cue=no_cue)):
        if i:
            out.append("  ")
        out.append_text(item)
    return out


def legend_lines(width: int, *, no_cue: bool = False) -> list[Text]:
    """The key to the firmness marks in lines of ``width``, never between a mark and its word."""
    lines = [Text("firmness:", style="dim")]
    for item in _legend_items(no_cue=no_cue):
        gap = 1 if len(lines) == 1 and lines[0].plain == "firmness:" else 2
        if lines[-1].cell_len + gap + item.cell_len <= width:
            lines[-1].append(" " * gap)
            lines[-1].append_text(item)
        else:
            lines.append(item)
    return lines


def _legend_items(*, no_cue: bool) -> list[Text]:
    """Each firmness keyed: its mark and its word."""
    keyed = (*LEGEND, Firmness.NO_CUE) if no_cue else LEGEND
    return [Text.assemble(firmness_mark(f), f" {FIRMNESS_WORD[f]}") for f in keyed]


def wrap(text: Text, width: int) -> list[Text]:
    """``text`` in lines of at most ``width`` cells, broken only at white space.

    A word longer than ``width`` is not broken: it stands whole on a line of its own.
    """
    width = max(width, 1)
    plain = text.plain
    bounds: list[tuple[int, int]] = []  # each line's start and end in ``plain``
    for block in re.finditer(r"[^\n]*", plain):
        if block.start() > 0 and plain[block.start() - 1] != "\n":
            continue  # finditer's empty match right after a paragraph
        start = end = block.start()
        for word in _WORD.finditer(plain, block.start(), block.end()):
            if start == end:
                start, end = word.start(), word.end()
            elif cell_len(plain[start : word.end()]) <= width:
                end = word.end()  # the line as written, with its own spaces, still fits
            else:
                bounds.append((start, end))
                start, end = word.start(), word.end()
        bounds.append((start, end))
    # One division of the whole text, not a slice per line: slicing a rich Text copies all of
    # it, which made a 1 MB quote cost its length squared (2.3 s of 2.5 s at 500 kB).
    offsets = sorted({n for line in bounds for n in line if 0 < n < len(plain)})
    pieces = text.divide(offsets)
    piece_at = {start: i for i, start in enumerate([0, *offsets])}
    return [pieces[piece_at[start]] if start < end else Text() for start, end in bounds]


def indent(lines: Iterable[Text], first: Text | str, rest: str) -> Iterator[Text]:
    """Lines with ``first`` before the first and ``rest`` (spaces) before the others."""
    for n, line in enumerate(lines):
        head = first if n == 0 else rest
        yield Text.assemble(head, line)


def shown_width(text: str) -> int:
    """How many cells ``text`` takes on a terminal, its control characters shown as escapes."""
    return cell_len(visible(text))


def beside(left: list[Text], left_width: int, right: list[Text]) -> Iterator[Text]:
    """Two columns of lines side by side, the left padded to ``left_width`` cells."""
    for n in range(max(len(left), len(right))):
        line = left[n].copy() if n < len(left) else Text()
        if n < len(right):
            # At least a space: a word wider than its column (a hostile name, shown with its
            # escapes) must not run into the next column.
            line.pad_right(max(1, left_width - line.cell_len))
            line.append_text(right[n])
        yield line


class Lines:
    """A renderable that lays its lines out for the width it is printed at."""

    def lines(self, width: int) -> Iterator[Text]:
        """The lines for a terminal ``width`` columns wide."""
        raise NotImplementedError

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for laid in self.lines(options.max_width):
            line = laid
            if options.ascii_only:  # folded after the layout: each character stays one cell
                line = Text(laid.plain.translate(ASCII), laid.style, spans=laid.spans)
            line.end = "\n"
            line.no_wrap = True
            line.overflow = "ignore"
            yield line


class View(Lines):
    """A view, laid out when it is printed, for the width it is printed at."""

    def __init__(self, view: Callable[[Any, int], Iterator[Text]], result: object) -> None:
        self.view = view
        self.result = result

    def lines(self, width: int) -> Iterator[Text]:
        """The view's lines at ``width``."""
        return self.view(self.result, width)


def paragraph(text: Text | str, width: int, first: str = "", rest: str | None = None) -> list[Text]:
    """``text`` wrapped to ``width``, after ``first`` on its first line and ``rest`` after."""
    body = text if isinstance(text, Text) else styled(text)
    gap = len(first) if rest is None else len(rest)
    return list(indent(wrap(body, width - gap), first, " " * gap if rest is None else rest))


def lay_out(renderable: RenderableType, stream: TextIO | None = None) -> str:
    """``renderable`` as the terminal ``stream`` shows it: its width, colours and encoding.

    Without ``stream``, as the plain text a 120-column terminal would show, for a file. rich
    only looks at ``stream``; the text is returned, for the output edge to write (and report
    any failure to write).
    """
    if stream is None:
        out = console(io.StringIO(), width=120, color=False)
    else:
        out = console(_StandIn(stream))  # type: ignore[arg-type]  # as much of a TextIO as rich uses
    if isinstance(renderable, Lines) and out.color_system is None:
        # Without colours rich would only copy each line's text, at some 30 us a line: 3.6 s of
        # the 5.7 s that 'issues ID' takes on an issue of 100,000 outcomes, and a third of
        # the table's start-up in a pipe (benchmarks/README.md). The same text, joined here.
        options = out.options
        plain = (line.plain for line in renderable.lines(options.max_width))
        if options.ascii_only:
            plain = (line.translate(ASCII) for line in plain)
        return "".join(f"{line}\n" for line in plain)
    with out.capture() as captured:
        out.print(renderable, crop=False)  # a word too long for the terminal is shown whole
    return captured.get()


class _StandIn:
    """``stream`` as rich sees it (a terminal or not, its size, its encoding), never written to.

    rich writes to its file when a capture ends, where a failure to write would escape the
    output edge, which alone writes and reports; the text is what ``Console.capture`` holds.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.encoding = getattr(stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        """Nothing to do: nothing was written."""

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()


def console(file: TextIO, *, width: int | None = None, color: bool = True) -> Console:
    """A rich console that prints data as written: no markup, no emoji, no highlighting.

    Without ``color`` (a file), no colour or style codes whatever FORCE_COLOR says.
    """
    return Console(
        file=file,
        width=width if width is not None else _columns(file),
        color_system="auto" if color else None,
        force_terminal=None if color else False,
        highlight=False,
        emoji=False,
        markup=False,
    )


def _columns(file: TextIO) -> int | None:
    """The width when COLUMNS is set but not a positive number: as if it were unset.

    rich would lay out 0 columns for COLUMNS=0 and print nothing; None lets rich read COLUMNS.
    """
    columns = os.environ.get("COLUMNS")
    if columns is None or (columns.isdigit() and int(columns) > 0):
        return None
    with contextlib.suppress(OSError, ValueError, AttributeError):  # not a terminal after all
        if file.isatty():
            return os.get_terminal_size(file.fileno()).columns or 80
    return 80
