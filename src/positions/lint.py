"""Hold a data file to the codebook (docs/codebook.md): the checks a machine can make.

Each check has a code and a name, finds places (FILE:LINE:COL) and says in one line what is
wrong. Errors break a coding rule; warnings mark what a coder must look at again. A stance that
carries a ``note`` has been looked at: the findings its note answers (every one, unless the note
names the checks it answers) are shown as noted and do not count.

The cue phrases that signal each level of firmness are declared here once; the codebook's table
lists the same phrases (tests/test_lint.py holds the two together).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from positions.model import (
    Attribution,
    Dataset,
    Evidence,
    Firmness,
    Location,
    Party,
    SourceTexts,
    Stance,
)
from positions.results import Finding, Header, LintReport
from positions.text import fold_name
from positions.verify import Finder, fold

# The words that signal each level of firmness (docs/codebook.md, "Firmness"). A cue matches its
# word's other forms too: "insists" also finds "insist" and "insisted".
CUES: dict[Firmness, tuple[str, ...]] = {
    Firmness.RED_LINE: ("red line", "non-negotiable", "non-starter", "prerequisite", "only if",
                        "only on", "can only", "must", "cannot"),
    Firmness.FIRM: ("insists", "demands", "requires", "rejects", "remains firm", "denied",
                    "disproved"),
    Firmness.OPEN: ("wants", "hopes", "aspires", "aspiration", "seeks", "supports", "believes",
                    "open to", "ready", "readiness", "willing"),
}  # fmt: skip
_CUE_PATTERNS = {
    level: re.compile(
        "|".join(
            rf"\b{re.escape(c[:-1] if c.endswith('s') and ' ' not in c else c)}\w*" for c in cues
        )
    )
    for level, cues in CUES.items()
}
# Words in a summary that say a position holds only on a condition.
CONDITION_WORDS = ("only if", "on its terms", "on its own terms", "provided that", "only once")
# Where a sentence ends: a full stop, question or exclamation mark (and any closing quotation
# marks or brackets after it) before white space; or a line break. The one splitter: lint's
# same-sentence check and coverage's sentences both come from sentence_ends().
_SENTENCE_END = re.compile("[.!?][\"'\u201d\u2019)\\]]*\\s|\n")
# Every cue of the codebook in one pattern, for finding them in a sentence (cue_words): the
# firmness cues of each level, as _CUE_PATTERNS match them, and the condition wordings.
_ANY_CUE = re.compile(
    "|".join(
        [
            *(p.pattern for p in _CUE_PATTERNS.values()),
            *(rf"\b{re.escape(w)}\b" for w in CONDITION_WORDS),
        ]
    )
)
# Quotation marks: double (straight or curly, either way round), or single curly ones.
_DOUBLE = re.compile('["\u201c\u201d]')
_SINGLE = "\u2018", "\u2019"
_SPACE = re.compile(r"\s+")


class Check(NamedTuple):
    """A check of the codebook: its code, its name, and whether a finding is an error."""

    code: str
    name: str
    error: bool
    rule: str


CHECKS = {
    c.name: c
    for c in (
        Check("L101", "red-line-without-cue", True,
              "a red-line stance needs a quote with a red-line cue, or a note saying why"),
        Check("L102", "firmness-without-cue", False,
              "a firm stance needs a quote with a firm or red-line cue; with no measure, open"),
        Check("L103", "same-quote-coded-differently", False,
              "the same sentence gets the same firmness and attribution wherever it is used"),
        Check("L104", "stated-without-quotation", True,
              "stated evidence quotes the party's own words, in quotation marks"),
        Check("L105", "speaker-not-in-source", True,
              "a speaker is a person the cited article names"),
        Check("L106", "condition-not-coded", True,
              "a summary that says a position holds only on a condition needs conditions"),
        Check("L107", "source-never-cited", False,
              "every source listed is cited by at least one quote"),
        Check("L108", "alias-names-another", True,
              "an alias names the party itself, never one of a group's members"),
        Check("L109", "inferred-without-note", False,
              "a stance resting only on inferred evidence says why in a note"),
        Check("L110", "outcome-never-coded", False,
              "every outcome is accepted, rejected or required by at least one stance"),
    )
}  # fmt: skip


def _fold(text: str) -> str:
    return fold(text).lower()


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of ``text`` ends (after the white space that ends it), in order.

    The text after the last end, if any, is a last sentence with no end mark.
    """
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def cue_words(text: str) -> list[str]:
    """The codebook's cues in ``text``, as they stand there (lower case), each once, in order.

    Firmness cues of every level ("demands" also finds "demand") and the condition wordings
    ("only if", "provided that"...), the lists lint's checks use.
    """
    found = (m.group() for m in _ANY_CUE.finditer(_fold(text)))
    return list(dict.fromkeys(found))


