"""The terminal views of the reports: the agenda, a diff, two coders' agreement, and more.

validate, verify and lint report in plain lines, never wrapped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.text import Text

from positions.present import (
    changed_mark,
    plural,
)
from positions.results import (
    Agenda,
    Agreement,
    CoverageReport,
    Diff,
    LintReport,
    Reading,
    Relation,
    Sentence,
)
from positions.text import visible

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


def lint_lines(report: LintReport) -> str:
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


def _sentence(sentence: Sentence, width: int) -> Iterator[Text]:
    """A sentence after its number and reading, then what covers it and what is left open."""
    place = f"{sentence.number:>3}. "
    rest = " " * len(place)
    head = Text.assemble(styled(sentence.reading.value, "bold"), "  ", styled(sentence.text))
    yield from paragraph(head, width, place, rest)
    if sentence.cited_by:
        yield from paragraph(styled("cited by " + ", ".join(sentence.cited_by), "dim"), width, rest)
    if sentence.reasons:
        yield from paragraph(
            styled("set aside: " + "; ".join(sentence.reasons), "dim"), width, rest
        )
    if sentence.reading is Reading.CANDIDATE:
        found = []
        if sentence.rest != sentence.text:
            found.append(f"open: {sentence.rest}")
        if sentence.parties:
            found.append("parties: " + ", ".join(sentence.parties))
        if sentence.cues:
            found.append("cues: " + ", ".join(sentence.cues))
        yield from paragraph(styled("; ".join(found), "dim"), width, rest)


def coverage_view(report: CoverageReport, width: int) -> Iterator[Text]:
    """Each source's counts, then its open candidates (or, with --all, every sentence)."""
    yield from paragraph(styled(f"Coverage of the sources in {report.folder}", "bold"), width)
    for source in report.sources:
        yield from paragraph(styled(source.id, "bold"), width)
        if source.unreadable is not None:
            yield from paragraph(styled(f"not read: {source.unreadable}"), width, "  ")
            continue
        counts = (
            f"{plural(len(source.sentences), 'sentence')}: "
            f"{source.count(Reading.CITED)} cited, {source.count(Reading.SET_ASIDE)} set aside, "
            f"{plural(source.count(Reading.CANDIDATE), 'open candidate')}, "
            f"{source.count(Reading.NOT_LOOKED_AT)} not looked at"
        )
        if source.not_found:
            counts += f"; {plural(source.not_found, 'quote')} not found (positions verify)"
        yield from paragraph(styled(counts), width, "  ")
    for source in report.sources:
        shown = [s for s in source.sentences if report.every or s.reading is Reading.CANDIDATE]
        if not shown:
            continue
        yield Text()
        yield from paragraph(styled(f"{source.id}  {source.title}", "bold"), width)
        for sentence in shown:
            yield from _sentence(sentence, width)
    yield Text()
    total = plural(report.candidates, "open candidate")
    yield from paragraph(styled(total if report.candidates else "No open candidate."), width)
    yield from closing(report.header, width)
