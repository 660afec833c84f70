"""What each command computes: one typed result per view, the contract between core and renderers.

Core functions (comparison, analysis, listing, verify) return these; every output format
registers one renderer per result type it can show (see formats.py), so the way from a command
to its output is checked by mypy from end to end. Results carry what their renderers need and
nothing more: names and titles are resolved here, never looked up in a whole dataset.

They are NamedTuples, as the model is: a command imports all of them, and
a frozen dataclass costs about 1 ms to create at import against 0.1 ms for a NamedTuple, which
over these ~20 types is a fifth of the start-up target (benchmarks/README.md, "start-up").
Their annotations are real types, not strings (no ``from __future__ import annotations``):
typing compiles every string annotation of a NamedTuple when the class is made, which cost
another 1.5 ms here; only an annotation naming a later class is written as a string.
"""

from enum import Enum
from typing import NamedTuple

from positions.model import (
    Attribution,
    Dataset,
    Evidence,
    Firmness,
    Issue,
    Party,
    Ranking,
    Source,
    Stage,
    Stance,
)

# What every view says, and every reason the core words, of a party with no stance on an issue.
NO_POSITION = "no position recorded"


class Relation(Enum):
    """How the stances of two or more parties on one issue relate (rules: comparison.py)."""

    CONFLICT = "conflict"
    CONDITIONAL = "conditional"
    UNTESTED = "untested"
    COMPLEMENTARY = "complementary"
    OVERLAP = "overlap"
    AGREE = "agree"
    UNKNOWN = "unknown"


COMMON_GROUND = frozenset({Relation.AGREE, Relation.OVERLAP})


class Header(NamedTuple):
    """What every view says about where it comes from: the dataset's title and file.

    ``parties`` names every party of the dataset, compared or not, by id: a joint statement
    names the parties it speaks for.
    """

    title: str
    data: str  # the data file as the user named it, never an absolute path of theirs
    sources: dict[str, Source]
    parties: dict[str, str] = {}  # noqa: RUF012 - never changed: results are immutable

    @classmethod
    def of(cls, dataset: Dataset) -> "Header":
        """The header of a view of ``dataset``."""
        names = {pid: p.name for pid, p in dataset.parties.items()}
        return cls(dataset.title, dataset.path, dataset.sources, names)

    def source_title(self, source_id: str) -> str:
        """The title of a source, by its id."""
        return self.sources[source_id].title

    def party_name(self, party_id: str) -> str:
        """The name of a party, by its id (the id itself if the dataset does not name it)."""
        return self.parties.get(party_id, party_id)


class Camp(NamedTuple):
    """The camp (``camps:`` in the data) that every party compared belongs to."""

    id: str
    name: str


class Link(NamedTuple):
    """How a clash crosses issues: the outcome accepted requires or excludes another's.

    ``kind`` is ``requires`` or ``excludes``; ``issue`` and ``outcome`` name the outcome linked
    to (on another issue, or for ``requires`` the same one). For ``requires``, ``via`` is the
    outcome of ``issue`` the others accept that excludes it; None where they reject it.
    """

    kind: str
    issue: str
    outcome: str
    via: str | None = None

    @property
    def target(self) -> str:
        """The outcome linked to, as ``issue/outcome``."""
        return f"{self.issue}/{self.outcome}"


class Clash(NamedTuple):
    """Why stances conflict: an outcome some reject that others accept, or two that exclude.

    For a rejection, ``against`` rejects ``outcome`` and ``excluded`` and ``link`` are None; for
    an exclusion, ``against`` accepts ``excluded``, which cannot happen together with
    ``outcome``. A linked clash (``link``) crosses issues: ``outcome``, which ``accepted_by``
    accept, requires an outcome of another issue that ``against`` stop there, or excludes one
    they accept there.
    """

    outcome: str
    accepted_by: tuple[str, ...]  # party ids
    against: tuple[str, ...]
    excluded: str | None = None
    link: Link | None = None

    @property
    def rejection(self) -> bool:
        """Whether ``against`` reject ``outcome`` itself, on this issue."""
        return self.excluded is None and self.link is None


