"""The terminal views of what stands between parties and talks, and of candidate trades."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text

from positions.model import Firmness
from positions.present import (
    LEVEL_WORDS,
    STAGE_WORDS,
    backing,
    block,
    demand,
    plural,
)
from positions.results import Demand, Obstacles, Trades
from positions.text import visible

from .table_parts import closing, names
from .terminal import NARROW, firmness_mark, legend_lines, paragraph, shown_width, styled
from .vocabulary import FIRMNESS_WORD


def _demand_lines(d: Demand, result: Obstacles, party_width: int, width: int) -> Iterator[Text]:
    issues = result.issues
    who = {p.id: p.name for p in result.parties}
    # A condition with no stance of the party's own behind it has no firmness of its own.
    held = f"{FIRMNESS_WORD[d.firmness]}; " if d.firmness is not None else ""
    mark = firmness_mark(d.firmness) if d.firmness is not None else styled("-", "dim")
    head = Text.assemble(
        mark, " ", styled(demand(d, issues)), styled(f"  ({held}{backing(d, issues)})", "dim")
    )  # fmt: skip
    if width < NARROW:  # the party on a line of its own, the demand under it
        yield from paragraph(styled(who[d.party], "bold"), width, "  ")
        first, rest = "    ", "      "
    else:
        # The name leads the line as an indent, so it is made safe here, as styled() would.
        name = visible(who[d.party])
        first = f"  {name}{' ' * (party_width - shown_width(name))}  "
        rest = " " * len(first)
    yield from paragraph(head, width, first, rest)
    for b in d.stopped_by:
        yield from paragraph(styled("blocked: " + block(b, issues, who, d), "red"), width, rest)
    if d.met_by:
        yield from paragraph(styled("accepted by " + ", ".join(who[p] for p in d.met_by),
                                    "green"), width, rest)  # fmt: skip
    if d.elsewhere:
        line = (
            ", ".join(who[p] for p in d.elsewhere) + " asks for something else here, not against it"
        )
        yield from paragraph(styled(line, "dim"), width, rest)
    if d.silent:
        line = "no position recorded on this issue: " + ", ".join(who[p] for p in d.silent)
        yield from paragraph(styled(line, "dim"), width, rest)


def obstacles_view(result: Obstacles, width: int) -> Iterator[Text]:
    """Each stage's demands, who stops them, and what must be resolved before talks."""
    yield from paragraph(styled(f"Obstacles to talks: {names(result.parties)}",
                                "bold"), width)  # fmt: skip
    party_width = max(shown_width(visible(p.name)) for p in result.parties)
    who = {p.id: p.name for p in result.parties}
    staged = [s for s in result.stages if s.stage is not None]
    if not any(s.demands for s in staged):
        yield Text()
        yield from paragraph(
            "No stage is coded for any of their demands, so nothing can be said about what "
            "must happen before talks; code `stage` on stances and conditions (codebook, "
            "\u201cStage\u201d).", width)  # fmt: skip
    else:
        for s in staged:
            yield Text()
            words = STAGE_WORDS[s.stage]
            yield from paragraph(styled(words[:1].upper() + words[1:], "bold"), width)
            if not s.demands:
                yield styled("  none recorded", "dim")
            for d in s.demands:
                yield from _demand_lines(d, result, party_width, width)
    unstaged = next(s for s in result.stages if s.stage is None).demands
    if unstaged:
        yield Text()
        yield from paragraph(styled(
            f"Stage not coded: {plural(len(unstaged), 'demand')} "
            f"({sum(1 for d in unstaged if d.stopped_by)} stopped by another party); "
            "`positions compare` shows them issue by issue.", "dim"), width)  # fmt: skip
    if result.first:
        yield Text()
        yield styled(f"To resolve before talks can begin ({len(result.first)})", "bold")
        number = len(str(len(result.first)))
        heading: str | None = None
        for n, d in enumerate(result.first, 1):
            dispute = result.issues[d.issue].dispute
            if dispute is not None and dispute != heading:
                heading = dispute
                yield from paragraph(styled(result.disputes[dispute], "italic"), width)
            place = f"{n:>{number}}. "
            stops = "; ".join(block(b, result.issues, who, d) for b in d.stopped_by)
            line = Text.assemble(
                styled(result.issues[d.issue].name, "bold"), styled(f" ({who[d.party]}): {stops}")
            )
            yield from paragraph(line, width, place, " " * len(place))
    if result.unanswered:
        asked = "; ".join(
            f"{result.issues[d.issue].name} ({who[d.party]})" for d in result.unanswered
        )
        silent = sorted({p for d in result.unanswered for p in d.silent}, key=list(who).index)
        also = (f"Also asked before talks, with no answer recorded from "
                f"{', '.join(who[p] for p in silent)}: {asked}.")  # fmt: skip
        yield Text()
        yield from paragraph(also, width)
    if not result.first and any(s.demands for s in staged):
        yield Text()
        yield styled("Nothing before talks is stopped by another party.", "bold")
    yield Text()
    shown = (d for s in result.stages if s.stage is not None for d in s.demands)
    yield from legend_lines(width, no_cue=any(d.firmness is Firmness.NO_CUE for d in shown))
    yield from closing(result.header, width)


