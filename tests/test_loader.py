"""The strict loader: what it builds from valid files and what it refuses, at which place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from positions.errors import DataError, FileError
from positions.loader import MAX_PROBLEMS, load, parse
from positions.model import Attribution, Firmness

from .conftest import INVALID, MINIMAL, THREE, VALID

EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.*)$", re.MULTILINE)


def expected(path: Path) -> list[tuple[int, int, str]]:
    """The problems an invalid file declares in its ``# expect:`` comments."""
    return [(int(m[1]), int(m[2]), m[3]) for m in EXPECT.finditer(path.read_text())]


def problems(path: Path) -> list[tuple[int, int, str]]:
    """The problems the loader reports for ``path``."""
    with pytest.raises(DataError) as info:
        load(path)
    assert all(p.path == str(path) for p in info.value.problems)
    return [(p.line, p.column, p.message) for p in info.value.problems]


@pytest.mark.parametrize("path", sorted(INVALID.glob("*.yaml")), ids=lambda p: p.stem)
def test_invalid_file_reports_exact_problems(path: Path) -> None:
    """Each invalid file is refused with exactly the problems, lines and columns it declares."""
    assert expected(path), f"{path.name} declares no expected problem"
    assert problems(path) == expected(path)


@pytest.mark.parametrize("path", sorted(VALID.glob("*.yaml")), ids=lambda p: p.stem)
def test_valid_file_loads(path: Path) -> None:
    """Each valid example loads without a problem."""
    assert load(path).parties


def test_minimal_file_builds_the_model() -> None:
    """The model holds every field as written, with the place of each stance and quote."""
    ds = load(MINIMAL)
    assert ds.title == "Minimal example"
    assert list(ds.issues["territory"].outcomes) == ["keep", "return"]
    north = ds.parties["north"]
    assert north.aliases == ("n", "Northland")
    stance = north.stances["territory"]
    assert stance.accepts == ("keep",)
    assert stance.rejects == ("return",)
    assert stance.firmness is Firmness.RED_LINE
    (evidence,) = stance.evidence
    assert evidence.attribution is Attribution.STATED
    assert evidence.speaker is None
    assert evidence.location is not None
    assert (evidence.location.line, evidence.location.column) == (25, 13)
    south = ds.parties["south"].stances["territory"]
    assert south.rejects == ()
    assert south.evidence[0].speaker == "The South's president"


def test_unquoted_date_is_kept_as_written() -> None:
    """``published: 2024-02-01`` is a date where a date belongs, kept as its text."""
    source = load(THREE).sources["s1"]
    assert (source.published, source.outlet, source.url) == (
        "2024-02-01",
        "The Daily Example",
        "https://example.org/article",
    )


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark, as some editors write, does not stop the file loading."""
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.read_bytes())
    assert load(path).title == "Minimal example"


def test_invalid_utf8_points_at_the_byte(tmp_path: Path) -> None:
    """A byte that is not UTF-8 is reported at its line and column."""
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"schema: positions/1\ntitle: Caf\xe9\n")
    with pytest.raises(DataError) as info:
        load(path)
    assert (
        str(info.value)
        == f"{path}:2:11: byte 0xe9 is not valid UTF-8; expected a file saved as UTF-8"
    )


def test_problems_are_capped(tmp_path: Path) -> None:
    """A file with very many problems reports the first MAX_PROBLEMS and counts the rest."""
    stances = "".join(
        f"  p{i}:\n    name: P{i}\n    stances: {{t: {{summary: s, accepts: [o], firmness: no, "
        f"evidence: [{{source: s, quote: q, attribution: stated}}]}}}}\n"
        for i in range(MAX_PROBLEMS + 7)
    )
    text = (
        "schema: positions/1\ntitle: t\nsources: {s: {title: s}}\n"
        "issues: {t: {name: t, question: q, outcomes: {o: o}}}\nparties:\n" + stances
    )
    with pytest.raises(DataError) as info:
        parse(text, "many.yaml")
    assert len(info.value.problems) == MAX_PROBLEMS
    assert info.value.lines()[-1] == "... and 7 more problems not shown"
    assert info.value.problems[0].message == (
        "firmness of stance of 'p0' on 't' is 'no', which YAML reads as a boolean; "
        "expected one of red-line, firm, open"
    )


def test_billion_laughs_is_refused_quickly() -> None:
    """Nested aliases are refused at the first anchor, before anything could expand."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 30)]
    with pytest.raises(DataError) as info:
        parse("\n".join(lines), "laughs.yaml")
    first = info.value.problems[0]
    assert (first.line, first.column) == (1, 5)
    assert first.message == "anchor 'a0' is not supported; expected every value written out in full"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.yaml", "no such file; expected a positions YAML file"),
        (".", "is a folder; expected a positions YAML file"),
    ],
)
def test_unreadable_path_is_a_file_error(tmp_path: Path, name: str, message: str) -> None:
    """A path that does not exist or is a folder gives a FileError naming the path."""
    path = tmp_path / name
    with pytest.raises(FileError) as info:
        load(path)
    assert str(info.value) == f"{path}: {message}"


def test_loader_uses_the_c_parser_when_pyyaml_has_it() -> None:
    """Where PyYAML was built with libyaml, the loader parses with it (the fast path)."""
    import yaml

    from positions import yamltree

    if yaml.__with_libyaml__:
        assert yamltree._LOADER is yaml.CSafeLoader


def test_empty_mapping_value_suggests_braces() -> None:
    """A party whose ``stances:`` is left empty is told how to write none."""
    text = "schema: positions/1\ntitle: t\nsources: {}\nissues: {}\nparties:\n  a:\n    name: A\n"
    with pytest.raises(DataError) as info:
        parse(text + "    stances:\n", "empty.yaml")
    assert str(info.value) == (
        "empty.yaml:8:13: stances of party 'a' is empty; expected a mapping (write {} for none)"
    )
    assert parse(text + "    stances: {}\n", "braces.yaml").parties["a"].stances == {}
