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
from positions.cues import CUES, SALIENCE_CUES, STAGE_CUES, salience_cues, stage_cues
from positions.fields import ANSWERABLE
from positions.lint import CHECKS
from positions.loader import parse
from positions.model import Compatibility, Firmness, Issue
from positions.textfile import read_sources
from positions.untested import untested, untested_of

from .conftest import DATA, README, ROOT, Run, arg, lines, shapes

LINT = DATA / "lint"
CASES = LINT / "breaks-every-rule.yaml"
CASES_3 = LINT / "breaks-every-rule-3.yaml"
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
    named = [x for c in answerable for x in (c.code, c.name)]
    assert list(ANSWERABLE) == named


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
    """The two cases files (positions/2, and positions/3 for its checks) trigger every check."""
    found = set()
    for cases in (CASES, CASES_3):
        out = run("lint", "--format", "text", "--all", "--sources", str(LINT), str(cases)).out
        found |= set(re.findall(r" (L\d{3}) ", out))
    assert {check.code for check in CHECKS.values()} == found


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
    checks = [(c.code, c.name, "error" if c.error else "warning") for c in CHECKS.values()]
    assert rows == checks


def test_the_readme_names_each_positions_3_check() -> None:
    """The README's "Coding the data" names each check lint makes of positions/3 files."""
    for check in CHECKS.values():
        if check.code >= "L111":
            assert f"{check.code} `{check.name}`" in README, check.code


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


# -- positions/3: the checks of what positions/2 cannot code -----------------------------------

UNTESTED_DO = "record `compatible` with a reason, or `excludes`; or say why in either stance's note"


def test_every_positions_3_rule_is_found_at_its_place(run: Run) -> None:
    """Each positions/3 check once, at its place, with what to do; a noted stance is noted.

    The cue in east/river's forecast ("would likely demand") counts: no finding there.
    """
    result = run("lint", "--format", "text", "--all", arg(CASES_3))
    assert (result.code, result.err) == (0, "")
    at = f"{arg(CASES_3)}:"
    assert lines(result.out) == [
        f"{at}13:3: L111 warning: land: 'keep' (north) and 'back' (south) untested: "
        f"{UNTESTED_DO} [untested-pair]",
        f"{at}34:9: L115 warning: north/land: a quote ranks the issue ('foremost': top), but no "
        "salience is coded: code `salience: {level: top, source, quote, attribution}` with that "
        "sentence, or say in a note why it does not rank this issue for north "
        "[salience-below-cue]",
        f"{at}40:9: L113 warning: north/talks: staged settlement, but the earliest stage its "
        "quotes name is talks ('before talks': talks): code talks, or say in a note why "
        "settlement [stage-cue-differs]",
        f"{at}53:19: L116 warning: south/land: salience top, but its quote has no salience cue "
        "(top: foremost, most important, most significant, above all, top priority, first "
        "among): quote the words that rank the issue, or leave salience out "
        "[salience-without-cue]",
        f"{at}57:9: L112 warning: south/talks: its quotes say by when ('can only begin': talks), "
        "but the condition on land has no stage: code {outcomes: [...], stage: talks}, or say in "
        "a note why not [stage-not-coded]",
        f"{at}64:9: L118 warning: south/river is no-cue, but a quote has an open cue ('hopes'): "
        "code open, or say in a note why the cue is not this stance's [no-cue-with-cue]",
        f"{at}74:9: L117 noted: east/land is open, but no quote has an openness cue (wants, hopes, "
        "aspires, aspiration, seeks, supports, believes, open to, ready, readiness, willing): "
        "code no-cue, which says the quotes give no measure [open-without-cue]",
        f"{at}95:13: L119 warning: west/talks is a joint statement with east, but this quote names "
        "only west: each quote of a joint statement speaks for every party it names; quote the "
        "sentence on each party's own stance instead [joint-names-one]",
        f"{at}96:3: L120 warning: camp 'middle' holds only centre: a camp groups a party with "
        "those the articles call its allies; leave camp out for a party alone [camp-of-one]",
        f"{at}101:9: L114 warning: centre/land: the condition on land of centre/talks is staged "
        "talks, but centre/land has no stage: code `stage: talks`, or an earlier stage its own "
        "quotes give [condition-stage-differs]",
        f"0 errors, 9 warnings, 1 noted in {arg(CASES_3)} (speakers not checked: give --sources "
        "DIR)",
    ]


