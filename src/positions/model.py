"""The data model: immutable records, built only by the loader.

They are NamedTuples, not frozen dataclasses: on Python 3.11 the seven frozen dataclasses cost
5 ms of every command's start-up to create (each compiles six methods with ``exec``, and the
module imports ``dataclasses``), against about 0.5 ms for these; the script path's budget is
9 ms (benchmarks/README.md, "start-up"). Their annotations are real types, not strings (no
``from __future__ import annotations``): typing compiles each string annotation of a
NamedTuple, which costs as much again. Where a record has a ``location``, it is left out of
equality and hashing, as ``field(compare=False)`` did: the same stance written on another line
is the same stance.
"""

from enum import Enum
from typing import Any, NamedTuple, TypeVar


class Firmness(Enum):
    """How hard a party holds a stance, from most to least."""

    RED_LINE = "red-line"
    FIRM = "firm"
    OPEN = "open"
    NO_CUE = "no-cue"  # the evidence has no firmness cue at all: not known, not "open"


class Stage(Enum):
    """When a condition or a stance applies, from earliest to latest (codebook: stage)."""

    TALKS = "talks"  # before talks start
    CEASEFIRE = "ceasefire"  # before a ceasefire
    SETTLEMENT = "settlement"  # in the settlement


class Level(Enum):
    """How important an issue is to a party, where an article ranks it, from most to least."""

    TOP = "top"
    HIGH = "high"
    LOW = "low"


class Attribution(Enum):
    """How directly the evidence ties a stance to the party, from strongest to weakest."""

    STATED = "stated"
    REPORTED = "reported"
    INFERRED = "inferred"


_R = TypeVar("_R", bound=type[tuple[Any, ...]])


