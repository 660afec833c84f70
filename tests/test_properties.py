"""Property tests: whatever the input, the loader and every renderer behave.

The examples are fixed (see the profile in conftest.py), so CI runs the same ones every time.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from positions.comparison import compare
from positions.errors import DataError
from positions.loader import parse
from positions.model import Dataset, Firmness
from positions.render import Detail
from positions.render import csv as csv_render
from positions.render import html as html_render
from positions.render import json as json_render
from positions.render import markdown as markdown_render
from positions.render import table as table_render
from positions.results import Relation
from positions.text import blank, for_terminal, visible
from positions.textfile import decode

from .conftest import SHIPPED, generate

SHIPPED_LINES = SHIPPED.read_text().splitlines()
TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def loads_or_refuses(text: str) -> Dataset | None:
    """Parse, accepting only a model or the tool's own DataError as the outcome."""
    try:
        return parse(text, "fuzz.yaml")
    except DataError as error:
        problems = error.problems
    assert problems
    for problem in problems:
        assert problem.line >= 1
        assert problem.column >= 1
        assert "; expected " in problem.message
    return None


@given(st.text())
def test_arbitrary_text_never_crashes_the_loader(text: str) -> None:
    """Any text gives a model or a DataError with placed problems, never another exception."""
    loads_or_refuses(text)


@given(st.binary())
def test_arbitrary_bytes_never_crash_the_loader(data: bytes) -> None:
    """Any bytes: decoded, then loaded, with only DataError as a failure."""
    try:
        text = decode(data, "fuzz.yaml")
    except DataError:
        return
    loads_or_refuses(text)


_mutation = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 10_000)),
    st.tuples(st.just("duplicate"), st.integers(0, 10_000)),
    st.tuples(st.just("swap"), st.integers(0, 10_000), st.integers(0, 10_000)),
    st.tuples(st.just("indent"), st.integers(0, 10_000), st.integers(-4, 4)),
    st.tuples(st.just("insert"), st.integers(0, 10_000), st.integers(0, 200), st.text(max_size=3)),
)


@given(st.lists(_mutation, min_size=1, max_size=6))
def test_mutated_shipped_file_never_crashes_the_loader(mutations: list[tuple[Any, ...]]) -> None:
    """Lines deleted, duplicated, swapped, re-indented, characters inserted: model or DataError."""
    lines = list(SHIPPED_LINES)
    for kind, at, *rest in mutations:
        i = at % len(lines)
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = rest[0] % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "indent":
            shift = rest[0]
            lines[i] = " " * shift + lines[i] if shift > 0 else lines[i][-shift:]
        elif kind == "insert":
            column, chars = rest
            column %= len(lines[i]) + 1
            lines[i] = lines[i][:column] + chars + lines[i][column:]
    loads_or_refuses("\n".join(lines) + "\n")


# -- renderers -------------------------------------------------------------------------------

_YAML_PRINTABLE = re.compile("[\t\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r", "\x85": "\\N",
            "\u2028": "\\L", "\u2029": "\\P"}  # fmt: skip


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``value``."""
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _YAML_PRINTABLE.fullmatch(char):
            out.append(char)
        else:
            out.append(f"\\u{ord(char):04x}")
    return '"' + "".join(out) + '"'


def dataset(summary: str, quote: str) -> Dataset:
    """Two parties with one stance each, whose summary and quote are the given strings."""
    text = f"""schema: positions/1
title: Round trip
sources:
  s: {{title: A source}}
issues:
  i: {{name: Issue, question: Which?, outcomes: {{o: An outcome, p: Another}}}}
parties:
  a:
    name: A
    stances:
      i:
        summary: {yaml_string(summary)}
        accepts: [o]
        firmness: open
        evidence: [{{source: s, quote: {yaml_string(quote)}, attribution: stated}}]
  b:
    name: B
    stances:
      i:
        summary: {yaml_string(quote)}
        accepts: [o, p]
        firmness: firm
        evidence: [{{source: s, quote: {yaml_string(summary)}, attribution: reported}}]
