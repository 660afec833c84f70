"""SVG output: a chart of parties by issues, drawn directly, not captured from a terminal.

Each cell shows what a party asks on an issue (its outcomes in plain words) with its firmness
mark; the cells of an issue are tinted in the colour of the relation among the parties, and the
relation and its reason close the row. Every cell carries a ``<title>`` tooltip with the
outcomes' descriptions and the quotes. The text is real text (it copies as written), every piece
of data is escaped, characters XML does not allow are shown as ``\\uXXXX``, and nothing is
fetched from anywhere.
"""

from __future__ import annotations

from functools import singledispatch
from xml.sax.saxutils import escape

from positions.model import Firmness, Issue, Party, Stance
from positions.present import (
    ask,
    camp_line,
    changed_mark,
    counts_line,
    data_line,
    filter_note,
    left_out_note,
    quote_source,
    shown_note,
)
from positions.results import (
    NO_POSITION,
    Camp,
    Comparison,
    Filter,
    Header,
    Matrix,
    PairSummary,
    Relation,
    Row,
)
from positions.text import visible

from .vocabulary import FIRMNESS_MARK, FIRMNESS_WORD, LEGEND, RELATION_COLOURS

WIDTH = 1000
MARGIN = 24
ISSUE_WIDTH = 200
RELATION_WIDTH = 140
FONT = 12.5
LINE = 16
PAD = 8


def xml(text: str) -> str:
    """Text made safe for an SVG: control, reordering and non-XML characters visible, escaped."""
    return escape(visible(text), {'"': "&quot;"})


def lines_of(text: str, width: float, size: float = FONT) -> list[str]:
    """``text`` broken at spaces into lines that fit ``width`` pixels (an estimate per char)."""
    per_line = max(8, int(width / (size * 0.56)))
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= per_line:
            out[-1] += " " + word
        else:
            out.append(word)
    return out or [""]


def _text(x: float, y: float, text: str, *, size: float = FONT, weight: str = "normal",
          fill: str = "#1b1b1b", anchor: str = "start") -> str:  # fmt: skip
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" '
        f'fill="{fill}" text-anchor="{anchor}">{xml(text)}</text>'
    )


def _tooltip(party: Party, stance: Stance | None, issue: Issue, header: Header) -> str:
    if stance is None:
        return f"{party.name} on {issue.name}: {NO_POSITION}"
    parts = [f"{party.name} on {issue.name} ({FIRMNESS_WORD[stance.firmness]}): {stance.summary}"]
    parts += [f"accepts: {issue.outcomes[o]} ({o})" for o in stance.accepts]
    parts += [f"rejects: {issue.outcomes[o]} ({o})" for o in stance.rejects]
    parts += [f"only if {i}: {', '.join(o)}" for i, o in stance.conditions.items()]
    parts += [f"\u201c{e.quote}\u201d \u2014 {quote_source(e, header)}" for e in stance.evidence]
    return "\n".join(parts)


def _cell_text(stance: Stance | None, row: Row, party: str) -> str:
    if stance is None:
        return NO_POSITION
    asked = ask(stance, row.issue, row, party)
    text = "; ".join(filter(None, [asked.accepts, f"not {asked.rejects}" if asked.rejects else ""]))
    if asked.conditions:
        text += f" (only if: {asked.conditions})"
    return f"{FIRMNESS_MARK[stance.firmness]} {text}"


