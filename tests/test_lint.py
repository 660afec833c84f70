"""positions lint: each rule of the codebook found at its place, notes honoured, exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from positions import lint as lint_module
from positions.fields import ANSWERABLE
from positions.lint import CHECKS, CUES
from positions.loader import parse
from positions.model import Firmness
from positions.textfile import read_sources

from .conftest import DATA, ROOT, Run, arg, lines, shapes

LINT = DATA / "lint"
CASES = LINT / "breaks-every-rule.yaml"
RED_LINE_CUES = ", ".join(CUES[Firmness.RED_LINE])
FIRM_CUES = ", ".join(CUES[Firmness.FIRM])


def test_every_rule_is_found_at_its_place(run: Run) -> None:
    """One finding per broken rule, FILE:LINE:COL first; a noted stance's findings are noted.

    --format text: one line per finding, never wrapped, as editors read them; --all shows the
    noted ones too.
    """
    result = run("lint", "--format", "text", "--all", "--sources", str(LINT), str(CASES))
    assert (result.code, result.err) == (1, "positions: 5 errors against the codebook\n")
    at = f"{CASES}:"
    assert lines(result.out) == [
        f"{at}6:3: L107 warning: source 'unused' is listed but no quote cites it "
        "[source-never-cited]",
        f"{at}10:3: L110 warning: outcome 'dam' of 'river' is in no stance; expected it "
        "accepted, rejected or required, or left out [outcome-never-coded]",
        f"{at}16:9: L101 error: north/land is red-line, but no quote has a red-line cue "
        f"({RED_LINE_CUES}) [red-line-without-cue]",
        f"{at}20:13: L104 error: north/land: stated, but the quote has no words in quotation "
        "marks; expected reported [stated-without-quotation]",
        f"{at}20:13: L105 error: north/land: speaker 'Bob Jones' is not named in article "
        "[speaker-not-in-source]",
        f"{at}28:9: L102 warning: south/land is firm, but no quote has a firm or red-line cue "
        f"({FIRM_CUES}...) [firmness-without-cue]",
        f"{at}32:13: L103 noted: one sentence, coded differently: south/land firm reported, "
        "south/river firm inferred [same-quote-coded-differently]",
        f"{at}34:9: L102 noted: south/river is firm, but no quote has a firm or red-line cue "
        f"({FIRM_CUES}...) [firmness-without-cue]",
        f"{at}34:9: L109 noted: south/river rests only on inferred evidence "
        "[inferred-without-note]",
        f"{at}41:9: L106 error: south/talks: the summary says 'only if', but the stance has no "
        "conditions [condition-not-coded]",
        f"{at}41:9: L109 warning: south/talks rests only on inferred evidence "
        "[inferred-without-note]",
        f"{at}46:3: L108 error: alias 'Westland' of 'east' is a member of 'group'; expected it "
        "among members, not aliases [alias-names-another]",
        f"{at}51:9: L101 noted: east/river is red-line, but no quote has a red-line cue "
        f"({RED_LINE_CUES}) [red-line-without-cue]",
        f"{at}51:9: L109 noted: east/river rests only on inferred evidence [inferred-without-note]",
        f"5 errors, 4 warnings, 5 noted in {CASES}",
    ]


SUMMARY_80 = [
    "5 errors, 4 warnings, 5 noted in lint/breaks-every-rule.yaml",
    "  L101 red-line-without-cue: 1 error, 1 noted",
    "  L102 firmness-without-cue: 1 warning, 1 noted",
    "  L103 same-quote-coded-differently: 1 noted",
    "  L104 stated-without-quotation: 1 error",
    "  L105 speaker-not-in-source: 1 error",
    "  L106 condition-not-coded: 1 error",
    "  L107 source-never-cited: 1 warning",
    "  L108 alias-names-another: 1 error",
    "  L109 inferred-without-note: 1 warning, 2 noted",
    "  L110 outcome-never-coded: 1 warning",
]


def test_for_people_the_counts_come_first_and_noted_findings_are_counted(run: Run) -> None:
    """At 80 columns: counts, a line per check, then each counted finding wrapped under its place.

    The noted findings are one line at the end.
    """
    result = run("lint", "--sources", arg(LINT), arg(CASES))
    assert (result.code, result.err) == (1, "positions: 5 errors against the codebook\n")
    assert lines(result.out) == [
        *SUMMARY_80,
        "",
        "lint/breaks-every-rule.yaml:6:3: L107 warning",
        "  source 'unused' is listed but no quote cites it [source-never-cited]",
        "",
        "lint/breaks-every-rule.yaml:10:3: L110 warning",
        "  outcome 'dam' of 'river' is in no stance; expected it accepted, rejected or",
        "  required, or left out [outcome-never-coded]",
        "",
        "lint/breaks-every-rule.yaml:16:9: L101 error",
        "  north/land is red-line, but no quote has a red-line cue (red line,",
        "  non-negotiable, non-starter, prerequisite, only if, only on, can only, must,",
        "  cannot) [red-line-without-cue]",
        "",
        "lint/breaks-every-rule.yaml:20:13: L104 error",
        "  north/land: stated, but the quote has no words in quotation marks; expected",
        "  reported [stated-without-quotation]",
        "",
        "lint/breaks-every-rule.yaml:20:13: L105 error",
        "  north/land: speaker 'Bob Jones' is not named in article",
        "  [speaker-not-in-source]",
        "",
        "lint/breaks-every-rule.yaml:28:9: L102 warning",
        "  south/land is firm, but no quote has a firm or red-line cue (insists, demands,",
        "  requires, rejects, remains firm, denied, disproved...) [firmness-without-cue]",
        "",
        "lint/breaks-every-rule.yaml:41:9: L106 error",
        "  south/talks: the summary says 'only if', but the stance has no conditions",
        "  [condition-not-coded]",
        "",
        "lint/breaks-every-rule.yaml:41:9: L109 warning",
        "  south/talks rests only on inferred evidence [inferred-without-note]",
        "",
        "lint/breaks-every-rule.yaml:46:3: L108 error",
        "  alias 'Westland' of 'east' is a member of 'group'; expected it among members,",
        "  not aliases [alias-names-another]",
        "",
        "5 noted findings not shown; --all shows them",
    ]


def test_at_40_columns_the_place_stands_above_its_code_and_no_id_is_broken(run: Run) -> None:
    """At 40 columns: a code that does not fit beside its FILE:LINE:COL goes under it.

    A check's counts go under its name; ids and paths are never broken.
    """
    result = run("lint", "--errors-only", "--sources", arg(LINT), arg(CASES), env={"COLUMNS": "40"})
    out = lines(result.out)
    assert out[:8] == [
        "5 errors, 4 warnings, 5 noted in",
        "  lint/breaks-every-rule.yaml",
        "  L101 red-line-without-cue:",
        "    1 error, 1 noted",
        "  L102 firmness-without-cue:",
        "    1 warning, 1 noted",
        "  L103 same-quote-coded-differently:",
        "    1 noted",
    ]
    assert out[16:] == [
        "",
        "lint/breaks-every-rule.yaml:16:9:",
        "  L101 error",
        "  north/land is red-line, but no quote",
        "  has a red-line cue (red line,",
        "  non-negotiable, non-starter,",
        "  prerequisite, only if, only on, can",
        "  only, must, cannot)",
        "  [red-line-without-cue]",
        "",
        "lint/breaks-every-rule.yaml:20:13:",
        "  L104 error",
        "  north/land: stated, but the quote has",
        "  no words in quotation marks; expected",
        "  reported [stated-without-quotation]",
        "",
        "lint/breaks-every-rule.yaml:20:13:",
        "  L105 error",
        "  north/land: speaker 'Bob Jones' is not",
        "  named in article",
        "  [speaker-not-in-source]",
        "",
        "lint/breaks-every-rule.yaml:41:9:",
        "  L106 error",
        "  south/talks: the summary says 'only",
        "  if', but the stance has no conditions",
        "  [condition-not-coded]",
        "",
        "lint/breaks-every-rule.yaml:46:3:",
        "  L108 error",
        "  alias 'Westland' of 'east' is a member",
        "  of 'group'; expected it among members,",
        "  not aliases [alias-names-another]",
        "",
        "1 noted finding not shown; --all shows",
        "them",
    ]
    assert all(len(line) <= 40 for line in out)


def test_errors_only_with_all_shows_every_error_noted_or_not(run: Run) -> None:
    """--errors-only leaves warnings out, the counts still count them; --all adds noted errors.

    A noted error is shown marked noted.
    """
    result = run("lint", "--errors-only", "--all", "--sources", arg(LINT), arg(CASES))
    out = lines(result.out)
    assert out[: len(SUMMARY_80)] == SUMMARY_80
    heads = [line for line in out if line.startswith("lint/")]
    assert heads == [
        "lint/breaks-every-rule.yaml:16:9: L101 error",
        "lint/breaks-every-rule.yaml:20:13: L104 error",
        "lint/breaks-every-rule.yaml:20:13: L105 error",
        "lint/breaks-every-rule.yaml:41:9: L106 error",
        "lint/breaks-every-rule.yaml:46:3: L108 error",
        "lint/breaks-every-rule.yaml:51:9: L101 noted",
    ]
    assert "not shown" not in result.out


def test_all_shows_the_noted_findings_in_their_place(run: Run) -> None:
    """--all: every finding, the noted ones marked so, and no line saying any is left out."""
    out = lines(run("lint", "--all", "--sources", arg(LINT), arg(CASES)).out)
    heads = [line for line in out if line.startswith("lint/")]
    assert len(heads) == 14
    assert heads[6:9] == [
        "lint/breaks-every-rule.yaml:32:13: L103 noted",
        "lint/breaks-every-rule.yaml:34:9: L102 noted",
        "lint/breaks-every-rule.yaml:34:9: L109 noted",
    ]
    assert out[-1] == "  east/river rests only on inferred evidence [inferred-without-note]"


def test_json_has_every_finding_noted_or_not(run: Run) -> None:
    """--format json: every finding whatever --errors-only says, each saying if it is noted."""
    result = run("lint", "--format", "json", "--errors-only", "--sources", arg(LINT), arg(CASES))
    report = json.loads(result.out)
    assert (report["errors"], report["warnings"], report["noted"]) == (5, 4, 5)
    assert len(report["findings"]) == 14
    assert report["findings"][-1] == {
        "code": "L109",
        "check": "inferred-without-note",
        "severity": "warning",
        "location": "lint/breaks-every-rule.yaml:51:9",
        "message": "east/river rests only on inferred evidence",
        "noted": True,
    }


def test_text_leaves_noted_findings_out_unless_all(run: Run) -> None:
    """--format text shows what the terminal shows: counted findings only, counts last."""
    out = lines(run("lint", "--format", "text", "--sources", arg(LINT), arg(CASES)).out)
    assert len(out) == 10
    assert not [line for line in out if " noted: " in line]
    assert out[-1] == "5 errors, 4 warnings, 5 noted in lint/breaks-every-rule.yaml"


def test_a_note_answers_the_checks_it_names_and_no_other(run: Run) -> None:
    """A note naming L109 (by name) makes that finding noted; L102 on the same stance counts."""
    result = run("lint", "--all", "--sources", arg(LINT), arg(LINT / "note-answers.yaml"))
    assert (result.code, result.err) == (0, "")
    assert lines(result.out) == [
        "0 errors, 1 warning, 1 noted in lint/note-answers.yaml",
        "  L102 firmness-without-cue: 1 warning",
        "  L109 inferred-without-note: 1 noted",
        "",
        "lint/note-answers.yaml:13:9: L102 warning",
        "  east/river is firm, but no quote has a firm or red-line cue (insists, demands,",
        "  requires, rejects, remains firm, denied, disproved...) [firmness-without-cue]",
        "",
        "lint/note-answers.yaml:13:9: L109 noted",
        "  east/river rests only on inferred evidence [inferred-without-note]",
    ]


def test_the_checks_a_note_can_name_are_the_ones_lint_lets_a_note_answer() -> None:
    """fields.ANSWERABLE lists, by code and name, exactly the checks lint marks noted."""
    answerable = [c for c in CHECKS.values() if c.name in lint_module.ANSWERED_BY_NOTES]
    assert list(ANSWERABLE) == [x for c in answerable for x in (c.code, c.name)]


def test_a_sentence_ends_after_a_closing_quotation_mark(run: Run, tmp_path: Path) -> None:
    """Two sentences, the first ending in a quotation: not one sentence coded differently."""
    (tmp_path / "article.txt").write_text(
        'Moscow said any deal must reflect the "new realities." This includes the land.\n'
    )
    data = tmp_path / "two.yaml"
    data.write_text(
        CASES.read_text().split("parties:", 1)[0].replace("  unused: {title: Never cited}\n", "")
        + """parties:
  north:
    name: North
    stances:
      land:
        summary: Wants the land kept.
        accepts: [keep]
        firmness: red-line
        evidence:
          - {source: article, quote: "This includes the land.", attribution: reported}
      talks:
        summary: Talks must reflect the realities.
        accepts: [talk]
        firmness: red-line
        evidence:
          - source: article
            quote: 'any deal must reflect the "new realities."'
            attribution: stated
