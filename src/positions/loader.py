"""Read a positions file strictly into the model, reporting every problem with its place.

Three parts, one module each: ``yamltree`` parses the text into located nodes (strictly, within
budgets, nothing ever constructed or run); ``checker`` holds each mapping against its record in
the field table (``fields``); and this module adds the format's own rules, the ones a table
cannot state: that stances name defined issues, outcomes and sources, that no outcome is both
accepted and rejected, that exclusions and conditions point at real outcomes, and that no two
parties answer to one name.
"""

from __future__ import annotations

import os

from positions import yamltree
from positions.checker import Checker, one_of
from positions.errors import DataError, Problem
from positions.fields import (
    EVIDENCE,
    FILE,
    ISSUE,
    LATEST,
    NOTE,
    OUTCOME,
    PARTY,
    SET_ASIDE,
    SOURCE,
    STANCE,
    VERSIONS,
)
from positions.model import (
    Attribution,
    Dataset,
    Evidence,
    Firmness,
    Issue,
    Party,
    SetAside,
    Source,
    Stance,
)
from positions.text import fold_name, printable_path
from positions.textfile import DATA_FILE, MAX_BYTES, read_text, shown_name
from positions.yamltree import MAX_PROBLEMS, Mapping, Node, Scalar, Sequence

SCHEMA = LATEST
__all__ = ["MAX_BYTES", "MAX_PROBLEMS", "SCHEMA", "load", "parse"]


def parse(text: str, path: str = "<string>") -> Dataset:
    """Check YAML text against the format and build the model, or raise DataError."""
    root = yamltree.parse(text.removeprefix("\ufeff"), path)
    if root is None:
        message = (
            "the file is empty; expected a positions mapping with "
            "schema, title, sources, issues and parties"
        )
        raise DataError([Problem(path, 1, 1, message)])
    reader = _Reader(Checker(path, _version(root)))
    dataset = reader.dataset(root)
    check = reader.check
    if check.problems or dataset is None:
        ordered = sorted(check.problems, key=lambda p: (p.line, p.column))
        raise DataError(ordered, truncated=check.overflow)
    return dataset


def load(path: str | os.PathLike[str], *, name: str | None = None) -> Dataset:
    """Read and check a positions file; ``name`` is how to show its path (default: as given)."""
    where = os.fspath(path)
    shown = printable_path(shown_name(name or where))
    return parse(read_text(where, expected=DATA_FILE), shown)


def _version(root: Node) -> str:
    """The version the file declares, to check it by (the latest when it declares none)."""
    if isinstance(root, Mapping):
        for key, value in root.pairs:
            if isinstance(key, Scalar) and key.value == "schema" and isinstance(value, Scalar):
                return value.value if value.value in VERSIONS else LATEST
    return LATEST


