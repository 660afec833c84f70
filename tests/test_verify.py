"""Quote verification: folding, the places of missing quotes, and source ids kept inside DIR."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from positions.errors import FileError
from positions.loader import load, parse
from positions.model import Dataset
from positions.textfile import read_sources, source_path
from positions.verify import Finder, Missing, cited, fold
from positions.verify import check as check_texts

from .conftest import FORMAT_3, MINIMAL, SOURCES


def test_fold_typographic_quotes_dashes_and_space() -> None:
    """Typographic quotes, apostrophes and dashes fold to ASCII; white space runs to one space."""
    assert fold("“Don’t” –\n  he said — ‘no’") == "\"Don't\" - he said - 'no'"


def check(dataset: Dataset, folder: Path) -> tuple[int, list[Missing]]:
    """Verify's check of ``dataset``, on the texts its command reads from ``folder``."""
    return check_texts(dataset, read_sources(folder, cited(dataset)))


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    """Folding folded text changes nothing."""
    assert fold(fold(text)) == fold(text)


def test_every_quote_found() -> None:
    """Quotes that differ from the source only in what is folded are found."""
    assert check(load(MINIMAL), SOURCES) == (2, [])


def test_missing_quote_is_listed_with_its_place(tmp_path: Path) -> None:
    """A quote not in its source is reported at its place in the YAML file."""
    text = MINIMAL.read_text().replace("North will keep the land.", "North will give up.")
    ds = parse(text, "edited.yaml")
    checked, missing = check(ds, SOURCES)
    assert checked == 2
    assert [str(m) for m in missing] == [
        "edited.yaml:25:13: north/territory: quote not found in source 's1': "
        '"North will give up."'
    ]


@pytest.mark.parametrize("source_id", ["../secret", "a/b", "..", "/etc/passwd", "x\\..\\y"])
def test_source_ids_cannot_escape_the_folder(tmp_path: Path, source_id: str) -> None:
    """A source id that would lead outside DIR is refused."""
    assert source_path(tmp_path, source_id) is None


def test_escaping_source_is_reported_once_and_not_read(tmp_path: Path) -> None:
    """A source id with a path in it is refused once, with its quotes counted, and not read."""
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "s2.txt").write_text(
        '"South wants the land back - now," said the South\'s president.'
    )
    (tmp_path / "secret.txt").write_text("North will keep the land.")
    text = MINIMAL.read_text().replace(
        "s1:\n    title: An article",
        "s1:\n    title: An article\n  '../secret':\n    title: Secret\n  s2:\n    title: Another",
    )
    text = text.replace(
        "          - source: s1\n            quote: North",
        "          - source: ../secret\n            quote: North",
    )
    text = text.replace("          - source: s1\n", "          - source: s2\n")
    _, missing = check(parse(text, "escape.yaml"), folder)
    assert [(m.what, m.reason) for m in missing] == [
        ("../secret", f"source id '../secret' would lead outside {folder}; refused; "
         "its 1 quotes not checked"),
    ]  # fmt: skip


def test_missing_source_file_is_reported_once(tmp_path: Path) -> None:
    """A folder holding none of the sources is one error, not one line per quote."""
    with pytest.raises(FileError) as info:
        check(load(MINIMAL), tmp_path)
    assert str(info.value) == (
        f"{tmp_path}: none of the 1 cited sources is there; "
        "expected the folder that holds <source id>.txt for each"
    )


_WORDS = st.sampled_from(["peace", "talks", "must", "troops", "border", "x"])


@given(
    st.lists(_WORDS, min_size=1, max_size=60),
    st.integers(0, 59),
    st.integers(1, 12),
    st.integers(0, 3),
    st.sampled_from(["word", "mid-word", "absent"]),
)
def test_finder_finds_what_str_find_finds(
    words: list[str], at: int, length: int, cut: int, how: str
) -> None:
    """The quote finder finds a quote wherever ``in`` does, and only there, on texts of few words.

    Quotes start at a word, in the middle of one, or are nowhere in the text.
    """
    text = " ".join(words)
    start = min(at, len(words) - 1)
    quote = " ".join(words[start : start + length])
    if how == "mid-word":
        quote = quote[min(cut, len(quote) - 1) :]
    elif how == "absent":
        quote += " nowhere"
    found = Finder(text).find(quote)
    assert (found >= 0) == (quote in text)
    if found >= 0:
        assert text.startswith(quote, found)


def test_a_sentence_set_aside_is_checked_as_a_quote() -> None:
    """A sentence set aside is looked up like evidence and, if missing, listed as "set aside"."""
    text = MINIMAL.read_text().replace(
        "    title: An article\n",
        "    title: An article\n    set_aside:\n      - quote: Today North will\n"
        "        reason: context only\n      - quote: Tomorrow\n        reason: context only\n",
    )
    checked, missing = check(parse(text.replace("positions/1", "positions/2"), "a.yaml"), SOURCES)
    assert checked == 4
    assert [str(m) for m in missing] == [
        "a.yaml:10:9: set aside: quote not found in source 's1': \"Tomorrow\""
    ]


ARTICLE_3 = (
    "Foremost among Russia’s demands are guarantees. Russia demands guarantees before talks. "
    "Ukraine and its partners want guarantees. Analysts doubt Ukraine means it. "
    "Ukraine wants to join NATO."
)


def test_salience_and_doubt_quotes_are_checked_as_evidence(tmp_path: Path) -> None:
    """Their quotes are looked up like evidence; a joint statement's copy is not checked again."""
    (tmp_path / "s1.txt").write_text(ARTICLE_3)
    assert check(load(FORMAT_3), tmp_path) == (5, [])
    text = FORMAT_3.read_text().replace("Foremost among", "First among")
    text = text.replace("Analysts doubt Ukraine", "Analysts doubt Kyiv")
    checked, missing = check(parse(text, "a.yaml"), tmp_path)
    assert checked == 5
    assert [str(m) for m in missing] == [
        "a.yaml:50:11: russia/security (salience): quote not found in source 's1': "
        '"First among Russia\'s demands are guarantees."',
        "a.yaml:71:13: ukraine/security (doubt): quote not found in source 's1': "
        '"Analysts doubt Kyiv means it."',
    ]


def test_verify_names_the_sources_salience_and_doubts_cite(tmp_path: Path) -> None:
    """A source quoted only by a salience or a doubt is among those verify reads."""
    text = FORMAT_3.read_text().replace(
        "    url: https://example.org/a\n",
        "    url: https://example.org/a\n  s2:\n    title: Another\n  s3:\n    title: A third\n",
    )
    text = text.replace(
        "          source: s1\n          quote: Foremost",
        "          source: s2\n          quote: Foremost",
    )
    text = text.replace(
        "            source: s1\n            quote: Analysts",
        "            source: s3\n            quote: Analysts",
    )
    assert cited(parse(text, "a.yaml")) == ["s1", "s2", "s3"]
