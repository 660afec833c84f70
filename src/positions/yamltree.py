"""Parse YAML text into a tree of located nodes: strictly, and within budgets.

PyYAML's public event stream (``yaml.parse`` with its C loader where libyaml is there) is
composed here into small nodes that keep their line and column. Nothing is ever constructed into
Python objects, so no tag can run code. Anchors and aliases are refused (no "billion laughs"),
and so is a tree deeper than ``MAX_DEPTH`` or larger than ``MAX_NODES``: composing the events
ourselves lets both budgets stop the file as it is read, before it costs time or memory, whatever
limits the installed libyaml has of its own.
"""

import re
from typing import NamedTuple

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
)

from positions.errors import DataError, Problem
from positions.textfile import location

MAX_DEPTH = 100
MAX_NODES = 500_000  # about one value per 34 bytes of a file at the size limit
MAX_PROBLEMS = 50

TAG = "tag:yaml.org,2002:"
STR, SEQ, MAP = f"{TAG}str", f"{TAG}seq", f"{TAG}map"

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
# What YAML does not allow in a stream: C0 and C1 controls but tab, line feed, carriage return
# and NEL; surrogates; U+FFFE and U+FFFF. It is refused before the parser sees it, so that the
# place reported does not depend on how a parser counts (libyaml counts bytes there). Written as
# the characters refused, not as "all but the printable", which takes 4 ms longer to compile.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


class Scalar(NamedTuple):
    """A scalar: its resolved tag (``STR`` for text) and its text as written."""

    tag: str
    value: str
    line: int
    column: int


class Sequence(NamedTuple):
    """A list and its items."""

    tag: str
    items: "tuple[Node, ...]"
    line: int
    column: int


class Mapping(NamedTuple):
    """A mapping and its (key, value) pairs, in the file's order, duplicates included."""

    tag: str
    pairs: "tuple[tuple[Node, Node], ...]"
    line: int
    column: int


# NamedTuples, not frozen dataclasses: a large file has a million of them, and a frozen
# dataclass is about three times slower to create (benchmarks/README.md, "large file").
Node = Scalar | Sequence | Mapping


def _resolve(value: str) -> str:
    """The tag YAML 1.1 gives a plain scalar: ``no`` is a boolean, ``1.10`` a number."""
    for tag, pattern in _IMPLICIT.get(value[:1], ()):
        if pattern.match(value):
            return str(tag)
    return STR


def parse(text: str, path: str) -> Node | None:
    """The document's tree, or None for an empty document; DataError for anything refused."""
    bad = _UNPRINTABLE.search(text)
    if bad:
        line, column = location(text, bad.start())
        code = ord(bad.group())
        message = f"character U+{code:04X} is not allowed in YAML; expected printable text"
        raise DataError([Problem(path, line, column, message)])
    try:
        return _compose(text, path)
    except yaml.MarkedYAMLError as error:
        raise DataError([_yaml_problem(path, text, error)]) from None
    except yaml.YAMLError as error:  # pragma: no cover - the checks above leave only marked ones
        raise DataError([Problem(path, 1, 1, f"{error}; expected valid YAML")]) from None


class _Open(NamedTuple):
    """A collection whose end has not been read yet, and the nodes read inside it so far."""

    mapping: bool
    tag: str
    children: list[Node]
    line: int
    column: int

    def close(self) -> Node:
        """The finished node."""
        if self.mapping:
            kids = self.children
            pairs = tuple(zip(kids[::2], kids[1::2], strict=True))
            return Mapping(self.tag, pairs, self.line, self.column)
        return Sequence(self.tag, tuple(self.children), self.line, self.column)


def _scalar(event: ScalarEvent, line: int, column: int) -> Scalar:
    tag = event.tag
    if tag is None or tag == "!":
        tag = _resolve(event.value) if event.implicit[0] else STR
    return Scalar(tag, event.value, line, column)


def _compose(text: str, path: str) -> Node | None:  # noqa: PLR0912 - one flat loop over the event kinds is the hot path of a large file
    stack: list[_Open] = []
    root: Node | None = None
    documents = nodes = 0
    refused: list[Problem] = []
    for event in yaml.parse(text, Loader=_LOADER):
        assert event.start_mark is not None  # the parser marks every event
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            kind = "alias" if isinstance(event, AliasEvent) else "anchor"
            refused.append(_refusal(path, line, column, kind, anchor))
            if len(refused) > MAX_PROBLEMS:
                break
        node: Node
        if isinstance(event, ScalarEvent):
            node = _scalar(event, line, column)
        elif isinstance(event, AliasEvent):
            node = Scalar(f"{TAG}null", "", line, column)
        elif isinstance(event, CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                deep = f"nesting deeper than {MAX_DEPTH} levels"
                raise DataError([_budget(path, line, column, deep)])
            mapping = isinstance(event, MappingStartEvent)
            tag = event.tag if event.tag not in (None, "!") else MAP if mapping else SEQ
            stack.append(_Open(mapping, tag, [], line, column))
            continue
        elif isinstance(event, CollectionEndEvent):
            node = stack.pop().close()
        else:
            documents += isinstance(event, DocumentStartEvent)
            if documents > 1:
                message = "a second YAML document begins here; expected one document"
                raise DataError([Problem(path, line, column, message)])
            continue
        nodes += 1
        if nodes > MAX_NODES:
            raise DataError([_budget(path, line, column, f"more than {MAX_NODES:,} values")])
        if stack:
            stack[-1].children.append(node)
        else:
            root = node
    if refused:
        raise DataError(refused[:MAX_PROBLEMS], truncated=max(0, len(refused) - MAX_PROBLEMS))
    return root


def _budget(path: str, line: int, column: int, what: str) -> Problem:
    message = f"{what}; expected a hand-written positions file (see 'Untrusted files' in README)"
    return Problem(path, line, column, message)


def _refusal(path: str, line: int, column: int, kind: str, name: str | None) -> Problem:
    message = f"{kind} '{name}' is not supported; expected every value written out in full"
    return Problem(path, line, column, message)


def _yaml_problem(path: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """PyYAML's complaint as a Problem at its place (the wording is PyYAML's own)."""
    mark = error.problem_mark or error.context_mark
    if mark is None:  # pragma: no cover - PyYAML marks every error it raises while parsing
        return Problem(path, 1, 1, f"{error}; expected valid YAML")
    problem = error.problem or "invalid YAML"
    lines = text.splitlines()
    at = lines[mark.line][mark.column : mark.column + 1] if mark.line < len(lines) else ""
    if "tab" in problem or at == "\t":
        message = "a tab is used for indentation; expected spaces (YAML forbids tabs there)"
    else:
        context = ""
        if error.context and error.context_mark is not None:
            where = error.context_mark
            context = f" ({error.context} at line {where.line + 1}, column {where.column + 1})"
        message = f"{problem}{context}; expected valid YAML"
    return Problem(path, mark.line + 1, mark.column + 1, message)
