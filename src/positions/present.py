"""Presentation facts every format shows the same way: resolved once, worded once.

Renderers stay thin: what a missing stance is called, how a quote's source is credited, the
line naming the data file, the note under a filtered view and the counts are written here.
"""

import re
from collections.abc import Collection, Iterable
from itertools import islice
from typing import NamedTuple

from positions.comparison import UNTESTED, untested_reason
from positions.model import Doubt, Evidence, Issue, Level, Ranking, Stage, Stance
from positions.results import (
    NO_POSITION,
    Block,
    BlockKind,
    Camp,
    Comparison,
    Demand,
    Filter,
    Finding,
    Header,
    LintReport,
    Relation,
    Row,
    Summary,
    Tally,
    Verification,
)


class Ask(NamedTuple):
    """What a stance asks for, in the outcomes' words, less what its row's reason says."""

    accepts: str  # the accepted outcomes' descriptions, "; " between them
    rejects: str  # the rejected ones the row's reason does not already name
    conditions: str  # the issues of its conditions, if the row's reason does not name them


def ask(stance: Stance, issue: Issue, row: Row | None = None, party: str = "") -> Ask:
    """What ``stance`` asks for, less what ``row``'s reason already says of ``party``.

    The reason names each rejection that clashes with another party's ask, and, for a
    conditional relation, the conditions in conflict: an ask does not say them twice. A stance
    that accepts nothing shows all it rejects. (The views word it with ask_pieces.)
    """
    rejects, conditions = _left(stance, row, party)
    return Ask(
        "; ".join(issue.outcomes[o] for o in stance.accepts),
        "; ".join(issue.outcomes[o] for o in rejects),
        ", ".join(conditions),
    )


def _left(stance: Stance, row: Row | None, party: str) -> tuple[list[str], list[str]]:
    """The outcomes rejected and the issues of conditions that ``row``'s reason does not name."""
    verdict = row.verdict if row is not None else None
    named = verdict.named if verdict is not None else ()
    said = {c.outcome for c in named if c.rejection and party in c.against}
    rejects = [o for o in stance.rejects if o not in said] or (
        [] if stance.accepts else list(stance.rejects)
    )
    conditional = verdict is not None and verdict.relation is Relation.CONDITIONAL
    return rejects, [] if conditional else list(stance.conditions)


class Piece(NamedTuple):
    """A piece of an ask as the views word it: data, or a label of ours (shown dimmed)."""

    text: str
    label: bool = False


def ask_pieces(
    stance: Stance, issue: Issue, row: Row | None = None, party: str = "", *, ids: bool = False
) -> list[Piece]:
    """What ``stance`` asks for, worded as every view words it (present.ask says what is left).

    A rejection reads ``rejects: all troops leave``; an acceptance on conditions reads ``only
    if ISSUE, ...: a ceasefire``, so that it never reads as a demand (where the relation is
    conditional, its reason says so and names them). Outcomes after a label begin in lower case
    unless their first word is a name (``lead_lowered``). With ``ids``, the outcomes' ids stand
    for their descriptions (the matrix), ", " between them.
    """
    rejects, conditions = _left(stance, row, party)
    context = "" if ids else _context(issue, row, stance)

    def listed(outcomes: Iterable[str], label: bool) -> str:
        if ids:
            return ", ".join(outcomes)
        described = [issue.outcomes[o] for o in outcomes]
        return _lowered(described, context) if label else "; ".join(described)

    out: list[Piece] = []
    if stance.accepts:
        if conditions:
            out.append(Piece(f"only if {', '.join(conditions)}: ", label=True))
        out.append(Piece(listed(stance.accepts, bool(conditions))))
    if rejects:
        out += [Piece("; rejects: " if out else "rejects: ", label=True)]
        out.append(Piece(listed(rejects, True)))
    return out


def ask_text(stance: Stance, issue: Issue, row: Row | None = None, party: str = "") -> str:
    """``ask_pieces`` as one plain line (the chart's cells)."""
    return "".join(p.text for p in ask_pieces(stance, issue, row, party))


