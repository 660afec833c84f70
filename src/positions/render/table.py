"""The terminal views: every result laid out for the width it is printed at.

Each view is a function of a result and a width that yields lines of rich Text (render.terminal
lays them out: words are never broken, narrow terminals get stacked blocks). Every piece of data
goes in through ``t()``, as text, never as console markup, with control and reordering
characters made visible, so a summary or a quote can neither style nor move the terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import singledispatch
from typing import Any

from rich.cells import cell_len
from rich.console import RenderableType
from rich.text import Text

from positions.model import Issue, Party, Stance
from positions.present import (
    NO_POSITION,
    counts_line,
    data_line,
    filter_note,
    left_out_note,
    plural,
    quote_source,
    shown_note,
    was,
)
from positions.present import ask as present_ask
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
    PairSummary,
    PartyList,
    Relation,
    Row,
    SourcesReport,
    Summary,
    Tally,
    Verification,
)
from positions.text import visible

from .terminal import (
    NARROW,
    Lines,
    beside,
    firmness_mark,
    indent,
    legend,
    relation_word,
    t,
    wrap,
)
from .vocabulary import FIRMNESS_WORD, RELATION_STYLE

View = Callable[[int], Iterator[Text]]

# A compact row shows each party's ask only up to this many parties; more read as a list.
ASKS_SHOWN = 12


class Laid(Lines):
    """A view, laid out when it is printed, for the width it is printed at."""

    def __init__(self, view: Callable[[Any, int], Iterator[Text]], result: object) -> None:
        self.view = view
        self.result = result

    def lines(self, width: int) -> Iterator[Text]:
        """The view's lines at ``width``."""
        return self.view(self.result, width)


@singledispatch
def render(result: object) -> RenderableType:
    """``result`` laid out for the terminal."""
    raise TypeError(f"no table for {type(result).__name__}")


# -- pieces every view shares --------------------------------------------------------------


def para(text: Text | str, width: int, first: str = "", rest: str | None = None) -> list[Text]:
    """``text`` wrapped to ``width``, after ``first`` on its first line and ``rest`` after."""
    body = text if isinstance(text, Text) else t(text)
    gap = len(first) if rest is None else len(rest)
    return list(indent(wrap(body, width - gap), first, " " * gap if rest is None else rest))


def counts_lines(counts: dict[Relation, Tally], width: int) -> list[Text]:
    """How many issues fall under each relation (those with any), each in its colour.

    Packed a count at a time, so that a line never parts a number from its relation or begins
    with the separator.
    """
    items = [
        Text(counts_line({relation: tally}), style=RELATION_STYLE[relation])
        for relation, tally in counts.items()
        if tally.issues
    ]
    lines: list[Text] = []
    for n, item in enumerate(items):
        room = 0 if n == len(items) - 1 else 2  # for the " ·" that would end the line
        if lines and lines[-1].cell_len + 3 + item.cell_len + room <= width:
            lines[-1].append(" \u00b7 ")
            lines[-1].append_text(item)
        else:
            if lines:
                lines[-1].append(" \u00b7")
            lines.append(Text.assemble(item))
    return lines


def ask(stance: Stance, issue: Issue, row: Row | None = None, party: str = "") -> Text:
    """What a stance asks for (present.ask): accepted, then ``not`` rejected, then conditions."""
    parts = present_ask(stance, issue, row, party)
    out = t(parts.accepts)
    if parts.rejects:
        out.append("; " if parts.accepts else "")
        out.append("not ", "dim")
        out.append_text(t(parts.rejects))
    if parts.conditions:
        out.append_text(t(f" (only if: {parts.conditions})", "dim"))
    return out


def names(parties: tuple[Party, ...]) -> str:
    """``Russia and Ukraine``, ``A, B and C``."""
    listed = [p.name for p in parties]
    return ", ".join(listed[:-1]) + " and " + listed[-1] if len(listed) > 1 else "".join(listed)