def _listed(level: Firmness) -> str:
    return ", ".join(CUES[level])


def _has_cue(quotes: list[str], level: Firmness) -> bool:
    return any(_CUE_PATTERNS[level].search(q) for q in quotes)


def has_quotation(quote: str) -> bool:
    """Whether some words of ``quote``, on one line, stand between quotation marks.

    The regular expression this replaces ('["“”].+?["“”]|‘.+?’') tried again from each opening
    mark that was never closed, to the end of the line: a 1 MB quote of opening marks took
    minutes (benchmarks/run.py, "open-quotes"). Only the first opening mark of each line need
    be tried: any later one closes on a mark the first also reaches.
    """
    for line in quote.split("\n"):
        double = _DOUBLE.search(line)
        if double and _DOUBLE.search(line, double.end() + 1):
            return True
        single = line.find(_SINGLE[0])
        if single >= 0 and line.find(_SINGLE[1], single + 2) >= 0:
            return True
    return False


# The checks a stance's note can answer (the others always count); the data format lets a note
# name them (fields.ANSWERABLE), and tests/test_lint.py holds the two lists together.
ANSWERED_BY_NOTES = (
    "red-line-without-cue", "firmness-without-cue", "same-quote-coded-differently",
    "condition-not-coded", "inferred-without-note",
)  # fmt: skip


def answered(stance: Stance, check: str) -> bool:
    """Whether the stance's note answers ``check``: a note that names no check answers all."""
    assert check in ANSWERED_BY_NOTES, check
    if stance.note is None:
        return False
    spec = CHECKS[check]
    return not stance.answers or spec.code in stance.answers or spec.name in stance.answers


def _where(location: Location | None) -> str:
    return str(location) if location else "?"


