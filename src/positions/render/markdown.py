"""Markdown output: a GitHub-flavoured table, then the evidence as footnotes."""

from __future__ import annotations

import re
from functools import singledispatch

from positions.model import Stance
from positions.present import (
    STAGE_WORDS,
    counts_line,
    doubters,
    joint,
    no_position,
    prose,
    quote_source,
    scope_line,
    sources_count,
)
from positions.results import Comparison
from positions.text import visible

# Every character that could start markup in a GFM table cell, or end the cell ($ starts a
# formula where GitHub renders maths). With [ and ] escaped, ( ) and ! cannot make a link or an
# image, so they stay as written.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#$])")


def escape(text: str) -> str:
    """Escape ``text`` so that it renders literally inside a table cell, on one line."""
    escaped = _SPECIAL.sub(r"\\\1", visible(text))
    return re.sub(r"\r\n|\r|\n", "<br>", escaped)


class _Notes:
    """Numbers the footnotes in the order they are cited."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def cite(self, text: str) -> str:
        self.lines.append(f"[^{len(self.lines) + 1}]: {text}")
        return f"[^{len(self.lines)}]"


def _stance(stance: Stance | None, cmp: Comparison, notes: _Notes, missing: str) -> str:
    if stance is None:
        return f"*{escape(missing)}*"
    parts = [escape(prose(stance.summary))]
    if together := joint(stance, cmp.header):
        parts.append(f"*{escape(together)}*")
    if stance.accepts:
        parts.append("**accepts:** " + escape(", ".join(stance.accepts)))
    if stance.rejects:
        parts.append("**rejects:** " + escape(", ".join(stance.rejects)))
    if stance.conditions:
        parts.append(
            "**only if:** "
            + escape("; ".join(_condition(stance, i, o) for i, o in stance.conditions.items()))
        )
    if stance.stage is not None:
        parts.append(f"**stage:** {STAGE_WORDS[stance.stage]}")
    if stance.salience is not None:
        parts.append(f"**ranked:** {stance.salience.level.value}")
    if stance.doubts:
        parts.append(escape(doubters(stance.doubts, cmp.header)))
    # Marks side by side would read as one number ("12" for 1 and 2): commas keep them apart.
    refs = ", ".join(
        notes.cite(f"\u201c{escape(e.quote)}\u201d \u2014 {escape(quote_source(e, cmp.header))}")
        for e in stance.evidence
    )
    parts.append(f"**firmness:** {stance.firmness.value} {refs}")
    parts.append(f"**sources:** {stance.source_count()}")
    return "<br>".join(parts)


def _condition(stance: Stance, issue: str, outcomes: tuple[str, ...]) -> str:
    when = stance.condition_stages.get(issue)
    return f"{issue}: {', '.join(outcomes)}" + (f" ({STAGE_WORDS[when]})" if when else "")


@singledispatch
def render(result: object) -> str:
    """``result`` as a Markdown document."""
    raise TypeError(f"no Markdown for {type(result).__name__}")


@render.register
def comparison(cmp: Comparison) -> str:
    """The comparison as a Markdown document."""
    notes = _Notes()
    relating = cmp.relating
    head = ["Issue", *(escape(p.name) for p in cmp.parties)]
    if relating:
        head += ["Relation", "Why"]
    lines = [f"# {escape(cmp.header.title)}", "", escape(scope_line(cmp)), ""]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + " --- |" * len(head))
    for row in cmp.rows:
        cells = [f"**{escape(row.issue.name)}**"]
        cells += [
            _stance(s, cmp, notes, no_position(cmp.filter, p.id, row.issue.id))
            for p, s in zip(cmp.parties, row.stances, strict=True)
        ]
        if relating and row.verdict is not None:
            confidence = row.verdict.confidence
            said = f"{confidence.value}, {sources_count(row.verdict.sources)}" if confidence else ""
            shown = f" ({said})" if said else ""
            cells += [f"**{row.verdict.relation.value}**{shown}", escape(row.verdict.reason)]
        lines.append("| " + " | ".join(cells) + " |")
    if relating:
        lines += ["", f"Relations: {counts_line(cmp.counts, ', ')}."]
    lines += ["", "## Evidence", "", *notes.lines, ""]
    return "\n".join(lines)