def parties_line(parties: tuple[Party, ...], width: int) -> list[Text]:
    """The parties compared and the key to the firmness marks, on one line if it fits."""
    who = t(names(parties), "bold")
    if who.cell_len + 2 + legend().cell_len <= width:
        return [Text.assemble(who, "; ", legend())]
    # The legend on a line of its own, not broken between a mark and its word.
    return [*para(who, width), *para(legend(), width)]


def heading(header: Header, width: int) -> list[Text]:
    """The dataset's title."""
    return para(t(header.title, "bold"), width)


def closing(
    header: Header,
    width: int,
    filtered: Filter | None = None,
    shown: Iterable[str] = (),
    more: str = "",
) -> list[Text]:
    """The notes that close a view: the filter, if any, and the data file (then ``more``).

    ``shown``: the issues the view lists, each marked ``*`` if the filter changed its relation.
    """
    out: list[Text] = []
    if filtered is not None:
        listed = set(shown)
        marked = sum(1 for issue in filtered.changed if issue in listed)
        note = filter_note(filtered, marked=marked, hidden=len(filtered.changed) - marked)
        out += para(t(note, "italic"), width)
    return [*out, *footer(header, width, more)]


def footer(header: Header, width: int, more: str = "") -> list[Text]:
    """The data file, then ``more``, on one line however long the file's path.

    The path's leading folders give way to ``...`` first, then ``more``: the file's own name
    stays whole, so a long checkout path never adds a line to a view that must fit a screen.
    Only where even the file's name does not fit is the line wrapped.
    """
    path = visible(header.data)
    for hint in (more, ""):
        room = width - cell_len(data_line(header._replace(data="")) + hint)
        name = shortened(path, room)
        if cell_len(name) <= room:
            return [t(data_line(header._replace(data=name)) + hint, "dim")]
    return para(t(data_line(header), "dim"), width)


def shortened(path: str, room: int) -> str:
    """``path`` in at most ``room`` cells, its leading folders replaced by ``...``, if it can be.

    Only whole folders go, so the file's name is never cut; ``path`` itself if it fits or if
    even ``.../NAME`` does not.
    """
    if cell_len(path) <= room:
        return path
    parts = path.split("/")
    for start in range(1, len(parts)):
        candidate = "/".join(["...", *parts[start:]])
        if cell_len(candidate) <= room:
            return candidate
    return path


# -- compare: one block per issue ---------------------------------------------------------


def compact(cmp: Comparison, width: int) -> Iterator[Text]:
    """The comparison at a glance: counts first, then per issue its relation, asks and reason."""
    yield from heading(cmp.header, width)
    if cmp.relating:
        yield from counts_lines(cmp.counts, width)
    if cmp.shown is not None:
        yield from para(t(shown_note(cmp.shown), "italic"), width)
    yield from parties_line(cmp.parties, width)
    known = [r for r in cmp.rows if r.relation is not Relation.UNKNOWN]
    silent = [r for r in cmp.rows if r.relation is Relation.UNKNOWN]
    side = all(side_by_side(_asks(row, cmp), width) for row in known)  # one layout for all
    for row in known:
        yield Text()
        yield from issue_block(row, cmp, width, side=side)
    if silent:
        yield Text()
        listed = ", ".join(
            row.issue.id + (f" ({mark})" if (mark := was(cmp.filter, row.issue.id)) else "")
            for row in silent
        )
        line = Text.assemble(
            relation_word(Relation.UNKNOWN),
            t(f", fewer than two stated positions: {listed}", "dim"),
        )
        yield from para(line, width)
    if cmp.pairs:
        yield Text()
        yield from pair_lines(cmp.pairs, cmp.parties, width)
    if cmp.pairs_left_out:
        yield from para(t(left_out_note(cmp.pairs_left_out), "dim"), width)
    if cmp.pairs:
        yield Text()
    more = " \u00b7 more: --full, --evidence" if cmp.rows else ""
    yield from closing(cmp.header, width, cmp.filter, (r.issue.id for r in cmp.rows), more)


