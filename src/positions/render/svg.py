"""SVG output: a chart of parties by issues, drawn directly, not captured from a terminal.

Each cell shows what a party asks on an issue (its outcomes in plain words) with its firmness
mark, and under it a tag for its stage (talks, ceasefire, settlement), how an article ranks the
issue for the party, how many sources back it, a joint statement and who doubts it; the cells of
an issue are tinted in the colour of the relation among the parties, and the relation (with its
evidence and sources) and its reason close the row. The key explains each mark and tag shown.
Every cell carries a ``<title>`` tooltip with the outcomes' descriptions and links, and every
quote: the evidence, the ranking's and the doubts'. The text is real text (it copies as
written), every piece of data is escaped, characters XML does not allow are shown as
``\\uXXXX``, and nothing is fetched from anywhere.
"""

from __future__ import annotations

from functools import singledispatch
from typing import NamedTuple
from xml.sax.saxutils import escape

from positions.model import Firmness, Issue, Level, Party, Stage, Stance
from positions.present import (
    LEVEL_WORDS,
    STAGE_WORDS,
    ask_text,
    camp_line,
    changed_mark,
    condition,
    counts_line,
    data_line,
    doubt_credit,
    doubters,
    filter_note,
    joint,
    left_out_note,
    no_position,
    outcome_lines,
    outcome_links,
    prose,
    quote_source,
    salience_credit,
    shown_note,
    shown_reason,
    sources_count,
)
from positions.results import (
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

from .vocabulary import FIRMNESS_MARK, FIRMNESS_WORD, LEGEND, RELATION_COLOURS, STAGE_TAG

WIDTH = 1000
MARGIN = 24
ISSUE_WIDTH = 200
RELATION_WIDTH = 140
FONT = 12.5
LINE = 16
PAD = 8
# A cell's facts under its ask (stage tag, ranking, sources; joint statement, doubts): smaller.
FACT = 10.5
FACT_LINE = 15
TAG_PAD = 4  # between a stage tag's border and its word


def xml(text: str) -> str:
    """Text made safe for an SVG: control, reordering and non-XML characters visible, escaped."""
    return escape(visible(text), {'"': "&quot;"})


def lines_of(text: str, width: float, size: float = FONT, *, bold: bool = False) -> list[str]:
    """``text`` broken at spaces into lines that fit ``width`` pixels (``text_width``).

    A word wider than ``width`` has a line of its own, whole.
    """
    out: list[str] = []
    used = 0.0
    scale = BOLD if bold else 1.0
    space = text_width(" ", size) * scale
    for word in text.split():
        wide = text_width(word, size) * scale
        if out and used + space + wide <= width:
            out[-1] += " " + word
            used += space + wide
        else:
            out.append(word)
            used = wide
    return out or [""]


def _text(x: float, y: float, text: str, *, size: float = FONT, weight: str = "normal",
          fill: str = "#1b1b1b", anchor: str = "start", style: str = "") -> str:  # fmt: skip
    slant = f' font-style="{style}"' if style else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" '
        f'fill="{fill}" text-anchor="{anchor}"{slant}>{xml(text)}</text>'
    )


def _tooltip(
    party: Party, stance: Stance | None, issue: Issue, header: Header, missing: str
) -> str:
    if stance is None:
        return f"{party.name} on {issue.name}: {missing}"
    facts = [FIRMNESS_WORD[stance.firmness]]
    facts += [STAGE_WORDS[stance.stage]] if stance.stage is not None else []
    facts += [LEVEL_WORDS[stance.salience.level]] if stance.salience is not None else []
    facts.append(sources_count(stance.source_count()))
    parts = [f"{party.name} on {issue.name} ({'; '.join(facts)}): {prose(stance.summary)}"]
    parts += [t] if (t := joint(stance, header)) else []
    for label, text, o in outcome_lines(stance, issue):
        links = outcome_links(issue, o) if o in stance.accepts else ""
        parts.append(f"{label} {text} ({o}{'; ' + links if links else ''})")
    parts += [f"only if {condition(stance, i)}" for i in stance.conditions]
    ranked = stance.salience
    for e in stance.evidence:
        credit = quote_source(e, header)
        if ranked is not None and ranked.evidence == e:
            credit, ranked = salience_credit(ranked, header), None
        parts.append(f"\u201c{e.quote}\u201d \u2014 {credit}")
    if ranked is not None:
        credit = salience_credit(ranked, header)
        parts.append(f"\u201c{ranked.evidence.quote}\u201d \u2014 {credit}")
    parts += [f"\u201c{d.quote}\u201d \u2014 {doubt_credit(d, header)}" for d in stance.doubts]
    return "\n".join(parts)


