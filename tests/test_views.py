"""The views at a glance: readable at any width, one colour language, the chart, the page.

Each test states what a user looking at the view would check, on a small file of its own whose
ids are as long as the shipped data's (``security-guarantees``, ``recognise-occupier-control``).
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import MINIMAL, RELATIONS, Run, arg

VIEWS = """\
schema: positions/2
title: Views at every width
sources:
  s1: {title: The first article}
  s2: {title: The second article}
disputes:
  land: The land and the troops
issues:
  territory:
    name: Territory
    question: Who holds the land?
    dispute: land
    outcomes:
      recognise-occupier-control:
        description: The occupier's control of the claimed regions is recognised
        excludes: [restore-territorial-integrity]
      restore-territorial-integrity: The country's territorial integrity is fully restored
  security-guarantees:
    name: Security guarantees
    question: Who guarantees whose security?
    outcomes:
      guarantees-for-the-north: Legally binding guarantees of the North's security
      guarantees-for-the-south: Guarantees that deter new aggression on the South
  humanitarian-steps:
    name: Humanitarian steps
    question: Are there humanitarian agreements?
    outcomes:
      humanitarian-agreements: Limited humanitarian agreements
  reparations:
    name: Reparations
    question: Does the occupier pay for the damage?
    outcomes:
      reparations: The occupier pays reparations for war damage
parties:
  north:
    name: North
    stances:
      territory:
        summary: Demands recognition of its control over the claimed regions.
        accepts: [recognise-occupier-control]
        rejects: [restore-territorial-integrity]
        firmness: red-line
        evidence:
          - {source: s1, quote: "The North insists on its control.", attribution: reported}
          - {source: s2, quote: "The North calls this a red line.", attribution: reported}
      security-guarantees:
        summary: Wants binding guarantees of its own security.
        accepts: [guarantees-for-the-north]
        firmness: firm
        evidence: [{source: s1, quote: "The North demands guarantees.", attribution: reported}]
      humanitarian-steps:
        summary: Takes part in limited humanitarian agreements.
        accepts: [humanitarian-agreements]
        firmness: open
        evidence: [{source: s2, quote: "Observers note limited agreements.", attribution: inferred}]
  south:
    name: South
    stances:
      territory:
        summary: Demands its territorial integrity restored in full.
        accepts: [restore-territorial-integrity]
        rejects: [recognise-occupier-control]
        firmness: red-line
        evidence: [{source: s1, quote: "The South will not cede land.", attribution: reported}]
      security-guarantees:
        summary: Wants guarantees that deter new aggression.
        accepts: [guarantees-for-the-south]
        firmness: open
        evidence: [{source: s2, quote: "The South hopes for guarantees.", attribution: reported}]
      humanitarian-steps:
        summary: Takes part in limited humanitarian agreements.
        accepts: [humanitarian-agreements]
        firmness: open
        evidence: [{source: s2, quote: "Observers note limited agreements.", attribution: inferred}]
      reparations:
        summary: Demands reparations.
        accepts: [reparations]
        firmness: firm
        evidence: [{source: s1, quote: "The South demands reparations.", attribution: reported}]
  international-community:
    name: International community
    stances:
      territory:
        summary: Backs the South's territorial integrity.
        accepts: [restore-territorial-integrity]
        firmness: open
        evidence: [{source: s2, quote: "Most nations back the South.", attribution: reported}]
"""

IDS = (
    "recognise-occupier-control",
    "restore-territorial-integrity",
    "security-guarantees",
    "humanitarian-steps",
    "international-community",
)
WIDTHS = ("40", "60", "80", "120")
COMMANDS = {
    "compare": ("compare", "north", "south"),
    "compare-three": ("compare", "north", "south", "international-community"),
    "compare-full": ("compare", "north", "south", "--full"),
    "compare-evidence": ("compare", "north", "south", "--evidence"),
    "show": ("show", "north"),
    "issues": ("issues",),
    "issue": ("issues", "territory"),
    "parties": ("parties",),
    "matrix": ("matrix",),
    "agenda": ("agenda", "north", "south"),
    "sources": ("sources",),
}
ANSI = re.compile(r"\x1b\[([0-9;]*)m")
# The relation each colour stands for (rich's codes for red, yellow, blue, cyan, green).
COLOUR_RELATION = {"31": "conflict", "33": "conditional", "35": "untested", "34": "complementary",
                   "36": "overlap", "32": "agree"}  # fmt: skip


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The small file the views are tried on."""
    path = tmp_path / "views.yaml"
    path.write_text(VIEWS)
    return path


