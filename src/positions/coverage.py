"""Which sentences of each source a data file cites, sets aside, or has not looked at.

A coder's checklist: every sentence of every article, in order (split as lint splits them,
``lint.sentence_ends``), marked cited (by which stances: their evidence, salience or doubts),
set aside (with the reason), or not
looked at. A sentence not looked at that names a party (by id, name, alias or member, folded as
lookup.py folds names) or carries one of the codebook's cues (cues.cue_words) is a candidate:
something a coder should read again. The texts come in read (textfile.read_sources, at the
command): no file is read here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise

from positions.cues import cue_words
from positions.errors import FileError
from positions.lint import sentence_ends
from positions.model import Dataset, Source, SourceTexts
from positions.results import CoverageReport, Header, Sentence, SourceCoverage
from positions.text import fold_name
from positions.verify import Finder, fold

_SPACE = re.compile(r"\s+")


def coverage(dataset: Dataset, sources: SourceTexts, *, every: bool = False) -> CoverageReport:
    """Each source's sentences and what ``dataset`` does with them; ``every``: show them all.

    A source whose text could not be read is listed with the reason; a folder that holds none
    of the sources is an error.
    """
    if dataset.sources and not sources.texts:
        raise FileError(
            f"{sources.folder}: none of the {len(dataset.sources)} sources is there; "
            f"expected the folder that holds <source id>.txt for each"
        )
    names = _Names(dataset)
    covered = []
    for sid, source in dataset.sources.items():
        if sid in sources.texts:
            covered.append(_source(dataset, source, sources.texts[sid], names))
        else:
            why = sources.unreadable.get(sid, f"{sources.folder}: no text for source '{sid}'")
            covered.append(SourceCoverage(sid, source.title, (), why))
    return CoverageReport(Header.of(dataset), sources.folder, tuple(covered), every)


class _Names:
    """Finds the parties a sentence names: ids, names, aliases and members, folded."""

    def __init__(self, dataset: Dataset) -> None:
        self.party: dict[str, str] = {}  # folded label -> party id
        for party in dataset.parties.values():
            for label in (party.id, party.name, *party.aliases, *party.members):
                self.party.setdefault(fold_name(fold(label)), party.id)
        # Longest first: "western partners" is the West's, before "partners" can be matched.
        labels = sorted(self.party, key=len, reverse=True)
        alternatives = "|".join(re.escape(label) for label in labels if label)
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if alternatives else None

    def named(self, sentence: str) -> tuple[str, ...]:
        """The ids of the parties ``sentence`` names, each once, in the order named."""
        if self.pattern is None:
            return ()
        found = self.pattern.finditer(fold_name(fold(sentence)))
        return tuple(dict.fromkeys(self.party[m.group()] for m in found))


def _sentences(text: str) -> list[str]:
    """The sentences of ``text``, in order, each run of white space one space; none empty."""
    bounds = [0, *sentence_ends(text), len(text)]
    pieces = (_SPACE.sub(" ", text[a:b]).strip() for a, b in pairwise(bounds))
    return [p for p in pieces if p]


def _source(dataset: Dataset, source: Source, text: str, names: _Names) -> SourceCoverage:
    """One source's sentences, each with the stances quoting it and the reasons setting it aside.

    The folded sentences joined by one space are the folded text (fold() makes every run of
    white space one space, and a sentence ends at white space), so a quote found in that text
    covers the sentences its place overlaps.
    """
    shown = _sentences(text)
    folded = [fold(s) for s in shown]
    starts: list[int] = []
    at = 0
    for sentence in folded:
        starts.append(at)
        at += len(sentence) + 1
    finder = Finder(" ".join(folded))
    cited: list[dict[str, None]] = [{} for _ in shown]
    reasons: list[dict[str, None]] = [{} for _ in shown]
    spans: list[list[tuple[int, int]]] = [[] for _ in shown]  # the parts quotes cover
    not_found = 0

    def mark(quote: str, marks: list[dict[str, None]], label: str) -> None:
        nonlocal not_found
        wanted = fold(quote)
        start = finder.find(wanted)
        if start < 0 or not wanted:
            not_found += 1
            return
        end = start + len(wanted)
        n = max(bisect_right(starts, start) - 1, 0)
        while n < len(starts) and starts[n] < end:
            marks[n][label] = None
            spans[n].append((max(start - starts[n], 0), min(end - starts[n], len(folded[n]))))
            n += 1

    for party in dataset.parties.values():
        for stance in party.stances.values():
            what = f"{party.id}/{stance.issue}"
            for evidence in stance.evidence:
                if evidence.source == source.id:
                    mark(evidence.quote, cited, what)
            ranked = stance.salience.evidence if stance.salience else None
            if ranked and ranked.source == source.id:
                mark(ranked.quote, cited, f"{what} (salience)")
            for doubt in stance.doubts:
                if doubt.source == source.id:
                    mark(doubt.quote, cited, f"{what} (doubt)")
    for aside in source.set_aside:
        mark(aside.quote, reasons, aside.reason)
    sentences = []
    for n, sentence in enumerate(shown):
        rest = _uncovered(sentence, spans[n])
        sentences.append(
            Sentence(
                n + 1,
                sentence,
                tuple(cited[n]),
                tuple(reasons[n]),
                rest,
                names.named(rest),
                tuple(cue_words(rest)),
            )
        )
    return SourceCoverage(source.id, source.title, tuple(sentences), None, not_found)


def _uncovered(sentence: str, spans: list[tuple[int, int]]) -> str:
    """The words of ``sentence`` outside ``spans``, the parts left between them joined by "...".

    ``spans`` are places in the folded sentence, which are the same in the sentence itself:
    folding maps each typographic character to one character, and the sentence's white space
    is already one space a run. A part of punctuation alone is left out.
    """
    parts = []
    at = 0
    for start, end in sorted(spans):
        parts.append(sentence[at:start])
        at = max(at, end)
    parts.append(sentence[at:])
    kept = [p.strip().lstrip(",;: ") for p in parts if any(c.isalnum() for c in p)]
    return " ... ".join(kept)
