"""Bad input, hostile text and broken pipes: a clear message, the right exit code, nothing lost."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from positions import listing
from positions.loader import MAX_BYTES

from .conftest import DATA, ESCAPES, EXE, HOSTILE, MINIMAL, THREE, Run, arg, needs_exe, positions


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "1:1: the file is empty; expected a positions mapping with schema, title, sources, "
              "issues and parties"),
        (b"- a\n- b\n", "1:1: the file is a list; expected a mapping"),
        (b"just a string\n", "1:1: the file is the text 'just a string'; expected a mapping"),
        (b"schema: positions/1\ntitle: caf\xc3\xa9 \xff\n",
         "2:13: byte 0xff is not valid UTF-8; expected a file saved as UTF-8"),
        (b"schema: positions/1\ntitle: a\x00b\n",
         "2:9: character U+0000 is not allowed in YAML; expected printable text"),
        (b"schema: positions/1\nissues:\n\tterritory: {}\n",
         "3:1: a tab is used for indentation; expected spaces (YAML forbids tabs there)"),
        (b"title: !!python/object/apply:os.system [echo hacked]\n",
         "1:8: title has the tag !!python/object/apply:os.system, which is not allowed; "
         "expected text"),
    ],
    ids=["empty", "list", "string", "invalid-utf8", "nul", "tab", "python-tag"],
)  # fmt: skip
def test_bad_file_is_refused_cleanly(
    run: Run, tmp_path: Path, content: bytes, message: str
) -> None:
    """Each malformed file gets one message naming its place, exit 1, and no traceback."""
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    result = run("validate", str(path))
    assert result.code == 1
    assert result.out == ""
    assert f"positions: {path}:{message}" in result.err.splitlines()
    assert "Traceback" not in result.err


def test_byte_order_mark_is_accepted(run: Run, tmp_path: Path) -> None:
    """A UTF-8 byte-order mark is accepted."""
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.read_bytes())
    result = run("validate", str(path))
    assert (result.code, result.err) == (0, "")
    assert (
        result.out
        == f"{path}: valid positions/1: 1 source, 1 issue, 2 parties, 2 stances, 2 quotes\n"
    )


def deep(opener: str, closer: str, levels: int) -> str:
    """A file whose title is nested ``levels`` deep."""
    return "title: " + opener * levels + "1" + closer * levels + "\n"


@pytest.mark.parametrize(
    "text",
    [
        deep("[", "]", 10_000),
        deep("{a: ", "}", 10_000),
        deep("[", "]", 1_000_000),
        "title:\n" + "".join(f"{' ' * (i + 1)}-\n" for i in range(500)),
    ],
    ids=["flow-list", "flow-mapping", "million-levels", "block-list"],
)
def test_deep_nesting_is_refused_at_one_place(run: Run, tmp_path: Path, text: str) -> None:
    """Deep nesting is one located problem and exit 1, whichever limit stops it first.

    Our own budget (MAX_DEPTH) or the installed libyaml's may fire; either way the user gets one
    FILE:LINE:COL line and no traceback, never a RecursionError or a crash.
    """
    path = tmp_path / "deep.yaml"
    path.write_text(text)
    result = run("validate", str(path))
    assert (result.code, result.out) == (1, "")
    assert re.fullmatch(rf"positions: {re.escape(str(path))}:\d+:\d+: [^\n]+\n", result.err)


def test_billion_laughs_is_refused_fast(run: Run, tmp_path: Path) -> None:
    """An alias bomb is refused at its first anchor, in well under a second."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 40)]
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n")
    start = time.perf_counter()
    result = run("validate", str(path))
    assert time.perf_counter() - start < 5  # generous: the point is that nothing expands
    assert result.code == 1
    assert result.err.splitlines()[0] == (
        f"positions: {path}:1:5: anchor 'a0' is not supported; "
        "expected every value written out in full"
    )


def test_huge_file_is_refused_before_parsing(run: Run, tmp_path: Path) -> None:
    """A file over the 16 MiB limit is refused with a clear message (the limit is documented)."""
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(b"title: '")
        handle.write(b"x" * (MAX_BYTES + 1))
        handle.write(b"'\n")
    result = run("validate", str(path))
    assert (result.code, result.err) == (
        1,
        f"positions: {path}: file is larger than 16 MiB; "
        "expected a positions YAML file of at most that size\n",
    )


