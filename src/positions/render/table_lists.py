"""The terminal views of the dataset's lists: issues, one issue in full, parties, sources."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text

from positions.present import (
    plural,
    sources_count,
)
from positions.results import (
    IssueDetail,
    IssueList,
    PartyList,
    SourcesReport,
)

from .table_parts import (
    closing,
    heading,
    stance_card,
)
from .terminal import (
    paragraph,
    relation_word,
    styled,
)

# -- one issue, the lists --------------------------------------------------------------------


def detail_view(detail: IssueDetail, width: int) -> Iterator[Text]:
    """One issue in full: the question, the outcomes, the relation, and every stance."""
    issue = detail.row.issue
    yield from paragraph(
        Text.assemble(styled(issue.name, "bold"), (f" ({issue.id})", "dim")), width
    )
    yield from paragraph(styled(issue.question), width)
    if detail.row.dispute:
        yield from paragraph(styled(f"part of the dispute: {detail.row.dispute}", "dim"), width)
    yield Text()
    yield styled("Outcomes", "bold")
    for oid, description in issue.outcomes.items():
        line = Text.assemble(styled(oid, "bold"), ": ", styled(description))
        links = []
        if issue.requires.get(oid):
            links.append(
                "requires " + ", ".join(sorted(f"{i}/{o}" for i, o in issue.requires[oid]))
            )
        excluded = sorted(issue.excludes.get(oid, ()))
        excluded += sorted(f"{i}/{o}" for i, o in issue.excludes_elsewhere.get(oid, ()))
        if excluded:
            links.append("excludes " + ", ".join(excluded))
        if links:
            line.append_text(styled(f" ({'; '.join(links)})", "dim"))
        yield from paragraph(line, width, "  \u2022 ", "    ")
    for check in issue.compatible:
        pair = " and ".join(o for o in issue.outcomes if o in check.outcomes)
        yield from paragraph(
            Text.assemble(("checked compatible: ", "dim"), styled(f"{pair}: {check.reason}")),
            width,
            "  ",
            "    ",
        )
    verdict = detail.row.verdict
    if verdict is not None:
        yield Text()
        head = Text.assemble(
            ("Among the parties with a stance: ", "dim"), relation_word(verdict.relation)
        )
        if verdict.confidence is not None:
            head.append(f" ({verdict.confidence.value}, {sources_count(verdict.sources)})", "dim")
        yield from paragraph(head, width)
        yield from paragraph(styled(verdict.reason, "dim"), width, "  ")
    yield Text()
    for party, stance in zip(detail.parties, detail.row.stances, strict=True):
        yield from stance_card(party, stance, issue, detail.header, width, evidence=True)
    yield Text()
    yield from closing(detail.header, width)


def issues_view(listing: IssueList, width: int) -> Iterator[Text]:
    """Every issue: its name, id and question, its outcomes, and who has a stance on it."""
    yield from heading(listing.header, width)
    for issue, holders in listing.issues:
        yield Text()
        yield from paragraph(
            Text.assemble(styled(issue.name, "bold"), (f" ({issue.id})", "dim")), width
        )
        yield from paragraph(styled(issue.question), width, "  ")
        for oid, description in issue.outcomes.items():
            yield from paragraph(
                Text.assemble(styled(oid, "bold"), ": ", styled(description)),
                width,
                "  \u2022 ",
                "    ",
            )
        who = ", ".join(p.name for p in holders) or "none"
        yield from paragraph(Text.assemble(("stances: ", "dim"), styled(who)), width, "  ")
    yield Text()
    yield from closing(listing.header, width)


def parties_view(listing: PartyList, width: int) -> Iterator[Text]:
    """Every party: its id and name, its other names, its members, and its stances."""
    yield from heading(listing.header, width)
    for party in listing.parties:
        yield Text()
        yield from paragraph(
            Text.assemble(styled(party.name, "bold"), (f" ({party.id})", "dim")), width
        )
        if party.aliases:
            yield from paragraph(
                Text.assemble(("also: ", "dim"), styled(", ".join(party.aliases))), width, "  "
            )
        if party.members:
            yield from paragraph(
                Text.assemble(("members: ", "dim"), styled(", ".join(party.members))), width, "  "
            )
        issues = ", ".join(party.stances) or "none"
        yield from paragraph(
            Text.assemble((f"{plural(len(party.stances), 'stance')}: ", "dim"), styled(issues)),
            width,
            "  ",
        )
    yield Text()
    yield from closing(listing.header, width)


def sources_view(report: SourcesReport, width: int) -> Iterator[Text]:
    """Each source with what it backs; then the stances that rest on thin evidence."""
    yield from heading(report.header, width)
    for use in report.uses:
        yield Text()
        yield from paragraph(
            Text.assemble(styled(use.title, "bold"), (f" ({use.source})", "dim")), width
        )
        yield from paragraph(
            styled(f"{plural(use.stances, 'stance')}, {plural(use.quotes, 'quote')}"), width, "  "
        )
    yield Text()
    yield from paragraph(
        styled(f"Stances on thin evidence: {len(report.weak)} of {report.stances}", "bold"), width
    )
    for w in report.weak:
        yield from paragraph(
            Text.assemble(
                styled(f"{w.party}/{w.issue}", "bold"), ": ", styled("; ".join(w.reasons))
            ),
            width,
            "  ",
            "    ",
        )
    yield Text()
    yield from closing(report.header, width)
