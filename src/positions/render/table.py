"""Terminal output with rich: the comparison table and the dataset's lists.

Every piece of data goes in as a ``Text`` built from plain strings (never as console markup) after
``visible`` has replaced control and reordering characters, so a summary or quote can neither
style nor move the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import singledispatch

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from positions.model import Firmness, Stance
from positions.present import (
    NO_POSITION,
    counts_line,
    data_line,
    filter_note,
    plural,
    quote_source,
)
from positions.present import summary as present_summary
from positions.present import verification as present_verification
from positions.results import (
    Agenda,
    Agreement,
    Comparison,
    Detail,
    Diff,
    Filter,
    Header,
    IssueDetail,
    IssueList,
    LintReport,
    Matrix,
    PartyList,
    Relation,
    Row,
    SourcesReport,
    Summary,
    Tally,
    Verification,
)
from positions.text import visible

RELATION_STYLE = {
    Relation.CONFLICT: "bold red",
    Relation.CONDITIONAL: "bold yellow",
    Relation.COMPLEMENTARY: "bold blue",
    Relation.OVERLAP: "bold cyan",
    Relation.AGREE: "bold green",
    Relation.UNKNOWN: "dim",
}
FIRMNESS_LABEL = {
    Firmness.RED_LINE: ("RED LINE", "bold red"),
    Firmness.FIRM: ("firm", "yellow"),
    Firmness.OPEN: ("open", "green"),
}


def _t(text: str, style: str = "") -> Text:
    return Text(visible(text), style=style)


def _line(label: str, items: Iterable[str], style: str = "") -> Text:
    return Text.assemble((label, "dim"), (visible(", ".join(items)), style))


@singledispatch
def render(result: object) -> RenderableType:
    """``result`` as a rich renderable for the terminal."""
    raise TypeError(f"no table for {type(result).__name__}")


def stance_text(stance: Stance | None, header: Header, *, evidence: bool) -> Text:
    """A stance as a block of text: summary, outcomes, firmness and, if asked, the quotes."""
    if stance is None:
        return _t(NO_POSITION, "dim italic")
    parts = [_t(stance.summary)]
    if stance.accepts:
        parts.append(_line("accepts: ", stance.accepts, "green"))
    if stance.rejects:
        parts.append(_line("rejects: ", stance.rejects, "red"))
    label, style = FIRMNESS_LABEL[stance.firmness]
    parts.append(Text.assemble(("firmness: ", "dim"), (label, style)))
    if evidence:
        for e in stance.evidence:
            parts.append(_t(f"\u201c{e.quote}\u201d", "italic"))
            parts.append(_t("  \u2014 " + quote_source(e, header), "dim"))
    return Text("\n").join(parts)


def relation_text(row: Row, changed: Filter | None = None) -> Text:
    """The relation word (never colour alone) and its one-line reason."""
    verdict = row.verdict
    if verdict is None:
        return Text()
    parts = [Text(verdict.relation.value.upper(), style=RELATION_STYLE[verdict.relation])]
    if changed is not None and row.issue.id in changed.changed:
        before = changed.changed[row.issue.id]
        parts.append(_t(f"* was {before.value if before else 'not compared'}", "italic"))
    parts.append(_t(verdict.reason))
    if verdict.confidence is not None:
        parts.append(_t(f"evidence: {verdict.confidence.value}", "dim"))
    return Text("\n").join(parts)


def counts_text(counts: dict[Relation, Tally]) -> Text:
    """The closing line: how many issues fall under each relation, and over how many disputes."""
    out = Text()
    for i, (relation, tally) in enumerate(counts.items()):
        if i:
            out.append(" \u00b7 ")
        out.append(counts_line({relation: tally}), style=RELATION_STYLE[relation])
    return out


def _pairs_table(cmp: Comparison) -> Table:
    names = {p.id: p.name for p in cmp.parties}
    table = Table(title="Pairwise", box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("Parties", overflow="fold")
    for relation in Relation:
        table.add_column(
            relation.value, justify="right", style=RELATION_STYLE[relation], overflow="fold"
        )
    for pair in cmp.pairs:
        table.add_row(
            _t(f"{names[pair.a]} \u2013 {names[pair.b]}"),
            *[str(pair.counts[r]) for r in Relation],
        )
    return table


def issue_text(row: Row, changed: Filter | None = None) -> Text:
    """The first cell of a row: the issue's name and id, then how the parties relate on it."""
    head = Text.assemble((visible(row.issue.name), "bold"), "\n", (visible(row.issue.id), "dim"))
    if row.relation is None:
        return head
    return Text("\n").join([head, relation_text(row, changed)])