class ConditionStatus(Enum):
    """Whether the other parties compared allow what a condition asks for."""

    IN_CONFLICT = "in conflict"  # another party rejects it, or asks for what excludes it
    MET = "met"  # every other party with a stance on that issue accepts it
    OPEN = "open"  # neither: the others are silent or ask for something else


class Condition(NamedTuple):
    """One party's acceptance that holds only if ``outcomes`` hold on another ``issue``."""

    party: str
    issue: str
    outcomes: tuple[str, ...]
    status: ConditionStatus
    # The parties whose stances put it in conflict: the first twelve (comparison.MAX_AGAINST) in
    # the order the parties are compared, and how many more there are.
    against: tuple[str, ...]
    against_left_out: int = 0


class Verdict(NamedTuple):
    """The relation on one issue, with everything its one-line reason rests on."""

    relation: Relation
    reason: str
    common: tuple[str, ...]  # outcomes every party with a stance accepts
    refused: tuple[str, ...]  # outcomes every party with a stance rejects
    clashes: tuple[Clash, ...]
    conditions: tuple[Condition, ...]
    silent: tuple[str, ...]  # ids of the parties compared that have no stated position
    among: int  # how many parties compared have a stance
    confidence: Attribution | None  # the weakest evidence it rests on; None when unknown
    named: tuple[Clash, ...] = ()  # the clashes the reason names, so that no view says them twice
    # Distinct sources quoted by the stances it rests on: those on the issue, and those on other
    # issues that its linked clashes and conditions in conflict name.
    sources: int = 0
    # For an untested relation: the pairs of different outcomes asked for that nobody recorded
    # as compatible, in the issue's order, the first twelve (comparison.MAX_AGAINST) of them,
    # and how many more there are; () and 0 otherwise.
    untested: tuple[tuple[str, str], ...] = ()
    untested_left_out: int = 0
    # What ``reason`` ends with when some compared parties are silent: " (among 2 of 3; no
    # position recorded: ...)"; a view that names the silent parties itself leaves it out.
    silent_note: str = ""


class Row(NamedTuple):
    """The comparison on one issue: each party's stance (None: no stated position)."""

    issue: Issue
    stances: tuple[Stance | None, ...]
    verdict: Verdict | None  # None when only one party is shown
    dispute: str | None = None  # the name of the dispute the issue is part of

    @property
    def relation(self) -> Relation | None:
        """The relation, if two or more parties are compared."""
        return self.verdict.relation if self.verdict else None


class Tally(NamedTuple):
    """How many issues, and how many disputes they belong to, fall under one relation."""

    issues: int
    disputes: int


class PairSummary(NamedTuple):
    """For two parties, how many issues fall under each relation."""

    a: str
    b: str
    counts: dict[Relation, int]

    @property
    def common(self) -> int:
        """Issues on which the two agree or overlap, unconditionally."""
        return sum(self.counts[r] for r in COMMON_GROUND)

    @property
    def conflict(self) -> int:
        """Issues on which the two conflict."""
        return self.counts[Relation.CONFLICT]

    @property
    def both(self) -> int:
        """Issues on which both have a stated position."""
        return sum(self.counts.values()) - self.counts[Relation.UNKNOWN]


class Filter(NamedTuple):
    """An evidence filter: only stances backed this strongly count."""

    attribution: Attribution
    changed: dict[str, Relation | None]  # issue id -> the relation without the filter
    dropped: frozenset[tuple[str, str]] = frozenset()  # (party, issue): stances it left out


class Comparison(NamedTuple):
    """Parties compared issue by issue (``compare``, ``show``, ``export``)."""

    header: Header
    parties: tuple[Party, ...]
    rows: tuple[Row, ...]
    counts: dict[Relation, Tally]
    pairs: tuple[PairSummary, ...]
    pairs_left_out: int = 0  # pairs not summarised because there are too many to show
    filter: Filter | None = None
    shown: frozenset[Relation] | None = None  # only rows of these relations (counts cover all)
    within_camp: Camp | None = None  # the one camp of every party compared, if they share one

    @property
    def relating(self) -> bool:
        """Whether two or more parties are compared, so that rows have a relation."""
        return len(self.parties) >= 2


