"""Hold a data file to the codebook (docs/codebook.md): the checks a machine can make.

Each check has a code and a name, finds places (FILE:LINE:COL) and says in one line what is
wrong. Errors break a coding rule; warnings mark what a coder must look at again. A stance that
carries a ``note`` has been looked at: the findings its note answers (every one, unless the note
names the checks it answers) are shown as noted and do not count.

The cue phrases the checks look for are declared once, in cues.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from positions.comparison import MAX_AGAINST, MAX_NAMED
from positions.cues import (
    CONDITION_WORDS,
    CUES,
    SALIENCE_CUES,
    firmness_cues,
    has_firmness_cue,
    salience_cues,
    stage_cues,
)
from positions.fields import newer_or_same
from positions.model import (
    Attribution,
    Dataset,
    Evidence,
    Firmness,
    Level,
    Location,
    Party,
    SourceTexts,
    Stage,
    Stance,
)
from positions.results import Finding, Header, LintReport
from positions.text import fold_name
from positions.untested import untested, untested_of
from positions.verify import Finder, fold

# Where a sentence ends: a full stop, question or exclamation mark (and any closing quotation
# marks or brackets after it) before white space; or a line break. The one splitter: lint's
# same-sentence check and coverage's sentences both come from sentence_ends().
_SENTENCE_END = re.compile("[.!?][\"'\u201d\u2019)\\]]*\\s|\n")
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
        Check("L111", "untested-pair", False,
              "two different outcomes of an issue that two parties accept are recorded "
              "compatible or excluding, or a note says why neither"),
        Check("L112", "stage-not-coded", False,
              "a condition, or a stance, whose quotes say by when (a stage cue) has a stage"),
        Check("L113", "stage-cue-differs", False,
              "a stage coded is one the stance's quotes' stage cues give"),
        Check("L114", "condition-stage-differs", False,
              "the party's stance on a staged condition's issue has its stage, or an earlier one"),
        Check("L115", "salience-below-cue", False,
              "a stance whose quotes rank the issue codes the highest ranking as its salience"),
        Check("L116", "salience-without-cue", False,
              "a salience's quote carries a cue of its level"),
        Check("L117", "open-without-cue", False,
              "an open stance needs a quote with an openness cue; with no cue at all, no-cue"),
        Check("L118", "no-cue-with-cue", False,
              "a no-cue stance has no firmness cue in its quotes"),
        Check("L119", "joint-names-one", False,
              "each quote of a joint statement names more than one of its parties"),
        Check("L120", "camp-of-one", False,
              "a camp holds more than one party"),
    )
}  # fmt: skip


def _fold(text: str) -> str:
    return fold(text).lower()


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of ``text`` ends (after the white space that ends it), in order.

    The text after the last end, if any, is a last sentence with no end mark.
    """
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def _listed(level: Firmness) -> str:
    return ", ".join(CUES[level])


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
    "condition-not-coded", "inferred-without-note", "untested-pair", "stage-not-coded",
    "stage-cue-differs", "condition-stage-differs", "salience-below-cue", "salience-without-cue",
    "open-without-cue", "no-cue-with-cue", "joint-names-one",
)  # fmt: skip


def answered(stance: Stance, check: str) -> bool:
    """Whether the stance's note answers ``check``: a note that names no check answers all."""
    assert check in ANSWERED_BY_NOTES, check
    if stance.note is None:
        return False
    spec = CHECKS[check]
    return not stance.answers or spec.code in stance.answers or spec.name in stance.answers


# The levels of firmness and of salience, from the strongest.
_RANK = {level: n for n, level in enumerate(Firmness)}
_SALIENCE_RANK = {level: n for n, level in enumerate(Level)}
# An issue's untested pairs are listed up to this many, the rest counted, as a condition names
# at most this many of the parties that stop it (comparison.MAX_AGAINST).
MAX_UNTESTED = MAX_AGAINST


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _ids(ids: list[str]) -> str:
    shown = ids[:MAX_NAMED]
    return ", ".join(shown) + (f", {len(ids) - MAX_NAMED} more" if len(ids) > MAX_NAMED else "")


