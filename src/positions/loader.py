"""Read a positions/1 YAML file strictly into the model, reporting every problem with its place.

The file is parsed into PyYAML's node tree (with the C parser where available) and never
constructed into Python objects, so no tag is ever executed; each node is then checked against the
format by hand. That keeps the line and column of everything, catches duplicate keys (which
PyYAML's constructors silently resolve by keeping the last), and refuses the YAML 1.1 coercions
(``no`` read as false, ``1.10`` as a number) wherever text is expected.

Anchors and aliases are refused outright: a hand-written positions file has no need for them, and
refusing them rules out "billion laughs" documents that expand exponentially.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date

from positions import yamltree
from positions.errors import DataError, Problem
from positions.model import (
    Attribution,
    Dataset,
    Evidence,
    Firmness,
    Issue,
    Location,
    Party,
    Source,
    Stance,
)
from positions.text import blank, fold_name
from positions.textfile import MAX_BYTES, read_text
from positions.yamltree import MAP, SEQ, STR, TAG, Mapping, Node, Scalar, Sequence

SCHEMA = "positions/1"
MAX_PROBLEMS = yamltree.MAX_PROBLEMS
__all__ = ["MAX_BYTES", "MAX_PROBLEMS", "SCHEMA", "blank", "load", "parse"]

_ID = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")
_TAG = TAG
_TYPE_NAMES = {
    f"{_TAG}bool": "a boolean",
    f"{_TAG}int": "a number",
    f"{_TAG}float": "a number",
    f"{_TAG}null": "null",
    f"{_TAG}timestamp": "a date",
}
_SOURCE_KEYS = ("title", "outlet", "published", "url")
_STANCE_KEYS = ("summary", "accepts", "rejects", "firmness", "evidence")
_EVIDENCE_KEYS = ("source", "quote", "speaker", "attribution")
_FIRMNESS = [f.value for f in Firmness]
_ATTRIBUTION = [a.value for a in Attribution]
_STR, _MAP, _SEQ = STR, MAP, SEQ
_PLAIN_TAGS = {_STR, _MAP, _SEQ}


def _found(node: Node) -> str:
    """What was found instead, as words that follow the name of the field."""
    if node.tag.startswith("!") or (
        node.tag.startswith(_TAG) and node.tag not in _TYPE_NAMES and node.tag not in _PLAIN_TAGS
    ):
        return f"has the tag {node.tag.replace(_TAG, '!!')}, which is not allowed"
    if isinstance(node, Mapping):
        return "is a mapping"
    if isinstance(node, Sequence):
        return "is a list"
    if node.tag == f"{_TAG}null" and not node.value:
        return "is empty"
    if node.tag not in _TYPE_NAMES:
        return f"is the text '{node.value}'"
    return f"is '{node.value}', which YAML reads as {_TYPE_NAMES[node.tag]}"


def _is_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a day that is on the calendar."""
    match = _DATE.match(value)
    if match is None:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _closest(word: str, choices: list[str]) -> str | None:
    import difflib  # only when a problem is reported

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _suggest(word: str, choices: list[str]) -> str:
    close = _closest(word, choices)
    return f" (did you mean '{close}'?)" if close else ""


def _one_of(choices: list[str], shown: int = 20) -> str:
    if not choices:
        return "(none defined)"
    more = f" and {len(choices) - shown} more" if len(choices) > shown else ""
    return ", ".join(choices[:shown]) + more


