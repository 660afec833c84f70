"""positions coverage: each sentence cited, set aside, an open candidate, or not looked at."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from positions.coverage import coverage
from positions.loader import parse
from positions.results import Reading
from positions.textfile import read_sources

from .conftest import Run

ARTICLE = (
    "North Daily\n"
    "North will keep the land. The weather was fine.\n"
    "South demands the land back, and the West supports it. Rain fell only if it was cold.\n"
    "Previous Article\n"
)
DATA = """schema: positions/2
title: Coverage
sources:
  s1:
    title: An article
    set_aside:
      - quote: Rain fell only if it was cold.
        reason: context only
issues:
  territory:
    name: Territory
    question: Who holds the land?
    outcomes:
      keep: The occupier keeps the land
parties:
  north:
    name: North
    stances:
      territory:
        summary: Wants to keep the land.
        accepts: [keep]
        firmness: open
        evidence:
          - source: s1
            quote: North will keep the land.
            attribution: reported
  south:
    name: South
    stances:
      territory:
        summary: Wants the land back.
        accepts: [keep]
        firmness: firm
        evidence:
          - source: s1
            quote: South demands the land back
            attribution: reported
  west:
    name: Western governments
    aliases: [the West]
    stances: {}
"""


def files(tmp_path: Path) -> tuple[Path, Path]:
    """The data file and the folder of its one article."""
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "s1.txt").write_text(ARTICLE)
    data = tmp_path / "data.yaml"
    data.write_text(DATA)
    return data, folder


def test_each_sentence_is_read_in_order(tmp_path: Path) -> None:
    """Lines and full stops split sentences; the uncovered part of a quoted sentence can be open."""
    data, folder = files(tmp_path)
    ds = parse(data.read_text(), "data.yaml")
    report = coverage(ds, read_sources(folder, ds.sources))
    got = [(s.text, s.reading, s.cited_by, s.reasons, s.parties, s.cues)
           for s in report.sources[0].sentences]  # fmt: skip
    assert got == [
        ("North Daily", Reading.CANDIDATE, (), (), ("north",), ()),
        ("North will keep the land.", Reading.CITED, ("north/territory",), (), (), ()),
        ("The weather was fine.", Reading.NOT_LOOKED_AT, (), (), (), ()),
        ("South demands the land back, and the West supports it.", Reading.CANDIDATE,
         ("south/territory",), (), ("west",), ("supports",)),
        ("Rain fell only if it was cold.", Reading.SET_ASIDE, (), ("context only",), (), ()),
        ("Previous Article", Reading.NOT_LOOKED_AT, (), (), (), ()),
    ]  # fmt: skip
    assert report.sources[0].sentences[3].rest == "and the West supports it."
    assert report.candidates == 2


def test_a_sentence_quoted_as_salience_or_doubt_is_cited(tmp_path: Path) -> None:
    """Salience and doubt quotes cite their sentences, as evidence does, each said as what it is."""
    _, folder = files(tmp_path)
    ranked = DATA.replace("schema: positions/2", "schema: positions/3").replace(
        """        firmness: firm
        evidence:""",
        """        firmness: firm
        salience:
          level: top
          source: s1
          quote: The weather was fine.
          attribution: reported
        doubts:
          - by: the writers
            source: s1
            quote: Rain fell only if it was cold.
        evidence:""",
    )
    ds = parse(ranked, "data.yaml")
    sentences = coverage(ds, read_sources(folder, ds.sources)).sources[0].sentences
    assert [(s.reading, s.cited_by) for s in sentences[2:5:2]] == [
        (Reading.CITED, ("south/territory (salience)",)),
        (Reading.CITED, ("south/territory (doubt)",)),
    ]


def test_the_command_lists_candidates_and_exits_1(tmp_path: Path, run: Run) -> None:
    """Counts first, then each open candidate with its parties and cues; exit 1 while any."""
    data, folder = files(tmp_path)
    result = run("coverage", "--sources", str(folder), str(data))
    assert result.code == 1
    out = result.out
    assert "  6 sentences: 1 cited, 1 set aside, 2 open candidates, 2 not looked at\n" in out
    assert "  4. candidate  South demands the land back, and the West supports it.\n" in out
    assert "     open: and the West supports it.; parties: west; cues: supports\n" in out
    assert "The weather was fine." not in out


def test_all_and_json(tmp_path: Path, run: Run) -> None:
    """--all shows every sentence; JSON gives each sentence's reading and the count."""
    data, folder = files(tmp_path)
    every = run("coverage", "--sources", str(folder), "--all", str(data)).out
    assert "  3. not looked at  The weather was fine.\n" in every
    assert "     set aside: context only\n" in every
    found = json.loads(run("coverage", "--sources", str(folder), "--format", "json", str(data)).out)
    assert found["candidates"] == 2
    readings = [s["reading"] for s in found["sources"][0]["sentences"]]
    assert readings == ["candidate", "cited", "not looked at", "candidate", "set aside",
                        "not looked at"]  # fmt: skip


def test_no_open_candidate_exits_0(tmp_path: Path, run: Run) -> None:
    """With every candidate cited or set aside, coverage says so and exits 0."""
    data, folder = files(tmp_path)
    text = data.read_text().replace(
        "        reason: context only\n",
        "        reason: context only\n      - quote: North Daily\n        reason: the masthead\n"
        "      - quote: and the West supports it.\n        reason: a forecast, not a position\n",
    )
    data.write_text(text)
    result = run("coverage", "--sources", str(folder), str(data))
    assert (result.code, result.out.splitlines()[-2]) == (0, "No open candidate.")


def test_a_missing_source_is_reported(tmp_path: Path, run: Run) -> None:
    """A source whose text is missing is listed as not read, and the command exits 1."""
    data, folder = files(tmp_path)
    data.write_text(DATA.replace("sources:\n", "sources:\n  s0:\n    title: Gone\n", 1))
    result = run("coverage", "--sources", str(folder), str(data))
    assert result.code == 1
    assert "s0\n  not read:" in result.out


def test_the_view_fits_40_and_120_columns(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 40 and 120 columns every line of the view, --all too, fits the terminal."""
    files(tmp_path)
    monkeypatch.chdir(tmp_path)
    for width in (40, 120):
        for every in ((), ("--all",)):
            out = run(
                "coverage", "--sources", "sources", *every, "data.yaml",
                env={"COLUMNS": str(width)},
            ).out  # fmt: skip
            assert "South demands the land back" in " ".join(out.split())
            assert max(len(line) for line in out.splitlines()) <= width


def test_a_sentence_quoted_for_salience_or_a_doubt_is_cited(tmp_path: Path) -> None:
    """A positions/3 stance's salience and doubt quotes cite their sentences, by that stance.

    Each says which it is: "(salience)", "(doubt)".
    """
    _, folder = files(tmp_path)
    text = DATA.replace("schema: positions/2", "schema: positions/3").replace(
        "        firmness: firm\n",
        "        firmness: firm\n"
        "        salience: {level: high, source: s1, quote: North Daily, attribution: reported}\n"
        "        doubts: [{by: the writers, source: s1, quote: and the West supports it}]\n",
    )
    ds = parse(text, "data.yaml")
    report = coverage(ds, read_sources(folder, ds.sources))
    got = [(s.text, s.reading, s.cited_by) for s in report.sources[0].sentences]
    assert got[0] == ("North Daily", Reading.CITED, ("south/territory (salience)",))
    assert got[3] == (
        "South demands the land back, and the West supports it.",
        Reading.CITED,
        ("south/territory", "south/territory (doubt)"),
    )
    assert report.candidates == 0