"""
    return parse(text, "roundtrip.yaml")


_texts = st.text(st.characters(exclude_categories=["Cs"]), min_size=1).filter(
    lambda s: not blank(s)
)


class _Classes(HTMLParser):
    """Collects the text inside elements with a class of interest."""

    def __init__(self, *classes: str) -> None:
        super().__init__(convert_charrefs=True)
        self.wanted = set(classes)
        self.found: dict[str, list[str]] = {c: [] for c in classes}
        self.open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        cls = dict(attrs).get("class")
        self.open.append(cls if cls in self.wanted else None)
        if cls in self.wanted:
            self.found[cls].append("")

    def handle_endtag(self, tag: str) -> None:
        self.open.pop()

    def handle_data(self, data: str) -> None:
        inside = [c for c in self.open if c]
        if inside:
            self.found[inside[-1]][-1] += data


def _unguard(cell: str, original: str) -> bool:
    return cell == original or (
        cell == "'" + original and csv_render.formula_guarded(original) == cell
    )


@given(_texts, _texts)
def test_exporters_round_trip_any_text(summary: str, quote: str) -> None:
    """JSON gives back any summary and quote exactly; CSV and HTML too but for what they guard.

    CSV guards formulas and, as a terminal does, shows control and reordering characters as
    ``\\uXXXX`` (tabs and line breaks kept); HTML shows them so too.
    """
    ds = dataset(summary, quote)
    cmp = compare(ds, list(ds.parties.values()))

    rows = list(csv.DictReader(io.StringIO(csv_render.comparison(cmp), newline="")))
    assert _unguard(rows[0]["summary"], for_terminal(summary))
    assert _unguard(rows[0]["quote"], for_terminal(quote))
    assert _unguard(rows[1]["summary"], for_terminal(quote))

    data = json.loads(json_render.comparison(cmp))
    stance = data["issues"][0]["stances"]["a"]
    assert (stance["summary"], stance["evidence"][0]["quote"]) == (summary, quote)

    page = _Classes("summary", "quote")
    page.feed(html_render.comparison(cmp))
    # Each stance twice: folded in the table, and in the evidence that print shows.
    shown, quoted = visible(summary), visible(quote)
    assert page.found == {"summary": [shown, quoted] * 2, "quote": [quoted, shown] * 2}


@given(_texts, _texts)
def test_markdown_table_stays_well_formed(summary: str, quote: str) -> None:
    """Whatever the text, the Markdown table keeps one line per row and its five cells."""
    ds = dataset(summary, quote)
    text = markdown_render.comparison(compare(ds, list(ds.parties.values())))
    rows = [line for line in text.split("\n") if line.startswith("|")]
    assert len(rows) == 3  # the header, the separator and the one issue
    assert all(len(re.findall(r"(?<!\\)\|", row)) == 6 for row in rows)


@given(_texts, _texts)
def test_terminal_output_has_no_control_characters_from_data(summary: str, quote: str) -> None:
    """The terminal table never carries a control or reordering character from the data."""
    ds = dataset(summary, quote)
    text = table_render.render(compare(ds, list(ds.parties.values())), Detail.EVIDENCE)
    assert not TERMINAL_UNSAFE.search(text)


# -- analysis views --------------------------------------------------------------------------

_sizes = st.tuples(st.integers(2, 5), st.integers(1, 6), st.integers(0, 10_000))


@given(_sizes)
def test_agenda_orders_any_dataset_by_its_rules(size: tuple[int, int, int]) -> None:
    """For any generated dataset, the agenda is a permutation in the documented order.

    Every issue is on it once, but those no party has a position on, which are listed apart.
    """
    from positions.analysis import GROUPS, HARDNESS, RED_LINE_ALONE, agenda

    parties, issues, seed = size
    ds = parse(generate(parties, issues, 1, seed), "generated.yaml")
    cmp = compare(ds, list(ds.parties.values()))
    plan = agenda(cmp, ds.issues)
    items = plan.items
    assert [i.place for i in items] == list(range(1, len(items) + 1))
    listed = [i.row.issue.id for i in items] + [issue.id for issue in plan.unraised]
    assert sorted(listed) == sorted(ds.issues)
    assert all(any(s is not None for s in i.row.stances) for i in items)
    order = [group for group, _ in GROUPS]
    groups = [i.group for i in items]
    assert groups == sorted(groups, key=order.index)
    relations = {**dict(GROUPS), RED_LINE_ALONE: (Relation.UNKNOWN,)}
    assert all(i.row.relation in relations[i.group] for i in items)
    # A red line is never listed as if no one had a position.
    assert not any(
        s is not None and s.firmness is Firmness.RED_LINE
        for i in items
        if i.group == "no position recorded"
        for s in i.row.stances
    )
    hardness = [
        max(HARDNESS[s.firmness] for s in i.row.stances if s is not None)
        for i in items
        if i.group == "conflict"
    ]
    assert hardness == sorted(hardness)


@given(_sizes, st.integers(0, 10_000))
def test_diff_relations_match_the_comparisons(size: tuple[int, int, int], other: int) -> None:
    """diff(a, a) is empty; diff(a, b) lists exactly the pairwise relations that differ."""
    from positions.analysis import diff

    parties, issues, seed = size
    old = parse(generate(parties, issues, 1, seed), "old.yaml")
    new = parse(generate(parties, issues, 1, other), "new.yaml")
    same = diff(old, old)
    assert (same.stances, same.relations) == ((), ())
    changes = {(r.a, r.b, r.issue): (r.before, r.after) for r in diff(old, new).relations}
    ids = list(old.parties)
    for n, a in enumerate(ids):
        for b in ids[n + 1 :]:
            before = compare(old, [old.parties[a], old.parties[b]]).rows
            after = compare(new, [new.parties[a], new.parties[b]]).rows
            for r0, r1 in zip(before, after, strict=True):
                if r0.relation is r1.relation:
                    assert (a, b, r0.issue.id) not in changes
                else:
                    assert changes[(a, b, r0.issue.id)] == (r0.relation, r1.relation)