def chart(
    header: Header,
    parties: tuple[Party, ...],
    rows: tuple[Row, ...],
    *,
    counts: str = "",
    filtered: Filter | None = None,
    shown: frozenset[Relation] | None = None,
    pairs: tuple[PairSummary, ...] = (),
    pairs_left_out: int = 0,
    camp: Camp | None = None,
) -> str:
    """The chart of ``rows`` (issues) by ``parties``, as a complete SVG document."""
    column = max(120.0, (WIDTH - 2 * MARGIN - ISSUE_WIDTH - RELATION_WIDTH) / max(len(parties), 1))
    width = 2 * MARGIN + ISSUE_WIDTH + RELATION_WIDTH + column * len(parties)
    body: list[str] = []
    y: float = MARGIN + 20
    body.append(_text(MARGIN, y, header.title, size=19, weight="bold"))
    names = ", ".join(p.name for p in parties)
    if camp is not None:
        names += f" ({camp_line(camp)})"
    for line in lines_of(f"{names}. {counts}" if counts else names, width - 2 * MARGIN, 13):
        y += 19
        body.append(_text(MARGIN, y, line, size=13, fill="#3d434a"))
    notes = []
    if filtered is not None:
        marked = sum(1 for r in rows if r.issue.id in filtered.changed)
        notes.append(filter_note(filtered, marked=marked, hidden=len(filtered.changed) - marked))
    notes += [shown_note(shown)] if shown is not None else []
    for note in notes:
        for line in lines_of(note, width - 2 * MARGIN, 12):
            y += 18
            body.append(_text(MARGIN, y, line, size=12, fill="#3d434a"))
    y += 22
    # The column heads, a long party name wrapped within its column.
    x: float = MARGIN + ISSUE_WIDTH
    body.append(_text(MARGIN, y, "Issue", weight="bold", fill="#3d434a"))
    heads = [lines_of(p.name, column - 2 * PAD) for p in parties]
    for head in heads:
        for n, line in enumerate(head):
            body.append(_text(x + PAD, y + n * LINE, line, weight="bold", fill="#3d434a"))
        x += column
    body.append(_text(x + PAD, y, "Relation", weight="bold", fill="#3d434a"))
    y += 8 + LINE * (max(map(len, heads), default=1) - 1)
    for row in rows:
        y = _row(body, row, parties, header, y, column, width, changed_mark(filtered, row.issue.id))
    y += 14
    no_cue = any(s is not None and s.firmness is Firmness.NO_CUE for r in rows for s in r.stances)
    y = _legend(body, y, width, no_cue=no_cue)
    name = {p.id: p.name for p in parties}
    for pair in pairs:
        y += 17
        counted = ", ".join(f"{n} {r.value}" for r, n in pair.counts.items() if n)
        body.append(_text(MARGIN, y, f"{name[pair.a]} \u2013 {name[pair.b]}: {counted}", size=12))
    if pairs_left_out:
        y += 17
        body.append(_text(MARGIN, y, left_out_note(pairs_left_out), size=12, fill="#5b6470"))
    y += 22
    body.append(_text(MARGIN, y, data_line(header), size=11, fill="#5b6470"))
    height = y + MARGIN
    title = xml(header.title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" '
        f"font-family=\"system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif\">\n"
        f"<title>{title}</title>\n"
        f'<rect width="100%" height="100%" fill="#ffffff"/>\n' + "\n".join(body) + "\n</svg>\n"
    )