# -- readable at every width --------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", list(COMMANDS))
def test_no_view_breaks_an_id_or_overruns_the_width(
    run: Run, data: Path, view: str, width: str
) -> None:
    """At 40, 60, 80 and 120 columns every id stands whole, and only a lone word overruns.

    (A lone word keeps a separating " ·" after it: a line never begins with the dot.)
    """
    args = (*COMMANDS[view], "--data", str(data))
    result = run(*args, env={"COLUMNS": width})
    assert (result.code, result.err) == (0, "")
    wide = run(*args, env={"COLUMNS": "1000"}).out
    for name in IDS:
        assert result.out.count(name) == wide.count(name), name
    too_long = [line for line in result.out.splitlines() if len(line) > int(width)]
    assert all(len(line.removesuffix(" ·").split()) == 1 for line in too_long), too_long


def test_compare_stacks_below_60_columns(run: Run, data: Path) -> None:
    """Side by side from 60 columns; below, the relation, then each party's ask on its own."""
    args = ("compare", "north", "south", "--data", str(data))
    wide = run(*args, env={"COLUMNS": "60"}).out.splitlines()
    assert wide[4] == "Territory             ■ North  The occupier's control of the"
    narrow = run(*args, env={"COLUMNS": "40"}).out.splitlines()
    assert narrow[:5] == [
        "Views at every width",
        "1 conflict · 1 untested · 1 agree ·",
        "1 unknown",
        "North and South",
        "firmness: ■ red line  ◆ firm  ○ open",
    ]
    start = narrow.index("Territory")
    assert narrow[start : start + 6] == [
        "Territory",
        "CONFLICT (reported)",
        "  ■ North: The occupier's control of",
        "    the claimed regions is recognised",
        "  ■ South: The country's territorial",
        "    integrity is fully restored",
    ]


def test_compare_says_each_fact_once(run: Run, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Counts first; then each issue's relation, asks and reason; the silent issues by id."""
    monkeypatch.chdir(data.parent)
    out = run("compare", "north", "south", "--data", data.name, env={"COLUMNS": "80"}).out
    assert out.splitlines() == [
        "Views at every width",
        "1 conflict · 1 untested · 1 agree · 1 unknown",
        "North and South; firmness: ■ red line  ◆ firm  ○ open",
        "",
        "Territory             ■ North  The occupier's control of the claimed regions is",
        "CONFLICT (reported)            recognised",
        "                      ■ South  The country's territorial integrity is fully",
        "                               restored",
        "  recognise-occupier-control: accepted by North, rejected by South;",
        "  restore-territorial-integrity: accepted by South, rejected by North",
        "",
        "Security guarantees   ◆ North  Legally binding guarantees of the North's",
        "UNTESTED (reported)            security",
        "                      ○ South  Guarantees that deter new aggression on the South",
        "  different asks; nobody recorded whether both can hold",
        "",
        "Humanitarian steps    ○ North  Limited humanitarian agreements",
        "AGREE (inferred)      ○ South  Limited humanitarian agreements",
        "  both accept humanitarian-agreements",
        "",
        "UNKNOWN, fewer than two positions recorded: Reparations",
        "data: views.yaml · more: --full, --evidence",
    ]


def test_relation_filter_keeps_rows_and_counts(run: Run, data: Path) -> None:
    """--relation keeps only the issues of that relation, and says that the counts cover all."""
    out = run(
        "compare", "north", "south", "--relation", "agree", "--data", str(data),
        env={"COLUMNS": "100"},
    ).out.splitlines()  # fmt: skip
    assert out[1:3] == [
        "1 conflict · 1 untested · 1 agree · 1 unknown",
        "Only issues whose relation is agree are listed; the counts cover every issue.",
    ]
    assert "Humanitarian steps    ○ North  Limited humanitarian agreements" in out
    assert not any(line.startswith(("Territory", "Security", "UNKNOWN")) for line in out)


# -- one colour language ------------------------------------------------------------------------


def coloured_spans(text: str) -> list[tuple[str, str]]:
    """Each run of text printed in a relation's colour, with the colour's code."""
    spans = []
    colour: str | None = None
    position = 0
    for match in ANSI.finditer(text):
        if colour is not None and text[position : match.start()].strip():
            spans.append((colour, text[position : match.start()]))
        codes = match.group(1).split(";")
        colour = next((c for c in reversed(codes) if c in COLOUR_RELATION), None)
        position = match.end()
    return spans


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "north", "south"),
        ("compare", "north", "south", "international-community", "--full"),
        ("matrix",),
        ("agenda", "north", "south"),
        ("issues", "territory"),
    ],
)
def test_a_colour_always_says_its_relation(run: Run, data: Path, args: tuple[str, ...]) -> None:
    """Every coloured run of text names the relation of its colour: red is conflict, and only."""
    out = run(*args, "--data", str(data), env={"FORCE_COLOR": "1", "COLUMNS": "100"}).out
    spans = coloured_spans(out)
    assert spans
    for colour, text in spans:
        assert COLOUR_RELATION[colour] in text.lower(), (colour, text)


