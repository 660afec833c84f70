"""The terminal views of the reports: the agenda, a diff, two coders' agreement, and more.

validate and verify report in plain lines; lint's findings are wrapped, ids never broken.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.text import Text

from positions.present import (
    changed_mark,
    check_counts,
    lint_counts,
    plural,
    severity,
)
from positions.results import (
    Agenda,
    Agreement,
    Diff,
    LintReport,
    Relation,
)

from .table_parts import (
    closing,
    names,
)
from .terminal import (
    paragraph,
    relation_word,
    styled,
)
from .vocabulary import RELATION_STYLE

# -- agenda, sources, diff, agreement ----------------------------------------------------------


def agenda_view(plan: Agenda, width: int) -> Iterator[Text]:
    """The agenda: each issue in its place, with its relation and why it sits there."""
    yield from paragraph(styled(f"Agenda: {names(plan.parties)}", "bold"), width)
    group = None
    number = len(str(len(plan.items)))
    for item in plan.items:
        if item.group != group:
            group = item.group
            yield Text()
            yield styled(group[:1].upper() + group[1:], "bold")
        relation = item.row.relation or Relation.UNKNOWN
        place = f"{item.place:>{number}}. "
        head = Text.assemble(styled(item.row.issue.name, "bold"), "  ", relation_word(relation))
        verdict = item.row.verdict
        if verdict is not None and verdict.confidence is not None:
            head.append(f" ({verdict.confidence.value})", "dim")
        if mark := changed_mark(plan.filter, item.row.issue.id):
            head.append(f"  {mark}", "italic")
        yield from paragraph(head, width, place)
        yield from paragraph(styled(item.reason, "dim"), width, " " * len(place))
    yield Text()
    yield from closing(plan.header, width, plan.filter, (i.row.issue.id for i in plan.items))


def _changes(
    title: str, changes: Sequence[tuple[str, str, str | None, str | None]], width: int
) -> Iterator[Text]:
    """A titled list of changes, each ``WHAT CHANGE: BEFORE -> AFTER`` (``-`` for nothing)."""
    yield Text()
    yield styled(title, "bold")
    for what, change, before, after in changes:
        line = Text.assemble(
            styled(what, "bold"), f" {change}: ", styled(before or "-"), " \u2192 ",
            styled(after or "-"),
        )  # fmt: skip
        yield from paragraph(line, width, "  ", "    ")


def diff_view(d: Diff, width: int) -> Iterator[Text]:
    """What changed between two versions of a data file."""
    yield from paragraph(styled(f"{d.old} \u2192 {d.new}", "bold"), width)
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
            yield from paragraph(
                Text.assemble((f"{label}: ", "dim"), styled(", ".join(values))), width, "", "  "
            )
    if d.stances:
        stances = [(f"{c.party}/{c.issue}", c.change, c.before, c.after) for c in d.stances]
        yield from _changes("Stances", stances, width)
    if d.edits:
        yield from _changes(
            "Changed", [(e.what, e.change, e.before, e.after) for e in d.edits], width
        )
    if d.relations:
        yield Text()
        yield styled("Relations", "bold")
        for r in d.relations:
            change = Text.assemble(
                styled(f"{r.a} \u2013 {r.b}", "bold"),
                ", ",
                styled(r.issue),
                ": ",
                (r.before.value, RELATION_STYLE[r.before]),
                " \u2192 ",
                (r.after.value, RELATION_STYLE[r.after]),
            )
            yield from paragraph(change, width, "  ", "    ")
    if d.empty:
        yield styled("no changes")


def agreement_view(a: Agreement, width: int) -> Iterator[Text]:
    """The scores by kind of judgement, then every disagreement."""
    yield from paragraph(
        styled(f"Agreement of two coders: first {a.first}, second {a.second}", "bold"), width
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
        yield from paragraph(
            Text.assemble(styled(label, "bold"), scored),
            width,
            "  ",
            "    ",
        )
    yield Text()
    if not a.disagreements:
        yield styled("No disagreements.")
        return
    yield styled(f"Disagreements: {len(a.disagreements)}", "bold")
    for d in a.disagreements:
        what = f"{d.party}/{d.issue}" + (f"/{d.outcome}" if d.outcome else "")
        yield from paragraph(
            Text.assemble(
                styled(what, "bold"),
                f" {d.kind}: first ",
                styled(d.first),
                ", second ",
                styled(d.second),
            ),
            width,
            "  ",
            "    ",
        )


_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "noted": "dim"}


def lint_view(report: LintReport, width: int) -> Iterator[Text]:
    """The counts first, a line per check, then each finding shown, wrapped to ``width``.

    A finding's first line is ``FILE:LINE:COL: CODE severity``, as compilers begin theirs; what
    is wrong is indented under it. Words (ids, paths) are never broken. Noted findings are
    counted at the end unless --all shows them.
    """
    yield from paragraph(styled(lint_counts(report), "bold"), width, "", "  ")
    for check, counts in check_counts(report):
        line = styled(f"  {check}: {counts}")
        if line.cell_len <= width:
            yield line
        else:  # the counts on a line of their own, rather than a number apart from its word
            yield from paragraph(styled(f"{check}:"), width, "  ")
            yield from paragraph(styled(counts), width, "    ")
    for f in report.shown:
        word = severity(f)
        code = Text.assemble(styled(f.code, "bold"), " ", styled(word, _SEVERITY_STYLE[word]))
        yield Text()
        head = Text.assemble(styled(f"{f.location}: "), code)
        if head.cell_len <= width:
            yield head
        else:  # the place on a line of its own, its code and kind under it
            yield from paragraph(styled(f"{f.location}:"), width)
            yield from paragraph(code, width, "  ")
        yield from paragraph(styled(f"{f.message} [{f.check}]"), width, "  ")
    left_out = report.hidden_noted
    if left_out:
        yield Text()
        yield from paragraph(
            styled(f"{plural(left_out, 'noted finding')} not shown; --all shows them", "dim"),
            width,
        )
