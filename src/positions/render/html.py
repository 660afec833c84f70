"""HTML output: a briefing page, one self-contained file with no scripts and nothing fetched.

It opens with the counts, a legend and the summary table (each issue's relation with its reason,
and what each party asks), keeps each stance's summary and quotes folded under it (``<details>``,
which needs no script), and lists the sources at the end. Below 700 pixels the table becomes one
card per issue; printed, it takes a landscape page and the folded quotes stay folded. Every piece
of data is escaped; the Content-Security-Policy forbids scripts and outside resources.
"""

from __future__ import annotations

from functools import singledispatch
from html import escape

from positions.model import Firmness, Issue, Party, Stance
from positions.present import (
    ask,
    counts_line,
    plural,
    quote_source,
    scope_line,
)
from positions.results import NO_POSITION, Comparison, Relation, Row
from positions.text import visible

from .vocabulary import FIRMNESS_MARK, FIRMNESS_WORD, LEGEND, RELATION_COLOURS

_STYLE = """
:root { color-scheme: light; --ink: #1b1b1b; --dim: #5b6470; --line: #d6dae0; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem;
       color: var(--ink); }
h1 { font-size: 1.45rem; margin: 0 0 .3rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
p.meta { color: var(--dim); margin: 0 0 .6rem; }
.counts { display: flex; flex-wrap: wrap; gap: .4rem; margin: .6rem 0; padding: 0; }
.counts li { list-style: none; padding: .15rem .55rem; border-radius: 1rem; border: 1px solid; }
.legend { color: var(--dim); font-size: .9em; margin: .4rem 0 1rem; }
.legend span.swatch { display: inline-block; width: .9em; height: .9em; border: 1px solid;
                      border-radius: 3px; vertical-align: -.1em; margin: 0 .25em 0 .6em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
col.issue { width: 16%; } col.relation { width: 20%; }
th, td { border: 1px solid var(--line); padding: .45rem .6rem; vertical-align: top;
         text-align: left; overflow-wrap: break-word; hyphens: auto; }
thead th { background: #f3f4f6; }
th.issue small { display: block; font-weight: 400; color: var(--dim); }
.relation { font-weight: 700; text-transform: uppercase; font-size: .85em; letter-spacing: .02em; }
.confidence { color: var(--dim); font-size: .85em; margin-left: .4em; }
p.reason { font-size: .88em; margin: .3rem 0 0; color: #30363d; }
td.ask { font-size: .95em; }
td.none { color: var(--dim); font-style: italic; background: #fff; }
.mark { font-weight: 700; margin-right: .25em; }
details { margin-top: .35rem; font-size: .88em; }
details summary { cursor: pointer; color: var(--dim); }
blockquote { margin: .35rem 0 0; padding-left: .6rem; border-left: 3px solid var(--line); }
blockquote footer { color: var(--dim); font-size: .92em; }
ul.sources { padding-left: 0; } ul.sources li { list-style: none; margin: .2rem 0; }
.not { color: var(--dim); } .if { color: var(--dim); font-size: .92em; }
.appendix h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.appendix h4 { font-size: .95rem; margin: .6rem 0 .2rem; }
.appendix .firmness { color: var(--dim); font-weight: 400; }
.appendix .stance { font-size: .9em; break-inside: avoid; }
.appendix, .print { display: none; }
@media (max-width: 700px) {
  body { margin: 1rem; }
  table, thead, tbody, tr, th, td { display: block; width: 100%; }
  colgroup, thead { display: none; }
  tr { margin: 0 0 1rem; border: 1px solid var(--line); border-radius: 6px; }
  th, td { border: none; border-top: 1px solid var(--line); }
  th.issue { border-top: none; }
  td[data-party]::before { content: attr(data-party); display: block; font-weight: 700; }
}
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; font-size: 9.5pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  details, .screen { display: none; }
  .appendix { display: block; break-before: page; columns: 2; column-gap: 8mm; font-size: 8.5pt; }
  .appendix h2 { column-span: all; }
  .appendix h3 { break-after: avoid; }
  .appendix .stance { break-inside: auto; }
  .appendix .note { color: var(--dim); }
  .print { display: inline; }
}
""" + "".join(
    f".relation.{r.value} {{ color: {ink}; }}\n"
    f"tr.{r.value} td.ask:not(.none) {{ background: {tint}; }}\n"
    f".counts li.{r.value} {{ color: {ink}; border-color: {ink}; background: {tint}; }}\n"
    f".legend .swatch.{r.value} {{ border-color: {ink}; background: {tint}; }}\n"
    for r, (ink, tint) in RELATION_COLOURS.items()
)


def _e(text: str) -> str:
    """Text made safe for the page: control and reordering characters visible, then escaped."""
    return escape(visible(text), quote=True)


def _evidence(stance: Stance, issue: Issue, cmp: Comparison) -> str:
    """A stance in full: its summary, outcomes, conditions, note and every quote."""
    lines = [f'<p class="summary">{_e(stance.summary)}</p>']
    for word, outcomes in (("accepts", stance.accepts), ("rejects", stance.rejects)):
        lines += [f"<p>{word}: {_e(issue.outcomes[o])} <code>{_e(o)}</code></p>" for o in outcomes]
    lines += [
        f"<p>only if {_e(i)}: <code>{_e(', '.join(o))}</code></p>"
        for i, o in stance.conditions.items()
    ]
    if stance.note:
        lines.append(f'<p class="note">note: {_e(stance.note)}</p>')
    lines += [
        f'<blockquote>\u201c<span class="quote">{_e(e.quote)}</span>\u201d'
        f"<footer>\u2014 {_e(quote_source(e, cmp.header))}</footer></blockquote>"
        for e in stance.evidence
    ]
    return "".join(lines)


