"""The terminal view of the matrix: a grid of issues by parties where it fits, blocks where not."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text

from positions.model import Stance
from positions.present import (
    camp_line,
    changed_mark,
    left_out_note,
)
from positions.results import (
    NO_POSITION,
    Matrix,
    Relation,
)

from .table_parts import (
    closing,
    heading,
    pair_lines,
    uncued,
)
from .terminal import (
    firmness_mark,
    legend_lines,
    paragraph,
    relation_word,
    shown_width,
    styled,
    wrap,
)
from .vocabulary import RELATION_STYLE

# A cell with no stated position: not the dot, which is the mark of a stance with no firmness cue.
NO_STANCE = "\u2013"


def matrix_cell(stance: Stance | None) -> Text:
    """A party's position in a matrix cell: its firmness mark and its outcomes' ids."""
    if stance is None:
        return Text(NO_STANCE, style="dim")
    shown = ", ".join(stance.accepts) or "not " + ", ".join(stance.rejects)
    return Text.assemble(firmness_mark(stance.firmness), " ", styled(shown))


def matrix_view(m: Matrix, width: int) -> Iterator[Text]:
    """Every party's position on every issue, coloured by the issue's relation; then the pairs.

    A grid where it fits the width, one block per issue where it does not.
    """
    yield from heading(m.header, width)
    if m.within_camp is not None:
        yield from paragraph(styled(camp_line(m.within_camp)), width)
    yield from legend_lines(width, no_cue=uncued(m.rows))
    yield Text()
    cells = [[matrix_cell(s) for s in row.stances] for row in m.rows]
    yield from grid(m, cells, width) or stacked(m, cells, width)
    if m.pairs:
        yield Text()
        yield from pair_lines(m.pairs, m.parties, width)
    if m.pairs_left_out:
        yield Text()
        yield from paragraph(styled(left_out_note(m.pairs_left_out), "dim"), width)
    yield Text()
    yield from closing(m.header, width, m.filter, (r.issue.id for r in m.rows))


def grid(m: Matrix, cells: list[list[Text]], width: int) -> list[Text]:
    """The matrix as a grid of issues by parties, or nothing if it is wider than ``width``."""
    issue_width = min(28, max((shown_width(r.issue.name) for r in m.rows), default=5))
    marks = [changed_mark(m.filter, r.issue.id) for r in m.rows]
    relation_width = max(
        (len(r.relation.value) + (len(k) + 2 if k else 0)
         for r, k in zip(m.rows, marks, strict=True) if r.relation),
        default=7,
    )  # fmt: skip
    widths = [
        max([shown_width(p.name), *(c[i].cell_len for c in cells)]) for i, p in enumerate(m.parties)
    ]
    if issue_width + relation_width + sum(widths) + 2 * (len(widths) + 1) > width:
        return []
    head = Text(" " * (issue_width + relation_width + 4))
    for party, w in zip(m.parties, widths, strict=True):
        head.append_text(styled(party.name, "bold"))
        head.pad_right(w - shown_width(party.name) + 2)
    head.rstrip()
    out = [head]
    for row, row_cells, mark in zip(m.rows, cells, marks, strict=True):
        relation = row.relation or Relation.UNKNOWN
        left = wrap(styled(row.issue.name), issue_width)
        line = left[0].copy()
        line.pad_right(max(0, issue_width - line.cell_len) + 2)
        if mark:
            line.append(relation.value, RELATION_STYLE[relation])
            line.append(f"  {mark}".ljust(relation_width + 2 - len(relation.value)), "italic")
        else:
            line.append(relation.value.ljust(relation_width + 2), RELATION_STYLE[relation])
        for c, w in zip(row_cells, widths, strict=True):
            line.append_text(c)
            line.pad_right(w - c.cell_len + 2)
        line.rstrip()
        out += [line, *left[1:]]
    # A word wider than its column (an issue's name with escapes shown) widens the grid.
    return out if all(line.cell_len <= width for line in out) else []


def stacked(m: Matrix, cells: list[list[Text]], width: int) -> Iterator[Text]:
    """The matrix as one block per issue: its relation, then each party's cell."""
    for n, (row, row_cells) in enumerate(zip(m.rows, cells, strict=True)):
        relation = row.relation or Relation.UNKNOWN
        if n:
            yield Text()
        head = Text.assemble(styled(row.issue.name, "bold"), "  ", relation_word(relation))
        if mark := changed_mark(m.filter, row.issue.id):
            head.append(f"  {mark}", "italic")
        yield from paragraph(head, width)
        silent = []
        for party, stance, c in zip(m.parties, row.stances, row_cells, strict=True):
            if stance is None:
                silent.append(party.name)
            else:
                yield from paragraph(
                    Text.assemble(styled(party.name), ": ", c), width, "  ", "    "
                )
        if silent:
            yield from paragraph(styled(f"{NO_POSITION}: {', '.join(silent)}", "dim"), width, "  ")