HEAD_3 = """\
schema: positions/3
title: T
sources: {s: {title: S}}
"""


def _stance(issue: str, accepts: str, quote: str, more: str = "", firmness: str = "firm") -> str:
    """A stance in a positions/3 file: its issue, outcomes, one reported quote, more fields."""
    return (
        f"      {issue}:\n        summary: S.\n        accepts: [{accepts}]\n"
        f"        firmness: {firmness}\n{more}"
        f"        evidence: [{{source: s, quote: '{quote}', attribution: reported}}]\n"
    )


def _lint_3(run: Run, tmp_path: Path, issues: str, parties: dict[str, str]) -> list[str]:
    """Each finding lint makes of a positions/3 file, as ``CODE severity: message``.

    The file holds ``issues`` (YAML) and ``parties`` (id -> its stances, as YAML).
    """
    body = "".join(
        f"  {pid}:\n    name: {pid.title()}\n    stances:\n{stances or '      {}'}\n"
        for pid, stances in parties.items()
    )
    path = tmp_path / "data.yaml"
    path.write_text(f"{HEAD_3}issues:\n{issues}parties:\n{body}", encoding="utf-8")
    out = run("lint", "--format", "text", "--all", str(path)).out
    return [re.sub(r"^.*?:\d+:\d+: (.*) \[[a-z-]+\]$", r"\1", line) for line in lines(out)[:-1]]


def test_untested_pairs_are_listed_up_to_twelve_and_the_rest_counted(
    run: Run, tmp_path: Path
) -> None:
    """Two parties accepting five outcomes each: 23 untested pairs, 12 listed in order, 11 counted.

    Of the 25 pairs across the two parties, one is recorded compatible and one excluded; no
    outcome pairs with another that the same party alone accepts.
    """
    outcomes = ", ".join(f"o{n}: O{n}" for n in range(10))
    issues = (
        f"  i:\n    name: I\n    question: Q?\n    outcomes: {{{outcomes}}}\n"
        "    compatible: [{outcomes: [o0, o5], reason: Both can hold.}]\n"
    )
    issues = issues.replace("o9: O9", "o9: {description: O9, excludes: [o4]}")
    found = _lint_3(run, tmp_path, issues, {
        "p": _stance("i", "o0, o1, o2, o3, o4", "P demands them."),
        "q": _stance("i", "o5, o6, o7, o8, o9", "Q demands them."),
    })  # fmt: skip
    pairs = [(a, b) for a in range(5) for b in range(5, 10) if (a, b) not in ((0, 5), (4, 9))]
    assert found == [
        *(
            f"L111 warning: i: 'o{a}' (p) and 'o{b}' (q) untested: {UNTESTED_DO}"
            for a, b in pairs[:12]
        ),
        f"L111 warning: i: 11 more pairs of accepted outcomes untested: {UNTESTED_DO}",
    ]


def test_a_note_answers_the_untested_pairs_of_its_stance(run: Run, tmp_path: Path) -> None:
    """A pair is noted when a stance accepting either outcome has a note; the others count.

    A joint statement's copy accepts for the party it is copied to.
    """
    issues = "  i:\n    name: I\n    question: Q?\n    outcomes: {a: A, b: B, c: C}\n"
    noted = "        note: Untested; no article gives B any terms.\n"
    found = _lint_3(run, tmp_path, issues, {
        "p": _stance("i", "a", "P and Q demand A.", "        joint: [q]\n"),
        "q": "",
        "r": _stance("i", "b", "R demands B.", noted),
        "s": _stance("i", "c", "S demands C."),
    })  # fmt: skip
    assert found == [
        f"L111 warning: i: 'a' (p, q) and 'c' (s) untested: {UNTESTED_DO}",
        f"L111 noted: i: 'a' (p, q) and 'b' (r) untested: {UNTESTED_DO}",
        f"L111 noted: i: 'b' (r) and 'c' (s) untested: {UNTESTED_DO}",
    ]