# The width of the left column of a compact block (issue name, relation), at most.
LEFT = 22
# Side by side only if each ask gets this many columns (60 columns leave 29 for two parties).
ASK_WIDTH = 25


def _relation_lines(row: Row, cmp: Comparison, left: int) -> tuple[list[Text], str]:
    """The relation (with its confidence where it fits), and the confidence left to say."""
    verdict = row.verdict
    if verdict is None:
        return [], ""
    relation = Text.assemble(relation_word(verdict.relation))  # what follows is not coloured
    confidence = verdict.confidence.value if verdict.confidence else ""
    if confidence and relation.cell_len + 3 + len(confidence) <= left - 2:
        relation.append(f" ({confidence})", "dim")
        confidence = ""  # said beside the relation, not after the reason
    head = [relation]
    if mark := was(cmp.filter, row.issue.id):
        head.append(t(mark, "italic"))
    return head, confidence


def _asks(row: Row, cmp: Comparison) -> list[tuple[Text, Text]]:
    """Each party with a stance: its firmness mark and name, and what it asks."""
    if len(cmp.parties) > ASKS_SHOWN:
        return []
    held = [(p, s) for p, s in zip(cmp.parties, row.stances, strict=True) if s is not None]
    label = max(len(p.name) for p in cmp.parties)  # one column for the asks of every block
    out = []
    for party, stance in held:
        mark = Text.assemble(firmness_mark(stance.firmness), " ", t(party.name))
        mark.pad_right(label - len(party.name) + 2)
        out.append((mark, ask(stance, row.issue, row, party.id)))
    return out


def side_by_side(asks: list[tuple[Text, Text]], width: int, left: int = LEFT) -> bool:
    """Whether the asks fit beside the issue's name and relation, one ask a line."""
    label = max((mark.cell_len for mark, _ in asks), default=0)
    return width >= NARROW and bool(asks) and width - left - label >= ASK_WIDTH


def issue_block(
    row: Row, cmp: Comparison, width: int, left: int = LEFT, *, side: bool = True
) -> Iterator[Text]:
    """One issue: its name and relation beside each party's ask, then the reason.

    Side by side if ``side`` (the caller decides once for every block) and this block allows;
    stacked otherwise.
    """
    head, confidence = _relation_lines(row, cmp, left)
    asks = _asks(row, cmp)
    name = t(row.issue.name, "bold")
    if side and side_by_side(asks, width, left):
        right: list[Text] = []
        for mark, text in asks:
            right += indent(wrap(text, width - left - mark.cell_len), mark, " " * mark.cell_len)
        yield from beside([*wrap(name, left - 2), *head], left, right)
    else:
        yield from para(name, width)
        for line in head:
            yield from para(line, width)
        for mark, text in asks:
            mark.rstrip()
            yield from para(Text.assemble(mark, ": ", text), width, "  ", "    ")
    if row.verdict is not None:
        reason = t(row.verdict.reason, "dim")
        if confidence:
            reason.append(f" ({confidence})", "dim")
        yield from para(reason, width, "  ")


# -- compare --full, show, and an issue in full: cards ---------------------------------------


def stance_card(
    party: Party, stance: Stance | None, issue: Issue, header: Header, width: int, *, evidence: bool
) -> Iterator[Text]:
    """One party's stance: firmness, summary, outcomes, conditions, and the quotes if asked."""
    if stance is None:
        yield from para(
            Text.assemble(t(party.name, "bold"), t(f": {NO_POSITION}", "dim italic")), width, "  "
        )
        return
    head = Text.assemble(
        firmness_mark(stance.firmness),
        " ",
        t(party.name, "bold"),
        " ",
        t(FIRMNESS_WORD[stance.firmness], "dim"),
    )
    yield from para(head, width, "  ")
    yield from para(t(stance.summary), width, "    ")
    for label, outcomes in (("accepts", stance.accepts), ("rejects", stance.rejects)):
        for oid in outcomes:
            yield from para(
                Text.assemble((f"{label} ", "dim"), t(issue.outcomes[oid]), (f" ({oid})", "dim")),
                width,
                "    ",
                "      ",
            )
    for iid, needed in stance.conditions.items():
        yield from para(
            Text.assemble(("only if ", "dim"), t(f"{iid}: {', '.join(needed)}")),
            width,
            "    ",
            "      ",
        )
    if stance.note:
        yield from para(
            Text.assemble(("note: ", "dim"), t(stance.note, "dim")), width, "    ", "      "
        )
    if evidence:
        for e in stance.evidence:
            bar = "    \u2502 "  # on every line of the quote, as a block
            yield from para(t(f"\u201c{e.quote}\u201d", "italic"), width, bar, bar)
            yield from para(t(f"\u2014 {quote_source(e, header)}", "dim"), width, bar, bar)


