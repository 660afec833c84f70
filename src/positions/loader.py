"""Read a positions file strictly into the model, reporting every problem with its place.

Three parts, one module each: ``yamltree`` parses the text into located nodes (strictly, within
budgets, nothing ever constructed or run); ``checker`` holds each mapping against its record in
the field table (``fields``); and this module adds the format's own rules, the ones a table
cannot state: that stances name defined issues, outcomes, sources and parties, that no outcome
is both accepted and rejected, that exclusions, requirements, recorded compatibility and
conditions point at real outcomes and do not contradict each other, that no two parties answer
to one name, and that a joint statement gives each party it names a copy, and no stance twice.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from positions import yamltree
from positions.checker import Checker, one_of
from positions.errors import DataError, Problem
from positions.fields import (
    COMPATIBLE,
    CONDITION,
    DOUBT,
    EVIDENCE,
    FILE,
    ISSUE,
    LATEST,
    NOTE,
    OUTCOME,
    PARTY,
    RANKING,
    SET_ASIDE,
    SOURCE,
    STANCE,
    VERSIONS,
)
from positions.model import (
    Attribution,
    Compatibility,
    Dataset,
    Doubt,
    Evidence,
    Firmness,
    Issue,
    Level,
    Party,
    Ranking,
    SetAside,
    Source,
    Stage,
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


class _Link(NamedTuple):
    """An outcome's ``excludes`` or ``requires`` entry as written, before it is resolved."""

    issue: str
    outcome: str
    verb: str  # "excludes" or "requires"
    named: str  # as written: an outcome's id, or issue/outcome
    node: Node


class _Draft(NamedTuple):
    """An issue as read, before its links to other issues can be resolved."""

    id: str
    name: str
    question: str
    outcomes: dict[str, str]
    dispute: str | None
    compatible: Node | None
    node: Node


class _Joint(NamedTuple):
    """A stance's ``joint`` as written: the parties named, each with its node."""

    party: str
    issue: str
    named: list[tuple[str, Node]]


