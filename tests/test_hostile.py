"""Hostile input, in-process: each test states a promise and fails while it is broken.

The promises (README, "Exit codes" and "Untrusted files"): every failure is exit 1 or 2 with
plain ``positions: ...`` lines on stderr (``FILE:LINE:COL`` for a bad data file), never a
traceback or an internal error; nothing the user wrote is lost or replaced; data is never
interpreted as markup and every medium shows control characters as ``\\uXXXX``. The promises
that need a real process (closed or full standard output, pipes, FIFOs, devices, signals,
memory limits) are in tests/acceptance/test_processes.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from positions import listing
from positions.loader import MAX_BYTES

from .conftest import (
    ESCAPES,
    HOSTILE,
    MINIMAL,
    THREE,
    Run,
    arg,
    assert_located,
    assert_one_line,
    generate,
    minimal,
)

# -- 2. output targets: never replaced, failures reported -----------------------------------------


@pytest.mark.parametrize("command", ["export", "matrix"])
def test_read_only_output_is_not_replaced_without_force(
    run: Any, tmp_path: Path, command: str
) -> None:
    """A read-only report is refused, as ``cp`` refuses it; ``--force`` replaces it, mode kept."""
    report = tmp_path / "report.json"
    report.write_text("earlier report")
    report.chmod(0o444)
    args = (command, "--format", "json", "--data", str(MINIMAL), "-o", str(report))
    result = run(*args)
    assert (result.code, result.err) == (
        1,
        f"positions: {report}: is read-only; expected a file positions may replace "
        "(--force replaces it all the same)\n",
    )
    assert report.read_text() == "earlier report"
    forced = run(*args, "--force")
    assert (forced.code, forced.err) == (0, f"positions: wrote {report} (json)\n")
    assert json.loads(report.read_text())["data"] == str(MINIMAL)
    assert stat.S_IMODE(report.stat().st_mode) == 0o444


def test_export_to_the_longest_file_name(run: Any, tmp_path: Path) -> None:
    """A 254-byte file name is valid on Linux: export writes it (no temporary name too long)."""
    out = tmp_path / ("a" * 250 + ".csv")
    result = run("export", "-o", str(out), "--data", str(MINIMAL))
    assert (result.code, result.err) == (0, f"positions: wrote {out} (csv)\n")
    assert "issue,issue_name" in out.read_text(encoding="utf-8-sig")
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_export_svg_does_not_ignore_issue(run: Any, tmp_path: Path) -> None:
    """``export --issue`` is never dropped: an unknown issue is a usage error for SVG too."""
    out = tmp_path / "matrix.svg"
    result = run("export", "--issue", "no-such-issue", "-o", str(out), "--data", str(THREE))
    assert result.code == 2
    assert_one_line(result.err)
    assert not out.exists()


@pytest.mark.parametrize("command", ["validate", "verify"])
def test_file_argument_does_not_silently_override_data(
    run: Any, tmp_path: Path, command: str
) -> None:
    """``--data`` comes first (README); a FILE argument naming another file never hides it."""
    missing = tmp_path / "missing.yaml"
    quotes = 'North will keep the land. "South wants the land back - now," said the South\'s'
    (tmp_path / "s1.txt").write_text(quotes + " president.")
    extra = ("--sources", str(tmp_path)) if command == "verify" else ()
    result = run(command, *extra, str(MINIMAL), "--data", str(missing))
    assert result.code in (1, 2)
    assert_one_line(result.err)


# -- 3. standard output that cannot be written ----------------------------------------------------


# -- 4. SVG is well-formed XML whatever the data holds -------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("title: Minimal example", r'title: "Escape \e[31m red"'),
        ("title: Minimal example", r'title: "Start of heading \x01"'),
        ("title: Minimal example", r'title: "Form feed \f and NUL \0"'),
        ("title: Minimal example", r'title: "Noncharacter \uFFFE"'),
        ("title: Minimal example", r'title: "Noncharacter \uFFFF"'),
        ("name: North", r'name: "North \uFFFE"'),
        ("name: Territory", r'name: "Territory \uFFFF"'),
    ],
    ids=["esc-title", "soh-title", "ff-nul-title", "fffe-title", "ffff-title", "fffe-party",
         "ffff-issue"],
)  # fmt: skip
def test_svg_is_well_formed_xml(run: Any, tmp_path: Path, old: str, new: str) -> None:
    """The matrix as SVG parses as XML whatever characters the title and names hold."""
    path = minimal(tmp_path, (old, new))
    result = run("matrix", "--format", "svg", "-o", "-", "--data", str(path))
    assert result.code == 0
    ET.fromstring(result.out)


# -- 5. usage errors are one line -----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "a", "b", "--format", "xml"),
        ("compare", "a", "b", "--bogus"),
        ("frobnicate",),
        ("show",),
        ("export",),
        ("matrix", "-o"),
        ("compare", "a", "b", "--attribution", "hearsay"),
        ("frob\x1b[2Jnicate",),
    ],
    ids=["bad-choice", "unknown-option", "unknown-command", "missing-argument",
         "missing-option", "option-without-value", "bad-attribution", "escape-in-command"],
)  # fmt: skip
def test_click_usage_error_is_one_line(run: Any, args: tuple[str, ...]) -> None:
    """Every usage error is exit 2 and one ``positions: ...`` line, with control codes escaped."""
    result = run(*args)
    assert result.code == 2
    assert_one_line(result.err)
    assert "\x1b" not in result.err


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "--data", ""),
        ("validate", ""),
        ("compare", "north", "south", "--data", ""),
        ("verify", "--sources", "", str(MINIMAL)),
        ("export", "-o", "", "--format", "csv", "--data", str(MINIMAL)),
    ],
    ids=["data-option", "file-argument", "compare-data", "verify-sources", "export-output"],
)
def test_empty_path_is_a_usage_error(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """An empty path is a usage error (exit 2), never the default file or the current folder."""
    (tmp_path / "positions.yaml").write_text(MINIMAL.read_text())
    (tmp_path / "s1.txt").write_text("North will keep the land.")
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.code == 2
    assert_one_line(result.err)


# -- 7. problems are located at their real line and column ----------------------------------------


@pytest.mark.parametrize("bad", [b"\x00", b"\xff"], ids=["nul", "invalid-utf8"])
def test_lone_cr_file_locates_the_problem(run: Any, tmp_path: Path, bad: bytes) -> None:
    """In a file with old Mac line ends (CR only), a bad character is located at its own line."""
    lines = [b"schema: positions/1", b"title: t", b"sources: {}", b"issues: {}", b"parties: {}"]
    path = tmp_path / "cr.yaml"
    path.write_bytes(b"\r".join([*lines, b"x: ab" + bad]) + b"\r")
    result = run("validate", str(path))
    assert result.code == 1
    assert result.err.startswith(f"positions: {path}:6:6: "), result.err


def test_control_character_after_accented_text_is_located(run: Any, tmp_path: Path) -> None:
    """A control character is located by characters, not bytes, after accented or CJK text."""
    lines = ["schema: positions/1", 'title: "' + "é" * 20 + "日本" * 10 + '"']
    lines += ["sources: {}", "issues: {}", "parties: {}", "x: ab\x01", ""]
    path = tmp_path / "accents.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run("validate", str(path))
    assert result.code == 1
    assert result.err.startswith(f"positions: {path}:6:6: "), result.err


def test_line_separator_counts_alike_for_every_problem(run: Any, tmp_path: Path) -> None:
    """After a U+2028 in a quoted title, problems on the same line get the same line number."""
    head = 'schema: positions/1\ntitle: "a\u2028b"\n'
    reader = tmp_path / "reader.yaml"
    reader.write_text(head + 'bogus: "\x01"\n', encoding="utf-8")
    checker = tmp_path / "checker.yaml"
    checker.write_text(head + "bogus: 1\n", encoding="utf-8")

    def line_of(path: Path, what: str) -> int:
        err = run("validate", str(path)).err
        found = re.finditer(rf"{re.escape(str(path))}:(\d+):\d+: (.*)", err)
        hits = [int(m.group(1)) for m in found if what in m.group(2)]
        assert hits, err
        return hits[0]

    assert line_of(reader, "U+0001") == line_of(checker, "bogus")


# -- 8. look-alike names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("north", "south"),
    [
        ("Caf\u00e9", "Cafe\u0301"),
        ("North", " North "),
        ("North", "\uff2e\uff4f\uff52\uff54\uff48"),
        ("North", "No\u200drth"),
        ("North", "Nor\u00adth"),
    ],
    ids=["nfc-nfd", "surrounding-spaces", "full-width", "zero-width-joiner", "soft-hyphen"],
)
def test_lookalike_names_are_one_name(run: Any, tmp_path: Path, north: str, south: str) -> None:
    """Two parties whose names differ only invisibly or by normal form are refused as a clash."""
    path = minimal(
        tmp_path, ("name: North", f'name: "{north}"'), ("name: South", f'name: "{south}"')
    )
    result = run("validate", str(path))
    assert result.code == 1
    assert_located(result.err, path)


@pytest.mark.parametrize(
    ("written", "typed"),
    [("Cafe\u0301", "Caf\u00e9"), ("Caf\u00e9", "Cafe\u0301"), ("North", "\uff4e\uff4f\uff52th")],
    ids=["nfd-written", "nfc-written", "full-width-typed"],
)
def test_name_is_found_in_any_normal_form(
    run: Any, tmp_path: Path, written: str, typed: str
) -> None:
    """A party name typed in another Unicode normal form (or full width) still finds the party."""
    path = minimal(tmp_path, ("name: North", f'name: "{written}"'))
    result = run("compare", typed, "south", "--data", str(path))
    assert (result.code, result.err) == (0, "")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("name: North", 'name: "\u200b"'),
        ("name: North", 'name: "\ufeff"'),
        ("name: North", 'name: "\u2060\u200d"'),
        ("name: North", 'name: "\u3164"'),
        ("summary: Wants to keep the land.", 'summary: "\u200b"'),
        ("quote: North will keep the land.", 'quote: "\u200b\u200b"'),
    ],
    ids=["zwsp-name", "bom-name", "joiners-name", "hangul-filler-name", "zwsp-summary",
         "zwsp-quote"],
)  # fmt: skip
def test_invisible_text_is_empty(run: Any, tmp_path: Path, old: str, new: str) -> None:
    """Text made only of invisible characters is empty, and refused where text is required."""
    path = minimal(tmp_path, (old, new))
    result = run("validate", str(path))
    assert result.code == 1
    assert_located(result.err, path)


# -- 9. dates are real calendar dates -------------------------------------------------------------


@pytest.mark.parametrize(
    "date", ["2024-13-45", "2024-02-30", "2023-02-29", "2024-00", "'2024-13'", "2024-04-31"]
)
def test_impossible_date_is_refused(run: Any, tmp_path: Path, date: str) -> None:
    """``published`` must be a real date: no month 13 or 0, no 30 February, no 31 April."""
    path = minimal(
        tmp_path, ("    title: An article", f"    title: An article\n    published: {date}")
    )
    result = run("validate", str(path))
    assert result.code == 1
    assert_located(result.err, path)


# -- 10. many parties: cost in proportion to what is printed --------------------------------------
# Times and memory for 500 to 1,500 parties are measured in benchmarks/run.py (its worst cases);
# here, that the work done does not grow with the square of the parties.


def test_diff_compares_only_the_pairs_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Diff compares again only the pairs of a party that changed what a relation reads.

    And of those only the pairs that share an issue.
    """
    from positions import analysis
    from positions.loader import load

    path = tmp_path / "many.yaml"
    path.write_text(generate(parties=40, issues=3, quotes=1, seed=5))
    calls: list[tuple[str, str]] = []
    real = analysis._pair

    def counted(dataset: Any, a: str, b: str) -> Any:
        calls.append((a, b))
        return real(dataset, a, b)

    monkeypatch.setattr(analysis, "_pair", counted)
    same = load(path)
    assert analysis.diff(same, load(path)).empty
    assert calls == []
    firmer = tmp_path / "firmer.yaml"
    firmer.write_text(path.read_text().replace("firmness: open", "firmness: firm", 1))
    assert analysis.diff(same, load(firmer)).stances
    assert calls == []  # firmness is not what a relation reads
    changed = tmp_path / "changed.yaml"
    text = path.read_text()
    at = text.index("        rejects: [", text.index("  p001:"))
    end = text.index("]", at)
    changed.write_text(text[:at] + "        rejects: [" + text[end:])  # p001 rejects nothing
    analysis.diff(same, load(changed))
    p001 = same.parties["p001"].stances.keys()
    sharing = [p for p in same.parties.values() if p.id != "p001" and p.stances.keys() & p001]
    assert len(calls) == 2 * len(sharing)  # before and after, for each pair with p001


