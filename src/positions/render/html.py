"""HTML output: one self-contained page, with no scripts and no external assets."""

from __future__ import annotations

from functools import singledispatch
from html import escape

from positions.model import Stance
from positions.present import NO_POSITION, counts_line, quote_source
from positions.results import Comparison, Row

_STYLE = """
:root { color-scheme: light; --red: #b3261e; --amber: #8a5a00; --green: #1e6b34; --dim: #5f6368;
        --blue: #1a4f8b; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem;
       color: #1b1b1b; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
p.meta { color: var(--dim); margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
col.issue { width: 15%; } col.relation { width: 13%; }
th, td { border: 1px solid #c8c8c8; padding: .45rem .6rem; vertical-align: top; text-align: left; }
thead th { background: #f1f1f1; }
td.issue { font-weight: 600; }
td.issue small { display: block; font-weight: 400; color: var(--dim); }
.outcomes { margin: .3rem 0 0; font-size: .92em; }
.accepts { color: var(--green); } .rejects { color: var(--red); }
.firmness { display: inline-block; margin-top: .3rem; font-size: .8em; padding: 0 .4em;
            border: 1px solid currentColor; border-radius: 3px; text-transform: uppercase; }
.firmness.red-line { color: var(--red); } .firmness.firm { color: var(--amber); }
.firmness.open { color: var(--green); }
.none { color: var(--dim); font-style: italic; }
.relation { font-weight: 700; text-transform: uppercase; }
.relation.conflict { color: var(--red); } .relation.overlap { color: var(--amber); }
.relation.agree { color: var(--green); } .relation.unknown { color: var(--dim); }
.relation.conditional { color: var(--amber); } .relation.complementary { color: var(--blue); }
p.reason { font-size: .9em; margin: .3rem 0 0; }
blockquote { margin: .4rem 0 0; padding-left: .6rem; border-left: 3px solid #d0d0d0;
             font-size: .9em; }
blockquote footer { color: var(--dim); font-size: .9em; }
td p { margin: 0 0 .4rem; }
@media print {
  body { margin: 0; font-size: 10pt; }
  thead { display: table-header-group; }
  blockquote, p { break-inside: avoid; }
}
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _stance(stance: Stance | None, cmp: Comparison) -> str:
    if stance is None:
        return f'<span class="none">{NO_POSITION}</span>'
    out = [f'<p class="summary">{_e(stance.summary)}</p>', '<p class="outcomes">']
    if stance.accepts:
        out.append(f'<span class="accepts">accepts: {_e(", ".join(stance.accepts))}</span><br>')
    if stance.rejects:
        out.append(f'<span class="rejects">rejects: {_e(", ".join(stance.rejects))}</span><br>')
    firmness = stance.firmness.value
    out.append(f'<span class="firmness {firmness}">{_e(firmness)}</span></p>')
    for e in stance.evidence:
        out.append(
            f'<blockquote>\u201c<span class="quote">{_e(e.quote)}</span>\u201d'
            f"<footer>\u2014 {_e(quote_source(e, cmp.header))}</footer></blockquote>"
        )
    return "".join(out)


def _relation(row: Row) -> str:
    verdict = row.verdict
    if verdict is None:
        return ""
    value = verdict.relation.value
    return (
        f'<span class="relation {value}">{value}</span><p class="reason">{_e(verdict.reason)}</p>'
    )


@singledispatch
def render(result: object) -> str:
    """``result`` as a complete HTML document."""
    raise TypeError(f"no HTML for {type(result).__name__}")


@render.register
def comparison(cmp: Comparison) -> str:
    """The comparison as a complete HTML document."""
    relating = cmp.relating
    head = "".join(f'<th scope="col">{_e(p.name)}</th>' for p in cmp.parties)
    if relating:
        head += '<th scope="col">Relation</th>'
    body = []
    for row in cmp.rows:
        cells = "".join(f"<td>{_stance(s, cmp)}</td>" for s in row.stances)
        if relating:
            cells += f"<td>{_relation(row)}</td>"
        body.append(
            f'<tr><td class="issue">{_e(row.issue.name)}<small>{_e(row.issue.question)}</small>'
            f"</td>{cells}</tr>"
        )
    meta = _e(", ".join(p.name for p in cmp.parties))
    if relating:
        meta += " \u2014 " + counts_line(cmp.counts, ", ")
    title = _e(cmp.header.title)
    cols = '<col class="issue">' + "<col>" * len(cmp.parties)
    if relating:
        cols += '<col class="relation">'
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
<h1>{title}</h1>
<p class="meta">{meta}</p>
<table>
<colgroup>{cols}</colgroup>
<thead><tr><th scope="col">Issue</th>{head}</tr></thead>
<tbody>
{chr(10).join(body)}
</tbody>
</table>
</body>
</html>
"""