@render.register
def comparison(cmp: Comparison) -> RenderableType:
    """The comparison: a row per issue with its relation and common ground, a column per party.

    The relation shares the first column with the issue so that the parties' columns keep
    their width in an 80-column terminal.
    """
    table = Table(box=box.ROUNDED, show_lines=True, expand=True, title=_t(cmp.header.title))
    relating = cmp.relating
    evidence = cmp.detail is Detail.EVIDENCE
    # Wide enough for the longest id it shows, so that ids are folded only in narrow terminals.
    tokens = [r.issue.id for r in cmp.rows]
    width = min(25, max([16, *map(len, tokens)]))
    table.add_column("Issue / relation" if relating else "Issue", width=width, overflow="fold")
    for party in cmp.parties:
        table.add_column(_t(party.name), ratio=3, overflow="fold")
    for row in cmp.rows:
        table.add_row(
            issue_text(row, cmp.filter),
            *[stance_text(s, cmp.header, evidence=evidence) for s in row.stances],
        )
    parts: list[RenderableType] = [table]
    if relating:
        parts.append(counts_text(cmp.counts))
    if cmp.filter is not None:
        parts.append(_t(filter_note(cmp.filter, marked=True), "italic"))
    if cmp.pairs:
        parts.append(_pairs_table(cmp))
    if cmp.pairs_left_out:
        parts.append(_t(f"Pairwise summary left out: {cmp.pairs_left_out:,} pairs are too many "
                        f"to show; compare fewer parties for it.", "dim"))  # fmt: skip
    parts.append(_t(data_line(cmp.header), "dim"))
    return Group(*parts)


@render.register
def issue_detail(detail: IssueDetail) -> RenderableType:
    """One issue in full: its question, outcomes, and every party's stance with evidence."""
    row = detail.row
    issue = row.issue
    head = Text.assemble(
        (visible(issue.name), "bold"), (f" ({issue.id})", "dim"), "\n", visible(issue.question)
    )
    outcomes = Table(box=box.SIMPLE_HEAD, title="Outcomes", title_justify="left")
    outcomes.add_column("Outcome", style="bold", overflow="fold")
    outcomes.add_column("Description", overflow="fold")
    for oid, description in issue.outcomes.items():
        outcomes.add_row(_t(oid), _t(description))
    stances = Table(box=box.ROUNDED, show_lines=True, expand=True, title="Stances")
    stances.add_column("Party", ratio=1, overflow="fold")
    stances.add_column("Stance", ratio=4, overflow="fold")
    for party, stance in zip(detail.parties, row.stances, strict=True):
        stances.add_row(_t(party.name, "bold"), stance_text(stance, detail.header, evidence=True))
    parts: list[RenderableType] = [head, outcomes, stances]
    if row.relation is not None:
        parts.append(Text.assemble(("Among these parties: ", "dim"), relation_text(row)))
    parts.append(_t(data_line(detail.header), "dim"))
    return Group(*parts)


@render.register
def issue_list(listing: IssueList) -> RenderableType:
    """Every issue with its question, outcomes and the parties that have a stance on it."""
    table = Table(box=box.ROUNDED, show_lines=True, expand=True, title=_t(listing.header.title))
    table.add_column("Issue", ratio=1, overflow="fold")
    table.add_column("Question and outcomes", ratio=3, overflow="fold")
    table.add_column("Parties", ratio=1, overflow="fold")
    for issue, holders in listing.issues:
        text = Text.assemble(visible(issue.question))
        for oid, description in issue.outcomes.items():
            text.append("\n\u2022 ")
            text.append(visible(oid), style="bold")
            text.append(": " + visible(description))
        table.add_row(
            Text.assemble((visible(issue.name), "bold"), "\n", (visible(issue.id), "dim")),
            text,
            _t(", ".join(p.name for p in holders) or "none", "" if holders else "dim"),
        )
    return table


@render.register
def party_list(listing: PartyList) -> RenderableType:
    """Every party with its aliases and how many stances it has."""
    table = Table(box=box.ROUNDED, title=_t(listing.header.title))
    table.add_column("Party", overflow="fold")
    table.add_column("Name", overflow="fold")
    table.add_column("Aliases", overflow="fold")
    table.add_column("Stances", justify="right", overflow="fold")
    for party in listing.parties:
        table.add_row(
            _t(party.id, "bold"),
            _t(party.name),
            _t(", ".join(party.aliases)),
            str(len(party.stances)),
        )
    return table