def _cell_text(stance: Stance | None, row: Row, party: str, missing: str) -> str:
    if stance is None:
        return missing
    return f"{FIRMNESS_MARK[stance.firmness]} {ask_text(stance, row.issue, row, party)}"


def text_width(text: str, size: float) -> float:
    """How wide ``text`` is drawn at ``size``, by the widths of a wide sans-serif (DejaVu Sans).

    Narrower faces (Helvetica, Segoe UI, San Francisco) draw it shorter: what is placed after
    it leaves a little more room there, never less.
    """
    return size * sum(_EM.get(c, _CAPITAL if c.isupper() else _OTHER) for c in text)


# Advance widths in ems of DejaVu Sans, the widest of the faces the chart names.
_EM = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz0123456789 .,:;'()-/\u00b7",
        (0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278,
         0.974, 0.634, 0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592,
         0.592, 0.525, *[0.636] * 10, 0.318, 0.318, 0.318, 0.337, 0.337, 0.275, 0.390, 0.390,
         0.361, 0.337, 0.318),
        strict=True,
    )
)  # fmt: skip
_CAPITAL = 0.72
BOLD = 1.12  # how much wider bold text is drawn
_OTHER = 0.8  # marks (■ ◆ ○), quotation marks and the rest: wide rather than short


class _Fact(NamedTuple):
    """A piece of a cell's facts, placed: a stage tag, a fact, or a line of a note."""

    kind: str  # "tag", "fact" or "note"
    text: str
    x: float  # from the cell's text edge


def _facts(stance: Stance, header: Header, width: float) -> list[list[_Fact]]:
    """What a cell says under its ask, in lines that fit ``width``.

    The stage tag, the ranking and the sources flow on one line, or more where they do not fit;
    a joint statement and the doubts follow, each wrapped on lines of its own.
    """
    lines: list[list[_Fact]] = [[]]
    x = 0.0
    if stance.stage is not None:
        word = STAGE_TAG[stance.stage]
        lines[-1].append(_Fact("tag", word, 0.0))
        x = text_width(word, FACT) + 2 * TAG_PAD + 5
    said = [LEVEL_WORDS[stance.salience.level]] if stance.salience is not None else []
    said.append(sources_count(stance.source_count()))
    for fact in said:
        follows = bool(lines[-1]) and lines[-1][-1].kind == "fact"
        text = f"\u00b7 {fact}" if follows else fact
        if lines[-1] and x + text_width(text, FACT) > width:
            lines.append([])
            x, text = 0.0, fact
        elif follows:
            x += 3
        lines[-1].append(_Fact("fact", text, x))
        x += text_width(text, FACT)
    notes = [t for t in (joint(stance, header), doubters(stance.doubts, header)) if t]
    lines += [[_Fact("note", line, 0.0)] for n in notes for line in lines_of(n, width, FACT)]
    return lines