def _located(cls: _R) -> _R:
    """Leave the last field, ``location``, out of the record's equality and hash."""

    def __eq__(self: tuple[Any, ...], other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self[:-1] == other[:-1]

    def __ne__(self: tuple[Any, ...], other: object) -> bool:
        equal = __eq__(self, other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self: tuple[Any, ...]) -> int:
        return hash(self[:-1])

    cls.__eq__ = __eq__  # type: ignore[method-assign]
    cls.__ne__ = __ne__  # type: ignore[assignment,method-assign]
    cls.__hash__ = __hash__  # type: ignore[method-assign]
    return cls


class Location(NamedTuple):
    """Where something was written: file path and 1-based line and column."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@_located
class SetAside(NamedTuple):
    """A sentence of a source that a coder read and deliberately did not code, and why."""

    quote: str
    reason: str
    location: Location | None = None


@_located
class Source(NamedTuple):
    """An article or document that evidence is quoted from, with the sentences set aside.

    ``title_from`` says whose the title is: ``"article"`` (its headline) or ``"coder"``; None
    where the file does not say.
    """

    id: str
    title: str
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    set_aside: tuple[SetAside, ...] = ()
    title_from: str | None = None
    location: Location | None = None


@_located
class Compatibility(NamedTuple):
    """A coder's check that two outcomes of one issue can both happen, and why."""

    outcomes: frozenset[str]
    reason: str
    location: Location | None = None


@_located
class Issue(NamedTuple):
    """A question to be settled, with the vocabulary of outcomes that could settle it.

    ``excludes`` holds, for each outcome that has any, the outcomes that cannot happen with it;
    it is symmetric (the loader adds the other direction). ``dispute`` is the id of the dispute
    this issue is one part of.

    Links across issues are ``(issue id, outcome id)`` pairs: ``excludes_elsewhere`` holds, per
    outcome, the outcomes of other issues that cannot happen with it (symmetric, as
    ``excludes``); ``requires``, per outcome, those it cannot happen without (one direction).
    ``compatible`` holds the pairs of this issue's outcomes that a coder checked can both happen.
    """

    id: str
    name: str
    question: str
    outcomes: dict[str, str]
    excludes: dict[str, frozenset[str]] = {}  # noqa: RUF012 - never changed: the model is immutable
    dispute: str | None = None
    excludes_elsewhere: dict[str, frozenset[tuple[str, str]]] = {}  # noqa: RUF012 - immutable
    requires: dict[str, frozenset[tuple[str, str]]] = {}  # noqa: RUF012 - immutable
    compatible: tuple[Compatibility, ...] = ()
    location: Location | None = None

    def exclusive(self, a: str, b: str) -> bool:
        """Whether outcomes ``a`` and ``b`` cannot both happen."""
        return b in self.excludes.get(a, ())

    def checked(self, a: str, b: str) -> Compatibility | None:
        """The recorded check that outcomes ``a`` and ``b`` can both happen, if there is one."""
        pair = frozenset((a, b))
        return next((c for c in self.compatible if c.outcomes == pair), None)


@_located
class Evidence(NamedTuple):
    """A verbatim quote from a source that backs a stance."""

    source: str
    quote: str
    attribution: Attribution
    speaker: str | None = None
    location: Location | None = None


@_located
class Ranking(NamedTuple):
    """Where an article ranks how important an issue is to a party, with the quote that does."""

    level: Level
    evidence: Evidence
    location: Location | None = None


@_located
class Doubt(NamedTuple):
    """A source's doubt about a stance (its sincerity, its meaning), and who voices it."""

    by: str
    source: str
    quote: str
    location: Location | None = None


@_located
class Stance(NamedTuple):
    """One party's position on one issue.

    ``stage`` is when the accepted outcomes are asked for, ``condition_stages`` the stage of each
    condition (by the condition's issue id) where coded; None and absent mean "not coded".
    ``joint`` names the other parties a joint statement speaks for, on the stance as coded;
    on their copies, ``coded_under`` names the party it was coded under.
    """

    issue: str
    summary: str
    accepts: tuple[str, ...]
    rejects: tuple[str, ...]
    firmness: Firmness
    evidence: tuple[Evidence, ...]
    conditions: dict[str, tuple[str, ...]] = {}  # noqa: RUF012 - never changed: the model is immutable  # issue -> outcomes
    note: str | None = None
    answers: tuple[str, ...] = ()  # the checks (codes or names) the note answers; () for all
    stage: Stage | None = None
    condition_stages: dict[str, Stage] = {}  # noqa: RUF012 - never changed: the model is immutable
    salience: Ranking | None = None
    doubts: tuple[Doubt, ...] = ()
    joint: tuple[str, ...] = ()
    coded_under: str | None = None
    location: Location | None = None

    def source_count(self) -> int:
        """How many different sources the stance's evidence quotes."""
        return len({e.source for e in self.evidence})


@_located
class Party(NamedTuple):
    """An actor whose conditions the sources state, with its stances by issue id."""

    id: str
    name: str
    aliases: tuple[str, ...]
    stances: dict[str, Stance]
    members: tuple[str, ...] = ()
    camp: str | None = None  # the id of the camp (Dataset.camps) the party belongs to
    location: Location | None = None


class Dataset(NamedTuple):
    """A whole data file; ``path`` is the file as it is to be shown."""

    title: str
    sources: dict[str, Source]
    issues: dict[str, Issue]
    parties: dict[str, Party]
    disputes: dict[str, str] = {}  # id -> name  # noqa: RUF012 - never changed: immutable model
    camps: dict[str, str] = {}  # id -> name  # noqa: RUF012 - never changed: immutable model
    schema: str = "positions/3"
    path: str = ""


class SourceTexts(NamedTuple):
    """The articles' texts as the command read them, for verify and lint: no file is read here.

    ``unreadable`` says, for each source whose text could not be read, why (the message).
    """

    folder: str  # the folder they were read from, as the user named it
    texts: dict[str, str]  # source id -> its text
    unreadable: dict[str, str]  # source id -> why its text could not be read