class _Linter:
    """Collects the findings of one dataset."""

    def __init__(self, dataset: Dataset, texts: dict[str, str] | None) -> None:
        self.dataset = dataset
        self.texts = texts  # source id -> folded text, or None without --sources
        self.ends: dict[str, list[int]] = {}  # source id -> where each sentence ends in it
        self.finders: dict[str, Finder] = {}  # source id -> its text, indexed for many quotes
        self.findings: list[Finding] = []

    def find(self, check: str, location: Location | None, message: str, noted: bool) -> None:
        spec = CHECKS[check]
        self.findings.append(
            Finding(spec.code, spec.name, spec.error, _where(location), message, noted)
        )

    def stances(self) -> Iterator[tuple[Party, Stance]]:
        for party in self.dataset.parties.values():
            for stance in party.stances.values():
                yield party, stance

    def firmness(self) -> None:
        for party, stance in self.stances():
            quotes = [_fold(e.quote) for e in stance.evidence]
            what = f"{party.id}/{stance.issue}"
            if stance.firmness is Firmness.RED_LINE and not _has_cue(quotes, Firmness.RED_LINE):
                self.find("red-line-without-cue", stance.location,
                          f"{what} is red-line, but no quote has a red-line cue "
                          f"({_listed(Firmness.RED_LINE)})",
                          answered(stance, "red-line-without-cue"))  # fmt: skip
            if stance.firmness is Firmness.FIRM and not (
                _has_cue(quotes, Firmness.FIRM) or _has_cue(quotes, Firmness.RED_LINE)
            ):
                self.find("firmness-without-cue", stance.location,
                          f"{what} is firm, but no quote has a firm or red-line cue "
                          f"({_listed(Firmness.FIRM)}...)",
                          answered(stance, "firmness-without-cue"))  # fmt: skip

    def place(self, source: str, text: str) -> int:
        """Where ``text`` (folded) begins in the folded text of ``source``; -1 if nowhere."""
        if not self.texts or source not in self.texts:
            return -1
        if source not in self.finders:
            self.finders[source] = Finder(self.texts[source])
        return self.finders[source].find(text)

    def sentence(self, evidence: Evidence) -> str:
        """The key that says two quotes are the same sentence: its words, or its place."""
        quote = _fold(evidence.quote)
        start = self.place(evidence.source, quote)
        if start < 0:
            return quote
        text = self.finders[evidence.source].text
        # The ends of a source's sentences are found once, not again up to each quote: many
        # quotes from one long source would cost their number times its length.
        if evidence.source not in self.ends:
            self.ends[evidence.source] = sentence_ends(text)
        ends = self.ends[evidence.source]
        before = bisect_right(ends, start) - 1
        return f"@{ends[before] if before >= 0 else 0}"

    def same_quotes(self) -> None:
        seen: dict[tuple[str, str], list[tuple[Party, Stance, Evidence]]] = {}
        for party, stance in self.stances():
            for evidence in stance.evidence:
                key = (evidence.source, self.sentence(evidence))
                seen.setdefault(key, []).append((party, stance, evidence))
        for quoted in seen.values():
            # One use per stance: two cuts of one sentence in one stance are one use.
            uses = list({(p.id, s.issue): (p, s, e) for p, s, e in quoted}.values())
            attributions = {e.attribution for _, _, e in uses}
            firmness = {s.firmness for _, s, _ in uses}
            if len(attributions) < 2 and len(firmness) < 2:
                continue
            noted = any(answered(s, "same-quote-coded-differently") for _, s, _ in uses)
            where = ", ".join(
                f"{p.id}/{s.issue} {s.firmness.value} {e.attribution.value}" for p, s, e in uses
            )
            self.find("same-quote-coded-differently", uses[0][2].location,
                      f"one sentence, coded differently: {where}", noted)  # fmt: skip

    def evidence(self) -> None:
        for party, stance in self.stances():
            for e in stance.evidence:
                if e.attribution is Attribution.STATED and not has_quotation(e.quote):
                    self.find("stated-without-quotation", e.location,
                              f"{party.id}/{stance.issue}: stated, but the quote has no words in "
                              f"quotation marks; expected reported", False)  # fmt: skip
                if e.speaker and self.texts is not None and e.source in self.texts:
                    names = [e.speaker, e.speaker.split()[-1]]
                    if not any(self.place(e.source, _fold(n)) >= 0 for n in names):
                        self.find("speaker-not-in-source", e.location,
                                  f"{party.id}/{stance.issue}: speaker '{e.speaker}' is not "
                                  f"named in {e.source}", False)  # fmt: skip

    def conditions(self) -> None:
        for party, stance in self.stances():
            said = [w for w in CONDITION_WORDS if w in _fold(stance.summary)]
            if said and not stance.conditions:
                self.find("condition-not-coded", stance.location,
                          f"{party.id}/{stance.issue}: the summary says '{said[0]}', but the "
                          f"stance has no conditions",
                          answered(stance, "condition-not-coded"))  # fmt: skip

    def sources(self) -> None:
        cited = {e.source for _, s in self.stances() for e in s.evidence}
        for sid, source in self.dataset.sources.items():
            if sid not in cited:
                self.find("source-never-cited", source.location,
                          f"source '{sid}' is listed but no quote cites it", False)  # fmt: skip

    def aliases(self) -> None:
        members = {fold_name(m): p.id for p in self.dataset.parties.values() for m in p.members}
        for party in self.dataset.parties.values():
            for alias in party.aliases:
                group = members.get(fold_name(alias))
                if group is not None:
                    whose = "its own member" if group == party.id else f"a member of '{group}'"
                    self.find("alias-names-another", party.location,
                              f"alias '{alias}' of '{party.id}' is {whose}; "
                              f"expected it among members, not aliases", False)  # fmt: skip

    def outcomes(self) -> None:
        coded = {
            (stance.issue, outcome)
            for _, stance in self.stances()
            for outcome in (*stance.accepts, *stance.rejects)
        }
        coded |= {
            (iid, outcome)
            for _, stance in self.stances()
            for iid, outcomes in stance.conditions.items()
            for outcome in outcomes
        }
        for iid, issue in self.dataset.issues.items():
            for outcome in issue.outcomes:
                if (iid, outcome) not in coded:
                    self.find("outcome-never-coded", issue.location,
                              f"outcome '{outcome}' of '{iid}' is in no stance; expected it "
                              f"accepted, rejected or required, or left out", False)  # fmt: skip

    def inferred(self) -> None:
        for party, stance in self.stances():
            if all(e.attribution is Attribution.INFERRED for e in stance.evidence):
                self.find("inferred-without-note", stance.location,
                          f"{party.id}/{stance.issue} rests only on inferred evidence",
                          answered(stance, "inferred-without-note"))  # fmt: skip


def lint(dataset: Dataset, sources: SourceTexts | None = None) -> LintReport:
    """Every finding of the codebook's checks, in the file's order.

    With ``sources`` (the articles' texts, read by the command), speakers are looked up in the
    articles they are credited in, and quotes from one sentence are known to be one even where
    cut differently. A source whose text could not be read is left out of both.
    """
    texts = {s: _fold(t) for s, t in sources.texts.items()} if sources is not None else None
    linter = _Linter(dataset, texts)
    linter.firmness()
    linter.same_quotes()
    linter.evidence()
    linter.conditions()
    linter.sources()
    linter.aliases()
    linter.outcomes()
    linter.inferred()
    findings = sorted(linter.findings, key=lambda f: _order(f.location))
    return LintReport(Header.of(dataset), tuple(findings), texts is not None)


def _order(location: str) -> tuple[str, int, int]:
    path, _, rest = location.rpartition(":")
    path, _, line = path.rpartition(":")
    try:
        return path, int(line), int(rest)
    except ValueError:
        return location, 0, 0