def test_stages_by_the_cues_of_the_quotes(run: Run, tmp_path: Path) -> None:
    """A stance with no conditions and a stage cue: code the earliest stage its quotes name.

    A staged condition whose issue's stance is staged later; conditions staged as no cue of the
    quotes says. A stance that only rejects, or a stance with every condition staged, is not
    asked for a stage of its own.
    """
    issues = (
        "  i: {name: I, question: Q?, outcomes: {a: A}}\n"
        "  j: {name: J, question: Q?, outcomes: {b: B}}\n"
    )
    rejects = (
        "      j:\n        summary: S.\n        rejects: [b]\n        firmness: firm\n"
        "        evidence: [{source: s, quote: 'Q rejects B for any lasting peace.', "
        "attribution: reported}]\n"
    )
    found = _lint_3(run, tmp_path, issues, {
        "p": _stance("i", "a", "A must hold for a ceasefire and any peace agreement."),
        "q": _stance("i", "a", "Q can only begin talks once B is settled.",
                     "        conditions: {j: {outcomes: [b], stage: talks}}\n") + rejects,
        "r": _stance("i", "a", "R demands A.", "        conditions: {j: {outcomes: [b], "
                     "stage: ceasefire}}\n")
        + _stance("j", "b", "R wants B, any settlement must hold it.",
                  "        stage: settlement\n"),
        "t": _stance("i", "a", "T says talks can only begin once B holds.",
                     "        conditions: {j: {outcomes: [b], stage: settlement}}\n"),
    })  # fmt: skip
    assert found == [
        "L112 warning: p/i: its quotes say by when ('for a ceasefire': ceasefire, 'peace "
        "agreement': settlement), but no stage is coded: code `stage: ceasefire`, or say in a "
        "note why not",
        "L114 warning: r/j: the condition on j of r/i is staged ceasefire, but r/j is staged "
        "settlement: code `stage: ceasefire`, or an earlier stage its own quotes give",
        "L113 warning: t/i: staged settlement, but its quotes' stage cues give another ('can "
        "only begin': talks): check the stages, or say in a note why settlement",
    ]


def test_salience_against_the_cues(run: Run, tmp_path: Path) -> None:
    """A salience below a ranking in the quotes; a salience whose quote ranks at another level."""
    issues = (
        "  i: {name: I, question: Q?, outcomes: {a: A}}\n"
        "  j: {name: J, question: Q?, outcomes: {b: B}}\n"
    )

    def ranked(level: str, quote: str) -> str:
        return (
            f"        salience: {{level: {level}, source: s, quote: '{quote}', "
            "attribution: reported}\n"
        )

    found = _lint_3(run, tmp_path, issues, {
        "p": _stance("i", "a", "Above all, P demands A.", ranked("high", "A is central to P.")),
        "q": _stance("j", "b", "Q demands B.", ranked("low", "B is a core demand of Q.")),
    })  # fmt: skip
    assert found == [
        "L115 warning: p/i: salience high, but a quote ranks the issue top ('above all'): code "
        "the highest ranking, with its quote, and name the others in a note",
        "L116 warning: q/j: salience low, but its quote's cue 'core' is high: code high, or say in "
        "a note why low",
    ]


def test_open_and_no_cue_against_the_cues(run: Run, tmp_path: Path) -> None:
    """Open with only a stronger cue: that level. A cue in a forecast counts (codebook §6)."""
    issues = (
        "  i: {name: I, question: Q?, outcomes: {a: A}}\n"
        "  j: {name: J, question: Q?, outcomes: {b: B}}\n"
    )
    found = _lint_3(run, tmp_path, issues, {
        "p": _stance("i", "a", "P insists on A.", firmness="open"),
        "q": _stance("j", "b", "Removing B would likely be a demand of Q.", firmness="no-cue"),
    })  # fmt: skip
    assert found == [
        "L117 warning: p/i is open, but no quote has an openness cue, and 'insists' is a firm "
        "cue: code firm, or say in a note why the cue is not this stance's",
        "L118 warning: q/j is no-cue, but a quote has a firm cue ('demand'): code firm, or say in "
        "a note why the cue is not this stance's",
    ]