def outcome_lines(stance: Stance, issue: Issue) -> list[tuple[str, str, str]]:
    """Each outcome of a stance in full, as (label, description, id): what the cards list.

    ``accepts:``, or ``accepts on conditions:`` where the stance has conditions (its ``only
    if`` lines follow), and ``rejects:``, each description worded to follow its label.
    """
    context = _context(issue, None, stance)
    label = "accepts on conditions:" if stance.conditions else "accepts:"
    return [
        *((label, lead_lowered(issue.outcomes[o], context), o) for o in stance.accepts),
        *(("rejects:", lead_lowered(issue.outcomes[o], context), o) for o in stance.rejects),
    ]


def _lowered(descriptions: list[str], context: str) -> str:
    return "; ".join(lead_lowered(d, context) for d in descriptions)


# The stances of a row whose summaries show which words are names: a few say enough, and a row of
# thousands of parties must not cost each of its cells all of them.
CONTEXT_STANCES = 12


def _context(issue: Issue, row: Row | None, stance: Stance) -> str:
    """The text that shows which words of an outcome are names: the issue's and its stances'."""
    held = (s for s in row.stances if s is not None) if row is not None else iter(())
    others = [s.summary for s in islice(held, CONTEXT_STANCES)]
    return "\n".join([issue.question, *issue.outcomes.values(), stance.summary, *others])


# The words that begin an outcome and are never names: lower-cased after a label whatever the
# rest of the data says ("rejects: all Russian troops leave Ukraine").
_FUNCTION_WORDS = frozenset(
    ("a", "an", "the", "all", "any", "both", "each", "every", "either", "neither", "no", "none",
     "some", "such", "this", "that", "these", "those", "its", "their", "his", "her", "our",
     "only", "full")
)  # fmt: skip
_LEAD = re.compile(r"([A-Z])([a-z]*)(?=[^A-Za-z]|$)")


def lead_lowered(text: str, context: str = "") -> str:
    """``text`` with its first letter in lower case, to follow a label, unless it begins a name.

    A first word like ``All`` or ``A`` is lowered always; any other capitalised word only where
    ``context`` writes it in lower case inside a sentence and never capitalised there (``Ukraine``
    and ``Russian`` stay; ``Accountability`` becomes ``accountability``). Words in capitals
    (``NATO``) stay as written.
    """
    lead = _LEAD.match(text)
    if lead is None:
        return text
    word = lead.group()
    if word.lower() not in _FUNCTION_WORDS and not _common_word(word, context):
        return text
    return text[0].lower() + text[1:]


def _common_word(word: str, context: str) -> bool:
    """Whether ``context`` writes ``word`` in lower case within a sentence, never capitalised."""
    seen_lower = False
    pattern = rf"(?<![A-Za-z])({re.escape(word)})(?![A-Za-z])"
    for found in re.finditer(pattern, context, re.IGNORECASE):
        before = context[max(0, found.start() - 4) : found.start()].rstrip(" \"'(\u201c\u2018")
        if not before or before[-1] in ".!?:\n":
            continue  # a sentence's first word says nothing
        if found.group()[0].isupper():
            return False
        seen_lower = True
    return seen_lower


def prose(text: str) -> str:
    """A summary or note as the views show it: without the Markdown backticks coders write.

    The data keeps them (JSON shows them); every other format shows the words alone.
    """
    return _CODE.sub(r"\1", text)


_CODE = re.compile(r"`([^`\n]+)`")


def no_position(filtered: Filter | None, party: str, issue: str) -> str:
    """What a view says where ``party`` has no stance on ``issue``: none, or filtered out."""
    if filtered is not None and (party, issue) in filtered.dropped:
        return f"filtered out (evidence weaker than {filtered.attribution.value})"
    return NO_POSITION