def test_many_parties_leave_the_pairs_out(run: Any, tmp_path: Path) -> None:
    """Compare and matrix of 200 parties count the 19,900 pairs instead of relating each."""
    path = tmp_path / "many.yaml"
    path.write_text(generate(parties=200, issues=2, quotes=1, seed=5))
    ids = [f"p{n:03d}" for n in range(1, 201)]
    compared = json.loads(run("compare", *ids, "--format", "json", "--data", str(path)).out)
    mapped = json.loads(run("matrix", "--format", "json", "--data", str(path)).out)
    for data in (compared, mapped):
        assert (data["pairs"], data["pairs_left_out"]) == ([], 200 * 199 // 2)


# -- Ctrl-C ---------------------------------------------------------------------------------------


# -- text that reaches a terminal, a spreadsheet or a page ----------------------------------------


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_arabic_letter_mark_is_escaped(run: Any, tmp_path: Path, fmt: str) -> None:
    """U+061C, a bidirectional mark like U+200F (which is escaped), never reaches the terminal."""
    path = minimal(tmp_path, ("summary: Wants to keep the land.", 'summary: "abc \u061c def"'))
    result = run("show", "north", "--format", fmt, "--data", str(path))
    assert result.code == 0
    assert "\u061c" not in result.out


def test_csv_formula_after_leading_white_space_is_guarded(run: Any, tmp_path: Path) -> None:
    """A cell whose first visible character starts a formula gets the leading apostrophe."""
    path = minimal(
        tmp_path,
        ("summary: Wants to keep the land.", 'summary: " =HYPERLINK(\\"http://evil\\",\\"x\\")"'),
        ("name: South", 'name: "  @SUM(A1:A9)"'),
        ("quote: North will keep the land.", "quote: \"\\n+cmd|' /C calc'!A0\""),
    )
    result = run("export", "-o", "-", "--format", "csv", "--data", str(path))
    assert result.code == 0
    cells = [cell for row in csv.reader(io.StringIO(result.out)) for cell in row]
    risky = [c for c in cells if c.lstrip("'").lstrip(" \t\r\n")[:1] in ("=", "+", "-", "@")]
    assert len(risky) == 3
    assert all(c.startswith("'") for c in risky), risky


def test_markdown_escapes_dollar_signs(run: Any, tmp_path: Path) -> None:
    """Markdown escapes ``$``, which starts a math formula where GitHub renders the file."""
    path = minimal(
        tmp_path, ("summary: Wants to keep the land.", 'summary: "Pays $5 or $x^2$ at most"')
    )
    result = run("export", "-o", "-", "--format", "markdown", "--data", str(path))
    assert result.code == 0
    assert "5 or" in result.out
    assert not re.search(r"(?<!\\)\$", result.out), "an unescaped $ from the data"


# Characters that act on a terminal or reorder what a reader sees, and the non-characters: none
# may reach any output raw. (Line breaks, and the tabs and CR LF of CSV, are layout.)
RAW_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
    "\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]"
)