def _draw_facts(body: list[str], facts: list[list[_Fact]], x: float, y: float) -> None:
    """Draw a cell's facts, the first line's baseline at ``y``."""
    for line in facts:
        for fact in line:
            if fact.kind == "tag":
                w = text_width(fact.text, FACT) + 2 * TAG_PAD
                body.append(
                    f'<rect x="{x + fact.x:.1f}" y="{y - FACT + 0.5:.1f}" width="{w:.1f}" '
                    f'height="{FACT + 3.5:.1f}" rx="3" fill="#ffffff" stroke="#8a919b"/>'
                )
                body.append(_text(x + fact.x + w / 2, y, fact.text, size=FACT, anchor="middle"))
            elif fact.kind == "fact":
                body.append(_text(x + fact.x, y, fact.text, size=FACT, fill="#3d434a"))
            else:
                body.append(_text(x, y, fact.text, size=FACT, fill="#5b6470", style="italic"))
        y += FACT_LINE


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
    heads = [lines_of(p.name, column - 2 * PAD, bold=True) for p in parties]
    for head in heads:
        for n, line in enumerate(head):
            body.append(_text(x + PAD, y + n * LINE, line, weight="bold", fill="#3d434a"))
        x += column
    body.append(_text(x + PAD, y, "Relation", weight="bold", fill="#3d434a"))
    y += 8 + LINE * (max(map(len, heads), default=1) - 1)
    for row in rows:
        y = _row(body, row, parties, header, y, column, width, filtered)
    y += 14
    y = _legend(body, y, rows)
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
        f'width="100%" style="max-width: {width:.0f}px; height: auto" role="img" '
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
    filtered: Filter | None = None,
) -> float:
    """Draw one issue's row below ``top``; return where the next begins.

    Where the evidence filter changed the issue's relation, the row says so (``* was ...``),
    and each stance it left out reads "filtered out".
    """
    mark = changed_mark(filtered, row.issue.id)
    relation = row.relation or Relation.UNKNOWN
    ink, tint = RELATION_COLOURS[relation]
    issue_lines = lines_of(row.issue.name, ISSUE_WIDTH - 2 * PAD, FONT, bold=True)
    missing = [no_position(filtered, p.id, row.issue.id) for p in parties]
    cells = [
        lines_of(_cell_text(s, row, p.id, m), column - 2 * PAD, FONT - 0.5)
        for p, s, m in zip(parties, row.stances, missing, strict=True)
    ]
    facts = [_facts(s, header, column - 2 * PAD) if s is not None else [] for s in row.stances]
    reason = shown_reason(row)
    reason_lines = lines_of(reason, width - 2 * MARGIN - 2 * PAD, 11) if reason else []
    verdict = row.verdict
    said = [relation.value.upper()]
    if verdict is not None and verdict.confidence is not None:
        said += [verdict.confidence.value, sources_count(verdict.sources)]
    said += [mark] if mark else []
    height = PAD * 2 + max(
        LINE * max(len(issue_lines) + 1, len(said), 2),
        *(
            LINE * len(a) + (FACT_LINE * len(f) + 2 if f else 0)
            for a, f in zip(cells, facts, strict=True)
        ),
    )
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
    for party, stance, text, fact, m in zip(
        parties, row.stances, cells, facts, missing, strict=True
    ):
        fill = tint if stance is not None else "#ffffff"
        # A position recorded has a solid border in the relation's colour, thicker for a red
        # line; no position recorded, a dashed grey one.
        if stance is None:
            border = 'stroke="#c3c8cf" stroke-dasharray="3 3"'
        else:
            thick = 2.5 if stance.firmness is Firmness.RED_LINE else 1
            border = f'stroke="{ink}" stroke-width="{thick}"'
        body.append(f"<g><title>{xml(_tooltip(party, stance, row.issue, header, m))}</title>")
        body.append(
            f'<rect x="{x + 2:.1f}" y="{y0 + 3:.1f}" width="{column - 4:.1f}" '
            f'height="{height - 6:.1f}" rx="4" fill="{fill}" {border}/>'
        )
        y = y0 + PAD + FONT
        colour = "#1b1b1b" if stance is not None else "#5b6470"
        for line in text:
            body.append(_text(x + PAD, y, line, size=FONT - 0.5, fill=colour))
            y += LINE
        _draw_facts(body, fact, x + PAD, y + 2)
        body.append("</g>")
        x += column
    body.append(f"<g><title>{xml(reason or relation.value)}</title>")
    body.append(_text(x + PAD, y0 + PAD + FONT, said[0], size=12, weight="bold", fill=ink))
    for n, line in enumerate(said[1:], 1):
        body.append(_text(x + PAD, y0 + PAD + FONT + n * LINE, line, size=11, fill="#5b6470"))
    body.append("</g>")
    y = y0 + height + 10
    for line in reason_lines:
        body.append(_text(MARGIN + PAD, y, line, size=11, fill="#3d434a"))
        y += 14
    body.append("</g>")
    return y0 + total