class IssueDetail(NamedTuple):
    """One issue in full, across every party with a stance on it (``issues ID``)."""

    header: Header
    parties: tuple[Party, ...]
    row: Row


class IssueList(NamedTuple):
    """Every issue, with the parties that have a stance on it (``issues``)."""

    header: Header
    issues: tuple[tuple[Issue, tuple[Party, ...]], ...]
    disputes: dict[str, str] = {}  # noqa: RUF012 - id -> name, the dataset's, never changed


class PartyList(NamedTuple):
    """Every party, with its aliases and stances (``parties``)."""

    header: Header
    parties: tuple[Party, ...]


class Matrix(NamedTuple):
    """Every party's stance on every issue, and each pair's common ground against conflict."""

    header: Header
    parties: tuple[Party, ...]
    rows: tuple[Row, ...]
    pairs: tuple[PairSummary, ...]
    filter: Filter | None = None
    pairs_left_out: int = 0  # pairs not summarised because there are too many to show
    within_camp: Camp | None = None  # the one camp of every party shown, if they share one


class AgendaItem(NamedTuple):
    """One issue in the agenda: its place, its group and why it sits there."""

    place: int
    row: Row
    group: str  # see analysis.GROUPS
    reason: str
    stage: Stage | None = None  # the earliest stage a compared party asks for it at
    phase: str = ""  # the part of the agenda it is in: its stage's words, or ANY_STAGE


class Agenda(NamedTuple):
    """An order in which to take the issues in talks (``agenda``)."""

    header: Header
    parties: tuple[Party, ...]
    items: tuple[AgendaItem, ...]
    filter: Filter | None = None
    within_camp: Camp | None = None  # the one camp of every party compared, if they share one
    unraised: tuple[Issue, ...] = ()  # issues none of them has a position on: not on the agenda


class BlockKind(Enum):
    """How another party stops a demand (present.block words each)."""

    REJECTS = "rejects"  # rejects the outcome asked for
    EXCLUDES = "excludes"  # asks for an outcome that excludes it (here, or linked elsewhere)
    REJECTS_REQUIRED = "rejects what it requires"  # rejects an outcome it requires
    EXCLUDES_REQUIRED = "excludes what it requires"  # asks for what excludes one it requires
    ASKS_REFUSED = "asks for what it refuses"  # asks for an outcome the demand refuses


class Block(NamedTuple):
    """How another party stops a demand: the outcome of its own it stops it with, and why."""

    party: str
    kind: BlockKind
    issue: str  # the issue of ``outcome``: the demand's, or one linked to it
    outcome: str  # the other party's outcome (for REJECTS*, the one it rejects)
    wanted: str  # the demand's outcome it stops (for *_REQUIRED, the one that requires)


class Demand(NamedTuple):
    """One thing a party asks for (or refuses) at a stage, and who stops it (``obstacles``)."""

    party: str
    issue: str
    accepts: tuple[str, ...]
    rejects: tuple[str, ...]
    stage: Stage | None  # None: no stage coded
    condition_of: tuple[str, ...]  # the issues of the party's stances it is a condition of
    firmness: Firmness | None  # None: a condition with no stance of the party's own behind it
    strength: Attribution  # the stance's evidence at its strongest quote
    sources: int  # how many sources the stance's evidence quotes
    stopped_by: tuple[Block, ...]
    met_by: tuple[str, ...] = ()  # the other parties that accept everything it asks for
    silent: tuple[str, ...] = ()  # the other parties with no position on its issue
    elsewhere: tuple[str, ...] = ()  # those that ask for something else there, not against it


class StageDemands(NamedTuple):
    """The demands of one stage (None: those with no stage coded)."""

    stage: Stage | None
    demands: tuple[Demand, ...]


