"""The coder's workbench: quote's evidence verify accepts, init's dataset that validates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from positions.model import Attribution
from positions.quoting import suggest_attribution, suggest_speaker

from .conftest import MINIMAL, Run, arg, lines

ARTICLE = (
    "Talks on the border\n"
    "\n"
    "The North  says little. \u201cWe will keep the land \u2013 all of it,\u201d said the "
    "North\u2019s president.\n"
    "According to spokesperson Ana Berg, the land is not for sale. Analysts say the land "
    "matters.\n"
    "Observers note that the north wants the land.\n"
)

DATA = """\
schema: positions/2
title: Test
sources:
  001_north:
    title: An article
issues:
  land:
    name: Land
    question: Who holds it?
    outcomes:
      keep: The North keeps it
parties:
  north:
    name: North
    stances:
      land:
        summary: Keeps the land.
        accepts: [keep]
        firmness: open
        evidence:
"""


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A folder holding positions.yaml (no evidence yet) and sources/001_north.txt."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "001_north.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sources" / "002_south.txt").write_text("Nothing here.\n", encoding="utf-8")
    (tmp_path / "positions.yaml").write_text(DATA, encoding="utf-8")
    return tmp_path


def _paste(dataset: Path, entry: str) -> None:
    """The entry pasted under the stance's ``evidence:``, indented as the file needs."""
    indented = "".join(f"          {line}\n" for line in entry.splitlines())
    with (dataset / "positions.yaml").open("a", encoding="utf-8") as file:
        file.write(indented)