"""
    )
    out = run("lint", "--sources", str(tmp_path), str(data)).out
    assert "L103" not in out, out


def test_every_check_is_exercised(run: Run) -> None:
    """The cases file triggers every check lint has."""
    out = run("lint", "--format", "text", "--all", "--sources", str(LINT), str(CASES)).out
    assert {check.code for check in CHECKS.values()} == set(re.findall(r" (L\d{3}) ", out))


def test_without_sources_speakers_are_not_checked(run: Run) -> None:
    """Without --sources, speakers cannot be looked up, and the counts line says so."""
    result = run("lint", "--format", "text", str(CASES))
    assert "L105" not in result.out
    assert result.out.splitlines()[-1].endswith("(speakers not checked: give --sources DIR)")
    assert lines(run("lint", arg(CASES)).out)[:2] == [
        "4 errors, 4 warnings, 4 noted in lint/breaks-every-rule.yaml (speakers not",
        "  checked: give --sources DIR)",
    ]


def test_a_clean_file_passes(run: Run) -> None:
    """A file that keeps every rule: no finding, exit 0."""
    clean = LINT / "clean.yaml"
    result = run("lint", "--sources", arg(LINT), arg(clean))
    assert (result.code, result.out, result.err) == (
        0,
        "0 errors, 0 warnings, 0 noted in lint/clean.yaml\n",
        "",
    )


def test_the_codebook_lists_the_cues_lint_uses() -> None:
    """docs/codebook.md's table of firmness cues holds exactly the phrases lint looks for."""
    codebook = (ROOT / "docs" / "codebook.md").read_text()
    for level, cues in CUES.items():
        row = re.search(rf"^\| `{level.value}` \| (.*) \|$", codebook, re.MULTILINE)
        assert row, level
        listed = [c.strip().strip("`") for c in row[1].split(",")]
        assert listed == list(cues), level