FIRMNESS_MARK = {Firmness.RED_LINE: "R", Firmness.FIRM: "F", Firmness.OPEN: "O"}


def legend() -> Text:
    """The key to the matrix's marks and colours."""
    out = Text("Firmness: ")
    for i, (firmness, mark) in enumerate(FIRMNESS_MARK.items()):
        label, style = FIRMNESS_LABEL[firmness]
        if i:
            out.append("  ")
        out.append(f"{mark} {label.lower()}", style=style)
    out.append(
        "   (accepted outcomes; 'not: ...' where a party only rejects; - no stated position)"
    )
    return out


@render.register
def matrix(m: Matrix) -> RenderableType:
    """The whole map: parties' accepted outcomes issue by issue, then each pair's balance."""
    grid = Table(box=box.ROUNDED, show_lines=True, title=_t(m.header.title))
    grid.add_column("Issue", overflow="fold")
    for party in m.parties:
        grid.add_column(_t(party.name), overflow="fold")
    for issue in m.issues:
        cells: list[RenderableType] = [Text(visible(issue.name), style="bold")]
        for party in m.parties:
            stance = party.stances.get(issue.id)
            if stance is None:
                cells.append(Text("-", style="dim"))
                continue
            style = FIRMNESS_LABEL[stance.firmness][1]
            shown = ", ".join(stance.accepts) or "not: " + ", ".join(stance.rejects)
            cells.append(Text(f"{FIRMNESS_MARK[stance.firmness]} {visible(shown)}", style=style))
        grid.add_row(*cells)
    pairs = Table(
        box=box.ROUNDED,
        title="Common ground / conflict, of the issues both address",
        title_justify="left",
    )
    pairs.add_column("", overflow="fold")
    for party in m.parties[1:]:
        pairs.add_column(_t(party.name), overflow="fold", justify="center")
    counts = {(p.a, p.b): p for p in m.pairs}
    for i, row_party in enumerate(m.parties[:-1]):
        cells = [_t(row_party.name, "bold")]
        for j, col_party in enumerate(m.parties[1:], start=1):
            if j <= i:
                cells.append(Text(""))
                continue
            pair = counts[(row_party.id, col_party.id)]
            style = "green" if pair.common > pair.conflict else "red" if pair.conflict else "dim"
            cells.append(Text(f"{pair.common} / {pair.conflict} of {pair.both}", style=style))
        pairs.add_row(*cells)
    parts: list[RenderableType] = [grid, legend()]
    if m.filter is not None:
        parts.append(_t(filter_note(m.filter), "italic"))
    if m.pairs:
        parts.append(pairs)
    parts.append(_t(data_line(m.header), "dim"))
    return Group(*parts)


@render.register
def agenda(plan: Agenda) -> RenderableType:
    """The agenda: a numbered line per issue with its group and the reason for its place."""
    table = Table(
        box=box.SIMPLE_HEAD, title=_t("Agenda: " + ", ".join(p.name for p in plan.parties))
    )
    table.add_column("#", justify="right")
    table.add_column("Issue", overflow="fold")
    table.add_column("Why here", overflow="fold")
    for item in plan.items:
        relation = item.row.relation or Relation.UNKNOWN
        table.add_row(
            str(item.place),
            Text(visible(item.row.issue.name), style="bold"),
            Text.assemble(
                (relation.value.upper(), RELATION_STYLE[relation]), " ", visible(item.reason)
            ),
        )
    parts: list[RenderableType] = [table]
    if plan.filter is not None:
        parts.append(_t(filter_note(plan.filter), "italic"))
    parts.append(_t(data_line(plan.header), "dim"))
    return Group(*parts)


@render.register
def sources(report: SourcesReport) -> RenderableType:
    """Each source with what it backs, then the stances that rest on thin evidence."""
    table = Table(box=box.ROUNDED, title=_t(report.header.title))
    table.add_column("Source", overflow="fold")
    table.add_column("Title", overflow="fold")
    table.add_column("Stances", justify="right")
    table.add_column("Quotes", justify="right")
    for use in report.uses:
        table.add_row(_t(use.source), _t(use.title), str(use.stances), str(use.quotes))
    flagged = Table(box=box.SIMPLE_HEAD, title="Stances on thin evidence", title_justify="left")
    flagged.add_column("Party", overflow="fold")
    flagged.add_column("Issue", overflow="fold")
    flagged.add_column("Why", overflow="fold")
    for w in report.weak:
        flagged.add_row(_t(w.party), _t(w.issue), _t("; ".join(w.reasons), "yellow"))
    note = _t(f"{len(report.weak)} of {report.stances} stances flagged")
    return Group(table, flagged, note) if report.weak else Group(table, note)