# When a stance's outcomes, a condition or a demand are asked for, as every view words it
# (codebook: stage).
STAGE_WORDS = {
    Stage.TALKS: "before talks start",
    Stage.CEASEFIRE: "before a ceasefire",
    Stage.SETTLEMENT: "in the settlement",
    None: "stage not coded",
}
# The agenda's first part: common ground no party ties to a stage can be taken at once.
ANY_STAGE = "common ground, at any stage"
LEVEL_WORDS = {Level.TOP: "ranked first", Level.HIGH: "ranked high", Level.LOW: "ranked low"}


def demand(d: Demand, issues: dict[str, Issue]) -> str:
    """What a demand asks, in the outcomes' words: ``Troop withdrawal: All Russian troops...``."""
    issue = issues[d.issue]
    parts = [issue.outcomes[o] for o in d.accepts]
    parts += [f"rejects: {lead_lowered(issue.outcomes[o])}" for o in d.rejects]
    return f"{issue.name}: {'; '.join(parts)}"


def backing(d: Demand, issues: dict[str, Issue]) -> str:
    """The evidence a demand rests on, how many sources back it, and what it is a condition of.

    ``reported; 2 sources; a condition for Negotiations``.
    """
    said = f"{d.strength.value}; {plural(d.sources, 'source')}"
    if d.condition_of:
        said += "; a condition for " + ", ".join(issues[i].name for i in d.condition_of)
    return said


def block(b: Block, issues: dict[str, Issue], names: dict[str, str], d: Demand) -> str:
    """How a party stops demand ``d``, in one clause: ``Russia rejects it``.

    ``it`` is the demand; where it asks for several outcomes, the one stopped is named.
    """
    issue = issues[b.issue]
    what = f"\u201c{issue.outcomes[b.outcome]}\u201d"
    if b.issue != d.issue:
        what += f" ({issue.name})"
    it = "it"
    if len(d.accepts) + len(d.rejects) > 1:
        it = f"\u201c{issues[d.issue].outcomes[b.wanted]}\u201d"
    who = names[b.party]
    if b.kind is BlockKind.REJECTS:
        return f"{who} rejects {it}"
    if b.kind is BlockKind.EXCLUDES:
        return f"{who} asks for {what}, which excludes {it}"
    if b.kind is BlockKind.REJECTS_REQUIRED:
        return f"{who} rejects {what}, which {it} requires"
    if b.kind is BlockKind.EXCLUDES_REQUIRED:
        return f"{who} asks for {what}, which rules out what {it} requires"
    return f"{who} asks for {what}, which {it} refuses"


def joint(stance: Stance, header: Header, among: Collection[str] | None = None) -> str:
    """``joint statement with Ukraine`` for a stance made jointly with others, else ``""``.

    Said beside the stance as coded (naming the parties it also speaks for) and beside each
    copy (naming the party it is coded under). With ``among``, only those parties are named.
    """
    with_ = [stance.coded_under] if stance.coded_under else list(stance.joint)
    if among is not None:
        with_ = [p for p in with_ if p in among]
    if not with_:
        return ""
    listed = [header.party_name(p) for p in with_]
    named = ", ".join(listed[:-1]) + " and " + listed[-1] if len(listed) > 1 else listed[0]
    return f"joint statement with {named}"


def short_source(source: str, header: Header) -> str:
    """A source as the views cite it in passing: ``003`` for ``003_73338be038f2a305``.

    The part before the first ``_``, where no other source of the file begins with it; the
    whole id otherwise.
    """
    prefix = source.split("_", 1)[0]
    if prefix == source:
        return source
    clash = any(s != source and s.split("_", 1)[0] == prefix for s in header.sources)
    return source if clash else prefix


def ranking(stance: Stance, header: Header) -> str:
    """Where an article ranks the issue for the party: ``ranked top: 003``, else ``""``."""
    if stance.salience is None:
        return ""
    level = stance.salience.level
    return f"ranked {level.value}: {short_source(stance.salience.evidence.source, header)}"