HOSTILE_TEXT = r"\e]52;c;aGk=\a \e[2J \0 \x9b31m \u202e \ufffe \uffff \x01"


def hostile(tmp_path: Path, name: str = "data.yaml") -> Path:
    """The minimal file with YAML escapes of hostile characters in every kind of text."""
    return minimal(
        tmp_path,
        ("title: Minimal example", f'title: "Title {HOSTILE_TEXT}"'),
        ("title: An article", f'title: "Article {HOSTILE_TEXT}"'),
        ("name: North", 'name: "North\\u202e"'),
        ("name: Territory", f'name: "Territory {HOSTILE_TEXT}"'),
        ("summary: Wants to keep the land.", f'summary: "Keep {HOSTILE_TEXT}"'),
        ("quote: North will keep the land.", f'quote: "North {HOSTILE_TEXT}"'),
        name=name,
    )


TERMINAL_VIEWS = [
    ("validate",),
    ("compare", "north\u202e", "south", "--evidence"),
    ("issues",),
    ("issues", "territory"),
    ("parties",),
    ("show", "south"),
    ("matrix",),
    ("agenda", "north\u202e", "south"),
    ("obstacles", "north\u202e", "south"),
    ("trades", "north\u202e", "south"),
    ("sources",),
    ("lint",),
]