def _stance(party: Party, stance: Stance | None, row: Row, cmp: Comparison) -> str:
    label = f' data-party="{_e(party.name)}"'
    if stance is None:
        return f'<td class="ask none"{label}>{NO_POSITION}</td>'
    asked = ask(stance, row.issue, row, party.id, cmp.header)
    parts = [f'<span class="asked">{_e(asked.accepts)}</span>'] if asked.accepts else []
    if asked.rejects:
        parts.append(f'<span class="not">not</span> {_e(asked.rejects)}')
    text = "; ".join(parts)
    aside = [f"only if: {asked.conditions}"] if asked.conditions else []
    aside += [asked.joint] if asked.joint else []
    if aside:
        text += f' <span class="if">({_e("; ".join(aside))})</span>'
    firmness = stance.firmness
    folded = f"{FIRMNESS_WORD[firmness]}; summary and {plural(len(stance.evidence), 'quote')}"
    return (
        f'<td class="ask {firmness.value}"{label}>'
        f'<span class="mark" title="{FIRMNESS_WORD[firmness]}">'
        f"{FIRMNESS_MARK[firmness]}</span>{text}"
        f"<details><summary>{folded}</summary>{_evidence(stance, row.issue, cmp)}</details></td>"
    )


def _appendix(cmp: Comparison) -> str:
    """Every stance in full, issue by issue: what the folded cells hold, for print."""
    out = ['<section class="appendix"><h2>Evidence</h2>']
    for row in cmp.rows:
        held = [(p, s) for p, s in zip(cmp.parties, row.stances, strict=True) if s is not None]
        if not held:
            continue
        out.append(f"<h3>{_e(row.issue.name)}</h3>")
        for party, stance in held:
            out.append(
                f'<div class="stance"><h4>{FIRMNESS_MARK[stance.firmness]} {_e(party.name)} '
                f'<span class="firmness">{FIRMNESS_WORD[stance.firmness]}</span></h4>'
                f"{_evidence(stance, row.issue, cmp)}</div>"
            )
    out.append("</section>")
    return "".join(out)


def _relation(row: Row) -> str:
    verdict = row.verdict
    if verdict is None:
        return ""
    value = verdict.relation.value
    confidence = (
        f'<span class="confidence">{verdict.confidence.value}</span>' if verdict.confidence else ""
    )
    return (
        f'<td class="verdict"><span class="relation {value}">{value}</span>{confidence}'
        f'<p class="reason">{_e(verdict.reason)}</p></td>'
    )


def _sources(cmp: Comparison) -> str:
    """The sources cited, in the data file's order, each under its id (summaries cite 002...)."""
    cited = {e.source for row in cmp.rows for s in row.stances if s for e in s.evidence}
    items = []
    for sid, source in cmp.header.sources.items():
        if sid not in cited:
            continue
        title = _e(source.title)
        if source.url:
            title = f"{title} (<code>{_e(source.url)}</code>)"
        extra = ", ".join(_e(x) for x in (source.outlet, source.published) if x)
        items.append(f"<li><code>{_e(sid)}</code> {title}{', ' + extra if extra else ''}</li>")
    return f'<ul class="sources">{"".join(items)}</ul>' if items else "<p>None cited.</p>"


@singledispatch
def render(result: object) -> str:
    """``result`` as a complete HTML document."""
    raise TypeError(f"no HTML for {type(result).__name__}")


@render.register
def comparison(cmp: Comparison) -> str:
    """The comparison as a briefing page."""
    relating = cmp.relating
    head = "".join(f'<th scope="col">{_e(p.name)}</th>' for p in cmp.parties)
    rows = []
    for row in cmp.rows:
        cells = "".join(
            _stance(p, s, row, cmp) for p, s in zip(cmp.parties, row.stances, strict=True)
        )
        value = row.relation.value if row.relation else "single"
        rows.append(
            f'<tr class="{value}" id="issue-{_e(row.issue.id)}"><th scope="row" class="issue">'
            f"{_e(row.issue.name)}<small>{_e(row.issue.id)}"
            f"{' &middot; dispute: ' + _e(row.dispute) if row.dispute else ''}</small></th>"
            f"{_relation(row) if relating else ''}{cells}</tr>"
        )
    counts = "".join(
        f'<li class="{r.value}">{_e(counts_line({r: tally}))}</li>'
        for r, tally in cmp.counts.items()
        if tally.issues
    )
    legend = "Relation:" + "".join(
        f'<span class="swatch {r.value}"></span>{r.value}' for r in Relation
    )
    shown = {s.firmness for row in cmp.rows for s in row.stances if s is not None}
    keyed = (*LEGEND, Firmness.NO_CUE) if Firmness.NO_CUE in shown else LEGEND
    marks = (f"{FIRMNESS_MARK[f]} {FIRMNESS_WORD[f]}" for f in keyed)
    legend += " &middot; Firmness: " + ", ".join(marks)
    meta = _e(scope_line(cmp))
    title = _e(cmp.header.title)
    cols = (
        '<col class="issue">'
        + ('<col class="relation">' if relating else "")
        + "<col>" * len(cmp.parties)
    )
    relation_head = '<th scope="col">Relation</th>' if relating else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{_STYLE}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p class="meta">{meta}</p>
{'<ul class="counts">' + counts + "</ul>" if relating else ""}
<p class="legend">{legend}. <span class="screen">Each stance folds its summary and quotes
under it.</span><span class="print">The summaries and quotes follow the table.</span></p>
</header>
<table>
<colgroup>{cols}</colgroup>
<thead><tr><th scope="col">Issue</th>{relation_head}{head}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
{_appendix(cmp)}
<h2>Sources</h2>
{_sources(cmp)}
</body>
</html>
"""