def test_firmness_is_a_mark_with_a_legend(run: Run, data: Path) -> None:
    """Firmness is never a colour: a mark, explained by a legend in every view that shows it."""
    for args in (("compare", "north", "south"), ("matrix",), ("show", "north")):
        out = run(*args, "--data", str(data), env={"COLUMNS": "100"}).out
        assert "■ red line  ◆ firm  ○ open" in out, args


# -- exports: lose nothing, say what they are ---------------------------------------------------


@pytest.mark.parametrize("fmt", ["markdown", "html", "svg", "json", "csv"])
def test_every_export_says_its_filter(run: Run, data: Path, fmt: str) -> None:
    """An export filtered by --attribution or --relation says so, in every format."""
    out = run(
        "export", "north", "south", "--attribution", "reported", "--relation", "conflict",
        "-o", "-", "--format", fmt, "--data", str(data),
    ).out  # fmt: skip
    if fmt == "json":
        parsed = json.loads(out)
        assert (parsed["attribution"], parsed["relations_shown"]) == ("reported", ["conflict"])
    elif fmt == "csv":
        row = next(csv.DictReader(io.StringIO(out)))
        assert (row["evidence_filter"], row["relations_shown"]) == ("reported", "conflict")
    else:
        text = re.sub(r"\\(.)", r"\1", re.sub(r"<[^>]+>", "", out))
        assert "Only stances backed by reported evidence or stronger are counted" in text
        assert "Only issues whose relation is conflict are listed" in text