class Obstacles(NamedTuple):
    """What stands between parties and talks, stage by stage (``obstacles``)."""

    header: Header
    parties: tuple[Party, ...]
    issues: dict[str, Issue]  # the dataset's, to word each demand
    stages: tuple[StageDemands, ...]  # talks, ceasefire, settlement, then not coded
    first: tuple[Demand, ...]  # the demands before talks that another party stops
    unanswered: tuple[Demand, ...] = ()  # those before talks no other party answers either way
    disputes: dict[str, str] = {}  # noqa: RUF012 - id -> name, the dataset's, never changed


class Ranked(NamedTuple):
    """A party's salience of an issue, as an article ranks it."""

    party: str
    issue: str
    ranking: Ranking


class Trade(NamedTuple):
    """A candidate exchange: each party gets the issue it ranks higher, gives on the other.

    ``ranks`` are the rankings of ``a`` then ``b`` on ``a_gets``, then of ``a`` then ``b`` on
    ``b_gets``: the quotes the hypothesis rests on.
    """

    a: str
    a_gets: str
    b: str
    b_gets: str
    ranks: tuple[Ranking, Ranking, Ranking, Ranking]


class Trades(NamedTuple):
    """Candidate exchanges between two parties' issues (``trades``): hypotheses, with quotes."""

    header: Header
    parties: tuple[Party, Party]
    issues: dict[str, Issue]  # the dataset's, to word each trade
    ranked: tuple[Ranked, ...]  # every ranked salience of the two
    shared: int  # issues on which both have a stance
    trades: tuple[Trade, ...]
    left_out: tuple[tuple[Trade, str], ...]  # candidates a red line rules out, and which
    trades_not_listed: int = 0  # candidates beyond those listed (negotiation.MAX_TRADES)
    left_out_not_listed: int = 0  # those a red line rules out, beyond those listed


class SourceUse(NamedTuple):
    """How much a source backs: the stances citing it and its quotes."""

    source: str
    title: str
    stances: int
    quotes: int


class WeakStance(NamedTuple):
    """A stance whose evidence is thin, and why."""

    party: str
    issue: str
    reasons: tuple[str, ...]


class SourcesReport(NamedTuple):
    """Each source's use, and the stances that rest on little (``sources``)."""

    header: Header
    uses: tuple[SourceUse, ...]
    weak: tuple[WeakStance, ...]
    stances: int


class StanceChange(NamedTuple):
    """What changed in one party's stance on one issue (``added``, ``removed`` or a field)."""

    party: str
    issue: str
    change: str
    before: str
    after: str


class RelationChange(NamedTuple):
    """A pair of parties whose relation on an issue changed."""

    a: str
    b: str
    issue: str
    before: Relation
    after: Relation


class Edit(NamedTuple):
    """Something the file says of an issue, party, source or dispute, changed in place.

    ``what`` names it (``issue territory``, ``party russia``, ``source bbc``, ``file``);
    ``change`` is the field (``question``, ``outcome o1 excludes``, ``aliases``...).
    """

    what: str
    change: str
    before: str
    after: str


class Diff(NamedTuple):
    """What changed between two versions of a data file (``diff``)."""

    old: str
    new: str
    issues_added: tuple[str, ...]
    issues_removed: tuple[str, ...]
    outcomes_added: tuple[tuple[str, str], ...]
    outcomes_removed: tuple[tuple[str, str], ...]
    parties_added: tuple[str, ...]
    parties_removed: tuple[str, ...]
    stances: tuple[StanceChange, ...]
    relations: tuple[RelationChange, ...]
    edits: tuple[Edit, ...] = ()

    @property
    def empty(self) -> bool:
        """Whether nothing changed."""
        return not any(self[2:])


class Summary(NamedTuple):
    """A valid data file in counts (``validate``)."""

    data: str
    version: str  # the data format: positions/1, positions/2 or positions/3
    sources: int
    issues: int
    parties: int
    stances: int
    quotes: int


class Verification(NamedTuple):
    """Every quote found in its source (``verify``); failures are raised as QuotesNotFound."""

    data: str
    quotes: int
    sources: str
    set_aside: int = 0  # of ``quotes``, the sentences set aside
    ranked_or_doubted: int = 0  # of ``quotes``, those of salience and doubts


