"""Find the sentences of an article that hold a fragment, as evidence entries ready to paste.

The coder's side of ``verify``: ``find_quotes`` takes an article's text (read by the command)
and a fragment the coder remembers, and gives each sentence that holds it, verbatim, with the
speaker and the attribution the codebook's rules suggest (docs/codebook.md, §5 and §7), and,
as comments beside the entry, the firmness, stage and salience cues it carries (``cue_notes``). The
sentences are cut where lint cuts them (``lint.sentence_ends``), and matched as verify matches
quotes (``verify.fold``), ignoring case too, so a sentence shown is a quote verify accepts.

The suggestions are heuristics, documented here and in the command's help:

- **attribution** (§5): ``stated`` when the sentence has words in quotation marks (lint's
  test, L104); else ``inferred`` when the writers or observers infer it (``INFERRED_CUES``);
  else ``reported`` when the article attributes it (``REPORTED_CUES``); else ``inferred``,
  the weakest: the article gives no one's words.
- **speaker** (§7): a person's name or title next to "said", "says", "told" or "according
  to": the capitalised words (and titles such as "president") just before the verb, or just
  after "said", "says" and "according to", without the titles before a name ("Kremlin
  spokesperson Dmitry Peskov" is "Dmitry Peskov"). A single capitalised word with no title
  ("Moscow said", "Putin said") is not suggested: a country or institution is no speaker, and
  one word cannot tell the two apart.
"""

from __future__ import annotations

import re

from positions.cues import firmness_cues, salience_cues, stage_cues
from positions.errors import PositionsError, UsageError
from positions.lint import has_quotation, sentence_ends
from positions.model import Attribution
from positions.results import QuoteMatch, Quotes
from positions.textfile import location
from positions.verify import fold

# What makes a sentence the writers' or observers' inference, and what makes it the article's
# report of a party's position (the codebook's §5 examples, and their usual neighbours).
INFERRED_CUES = ("implies", "widely understood", "observers", "analysts", "would likely",
                 "broader sense", "suggests", "expected to", "appears to", "seems to")  # fmt: skip
REPORTED_CUES = ("according to", "said", "says", "told", "stated", "insists", "insisted",
                 "contends", "maintains", "believes", "reiterated", "affirmed",
                 "continues to reject", "rejects", "demands", "announced", "declared",
                 "proposed")  # fmt: skip
_INFERRED = re.compile("|".join(rf"\b{re.escape(c)}\b" for c in INFERRED_CUES))
_REPORTED = re.compile("|".join(rf"\b{re.escape(c)}\b" for c in REPORTED_CUES))

# Lower-case words that name an office, so that "the South's president" is a speaker.
TITLES = frozenset({"president", "prime", "minister", "foreign", "defence", "defense",
                    "spokesperson", "spokesman", "spokeswoman", "secretary", "chancellor",
                    "envoy", "ambassador", "adviser", "advisor", "aide", "commander", "general",
                    "chief", "deputy", "head", "leader"})  # fmt: skip
_WORD = re.compile(r"[\w'\u2019.-]+")
_LEADING = frozenset({"the", "The"})  # not a name, though it may begin one
_SPEECH = re.compile(r"\b(said|says|told|according to)\b", re.IGNORECASE)
_YAML_MARGIN = 12  # PyYAML ends a line past its width by up to a word and the indent
_CLOSEST_SHOWN = 160  # characters of the closest sentence an error shows


class QuoteNotFound(PositionsError):
    """A fragment that no sentence of the source holds (exit 1), with the closest sentence."""


def sentences(text: str) -> list[tuple[int, str]]:
    """Each sentence of ``text`` with where it begins: cut as lint cuts, without white space."""
    found = []
    start = 0
    for end in [*sentence_ends(text), len(text)]:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            found.append((start + len(chunk) - len(chunk.lstrip()), stripped))
        start = end
    return found


def _key(text: str) -> str:
    return fold(text).casefold()


def find_quotes(source: str, text: str, fragment: str) -> Quotes:
    """Every sentence of ``text`` (the source ``source``) that holds ``fragment``.

    Case, runs of white space, typographic quotes and dashes are ignored; the sentence is
    given as the article has it. None is QuoteNotFound, naming the closest sentence.
    """
    wanted = _key(fragment)
    if not wanted:
        raise UsageError("an empty fragment; expected some words of the sentence to quote")
    cut = sentences(text)
    matches = tuple(
        QuoteMatch(
            sentence,
            location(text, start)[0],
            suggest_speaker(sentence),
            *suggest_attribution(sentence),
        )
        for start, sentence in cut
        if wanted in _key(sentence)
    )
    if not matches:
        raise QuoteNotFound(_not_found(source, fragment, wanted, cut))
    return Quotes(source, fragment, matches)


def _not_found(source: str, fragment: str, wanted: str, cut: list[tuple[int, str]]) -> str:
    """The message for a fragment in no sentence: the sentence most like it, if any."""
    import difflib  # only when nothing was found

    message = f"'{fragment}' is in no sentence of {source}"
    best, score = None, 0.0
    for _, sentence in cut:
        blocks = difflib.SequenceMatcher(None, wanted, _key(sentence), autojunk=False)
        matched = sum(b.size for b in blocks.get_matching_blocks()) / len(wanted)
        if matched > score:
            best, score = sentence, matched
    if best is None:
        return f"{message}; it has no sentence"
    shown = " ".join(best.split())
    if len(shown) > _CLOSEST_SHOWN:
        shown = shown[: _CLOSEST_SHOWN - 3].rstrip() + "..."
    return f'{message}; the closest: "{shown}"'