@pytest.mark.parametrize("args", TERMINAL_VIEWS, ids=lambda a: " ".join(a[:2]))
def test_terminal_views_print_no_control_characters(
    run: Any, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """Every terminal view shows the data's control characters as ``\\uXXXX``.

    To a terminal or a pipe (``| less -R`` ends at one), the file's name included: an OSC 52 in
    a source's title cannot write the clipboard.
    """
    path = hostile(tmp_path, name="data\x1b]52;c;aGk=\x07.yaml")
    result = run(*args, "--data", str(path))
    assert result.code in (0, 1), result.err
    assert result.out
    assert not RAW_UNSAFE.search(result.out), RAW_UNSAFE.findall(result.out)
    assert not RAW_UNSAFE.search(result.err)


@pytest.mark.parametrize("fmt", ["html", "svg", "markdown", "csv", "json"])
def test_files_hold_no_control_characters(run: Any, tmp_path: Path, fmt: str) -> None:
    """HTML, SVG, Markdown, CSV and JSON show control and reordering characters as ``\\uXXXX``.

    A name ending in U+202E cannot reverse the tool's own sentence ("accepted by North, rejected
    by ..."), and ``\\e``, ``\\0`` or ``\\x9b`` escapes in the file reach no reader.
    """
    path = hostile(tmp_path)
    result = run("export", "-o", "-", "--format", fmt, "--data", str(path))
    assert result.code == 0, result.err
    assert not RAW_UNSAFE.search(result.out), RAW_UNSAFE.findall(result.out)
    shown = "North\\\\u202e" if fmt == "markdown" else "North\\u202e"  # Markdown escapes \\
    assert shown in result.out
    if fmt == "json":  # JSON escapes them as JSON does, so the data is given back whole
        assert "North\u202e" in json.dumps(json.loads(result.out), ensure_ascii=False)


def test_completion_shows_no_control_characters(run: Any, tmp_path: Path) -> None:
    """Completion in zsh describes each party by its name, its control characters made visible."""
    path = minimal(tmp_path, ("name: North", 'name: "North \\e]52;c;aGk=\\a"'))
    result = run(
        env={
            "_POSITIONS_COMPLETE": "zsh_complete",
            "COMP_WORDS": f"positions show --data {path} n",
            "COMP_CWORD": "4",
        }
    )
    assert "north" in result.out
    assert "North \\u001b]52;c;aGk=\\u0007" in result.out
    assert not RAW_UNSAFE.search(result.out)


# -- answers that are wrong, not only ugly --------------------------------------------------------


@pytest.mark.parametrize(
    ("edits", "kind"),
    [
        ((("  north:", "  east:"), ("  south:", "  west:")), "party"),
        ((("  territory:\n    name", "  land:\n    name"), ("      territory:", "      land:"),
          ("      territory:", "      land:")), "issue"),
    ],
    ids=["no-party", "no-issue"],
)  # fmt: skip
def test_agreement_of_files_with_nothing_in_common_is_refused(
    run: Any, tmp_path: Path, edits: tuple[tuple[str, str], ...], kind: str
) -> None:
    """Two codings with no party (or no issue) in common are not scored: exit 2, one line.

    Before, they scored "0 of 0 units, 100.0%" on firmness and attribution.
    """
    first = minimal(tmp_path, name="a.yaml")
    second = minimal(tmp_path, *edits, name="b.yaml")
    result = run("agreement", str(first), str(second))
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"positions: {first} and {second} have no {kind} in common, so nothing to compare; "
        f"expected two codings of the same {kind} ids\n"
    )