def cards(cmp: Comparison, width: int) -> Iterator[Text]:
    """The comparison in full: each issue with its relation and reason, then every stance."""
    yield from heading(cmp.header, width)
    if cmp.relating:
        yield from counts_lines(cmp.counts, width)
    yield from parties_line(cmp.parties, width)
    for row in cmp.rows:
        yield Text()
        title = Text.assemble(t(row.issue.name, "bold"), (f" ({row.issue.id})", "dim"))
        if row.verdict is not None:
            title = Text.assemble(title, "  ", relation_word(row.verdict.relation))
            if row.verdict.confidence is not None:
                title.append(f" ({row.verdict.confidence.value})", "dim")
        if mark := was(cmp.filter, row.issue.id):
            title.append(f"  {mark}", "italic")
        yield from para(title, width)
        if row.verdict is not None:
            yield from para(t(row.verdict.reason, "dim"), width, "  ")
        for party, stance in zip(cmp.parties, row.stances, strict=True):
            yield from stance_card(
                party, stance, row.issue, cmp.header, width, evidence=cmp.detail is Detail.EVIDENCE
            )
    yield Text()
    yield from closing(cmp.header, width, cmp.filter, (r.issue.id for r in cmp.rows))
    if cmp.pairs:
        yield Text()
        yield from pair_lines(cmp.pairs, cmp.parties, width)


@render.register
def comparison(cmp: Comparison) -> RenderableType:
    """A comparison: at a glance by default, or in full (--full, --evidence, show)."""
    return Laid(compact if cmp.detail is Detail.SUMMARY else cards, cmp)


def pair_lines(
    pairs: tuple[PairSummary, ...], parties: tuple[Party, ...], width: int
) -> Iterator[Text]:
    """For each pair of parties: their common ground and conflicts, of the issues both address."""
    name = {p.id: p.name for p in parties}
    yield t("Pairwise", "bold")
    for pair in pairs:
        counts = (
            ", ".join(
                f"{n} {relation.value}"
                for relation, n in pair.counts.items()
                if n and relation is not Relation.UNKNOWN
            )
            or "no issue both address"
        )
        line = Text.assemble(t(f"{name[pair.a]} \u2013 {name[pair.b]}", "bold"), ": ", t(counts))
        yield from para(line, width, "  ", "    ")


# -- one issue, the lists --------------------------------------------------------------------


def detail_view(detail: IssueDetail, width: int) -> Iterator[Text]:
    """One issue in full: the question, the outcomes, the relation, and every stance."""
    issue = detail.row.issue
    yield from para(Text.assemble(t(issue.name, "bold"), (f" ({issue.id})", "dim")), width)
    yield from para(t(issue.question), width)
    if detail.row.dispute:
        yield from para(t(f"part of the dispute: {detail.row.dispute}", "dim"), width)
    yield Text()
    yield t("Outcomes", "bold")
    for oid, description in issue.outcomes.items():
        line = Text.assemble(t(oid, "bold"), ": ", t(description))
        if issue.excludes.get(oid):
            line.append(f" (excludes {', '.join(sorted(issue.excludes[oid]))})", "dim")
        yield from para(line, width, "  \u2022 ", "    ")
    verdict = detail.row.verdict
    if verdict is not None:
        yield Text()
        yield from para(
            Text.assemble(
                ("Among the parties with a stance: ", "dim"), relation_word(verdict.relation)
            ),
            width,
        )
        yield from para(t(verdict.reason, "dim"), width, "  ")
    yield Text()
    for party, stance in zip(detail.parties, detail.row.stances, strict=True):
        yield from stance_card(party, stance, issue, detail.header, width, evidence=True)
    yield Text()
    yield from closing(detail.header, width)


