"""Quote verification: folding, the places of missing quotes, and source ids kept inside DIR."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from positions.loader import load, parse
from positions.verify import fold, source_path, verify

from .conftest import MINIMAL, SOURCES


def test_fold_typographic_quotes_dashes_and_space() -> None:
    """Typographic quotes, apostrophes and dashes fold to ASCII; white space runs to one space."""
    assert fold("“Don’t” –\n  he said — ‘no’") == "\"Don't\" - he said - 'no'"


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    """Folding folded text changes nothing."""
    assert fold(fold(text)) == fold(text)


def test_every_quote_found() -> None:
    """Quotes that differ from the source only in what is folded are found."""
    assert verify(load(MINIMAL), SOURCES) == (2, [])


def test_missing_quote_is_listed_with_its_place(tmp_path: Path) -> None:
    """A quote not in its source is reported at its place in the YAML file."""
    text = MINIMAL.read_text().replace("North will keep the land.", "North will give up.")
    ds = parse(text, "edited.yaml")
    checked, missing = verify(ds, SOURCES)
    assert checked == 2
    assert [str(m) for m in missing] == [
        "edited.yaml:25:13: north/territory: quote not found in source 's1': "
        '"North will give up."'
    ]


@pytest.mark.parametrize("source_id", ["../secret", "a/b", "..", "/etc/passwd", "x\\..\\y"])
def test_source_ids_cannot_escape_the_folder(tmp_path: Path, source_id: str) -> None:
    """A source id that would lead outside DIR is refused."""
    assert source_path(tmp_path, source_id) is None


def test_escaping_source_is_reported_not_read(tmp_path: Path) -> None:
    """Verify refuses a source id with a path in it and says so for each of its quotes."""
    folder = tmp_path / "sources"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("North will keep the land.")
    text = MINIMAL.read_text().replace("s1", '"../secret"')
    _, missing = verify(parse(text, "escape.yaml"), folder)
    assert [m.reason for m in missing] == [
        f"source id '../secret' would lead outside {folder}; refused"
    ] * 2


def test_missing_source_file_is_reported(tmp_path: Path) -> None:
    """A source without its text file is reported for each quote that cites it."""
    _, missing = verify(load(MINIMAL), tmp_path)
    assert [m.reason for m in missing] == [f"no file {tmp_path / 's1.txt'} for source 's1'"] * 2
