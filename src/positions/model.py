"""The data model: plain frozen dataclasses, built only by the loader."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Firmness(Enum):
    """How hard a party holds a stance, from most to least."""

    RED_LINE = "red-line"
    FIRM = "firm"
    OPEN = "open"


class Attribution(Enum):
    """How directly the evidence ties a stance to the party, from strongest to weakest."""

    STATED = "stated"
    REPORTED = "reported"
    INFERRED = "inferred"


@dataclass(frozen=True, slots=True)
class Location:
    """Where something was written: file path and 1-based line and column."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Source:
    """An article or document that evidence is quoted from."""

    id: str
    title: str
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    location: Location | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Issue:
    """A question to be settled, with the vocabulary of outcomes that could settle it.

    ``excludes`` holds, for each outcome that has any, the outcomes that cannot happen with it;
    it is symmetric (the loader adds the other direction). ``dispute`` is the id of the dispute
    this issue is one part of.
    """

    id: str
    name: str
    question: str
    outcomes: dict[str, str]
    excludes: dict[str, frozenset[str]] = field(default_factory=dict)
    dispute: str | None = None
    location: Location | None = field(default=None, compare=False, repr=False)

    def exclusive(self, a: str, b: str) -> bool:
        """Whether outcomes ``a`` and ``b`` cannot both happen."""
        return b in self.excludes.get(a, ())


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim quote from a source that backs a stance."""

    source: str
    quote: str
    attribution: Attribution
    speaker: str | None = None
    location: Location | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Stance:
    """One party's position on one issue."""

    issue: str
    summary: str
    accepts: tuple[str, ...]
    rejects: tuple[str, ...]
    firmness: Firmness
    evidence: tuple[Evidence, ...]
    conditions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # issue -> outcomes
    note: str | None = None
    location: Location | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Party:
    """An actor whose conditions the sources state, with its stances by issue id."""

    id: str
    name: str
    aliases: tuple[str, ...]
    stances: dict[str, Stance]
    members: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Dataset:
    """A whole data file; ``path`` is the file as it is to be shown."""

    title: str
    sources: dict[str, Source]
    issues: dict[str, Issue]
    parties: dict[str, Party]
    disputes: dict[str, str] = field(default_factory=dict)  # id -> name
    schema: str = "positions/2"
    path: str = ""