@render.register
def diff(d: Diff) -> RenderableType:
    """What changed between two versions of a data file."""
    lines: list[Text] = [_t(f"{d.old} -> {d.new}", "bold")]

    def listed(label: str, values: Iterable[str], style: str) -> None:
        shown = list(values)
        if shown:
            lines.append(Text.assemble((label, "dim"), (visible(", ".join(shown)), style)))

    listed("issues added: ", d.issues_added, "green")
    listed("issues removed: ", d.issues_removed, "red")
    listed("outcomes added: ", (f"{i}/{o}" for i, o in d.outcomes_added), "green")
    listed("outcomes removed: ", (f"{i}/{o}" for i, o in d.outcomes_removed), "red")
    listed("parties added: ", d.parties_added, "green")
    listed("parties removed: ", d.parties_removed, "red")
    parts: list[RenderableType] = [Text("\n").join(lines)]
    if d.stances:
        table = Table(box=box.SIMPLE_HEAD, title="Stances", title_justify="left")
        for name in ("Party", "Issue", "Change", "Before", "After"):
            table.add_column(name, overflow="fold")
        for c in d.stances:
            table.add_row(_t(c.party), _t(c.issue), _t(c.change), _t(c.before, "red"),
                          _t(c.after, "green"))  # fmt: skip
        parts.append(table)
    if d.relations:
        table = Table(box=box.SIMPLE_HEAD, title="Relations", title_justify="left")
        for name in ("Parties", "Issue", "Before", "After"):
            table.add_column(name, overflow="fold")
        for r in d.relations:
            table.add_row(
                _t(f"{r.a} \u2013 {r.b}"),
                _t(r.issue),
                Text(r.before.value, style=RELATION_STYLE[r.before]),
                Text(r.after.value, style=RELATION_STYLE[r.after]),
            )
        parts.append(table)
    if not (d.stances or d.relations or len(lines) > 1):
        parts.append(Text("no changes"))
    return Group(*parts)


@render.register
def summary(s: Summary) -> str:
    """A valid file in one line of counts (plain text: a line that rich must not wrap)."""
    return present_summary(s) + "\n"


@render.register
def verification(v: Verification) -> str:
    """Every quote found, in one line."""
    return present_verification(v) + "\n"


@render.register
def lint_report(report: LintReport) -> str:
    """Every finding on one line, FILE:LINE:COL first as compilers write it, then the counts.

    Plain lines, never wrapped, so that editors and grep can use them.
    """
    lines = [
        f"{f.location}: {f.code} {'noted' if f.noted else 'error' if f.error else 'warning'}: "
        f"{visible(f.message)} [{f.check}]"
        for f in report.findings
    ]
    counts = (
        f"{plural(report.errors, 'error')}, {plural(report.warnings, 'warning')}, "
        f"{report.noted} noted in {report.header.data}"
    )
    if not report.with_sources:
        counts += " (speakers not checked: give --sources DIR)"
    return "\n".join([*lines, counts]) + "\n"


@render.register
def agreement(a: Agreement) -> RenderableType:
    """The scores by kind of judgement, then every disagreement."""
    scores = Table(
        box=box.SIMPLE_HEAD,
        title=_t(f"Agreement of two coders: first {a.first}, second {a.second}"),
        title_justify="left",
    )
    for name in ("Judgement", "Units", "Agreed", "Percent", "Cohen's kappa"):
        scores.add_column(name, justify="left" if name == "Judgement" else "right")
    for label, score in (
        ("outcomes accepted or rejected", a.outcomes),
        ("firmness", a.firmness),
        ("attribution (strongest quote)", a.attribution),
    ):
        k = "-" if score.kappa is None else f"{score.kappa:.3f}"
        scores.add_row(label, str(score.units), str(score.agreed), f"{score.percent:.1f}%", k)
    parts: list[RenderableType] = [scores]
    if a.disagreements:
        table = Table(box=box.SIMPLE_HEAD, title="Disagreements", title_justify="left")
        for name in ("Kind", "Party", "Issue", "Outcome", "First coder", "Second coder"):
            table.add_column(_t(name), overflow="fold")
        for d in a.disagreements:
            table.add_row(_t(d.kind), _t(d.party), _t(d.issue), _t(d.outcome or ""),
                          _t(d.first), _t(d.second))  # fmt: skip
        parts.append(table)
    else:
        parts.append(_t("No disagreements."))
    return Group(*parts)