class _Reader:
    """Builds the model from the checked tree, applying the format's cross-reference rules."""

    def __init__(self, check: Checker) -> None:
        self.check = check

    def dataset(self, root: Node) -> Dataset | None:
        """The whole document."""
        top = self.check.record(root, FILE, "the file")
        if top is None:
            return None
        version = self.check.choice(top.get("schema"), "schema", list(VERSIONS), suggest=False)
        title = self.check.text(top.get("title"), "title")
        sources = self.sources(top.get("sources"))
        disputes = self.disputes(top.get("disputes"))
        issues = self.issues(top.get("issues"), disputes)
        parties = self.parties(top.get("parties"), issues, sources)
        if title is None or version is None:
            return None
        return Dataset(
            title, sources, issues, parties, disputes, schema=version, path=self.check.path
        )

    def sources(self, node: Node | None) -> dict[str, Source]:
        """``sources``: id -> {title, outlet?, published?, url?, set_aside?}."""
        out: dict[str, Source] = {}
        for sid, key_node, value in self.check.pairs(node, "sources"):
            what = f"source '{sid}'"
            f = self.check.record(value, SOURCE, what) or {}
            values = {
                field.name: self.check.leaf(field, f.get(field.name), f"{field.name} of {what}")
                for field in SOURCE.fields
                if field.record is None
            }
            # A source with a bad field is still defined, so its quotes are not reported too.
            out[sid] = Source(
                sid,
                values["title"] or "",
                values["outlet"],
                values["published"],
                values["url"],
                self.set_aside(f.get("set_aside"), what),
                location=self.check.where(key_node),
            )
        return out

    def set_aside(self, node: Node | None, what: str) -> tuple[SetAside, ...]:
        """A source's ``set_aside``: [{quote, reason}], the sentences read and not coded."""
        items = self.check.items(node, f"set_aside of {what}")
        if isinstance(node, Sequence) and not items:
            message = f"set_aside of {what} is empty; expected at least one sentence, or no key"
            self.check.problem(node, message)
        out = []
        for item in items:
            label = f"a sentence set aside from {what}"
            f = self.check.record(item, SET_ASIDE, label)
            if f is None:
                continue
            quote = self.check.text(f.get("quote"), f"quote of {label}")
            reason = self.check.text(f.get("reason"), f"reason of {label}")
            if quote is not None and reason is not None:
                out.append(SetAside(quote, reason, self.check.where(item)))
        return tuple(out)

    def disputes(self, node: Node | None) -> dict[str, str]:
        """``disputes``: id -> name."""
        out: dict[str, str] = {}
        for did, key_node, value in self.check.pairs(node, "disputes"):
            self.check.identifier(did, key_node, "dispute")
            out[did] = self.check.text(value, f"name of dispute '{did}'") or did
        return out

    def issues(self, node: Node | None, disputes: dict[str, str]) -> dict[str, Issue]:
        """``issues``: id -> {name, question, dispute?, outcomes}."""
        out: dict[str, Issue] = {}
        names: dict[str, str] = {}  # folded name -> the issue it names
        for iid, key_node, value in self.check.pairs(node, "issues"):
            self.check.identifier(iid, key_node, "issue")
            what = f"issue '{iid}'"
            f = self.check.record(value, ISSUE, what) or {}
            name = self.check.text(f.get("name"), f"name of {what}")
            if name is not None and names.setdefault(fold_name(name), iid) != iid:
                self.check.problem(
                    f["name"],
                    f"name '{name}' of {what} is also the name of issue "
                    f"'{names[fold_name(name)]}'; expected each issue's name once",
                )
            question = self.check.text(f.get("question"), f"question of {what}")
            dispute = self.check.text(f.get("dispute"), f"dispute of {what}")
            if dispute is not None and dispute not in disputes:
                self.check.problem(
                    f["dispute"],
                    f"dispute '{dispute}' of {what} is not defined; expected one of "
                    f"{one_of(list(disputes))}",
                    suggest=(dispute, list(disputes)),
                )
                dispute = None
            outcomes, excludes = self.outcomes(f.get("outcomes"), what)
            out[iid] = Issue(
                iid,
                name or "",
                question or "",
                outcomes,
                excludes,
                dispute,
                location=self.check.where(key_node),
            )
        return out

    def outcomes(
        self, node: Node | None, what: str
    ) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
        """An issue's outcomes: id -> description, and which exclude which (both ways)."""
        descriptions: dict[str, str] = {}
        declared: list[tuple[str, str, Node]] = []  # (outcome, excluded outcome, its node)
        if isinstance(node, Mapping) and not node.pairs:
            self.check.problem(node, f"{what} has no outcomes; expected at least one")
        for oid, okey, value in self.check.pairs(node, f"outcomes of {what}"):
            self.check.identifier(oid, okey, "outcome")
            label = f"outcome '{oid}' of {what}"
            if isinstance(value, Mapping):
                f = self.check.record(value, OUTCOME, label) or {}
                description = self.check.text(f.get("description"), f"description of {label}")
                for other, item in self.check.ids(f.get("excludes"), f"excludes of {label}"):
                    declared.append((oid, other, item))
            else:
                description = self.check.text(value, f"description of {label}")
            descriptions[oid] = description or ""
        excludes: dict[str, set[str]] = {}
        for oid, other, item in declared:
            if other not in descriptions:
                self.check.problem(
                    item,
                    f"outcome '{oid}' excludes '{other}', which is not an outcome of {what}; "
                    f"expected one of {one_of(list(descriptions))}",
                    suggest=(other, list(descriptions)),
                )
            elif other == oid:
                self.check.problem(item, f"outcome '{oid}' excludes itself; expected another")
            else:
                excludes.setdefault(oid, set()).add(other)
                excludes.setdefault(other, set()).add(oid)
        return descriptions, {o: frozenset(x) for o, x in excludes.items()}

    def parties(
        self, node: Node | None, issues: dict[str, Issue], sources: dict[str, Source]
    ) -> dict[str, Party]:
        """``parties``: id -> {name, aliases?, members?, stances: issue id -> stance}."""
        out: dict[str, Party] = {}
        names: dict[str, str] = {}  # folded id, name or alias -> the party it names
        for pid, key_node, value in self.check.pairs(node, "parties"):
            self.check.identifier(pid, key_node, "party")
            what = f"party '{pid}'"
            f = self.check.record(value, PARTY, what)
            if f is None:
                continue
            name = self.check.text(f.get("name"), f"name of {what}")
            aliases = self.check.texts(f.get("aliases"), f"aliases of {what}")
            members = self.check.texts(f.get("members"), f"members of {what}")
            labels: list[tuple[str, Node]] = [(pid, key_node), *aliases]
            if name is not None:
                labels.insert(1, (name, f["name"]))
            for label, label_node in labels:
                other = names.setdefault(fold_name(label), pid)
                if other != pid:
                    self.check.problem(
                        label_node,
                        f"'{label}' of {what} already names party '{other}'; "
                        f"expected ids, names and aliases that name one party each",
                    )
            stances: dict[str, Stance] = {}
            for iid, ikey, svalue in self.check.pairs(f.get("stances"), f"stances of {what}"):
                issue = issues.get(iid)
                if issue is None:
                    self.check.problem(
                        ikey,
                        f"stance of '{pid}' on undefined issue '{iid}'; expected one of "
                        f"{one_of(list(issues))}",
                        suggest=(iid, list(issues)),
                    )
                    continue
                stance = self.stance(
                    svalue, f"stance of '{pid}' on '{iid}'", issue, issues, sources
                )
                if stance is not None:
                    stances[iid] = stance
            if name is not None:
                out[pid] = Party(
                    pid,
                    name,
                    tuple(a for a, _ in aliases),
                    stances,
                    tuple(m for m, _ in members),
                    location=self.check.where(key_node),
                )
        return out

    def stance(
        self,
        node: Node,
        what: str,
        issue: Issue,
        issues: dict[str, Issue],
        sources: dict[str, Source],
    ) -> Stance | None:
        """One stance, checked against its issue's outcomes, the other issues and the sources."""
        f = self.check.record(node, STANCE, what)
        if f is None:
            return None
        summary = self.check.text(f.get("summary"), f"summary of {what}")
        firmness = self.check.choice(
            f.get("firmness"), f"firmness of {what}", list(STANCE.field("firmness").choices)
        )
        accepts = self.outcome_ids(f.get("accepts"), f"accepts of {what}", issue)
        rejects = self.outcome_ids(f.get("rejects"), f"rejects of {what}", issue)
        for oid, item in rejects.items():
            if oid in accepts:
                self.check.problem(
                    item,
                    f"outcome '{oid}' is both accepted and rejected in {what}; "
                    f"expected it in accepts or rejects, not both",
                )
        listed = [f[k] for k in ("accepts", "rejects") if k in f]
        if not listed or all(isinstance(n, Sequence) and not n.items for n in listed):
            message = f"{what} names no outcome; expected accepts or rejects (or both)"
            self.check.problem(node, message)
        conditions = self.conditions(f.get("conditions"), what, issue, issues)
        note, answers = self.note(f.get("note"), what)
        evidence_node = f.get("evidence")
        items = self.check.items(evidence_node, f"evidence of {what}")
        if isinstance(evidence_node, Sequence) and not items:
            message = f"evidence of {what} is empty; expected at least one quote"
            self.check.problem(evidence_node, message)
        evidence = [
            e for item in items if (e := self.evidence(item, f"evidence of {what}", sources))
        ]
        if summary is None or firmness is None or not evidence:
            return None
        return Stance(
            issue=issue.id,
            summary=summary,
            accepts=tuple(accepts),
            rejects=tuple(o for o in rejects if o not in accepts),
            firmness=Firmness(firmness),
            evidence=tuple(evidence),
            conditions=conditions,
            note=note,
            answers=answers,
            location=self.check.where(node),
        )

    def note(self, node: Node | None, what: str) -> tuple[str | None, tuple[str, ...]]:
        """``note``: text, answering every check; or {text, answers}, answering those named."""
        if not isinstance(node, Mapping):
            return self.check.text(node, f"note of {what}"), ()
        label = f"note of {what}"
        f = self.check.record(node, NOTE, label) or {}
        text = self.check.text(f.get("text"), f"text of {label}")
        choices = list(NOTE.field("answers").choices)
        answers = self.check.choices(f.get("answers"), f"answers of {label}", choices)
        return text, tuple(answers)

    def outcome_ids(self, node: Node | None, what: str, issue: Issue) -> dict[str, Node]:
        """A list of outcome ids of ``issue``, each once, with the node that names it."""
        out: dict[str, Node] = {}
        choices = list(issue.outcomes)
        for oid, item in self.check.ids(node, what):
            if oid in issue.outcomes:
                out[oid] = item
            elif choices:  # an issue whose outcomes could not be read is reported already
                self.check.problem(
                    item,
                    f"'{oid}' is not an outcome of issue '{issue.id}'; expected one of "
                    f"{one_of(choices)}",
                    suggest=(oid, choices),
                )
        return out

    def conditions(
        self, node: Node | None, what: str, issue: Issue, issues: dict[str, Issue]
    ) -> dict[str, tuple[str, ...]]:
        """``conditions``: another issue's id -> the outcomes of it the stance depends on."""
        out: dict[str, tuple[str, ...]] = {}
        for cid, ckey, value in self.check.pairs(node, f"conditions of {what}"):
            other = issues.get(cid)
            if other is None:
                self.check.problem(
                    ckey,
                    f"condition of {what} on undefined issue '{cid}'; expected one of "
                    f"{one_of(list(issues))}",
                    suggest=(cid, list(issues)),
                )
                continue
            if other.id == issue.id:
                self.check.problem(
                    ckey, f"{what} has a condition on its own issue; expected another issue"
                )
                continue
            needed = self.outcome_ids(value, f"condition on '{cid}' of {what}", other)
            if needed:
                out[cid] = tuple(needed)
            elif isinstance(value, Sequence) and not value.items:
                message = f"condition on '{cid}' of {what} names no outcome; expected at least one"
                self.check.problem(value, message)
        return out

    def evidence(self, node: Node, what: str, sources: dict[str, Source]) -> Evidence | None:
        """One piece of evidence: {source, quote, speaker?, attribution}."""
        f = self.check.record(node, EVIDENCE, what)
        if f is None:
            return None
        source = self.check.text(f.get("source"), f"source of {what}")
        if source is not None and source not in sources:
            self.check.problem(
                f["source"],
                f"source '{source}' is not defined; expected one of {one_of(list(sources))}",
                suggest=(source, list(sources)),
            )
            source = None
        quote = self.check.text(f.get("quote"), f"quote of {what}")
        attribution = self.check.choice(
            f.get("attribution"),
            f"attribution of {what}",
            list(EVIDENCE.field("attribution").choices),
        )
        speaker = self.check.text(f.get("speaker"), f"speaker of {what}")
        if source is None or quote is None or attribution is None:
            return None
        return Evidence(source, quote, Attribution(attribution), speaker, self.check.where(node))