@render.register
def issue_detail(detail: IssueDetail) -> RenderableType:
    """One issue in full."""
    return Laid(detail_view, detail)


def issues_view(listing: IssueList, width: int) -> Iterator[Text]:
    """Every issue: its name, id and question, its outcomes, and who has a stance on it."""
    yield from heading(listing.header, width)
    for issue, holders in listing.issues:
        yield Text()
        yield from para(Text.assemble(t(issue.name, "bold"), (f" ({issue.id})", "dim")), width)
        yield from para(t(issue.question), width, "  ")
        for oid, description in issue.outcomes.items():
            yield from para(
                Text.assemble(t(oid, "bold"), ": ", t(description)), width, "  \u2022 ", "    "
            )
        who = ", ".join(p.name for p in holders) or "none"
        yield from para(Text.assemble(("stances: ", "dim"), t(who)), width, "  ")
    yield Text()
    yield from closing(listing.header, width)


@render.register
def issue_list(listing: IssueList) -> RenderableType:
    """Every issue."""
    return Laid(issues_view, listing)


def parties_view(listing: PartyList, width: int) -> Iterator[Text]:
    """Every party: its id and name, its other names, its members, and its stances."""
    yield from heading(listing.header, width)
    for party in listing.parties:
        yield Text()
        yield from para(Text.assemble(t(party.name, "bold"), (f" ({party.id})", "dim")), width)
        if party.aliases:
            yield from para(
                Text.assemble(("also: ", "dim"), t(", ".join(party.aliases))), width, "  "
            )
        if party.members:
            yield from para(
                Text.assemble(("members: ", "dim"), t(", ".join(party.members))), width, "  "
            )
        issues = ", ".join(party.stances) or "none"
        yield from para(
            Text.assemble((f"{plural(len(party.stances), 'stance')}: ", "dim"), t(issues)),
            width,
            "  ",
        )
    yield Text()
    yield from closing(listing.header, width)


@render.register
def party_list(listing: PartyList) -> RenderableType:
    """Every party."""
    return Laid(parties_view, listing)


# -- the matrix ------------------------------------------------------------------------------


def cell(stance: Stance | None) -> Text:
    """A party's position in a matrix cell: its firmness mark and its outcomes' ids."""
    if stance is None:
        return Text("\u00b7", style="dim")
    shown = ", ".join(stance.accepts) or "not " + ", ".join(stance.rejects)
    return Text.assemble(firmness_mark(stance.firmness), " ", t(shown))


def matrix_view(m: Matrix, width: int) -> Iterator[Text]:
    """Every party's position on every issue, coloured by the issue's relation; then the pairs.

    A grid where it fits the width, one block per issue where it does not.
    """
    yield from heading(m.header, width)
    yield from para(legend(), width)
    yield Text()
    cells = [[cell(s) for s in row.stances] for row in m.rows]
    yield from grid(m, cells, width) or stacked(m, cells, width)
    if m.pairs:
        yield Text()
        yield from pair_lines(m.pairs, m.parties, width)
    if m.pairs_left_out:
        yield Text()
        yield from para(t(left_out_note(m.pairs_left_out), "dim"), width)
    yield Text()
    yield from closing(m.header, width, m.filter)


