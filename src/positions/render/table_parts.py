"""The parts the terminal views share: heading, counts, parties, a stance's card, closing notes."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from rich.cells import cell_len
from rich.text import Text

from positions.model import Firmness, Issue, Party, Stance
from positions.present import (
    ask_pieces,
    camp_line,
    condition,
    counts_line,
    data_line,
    doubters,
    filter_note,
    joint,
    outcome_lines,
    prose,
    quote_source,
    ranking,
    sources_count,
    stage,
)
from positions.results import (
    NO_POSITION,
    Camp,
    Filter,
    Header,
    PairSummary,
    Relation,
    Row,
    Tally,
)
from positions.text import visible

from .terminal import (
    firmness_mark,
    legend,
    legend_lines,
    paragraph,
    styled,
)
from .vocabulary import FIRMNESS_WORD, RELATION_STYLE


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


def ask(
    stance: Stance,
    issue: Issue,
    row: Row | None = None,
    party: str = "",
    header: Header | None = None,
    among: Collection[str] | None = None,
) -> Text:
    """What a stance asks for, as present.ask_pieces words it, our labels dimmed.

    With ``header``, a joint statement says so after it (with ``among``, only one made with
    one of those parties).
    """
    pieces = ask_pieces(stance, issue, row, party)
    out = Text.assemble(*(styled(p.text, "dim" if p.label else "") for p in pieces))
    if header is not None and (together := joint(stance, header, among)):
        out.append_text(styled(f" ({together})", "dim"))
    return out


def uncued(rows: Iterable[Row]) -> bool:
    """Whether any stance shown in ``rows`` has no firmness cue (its mark is then keyed)."""
    return any(s is not None and s.firmness is Firmness.NO_CUE for r in rows for s in r.stances)


def names(parties: tuple[Party, ...]) -> str:
    """``Russia and Ukraine``, ``A, B and C``."""
    listed = [p.name for p in parties]
    return ", ".join(listed[:-1]) + " and " + listed[-1] if len(listed) > 1 else "".join(listed)


def parties_line(
    parties: tuple[Party, ...], width: int, *, no_cue: bool = False, camp: Camp | None = None
) -> list[Text]:
    """The parties compared and the key to the firmness marks, on one line if it fits.

    ``no_cue``: a stance shown has no firmness cue, so its mark is keyed too. ``camp``: the one
    camp the parties all belong to, said after their names.
    """
    who = styled(names(parties), "bold")
    if camp is not None:
        who.append_text(styled(f" ({camp_line(camp)})"))
    key = legend(no_cue=no_cue)
    if who.cell_len + 2 + key.cell_len <= width:
        return [Text.assemble(who, "; ", key)]
    # The legend on lines of its own, not broken between a mark and its word.
    return [*paragraph(who, width), *legend_lines(width, no_cue=no_cue)]


def heading(header: Header, width: int) -> list[Text]:
    """The dataset's title."""
    return paragraph(styled(header.title, "bold"), width)


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
        out += paragraph(styled(note, "italic"), width)
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
            return [styled(data_line(header._replace(data=name)) + hint, "dim")]
    return paragraph(styled(data_line(header), "dim"), width)


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


def pair_lines(
    pairs: tuple[PairSummary, ...], parties: tuple[Party, ...], width: int
) -> Iterator[Text]:
    """For each pair of parties: their common ground and conflicts, of the issues both address."""
    name = {p.id: p.name for p in parties}
    yield styled("Pairwise", "bold")
    for pair in pairs:
        counts = (
            ", ".join(
                f"{n} {relation.value}"
                for relation, n in pair.counts.items()
                if n and relation is not Relation.UNKNOWN
            )
            or "no issue both address"
        )
        line = Text.assemble(
            styled(f"{name[pair.a]} \u2013 {name[pair.b]}", "bold"), ": ", styled(counts)
        )
        yield from paragraph(line, width, "  ", "    ")


def stance_card(
    party: Party,
    stance: Stance | None,
    issue: Issue,
    header: Header,
    width: int,
    *,
    evidence: bool,
    missing: str = NO_POSITION,
) -> Iterator[Text]:
    """One party's stance in full, with the quotes if asked.

    Its firmness, stage, ranking and sources; whom a joint statement is made with; its summary,
    outcomes and conditions (each with its stage); its note, and who doubts it. With
    ``evidence``, the quotes: the evidence, then those of the ranking and of each doubt.
    ``missing``: what to say where there is none (present.no_position).
    """
    if stance is None:
        yield from paragraph(
            Text.assemble(styled(party.name, "bold"), styled(f": {missing}", "dim italic")),
            width,
            "  ",
        )
        return
    facts = [FIRMNESS_WORD[stance.firmness], stage(stance), ranking(stance, header)]
    facts.append(sources_count(stance.source_count()))
    head = Text.assemble(
        firmness_mark(stance.firmness),
        " ",
        styled(party.name, "bold"),
        " ",
        styled(" \u00b7 ".join(f for f in facts if f), "dim"),
    )
    yield from paragraph(head, width, "  ", "    ")
    if together := joint(stance, header):
        yield from paragraph(styled(together, "dim italic"), width, "    ", "      ")
    yield from paragraph(styled(prose(stance.summary)), width, "    ")
    for label, description, oid in outcome_lines(stance, issue):
        yield from paragraph(
            Text.assemble((f"{label} ", "dim"), styled(description), (f" ({oid})", "dim")),
            width,
            "    ",
            "      ",
        )
    for iid in stance.conditions:
        yield from paragraph(
            Text.assemble(("only if ", "dim"), styled(condition(stance, iid))),
            width,
            "    ",
            "      ",
        )
    if stance.note:
        yield from paragraph(
            Text.assemble(("note: ", "dim"), styled(prose(stance.note), "dim")),
            width,
            "    ",
            "      ",
        )
    if stance.doubts:
        yield from paragraph(
            styled(doubters(stance.doubts, header), "dim"), width, "    ", "      "
        )
    if evidence:
        for e in stance.evidence:
            yield from _quote(e.quote, quote_source(e, header), width)
        if stance.salience is not None:
            e = stance.salience.evidence
            credit = f"{quote_source(e, header)}; ranks the issue {stance.salience.level.value}"
            yield from _quote(e.quote, credit, width)
        for doubt in stance.doubts:
            credit = f"{header.source_title(doubt.source)}; {doubt.by}, doubting it"
            yield from _quote(doubt.quote, credit, width)


def _quote(quote: str, credit: str, width: int) -> Iterator[Text]:
    """A quote as a block, with whom it is credited to."""
    bar = "    \u2502 "  # on every line of the quote, as a block
    yield from paragraph(styled(f"\u201c{quote}\u201d", "italic"), width, bar, bar)
    yield from paragraph(styled(f"\u2014 {credit}", "dim"), width, bar, bar)
