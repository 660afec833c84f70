"""positions lint: each rule of the codebook found at its place, notes honoured, exit codes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from positions import lint as lint_module
from positions.lint import CHECKS, CUES
from positions.loader import parse
from positions.model import Firmness
from positions.textfile import read_sources

from .conftest import DATA, ROOT, Run, lines, shapes

LINT = DATA / "lint"
CASES = LINT / "breaks-every-rule.yaml"
RED_LINE_CUES = ", ".join(CUES[Firmness.RED_LINE])
FIRM_CUES = ", ".join(CUES[Firmness.FIRM])


def test_every_rule_is_found_at_its_place(run: Run) -> None:
    """One finding per broken rule, FILE:LINE:COL first; a noted stance's findings are noted."""
    result = run("lint", "--sources", str(LINT), str(CASES))
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
    out = run("lint", "--sources", str(LINT), str(CASES)).out
    assert {check.code for check in CHECKS.values()} == set(re.findall(r" (L\d{3}) ", out))


def test_without_sources_speakers_are_not_checked(run: Run) -> None:
    """Without --sources, speakers cannot be looked up, and the counts line says so."""
    result = run("lint", str(CASES))
    assert "L105" not in result.out
    assert result.out.splitlines()[-1].endswith("(speakers not checked: give --sources DIR)")


def test_a_clean_file_passes(run: Run) -> None:
    """A file that keeps every rule: no finding, exit 0."""
    clean = LINT / "clean.yaml"
    result = run("lint", "--sources", str(LINT), str(clean))
    assert (result.code, result.out, result.err) == (
        0,
        f"0 errors, 0 warnings, 0 noted in {clean}\n",
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