def test_agreement_on_no_common_stance_has_no_score(run: Any, tmp_path: Path) -> None:
    """A kind of judgement with no unit says so: no percent and no kappa, never 100%."""
    first = minimal(tmp_path, name="a.yaml")
    text = first.read_text(encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        text[: text.index("parties:")] + "parties:\n  north: {name: North, stances: {}}\n",
        encoding="utf-8",
    )
    second = tmp_path / "b.yaml"
    result = run("agreement", str(first), str(second), env={"COLUMNS": "200"})
    assert result.code == 0
    assert [line.strip() for line in result.out.splitlines()[2:5]] == [
        "outcomes accepted or rejected: 1 of 4 units, 25.0%, Cohen's kappa 0.000",
        "firmness: no unit in common",
        "attribution (strongest quote): no unit in common",
    ]
    data = json.loads(run("agreement", str(first), str(second), "--format", "json").out)
    assert data["firmness"] == {"units": 0, "agreed": 0, "percent": None, "kappa": None}


@pytest.mark.parametrize(
    ("args", "given", "what", "expected"),
    [
        (("compare", "north", "south", "--issue", ","), ",", "issue", "an issue's id or name"),
        (("export", "-o", "-", "--format", "csv", "--issue", " , "), " , ", "issue",
         "an issue's id or name"),
        (("compare", "north", "south", "--relation", ""), "", "relation", "a relation"),
        (("export", "-o", "-", "--format", "csv", "--relation", ","), ",", "relation",
         "a relation"),
    ],
    ids=["compare-issue", "export-issue", "compare-relation", "export-relation"],
)  # fmt: skip
def test_list_option_naming_nothing_is_a_usage_error(
    run: Any, args: tuple[str, ...], given: str, what: str, expected: str
) -> None:
    """A comma-separated list option whose value names nothing is exit 2, never an empty view."""
    result = run(*args, "--data", str(MINIMAL))
    option = args[-2]
    assert (result.code, result.out) == (2, "")
    # The words before ours (click's "invalid value for") are click's, and may change with it.
    assert result.err.startswith("positions: ")
    assert f"'{option}'" in result.err
    assert result.err.endswith(
        f": '{given}' names no {what}; expected {expected}, or several by commas; "
        f"see 'positions {args[0]} --help'\n"
    )


