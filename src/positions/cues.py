"""The codebook's cue wordings, declared once, and finding them in a quote.

Firmness (docs/codebook.md, "Firmness"), stage ("Stage"), salience ("Salience"), and the
wordings of a condition. ``lint`` checks a coding against them, ``coverage`` marks the sentences
that carry firmness and condition cues, ``quote`` suggests from them; tests/test_lint.py holds
each list to the codebook's table.

Every function takes a text and folds it (typographic quotes and dashes to ASCII, white space
to one space, lower case), so "Kremlin’s" and "Kremlin's" read alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Generic, NamedTuple, TypeVar

from positions.model import Firmness, Level, Stage
from positions.verify import fold

# The words that signal each level of firmness. A cue matches its word's other forms too:
# "insists" also finds "insist" and "insisted".
CUES: dict[Firmness, tuple[str, ...]] = {
    Firmness.RED_LINE: ("red line", "non-negotiable", "non-starter", "prerequisite", "only if",
                        "only on", "can only", "must", "cannot"),
    Firmness.FIRM: ("insists", "demands", "requires", "rejects", "remains firm", "denied",
                    "disproved"),
    Firmness.OPEN: ("wants", "hopes", "aspires", "aspiration", "seeks", "supports", "believes",
                    "open to", "ready", "readiness", "willing"),
}  # fmt: skip
# The words that say by when a condition or a stance's outcome must hold (codebook, "Stage").
# "..." in a cue stands for up to six words.
STAGE_CUES: dict[Stage, tuple[str, ...]] = {
    Stage.TALKS: ("before talks", "can only begin", "must begin with", "cannot take place while",
                  "prerequisite for ... diplomatic engagement", "open to dialogue if",
                  "precondition for negotiations", "to create a legitimate space for talks",
                  "provided that both sides approach negotiations"),
    Stage.CEASEFIRE: ("for a ceasefire", "ceasefire that would require",
                      "before any cessation of hostilities",
                      "must be met for any cessation of hostilities"),
    Stage.SETTLEMENT: ("any settlement must", "peace agreement", "peace formula", "lasting peace",
                       "post-conflict", "for a deal to be sustainable", "must take into account",
                       "must align with", "only if it yields outcomes",
                       "if core objectives are addressed", "only on its terms"),
}  # fmt: skip
# The words by which an article ranks how much an issue matters to a party (codebook,
# "Salience").
SALIENCE_CUES: dict[Level, tuple[str, ...]] = {
    Level.TOP: ("foremost", "most important", "most significant", "above all", "top priority",
                "first among"),
    Level.HIGH: ("central", "core", "key", "primary", "element of the core demand"),
    Level.LOW: ("secondary", "less important", "lesser"),
}  # fmt: skip
# Words in a summary that say a position holds only on a condition.
CONDITION_WORDS = ("only if", "on its terms", "on its own terms", "provided that", "only once")

T = TypeVar("T", Firmness, Stage, Level)
_GAP = r"(?:\W+\w+){0,6}?\W+"  # "..." in a cue: up to six words


def _firmness_pattern(cue: str) -> str:
    stem = cue[:-1] if cue.endswith("s") and " " not in cue else cue
    return rf"\b{re.escape(stem)}\w*"


def _phrase_pattern(cue: str) -> str:
    parts = [re.escape(p.strip()).replace(r"\ ", " ") for p in cue.split("...")]
    return rf"\b{_GAP.join(parts)}s?\b"


class _Table(Generic[T]):
    """A table's cues as one pattern, longest first, each cue a group named by its place."""

    def __init__(self, table: dict[T, tuple[str, ...]], pattern: Callable[[str], str]) -> None:
        cues = sorted(
            ((level, cue) for level, cues in table.items() for cue in cues),
            key=lambda lc: -len(lc[1]),
        )
        self.pattern = re.compile(
            "|".join(f"(?P<c{n}>{pattern(cue)})" for n, (_, cue) in enumerate(cues))
        )
        self.levels: dict[str, T] = {f"c{n}": level for n, (level, _) in enumerate(cues)}

    def find(self, text: str) -> list[Cue[T]]:
        """Each cue in ``text``, in order, with its level; of two that overlap, the longer."""
        return [
            Cue(self.levels[m.lastgroup or ""], m.group())
            for m in self.pattern.finditer(folded(text))
        ]


class Cue(NamedTuple, Generic[T]):
    """A cue found in a text: its level, and its words as they stand there (folded, lower case).

    The level is a Firmness, a Stage or a (salience) Level.
    """

    level: T
    words: str


_FIRMNESS = _Table(CUES, _firmness_pattern)
_STAGE = _Table(STAGE_CUES, _phrase_pattern)
_SALIENCE = _Table(SALIENCE_CUES, _phrase_pattern)
_FIRMNESS_PATTERNS = {
    level: re.compile("|".join(_firmness_pattern(c) for c in cues)) for level, cues in CUES.items()
}
_ANY_CUE = re.compile(
    "|".join(
        [
            *(p.pattern for p in _FIRMNESS_PATTERNS.values()),
            *(rf"\b{re.escape(w)}\b" for w in CONDITION_WORDS),
        ]
    )
)


def folded(text: str) -> str:
    """``text`` as the cues are looked for in it: folded, in lower case."""
    return fold(text).lower()


def firmness_cues(text: str) -> list[Cue[Firmness]]:
    """The firmness cues in ``text``, in order."""
    return _FIRMNESS.find(text)


def stage_cues(text: str) -> list[Cue[Stage]]:
    """The stage cues in ``text``, in order."""
    return _STAGE.find(text)


def salience_cues(text: str) -> list[Cue[Level]]:
    """The salience cues in ``text``, in order."""
    return _SALIENCE.find(text)


def has_firmness_cue(quotes: list[str], level: Firmness) -> bool:
    """Whether one of ``quotes`` (each folded by ``folded``) carries a cue of ``level``."""
    return any(_FIRMNESS_PATTERNS[level].search(q) for q in quotes)


def cue_words(text: str) -> list[str]:
    """The codebook's cues in ``text``, as they stand there (lower case), each once, in order.

    Firmness cues of every level ("demands" also finds "demand") and the condition wordings
    ("only if", "provided that"...), the lists lint's checks use.
    """
    found = (m.group() for m in _ANY_CUE.finditer(folded(text)))
    return list(dict.fromkeys(found))