class Finding(NamedTuple):
    """One place where a data file breaks a rule of the codebook (``lint``)."""

    code: str
    check: str
    error: bool  # an error, or a warning
    location: str
    message: str
    noted: bool  # the stance carries a note: looked at, and not counted


class LintReport(NamedTuple):
    """Every finding of the codebook's checks (``lint``), and which of them to show.

    The counts are always of every finding; ``every`` (--all) shows the noted ones too, and
    ``errors_only`` (--errors-only) shows errors alone. JSON carries every finding regardless.
    """

    header: Header
    findings: tuple[Finding, ...]
    with_sources: bool  # whether the articles were read (speakers, sentences)
    every: bool = False  # show noted findings too, not only their count
    errors_only: bool = False  # show errors alone

    @property
    def shown(self) -> tuple[Finding, ...]:
        """The findings to show, in the file's order."""
        return tuple(
            f
            for f in self.findings
            if (self.every or not f.noted) and (f.error or not self.errors_only)
        )

    @property
    def hidden_noted(self) -> int:
        """Noted findings left out of what is shown (they are still counted)."""
        if self.every:
            return 0
        return sum(f.noted and (f.error or not self.errors_only) for f in self.findings)

    def by_check(self) -> list[tuple[Finding, int, int]]:
        """Each check with findings, by code: its first finding, how many count, how many noted."""
        counts: dict[str, tuple[Finding, list[int]]] = {}
        for f in self.findings:
            counts.setdefault(f.code, (f, [0, 0]))[1][f.noted] += 1
        return [(first, n[0], n[1]) for _, (first, n) in sorted(counts.items())]

    @property
    def errors(self) -> int:
        """Errors not answered by a note."""
        return sum(f.error and not f.noted for f in self.findings)

    @property
    def warnings(self) -> int:
        """Warnings not answered by a note."""
        return sum(not f.error and not f.noted for f in self.findings)

    @property
    def noted(self) -> int:
        """Findings on stances that carry a note."""
        return sum(f.noted for f in self.findings)


class Reading(Enum):
    """What a data file does with a sentence of a source (``coverage``)."""

    CITED = "cited"  # a stance quotes it, or a part of it
    SET_ASIDE = "set aside"  # a coder read it and recorded why it is not coded
    CANDIDATE = "candidate"  # neither, and it names a party or carries a codebook cue
    NOT_LOOKED_AT = "not looked at"  # neither, with no party and no cue in it


class Sentence(NamedTuple):
    """One sentence of a source, and what the data file does with it (``coverage``)."""

    number: int  # 1-based, within its source
    text: str  # as the source prints it, each run of white space one space
    cited_by: tuple[str, ...]  # party/issue of each stance quoting it, or a part of it
    reasons: tuple[str, ...]  # why it is set aside, for each entry covering it or a part
    rest: str  # its words no quote covers (parts joined by "..."): all of it, or "" for none
    parties: tuple[str, ...]  # ids of the parties the rest names
    cues: tuple[str, ...]  # the codebook cues in the rest, as written

    @property
    def reading(self) -> Reading:
        """An open candidate, cited, set aside, or not looked at.

        A candidate is a sentence whose words outside every quote (all of them, if none covers
        it) name a party or carry a cue: quoted in part, it still holds something uncoded.
        """
        if self.parties or self.cues:
            return Reading.CANDIDATE
        if self.cited_by:
            return Reading.CITED
        if self.reasons:
            return Reading.SET_ASIDE
        return Reading.NOT_LOOKED_AT


class SourceCoverage(NamedTuple):
    """The sentences of one source, each with what the data file does with it."""

    id: str
    title: str
    sentences: tuple[Sentence, ...]
    unreadable: str | None = None  # why its text could not be read
    not_found: int = 0  # quotes from it that are not in its text (verify lists them)

    def count(self, reading: Reading) -> int:
        """How many of its sentences are read so."""
        return sum(s.reading is reading for s in self.sentences)


