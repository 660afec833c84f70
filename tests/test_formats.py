"""The format registry: every format renders what it declares, and a new one needs no other edit."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

from positions import formats, output
from positions.agreement import agreement
from positions.analysis import agenda, diff, matrix, source_use
from positions.comparison import compare
from positions.coverage import coverage
from positions.formats import FORMATS, Format
from positions.lint import lint
from positions.listing import issue_detail, issue_list, party_list, summary
from positions.loader import load
from positions.negotiation import obstacles, trades
from positions.quoting import find_quotes
from positions.results import Created, Result, Summary
from positions.textfile import read_sources
from positions.verify import verify

from .conftest import DATA, MINIMAL, SOURCES, THREE


def samples() -> dict[type, Result]:
    """One result of every type, from the test data."""
    ds = load(THREE)
    cmp = compare(ds)
    results: list[Result] = [
        cmp,
        issue_list(ds),
        party_list(ds),
        issue_detail(ds, ds.issues["border"]),
        matrix(ds),
        agenda(cmp, ds.issues),
        obstacles(ds, list(ds.parties.values())),
        trades(ds, *list(ds.parties.values())[:2]),
        source_use(ds),
        diff(ds, load(MINIMAL)),
        summary(ds),
        verify(load(MINIMAL), read_sources(SOURCES, ["s1"])),
        lint(ds),
        coverage(load(MINIMAL), read_sources(SOURCES, ["s1"])),
        agreement(
            load(DATA / "agreement" / "coder-a.yaml"), load(DATA / "agreement" / "coder-b.yaml")
        ),
        find_quotes("s1", (SOURCES / "s1.txt").read_text(), "the land back"),
        Created("new", ("positions.yaml", "sources/README.md")),
    ]
    return {type(r): r for r in results}


@pytest.mark.parametrize("fmt", list(FORMATS.values()), ids=list(FORMATS))
def test_each_format_registers_what_it_declares(fmt: Format) -> None:
    """A format's renderer has an implementation for exactly the result types it declares."""
    renderer: Any = fmt.load()
    registered = set(renderer.registry) - {object}
    assert registered == set(fmt.renders)


@pytest.mark.parametrize(
    ("fmt", "kind"),
    [(f, k) for f in FORMATS.values() for k in sorted(f.renders, key=lambda k: k.__name__)],
    ids=lambda x: x.name if isinstance(x, Format) else x.__name__,
)
def test_every_registered_pair_renders(fmt: Format, kind: type) -> None:
    """Every (format, result type) pair renders a sample result to text."""
    assert fmt.render(samples()[kind]).strip()


def test_every_result_type_has_a_sample() -> None:
    """The samples above cover every result type any format declares."""
    declared = {k for f in FORMATS.values() for k in f.renders}
    assert declared == set(samples())


def test_choices_follow_what_formats_render() -> None:
    """A command's --format choices are the formats that render its result type."""
    from positions.results import Comparison, Diff, Matrix

    assert formats.choices(Comparison) == ["table", "json", "csv", "markdown", "html", "svg"]
    assert formats.choices(Matrix) == ["table", "json", "svg"]
    assert formats.choices(Diff) == ["table", "json"]


@functools.singledispatch
def toy_render(result: Result) -> str:
    """The toy format's renderer."""
    raise TypeError(type(result).__name__)


@toy_render.register
def _(s: Summary) -> str:
    return f"{s.stances}|{s.quotes}\n"


def test_a_toy_format_needs_no_edit_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new format joins the registry, the --format choices and the output edge from here.

    (A new result type joins ``results.Result`` too, so that mypy follows it to the edge.)
    """
    monkeypatch.setitem(FORMATS, "toy", FORMATS["json"])  # restored after the test
    toy = Format("toy", frozenset({Summary}), lambda: toy_render, (".toy",))
    formats.register(toy)
    assert formats.choices(Summary) == ["table", "json", "toy"]
    target = tmp_path / "out.toy"
    chosen = formats.for_output(None, str(target), Summary)
    output.emit(summary(load(THREE)), chosen, str(target))
    assert target.read_text() == "10|10\n"  # stances|quotes
    with pytest.raises(TypeError, match="does not render Summary"):
        FORMATS["csv"].render(summary(load(THREE)))
