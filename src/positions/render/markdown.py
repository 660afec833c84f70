"""Markdown output: a GitHub-flavoured table, then the evidence as footnotes."""

from __future__ import annotations

import re

from positions.comparison import Comparison
from positions.model import Stance

# Every character that could start markup in a GFM table cell, or end the cell.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&:#!{}()])")


def escape(text: str) -> str:
    """Escape ``text`` so that it renders literally inside a table cell, on one line."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    return re.sub(r"\r\n|\r|\n", "<br>", escaped)


class _Notes:
    """Numbers the footnotes in the order they are cited."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def cite(self, text: str) -> str:
        self.lines.append(f"[^{len(self.lines) + 1}]: {text}")
        return f"[^{len(self.lines)}]"


def _stance(stance: Stance | None, cmp: Comparison, notes: _Notes) -> str:
    if stance is None:
        return "*no stated position*"
    parts = [escape(stance.summary)]
    if stance.accepts:
        parts.append("**accepts:** " + escape(", ".join(stance.accepts)))
    if stance.rejects:
        parts.append("**rejects:** " + escape(", ".join(stance.rejects)))
    refs = ""
    for e in stance.evidence:
        who = [f"*{escape(cmp.dataset.sources[e.source].title)}*"]
        if e.speaker:
            who.append(escape(e.speaker))
        who.append(e.attribution.value)
        refs += notes.cite(f"\u201c{escape(e.quote)}\u201d \u2014 " + ", ".join(who))
    parts.append(f"**firmness:** {stance.firmness.value} {refs}")
    return "<br>".join(parts)


def comparison(cmp: Comparison, *, evidence: bool = True) -> str:
    """The comparison as a Markdown document."""
    notes = _Notes()
    relating = len(cmp.parties) >= 2
    head = ["Issue", *(escape(p.name) for p in cmp.parties)]
    if relating:
        head += ["Relation", "Common ground"]
    lines = [f"# {escape(cmp.dataset.title)}", "", "| " + " | ".join(head) + " |"]
    lines.append("|" + " --- |" * len(head))
    for row in cmp.rows:
        cells = [f"**{escape(row.issue.name)}**"]
        cells += [_stance(s, cmp, notes) for s in row.stances]
        if relating and row.relation is not None:
            cells += [f"**{row.relation.value}**", escape(", ".join(row.common)) or "\u2014"]
        lines.append("| " + " | ".join(cells) + " |")
    if relating:
        counts = ", ".join(f"{n} {r.value}" for r, n in cmp.counts.items())
        lines += ["", f"Relations: {counts}."]
    lines += ["", "## Evidence", "", *notes.lines, ""]
    return "\n".join(lines)