def doubters(doubts: tuple[Doubt, ...], header: Header) -> str:
    """Every doubt about a stance, in one clause: ``doubted by analysts (000) and others (003)``.

    Who doubts it in which source is said once, however many of its sentences doubt it.
    """
    named = list(dict.fromkeys(f"{d.by} ({short_source(d.source, header)})" for d in doubts))
    if len(named) > 1:
        named = [", ".join(named[:-1]) + " and " + named[-1]]
    return f"doubted by {named[0]}" if named else ""


def salience_credit(salience: Ranking, header: Header) -> str:
    """Whom a salience quote is credited to, and how it ranks the issue."""
    return f"{quote_source(salience.evidence, header)}; ranks the issue {salience.level.value}"


def doubt_credit(doubt: Doubt, header: Header) -> str:
    """Whom a doubt's quote is credited to: the source's title, and who voices the doubt."""
    return f"{header.source_title(doubt.source)}; {doubt.by}, doubting it"


def outcome_links(issue: Issue, outcome: str) -> str:
    """What an outcome requires and excludes on other issues: ``requires nato/neutrality``."""
    links = []
    if required := sorted(f"{i}/{o}" for i, o in issue.requires.get(outcome, ())):
        links.append("requires " + ", ".join(required))
    if excluded := sorted(f"{i}/{o}" for i, o in issue.excludes_elsewhere.get(outcome, ())):
        links.append("excludes " + ", ".join(excluded))
    return "; ".join(links)


# Whose a source's title is (``title_from``), as the list of sources says it.
TITLE_FROM = {"article": "the article's headline", "coder": "title written by the coder"}


def stage(stance: Stance) -> str:
    """When the stance's accepted outcomes are asked for: ``before talks``, or ``""``."""
    return STAGE_WORDS[stance.stage] if stance.stage is not None else ""


def condition(stance: Stance, issue: str) -> str:
    """A condition of a stance: ``sequencing: ceasefire-first (before talks)``."""
    said = f"{issue}: {', '.join(stance.conditions[issue])}"
    when = stance.condition_stages.get(issue)
    return f"{said} ({STAGE_WORDS[when]})" if when is not None else said


def sources_count(n: int) -> str:
    """``1 source``, ``3 sources``: how many distinct sources a stance or a relation rests on."""
    return plural(n, "source")


def camp_line(camp: Camp) -> str:
    """What a comparison within one camp says: ``within one camp: Ukraine and its backers``."""
    return f"within one camp: {camp.name}"


def shown_reason(row: Row) -> str:
    """A row's reason as a view shows it beside each party's ask: what the asks say, left out.

    An untested relation between two outcomes, the only ones asked for, does not name them:
    the asks beside it are those two.
    """
    verdict = row.verdict
    if verdict is None:
        return ""
    asked = {o for s in row.stances if s is not None for o in s.accepts}
    if verdict.relation is not Relation.UNTESTED or len(asked) != 2:
        return verdict.reason
    return verdict.reason.replace(untested_reason(verdict.untested), UNTESTED, 1)


def plural(n: int, word: str, many: str = "") -> str:
    """``1 source``, ``2 sources``."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def quote_source(evidence: Evidence, header: Header) -> str:
    """Who a quote is credited to: the source's title, the speaker if any, the attribution."""
    who = [header.source_title(evidence.source)]
    if evidence.speaker:
        who.append(evidence.speaker)
    who.append(evidence.attribution.value)
    return "; ".join(who)


def data_line(header: Header) -> str:
    """The closing line of a view: the data file it comes from."""
    return f"data: {header.data}"


def filter_note(filtered: Filter, *, marked: int = 0, hidden: int = 0) -> str:
    """The note under a view filtered by --attribution.

    ``marked``: how many of the issues shown carry a ``*`` for a relation the filter changed;
    ``hidden``: how many such issues --relation left out.
    """
    note = f"Only stances backed by {filtered.attribution.value} evidence or stronger are counted"
    if marked:
        note += f"; issues marked * ({marked}) have another relation without the filter"
    if hidden:
        verb = "is" if hidden == 1 else "are"
        note += f"; {plural(hidden, 'other issue')} whose relation it changed {verb} not listed"
    return note + "."


