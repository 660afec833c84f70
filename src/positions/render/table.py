"""Terminal output with rich: the comparison table and the dataset's lists.

Every piece of data goes in as a ``Text`` built from plain strings (never as console markup) after
``visible`` has replaced control and reordering characters, so a summary or quote can neither
style nor move the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from positions.comparison import Comparison, Relation, Row
from positions.model import Dataset, Firmness, Party, Stance
from positions.text import visible

if TYPE_CHECKING:
    from positions.analysis import AgendaItem, Diff, Matrix, SourceUse, WeakStance

RELATION_STYLE = {
    Relation.CONFLICT: "bold red",
    Relation.OVERLAP: "bold yellow",
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


def stance_text(stance: Stance | None, dataset: Dataset, *, evidence: bool) -> Text:
    """A stance as a block of text: summary, outcomes, firmness and, if asked, the quotes."""
    if stance is None:
        return _t("no stated position", "dim italic")
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
            who = [dataset.sources[e.source].title]
            if e.speaker:
                who.append(e.speaker)
            who.append(e.attribution.value)
            parts.append(_t("  \u2014 " + "; ".join(who), "dim"))
    return Text("\n").join(parts)


def relation_text(
    row: Row, parties: tuple[Party, ...], changed: dict[str, Relation | None] | None = None
) -> Text:
    """The relation word (never colour alone) with the common ground or what divides them."""
    if row.relation is None:
        return Text()
    parts = [Text(row.relation.value.upper(), style=RELATION_STYLE[row.relation])]
    if changed is not None and row.issue.id in changed:
        before = changed[row.issue.id]
        parts.append(_t(f"* was {before.value if before else 'not compared'}", "italic"))
    if row.common:
        parts.append(_line("common: ", row.common, "green"))
    names = {p.id: p.name for p in parties}
    for r in row.rejections:
        parts.append(_t(f"{names[r.by]} rejects {', '.join(r.outcomes)}", "red"))
    missing = [p.name for p, s in zip(parties, row.stances, strict=True) if s is None]
    if missing:
        parts.append(_t("no stated position: " + ", ".join(missing), "dim"))
    return Text("\n").join(parts)


def counts_text(counts: dict[Relation, int]) -> Text:
    """The closing line: how many issues fall under each relation."""
    out = Text()
    for i, (relation, n) in enumerate(counts.items()):
        if i:
            out.append(" \u00b7 ")
        out.append(f"{n} {relation.value}", style=RELATION_STYLE[relation])
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


def issue_text(
    row: Row, parties: tuple[Party, ...], changed: dict[str, Relation | None] | None = None
) -> Text:
    """The first cell of a row: the issue's name and id, then how the parties relate on it."""
    head = Text.assemble((visible(row.issue.name), "bold"), "\n", (visible(row.issue.id), "dim"))
    if row.relation is None:
        return head
    return Text("\n").join([head, relation_text(row, parties, changed)])


def comparison(cmp: Comparison, *, evidence: bool = False) -> RenderableType:
    """The comparison: a row per issue with its relation and common ground, a column per party.

    The relation shares the first column with the issue so that the parties' columns keep
    their width in an 80-column terminal.
    """
    table = Table(box=box.ROUNDED, show_lines=True, expand=True, title=_t(cmp.dataset.title))
    relating = len(cmp.parties) >= 2
    # Wide enough for the longest id it shows, so that ids are folded only in narrow terminals.
    tokens = [r.issue.id for r in cmp.rows] + [o for r in cmp.rows for o in r.common]
    tokens += [o for r in cmp.rows for j in r.rejections for o in j.outcomes]
    width = min(25, max([16, *map(len, tokens)]))
    table.add_column("Issue / relation" if relating else "Issue", width=width, overflow="fold")
    for party in cmp.parties:
        table.add_column(_t(party.name), ratio=3, overflow="fold")
    for row in cmp.rows:
        table.add_row(
            issue_text(row, cmp.parties, cmp.changed),
            *[stance_text(s, cmp.dataset, evidence=evidence) for s in row.stances],
        )
    parts: list[RenderableType] = [table]
    if relating:
        parts.append(counts_text(cmp.counts))
    if cmp.attribution is not None:
        parts.append(_filter_note(cmp, marked=True))
    if cmp.pairs:
        parts.append(_pairs_table(cmp))
    parts.append(_t(f"data: {cmp.dataset.path}", "dim"))
    return Group(*parts)