def test_excludes_listed_twice_is_refused_as_the_schema_says(run: Any, tmp_path: Path) -> None:
    """``excludes: [r, r]`` is refused at the repeat, as ``accepts: [k, k]`` is (uniqueItems)."""
    path = minimal(
        tmp_path,
        ("schema: positions/1", "schema: positions/2"),
        ("      keep: The occupier keeps the land",
         "      keep: {description: The occupier keeps the land, excludes: [return, return]}"),
    )  # fmt: skip
    result = run("validate", str(path))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f"positions: {path}:12:75: 'return' is listed twice in excludes of outcome 'keep' of issue "
        "'territory' (first at line 12); expected each once\n"
    )


@pytest.mark.parametrize(
    ("file", "data", "code", "out", "err"),
    [
        ("d.yaml", "./d.yaml", 0, "d.yaml", ""),
        ("link.yaml", "d.yaml", 0, "link.yaml", ""),
        ("missing.yaml", "./missing.yaml", 1, "",
         "positions: missing.yaml: no such file; expected a positions YAML file\n"),
        ("d.yaml", "other.yaml", 2, "",
         "positions: FILE d.yaml and --data other.yaml name two files; give one; "
         "see 'positions validate --help'\n"),
    ],
    ids=["dot-slash", "link", "missing", "two-files"],
)  # fmt: skip
def test_file_and_data_naming_one_file_are_one_file(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file: str, data: str, code: int,
    out: str, err: str,
) -> None:  # fmt: skip
    """FILE and --data are compared as files: two names of one file check it, not a usage error.

    Checked for validate, which shares options.checked_file with verify and lint.
    """
    minimal(tmp_path, name="d.yaml")
    minimal(tmp_path, name="other.yaml")
    (tmp_path / "link.yaml").symlink_to("d.yaml")
    monkeypatch.chdir(tmp_path)
    result = run("validate", file, "--data", data)
    summary = ": valid positions/1: 1 source, 1 issue, 2 parties, 2 stances, 2 quotes\n"
    assert (result.code, result.out, result.err) == (code, out and out + summary, err)