def changed_mark(filtered: Filter | None, issue: str) -> str:
    """The mark of an issue whose relation the filter changed: ``* was conflict``, else ``""``."""
    if filtered is None or issue not in filtered.changed:
        return ""
    before = filtered.changed[issue]
    return f"* was {before.value if before else 'not compared'}"


def shown_note(shown: frozenset[Relation]) -> str:
    """The note on a view that lists only some relations (--relation)."""
    kept = " or ".join(r.value for r in Relation if r in shown)
    return f"Only issues whose relation is {kept} are listed; the counts cover every issue."


def left_out_note(pairs: int) -> str:
    """The note where the pairwise summary is left out for too many parties."""
    return (
        f"Pairwise summary left out: {pairs:,} pairs are too many to show; "
        "compare fewer parties for it."
    )


def scope_line(cmp: Comparison) -> str:
    """What an export covers, in one line: the parties, any filter, and the data file."""
    parts = [f"Parties compared: {', '.join(p.name for p in cmp.parties)}."]
    if cmp.within_camp is not None:
        parts.append(f"Within one camp: {cmp.within_camp.name}.")
    if cmp.filter is not None:
        parts.append(filter_note(cmp.filter))
    if cmp.shown is not None:
        parts.append(shown_note(cmp.shown))
    parts.append(f"Data: {cmp.header.data}.")
    return " ".join(parts)


def counts_line(counts: dict[Relation, Tally], separator: str = " \u00b7 ") -> str:
    """How many issues fall under each relation, and over how many disputes where fewer.

    ``8 conflict (4 disputes) · 1 conditional · 0 overlap ...``: one dispute over several issues
    is not read as several.
    """
    return separator.join(
        f"{t.issues} {relation.value}"
        + (
            f" ({plural(t.disputes, 'dispute')})"
            if t.disputes < t.issues and relation is not Relation.UNKNOWN
            else ""
        )
        for relation, t in counts.items()
    )


def summary(s: Summary) -> str:
    """A valid file in one line of counts."""
    counts = [
        plural(s.sources, "source"),
        plural(s.issues, "issue"),
        plural(s.parties, "party", "parties"),
        plural(s.stances, "stance"),
        plural(s.quotes, "quote"),
    ]
    return f"{s.data}: valid {s.version}: {', '.join(counts)}"


def verification(v: Verification) -> str:
    """Every quote found, in one line, and what they are when not all are evidence."""
    said = f"{v.data}: all {plural(v.quotes, 'quote')} found in {v.sources}"
    evidence = v.quotes - v.set_aside - v.ranked_or_doubted
    if evidence != v.quotes:
        parts = [f"{evidence:,} of evidence"]
        if v.ranked_or_doubted:
            parts.append(f"{v.ranked_or_doubted:,} of salience and doubts")
        if v.set_aside:
            parts.append(f"{v.set_aside:,} set aside")
        said += f" ({', '.join(parts)})"
    return said


def severity(finding: Finding) -> str:
    """``error``, ``warning`` or ``noted`` (answered by a note, not counted): in one word."""
    return "noted" if finding.noted else "error" if finding.error else "warning"


def lint_counts(report: LintReport) -> str:
    """The counts that decide lint's exit code, of every finding, shown or not."""
    counts = (
        f"{plural(report.errors, 'error')}, {plural(report.warnings, 'warning')}, "
        f"{report.noted} noted in {report.header.data}"
    )
    if not report.with_sources:
        counts += " (speakers not checked: give --sources DIR)"
    return counts


def check_counts(report: LintReport) -> list[tuple[str, str]]:
    """Each check with findings, and its counts: ``L101 red-line-without-cue``, ``1 error``."""
    out = []
    for first, counted, noted in report.by_check():
        words = [plural(counted, "error" if first.error else "warning")] if counted else []
        if noted:
            words.append(f"{noted} noted")
        out.append((f"{first.code} {first.check}", ", ".join(words)))
    return out