class _Reader:
    """Builds the model from the checked tree, applying the format's cross-reference rules."""

    def __init__(self, check: Checker) -> None:
        self.check = check
        self.joints: list[_Joint] = []
        self.stance_nodes: dict[tuple[str, str], Node] = {}  # (party, issue) -> its stance

    def dataset(self, root: Node) -> Dataset | None:
        """The whole document."""
        top = self.check.record(root, FILE, "the file")
        if top is None:
            return None
        version = self.check.choice(top.get("schema"), "schema", list(VERSIONS), suggest=False)
        title = self.check.text(top.get("title"), "title")
        sources = self.sources(top.get("sources"))
        disputes = self.names(top.get("disputes"), "dispute")
        camps = self.names(top.get("camps"), "camp")
        issues = self.issues(top.get("issues"), disputes)
        parties = self.parties(top.get("parties"), issues, sources, camps)
        if title is None or version is None:
            return None
        return Dataset(
            title,
            sources,
            issues,
            parties,
            disputes,
            camps,
            schema=version,
            path=self.check.path,
        )

    def sources(self, node: Node | None) -> dict[str, Source]:
        """``sources``: id -> {title, title_from?, outlet?, published?, url?, set_aside?}."""
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
                values["title_from"],
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

    def names(self, node: Node | None, kind: str) -> dict[str, str]:
        """``disputes`` or ``camps``: id -> name."""
        out: dict[str, str] = {}
        for key, key_node, value in self.check.pairs(node, f"{kind}s"):
            self.check.identifier(key, key_node, kind)
            out[key] = self.check.text(value, f"name of {kind} '{key}'") or key
        return out

    def issues(self, node: Node | None, disputes: dict[str, str]) -> dict[str, Issue]:
        """``issues``: id -> {name, question, dispute?, outcomes, compatible?}.

        Every issue is read before the links between outcomes are resolved: an outcome may
        name an issue written further down.
        """
        drafts: list[_Draft] = []
        links: list[_Link] = []
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
            outcomes = self.outcomes(f.get("outcomes"), iid, links)
            draft = _Draft(
                iid, name or "", question or "", outcomes, dispute, f.get("compatible"), key_node
            )
            drafts.append(draft)
        outcomes_of = {d.id: d.outcomes for d in drafts}
        excludes, elsewhere, requires = self.links(links, outcomes_of)
        return {
            d.id: Issue(
                d.id,
                d.name,
                d.question,
                d.outcomes,
                {o: frozenset(x) for o, x in excludes.get(d.id, {}).items()},
                d.dispute,
                {o: frozenset(x) for o, x in elsewhere.get(d.id, {}).items()},
                {o: frozenset(x) for o, x in requires.get(d.id, {}).items()},
                self.compatible(d.compatible, d.id, d.outcomes, excludes.get(d.id, {})),
                location=self.check.where(d.node),
            )
            for d in drafts
        }

    def outcomes(self, node: Node | None, iid: str, links: list[_Link]) -> dict[str, str]:
        """An issue's outcomes: id -> description; their excludes and requires go to ``links``."""
        what = f"issue '{iid}'"
        descriptions: dict[str, str] = {}
        if isinstance(node, Mapping) and not node.pairs:
            self.check.problem(node, f"{what} has no outcomes; expected at least one")
        for oid, okey, value in self.check.pairs(node, f"outcomes of {what}"):
            self.check.identifier(oid, okey, "outcome")
            label = f"outcome '{oid}' of {what}"
            if isinstance(value, Mapping):
                f = self.check.record(value, OUTCOME, label) or {}
                description = self.check.text(f.get("description"), f"description of {label}")
                for verb in ("excludes", "requires"):
                    for named, item in self.check.ids(f.get(verb), f"{verb} of {label}"):
                        links.append(_Link(iid, oid, verb, named, item))
            else:
                description = self.check.text(value, f"description of {label}")
            descriptions[oid] = description or ""
        return descriptions

    def links(
        self, links: list[_Link], outcomes: dict[str, dict[str, str]]
    ) -> tuple[
        dict[str, dict[str, set[str]]],
        dict[str, dict[str, set[tuple[str, str]]]],
        dict[str, dict[str, set[tuple[str, str]]]],
    ]:
        """Resolve the outcomes' links: excludes (both ways), elsewhere (both ways), requires."""
        excludes: dict[str, dict[str, set[str]]] = {}
        elsewhere: dict[str, dict[str, set[tuple[str, str]]]] = {}
        requires: dict[str, dict[str, set[tuple[str, str]]]] = {}
        required: list[tuple[_Link, str, str]] = []
        for link in links:
            target = self.target(link, outcomes)
            if target is None:
                continue
            iid, oid = link.issue, link.outcome
            if target == (iid, oid):
                self.check.problem(
                    link.node, f"outcome '{oid}' {link.verb} itself; expected another"
                )
            elif link.verb == "requires":
                requires.setdefault(iid, {}).setdefault(oid, set()).add(target)
                required.append((link, *target))
            elif target[0] == iid:
                excludes.setdefault(iid, {}).setdefault(oid, set()).add(target[1])
                excludes.setdefault(iid, {}).setdefault(target[1], set()).add(oid)
            else:
                elsewhere.setdefault(iid, {}).setdefault(oid, set()).add(target)
                elsewhere.setdefault(target[0], {}).setdefault(target[1], set()).add((iid, oid))
        for link, other_issue, other in required:
            iid, oid = link.issue, link.outcome
            if other_issue == iid:
                excluded = other in excludes.get(iid, {}).get(oid, ())
            else:
                excluded = (other_issue, other) in elsewhere.get(iid, {}).get(oid, ())
            if excluded:
                self.check.problem(
                    link.node,
                    f"outcome '{oid}' of issue '{iid}' both requires and excludes "
                    f"'{link.named}'; expected it in requires or excludes, not both",
                )
        return excludes, elsewhere, requires

    def target(self, link: _Link, outcomes: dict[str, dict[str, str]]) -> tuple[str, str] | None:
        """The (issue, outcome) a link names, or None after saying what is wrong with it."""
        iid, oid, verb, named = link.issue, link.outcome, link.verb, link.named
        label = f"outcome '{oid}' of issue '{iid}'"
        if "/" not in named:
            if named in outcomes[iid]:
                return iid, named
            self.check.problem(
                link.node,
                f"outcome '{oid}' {verb} '{named}', which is not an outcome of issue '{iid}'; "
                f"expected one of {one_of(list(outcomes[iid]))}",
                suggest=(named, list(outcomes[iid])),
            )
            return None
        if verb == "excludes" and not self.check.allows(
            link.node,
            f"'{named}' in excludes of {label}",
            "positions/3",
            instead=f"an outcome of issue '{iid}' by its id",
        ):
            return None
        other_issue, other = named.split("/", 1)
        if other_issue not in outcomes:
            self.check.problem(
                link.node,
                f"{label} {verb} '{named}', whose issue '{other_issue}' is not defined; "
                f"expected issue/outcome with one of {one_of(list(outcomes))}",
                suggest=(other_issue, list(outcomes)),
            )
            return None
        choices = list(outcomes[other_issue])
        if other not in outcomes[other_issue]:
            self.check.problem(
                link.node,
                f"{label} {verb} '{named}', which is not an outcome of issue '{other_issue}'; "
                f"expected one of {one_of(choices)}",
                suggest=(other, choices),
            )
            return None
        return other_issue, other

    def compatible(
        self,
        node: Node | None,
        iid: str,
        outcomes: dict[str, str],
        excludes: dict[str, set[str]],
    ) -> tuple[Compatibility, ...]:
        """``compatible``: [{outcomes: [a, b], reason}], pairs checked to be able to both hold."""
        what = f"issue '{iid}'"
        items = self.check.items(node, f"compatible of {what}")
        if isinstance(node, Sequence) and not items:
            message = f"compatible of {what} is empty; expected at least one pair, or no key"
            self.check.problem(node, message)
        out: list[Compatibility] = []
        seen: dict[frozenset[str], Node] = {}
        for item in items:
            label = f"a compatible pair of {what}"
            f = self.check.record(item, COMPATIBLE, label)
            if f is None:
                continue
            pair_node = f.get("outcomes")
            named = self.check.ids(pair_node, f"outcomes of {label}")
            reason = self.check.text(f.get("reason"), f"reason of {label}")
            known = []
            for oid, oid_node in named:
                if oid in outcomes:
                    known.append(oid)
                elif outcomes:  # an issue whose outcomes could not be read is reported already
                    self.check.problem(
                        oid_node,
                        f"'{oid}' is not an outcome of {what}; expected one of "
                        f"{one_of(list(outcomes))}",
                        suggest=(oid, list(outcomes)),
                    )
            if isinstance(pair_node, Sequence) and len(pair_node.items) != 2:
                count = len(pair_node.items)
                words = {0: "no outcome", 1: "one outcome"}.get(count, f"{count} outcomes")
                self.check.problem(pair_node, f"outcomes of {label} names {words}; expected two")
                continue
            if len(known) != 2 or reason is None or pair_node is None:
                continue
            a, b = known
            pair = frozenset(known)
            if pair in seen:
                self.check.problem(
                    pair_node,
                    f"outcomes '{a}' and '{b}' of {what} are recorded compatible twice (first "
                    f"at line {seen[pair].line}); expected each pair once",
                )
                continue
            seen[pair] = pair_node
            if b in excludes.get(a, ()):
                self.check.problem(
                    pair_node,
                    f"outcomes '{a}' and '{b}' of {what} are recorded compatible but exclude "
                    f"each other; expected them compatible or exclusive, not both",
                )
                continue
            out.append(Compatibility(pair, reason, self.check.where(item)))
        return tuple(out)

    def parties(
        self,
        node: Node | None,
        issues: dict[str, Issue],
        sources: dict[str, Source],
        camps: dict[str, str],
    ) -> dict[str, Party]:
        """``parties``: id -> {name, aliases?, members?, camp?, stances: issue id -> stance}."""
        out: dict[str, Party] = {}
        defined: dict[str, None] = {}  # every party written, read or not, in the file's order
        names: dict[str, str] = {}  # folded id, name or alias -> the party it names
        for pid, key_node, value in self.check.pairs(node, "parties"):
            self.check.identifier(pid, key_node, "party")
            defined[pid] = None
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
            camp = self.check.text(f.get("camp"), f"camp of {what}")
            if camp is not None and camp not in camps:
                self.check.problem(
                    f["camp"],
                    f"camp '{camp}' of {what} is not defined; expected one of "
                    f"{one_of(list(camps))}",
                    suggest=(camp, list(camps)),
                )
                camp = None
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
                stance = self.stance(svalue, pid, issue, issues, sources)
                if stance is not None:
                    stances[iid] = stance
                    self.stance_nodes[pid, iid] = svalue
            if name is not None:
                out[pid] = Party(
                    pid,
                    name,
                    tuple(a for a, _ in aliases),
                    stances,
                    tuple(m for m, _ in members),
                    camp,
                    location=self.check.where(key_node),
                )
        self.joint(out, defined)
        return out

    def joint(self, parties: dict[str, Party], defined: dict[str, None]) -> None:
        """Give each party a joint statement names a copy of it, coded under its author.

        A party that has its own stance on the issue, or a copy from another joint statement,
        would have it twice: that is refused, as are a statement naming its own party and one
        naming a party not defined.
        """
        copied: dict[tuple[str, str], tuple[str, Node]] = {}  # (party, issue) -> author, item
        for pid, iid, named in self.joints:
            what = f"joint of stance of '{pid}' on '{iid}'"
            author = parties.get(pid)  # None: a party that could not be read, reported already
            kept = []
            for other, item in named:
                if other == pid:
                    message = (
                        f"{what} names '{pid}' itself; expected the other parties it speaks for"
                    )
                    self.check.problem(item, message)
                    continue
                if other not in defined:
                    self.check.problem(
                        item,
                        f"{what} names undefined party '{other}'; expected one of "
                        f"{one_of([p for p in defined if p != pid])}",
                        suggest=(other, [p for p in defined if p != pid]),
                    )
                    continue
                kept.append(other)
                party = parties.get(other)
                if party is None or author is None:
                    continue
                if iid in party.stances and (other, iid) not in copied:
                    place = self.check.where(item)
                    self.check.problem(
                        self.stance_nodes[other, iid],
                        f"{other}/{iid} is coded twice: here and as a joint statement of "
                        f"{pid}/{iid} at {place}; code it once",
                    )
                    continue
                if (other, iid) in copied:
                    earlier, first = copied[other, iid]
                    self.check.problem(
                        item,
                        f"{other}/{iid} is coded twice: here and as a joint statement of "
                        f"{earlier}/{iid} at {self.check.where(first)}; code it once",
                    )
                    continue
                copied[other, iid] = (pid, item)
                party.stances[iid] = author.stances[iid]._replace(joint=(), coded_under=pid)
            if author is not None:
                author.stances[iid] = author.stances[iid]._replace(joint=tuple(kept))

    def stance(
        self,
        node: Node,
        pid: str,
        issue: Issue,
        issues: dict[str, Issue],
        sources: dict[str, Source],
    ) -> Stance | None:
        """One stance, checked against its issue's outcomes, the other issues and the sources."""
        what = f"stance of '{pid}' on '{issue.id}'"
        f = self.check.record(node, STANCE, what)
        if f is None:
            return None
        summary = self.check.text(f.get("summary"), f"summary of {what}")
        firmness = self.check.leaf(
            STANCE.field("firmness"), f.get("firmness"), f"firmness of {what}"
        )
        stage = self.check.leaf(STANCE.field("stage"), f.get("stage"), f"stage of {what}")
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
        conditions, stages = self.conditions(f.get("conditions"), what, issue, issues)
        note, answers = self.note(f.get("note"), what)
        salience = self.ranking(f.get("salience"), what, sources)
        doubts = self.doubts(f.get("doubts"), what, sources)
        joint_node = f.get("joint")
        joint = self.check.ids(joint_node, f"joint of {what}")
        if isinstance(joint_node, Sequence) and not joint_node.items:
            message = f"joint of {what} is empty; expected at least one party, or no key"
            self.check.problem(joint_node, message)
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
        if joint:
            self.joints.append(_Joint(pid, issue.id, joint))
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
            stage=None if stage is None else Stage(stage),
            condition_stages=stages,
            salience=salience,
            doubts=doubts,
            joint=tuple(p for p, _ in joint),
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
    ) -> tuple[dict[str, tuple[str, ...]], dict[str, Stage]]:
        """``conditions``: another issue's id -> its outcomes, or {outcomes, stage?}.

        The outcomes of every condition, and the stage of each condition that has one.
        """
        out: dict[str, tuple[str, ...]] = {}
        stages: dict[str, Stage] = {}
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
            label = f"condition on '{cid}' of {what}"
            outcomes: Node | None = value
            if isinstance(value, Mapping):
                if not self.check.allows(
                    value, f"{label} as a mapping", CONDITION.since, instead="a list of outcomes"
                ):
                    continue
                f = self.check.record(value, CONDITION, label) or {}
                outcomes = f.get("outcomes")
                stage = self.check.leaf(
                    CONDITION.field("stage"), f.get("stage"), f"stage of {label}"
                )
                if stage is not None:
                    stages[cid] = Stage(stage)
            needed = self.outcome_ids(outcomes, label, other)
            if needed:
                out[cid] = tuple(needed)
            elif isinstance(outcomes, Sequence) and not outcomes.items:
                message = f"{label} names no outcome; expected at least one"
                self.check.problem(outcomes, message)
        return out, {c: s for c, s in stages.items() if c in out}

    def evidence(self, node: Node, what: str, sources: dict[str, Source]) -> Evidence | None:
        """One piece of evidence: {source, quote, speaker?, attribution}."""
        f = self.check.record(node, EVIDENCE, what)
        if f is None:
            return None
        return self.quoted(f, node, what, sources)

    def quoted(
        self, f: dict[str, Node], node: Node, what: str, sources: dict[str, Source]
    ) -> Evidence | None:
        """The evidence in a record's source, quote, attribution and speaker fields."""
        source = self.source(f.get("source"), what, sources)
        quote = self.check.text(f.get("quote"), f"quote of {what}")
        attribution = self.check.leaf(
            EVIDENCE.field("attribution"), f.get("attribution"), f"attribution of {what}"
        )
        speaker = self.check.text(f.get("speaker"), f"speaker of {what}")
        if source is None or quote is None or attribution is None:
            return None
        return Evidence(source, quote, Attribution(attribution), speaker, self.check.where(node))

    def source(self, node: Node | None, what: str, sources: dict[str, Source]) -> str | None:
        """A quote's ``source``: the id of a source defined in the file."""
        source = self.check.text(node, f"source of {what}")
        if node is not None and source is not None and source not in sources:
            self.check.problem(
                node,
                f"source '{source}' is not defined; expected one of {one_of(list(sources))}",
                suggest=(source, list(sources)),
            )
            return None
        return source

    def ranking(self, node: Node | None, what: str, sources: dict[str, Source]) -> Ranking | None:
        """``salience``: {level, source, quote, attribution, speaker?}, a ranking with its quote."""
        if node is None:
            return None
        label = f"salience of {what}"
        f = self.check.record(node, RANKING, label)
        if f is None:
            return None
        level = self.check.leaf(RANKING.field("level"), f.get("level"), f"level of {label}")
        evidence = self.quoted(f, node, label, sources)
        if level is None or evidence is None:
            return None
        return Ranking(Level(level), evidence, self.check.where(node))

    def doubts(self, node: Node | None, what: str, sources: dict[str, Source]) -> tuple[Doubt, ...]:
        """``doubts``: [{by, source, quote}], each a source's doubt about the stance."""
        items = self.check.items(node, f"doubts of {what}")
        if isinstance(node, Sequence) and not items:
            message = f"doubts of {what} is empty; expected at least one doubt, or no key"
            self.check.problem(node, message)
        out = []
        for item in items:
            label = f"a doubt about {what}"
            f = self.check.record(item, DOUBT, label)
            if f is None:
                continue
            by = self.check.text(f.get("by"), f"by of {label}")
            source = self.source(f.get("source"), label, sources)
            quote = self.check.text(f.get("quote"), f"quote of {label}")
            if by is not None and source is not None and quote is not None:
                out.append(Doubt(by, source, quote, self.check.where(item)))
        return tuple(out)
