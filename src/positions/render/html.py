"""HTML output: a briefing page, one self-contained file with no scripts and nothing fetched.

It opens with the counts, a key and the summary table (each issue's relation with its evidence,
sources and reason, and what each party asks, tagged with its stage and ranking, with its
sources and doubts), keeps each stance's summary and quotes folded under it (``<details>``,
which needs no script), and cites the sources at the end. Below 700 pixels the table becomes one
card per issue; printed, it takes landscape pages, and every stance in full (its quotes, and
those of its ranking and doubts, credited) follows the table. Every piece of data is escaped;
the Content-Security-Policy forbids scripts and outside resources.
"""

from __future__ import annotations

from functools import singledispatch
from html import escape

from positions.model import Firmness, Issue, Level, Party, Stage, Stance
from positions.present import (
    LEVEL_WORDS,
    STAGE_WORDS,
    TITLE_FROM,
    ask_pieces,
    condition,
    counts_line,
    doubt_credit,
    doubters,
    joint,
    no_position,
    outcome_lines,
    outcome_links,
    plural,
    prose,
    quote_source,
    salience_credit,
    scope_line,
    shown_reason,
    sources_count,
)
from positions.results import Comparison, Relation, Row
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
                      border-radius: 3px; vertical-align: -.1em; margin: 0 .25em 0 .3em; }
table { border-collapse: collapse; width: 100%; }
col.issue { width: 14%; } col.relation { width: 20%; }
th, td { border: 1px solid var(--line); padding: .45rem .6rem; vertical-align: top;
         text-align: left; overflow-wrap: break-word; hyphens: auto; }