def grid(m: Matrix, cells: list[list[Text]], width: int) -> list[Text]:
    """The matrix as a grid of issues by parties, or nothing if it is wider than ``width``."""
    issue_width = min(28, max((len(r.issue.name) for r in m.rows), default=5))
    relation_width = max((len(r.relation.value) for r in m.rows if r.relation), default=7)
    widths = [max([len(p.name), *(c[i].cell_len for c in cells)]) for i, p in enumerate(m.parties)]
    if issue_width + relation_width + sum(widths) + 2 * (len(widths) + 1) > width:
        return []
    head = Text(" " * (issue_width + relation_width + 4))
    for party, w in zip(m.parties, widths, strict=True):
        head.append_text(t(party.name, "bold"))
        head.pad_right(w - len(party.name) + 2)
    head.rstrip()
    out = [head]
    for row, row_cells in zip(m.rows, cells, strict=True):
        relation = row.relation or Relation.UNKNOWN
        left = wrap(t(row.issue.name), issue_width)
        line = left[0].copy()
        line.pad_right(issue_width - line.cell_len + 2)
        line.append(relation.value.ljust(relation_width + 2), RELATION_STYLE[relation])
        for c, w in zip(row_cells, widths, strict=True):
            line.append_text(c)
            line.pad_right(w - c.cell_len + 2)
        line.rstrip()
        out += [line, *left[1:]]
    return out


def stacked(m: Matrix, cells: list[list[Text]], width: int) -> Iterator[Text]:
    """The matrix as one block per issue: its relation, then each party's cell."""
    for n, (row, row_cells) in enumerate(zip(m.rows, cells, strict=True)):
        relation = row.relation or Relation.UNKNOWN
        if n:
            yield Text()
        yield from para(
            Text.assemble(t(row.issue.name, "bold"), "  ", relation_word(relation)), width
        )
        silent = []
        for party, stance, c in zip(m.parties, row.stances, row_cells, strict=True):
            if stance is None:
                silent.append(party.name)
            else:
                yield from para(Text.assemble(t(party.name), ": ", c), width, "  ", "    ")
        if silent:
            yield from para(t(f"{NO_POSITION}: {', '.join(silent)}", "dim"), width, "  ")


@render.register
def matrix(m: Matrix) -> RenderableType:
    """The whole map."""
    return Laid(matrix_view, m)


# -- agenda, sources, diff, agreement ----------------------------------------------------------


def agenda_view(plan: Agenda, width: int) -> Iterator[Text]:
    """The agenda: each issue in its place, with its relation and why it sits there."""
    yield from para(t(f"Agenda: {names(plan.parties)}", "bold"), width)
    group = None
    number = len(str(len(plan.items)))
    for item in plan.items:
        if item.group != group:
            group = item.group
            yield Text()
            yield t(group[:1].upper() + group[1:], "bold")
        relation = item.row.relation or Relation.UNKNOWN
        place = f"{item.place:>{number}}. "
        head = Text.assemble(t(item.row.issue.name, "bold"), "  ", relation_word(relation))
        verdict = item.row.verdict
        if verdict is not None and verdict.confidence is not None:
            head.append(f" ({verdict.confidence.value})", "dim")
        if mark := was(plan.filter, item.row.issue.id):
            head.append(f"  {mark}", "italic")
        yield from para(head, width, place)
        yield from para(t(item.reason, "dim"), width, " " * len(place))
    yield Text()
    yield from closing(plan.header, width, plan.filter, (i.row.issue.id for i in plan.items))


@render.register
def agenda(plan: Agenda) -> RenderableType:
    """The agenda."""
    return Laid(agenda_view, plan)


def sources_view(report: SourcesReport, width: int) -> Iterator[Text]:
    """Each source with what it backs; then the stances that rest on thin evidence."""
    yield from heading(report.header, width)
    for use in report.uses:
        yield Text()
        yield from para(Text.assemble(t(use.title, "bold"), (f" ({use.source})", "dim")), width)
        yield from para(
            t(f"{plural(use.stances, 'stance')}, {plural(use.quotes, 'quote')}"), width, "  "
        )
    yield Text()
    yield from para(
        t(f"Stances on thin evidence: {len(report.weak)} of {report.stances}", "bold"), width
    )
    for w in report.weak:
        yield from para(
            Text.assemble(t(f"{w.party}/{w.issue}", "bold"), ": ", t("; ".join(w.reasons))),
            width,
            "  ",
            "    ",
        )
    yield Text()
    yield from closing(report.header, width)