def issue_detail(cmp: Comparison) -> RenderableType:
    """One issue in full: its question, outcomes, and every party's stance with evidence."""
    (row,) = cmp.rows
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
    for party, stance in zip(cmp.parties, row.stances, strict=True):
        stances.add_row(_t(party.name, "bold"), stance_text(stance, cmp.dataset, evidence=True))
    parts: list[RenderableType] = [head, outcomes, stances]
    if row.relation is not None:
        parts.append(
            Text.assemble(("Among these parties: ", "dim"), relation_text(row, cmp.parties))
        )
    parts.append(_t(f"data: {cmp.dataset.path}", "dim"))
    return Group(*parts)


def issues_list(dataset: Dataset) -> RenderableType:
    """Every issue with its question, outcomes and the parties that have a stance on it."""
    table = Table(box=box.ROUNDED, show_lines=True, expand=True, title=_t(dataset.title))
    table.add_column("Issue", ratio=1, overflow="fold")
    table.add_column("Question and outcomes", ratio=3, overflow="fold")
    table.add_column("Parties", ratio=1, overflow="fold")
    for issue in dataset.issues.values():
        text = Text.assemble(visible(issue.question))
        for oid, description in issue.outcomes.items():
            text.append("\n\u2022 ")
            text.append(visible(oid), style="bold")
            text.append(": " + visible(description))
        holders = [p.name for p in dataset.parties.values() if issue.id in p.stances]
        table.add_row(
            Text.assemble((visible(issue.name), "bold"), "\n", (visible(issue.id), "dim")),
            text,
            _t(", ".join(holders) or "none", "" if holders else "dim"),
        )
    return table


def parties_list(dataset: Dataset) -> RenderableType:
    """Every party with its aliases and how many stances it has."""
    table = Table(box=box.ROUNDED, title=_t(dataset.title))
    table.add_column("Party", overflow="fold")
    table.add_column("Name", overflow="fold")
    table.add_column("Aliases", overflow="fold")
    table.add_column("Stances", justify="right", overflow="fold")
    for party in dataset.parties.values():
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


def matrix(m: Matrix) -> RenderableType:
    """The whole map: parties' accepted outcomes issue by issue, then each pair's balance."""
    grid = Table(box=box.ROUNDED, show_lines=True, title=_t(m.dataset.title))
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
    if m.pairs:
        parts.append(pairs)
    parts.append(_t(f"data: {m.dataset.path}", "dim"))
    return Group(*parts)


def agenda(cmp: Comparison, items: list[AgendaItem]) -> RenderableType:
    """The agenda: a numbered line per issue with its group and the reason for its place."""
    table = Table(
        box=box.SIMPLE_HEAD, title=_t("Agenda: " + ", ".join(p.name for p in cmp.parties))
    )
    table.add_column("#", justify="right")
    table.add_column("Issue", overflow="fold")
    table.add_column("Why here", overflow="fold")
    for item in items:
        relation = item.row.relation or Relation.UNKNOWN
        table.add_row(
            str(item.place),
            Text(visible(item.row.issue.name), style="bold"),
            Text.assemble(
                (relation.value.upper(), RELATION_STYLE[relation]), " ", visible(item.reason)
            ),
        )
    return Group(table, _filter_note(cmp), _t(f"data: {cmp.dataset.path}", "dim"))


def _filter_note(cmp: Comparison, *, marked: bool = False) -> Text:
    """The note under a view filtered by --attribution (empty without a filter)."""
    if cmp.attribution is None:
        return Text()
    note = f"Only stances backed by {cmp.attribution.value} evidence or stronger are counted"
    if marked:
        changed = len(cmp.changed or {})
        note += f"; rows marked * ({changed}) have another relation without the filter"
    return _t(note + ".", "italic")


def sources(ds: Dataset, uses: list[SourceUse], weak: list[WeakStance]) -> RenderableType:
    """Each source with what it backs, then the stances that rest on thin evidence."""
    table = Table(box=box.ROUNDED, title=_t(ds.title))
    table.add_column("Source", overflow="fold")
    table.add_column("Title", overflow="fold")
    table.add_column("Stances", justify="right")
    table.add_column("Quotes", justify="right")
    for use in uses:
        table.add_row(_t(use.source), _t(use.title), str(use.stances), str(use.quotes))
    flagged = Table(box=box.SIMPLE_HEAD, title="Stances on thin evidence", title_justify="left")
    flagged.add_column("Party", overflow="fold")
    flagged.add_column("Issue", overflow="fold")
    flagged.add_column("Why", overflow="fold")
    for w in weak:
        flagged.add_row(_t(w.party), _t(w.issue), _t("; ".join(w.reasons), "yellow"))
    note = _t(f"{len(weak)} of {sum(len(p.stances) for p in ds.parties.values())} stances flagged")
    return Group(table, flagged, note) if weak else Group(table, note)


def diff(d: Diff) -> RenderableType:
    """What changed between two versions of a data file."""
    lines: list[Text] = [_t(f"{d.old.path} -> {d.new.path}", "bold")]

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