thead th { background: #f3f4f6; overflow-wrap: normal; hyphens: manual; }
th.issue small { display: block; font-weight: 400; color: var(--dim); }
.relation { font-weight: 700; text-transform: uppercase; font-size: .85em; letter-spacing: .02em; }
.confidence { color: var(--dim); font-size: .85em; margin-left: .4em; }
p.reason { font-size: .88em; margin: .3rem 0 0; color: #30363d; }
td.ask { font-size: .95em; }
td.none { color: var(--dim); font-style: italic; background: #fff; }
.mark { font-weight: 700; margin-right: .25em; }
p.facts { margin: .3rem 0 0; font-size: .82em; color: var(--dim); }
.tag { display: inline-block; padding: 0 .4em; border: 1px solid #9aa1ab; border-radius: 3px;
       color: var(--ink); background: #fff; white-space: nowrap; font-size: .95em; }
.tag.salience.top { font-weight: 700; }
.legend .key { display: block; }
.legend .entry { white-space: nowrap; }
.count { white-space: nowrap; }
p.doubt { margin: .2rem 0 0; font-size: .82em; color: var(--dim); font-style: italic; }
.links { color: var(--dim); }
details { margin-top: .35rem; font-size: .88em; }
details summary { cursor: pointer; color: var(--dim); }
blockquote { margin: .35rem 0 0; padding-left: .6rem; border-left: 3px solid var(--line); }
blockquote footer { color: var(--dim); font-size: .92em; }
ul.sources { padding-left: 0; } ul.sources li { list-style: none; margin: .2rem 0; }
.label { color: var(--dim); }
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
  .appendix blockquote { break-inside: avoid; }
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


def _quote(quote: str, credit: str) -> str:
    return (
        f'<blockquote>\u201c<span class="quote">{_e(quote)}</span>\u201d'
        f"<footer>\u2014 {_e(credit)}</footer></blockquote>"
    )


def _quotes(stance: Stance) -> int:
    """How many quotes a stance's evidence shows: its evidence, its ranking's, its doubts'."""
    ranked = stance.salience is not None and stance.salience.evidence not in stance.evidence
    return len(stance.evidence) + ranked + len(stance.doubts)


def _evidence(stance: Stance, issue: Issue, cmp: Comparison) -> str:
    """A stance in full: summary, outcomes, conditions, note, and every quote.

    An accepted outcome names its links, a condition its stage; the quotes are the evidence,
    then the ranking's and each doubt's, each credited.
    """
    lines = [f'<p class="summary">{_e(prose(stance.summary))}</p>']
    for label, description, o in outcome_lines(stance, issue):
        links = outcome_links(issue, o) if o in stance.accepts else ""
        linked = f' <span class="links">({_e(links)})</span>' if links else ""
        lines.append(f"<p>{label} {_e(description)} <code>{_e(o)}</code>{linked}</p>")
    lines += [f"<p>only if {_e(condition(stance, i))}</p>" for i in stance.conditions]
    if stance.note:
        lines.append(f'<p class="note">note: {_e(prose(stance.note))}</p>')
    ranked = stance.salience
    for e in stance.evidence:
        # The quote that ranks the issue is often evidence too: quoted once, credited for both.
        if ranked is not None and ranked.evidence == e:
            lines.append(_quote(e.quote, salience_credit(ranked, cmp.header)))
            ranked = None
        else:
            lines.append(_quote(e.quote, quote_source(e, cmp.header)))
    if ranked is not None:
        lines.append(_quote(ranked.evidence.quote, salience_credit(ranked, cmp.header)))
    lines += [_quote(d.quote, doubt_credit(d, cmp.header)) for d in stance.doubts]
    return "".join(lines)


def _facts(stance: Stance, cmp: Comparison) -> str:
    """What a cell says of a stance besides its ask: its stage, ranking, sources and doubts."""
    tags = []
    if stance.stage is not None:
        tags.append(_tag("stage", STAGE_WORDS[stance.stage]))
    if stance.salience is not None:
        level = stance.salience.level
        tags.append(_tag(f"salience {level.value}", LEVEL_WORDS[level]))
    tags.append(f'<span class="count">{_e(sources_count(stance.source_count()))}</span>')
    facts = f'<p class="facts">{" ".join(tags)}</p>'
    if stance.doubts:
        # A doubter and the source it is voiced in wrap together: "the world (003)".
        said = _e(doubters(stance.doubts, cmp.header)).replace(" (", "\u00a0(")
        facts += f'<p class="doubt">{said}</p>'
    return facts


def _stance(party: Party, stance: Stance | None, row: Row, cmp: Comparison) -> str:
    label = f' data-party="{_e(party.name)}"'
    if stance is None:
        missing = no_position(cmp.filter, party.id, row.issue.id)
        return f'<td class="ask none"{label}>{_e(missing)}</td>'
    text = "".join(
        f'<span class="label">{_e(p.text)}</span>' if p.label else _e(p.text)
        for p in ask_pieces(stance, row.issue, row, party.id)
    )
    if together := joint(stance, cmp.header):
        text += f' <span class="if">({_e(together)})</span>'
    firmness = stance.firmness
    folded = f"{FIRMNESS_WORD[firmness]}; summary and {plural(_quotes(stance), 'quote')}"
    return (
        f'<td class="ask {firmness.value}"{label}>'
        f'<span class="mark" title="{FIRMNESS_WORD[firmness]}">'
        f"{FIRMNESS_MARK[firmness]}</span>{text}{_facts(stance, cmp)}"
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
            said = [FIRMNESS_WORD[stance.firmness]]
            said += [STAGE_WORDS[stance.stage]] if stance.stage is not None else []
            said += [LEVEL_WORDS[stance.salience.level]] if stance.salience is not None else []
            said.append(sources_count(stance.source_count()))
            said += [t] if (t := joint(stance, cmp.header)) else []
            said += [doubters(stance.doubts, cmp.header)] if stance.doubts else []
            out.append(
                f'<div class="stance"><h4>{FIRMNESS_MARK[stance.firmness]} {_e(party.name)} '
                f'<span class="firmness">{_e(" · ".join(said))}</span></h4>'
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
        f'<span class="confidence">{verdict.confidence.value}, '
        f'<span class="count">{_e(sources_count(verdict.sources))}</span></span>'
        if verdict.confidence
        else ""
    )
    return (
        f'<td class="verdict"><span class="relation {value}">{value}</span>{confidence}'
        f'<p class="reason">{_e(shown_reason(row))}</p></td>'
    )


def _sources(cmp: Comparison) -> str:
    """The sources cited, in the data file's order, cited as a reader cites an article.

    The title first (and whose it is, where the data says: the article's headline or the
    coder's), then the outlet, the date and the link where the data has them; the id last, as
    the summaries and notes name a source by it (002...). A source is cited by a stance's
    evidence, its ranking or a doubt.
    """
    cited = {e.source for row in cmp.rows for s in row.stances if s for e in s.evidence}
    cited |= {
        s.salience.evidence.source
        for row in cmp.rows
        for s in row.stances
        if s is not None and s.salience is not None
    }
    cited |= {d.source for row in cmp.rows for s in row.stances if s for d in s.doubts}
    items = []
    for sid, source in cmp.header.sources.items():
        if sid not in cited:
            continue
        parts = [f"<cite>{_e(source.title)}</cite>"]
        if source.title_from in TITLE_FROM:
            parts[0] += f' <small class="label">({_e(TITLE_FROM[source.title_from])})</small>'
        parts += [_e(x) for x in (source.outlet, source.published) if x]
        if source.url:
            parts.append(f"<code>{_e(source.url)}</code>")
        items.append(f"<li>{', '.join(parts)} <small>(<code>{_e(sid)}</code>)</small></li>")
    return f'<ul class="sources">{"".join(items)}</ul>' if items else "<p>None cited.</p>"


def _legend(cmp: Comparison) -> str:
    """The key, a line each: the relations' colours, the firmness marks, the stage and ranking tags.

    Untested and no cue are keyed only where a row or a cell has them; a stage or a ranking
    only where a cell shows it.
    """
    stances = [s for row in cmp.rows for s in row.stances if s is not None]
    used = {row.relation for row in cmp.rows}
    relations = [r for r in Relation if r is not Relation.UNTESTED or r in used]
    keys = [
        "Relation: "
        + " ".join(
            f'<span class="entry"><span class="swatch {r.value}"></span>{r.value}</span>'
            for r in relations
        )
    ]
    shown = {s.firmness for s in stances}
    keyed = (*LEGEND, Firmness.NO_CUE) if Firmness.NO_CUE in shown else LEGEND
    marks = (f'<span class="entry">{FIRMNESS_MARK[f]} {FIRMNESS_WORD[f]}</span>' for f in keyed)
    keys.append("Firmness: " + ", ".join(marks))
    stages = {s.stage for s in stances}
    if tags := [_tag("stage", STAGE_WORDS[t]) for t in Stage if t in stages]:
        keys.append(
            f"Stage, when a stance's outcomes are asked for: {' '.join(tags)}; no tag: not coded"
        )
    levels = {s.salience.level for s in stances if s.salience is not None}
    if tags := [_tag(f"salience {v.value}", LEVEL_WORDS[v]) for v in Level if v in levels]:
        keys.append(
            f"Salience, as an article ranks the issue for the party: {' '.join(tags)}; "
            "no tag: not ranked"
        )
    return "".join(f'<span class="key">{k}</span>' for k in keys)


def _tag(kind: str, words: str) -> str:
    return f'<span class="tag {kind}">{_e(words)}</span>'


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
    legend = _legend(cmp)
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
<p class="legend">{legend}<span class="key"><span class="screen">Each stance folds its summary
and quotes under it.</span><span class="print">The summaries and quotes follow the table.</span>
</span></p>
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
