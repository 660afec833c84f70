"""positions upgrade: an older file as positions/3, with only its schema line changed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.shell_completion import ShellComplete

from positions.cli import cli
from positions.errors import DataError
from positions.loader import load, parse
from positions.upgrade import upgrade

from .conftest import FORMAT_2, FORMAT_3, MINIMAL, Run, arg

# A positions/2 file written as people write them: comments everywhere, a quoted schema with a
# comment after it, flow and block style, odd spacing, an accent, and CR LF line ends.
WRITTEN = (
    "\ufeff# Coded by hand — keep this comment.\r\n"
    "schema:   'positions/2'   # the format\r\n"
    "title:    Hand written   \r\n"
    "sources: {s1: {title: Café}}\r\n"
    "\r\n"
    "issues:\r\n"
    "  land:   # the quarrel\r\n"
    "    name: Land\r\n"
    "    question: Who holds it?\r\n"
    "    outcomes: {keep: Kept, give: Given}\r\n"
    "parties:\r\n"
    "  north:\r\n"
    "    name: North\r\n"
    "    stances:\r\n"
    "      land:\r\n"
    "        summary: Keeps it.\r\n"
    "        accepts: [keep]\r\n"
    "        firmness: firm\r\n"
    "        evidence: [{source: s1, quote: North keeps it., attribution: stated}]\r\n"
    "# the end, no line break after it"
)


def test_only_the_schema_line_changes(run: Run, tmp_path: Path) -> None:
    """Every byte but the version stays: comments, quoting, spacing, CR LF, a byte-order mark."""
    source = tmp_path / "hand.yaml"
    source.write_bytes(WRITTEN.encode())
    result = run("upgrade", str(source), "-o", str(tmp_path / "out.yaml"))
    assert (result.code, result.out, result.err) == (
        0,
        "",
        f"positions: wrote {tmp_path / 'out.yaml'} (positions/3)\n",
    )
    expected = WRITTEN.replace("'positions/2'", "'positions/3'").encode()
    assert (tmp_path / "out.yaml").read_bytes() == expected
    assert source.read_bytes() == WRITTEN.encode()


@pytest.mark.parametrize("path", [MINIMAL, FORMAT_2], ids=["positions-1", "positions-2"])
def test_the_upgraded_file_validates_and_means_the_same(
    run: Run, tmp_path: Path, path: Path
) -> None:
    """The upgrade of a positions/1 or /2 file is valid positions/3, with the same model."""
    result = run("upgrade", arg(path))
    assert (result.code, result.err) == (0, "")
    old = path.read_text()
    version = "positions/1" if path == MINIMAL else "positions/2"
    assert result.out == old.replace(f"schema: {version}\n", "schema: positions/3\n", 1)
    upgraded = tmp_path / "upgraded.yaml"
    upgraded.write_text(result.out)
    checked = run("validate", str(upgraded))
    assert checked.out.startswith(f"{upgraded}: valid positions/3: ")
    assert load(upgraded) == load(path)._replace(schema="positions/3", path=str(upgraded))


def test_in_place_replaces_the_file_whole(run: Run, tmp_path: Path) -> None:
    """--in-place writes over FILE, keeping its permissions, and leaves no temporary file."""
    path = tmp_path / "data.yaml"
    path.write_text(FORMAT_2.read_text())
    path.chmod(0o640)
    result = run("upgrade", "--in-place", str(path))
    assert (result.code, result.out, result.err) == (
        0,
        "",
        f"positions: upgraded {path} to positions/3\n",
    )
    assert path.read_text() == FORMAT_2.read_text().replace(
        "schema: positions/2", "schema: positions/3"
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["data.yaml"]


def test_a_file_already_positions_3_is_refused(run: Run, tmp_path: Path) -> None:
    """Nothing to upgrade: exit 2, the reason on standard error, the file untouched."""
    path = tmp_path / "three.yaml"
    path.write_bytes(FORMAT_3.read_bytes())
    before = path.stat().st_mtime_ns
    for args in ((), ("--in-place",), ("-o", str(tmp_path / "out.yaml"))):
        result = run("upgrade", str(path), *args)
        assert (result.code, result.out, result.err) == (
            2,
            "",
            f"positions: {path} is already positions/3; nothing to upgrade\n",
        )
    assert path.read_bytes() == FORMAT_3.read_bytes()
    assert path.stat().st_mtime_ns == before
    assert os.listdir(tmp_path) == ["three.yaml"]


def test_a_file_with_problems_is_not_upgraded(run: Run, tmp_path: Path) -> None:
    """Its problems are listed as validate lists them (exit 1), and nothing is written."""
    path = tmp_path / "bad.yaml"
    text = FORMAT_2.read_text().replace("firmness: open\n", "firmness: maybe\n", 1)
    path.write_text(text)
    result = run("upgrade", "--in-place", str(path))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f"positions: {path}:49:19: firmness of stance of 'north' on 'talks' is 'maybe'; "
        "expected one of red-line, firm, open\n"
    )
    assert path.read_text() == text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--in-place", "-o", "x.yaml"), "--in-place and -o both say where to write; give one"),
        (("-", "--in-place"), "--in-place needs a file to replace, not standard input"),
        (("-o", "data.yaml"), "-o data.yaml is FILE itself; to replace it, use --in-place"),
    ],
)
def test_where_to_write_is_one_place(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], message: str
) -> None:
    """Two places to write, --in-place on standard input, or -o FILE itself: usage errors."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data.yaml").write_text(FORMAT_2.read_text())
    if args[0] != "-":
        args = ("data.yaml", *args)
    result = run("upgrade", *args)
    assert result.code == 2
    assert result.err == f"positions: {message}; see 'positions upgrade --help'\n"
    assert (tmp_path / "data.yaml").read_text() == FORMAT_2.read_text()
    assert sorted(os.listdir(tmp_path)) == ["data.yaml"]


def test_a_read_only_file_needs_force(run: Run, tmp_path: Path) -> None:
    """--in-place refuses a read-only file, as cp does, unless --force."""
    path = tmp_path / "data.yaml"
    path.write_text(FORMAT_2.read_text())
    path.chmod(0o444)
    refused = run("upgrade", "--in-place", str(path))
    assert (refused.code, refused.err) == (
        1,
        f"positions: {path}: is read-only; expected a file positions may replace "
        "(--force replaces it all the same)\n",
    )
    assert "schema: positions/2" in path.read_text()
    assert run("upgrade", "--in-place", "--force", str(path)).code == 0
    assert "schema: positions/3" in path.read_text()


def test_a_schema_written_as_a_block_is_left_to_the_user() -> None:
    """A version upgrade cannot find on the schema line is a located problem, not a guess."""
    text = MINIMAL.read_text().replace("schema: positions/1\n", "schema: >-\n  positions/1\n")
    assert parse(text, "block.yaml").schema == "positions/1"
    with pytest.raises(DataError) as info:
        upgrade(text, "block.yaml")
    assert str(info.value) == (
        "block.yaml:2:9: schema is written in a way upgrade does not change; expected "
        "'schema: positions/1' on one line (or change it to positions/3 by hand)"
    )


def test_upgrade_completes_file_names() -> None:
    """The shell completes FILE as a file name."""
    completer = ShellComplete(cli, {}, "positions", "_POSITIONS_COMPLETE")
    items = completer.get_completions(["upgrade"], "da")
    assert [(i.value, i.type) for i in items] == [("da", "file")]
