"""Check a tree of YAML nodes against records of fields, collecting every problem with its place.

Generic: nothing here knows the positions format beyond the field table's kinds. A value of the
wrong kind, a key given twice, an unknown or missing key, a field newer than the file's version,
and YAML 1.1's coercions where text belongs (``no`` read as a boolean, ``1.10`` as a number) are
each a Problem at the node, worded ``what is wrong; what was expected``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from positions.errors import Problem
from positions.fields import Field, Kind, Record, newer_or_same
from positions.model import Location
from positions.text import blank, closest
from positions.yamltree import MAP, MAX_PROBLEMS, SEQ, STR, TAG, Mapping, Node, Scalar, Sequence

_ID = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")
_TYPE_NAMES = {
    f"{TAG}bool": "a boolean",
    f"{TAG}int": "a number",
    f"{TAG}float": "a number",
    f"{TAG}null": "null",
    f"{TAG}timestamp": "a date",
}
_PLAIN_TAGS = {STR, MAP, SEQ}


def found(node: Node) -> str:
    """What was found instead, as words that follow the name of the field."""
    tag = node.tag
    if tag.startswith("!") or (tag not in _TYPE_NAMES and tag not in _PLAIN_TAGS):
        return f"has the tag {tag.replace(TAG, '!!')}, which is not allowed"
    if isinstance(node, Mapping):
        return "is a mapping"
    if isinstance(node, Sequence):
        return "is a list"
    if tag == f"{TAG}null" and not node.value:
        return "is empty"
    if tag not in _TYPE_NAMES:
        return f"is the text '{node.value}'"
    return f"is '{node.value}', which YAML reads as {_TYPE_NAMES[tag]}"


def one_of(choices: list[str], shown: int = 20) -> str:
    """``a, b, c``: the choices to list in a message, at most ``shown`` of them."""
    if not choices:
        return "(none defined)"
    more = f" and {len(choices) - shown} more" if len(choices) > shown else ""
    return ", ".join(choices[:shown]) + more


def is_date(value: str) -> bool:
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


class Checker:
    """Collects the problems of one file (at most MAX_PROBLEMS kept, the rest counted)."""

    def __init__(self, path: str, version: str) -> None:
        self.path = path
        self.version = version
        self.problems: list[Problem] = []
        self.overflow = 0

    @property
    def full(self) -> bool:
        """Whether as many problems are kept as will be shown."""
        return len(self.problems) >= MAX_PROBLEMS

    def problem(
        self, node: Node, message: str, *, suggest: tuple[str, list[str]] | None = None
    ) -> None:
        """Record a problem at ``node``, with "did you mean" for ``suggest``.

        The suggestion, a look-up among many names, is made only for the problems that are
        kept: a file of a million misspelt names must not cost a million look-ups.
        """
        if self.full:
            self.overflow += 1
            return
        if suggest is not None:
            close = closest(*suggest)
            if close is not None:
                message += f" (did you mean '{close}'?)"
        self.problems.append(Problem(self.path, node.line, node.column, message))

    def allows(self, node: Node, what: str, since: str, *, instead: str = "") -> bool:
        """Whether the file's version has what ``since`` added; if not, a problem at ``node``.

        ``instead`` is what the file's own version expects there, if anything.
        """
        if newer_or_same(self.version, since):
            return True
        top = f"'schema: {since}' at the top of the file"
        expected = f"{instead}, or {top}" if instead else f"{top} to use it"
        self.problem(node, f"{what} needs schema {since}; expected {expected}")
        return False

    def where(self, node: Node) -> Location:
        """The location of ``node`` in the file."""
        return Location(self.path, node.line, node.column)

    # -- shapes -----------------------------------------------------------------------------

    def pairs(self, node: Node | None, what: str) -> Iterator[tuple[str, Scalar, Node]]:
        """Yield the (key, key node, value node) of a mapping, refusing bad and duplicate keys."""
        if node is None:
            return
        if not isinstance(node, Mapping) or node.tag != MAP:
            empty = isinstance(node, Scalar) and not node.value and node.tag != STR
            hint = " (write {} for none)" if empty else ""
            self.problem(node, f"{what} {found(node)}; expected a mapping{hint}")
            return
        seen: dict[str, Scalar] = {}
        for key_node, value_node in node.pairs:
            if not isinstance(key_node, Scalar) or key_node.tag != STR:
                message = f"a key in {what} {found(key_node)}; expected text (put it in quotes)"
                self.problem(key_node, message)
                continue
            key = key_node.value
            if key in seen:
                first = seen[key].line
                message = (
                    f"duplicate key '{key}' in {what} (first at line {first}); "
                    f"expected each key once"
                )
                self.problem(key_node, message)
                continue
            seen[key] = key_node
            yield key, key_node, value_node

    def record(self, node: Node, record: Record, what: str) -> dict[str, Node] | None:
        """The values of a mapping with ``record``'s keys: unknown, missing and new keys refused."""
        if not isinstance(node, Mapping) or node.tag != MAP:
            self.problem(node, f"{what} {found(node)}; expected a mapping")
            return None
        every = [f.name for f in record.fields]
        names = [f.name for f in record.fields if newer_or_same(self.version, f.since)]
        values: dict[str, Node] = {}
        meant: set[str] = set()
        for key, key_node, value_node in self.pairs(node, what):
            if key not in every:
                if self.full:  # not shown, so not worth a look-up
                    self.overflow += 1
                    continue
                close = closest(key, names)
                hint = f" (did you mean '{close}'?)" if close else ""
                if close:
                    meant.add(close)  # reported as misspelt, so not also as missing
                message = f"unknown key '{key}' in {what}; expected one of {one_of(names)}{hint}"
                self.problem(key_node, message)
                continue
            if not self.allows(key_node, f"'{key}' in {what}", record.field(key).since):
                continue
            values[key] = value_node
        required = [f.name for f in record.fields if f.required]
        missing = [k for k in required if k not in values and k not in meant]
        if missing:
            keys = ", ".join(f"'{k}'" for k in missing)
            plural = "s" if len(missing) > 1 else ""
            message = f"missing key{plural} {keys} in {what}; expected {one_of(required)}"
            self.problem(node, message)
        return values

    def text(self, node: Node | None, what: str) -> str | None:
        """A non-empty text value, refusing anything YAML would read as another type."""
        if node is None:
            return None
        if not isinstance(node, Scalar) or node.tag != STR:
            quote = " (put it in quotes)" if isinstance(node, Scalar) and node.value else ""
            self.problem(node, f"{what} {found(node)}; expected text{quote}")
            return None
        if blank(node.value):
            self.problem(node, f"{what} is empty; expected text")
            return None
        return node.value

    def choice(
        self, node: Node | None, what: str, choices: list[str], *, suggest: bool = True
    ) -> str | None:
        """A text value that must be one of ``choices`` (with "did you mean", if ``suggest``)."""
        if node is None:
            return None
        if not isinstance(node, Scalar) or node.tag != STR:
            self.problem(node, f"{what} {found(node)}; expected one of {one_of(choices)}")
            return None
        if node.value not in choices:
            message = f"{what} is '{node.value}'; expected one of {one_of(choices)}"
            self.problem(node, message, suggest=(node.value, choices) if suggest else None)
            return None
        return node.value

    def items(self, node: Node | None, what: str) -> tuple[Node, ...]:
        """The items of a list."""
        if node is None:
            return ()
        if not isinstance(node, Sequence) or node.tag != SEQ:
            self.problem(node, f"{what} {found(node)}; expected a list")
            return ()
        return node.items

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

    def date(self, node: Node | None, what: str) -> str | None:
        """A date as YYYY, YYYY-MM or YYYY-MM-DD, quoted or not: its text is kept as written."""
        if node is None:
            return None
        if isinstance(node, Scalar) and node.tag in (f"{TAG}timestamp", f"{TAG}int"):
            value: str | None = node.value
        else:
            value = self.text(node, what)
        if value is not None and not is_date(value):
            self.problem(node, f"{what} is '{value}'; expected a real date as YYYY-MM-DD")
            return None
        return value

    def url(self, node: Node | None, what: str) -> str | None:
        """An http(s):// address."""
        value = self.text(node, what)
        if node is not None and value is not None and not value.startswith(("https://", "http://")):
            self.problem(node, f"{what} is '{value}'; expected an http(s):// address")
            return None
        return value

    def texts(self, node: Node | None, what: str) -> list[tuple[str, Node]]:
        """A list of texts, each with its node."""
        out = []
        for item in self.items(node, what):
            value = self.text(item, f"an item of {what}")
            if value is not None:
                out.append((value, item))
        return out

    def ids(self, node: Node | None, what: str) -> list[tuple[str, Node]]:
        """A list of ids, each once (the schema's ``uniqueItems``), each with its node.

        An id listed again is a problem at the repeat, which is left out.
        """
        seen: dict[str, Node] = {}
        for value, item in self.texts(node, what):
            if value in seen:
                message = (
                    f"'{value}' is listed twice in {what} (first at line {seen[value].line}); "
                    f"expected each once"
                )
                self.problem(item, message)
                continue
            seen[value] = item
        return list(seen.items())

    def choices(self, node: Node | None, what: str, choices: list[str]) -> list[str]:
        """A non-empty list of ``choices``, each once, "did you mean" for one not among them."""
        if isinstance(node, Sequence) and node.tag == SEQ and not node.items:
            self.problem(node, f"{what} is empty; expected at least one of {one_of(choices)}")
        out = []
        for value, item in self.ids(node, what):
            if value in choices:
                out.append(value)
            else:
                message = f"{what} names '{value}'; expected one of {one_of(choices)}"
                self.problem(item, message, suggest=(value, choices))
        return out

    def option(self, field: Field, node: Node | None, what: str) -> str | None:
        """One of a field's choices that the file's version has (``Field.newer``)."""
        if not field.newer:
            return self.choice(node, what, list(field.choices))
        allowed = [c for c in field.choices if newer_or_same(self.version, field.since_of(c))]
        value = node.value if isinstance(node, Scalar) and node.tag == STR else None
        if (
            node is not None
            and value is not None
            and value not in allowed
            and value in field.choices
        ):
            since = field.since_of(value)
            instead = f"one of {one_of(allowed)}"
            self.allows(node, f"'{value}' as {what}", since, instead=instead)
            return None
        return self.choice(node, what, allowed)

    def leaf(self, field: Field, node: Node | None, what: str) -> str | None:
        """The value of a field of a single-value kind (text, date, url, choice, id)."""
        if field.kind is Kind.DATE:
            return self.date(node, what)
        if field.kind is Kind.URL:
            return self.url(node, what)
        if field.kind is Kind.CHOICE:
            return self.option(field, node, what)
        return self.text(node, what)
