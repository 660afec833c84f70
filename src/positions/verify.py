"""Check that every quote in a dataset occurs verbatim in the text of its source.

The texts come in read (textfile.read_sources, at the command): no file is read here.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from positions.errors import FileError, QuotesNotFound
from positions.model import Dataset, Location, SourceTexts
from positions.results import Verification
from positions.text import fold_typography

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold typographic quotes and dashes to ASCII and every run of white space to one space."""
    return _SPACE.sub(" ", fold_typography(text)).strip()


class Finder:
    """Finds many quotes in one long text in time that grows with the text and the quotes.

    ``quote in text`` costs up to the text's length for each quote, so many quotes cut from one
    long source cost their number times its length: 14 s for a 4 MB source and its quotes
    (benchmarks/run.py, "verify (quotes)"), four times as long for each doubling. The finder
    indexes, once, where each run of ``WORDS`` words of the text begins, and tries a quote only
    where its own first ``WORDS`` words stand; a shorter quote, or one found at no word's
    beginning (cut mid-word, or missing), is searched as before. So ``find`` gives the first
    place where the quote begins a word, else its first place. (A key of characters rather than
    words is not enough: a text of few distinct words repeats every short key.)
    """

    WORDS = 6

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[int, list[int]] | None = None  # built on the first long quote

    def find(self, quote: str) -> int:
        """Where ``quote`` begins in the text, or -1."""
        words = quote.split(" ", self.WORDS)
        if len(words) >= self.WORDS:
            key = hash(" ".join(words[: self.WORDS]))
            for start in self._index().get(key, ()):
                if self.text.startswith(quote, start):
                    return start
        return self.text.find(quote)

    def _index(self) -> dict[int, list[int]]:
        """Where each run of ``WORDS`` words begins, by the run's hash."""
        if self._starts is None:
            self._starts = {}
            bounds = [(m.start(), m.end()) for m in re.finditer(r"\S+", self.text)]
            for n in range(len(bounds) - self.WORDS + 1):
                start, end = bounds[n][0], bounds[n + self.WORDS - 1][1]
                self._starts.setdefault(hash(self.text[start:end]), []).append(start)
        return self._starts


class Missing(NamedTuple):
    """A quote that was not found, or a source that could not be read, at its place."""

    location: Location | None
    what: str  # party/issue for a quote, the source's id for a source
    reason: str

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.what}: {self.reason}"


def cited(dataset: Dataset) -> list[str]:
    """The sources quoted or set aside from, in the order first cited: the texts verify needs."""
    return list(dict.fromkeys(source for _, source, _, _ in quotes(dataset)))


def quotes(dataset: Dataset) -> list[tuple[str, str, str, Location | None]]:
    """Every quote of the file as (what, source, quote, place): evidence, then set-asides.

    ``what`` is ``party/issue`` for evidence, ``party/issue (salience)`` and ``party/issue
    (doubt)`` for the quotes that rank a stance or doubt it, and ``set aside`` for a sentence
    set aside. The copy of a joint statement is the stance as coded, at the same place: its
    quotes are checked once, under the party it is coded under.
    """
    out: list[tuple[str, str, str, Location | None]] = []
    for party in dataset.parties.values():
        for stance in party.stances.values():
            if stance.coded_under is not None:
                continue
            what = f"{party.id}/{stance.issue}"
            out += [(what, e.source, e.quote, e.location) for e in stance.evidence]
            if stance.salience is not None:
                e = stance.salience.evidence
                out.append((f"{what} (salience)", e.source, e.quote, e.location))
            out += [(f"{what} (doubt)", d.source, d.quote, d.location) for d in stance.doubts]
    out += [
        ("set aside", sid, aside.quote, aside.location)
        for sid, source in dataset.sources.items()
        for aside in source.set_aside
    ]
    return out


def check(dataset: Dataset, sources: SourceTexts) -> tuple[int, list[Missing]]:
    """Look up every quote in its source; how many were checked, and what was not found.

    Quotes are the evidence of the stances, the quotes of their salience and doubts, and the
    sentences set aside from each source.

    ``sources`` holds the texts of the sources cited (cited()). A source that could not be read
    is reported once, with the number of its quotes left unchecked, not once for each of them;
    a folder that holds none of the sources is an error.
    """
    return _check(dataset, sources, quotes(dataset))


def _check(
    dataset: Dataset, sources: SourceTexts, found: list[tuple[str, str, str, Location | None]]
) -> tuple[int, list[Missing]]:
    """check() of the quotes ``found`` (quotes()), read once by whoever counts them too."""
    wanted = cited(dataset)
    texts = {s: Finder(fold(sources.texts[s])) for s in wanted if s in sources.texts}
    unreadable = {s: sources.unreadable[s] for s in wanted if s in sources.unreadable}
    if wanted and not texts:
        raise FileError(
            f"{sources.folder}: none of the {len(wanted)} cited sources is there; "
            f"expected the folder that holds <source id>.txt for each"
        )
    counts = Counter(source for _, source, _, _ in found)
    missing = [
        Missing(
            dataset.sources[source].location,
            source,
            f"{error}; its {counts[source]} quotes not checked",
        )
        for source, error in unreadable.items()
    ]
    for what, source, quote, location in found:
        text = texts.get(source)
        if text is not None and text.find(fold(quote)) < 0:
            reason = f"quote not found in source '{source}': \"{quote}\""
            missing.append(Missing(location, what, reason))
    return len(found), missing


def verify(dataset: Dataset, sources: SourceTexts) -> Verification:
    """Every quote found in its source, or QuotesNotFound listing those that are not."""
    found = quotes(dataset)
    checked, missing = _check(dataset, sources, found)
    if missing:
        raise QuotesNotFound([str(m) for m in missing], checked)
    kinds = Counter(
        "set aside" if what == "set aside" else what.rsplit(" ", 1)[-1] for what, _, _, _ in found
    )
    ranked = kinds["(salience)"] + kinds["(doubt)"]
    return Verification(dataset.path, checked, sources.folder, kinds["set aside"], ranked)