def _names(party: Party) -> re.Pattern[str]:
    """A party's id, name, aliases and members, as found in a quote folded by fold_name."""
    found = {fold_name(fold(x)) for x in (party.id, party.name, *party.aliases, *party.members)}
    labels = sorted(found - {""}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(x) for x in labels)})(?!\w)")


def can_code_v3(dataset: Dataset) -> bool:
    """Whether the file may code what positions/3 added: stage, salience, compatible, no-cue.

    What a positions/2 file cannot code is not asked of it.
    """
    return newer_or_same(dataset.schema, "positions/3")


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
        """Each stance as coded: a joint statement once, under the party it is written under.

        Its copies, with the same quotes and place, would only repeat its findings.
        """
        for party in self.dataset.parties.values():
            for stance in party.stances.values():
                if stance.coded_under is None:
                    yield party, stance

    def firmness(self) -> None:
        for party, stance in self.stances():
            quotes = [_fold(e.quote) for e in stance.evidence]
            what = f"{party.id}/{stance.issue}"
            red, firm = Firmness.RED_LINE, Firmness.FIRM
            if stance.firmness is red and not has_firmness_cue(quotes, red):
                self.find("red-line-without-cue", stance.location,
                          f"{what} is red-line, but no quote has a red-line cue ({_listed(red)})",
                          answered(stance, "red-line-without-cue"))  # fmt: skip
            if stance.firmness is firm and not (
                has_firmness_cue(quotes, firm) or has_firmness_cue(quotes, red)
            ):
                self.find("firmness-without-cue", stance.location,
                          f"{what} is firm, but no quote has a firm or red-line cue "
                          f"({_listed(firm)}...)",
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
        cited |= {s.salience.evidence.source for _, s in self.stances() if s.salience}
        cited |= {d.source for _, s in self.stances() for d in s.doubts}
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

    # -- positions/3: what a positions/2 file cannot code is not asked of it -------------------

    def untested(self) -> None:
        """Each issue's pairs of different outcomes that two parties accept, still untested.

        A joint statement's copies count as stances of the parties they are copied to. A pair is
        noted where the note of a stance accepting either outcome answers the check.
        """
        accepted: dict[str, dict[str, list[str]]] = {}  # issue -> outcome -> who accepts it
        noted: dict[str, set[str]] = {}  # issue -> the outcomes a noted stance accepts
        for party in self.dataset.parties.values():
            for stance in party.stances.values():
                by = accepted.setdefault(stance.issue, {})
                for outcome in stance.accepts:
                    by.setdefault(outcome, []).append(party.id)
                if answered(stance, "untested-pair"):
                    noted.setdefault(stance.issue, set()).update(stance.accepts)
        do = "record `compatible` with a reason, or `excludes`; or say why in either stance's note"
        for iid, issue in self.dataset.issues.items():
            by = accepted.get(iid, {})
            chosen = noted.get(iid, set())
            counted = untested(
                issue, {o: p for o, p in by.items() if o not in chosen}, MAX_UNTESTED
            )
            for pairs, total, is_noted in (
                (*counted, False),
                (*(untested_of(issue, by, chosen, MAX_UNTESTED) if chosen else ((), 0)), True),
            ):
                for a, b in pairs:
                    self.find("untested-pair", issue.location,
                              f"{iid}: '{a}' ({_ids(by[a])}) and '{b}' ({_ids(by[b])}) "
                              f"untested: {do}", is_noted)  # fmt: skip
                if total > len(pairs):
                    self.find("untested-pair", issue.location,
                              f"{iid}: {total - len(pairs)} more pairs of accepted outcomes "
                              f"untested: {do}", is_noted)  # fmt: skip

    def stages(self) -> None:
        for party, stance in self.stances():
            cues = {c.words: c.level for e in stance.evidence for c in stage_cues(e.quote)}
            if not cues:
                continue
            what = f"{party.id}/{stance.issue}"
            said = ", ".join(f"'{w}': {s.value}" for w, s in cues.items())
            earliest = min(cues.values(), key=list(Stage).index).value
            unstaged = [iid for iid in stance.conditions if iid not in stance.condition_stages]
            if unstaged:
                which = "the condition on" if len(unstaged) == 1 else "the conditions on"
                self.find("stage-not-coded", stance.location,
                          f"{what}: its quotes say by when ({said}), but {which} "
                          f"{', '.join(unstaged)} {'has' if len(unstaged) == 1 else 'have'} no "
                          f"stage: code {{outcomes: [...], stage: {earliest}}}, or say in a note "
                          f"why not", answered(stance, "stage-not-coded"))  # fmt: skip
            elif not stance.conditions and stance.accepts and stance.stage is None:
                self.find("stage-not-coded", stance.location,
                          f"{what}: its quotes say by when ({said}), but no stage is coded: code "
                          f"`stage: {earliest}`, or say in a note why not",
                          answered(stance, "stage-not-coded"))  # fmt: skip
            coded = {s for s in (stance.stage, *stance.condition_stages.values()) if s}
            if coded and not coded & set(cues.values()):
                stages = ", ".join(s.value for s in Stage if s in coded)
                self.find("stage-cue-differs", stance.location,
                          f"{what}: staged {stages}, but its quotes' stage cues give another "
                          f"({said}): check the stage, or say in a note why {stages}",
                          answered(stance, "stage-cue-differs"))  # fmt: skip

    def condition_stages(self) -> None:
        """A staged condition's issue: the party's own stance there has that stage or earlier."""
        order = list(Stage)
        for party, stance in self.stances():
            for iid, stage in stance.condition_stages.items():
                own = party.stances.get(iid)
                if own is None or not own.accepts:
                    continue
                if own.stage is not None and order.index(own.stage) <= order.index(stage):
                    continue
                has = "has no stage" if own.stage is None else f"is staged {own.stage.value}"
                self.find("condition-stage-differs", own.location,
                          f"{party.id}/{iid}: the condition on {iid} of {party.id}/"
                          f"{stance.issue} is staged {stage.value}, but {party.id}/{iid} {has}: "
                          f"code `stage: {stage.value}`, or an earlier stage its own quotes give",
                          answered(own, "condition-stage-differs"))  # fmt: skip

    def salience(self) -> None:
        for party, stance in self.stances():
            what = f"{party.id}/{stance.issue}"
            ranking = stance.salience
            if ranking is not None:
                coded = ranking.level
                own = salience_cues(ranking.evidence.quote)
                if not any(c.level is coded for c in own):
                    if own:
                        other = min(own, key=lambda c: _SALIENCE_RANK[c.level])
                        message = (
                            f"{what}: salience {coded.value}, but its quote's cue '{other.words}'"
                            f" is {other.level.value}: code {other.level.value}, or say in a note "
                            f"why {coded.value}"
                        )
                    else:
                        message = (
                            f"{what}: salience {coded.value}, but its quote has no salience cue "
                            f"({coded.value}: {', '.join(SALIENCE_CUES[coded])}): quote the words "
                            f"that rank the issue, or leave salience out"
                        )
                    self.find("salience-without-cue", ranking.location or stance.location,
                              message, answered(stance, "salience-without-cue"))  # fmt: skip
                    continue
            cues = [c for e in stance.evidence for c in salience_cues(e.quote)]
            top = min(cues, key=lambda c: _SALIENCE_RANK[c.level], default=None)
            if top is None:
                continue
            level = top.level.value
            if ranking is None:
                self.find("salience-below-cue", stance.location,
                          f"{what}: a quote ranks the issue ('{top.words}': {level}), but no "
                          f"salience is coded: code `salience: {{level: {level}, source, quote, "
                          f"attribution}}` with that sentence, or say in a note why it does not "
                          f"rank this issue for {party.id}",
                          answered(stance, "salience-below-cue"))  # fmt: skip
            elif _SALIENCE_RANK[top.level] < _SALIENCE_RANK[ranking.level]:
                self.find("salience-below-cue", ranking.location or stance.location,
                          f"{what}: salience {ranking.level.value}, but a quote ranks the issue "
                          f"{level} ('{top.words}'): code the highest ranking, with its quote, "
                          f"and name the others in a note",
                          answered(stance, "salience-below-cue"))  # fmt: skip

    def no_cue(self) -> None:
        """Open and no-cue against the cues: open needs an openness cue, no-cue has none."""
        for party, stance in self.stances():
            if stance.firmness not in (Firmness.OPEN, Firmness.NO_CUE):
                continue
            what = f"{party.id}/{stance.issue}"
            cues = [c for e in stance.evidence for c in firmness_cues(e.quote)]
            top = min(cues, key=lambda c: _RANK[c.level], default=None)
            if stance.firmness is Firmness.NO_CUE and top is not None:
                level = top.level.value
                self.find("no-cue-with-cue", stance.location,
                          f"{what} is no-cue, but a quote has {_a(level)} cue ('{top.words}'): "
                          f"code {level}, or say in a note why the cue is not this stance's",
                          answered(stance, "no-cue-with-cue"))  # fmt: skip
            elif stance.firmness is Firmness.OPEN and top is None:
                self.find("open-without-cue", stance.location,
                          f"{what} is open, but no quote has an openness cue "
                          f"({_listed(Firmness.OPEN)}): code no-cue, which says the quotes give "
                          f"no measure", answered(stance, "open-without-cue"))  # fmt: skip
            elif (
                stance.firmness is Firmness.OPEN
                and top
                and Firmness.OPEN not in {c.level for c in cues}
            ):
                level = top.level.value
                self.find("open-without-cue", stance.location,
                          f"{what} is open, but no quote has an openness cue, and "
                          f"'{top.words}' is {_a(level)} cue: code {level}, or say in a note why "
                          f"the cue is not this stance's",
                          answered(stance, "open-without-cue"))  # fmt: skip

    def joint(self) -> None:
        """A joint statement's quotes each speak for more than one of the parties it names."""
        parties = self.dataset.parties
        for party, stance in self.stances():
            if not stance.joint:
                continue
            group = [party.id, *(p for p in stance.joint if p in parties)]
            names = {pid: _names(parties[pid]) for pid in group}
            for e in stance.evidence:
                quote = fold_name(fold(e.quote))
                named = [pid for pid in group if names[pid].search(quote)]
                if len(named) == 1:
                    self.find("joint-names-one", e.location,
                              f"{party.id}/{stance.issue} is a joint statement with "
                              f"{', '.join(stance.joint)}, but this quote names only {named[0]}: "
                              f"each quote of a joint statement speaks for every party it names; "
                              f"quote the sentence on each party's own stance instead",
                              answered(stance, "joint-names-one"))  # fmt: skip
                    break

    def camps(self) -> None:
        members: dict[str, list[Party]] = {}
        for party in self.dataset.parties.values():
            if party.camp is not None:
                members.setdefault(party.camp, []).append(party)
        for camp, held in members.items():
            if len(held) == 1:
                self.find("camp-of-one", held[0].location,
                          f"camp '{camp}' holds only {held[0].id}: a camp groups a party with "
                          f"those the articles call its allies; leave camp out for a party "
                          f"alone", False)  # fmt: skip


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
    if can_code_v3(dataset):
        linter.untested()
        linter.stages()
        linter.condition_stages()
        linter.salience()
        linter.no_cue()
        linter.joint()
        linter.camps()
    findings = sorted(linter.findings, key=lambda f: _order(f.location))
    return LintReport(Header.of(dataset), tuple(findings), texts is not None)


def _order(location: str) -> tuple[str, int, int]:
    path, _, rest = location.rpartition(":")
    path, _, line = path.rpartition(":")
    try:
        return path, int(line), int(rest)
    except ValueError:
        return location, 0, 0