@pytest.mark.parametrize(
    ("args", "env", "names", "message"),
    [
        (("validate",), {"POSITIONS_FILE": ""},
         "'--data'", "$POSITIONS_FILE is empty; "
         "expected a data file, or the variable unset; see 'positions validate --help'"),
        (("compare", "north", "south"), {"POSITIONS_FILE": " "},
         "'--data'", "$POSITIONS_FILE is empty; "
         "expected a data file, or the variable unset; see 'positions compare --help'"),
        (("agreement", "", "positions.yaml"), {},
         "'FIRST'", "an empty path; expected a data file; "
         "see 'positions agreement --help'"),
        (("diff", "positions.yaml", " "), {},
         "'NEW'", "an empty path; expected a data file; "
         "see 'positions diff --help'"),
        (("matrix", "-o", ""), {},
         "'--output'", "an empty path; expected a file to write, or - for "
         "standard output; see 'positions matrix --help'"),
        (("lint", "--sources", "", "positions.yaml"), {},
         "'--sources'", "an empty path; expected a folder of source texts; "
         "see 'positions lint --help'"),
    ],
    ids=["empty-variable", "blank-variable", "agreement", "diff", "matrix-output", "lint-sources"],
)  # fmt: skip
def test_every_empty_path_is_a_usage_error(
    run: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    env: dict[str, str],
    names: str,
    message: str,
) -> None:
    """An empty path, wherever it is given (an empty $POSITIONS_FILE too), is exit 2 naming it.

    Never the default data file (click takes an empty variable for an unset one), and never
    "no such file" (exit 1).
    """
    minimal(tmp_path, name="positions.yaml")
    monkeypatch.chdir(tmp_path)
    result = run(*args, env=env)
    assert (result.code, result.out) == (2, "")
    # The words before ours (click's "invalid value for") are click's, and may change with it.
    assert result.err.startswith("positions: ")
    assert names in result.err
    assert result.err.endswith(f": {message}\n")


# -- terminal settings ----------------------------------------------------------------------------


@pytest.mark.parametrize("columns", ["0", "00", "-1", "abc", ""])
def test_unusable_columns_is_treated_as_unset(run: Any, columns: str) -> None:
    """COLUMNS that is not a positive number lays out as if unset (80 here), never 0 columns.

    COLUMNS=0 printed nothing at all and exited 0.
    """
    args = ("compare", "north", "south", "--data", str(MINIMAL))
    result = run(*args, env={"COLUMNS": columns})
    assert (result.code, result.err) == (0, "")
    assert result.out == run(*args, env={"COLUMNS": "80"}).out
    assert result.out.splitlines()[:2] == ["Minimal example", "1 conflict"]


def test_a_file_never_gets_colour_codes(run: Any, tmp_path: Path) -> None:
    """FORCE_COLOR colours a terminal's output, never a file written with -o."""
    plain, forced = tmp_path / "plain.txt", tmp_path / "forced.txt"
    for path, env in ((plain, {}), (forced, {"FORCE_COLOR": "1"})):
        args = ("matrix", "--format", "table", "-o", str(path), "--data", str(MINIMAL))
        result = run(*args, env=env)
        assert (result.code, result.err) == (0, f"positions: wrote {path} (table)\n")
    text = forced.read_text(encoding="utf-8")
    assert "\x1b" not in text
    assert text == plain.read_text(encoding="utf-8")


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


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("view", ["compare", "matrix"])
def test_hostile_names_keep_their_columns(run: Any, tmp_path: Path, view: str, width: int) -> None:
    """Names whose escapes make them wider than they look are measured as shown.

    No line is wider than the terminal, and no name runs into the next column's firmness mark.
    """
    path = hostile(tmp_path)
    args = ("compare", "north\u202e", "south") if view == "compare" else ("matrix",)
    out = run(*args, "--data", str(path), env={"COLUMNS": str(width)}).out
    shown = [line for line in out.splitlines() if not line.startswith("data: ")]
    assert max(len(line) for line in shown) <= width
    assert not re.search("\\S[\u25a0\u25c6\u25cb]", out)