def test_the_codebook_lists_every_check() -> None:
    """docs/codebook.md's table of checks has one row per check, with its code, name and kind."""
    codebook = (ROOT / "docs" / "codebook.md").read_text()
    rows = re.findall(r"^\| (L\d{3}) \| ([a-z-]+) \| (error|warning) \|", codebook, re.MULTILINE)
    assert rows == [(c.code, c.name, "error" if c.error else "warning") for c in CHECKS.values()]


@given(st.text(alphabet='"\u201c\u201d\u2018\u2019a \n', max_size=12))
def test_quotation_found_as_the_regular_expression_found_it(quote: str) -> None:
    """The one-pass check for quoted words finds what the regular expression it replaced found.

    That expression ('["“”].+?["“”]|‘.+?’') backtracked on marks never closed.
    """
    old = re.compile('["\u201c\u201d].+?["\u201c\u201d]|\u2018.+?\u2019')
    assert lint_module.has_quotation(quote) == bool(old.search(quote))


def test_sentence_ends_are_found_once_per_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many quotes from one source: its sentence ends are found in one pass over it.

    Not again up to each quote: the number of quotes times the source's length.
    """
    (tmp_path / "src.txt").write_text(shapes.source_text(70_000), encoding="utf-8")
    ds = parse(shapes.quotes(30_000), "quotes.yaml")
    real = lint_module._SENTENCE_END
    scanned = 0

    class Counted:
        def finditer(self, text: str, *span: int) -> Any:
            nonlocal scanned
            scanned += (span[1] if len(span) > 1 else len(text)) - (span[0] if span else 0)
            return real.finditer(text, *span)

    monkeypatch.setattr(lint_module, "_SENTENCE_END", Counted())
    lint_module.lint(ds, read_sources(tmp_path, ds.sources))
    assert scanned <= len((tmp_path / "src.txt").read_text(encoding="utf-8"))