def test_a_positions_2_file_is_not_asked_what_it_cannot_code(run: Run, tmp_path: Path) -> None:
    """An untested pair and an open stance with no cue in a positions/2 file: no finding.

    The same file as positions/3 has both.
    """
    text = (
        "schema: positions/2\ntitle: T\nsources: {s: {title: S}}\n"
        "issues: {i: {name: I, question: Q?, outcomes: {a: A, b: B}}}\nparties:\n"
        "  p:\n    name: P\n    stances:\n" + _stance("i", "a", "P proposed A.", firmness="open")
        + "  q:\n    name: Q\n    stances:\n" + _stance("i", "b", "Q insists on B.")
    )  # fmt: skip
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("positions/2", "positions/3"), encoding="utf-8")
    assert (
        run("lint", "--format", "text", str(old))
        .out.splitlines()[-1]
        .startswith("0 errors, 0 warnings, 0 noted")
    )
    codes = re.findall(r" (L\d{3}) ", run("lint", "--format", "text", str(new)).out)
    assert codes == ["L111", "L117"]


def test_the_codebook_lists_the_stage_and_salience_cues_lint_uses() -> None:
    """The codebook's tables of stage and salience cues and lint's lists are the same.

    Each wording there is a cue lint finds, at its level; each cue lint looks for stands in its
    level's row.
    """
    codebook = (ROOT / "docs" / "codebook.md").read_text()
    for table, find in ((STAGE_CUES, stage_cues), (SALIENCE_CUES, salience_cues)):
        for level, cues in table.items():
            row = re.search(rf"^\| `{level.value}` \|(?: [^|]* \|)? (.*) \|$", codebook, re.M)
            if row is None:
                pytest.xfail(f"the codebook has no table of {level.value}'s cues yet")
            wordings = [re.sub(r"\(.*?\)", "", w).strip() for w in re.split(r",|/", row[1])]
            for wording in wordings:
                example = wording.replace("...", "any")
                assert level in {c.level for c in find(example)}, (level, wording)
            for cue in cues:
                assert all(part.strip() in row[1] for part in cue.split("...")), (level, cue)


@given(
    st.lists(st.sets(st.sampled_from("pqr")), min_size=0, max_size=7),
    st.sets(st.tuples(st.integers(0, 6), st.integers(0, 6))),
    st.sets(st.tuples(st.integers(0, 6), st.integers(0, 6))),
    st.sets(st.integers(0, 6)),
    st.integers(1, 5),
)
def test_untested_pairs_are_those_of_every_pair_tried(
    accepting: list[set[str]],
    excluded: set[tuple[int, int]],
    compatible: set[tuple[int, int]],
    chosen: set[int],
    limit: int,
) -> None:
    """Counted and listed without trying every pair, the untested pairs are those trying finds.

    Every pair of different outcomes, accepted by two different parties, neither excluded nor
    compatible; those with a chosen (noted) outcome too, listed in order.
    """
    ids = [f"o{n}" for n in range(len(accepting))]
    excludes: dict[str, set[str]] = {}
    for a, b in excluded:
        if a < b < len(ids):
            excludes.setdefault(ids[a], set()).add(ids[b])
            excludes.setdefault(ids[b], set()).add(ids[a])
    records = tuple(
        Compatibility(frozenset((ids[a], ids[b])), "r")
        for a, b in compatible
        if a < b < len(ids) and ids[b] not in excludes.get(ids[a], ())
    )
    issue = Issue("i", "I", "Q?", dict.fromkeys(ids, "O"),
                  {o: frozenset(e) for o, e in excludes.items()}, compatible=records)  # fmt: skip
    accepted = {o: sorted(ps) for o, ps in zip(ids, accepting, strict=True) if ps}
    order = [o for o in ids if o in accepted]
    every = [
        (a, b)
        for n, a in enumerate(order)
        for b in order[n + 1 :]
        if len(set(accepted[a]) | set(accepted[b])) > 1
        and not issue.exclusive(a, b)
        and issue.checked(a, b) is None
    ]
    assert untested(issue, accepted, limit) == (tuple(every[:limit]), len(every))
    marked = {ids[n] for n in chosen if n < len(ids)}
    of = [p for p in every if marked & set(p)]
    found = untested_of(issue, accepted, marked, limit)
    assert found.total == len(of)
    assert set(found.pairs) <= set(of)
    assert len(found.pairs) == min(limit, len(of))
    assert list(found.pairs) == [p for p in of if p in found.pairs]