class _Checker:
    """Walks the node tree once, collecting problems and building the model."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.overflow = 0  # problems beyond MAX_PROBLEMS, counted but not kept
        self.unchecked: set[str] = set()  # issues whose outcomes could not be read

    def problem(
        self, node: Node, message: str, *, suggest: tuple[str, list[str]] | None = None
    ) -> None:
        """Record a problem at the start of ``node``, with "did you mean" for ``suggest``.

        The suggestion, a look-up among many names, is made only for the problems that are
        kept: a file of a million misspelt names must not cost a million look-ups.
        """
        if len(self.problems) >= MAX_PROBLEMS:
            self.overflow += 1
            return
        if suggest is not None:
            message += _suggest(*suggest)
        self.problems.append(Problem(self.path, node.line, node.column, message))

    @property
    def full(self) -> bool:
        """Whether as many problems are kept as will be shown."""
        return len(self.problems) >= MAX_PROBLEMS

    def where(self, node: Node) -> Location:
        """The location of ``node`` in the file."""
        return Location(self.path, node.line, node.column)

    # -- shapes -------------------------------------------------------------------------------

    def pairs(self, node: Node | None, what: str) -> Iterator[tuple[str, Scalar, Node]]:
        """Yield the (key, key node, value node) of a mapping, refusing bad and duplicate keys."""
        if node is None:
            return
        if not isinstance(node, Mapping) or node.tag != _MAP:
            empty = isinstance(node, Scalar) and not node.value and node.tag != _STR
            hint = " (write {} for none)" if empty else ""
            self.problem(node, f"{what} {_found(node)}; expected a mapping{hint}")
            return
        seen: dict[str, Scalar] = {}
        for key_node, value_node in node.pairs:
            if not isinstance(key_node, Scalar) or key_node.tag != _STR:
                self.problem(
                    key_node,
                    f"a key in {what} {_found(key_node)}; expected text (put it in quotes)",
                )
                continue
            key = key_node.value
            if key in seen:
                first = seen[key].line
                self.problem(
                    key_node,
                    f"duplicate key '{key}' in {what} (first at line {first}); "
                    f"expected each key once",
                )
                continue
            seen[key] = key_node
            yield key, key_node, value_node

    def fields(
        self, node: Node, what: str, keys: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Node] | None:
        """Check a mapping with a fixed set of ``keys`` (all required but ``optional``)."""
        if not isinstance(node, Mapping) or node.tag != _MAP:
            self.problem(node, f"{what} {_found(node)}; expected a mapping")
            return None
        values: dict[str, Node] = {}
        meant: set[str] = set()
        for key, key_node, value_node in self.pairs(node, what):
            if key not in keys:
                if self.full:  # not shown, so not worth a look-up
                    self.overflow += 1
                    continue
                close = _closest(key, list(keys))
                hint = f" (did you mean '{close}'?)" if close else ""
                if close:
                    meant.add(close)  # reported as misspelt, so not also as missing
                self.problem(
                    key_node,
                    f"unknown key '{key}' in {what}; expected one of {_one_of(list(keys))}{hint}",
                )
                continue
            values[key] = value_node
        required = [k for k in keys if k not in optional]
        missing = [k for k in required if k not in values and k not in meant]
        if missing:
            names = ", ".join(f"'{k}'" for k in missing)
            self.problem(
                node,
                f"missing key{'s' if len(missing) > 1 else ''} {names} in {what}; "
                f"expected {_one_of(required)}",
            )
        return values

    def text(self, node: Node | None, what: str) -> str | None:
        """A non-empty text value, refusing anything YAML would read as another type."""
        if node is None:
            return None
        if not isinstance(node, Scalar) or node.tag != _STR:
            quote = " (put it in quotes)" if isinstance(node, Scalar) and node.value else ""
            self.problem(node, f"{what} {_found(node)}; expected text{quote}")
            return None
        if blank(node.value):
            self.problem(node, f"{what} is empty; expected text")
            return None
        return str(node.value)

    def choice(self, node: Node | None, what: str, choices: list[str]) -> str | None:
        """A text value that must be one of ``choices``."""
        if node is None:
            return None
        if not isinstance(node, Scalar) or node.tag != _STR:
            self.problem(node, f"{what} {_found(node)}; expected one of {_one_of(choices)}")
            return None
        value = str(node.value)
        if value not in choices:
            self.problem(
                node, f"{what} is '{value}'; expected one of {_one_of(choices)}",
                suggest=(value, choices),
            )  # fmt: skip
            return None
        return value

    def items(self, node: Node | None, what: str) -> list[Node]:
        """The items of a list."""
        if node is None:
            return []
        if not isinstance(node, Sequence) or node.tag != _SEQ:
            self.problem(node, f"{what} {_found(node)}; expected a list")
            return []
        return list(node.items)

    def identifier(self, key: str, key_node: Node, what: str) -> bool:
        """Check that an id is lower-case letters, digits, '-' and '_'."""
        if _ID.match(key):
            return True
        self.problem(
            key_node,
            f"{what} id '{key}' is not valid; expected lower-case letters, digits, '-' and '_', "
            f"starting with a letter or digit",
        )
        return False

    # -- the format ---------------------------------------------------------------------------

    def dataset(self, root: Node) -> Dataset | None:
        """Check the whole document."""
        top = self.fields(root, "the file", ("schema", "title", "sources", "issues", "parties"))
        if top is None:
            return None
        schema_node = top.get("schema")
        schema = self.text(schema_node, "schema")
        if schema_node is not None and schema is not None and schema != SCHEMA:
            self.problem(schema_node, f"schema is '{schema}'; expected '{SCHEMA}'")
        title = self.text(top.get("title"), "title")
        sources = self.sources(top.get("sources"))
        issues = self.issues(top.get("issues"))
        parties = self.parties(top.get("parties"), issues, sources)
        if title is None:
            return None
        return Dataset(title=title, sources=sources, issues=issues, parties=parties, path=self.path)

    def sources(self, node: Node | None) -> dict[str, Source]:
        """Check ``sources``: id -> {title, outlet?, published?, url?}."""
        out: dict[str, Source] = {}
        if node is None:
            return out
        for sid, key_node, value in self.pairs(node, "sources"):
            what = f"source '{sid}'"
            f = self.fields(value, what, _SOURCE_KEYS, optional=_SOURCE_KEYS[1:]) or {}
            title = self.text(f.get("title"), f"title of {what}")
            outlet = self.text(f.get("outlet"), f"outlet of {what}")
            published = self.date(f.get("published"), f"published of {what}")
            url = self.text(f.get("url"), f"url of {what}")
            if url is not None and not url.startswith(("https://", "http://")):
                self.problem(f["url"], f"url of {what} is '{url}'; expected an http(s):// address")
            # A source with a bad field is still defined, so its quotes are not reported too.
            out[sid] = Source(sid, title or "", outlet, published, url, self.where(key_node))
        return out

    def date(self, node: Node | None, what: str) -> str | None:
        """A date as YYYY, YYYY-MM or YYYY-MM-DD, quoted or not: its text is kept as written."""
        if node is None:
            return None
        if isinstance(node, Scalar) and node.tag in (f"{_TAG}timestamp", f"{_TAG}int"):
            value: str | None = node.value
        else:
            value = self.text(node, what)
        if value is not None and not _is_date(value):
            self.problem(node, f"{what} is '{value}'; expected a real date as YYYY-MM-DD")
            return None
        return value

    def issues(self, node: Node | None) -> dict[str, Issue]:
        """Check ``issues``: id -> {name, question, outcomes: id -> description}."""
        out: dict[str, Issue] = {}
        if node is None:
            return out
        for iid, key_node, value in self.pairs(node, "issues"):
            self.identifier(iid, key_node, "issue")
            what = f"issue '{iid}'"
            f = self.fields(value, what, ("name", "question", "outcomes")) or {}
            name = self.text(f.get("name"), f"name of {what}")
            question = self.text(f.get("question"), f"question of {what}")
            outcomes: dict[str, str] = {}
            outcomes_node = f.get("outcomes")
            if isinstance(outcomes_node, Mapping) and not outcomes_node.pairs:
                self.problem(outcomes_node, f"{what} has no outcomes; expected at least one")
            elif not isinstance(outcomes_node, Mapping):
                self.unchecked.add(iid)  # stances on it cannot be checked against its outcomes
            for oid, okey, ovalue in self.pairs(outcomes_node, f"outcomes of {what}"):
                self.identifier(oid, okey, "outcome")
                description = self.text(ovalue, f"description of outcome '{oid}' of {what}")
                outcomes[oid] = description or ""
            out[iid] = Issue(iid, name or "", question or "", outcomes, self.where(key_node))
        return out

    def parties(
        self, node: Node | None, issues: dict[str, Issue], sources: dict[str, Source]
    ) -> dict[str, Party]:
        """Check ``parties``: id -> {name, aliases, stances: issue id -> stance}."""
        out: dict[str, Party] = {}
        if node is None:
            return out
        names: dict[str, str] = {}  # folded id, name or alias -> the party it names
        for pid, key_node, value in self.pairs(node, "parties"):
            self.identifier(pid, key_node, "party")
            what = f"party '{pid}'"
            f = self.fields(value, what, ("name", "aliases", "stances"), optional=("aliases",))
            if f is None:
                continue
            name = self.text(f.get("name"), f"name of {what}")
            labels: list[tuple[str | None, Node | None]] = [(pid, key_node), (name, f.get("name"))]
            aliases: list[str] = []
            for item in self.items(f.get("aliases"), f"aliases of {what}"):
                alias = self.text(item, f"alias of {what}")
                if alias is not None:
                    aliases.append(alias)
                    labels.append((alias, item))
            for label, label_node in labels:
                if label is None or label_node is None:
                    continue
                other = names.setdefault(fold_name(label), pid)
                if other != pid:
                    self.problem(
                        label_node,
                        f"'{label}' of {what} already names party '{other}'; "
                        f"expected ids, names and aliases that name one party each",
                    )
            stances: dict[str, Stance] = {}
            stances_node = f.get("stances")
            for iid, ikey, svalue in self.pairs(stances_node, f"stances of {what}"):
                issue = issues.get(iid)
                if issue is None:
                    self.problem(
                        ikey,
                        f"stance of '{pid}' on undefined issue '{iid}'; expected one of "
                        f"{_one_of(list(issues))}",
                        suggest=(iid, list(issues)),
                    )
                    continue
                stance = self.stance(svalue, f"stance of '{pid}' on '{iid}'", issue, sources)
                if stance is not None:
                    stances[iid] = stance
            if name is not None:
                out[pid] = Party(pid, name, tuple(aliases), stances, self.where(key_node))
        return out

    def stance(
        self, node: Node, what: str, issue: Issue, sources: dict[str, Source]
    ) -> Stance | None:
        """Check one stance against its issue's outcomes and the sources."""
        f = self.fields(node, what, _STANCE_KEYS, optional=("accepts", "rejects"))
        if f is None:
            return None
        summary = self.text(f.get("summary"), f"summary of {what}")
        firmness = self.choice(f.get("firmness"), f"firmness of {what}", _FIRMNESS)
        accepts = self.outcomes(f.get("accepts"), f"accepts of {what}", issue)
        rejects = self.outcomes(f.get("rejects"), f"rejects of {what}", issue)
        for oid, item in rejects.items():
            if oid in accepts:
                self.problem(
                    item,
                    f"outcome '{oid}' is both accepted and rejected in {what}; "
                    f"expected it in accepts or rejects, not both",
                )
        if "accepts" not in f and "rejects" not in f:
            self.problem(node, f"{what} names no outcome; expected accepts or rejects (or both)")
        evidence_node = f.get("evidence")
        evidence = [
            e
            for item in self.items(evidence_node, f"evidence of {what}")
            if (e := self.evidence(item, f"evidence of {what}", sources)) is not None
        ]
        if isinstance(evidence_node, Sequence) and not evidence_node.items:
            self.problem(evidence_node, f"evidence of {what} is empty; expected at least one quote")
        if summary is None or firmness is None or not evidence:
            return None
        return Stance(
            issue=issue.id,
            summary=summary,
            accepts=tuple(accepts),
            rejects=tuple(o for o in rejects if o not in accepts),
            firmness=Firmness(firmness),
            evidence=tuple(evidence),
            location=self.where(node),
        )

    def outcomes(self, node: Node | None, what: str, issue: Issue) -> dict[str, Node]:
        """A list of outcome ids of ``issue``, each once, with the node that names it."""
        out: dict[str, Node] = {}
        choices = list(issue.outcomes)
        for item in self.items(node, what):
            oid = self.text(item, f"outcome in {what}")
            if oid is None:
                continue
            if oid not in issue.outcomes and issue.id not in self.unchecked:
                self.problem(
                    item,
                    f"'{oid}' is not an outcome of issue '{issue.id}'; expected one of "
                    f"{_one_of(choices)}",
                    suggest=(oid, choices),
                )
            elif oid in out:
                self.problem(item, f"outcome '{oid}' is listed twice in {what}; expected it once")
            else:
                out[oid] = item
        return out

    def evidence(self, node: Node, what: str, sources: dict[str, Source]) -> Evidence | None:
        """Check one piece of evidence: {source, quote, speaker?, attribution}."""
        f = self.fields(node, what, _EVIDENCE_KEYS, optional=("speaker",))
        if f is None:
            return None
        source = self.text(f.get("source"), f"source of {what}")
        if source is not None and source not in sources:
            self.problem(
                f["source"],
                f"source '{source}' is not defined; expected one of {_one_of(list(sources))}",
                suggest=(source, list(sources)),
            )
            source = None
        quote = self.text(f.get("quote"), f"quote of {what}")
        attribution = self.choice(f.get("attribution"), f"attribution of {what}", _ATTRIBUTION)
        speaker = self.text(f.get("speaker"), f"speaker of {what}")
        if source is None or quote is None or attribution is None:
            return None
        return Evidence(source, quote, Attribution(attribution), speaker, self.where(node))


def parse(text: str, path: str = "<string>") -> Dataset:
    """Check YAML text against positions/1 and build the model, or raise DataError."""
    root = yamltree.parse(text.removeprefix("\ufeff"), path)
    if root is None:
        message = (
            "the file is empty; expected a positions/1 mapping with "
            "schema, title, sources, issues and parties"
        )
        raise DataError([Problem(path, 1, 1, message)])
    checker = _Checker(path)
    dataset = checker.dataset(root)
    if checker.problems or dataset is None:
        ordered = sorted(checker.problems, key=lambda p: (p.line, p.column))
        raise DataError(ordered, truncated=checker.overflow)
    return dataset


def load(path: str | os.PathLike[str], *, name: str | None = None) -> Dataset:
    """Read and check a positions file; ``name`` is how to show its path (default: as given)."""
    where = os.fspath(path)
    return parse(read_text(where, expected="a positions YAML file"), name or where)