def _legend(body: list[str], y: float, rows: tuple[Row, ...]) -> float:
    """The key: relations' colours, firmness marks, stage tags, rankings and sources, a line each.

    Untested and no cue are keyed only where a row or a cell has them; a stage or a ranking only
    where a cell shows it.
    """
    stances = [s for r in rows for s in r.stances if s is not None]
    used = {r.relation or Relation.UNKNOWN for r in rows}
    x = float(MARGIN) + KEY_INDENT
    _key_label(body, y, "Relation:")
    for relation in Relation:
        if relation is Relation.UNTESTED and relation not in used:
            continue
        ink, tint = RELATION_COLOURS[relation]
        body.append(f'<rect x="{x:.1f}" y="{y + 2:.1f}" width="14" height="14" rx="3" '
                    f'fill="{tint}" stroke="{ink}"/>')  # fmt: skip
        body.append(_text(x + 19, y + 13, relation.value, size=12))
        x += 19 + text_width(relation.value, 12) + 16
    y += 22
    x = float(MARGIN) + KEY_INDENT
    _key_label(body, y, "Firmness:")
    no_cue = any(s.firmness is Firmness.NO_CUE for s in stances)
    for firmness in (*LEGEND, Firmness.NO_CUE) if no_cue else LEGEND:
        label = f"{FIRMNESS_MARK[firmness]} {FIRMNESS_WORD[firmness]}"
        if firmness is Firmness.RED_LINE:
            label += " (thick border)"
        body.append(_text(x, y + 12, label, size=12))
        x += text_width(label, 12) + 18
    stages = {s.stage for s in stances}
    if any(t in stages for t in Stage):
        y += 22
        x = float(MARGIN) + KEY_INDENT
        _key_label(body, y, "Stage:")
        for stage in (t for t in Stage if t in stages):
            tag = [[_Fact("tag", STAGE_TAG[stage], 0.0)]]
            _draw_facts(body, tag, x, y + 12)
            x += text_width(STAGE_TAG[stage], FACT) + 2 * TAG_PAD + 5
            body.append(_text(x, y + 12, STAGE_WORDS[stage], size=12))
            x += text_width(STAGE_WORDS[stage], 12) + 18
        body.append(_text(x, y + 12, "(untagged: not coded)", size=12, fill="#5b6470"))
    levels = [v for v in Level if any(s.salience and s.salience.level is v for s in stances)]
    if levels:
        y += 22
        _key_label(body, y, "Salience:")
        said = ", ".join(LEVEL_WORDS[v] for v in levels)
        body.append(_text(MARGIN + KEY_INDENT, y + 12, f"{said}: as an article ranks the "
                          "issue for the party (not shown: not ranked)", size=12))  # fmt: skip
    y += 22
    _key_label(body, y, "Sources:")
    body.append(_text(MARGIN + KEY_INDENT, y + 12, SOURCES_KEY, size=12))
    y += 22
    body.append(_text(MARGIN, y + 12, HINT, size=12, fill="#5b6470"))
    return y + 14


# Where the key's entries begin, after its labels ("Firmness:").
KEY_INDENT = 76
SOURCES_KEY = (
    "how many articles the quotes of a stance, or of the stances a relation rests on, come from"
)


def _key_label(body: list[str], y: float, label: str) -> None:
    body.append(_text(MARGIN, y + 12, label, size=12, weight="bold", fill="#3d434a"))


# Tooltips need a mouse (or another pointer): a touch screen shows none.
HINT = (
    "Opened in a browser with a mouse or other pointer, a cell shows its summary and quotes "
    "when hovered (a touch screen does not show them)."
)


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