def test_unreadable_file(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that cannot be read (permission denied) is an error naming it, exit 1."""
    path = tmp_path / "secret.yaml"
    path.write_text("x")
    real_open = os.open

    def refuse(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("positions.textfile.os.open", refuse)
    result = run("validate", str(path))
    assert (result.code, result.err) == (1, f"positions: {path}: cannot read: Permission denied\n")


@pytest.mark.parametrize(
    ("path", "message"),
    [("missing.yaml", "no such file"), (".", "is a folder")],
)
def test_missing_path_or_directory(run: Run, tmp_path: Path, path: str, message: str) -> None:
    """A path that does not exist or is a directory: one line, exit 1."""
    target = tmp_path / path
    result = run("compare", "a", "b", "--data", str(target))
    assert (result.code, result.err) == (
        1,
        f"positions: {target}: {message}; expected a positions YAML file\n",
    )


# -- hostile text ----------------------------------------------------------------------------


def test_rich_markup_prints_literally(run: Run) -> None:
    """Console markup in the data is printed as written, never interpreted."""
    out = run("compare", "red", "blue", "--data", arg(HOSTILE), env={"COLUMNS": "200"}).out
    assert "Red [bold red]Party[/]" in out
    assert "Hostile <b>title</b> | [bold]markup[/bold]" in out


def test_control_and_bidi_characters_are_neutralised(run: Run) -> None:
    """ANSI escapes, other control characters and bidi overrides reach the terminal as text."""
    for colour in ({}, {"FORCE_COLOR": "1"}):
        result = run("show", "esc", "--data", arg(ESCAPES), env={"COLUMNS": "200", **colour})
        data_chars = re.sub(r"\x1b\[[0-9;]*m", "", result.out)  # rich's own colour codes
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", data_chars)
        assert "\\u001b[2J" in result.out
        assert "\\u202e" in result.out


def test_error_messages_neutralise_control_characters(run: Run, tmp_path: Path) -> None:
    """A key holding an escape sequence is shown escaped in the error message."""
    path = tmp_path / "bad.yaml"
    path.write_text('schema: positions/1\n"evil\\e[2J\\u202e": 1\n')
    err = run("validate", str(path)).err
    assert "unknown key 'evil\\u001b[2J\\u202e' in the file" in err
    assert "\x1b" not in err
    assert "\u202e" not in err


def test_json_escapes_terminal_characters(run: Run) -> None:
    """JSON escapes control and bidi characters, and still parses to the original text."""
    out = run("show", "esc", "--data", arg(ESCAPES), "--format", "json").out
    assert "\x1b" not in out
    assert "\u202e" not in out
    summary = json.loads(out)["issues"][0]["stances"]["esc"]["summary"]
    assert summary == "clear \x1b[2J screen \u202ereversed\u202c and a bell \x07"


def test_csv_formula_guard_follows_owasp(run: Run) -> None:
    """Cells starting with = + - @ tab or CR are prefixed with an apostrophe; others are not."""
    out = run("export", "-o", "-", "--format", "csv", "--data", arg(HOSTILE)).out
    rows = list(csv.reader(io.StringIO(out)))
    starts = {cell[:2] for row in rows[1:] for cell in row if cell}
    assert not any(s[:1] in {"=", "+", "-", "@", "\t", "\r"} for s in starts)
    assert {"'=", "'+", "'-", "'@", "'\t"} <= starts


# -- output that cannot be lost or corrupted ----------------------------------------------------


@needs_exe
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_broken_pipe_exits_quietly(fmt: str) -> None:
    """``positions compare ... | head -1`` ends without a message or a traceback."""
    assert EXE is not None
    command = (
        f"'{EXE}' compare north south east --data '{THREE}' --evidence --format {fmt} | head -1"
    )
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, check=False
    )
    assert result.stderr == ""
    assert result.stdout.count("\n") == 1


def test_interrupt_exits_130(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C ends the command with exit code 130 and one line, no traceback."""

    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(listing, "summary", interrupted)
    result = run("validate")
    assert (result.code, result.err.strip()) == (130, "positions: interrupted")


def test_unexpected_error_is_one_line_and_debug_shows_it(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An internal error is one line and exit 1; --debug lets the traceback through."""

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(listing, "summary", broken)
    result = run("validate")
    assert (result.code, result.err) == (
        1,
        "positions: internal error: RuntimeError: boom (--debug shows where)\n",
    )
    with pytest.raises(RuntimeError, match="boom"):
        run("--debug", "validate")


def test_export_failure_midway_leaves_earlier_file(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If writing fails after the temporary file is made, the earlier file and folder are intact."""
    out = tmp_path / "table.csv"
    out.write_text("earlier export")

    def fail(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    result = run("export", "-o", str(out), "--data", arg(MINIMAL))
    assert (result.code, result.err) == (
        1,
        f"positions: {out}: cannot write: No space left on device\n",
    )
    assert out.read_text() == "earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_export_keeps_file_mode(run: Run, tmp_path: Path) -> None:
    """Replacing a file keeps its permissions; a new file gets the usual ones."""
    out = tmp_path / "table.csv"
    out.write_text("old")
    out.chmod(0o640)
    run("export", "-o", str(out), "--data", arg(MINIMAL))
    assert out.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.csv"
    run("export", "-o", str(fresh), "--data", arg(MINIMAL))
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask


def test_export_refuses_data_file_by_another_name(run: Run, tmp_path: Path) -> None:
    """The data file is protected even when named through a symlink."""
    data = tmp_path / "data.yaml"
    data.write_text(MINIMAL.read_text())
    link = tmp_path / "report.md"
    link.symlink_to(data)
    result = run("export", "-o", str(link), "--data", str(data))
    assert result.code == 2
    assert data.read_text() == MINIMAL.read_text()


@needs_exe
@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LANG": "C", "LC_ALL": "C"}])
@pytest.mark.parametrize("full", [(), ("--evidence",)], ids=["compact", "evidence"])
def test_non_utf8_terminal(env: dict[str, str], full: tuple[str, ...]) -> None:
    """With an ASCII or C locale, the views print, marks and quotes folded to ASCII if need be."""
    args = ("compare", "north", "south", "east", "--data", arg(THREE), *full)
    result = positions(*args, cwd=DATA, **env)
    assert (result.returncode, result.stderr) == (0, "")
    out = result.stdout
    assert "\\u" not in out  # nothing had to be escaped: everything was folded
    if env.get("PYTHONIOENCODING") == "ascii":
        assert out.isascii()
        assert "# North" in out or "* North" in out  # the firmness marks, folded
    assert max(len(line) for line in out.splitlines()) <= 80
