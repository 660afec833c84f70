"""The terminal view of the matrix: a grid of issues by parties where it fits, blocks where not.

The grid's cells wrap within their columns (an id is never broken), so that it fits whenever
each party's column can hold its longest id; each issue's row is followed by its relation's
reason in one line, as in every other view.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from rich.text import Text

from positions.model import Stance
from positions.present import (
    ask_pieces,
    camp_line,
    changed_mark,
    left_out_note,
    no_position,
)
from positions.results import (
    NO_POSITION,
    Matrix,
    Relation,
    Row,
)

from .table_parts import (
    closing,
    heading,
    pair_lines,
    uncued,
)
from .terminal import (
    NARROW,
    firmness_mark,
    indent,
    legend_lines,
    paragraph,
    relation_word,
    shown_width,
    styled,
    wrap,
)
from .vocabulary import RELATION_STYLE

# A party with no position on the issue, in the grid: not the dot, which is the mark of a stance
# with no firmness cue.
NONE = "\u2013"
ISSUE_WIDTH = 24  # the issue column of the grid, at most (a longer name wraps)
GAP = 2  # the spaces between the grid's columns


def matrix_cell(stance: Stance | None, row: Row | None = None, party: str = "") -> Text:
    """A party's position in a matrix cell: its firmness mark and its outcomes' ids.

    Worded as every view words an ask (present.ask_pieces): ``rejects:`` before what it
    rejects, ``only if ISSUE:`` before what it accepts on conditions the reason does not name.
    """
    if stance is None:
        return Text(NONE, style="dim")
    pieces = ask_pieces(stance, row.issue, row, party, ids=True) if row else []
    body = Text.assemble(*(styled(p.text, "dim" if p.label else "") for p in pieces))
    return Text.assemble(firmness_mark(stance.firmness), " ", body)


def matrix_view(m: Matrix, width: int) -> Iterator[Text]:
    """Every party's position on every issue, coloured by the issue's relation; then the pairs.

    A grid where it fits the width, one block per issue where it does not; each issue with its
    relation's reason.
    """
    yield from heading(m.header, width)
    cells = [[matrix_cell(s, r, p.id) for p, s in zip(m.parties, r.stances, strict=True)]
             for r in m.rows]  # fmt: skip
    laid = grid(m, cells, width)
    if m.within_camp is not None:
        yield from paragraph(styled(camp_line(m.within_camp)), width)
    key = legend_lines(width, no_cue=uncued(m.rows))
    if laid:  # the grid marks a party with no position; the blocks name them
        none = Text.assemble((NONE, "dim"), f" {NO_POSITION}")
        if key[-1].cell_len + 2 + none.cell_len <= width:
            key[-1].append_text(Text.assemble("  ", none))
        else:
            key.append(none)
    yield from key
    yield Text()
    yield from laid or stacked(m, cells, width)
    if m.pairs:
        yield Text()
        yield from pair_lines(m.pairs, m.parties, width)
    if m.pairs_left_out:
        yield Text()
        yield from paragraph(styled(left_out_note(m.pairs_left_out), "dim"), width)
    yield Text()
    yield from closing(m.header, width, m.filter, (r.issue.id for r in m.rows))


def _longest_word(text: str) -> int:
    return max((cell_len(w) for w in text.split()), default=0)


def _widths(need: list[int], want: list[int], room: int) -> list[int] | None:
    """Column widths within ``room`` cells (gaps included), or None if they cannot fit.

    Each column gets what it needs (its longest word); the room left goes a share at a time
    to the columns that want more (to hold their cells on one line) until none does or the
    room is used up.
    """
    spare = room - sum(need) - GAP * (len(need) - 1)
    if spare < 0:
        return None
    widths = list(need)
    while spare > 0:
        short = [i for i, w in enumerate(widths) if w < want[i]]
        if not short:
            break
        share = max(1, spare // len(short))
        for i in short:
            more = min(share, want[i] - widths[i], spare)
            widths[i] += more
            spare -= more
    return widths


def grid(m: Matrix, cells: list[list[Text]], width: int) -> list[Text]:
    """The matrix as a grid of issues by parties, or nothing if it cannot fit ``width``.

    The left column holds each issue's name and, under it, its relation; the reason follows
    the row, across the whole width.
    """
    if width < NARROW or not m.parties:
        return []
    marks = [changed_mark(m.filter, r.issue.id) for r in m.rows]
    words = [(r.relation or Relation.UNKNOWN).value for r in m.rows]
    left_need = max(
        [*(_longest_word(r.issue.name) for r in m.rows), *map(len, words),
         *(_longest_word(k) for k in marks)],
        default=5,
    )  # fmt: skip
    left_want = max(
        [left_need, *(min(ISSUE_WIDTH, shown_width(r.issue.name)) for r in m.rows),
         *(min(ISSUE_WIDTH, len(k)) for k in marks)],
    )  # fmt: skip
    need = [
        max([_longest_word(p.name), *(2 + _longest_word(row[i].plain[2:]) for row in cells)])
        for i, p in enumerate(m.parties)
    ]
    want = [
        max([shown_width(p.name), *(row[i].cell_len for row in cells)])
        for i, p in enumerate(m.parties)
    ]
    # The issues' names as whole as the cells' longest words leave room for: they come first.
    first = max(left_need, min(left_want, width - sum(need) - GAP * len(need)))
    found = _widths([first, *need], [first, *want], width)
    if found is None:
        return []
    issue_width, *widths = found
    heads = [wrap(styled(p.name, "bold"), w) for p, w in zip(m.parties, widths, strict=True)]
    out = _side_by_side([[]], [issue_width + GAP], heads, widths)
    for row, row_cells, mark in zip(m.rows, cells, marks, strict=True):
        relation = row.relation or Relation.UNKNOWN
        left = [
            *wrap(styled(row.issue.name, "bold"), issue_width),
            Text(relation.value.upper(), RELATION_STYLE[relation]),
            *(wrap(Text(mark, "italic"), issue_width) if mark else []),
        ]
        columns = [
            _cell_lines(c, w, no_position(m.filter, p.id, row.issue.id))
            for p, c, w in zip(m.parties, row_cells, widths, strict=True)
        ]
        out.append(Text())
        out += _side_by_side([left], [issue_width + GAP], columns, widths)
        if row.verdict is not None:
            out += paragraph(styled(row.verdict.reason, "dim"), width, "  ")
    # A word wider than its column (a name with escapes shown) widens the grid: stack instead.
    return out if all(line.cell_len <= width for line in out) else []


def _cell_lines(cell: Text, width: int, missing: str) -> list[Text]:
    """A cell wrapped within its column, its later lines under the text after the mark."""
    if cell.plain == NONE and missing != NO_POSITION:
        return wrap(Text(missing, style="dim italic"), width)
    if cell.plain == NONE:
        return [cell]
    mark, body = cell[:2], cell[2:]
    return list(indent(wrap(body, width - 2), mark, "  "))


def _side_by_side(
    lead: list[list[Text]], lead_widths: list[int], columns: list[list[Text]], widths: list[int]
) -> list[Text]:
    """Columns of lines set side by side, each padded to its width and the gap after it."""
    blocks = [*lead, *columns]
    sizes = [*lead_widths, *(w + GAP for w in widths)]
    out = []
    for n in range(max(len(b) for b in blocks)):
        line = Text()
        for block, size in zip(blocks, sizes, strict=True):
            start = line.cell_len
            if n < len(block):
                line.append_text(block[n])
            line.pad_right(max(0, start + size - line.cell_len))
        line.rstrip()
        out.append(line)
    return out


def stacked(m: Matrix, cells: list[list[Text]], width: int) -> Iterator[Text]:
    """The matrix as one block per issue: its relation, each party's cell, then the reason."""
    for n, (row, row_cells) in enumerate(zip(m.rows, cells, strict=True)):
        relation = row.relation or Relation.UNKNOWN
        if n:
            yield Text()
        head = Text.assemble(styled(row.issue.name, "bold"), "  ", relation_word(relation))
        if mark := changed_mark(m.filter, row.issue.id):
            head.append(f"  {mark}", "italic")
        yield from paragraph(head, width)
        missing: dict[str, list[str]] = {}
        for party, stance, c in zip(m.parties, row.stances, row_cells, strict=True):
            if stance is None:
                missing.setdefault(no_position(m.filter, party.id, row.issue.id), []).append(
                    party.name
                )
            else:
                yield from paragraph(
                    Text.assemble(styled(party.name), ": ", c), width, "  ", "    "
                )
        for said, names in missing.items():
            yield from paragraph(styled(f"{said}: {', '.join(names)}", "dim"), width, "  ")
        if row.verdict is not None:  # the silent parties are named just above
            reason = row.verdict.reason.removesuffix(row.verdict.silent_note)
            yield from paragraph(styled(reason, "dim"), width, "  ")