@render.register
def sources(report: SourcesReport) -> RenderableType:
    """The sources."""
    return Laid(sources_view, report)


def diff_view(d: Diff, width: int) -> Iterator[Text]:
    """What changed between two versions of a data file."""
    yield from para(t(f"{d.old} \u2192 {d.new}", "bold"), width)
    listed = (
        ("issues added", d.issues_added),
        ("issues removed", d.issues_removed),
        ("outcomes added", [f"{i}/{o}" for i, o in d.outcomes_added]),
        ("outcomes removed", [f"{i}/{o}" for i, o in d.outcomes_removed]),
        ("parties added", d.parties_added),
        ("parties removed", d.parties_removed),
    )
    for label, values in listed:
        if values:
            yield from para(
                Text.assemble((f"{label}: ", "dim"), t(", ".join(values))), width, "", "  "
            )
    if d.stances:
        yield Text()
        yield t("Stances", "bold")
        for c in d.stances:
            change = Text.assemble(
                t(f"{c.party}/{c.issue}", "bold"),
                f" {c.change}: ",
                t(c.before or "-"),
                " \u2192 ",
                t(c.after or "-"),
            )
            yield from para(change, width, "  ", "    ")
    if d.edits:
        yield Text()
        yield t("Changed", "bold")
        for e in d.edits:
            change = Text.assemble(
                t(e.what, "bold"),
                f" {e.change}: ",
                t(e.before or "-"),
                " \u2192 ",
                t(e.after or "-"),
            )
            yield from para(change, width, "  ", "    ")
    if d.relations:
        yield Text()
        yield t("Relations", "bold")
        for r in d.relations:
            change = Text.assemble(
                t(f"{r.a} \u2013 {r.b}", "bold"),
                ", ",
                t(r.issue),
                ": ",
                (r.before.value, RELATION_STYLE[r.before]),
                " \u2192 ",
                (r.after.value, RELATION_STYLE[r.after]),
            )
            yield from para(change, width, "  ", "    ")
    if d.empty:
        yield t("no changes")


@render.register
def diff(d: Diff) -> RenderableType:
    """What changed."""
    return Laid(diff_view, d)


def agreement_view(a: Agreement, width: int) -> Iterator[Text]:
    """The scores by kind of judgement, then every disagreement."""
    yield from para(
        t(f"Agreement of two coders: first {a.first}, second {a.second}", "bold"), width
    )
    yield Text()
    for label, score in (
        ("outcomes accepted or rejected", a.outcomes),
        ("firmness", a.firmness),
        ("attribution (strongest quote)", a.attribution),
    ):
        k = "-" if score.kappa is None else f"{score.kappa:.3f}"
        scored = (
            ": no unit in common"
            if score.percent is None
            else f": {score.agreed} of {score.units} units, {score.percent:.1f}%, Cohen's kappa {k}"
        )
        yield from para(
            Text.assemble(t(label, "bold"), scored),
            width,
            "  ",
            "    ",
        )
    yield Text()
    if not a.disagreements:
        yield t("No disagreements.")
        return
    yield t(f"Disagreements: {len(a.disagreements)}", "bold")
    for d in a.disagreements:
        what = f"{d.party}/{d.issue}" + (f"/{d.outcome}" if d.outcome else "")
        yield from para(
            Text.assemble(
                t(what, "bold"), f" {d.kind}: first ", t(d.first), ", second ", t(d.second)
            ),
            width,
            "  ",
            "    ",
        )


@render.register
def agreement(a: Agreement) -> RenderableType:
    """Two coders' agreement."""
    return Laid(agreement_view, a)


# -- one-line reports ------------------------------------------------------------------------


@render.register
def summary(s: Summary) -> str:
    """A valid file in one line of counts."""
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