def _row(
    body: list[str],
    row: Row,
    parties: tuple[Party, ...],
    header: Header,
    top: float,
    column: float,
    width: float,
    mark: str = "",
) -> float:
    """Draw one issue's row below ``top``; return where the next begins.

    ``mark``: ``* was ...`` where the evidence filter changed the issue's relation.
    """
    relation = row.relation or Relation.UNKNOWN
    ink, tint = RELATION_COLOURS[relation]
    issue_lines = lines_of(row.issue.name, ISSUE_WIDTH - 2 * PAD, FONT)
    cells = [
        lines_of(_cell_text(s, row, p.id), column - 2 * PAD, FONT - 0.5)
        for p, s in zip(parties, row.stances, strict=True)
    ]
    reason = row.verdict.reason if row.verdict else ""
    reason_lines = lines_of(reason, width - 2 * MARGIN - 2 * PAD, 11) if reason else []
    height = PAD * 2 + LINE * max([len(issue_lines) + 1, *map(len, cells), 3 if mark else 2])
    total = height + (len(reason_lines) * 14 + 6 if reason_lines else 0)
    y0 = top + 6
    body.append(f'<g class="issue" id="issue-{xml(row.issue.id)}">')
    body.append(
        f'<rect x="{MARGIN}" y="{y0:.1f}" width="{width - 2 * MARGIN:.1f}" height="{total:.1f}" '
        f'fill="#ffffff" stroke="#d6dae0"/>'
    )
    y = y0 + PAD + FONT
    for line in issue_lines:
        body.append(_text(MARGIN + PAD, y, line, weight="bold"))
        y += LINE
    body.append(_text(MARGIN + PAD, y, row.issue.id, size=11, fill="#5b6470"))
    x: float = MARGIN + ISSUE_WIDTH
    for party, stance, text in zip(parties, row.stances, cells, strict=True):
        fill = tint if stance is not None else "#ffffff"
        # A stated position has a solid border in the relation's colour, thicker for a red
        # line; no stated position, a dashed grey one.
        if stance is None:
            border = 'stroke="#c3c8cf" stroke-dasharray="3 3"'
        else:
            thick = 2.5 if stance.firmness is Firmness.RED_LINE else 1
            border = f'stroke="{ink}" stroke-width="{thick}"'
        body.append(f"<g><title>{xml(_tooltip(party, stance, row.issue, header))}</title>")
        body.append(
            f'<rect x="{x + 2:.1f}" y="{y0 + 3:.1f}" width="{column - 4:.1f}" '
            f'height="{height - 6:.1f}" rx="4" fill="{fill}" {border}/>'
        )
        y = y0 + PAD + FONT
        colour = "#1b1b1b" if stance is not None else "#5b6470"
        for line in text:
            body.append(_text(x + PAD, y, line, size=FONT - 0.5, fill=colour))
            y += LINE
        body.append("</g>")
        x += column
    body.append(f"<g><title>{xml(reason or relation.value)}</title>")
    body.append(_text(x + PAD, y0 + PAD + FONT, relation.value.upper(), size=12, weight="bold",
                      fill=ink))  # fmt: skip
    if row.verdict is not None and row.verdict.confidence is not None:
        body.append(_text(x + PAD, y0 + PAD + FONT + LINE, row.verdict.confidence.value,
                          size=11, fill="#5b6470"))  # fmt: skip
    if mark:
        body.append(_text(x + PAD, y0 + PAD + FONT + 2 * LINE, mark, size=11, fill="#5b6470"))
    body.append("</g>")
    y = y0 + height + 10
    for line in reason_lines:
        body.append(_text(MARGIN + PAD, y, line, size=11, fill="#3d434a"))
        y += 14
    body.append("</g>")
    return y0 + total


def _legend(body: list[str], y: float, width: float, *, no_cue: bool = False) -> float:
    """The key to the colours (relations) and marks (firmness; no cue's where a cell has it)."""
    x = float(MARGIN)
    body.append(_text(x, y + 12, "Relation:", size=12, weight="bold", fill="#3d434a"))
    x += 70
    for relation in Relation:
        ink, tint = RELATION_COLOURS[relation]
        body.append(f'<rect x="{x:.1f}" y="{y + 2:.1f}" width="14" height="14" rx="3" '
                    f'fill="{tint}" stroke="{ink}"/>')  # fmt: skip
        body.append(_text(x + 19, y + 13, relation.value, size=12))
        x += 28 + len(relation.value) * 7.2
    y += 22
    x = float(MARGIN)
    body.append(_text(x, y + 12, "Firmness:", size=12, weight="bold", fill="#3d434a"))
    x += 70
    for firmness in (*LEGEND, Firmness.NO_CUE) if no_cue else LEGEND:
        label = f"{FIRMNESS_MARK[firmness]} {FIRMNESS_WORD[firmness]}"
        if firmness is Firmness.RED_LINE:
            label += " (thick border)"
        body.append(_text(x, y + 12, label, size=12))
        x += 20 + len(label) * 6.6
    hint = "Opened in a browser, a cell shows its quotes on hover."
    body.append(_text(x + 10, y + 12, hint, size=12, fill="#5b6470"))
    return y + 14


@singledispatch
def render(result: object) -> str:
    """``result`` as an SVG chart."""
    raise TypeError(f"no SVG for {type(result).__name__}")


@render.register
def comparison(cmp: Comparison) -> str:
    """The comparison as a chart of parties by issues."""
    counts = counts_line({r: t for r, t in cmp.counts.items() if t.issues}, ", ")
    return chart(cmp.header, cmp.parties, cmp.rows, counts=counts, filtered=cmp.filter,
                 shown=cmp.shown, pairs=cmp.pairs,
                 pairs_left_out=cmp.pairs_left_out, camp=cmp.within_camp)  # fmt: skip


@render.register
def matrix(m: Matrix) -> str:
    """The matrix as a chart of parties by issues, with each pair's counts."""
    return chart(m.header, m.parties, m.rows, filtered=m.filter, pairs=m.pairs,
                 pairs_left_out=m.pairs_left_out, camp=m.within_camp)  # fmt: skip