class CoverageReport(NamedTuple):
    """Every sentence of every source: cited, set aside or not looked at (``coverage``)."""

    header: Header
    folder: str  # the folder the texts were read from, as the user named it
    sources: tuple[SourceCoverage, ...]
    every: bool  # every sentence is to be shown, not only the open candidates

    @property
    def candidates(self) -> int:
        """Open candidates in all the sources."""
        return sum(s.count(Reading.CANDIDATE) for s in self.sources)

    @property
    def unreadable(self) -> int:
        """Sources whose text could not be read."""
        return sum(s.unreadable is not None for s in self.sources)


class Score(NamedTuple):
    """How far two coders agree on one kind of judgement."""

    units: int
    agreed: int
    kappa: float | None  # Cohen's kappa; None when there is nothing to compare

    @property
    def percent(self) -> float | None:
        """Percent agreement; None when there is no unit to agree on (not 100%)."""
        return 100.0 * self.agreed / self.units if self.units else None


class Disagreement(NamedTuple):
    """One unit the two coders coded differently.

    ``kind`` is ``outcome``, ``firmness``, ``attribution``, ``conditions`` (a stance's
    conditions, written ``ISSUE: OUTCOME, OUTCOME; ...`` or ``none``) or ``exclusions`` (an
    issue's outcomes that exclude each other, written ``A~B, ...`` or ``none``; its ``party``
    is None: exclusions are coded on the issue).
    """

    kind: str
    party: str | None
    issue: str
    outcome: str | None
    first: str
    second: str


class RelationDifference(NamedTuple):
    """A pair of parties whose computed relation on an issue differs between the two codings.

    ``causes`` are the units that differ on that issue for those parties (their stances on it
    and on the issues their conditions name, and the issues' exclusions): what a reader checks.
    """

    a: str
    b: str
    issue: str
    first: Relation
    second: Relation
    causes: tuple[Disagreement, ...]


class QuotedStance(NamedTuple):
    """Both coders' quotes for a party's stance on an issue that they coded differently."""

    party: str
    issue: str
    first: tuple[Evidence, ...]  # empty: that coder gave the party no stance on the issue
    second: tuple[Evidence, ...]


class Agreement(NamedTuple):
    """Two coders' encodings of the same sources compared (``agreement``).

    ``relations`` counts the pairs of ``parties`` and issues on which either coding gives the
    pair a relation other than unknown, and how many are the same; its kappa is None (README,
    "Coding the data": the relations are computed, not coded).
    """

    first: str
    second: str
    outcomes: Score
    firmness: Score
    attribution: Score
    conditions: Score
    exclusions: Score
    disagreements: tuple[Disagreement, ...]
    parties: tuple[str, ...]  # the parties whose relations are compared, pair by pair
    relations: Score
    relation_differences: tuple[RelationDifference, ...]
    quotes: tuple[QuotedStance, ...]  # each stance with a disagreement, in the listing's order
    stage: Score = Score(0, 0, None)  # stances' and conditions' stages (positions/3)
    salience: Score = Score(0, 0, None)  # stances' salience, "unranked" a level (positions/3)
    sources: tuple[str, ...] = ()  # compared only on what both quote from these; () for all


class QuoteMatch(NamedTuple):
    """A sentence of an article that holds the fragment asked for, as evidence (``quote``)."""

    quote: str  # the sentence as the article has it
    line: int  # the line of the article where it begins
    speaker: str | None  # suggested: the codebook's §7, by quoting.suggest_speaker
    attribution: Attribution  # suggested: the codebook's §5, by quoting.suggest_attribution
    why: str  # the attribution's reason, in a few words


class Quotes(NamedTuple):
    """Every sentence of one source that holds a fragment (``quote``)."""

    source: str
    fragment: str
    matches: tuple[QuoteMatch, ...]


class Created(NamedTuple):
    """A new dataset's folder and the files made in it (``init``)."""

    folder: str
    files: tuple[str, ...]  # paths relative to ``folder``, in the order made


# What a command hands the output edge: every result type a format can render.
Result = (
    Comparison
    | IssueDetail
    | IssueList
    | PartyList
    | Matrix
    | Agenda
    | Obstacles
    | Trades
    | SourcesReport
    | Diff
    | Summary
    | Verification
    | LintReport
    | CoverageReport
    | Agreement
    | Quotes
    | Created
)
