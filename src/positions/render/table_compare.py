"""The terminal views of a comparison: compare at a glance, and in full (--full, --evidence, show).

At a glance, one block per issue: its relation beside each party's ask, then the reason; in full,
a card per stance with its outcomes, conditions and, with the evidence, its quotes.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text

from positions.present import (
    changed_mark,
    left_out_note,
    no_position,
    shown_note,
    shown_reason,
    sources_count,
)
from positions.results import (
    Comparison,
    Relation,
    Row,
)

from .table_parts import (
    ask,
    closing,
    counts_lines,
    heading,
    pair_lines,
    parties_line,
    stance_card,
    uncued,
)
from .terminal import (
    NARROW,
    beside,
    firmness_mark,
    indent,
    paragraph,
    relation_word,
    shown_width,
    styled,
    wrap,
)

# A compact row shows each party's ask only up to this many parties; more read as a list.
ASKS_SHOWN = 12


# -- compare: one block per issue ---------------------------------------------------------


def compact(cmp: Comparison, width: int) -> Iterator[Text]:
    """The comparison at a glance: counts first, then per issue its relation, asks and reason."""
    yield from heading(cmp.header, width)
    if cmp.relating:
        yield from counts_lines(cmp.counts, width)
    if cmp.shown is not None:
        yield from paragraph(styled(shown_note(cmp.shown), "italic"), width)
    yield from parties_line(cmp.parties, width, no_cue=uncued(cmp.rows), camp=cmp.within_camp)
    known = [r for r in cmp.rows if r.relation is not Relation.UNKNOWN]
    silent = [r for r in cmp.rows if r.relation is Relation.UNKNOWN]
    side = all(side_by_side(_asks(row, cmp), width) for row in known)  # one layout for all
    previous: Row | None = None
    for row in known:
        # Issues of one dispute stand together, a blank line around each dispute: one screen.
        if previous is None or row.dispute is None or row.dispute != previous.dispute:
            yield Text()
        yield from issue_block(row, cmp, width, side=side)
        previous = row
    if silent:
        yield Text()
        listed = ", ".join(
            row.issue.name
            + (f" ({mark})" if (mark := changed_mark(cmp.filter, row.issue.id)) else "")
            for row in silent
        )
        line = Text.assemble(
            relation_word(Relation.UNKNOWN),
            styled(f", fewer than two positions recorded: {listed}", "dim"),
        )
        yield from paragraph(line, width)
    if cmp.pairs:
        yield Text()
        yield from pair_lines(cmp.pairs, cmp.parties, width)
    if cmp.pairs_left_out:
        yield from paragraph(styled(left_out_note(cmp.pairs_left_out), "dim"), width)
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
    if mark := changed_mark(cmp.filter, row.issue.id):
        head.append(styled(mark, "italic"))
    return head, confidence


def _asks(row: Row, cmp: Comparison) -> list[tuple[Text, Text]]:
    """Each party with a stance: its firmness mark and name, and what it asks."""
    if len(cmp.parties) > ASKS_SHOWN:
        return []
    held = [(p, s) for p, s in zip(cmp.parties, row.stances, strict=True) if s is not None]
    compared = {p.id for p in cmp.parties}
    label = max(shown_width(p.name) for p in cmp.parties)  # one column for the asks of every block
    out = []
    for party, stance in held:
        mark = Text.assemble(firmness_mark(stance.firmness), " ", styled(party.name))
        mark.pad_right(label - shown_width(party.name) + 2)
        # At a glance, a joint statement is said where it is made with a party compared: two
        # parties that agree in one statement. Made with another, it is said in full (--full).
        out.append((mark, ask(stance, row.issue, row, party.id, cmp.header, compared)))
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
    name = styled(row.issue.name, "bold")
    if side and side_by_side(asks, width, left):
        right: list[Text] = []
        for mark, text in asks:
            right += indent(wrap(text, width - left - mark.cell_len), mark, " " * mark.cell_len)
        yield from beside([*wrap(name, left - 2), *head], left, right)
    else:
        yield from paragraph(name, width)
        for line in head:
            yield from paragraph(line, width)
        for mark, text in asks:
            mark.rstrip()
            yield from paragraph(Text.assemble(mark, ": ", text), width, "  ", "    ")
    if row.verdict is not None:
        reason = styled(shown_reason(row) if asks else row.verdict.reason, "dim")
        if confidence:
            reason.append(f" ({confidence})", "dim")
        yield from paragraph(reason, width, "  ")


# -- compare --full, show, and an issue in full: cards ---------------------------------------


def cards(cmp: Comparison, width: int, *, evidence: bool) -> Iterator[Text]:
    """The comparison in full: each issue with its relation and reason, then every stance."""
    yield from heading(cmp.header, width)
    if cmp.relating:
        yield from counts_lines(cmp.counts, width)
    yield from parties_line(cmp.parties, width, no_cue=uncued(cmp.rows), camp=cmp.within_camp)
    for row in cmp.rows:
        yield Text()
        title = Text.assemble(styled(row.issue.name, "bold"), (f" ({row.issue.id})", "dim"))
        if row.verdict is not None:
            title = Text.assemble(title, "  ", relation_word(row.verdict.relation))
            if row.verdict.confidence is not None:
                said = f"{row.verdict.confidence.value}, {sources_count(row.verdict.sources)}"
                title.append(f" ({said})", "dim")
        if mark := changed_mark(cmp.filter, row.issue.id):
            title.append(f"  {mark}", "italic")
        yield from paragraph(title, width)
        if row.verdict is not None:
            yield from paragraph(styled(row.verdict.reason, "dim"), width, "  ")
        for party, stance in zip(cmp.parties, row.stances, strict=True):
            missing = no_position(cmp.filter, party.id, row.issue.id)
            yield from stance_card(
                party, stance, row.issue, cmp.header, width, evidence=evidence, missing=missing
            )
    yield Text()
    yield from closing(cmp.header, width, cmp.filter, (r.issue.id for r in cmp.rows))
    if cmp.pairs:
        yield Text()
        yield from pair_lines(cmp.pairs, cmp.parties, width)