@pytest.mark.parametrize("fmt", ["markdown", "html", "svg", "json", "csv"])
def test_no_export_holds_the_installed_path(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Run outside a checkout, an export names the shipped data by its file name only."""
    monkeypatch.chdir(tmp_path)
    out = run("export", "russia", "ukraine", "-o", "-", "--format", fmt).out
    assert "site-packages" not in out
    assert "/src/positions/" not in out
    if fmt != "csv":
        assert "positions.yaml" in out


def test_markdown_footnotes_are_apart(run: Run, data: Path) -> None:
    """A stance's footnote marks are separated, never run together into one number."""
    out = run(
        "export", "north", "south", "-o", "-", "--format", "markdown", "--data", str(data)
    ).out
    assert "[^1], [^2]" in out
    assert not re.search(r"\]\[\^", out)


# -- the chart ----------------------------------------------------------------------------------


def test_chart_is_drawn_as_svg(run: Run, data: Path) -> None:
    """A chart, not a terminal capture: one title, a relation per issue, tooltips with quotes."""
    out = run("matrix", "north", "south", "--format", "svg", "--data", str(data)).out
    root = ET.fromstring(out)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts.count("Views at every width") == 1
    assert [t for t in texts if t in {"CONFLICT", "UNTESTED", "AGREE", "UNKNOWN"}] == [
        "CONFLICT",
        "UNTESTED",
        "AGREE",
        "UNKNOWN",
    ]
    tips = ["".join(t.itertext()) for t in root.iterfind(".//svg:g/svg:title", ns)]
    assert any("“The North calls this a red line.”" in tip for tip in tips)
    assert "\u00a0" not in out  # text copies as ordinary spaces
    assert "Relation:" in texts  # the legend
    assert "■ red line (thick border)" in texts


# -- the briefing page --------------------------------------------------------------------------


class _Page(HTMLParser):
    """The order of a page's landmarks, and what its <details> hold."""

    def __init__(self) -> None:
        super().__init__()
        self.order: list[str] = []
        self.details = 0
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if (
            tag in {"table", "h2", "details", "script"}
            or "counts" in classes
            or "legend" in classes
        ):
            self.order.append(classes if tag in {"ul", "p"} else tag)
        self.details += tag == "details"
        self.scripts += tag == "script"


def test_briefing_page_opens_with_the_summary(run: Run, data: Path) -> None:
    """Counts, legend, then the table with each stance's evidence folded, the sources last."""
    out = run("export", "north", "south", "-o", "-", "--format", "html", "--data", str(data)).out
    page = _Page()
    page.feed(out)
    landmarks = [m for m in page.order if m != "details"]
    assert landmarks == ["counts", "legend", "table", "h2", "h2"]  # then Evidence, Sources
    assert page.details == 7  # one per stance
    assert page.scripts == 0
    assert out.index("<h2>Evidence</h2>") < out.index("<h2>Sources</h2>")
    assert "@page { size: A4 landscape" in out
    assert "@media (max-width:" in out


def test_briefing_page_prints_its_evidence(run: Run, data: Path) -> None:
    """Printed, folded cells would hide every quote: print shows the evidence after the table."""
    out = run("export", "north", "south", "-o", "-", "--format", "html", "--data", str(data)).out
    style = out.split("@media print {", 1)[1].split("\n}\n", 1)[0]
    assert "details, .screen { display: none; }" in style
    assert ".appendix { display: block;" in style
    appendix = out.split('<section class="appendix">', 1)[1].split("</section>", 1)[0]
    for quote in ("The North calls this a red line.", "The South demands reparations."):
        assert quote in appendix
    assert out.count("Observers note limited agreements.") == 4  # twice folded, twice printed


@pytest.mark.parametrize("width", WIDTHS)
def test_counts_wrap_a_count_at_a_time(run: Run, data: Path, width: str) -> None:
    """Wrapped, the counts never part a number from its relation or begin a line with a dot."""
    args = ("compare", "north", "south", "international-community", "--data", str(data))
    out = run(*args, env={"COLUMNS": width}).out.splitlines()
    end = next(n for n, line in enumerate(out) if line.startswith("North, South"))
    counts = out[1:end]
    assert " ".join(counts) == "1 conflict · 1 untested · 1 agree · 1 unknown"
    assert not any(line.startswith("·") or line[0].isalpha() for line in counts)


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_footer_is_one_line_however_deep_the_data_file(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """A data file in deep folders gets a one-line footer: its leading folders give way.

    The file's own name stays whole; the hints go only where even that does not fit.
    """
    folder = tmp_path / ("a" * 60) / ("b" * 60)
    folder.mkdir(parents=True)
    (folder / "conflict.yaml").write_text(MINIMAL.read_text())
    monkeypatch.chdir(tmp_path)
    path = str((folder / "conflict.yaml").relative_to(tmp_path))
    out = run("compare", "north", "south", "--data", path, env={"COLUMNS": str(width)}).out
    expected = {
        40: "data: .../conflict.yaml",
        60: "data: .../conflict.yaml · more: --full, --evidence",
        80: "data: .../conflict.yaml · more: --full, --evidence",
        120: f"data: .../{'b' * 60}/conflict.yaml · more: --full, --evidence",
    }
    assert out.splitlines()[-1] == expected[width]
    assert max(len(line) for line in out.splitlines()) <= width


@pytest.mark.parametrize(
    ("hidden", "says"),
    [
        (1, "1 other issue whose relation it changed is"),
        (2, "2 other issues whose relation it changed are"),
    ],
)
def test_filter_note_agrees_in_number(hidden: int, says: str) -> None:
    """The note under a filtered view says "1 other issue ... is", "2 other issues ... are"."""
    from positions.model import Attribution
    from positions.present import filter_note
    from positions.results import Filter

    note = filter_note(Filter(Attribution.STATED, {}), hidden=hidden)
    assert note == (
        f"Only stances backed by stated evidence or stronger are counted; {says} not listed."
    )


# -- what positions/3 records, in the views -------------------------------------------------------

THIRD = {
    "compare": ("compare", "russia", "ukraine"),
    "compare-camp": ("compare", "ukraine", "partners"),
    "compare-three": ("compare", "russia", "ukraine", "partners"),
    "compare-full": ("compare", "russia", "ukraine", "--full"),
    "show": ("show", "ukraine"),
    "issue": ("issues", "security-guarantees"),
    "matrix": ("matrix",),
    "agenda": ("agenda", "ukraine", "partners"),
}
THIRD_IDS = ("guarantees-for-russia", "guarantees-for-ukraine", "nato/right-to-join")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", list(THIRD))
def test_what_positions_3_adds_fits_every_width(run: Run, view: str, width: str) -> None:
    """Links, stages, rankings, doubts, joint statements, camps: no id broken, no line overrun."""
    args = (*THIRD[view], "--data", arg(RELATIONS))
    result = run(*args, env={"COLUMNS": width})
    assert (result.code, result.err) == (0, "")
    wide = run(*args, env={"COLUMNS": "1000"}).out
    for name in THIRD_IDS:
        assert result.out.count(name) == wide.count(name), name
    too_long = [line for line in result.out.splitlines() if len(line) > int(width)]
    assert all(len(line.removesuffix(" ·").split()) == 1 for line in too_long), too_long


def test_compare_within_one_camp_shows_the_joint_statement_for_both(run: Run) -> None:
    """Ukraine and its partners: one camp, said in the header; their joint statement, beside each.

    Partners' stance without a firmness cue has its mark, and only here is it keyed.
    """
    out = run("compare", "ukraine", "partners", "--data", arg(RELATIONS)).out.splitlines()
    assert out[:15] == [
        "Links, checks and camps",
        "1 untested · 1 agree · 2 unknown",
        "Ukraine and Partners (within one camp: Ukraine and its backers)",
        "firmness: ■ red line  ◆ firm  ○ open  · no cue",
        "",
        "Security guarantees   ○ Ukraine   only if nato: guarantees that deter new",
        "AGREE (stated)                    aggression on Ukraine (joint statement with",
        "                                  Partners)",
        "                      ○ Partners  only if nato: guarantees that deter new",
        "                                  aggression on Ukraine (joint statement with",
        "                                  Ukraine)",
        "  both accept guarantees-for-ukraine",
        "",
        "Reconstruction        ◆ Ukraine   Frozen Russian assets pay for it",
        "UNTESTED (reported)   · Partners  A fund of donor countries pays for it",
    ]
    across = run("compare", "russia", "ukraine", "--data", arg(RELATIONS)).out.splitlines()
    assert across[2] == "Russia and Ukraine; firmness: ■ red line  ◆ firm  ○ open"
    assert "within one camp" not in "\n".join(across)


def test_compare_names_a_linked_clash_and_a_recorded_check(run: Run) -> None:
    """The guarantees conflict through NATO; the humanitarian asks complementary, by a check.

    Ukraine's joint statement with its partners is not said at a glance: they are not compared.
    """
    out = run("compare", "russia", "ukraine", "--data", arg(RELATIONS)).out.splitlines()
    start = out.index(
        "Security guarantees   ■ Russia   Legally binding guarantees of Russia's security"
    )
    assert out[start : start + 12] == [
        "Security guarantees   ■ Russia   Legally binding guarantees of Russia's security",
        "CONFLICT (inferred)   ○ Ukraine  only if nato: guarantees that deter new",
        "                                 aggression on Ukraine",
        "  guarantees-for-russia (Russia) requires nato/neutrality, which",
        "  nato/right-to-join (Ukraine) excludes",
        "",
        "Humanitarian steps    ○ Russia   Prisoners are exchanged",
        "COMPLEMENTARY         ○ Ukraine  Grain is exported by sea",
        "  different asks, checked compatible: s3: both were agreed in one round of talks",
        "  (reported)",
        "",
        "Reconstruction        ◆ Russia   A fund of donor countries pays for it",
    ]


def test_a_stance_in_full_says_its_stage_ranking_doubts_and_sources(run: Run) -> None:
    """--full: each relation's sources; each stance's stage, ranking, sources, doubts, joint."""
    out = run("compare", "russia", "ukraine", "--full", "--data", arg(RELATIONS)).out
    lines = out.splitlines()
    start = lines.index("Security guarantees (security-guarantees)  CONFLICT (inferred, 3 sources)")
    assert lines[start : start + 14] == [
        "Security guarantees (security-guarantees)  CONFLICT (inferred, 3 sources)",
        "  guarantees-for-russia (Russia) requires nato/neutrality, which",
        "  nato/right-to-join (Ukraine) excludes",
        "  ■ Russia red line · ranked top: s1 · 1 source",
        "    Demands binding guarantees of its own security.",
        "    accepts: Legally binding guarantees of Russia's security",
        "      (guarantees-for-russia)",
        "    doubted by analysts (s3)",
        "  ○ Ukraine open · in the settlement · 1 source",
        "    joint statement with Partners",
        "    Wants guarantees that deter new aggression, with its partners.",
        "    accepts on conditions: guarantees that deter new aggression on Ukraine",
        "      (guarantees-for-ukraine)",
        "    only if nato: right-to-join (before a ceasefire)",
    ]
    assert "  ■ Russia red line · before talks start · 1 source" in lines


def test_show_quotes_the_ranking_and_the_doubt(run: Run) -> None:
    """show: the quotes that rank the issue and that doubt the stance, each credited."""
    out = run("show", "russia", "--data", arg(RELATIONS)).out.splitlines()
    start = out.index("    doubted by analysts (s3)")
    assert out[start : start + 7] == [
        "    doubted by analysts (s3)",
        "    │ “Russia demands guarantees.”",
        "    │ — The first article; reported",
        "    │ “Foremost among Russia's demands are guarantees.”",
        "    │ — The first article; reported; ranks the issue top",
        "    │ “Analysts doubt that Russia wants a deal.”",
        "    │ — The third article; analysts, doubting it",
    ]


def test_one_issue_in_full_lists_its_links_and_checks(run: Run) -> None:
    """Issues ID: what each outcome requires and excludes elsewhere, and the checks recorded."""
    guarantees = run("issues", "security-guarantees", "--data", arg(RELATIONS)).out.splitlines()
    assert guarantees[3:10] == [
        "Outcomes",
        "  • guarantees-for-russia: Legally binding guarantees of Russia's security",
        "    (requires nato/neutrality)",
        "  • guarantees-for-ukraine: Guarantees that deter new aggression on Ukraine",
        "",
        "Among the parties with a stance: CONFLICT (inferred, 3 sources)",
        "  guarantees-for-russia (Russia) requires nato/neutrality, which",
    ]
    humanitarian = run("issues", "humanitarian", "--data", arg(RELATIONS)).out.splitlines()
    assert humanitarian[6:8] == [
        "  checked compatible: prisoner-exchanges and grain-exports: s3: both were",
        "    agreed in one round of talks",
    ]


@pytest.mark.parametrize("fmt", ["html", "svg"])
def test_the_page_and_the_chart_key_untested_and_no_cue(run: Run, fmt: str) -> None:
    """The page and the chart colour an untested relation, and key no cue where a cell has it."""
    out = run(
        "export", "ukraine", "partners", "-o", "-", "--format", fmt, "--data", arg(RELATIONS)
    ).out
    assert "untested" in out
    assert "· no cue" in out
    across = run(
        "export", "russia", "ukraine", "-o", "-", "--format", fmt, "--data", arg(RELATIONS)
    ).out
    assert "no cue" not in across