def trades_view(result: Trades, width: int) -> Iterator[Text]:
    """Candidate trades, each a hypothesis with its quotes; or why there are none."""
    a, b = result.parties
    who = {p.id: p.name for p in result.parties}
    issues = result.issues
    yield from paragraph(styled(f"Possible trades between {a.name} and {b.name}", "bold"), width)
    yield from paragraph(styled("Hypotheses from ranked salience, not findings.", "dim"), width)
    yield Text()
    held = sum(len(p.stances) for p in result.parties)
    both = f"both hold a stance on {plural(result.shared, 'issue')}"
    if result.ranked:
        ranks = plural(len(result.ranked), "stance")
        said = (f"The articles rank how much an issue matters to the party for {ranks} of the "
                f"two parties' {held} ({both}):")  # fmt: skip
    else:
        said = (f"No article ranks how much an issue matters to either of them "
                f"({held} stances; {both}).")  # fmt: skip
    yield from paragraph(said, width)
    for r in result.ranked:
        ranking = r.ranking
        other = b if r.party == a.id else a
        there = other.stances.get(r.issue)
        its = FIRMNESS_WORD[there.firmness] if there is not None else "no position recorded"
        ranked_line = Text.assemble(
            styled(f"{who[r.party]}, {issues[r.issue].name}: ", "bold"),
            LEVEL_WORDS[ranking.level],
            styled(f" \u2014 \u201c{ranking.evidence.quote}\u201d "
                   f"({result.header.source_title(ranking.evidence.source)})", "dim"),
            styled(f"; {other.name} holds it: {its}"),
        )  # fmt: skip
        yield from paragraph(ranked_line, width, "  ", "    ")
    for party in result.parties:
        if not any(r.party == party.id for r in result.ranked):
            yield from paragraph(
                Text.assemble(styled(f"{party.name}: ", "bold"), "no issue ranked by any article"),
                width, "  ", "    ")  # fmt: skip
    yield Text()
    if not result.trades:
        yield from paragraph(
            "No candidate trade: one needs two issues on which the two differ, each ranked by "
            "both, one higher by each side, and no red line given up. "
            + ("Salience is unranked for most of their stances, so none is guessed."
               if len(result.ranked) * 2 < held else ""), width)  # fmt: skip
    for n, t in enumerate(result.trades, 1):
        place = f"{n}. "
        head = (f"{who[t.a]} gets {issues[t.a_gets].name}, {who[t.b]} gets "
                f"{issues[t.b_gets].name} (hypothesis)")  # fmt: skip
        yield from paragraph(styled(head, "bold"), width, place, "   ")
        a_first, b_first, a_second, b_second = t.ranks
        for issue, mine, theirs, owner, rival in (
            (t.a_gets, a_first, b_first, t.a, t.b),
            (t.b_gets, b_second, a_second, t.b, t.a),
        ):
            line = (
                f"{issues[issue].name}: {who[owner]} {LEVEL_WORDS[mine.level]} "
                f"(\u201c{mine.evidence.quote}\u201d), {who[rival]} "
                f"{LEVEL_WORDS[theirs.level]} (\u201c{theirs.evidence.quote}\u201d)"
            )
            yield from paragraph(styled(line, "dim"), width, "   ", "     ")
    if result.trades_not_listed:
        more = plural(result.trades_not_listed, "more candidate")
        yield from paragraph(styled(f"... and {more}, pairs of the same issues.", "dim"), width)
    for t, why in result.left_out:
        line = (f"Not a candidate: {who[t.a]} gets {issues[t.a_gets].name}, {who[t.b]} gets "
                f"{issues[t.b_gets].name} \u2014 {why}")  # fmt: skip
        yield from paragraph(styled(line, "dim"), width)
    if result.left_out_not_listed:
        more = plural(result.left_out_not_listed, "more pair")
        yield from paragraph(styled(f"... and {more} a red line rules out.", "dim"), width)
    yield Text()
    yield from closing(result.header, width)
