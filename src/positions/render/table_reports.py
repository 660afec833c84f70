"""The terminal views of the reports: the agenda, a diff, two coders' agreement, and more.

validate and verify report in plain lines; lint's findings are wrapped, ids never broken.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.text import Text

from positions.model import Evidence
from positions.present import (
    ANY_STAGE,
    camp_line,
    changed_mark,
    check_counts,
    lint_counts,
    plural,
    severity,
)
from positions.results import (
    Agenda,
    Agreement,
    CoverageReport,
    Diff,
    Disagreement,
    LintReport,
    Reading,
    Relation,
    Sentence,
)

from .table_parts import (
    closing,
    names,
)
from .terminal import (
    NARROW,
    beside,
    indent,
    paragraph,
    relation_word,
    styled,
)
from .vocabulary import RELATION_STYLE

# -- agenda, sources, diff, agreement ----------------------------------------------------------


def agenda_view(plan: Agenda, width: int) -> Iterator[Text]:
    """The agenda: each issue in its place, with its relation and why it sits there."""
    title = styled(f"Agenda: {names(plan.parties)}", "bold")
    if plan.within_camp is not None:
        title.append_text(styled(f" ({camp_line(plan.within_camp)})"))
    yield from paragraph(title, width)
    group = None
    number = len(str(len(plan.items)))
    staged = any(item.stage is not None for item in plan.items)
    phase = None
    for item in plan.items:
        if staged and item.phase != phase:
            phase, group = item.phase, None
            yield Text()
            yield from paragraph(
                styled(item.phase[:1].upper() + item.phase[1:], "bold underline"), width
            )
            if item.phase == ANY_STAGE:  # the heading says the group
                group = item.group
        if item.group != group:
            group = item.group
            yield Text()
            yield from paragraph(styled(group[:1].upper() + group[1:], "bold"), width)
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
    if plan.unraised:
        yield Text()
        unraised = ", ".join(issue.name for issue in plan.unraised)
        yield from paragraph(
            styled(f"Not on the agenda, no position recorded by any of them: {unraised}.", "dim"),
            width,
        )
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


def _unit(d: Disagreement) -> Text:
    """One unit coded differently: ``PARTY/ISSUE[/OUTCOME] KIND: first X, second Y``."""
    what = "/".join(p for p in (d.party, d.issue, d.outcome) if p)
    return Text.assemble(
        styled(what, "bold"), f" {d.kind}: first ", styled(d.first), ", second ", styled(d.second)
    )


def _scores(a: Agreement, width: int) -> Iterator[Text]:
    """A line for each kind of judgement, then one for the relations."""
    for label, score in (
        ("outcomes accepted or rejected", a.outcomes),
        ("firmness", a.firmness),
        ("attribution (strongest quote)", a.attribution),
        ("conditions", a.conditions),
        ("stage (stances and conditions)", a.stage),
        ("salience", a.salience),
        ("exclusions (per issue)", a.exclusions),
    ):
        k = "-" if score.kappa is None else f"{score.kappa:.3f}"
        scored = (
            ": no unit in common"
            if score.percent is None
            else f": {score.agreed} of {score.units} units, {score.percent:.1f}%, Cohen's kappa {k}"
        )
        yield from paragraph(Text.assemble(styled(label, "bold"), scored), width, "  ", "    ")
    r = a.relations
    same = (
        ": no pair with a relation in either coding"
        if r.percent is None
        else f": {r.agreed} of {r.units} the same, {r.percent:.1f}%"
    )
    label = f"relations of {plural(len(a.parties), 'party', 'parties')}, pair by pair"
    yield from paragraph(Text.assemble(styled(label, "bold"), same), width, "  ", "    ")


def _side_by_side(
    first: tuple[Evidence, ...], second: tuple[Evidence, ...], width: int
) -> Iterator[Text]:
    """Both coders' quotes for one stance: in two columns, or one after the other if narrow."""

    def column(label: str, evidence: tuple[Evidence, ...], room: int) -> list[Text]:
        lines = [styled(label, "dim")]
        if not evidence:
            lines.append(styled("no stance", "italic"))
        for e in evidence:
            credit = "; ".join(x for x in (e.source, e.speaker, e.attribution.value) if x)
            quote = Text.assemble(styled(f"\u201c{e.quote}\u201d"), styled(f" ({credit})", "dim"))
            lines += paragraph(quote, room, "", "  ")
        return lines

    if width - 4 < NARROW:
        yield from indent(column("first", first, width - 4), "    ", "    ")
        yield from indent(column("second", second, width - 4), "    ", "    ")
        return
    room = (width - 4 - 2) // 2
    yield from indent(
        beside(column("first", first, room), room + 2, column("second", second, room)),
        "    ",
        "    ",
    )


def agreement_view(a: Agreement, width: int, *, evidence: bool = False) -> Iterator[Text]:
    """The scores by kind of judgement, every disagreement, each relation that differs and why.

    With ``evidence``, each stance coded differently with both coders' quotes side by side.
    """
    yield from paragraph(
        styled(f"Agreement of two coders: first {a.first}, second {a.second}", "bold"), width
    )
    if a.sources:
        only = "only on what each quotes from " + ", ".join(a.sources)
        yield from paragraph(styled(only, "dim"), width)
    yield Text()
    yield from _scores(a, width)
    yield Text()
    if not a.disagreements:
        yield styled("No disagreements.")
    else:
        yield styled(f"Disagreements: {len(a.disagreements)}", "bold")
        for d in a.disagreements:
            yield from paragraph(_unit(d), width, "  ", "    ")
    if a.relation_differences:
        yield Text()
        yield styled(f"Relations that differ: {len(a.relation_differences)}", "bold")
    for r in a.relation_differences:
        change = Text.assemble(
            styled(f"{r.a} \u2013 {r.b}", "bold"),
            ", ",
            styled(r.issue),
            ": first ",
            (r.first.value, RELATION_STYLE[r.first]),
            ", second ",
            (r.second.value, RELATION_STYLE[r.second]),
        )
        yield from paragraph(change, width, "  ", "    ")
        if not r.causes:
            yield from paragraph(styled("no unit on this issue differs", "dim"), width, "    ")
        for cause in r.causes:
            yield from paragraph(_unit(cause), width, "    \u2190 ", "      ")
    if evidence and a.quotes:
        yield Text()
        yield styled("Quotes of each stance coded differently", "bold")
        for q in a.quotes:
            yield from paragraph(styled(f"{q.party}/{q.issue}", "bold"), width, "  ")
            yield from _side_by_side(q.first, q.second, width)


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