def suggest_attribution(sentence: str) -> tuple[Attribution, str]:
    """The attribution the codebook's §5 suggests for ``sentence``, and why, in a few words."""
    if has_quotation(sentence):
        return Attribution.STATED, "words in quotation marks: check they are the party's own"
    words = fold(sentence).casefold()
    if cue := _INFERRED.search(words):
        return Attribution.INFERRED, f'the writers infer it ("{cue.group()}")'
    if cue := _REPORTED.search(words):
        return Attribution.REPORTED, f'the article reports it ("{cue.group()}")'
    return Attribution.INFERRED, "no quotation marks, no one reported as saying it"


def cue_notes(sentence: str) -> list[str]:
    """What the codebook's cues in ``sentence`` suggest, as comments for its evidence entry.

    The firmness cues it carries, each with its level (or that it carries none), and its stage
    and salience cues, if any. Suggestions for the stance, never written into a field: which
    cue describes which stance is the coder's judgement (codebook, "Firmness", "Stage",
    "Salience").
    """
    notes = [] if firmness_cues(sentence) else ["firmness: no cue in this sentence"]
    for kind, cues in (
        ("firmness", firmness_cues(sentence)),
        ("stage", stage_cues(sentence)),
        ("salience", salience_cues(sentence)),
    ):
        shown = list(dict.fromkeys(f"'{c.words}' ({c.level.value})" for c in cues))
        if shown:
            notes.append(f"{kind} {'cue' if len(shown) == 1 else 'cues'}: {', '.join(shown)}")
    return notes


def _named(word: str) -> bool:
    return word[:1].isupper() or word.rstrip(".").lower() in TITLES


def _speaker(run: list[str]) -> str | None:
    """A run of words as a speaker: two or more names, or a title; else None."""
    words = [*run[:-1], run[-1].rstrip(".")] if run else []  # "said Peskov." drops the stop
    named = [w for w in words if w not in _LEADING]
    titles = [n for n, w in enumerate(words) if w.lower() in TITLES]
    if not named or not (len(named) >= 2 or titles):
        return None
    if titles and words[titles[-1] + 1 :]:  # "Kremlin spokesperson Dmitry Peskov": the name
        words = words[titles[-1] + 1 :]
    return " ".join(words)


def suggest_speaker(sentence: str) -> str | None:
    """The person ``sentence`` names as saying it, by the heuristic of the module's docstring."""
    words = list(_WORD.finditer(sentence))
    for verb in _SPEECH.finditer(sentence):
        run: list[str] = []
        edge = verb.start()
        for word in reversed([w for w in words if w.end() <= verb.start()]):
            if sentence[word.end() : edge].strip() or not _named(word.group()):
                break  # "President Volodymyr Zelensky said": the names right before the verb
            run.insert(0, word.group())
            edge = word.start()
        if found := _speaker(run):
            return found
        if verb.group().lower() == "told":  # who is told is not who speaks
            continue
        run, edge = [], verb.end()
        for word in (w for w in words if w.start() >= verb.end()):
            leading = not run and word.group().lower() == "the"
            if sentence[edge : word.start()].strip() or not (leading or _named(word.group())):
                break  # "said the South's president", "according to Dmitry Peskov"
            run.append(word.group())
            edge = word.end()
        if found := _speaker(run):
            return found
    return None


def entry(source: str, match: QuoteMatch, width: int, *, number: int = 1, of: int = 1) -> str:
    """``match`` as a YAML evidence entry to paste under a stance's ``evidence``, ``width`` wide.

    Comment lines first: which match it is, where, and why the attribution. The quote is
    double-quoted, the one YAML style that holds any text (escapes for control characters,
    line breaks folded back to the spaces they replaced), so it reads back as the sentence.
    """
    import textwrap

    import yaml

    class Dumper(yaml.SafeDumper):
        """PyYAML's safe dumper, writing every quote in double quotes."""

    Dumper.add_representer(
        _Quoted, lambda d, q: d.represent_scalar("tag:yaml.org,2002:str", str(q), style='"')
    )
    fields: dict[str, object] = {"source": source}
    if match.speaker is not None:
        fields["speaker"] = match.speaker
    fields["quote"] = _Quoted(match.quote)
    fields["attribution"] = match.attribution.value
    notes = [
        f"{number} of {of}: {source}, line {match.line}",
        f"attribution {match.attribution.value}: {match.why}"
        + ("; speaker: check it is the person saying it" if match.speaker else ""),
        *cue_notes(match.quote),
    ]
    comments = [
        line
        for note in notes
        for line in textwrap.wrap(
            note,
            max(width - 2, 20),
            break_long_words=False,
            initial_indent="# ",
            subsequent_indent="#   ",
        )
    ]
    fit = max(width - _YAML_MARGIN, 20)
    body = yaml.dump([fields], Dumper=Dumper, sort_keys=False, allow_unicode=True, width=fit)
    return "\n".join(comments) + "\n" + body


class _Quoted(str):
    """A quote, written in double quotes."""