def test_quote_prints_an_entry_verify_accepts(
    run: Run, dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sentence found by id prefix, any case and typography, verbatim, verify accepts.

    The sentence is printed whole, with the speaker and attribution suggested, and a comment
    that it carries no firmness cue; pasted into the data file, verify and lint accept it. The
    sources/ folder beside the data file is the default.
    """
    monkeypatch.chdir(dataset)
    result = run("quote", "001", 'KEEP the land - all of it,"')
    assert (result.code, result.err) == (0, "")
    assert lines(result.out) == [
        "# 1 of 1: 001_north, line 3",
        "# attribution stated: words in quotation marks: check they are the party's",
        "#   own; speaker: check it is the person saying it",
        "# firmness: no cue in this sentence",
        "- source: 001_north",
        "  speaker: the North\u2019s president",
        '  quote: "\u201cWe will keep the land \u2013 all of it,\u201d said the North\u2019s'
        ' president."',
        "  attribution: stated",
    ]
    _paste(dataset, result.out)
    checked = run("verify", "--sources", "sources")
    assert (checked.code, checked.err) == (0, "")
    assert run("lint", "--sources", "sources").code == 0


def test_quote_numbers_every_match(run: Run, dataset: Path) -> None:
    """Each sentence holding the fragment is shown, numbered, each an entry of its own."""
    result = run("quote", "001_north", "the land", "--sources", str(dataset / "sources"))
    assert result.code == 0
    numbered = [line for line in lines(result.out) if line.startswith("# ") and " of 4" in line]
    assert numbered == [f"# {n} of 4: 001_north, line {line}" for n, line in
                        ((1, 3), (2, 4), (3, 4), (4, 5))]  # fmt: skip
    assert result.out.count("- source: 001_north") == 4


def test_quote_json(run: Run, dataset: Path) -> None:
    """--format json gives each sentence, its line, its suggestions and the YAML entry."""
    result = run("quote", "001", "not for sale", "--sources", str(dataset / "sources"),
                 "--format", "json")  # fmt: skip
    data = json.loads(result.out)
    assert data["schema"] == "positions-quote/1"
    [match] = data["matches"]
    assert {k: match[k] for k in ("line", "quote", "speaker", "attribution")} == {
        "line": 4,
        "quote": "According to spokesperson Ana Berg, the land is not for sale.",
        "speaker": "Ana Berg",
        "attribution": "reported",
    }


@pytest.mark.parametrize("columns", ["40", "120"])
def test_quote_fits_the_terminal(run: Run, dataset: Path, columns: str) -> None:
    """The entry is laid out for the width, and verify still accepts it."""
    result = run("quote", "001", "said the", "--sources", str(dataset / "sources"),
                 env={"COLUMNS": columns})  # fmt: skip
    assert max(len(line) for line in lines(result.out)) <= int(columns)
    _paste(dataset, result.out)
    assert run("verify", "--sources", str(dataset / "sources"), str(dataset / "positions.yaml")
               ).code == 0  # fmt: skip


def test_quote_errors(run: Run, dataset: Path) -> None:
    """Nothing found is exit 1, with the closest sentence; a bad source or folder is exit 2.

    A source that is no one's or ambiguous, or no folder of sources; each error is one line.
    """
    folder = str(dataset / "sources")
    missing = run("quote", "001", "the land is for rent", "--sources", folder)
    assert (missing.code, missing.out) == (1, "")
    assert missing.err == (
        "positions: 'the land is for rent' is in no sentence of 001_north; the closest: "
        '"According to spokesperson Ana Berg, the land is not for sale."\n'
    )
    ambiguous = run("quote", "00", "land", "--sources", folder)
    assert (ambiguous.code, ambiguous.err) == (2, "positions: '00' begins 2 sources; expected an "
                                               "id, or the beginning of one, of: 001_north, "
                                               "002_south\n")  # fmt: skip
    unknown = run("quote", "003", "land", "--sources", folder)
    assert (unknown.code, unknown.err) == (
        2,
        "positions: no source '003'; expected an id, or the beginning of one, of: 001_north, "
        "002_south\n",
    )
    no_folder = run("quote", "001", "land", "--data", str(dataset / "sources" / "x.yaml"))
    assert no_folder.code == 2
    assert no_folder.err.startswith("positions: no sources/ folder beside the data file")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("According to Kremlin spokesperson Dmitry Peskov, talks go on.", "Dmitry Peskov"),
        ("Foreign Minister Jane Doe said talks go on.", "Jane Doe"),
        ('"Talks go on," said the South\'s president.', "the South's president"),
        ("Moscow said talks go on.", None),
        ("The Kremlin told reporters that talks go on.", None),
        ("Talks go on.", None),
    ],
)
def test_speaker_heuristic(sentence: str, speaker: str | None) -> None:
    """A name or title beside said/says/told/according to; no single word, no one told."""
    assert suggest_speaker(sentence) == speaker


@pytest.mark.parametrize(
    ("sentence", "attribution"),
    [
        ('He called it "the reality on the ground".', Attribution.STATED),
        ("Kyiv also insists that it will not give up land.", Attribution.REPORTED),
        ("This implies that Moscow wants the land.", Attribution.INFERRED),
        ("The war goes on.", Attribution.INFERRED),
    ],
)
def test_attribution_heuristic(sentence: str, attribution: Attribution) -> None:
    """The codebook's §5: quotation marks, then inference cues, then report cues, else inferred."""
    assert suggest_attribution(sentence)[0] is attribution


def test_init_makes_a_dataset_that_validates(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Init makes a positions.yaml validate and lint accept, sources/ and its README.

    It prints what it made and the next steps.
    """
    monkeypatch.chdir(tmp_path)
    result = run("init", "new")
    assert (result.code, result.err) == (0, "")
    assert lines(result.out)[:3] == ["Created a dataset in new:", "  positions.yaml",
                                     "  sources/README.md"]  # fmt: skip
    assert "Next steps:" in result.out
    assert sorted(p.relative_to(tmp_path / "new").as_posix() for p in (tmp_path / "new").rglob("*")
                  ) == ["positions.yaml", "sources", "sources/README.md"]  # fmt: skip
    text = (tmp_path / "new" / "positions.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=")
    assert "schema: positions/3\n" in text
    monkeypatch.chdir(tmp_path / "new")
    checked = run("validate")
    assert (checked.code, checked.out) == (
        0,
        "positions.yaml: valid positions/3: 1 source, 1 issue, 1 party, 1 stance, 1 quote\n",
    )
    assert run("lint").code == 0


def test_init_never_writes_over_anything(run: Run, tmp_path: Path) -> None:
    """A folder holding anything, or a file in the way, is refused (exit 2); nothing changes."""
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "positions.yaml").write_text("mine")
    (tmp_path / "file").write_text("mine")
    full = run("init", str(tmp_path / "full"))
    assert full.code == 2
    assert full.err.endswith(
        ": not empty; expected a new or empty folder (nothing is written over)\n"
    )
    assert (tmp_path / "full" / "positions.yaml").read_text() == "mine"
    assert sorted(p.name for p in (tmp_path / "full").iterdir()) == ["positions.yaml"]
    blocked = run("init", str(tmp_path / "file"))
    assert (blocked.code, blocked.err) == (
        2,
        f"positions: {tmp_path / 'file'}: exists and is not a folder; expected a new or empty "
        "folder\n",
    )
    assert (tmp_path / "file").read_text() == "mine"
    (tmp_path / "empty").mkdir()
    assert run("init", str(tmp_path / "empty")).code == 0


def test_init_json(run: Run, tmp_path: Path) -> None:
    """--format json names the folder and the files made."""
    result = run("init", str(tmp_path / "j"), "--format", "json")
    assert json.loads(result.out) == {
        "schema": "positions-init/1",
        "folder": str(tmp_path / "j"),
        "files": ["positions.yaml", "sources/README.md"],
    }


def test_quote_suggests_firmness_stage_and_salience_in_comments(
    run: Run, dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cues a sentence carries, each with its level, as comments: never in a field.

    Pasted, the entry reads back as the sentence, and verify accepts it.
    """
    (dataset / "sources" / "003_cues.txt").write_text(
        "Foremost among the North\u2019s demands, any settlement must let it keep the land.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(dataset)
    result = run("quote", "003", "foremost")
    assert (result.code, result.err) == (0, "")
    assert lines(result.out) == [
        "# 1 of 1: 003_cues, line 1",
        '# attribution reported: the article reports it ("demands")',
        "# firmness cues: 'demands' (firm), 'must' (red-line)",
        "# stage cue: 'any settlement must' (settlement)",
        "# salience cue: 'foremost' (top)",
        "- source: 003_cues",
        '  quote: "Foremost among the North\u2019s demands, any settlement must let\\',
        '    \\ it keep the land."',
        "  attribution: reported",
    ]
    data = (dataset / "positions.yaml").read_text().replace("001_north:", "003_cues:")
    (dataset / "positions.yaml").write_text(data)
    _paste(dataset, result.out)
    assert run("verify", "--sources", "sources").code == 0


def test_quote_completes_source_ids_before_sources_is_given(tmp_path: Path) -> None:
    """The SOURCE of quote completes from the --sources folder, or else from the data file."""
    from click.shell_completion import ShellComplete

    from positions.cli import cli

    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "s9-from-folder.txt").write_text("A sentence.\n")
    completer = ShellComplete(cli, {}, "positions", "_POSITIONS_COMPLETE")
    listed = completer.get_completions(["quote", "--data", arg(MINIMAL)], "s")
    assert [i.value for i in listed] == ["s1"]
    given = ["quote", "--data", arg(MINIMAL), "--sources", str(folder)]
    assert [i.value for i in completer.get_completions(given, "s")] == ["s9-from-folder"]
