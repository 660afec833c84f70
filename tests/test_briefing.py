"""The briefing page and the chart show what positions/3 records, as an analyst reads them.

Each stance's stage and ranking, how many sources back it and each relation, its doubts and a
joint statement, a camp, the links in a reason and the key to what is shown; the evidence quotes
the ranking and the doubts with their credit, and the sources say whose a title is. Every test
builds its own small file; the data's hostile text stays text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import Run

BRIEFING = """\
schema: positions/3
title: A briefing to look at
camps:
  kyiv: The South and its backers
sources:
  s1: {title: The first article, title_from: article}
  s2: {title: The second article, title_from: coder}
  s3: {title: The third article}
issues:
  nato:
    name: NATO
    question: Does the South stay neutral, or keep the right to join NATO?
    outcomes:
      neutrality: The South permanently neutral, outside NATO
      right-to-join:
        description: The South free to choose alliances, join NATO
        excludes: [neutrality]
  security-guarantees:
    name: Security guarantees
    question: Whose security is guaranteed after the war?
    outcomes:
      guarantees-for-the-north:
        description: Legally binding guarantees of the North's security
        requires: [nato/neutrality]
      guarantees-for-the-south: Guarantees that deter new aggression on the South
  reconstruction:
    name: Reconstruction
    question: Who pays to rebuild the South?
    outcomes:
      frozen-assets: Frozen Northern assets pay for it
      donor-fund: A fund of donor countries pays for it
parties:
  north:
    name: North
    stances:
      nato:
        summary: Demands the South's neutrality before any talks.
        accepts: [neutrality]
        firmness: red-line
        stage: talks
        salience:
          level: top
          source: s1
          quote: "Foremost among the North's demands is neutrality."
          attribution: reported
        doubts:
          - by: analysts
            source: s3
            quote: "Analysts doubt that the North wants a deal."
        evidence:
          - {source: s1, quote: The North demands neutrality., attribution: reported}
          - {source: s2, quote: Neutrality is a must for the North., attribution: reported}
      security-guarantees:
        summary: Demands binding guarantees of its own security.
        accepts: [guarantees-for-the-north]
        firmness: firm
        stage: settlement
        salience:
          level: high
          source: s1
          quote: Guarantees are central for the North.
          attribution: reported
        evidence:
          - {source: s1, quote: Guarantees are central for the North., attribution: reported}
      reconstruction:
        summary: Would pay into a donor fund.
        accepts: [donor-fund]
        firmness: open
        evidence:
          - {source: s2, quote: The North might pay into a fund., attribution: inferred}
  south:
    name: South
    camp: kyiv
    stances:
      nato:
        summary: Keeps the right to join NATO.
        accepts: [right-to-join]
        firmness: open
        stage: ceasefire
        evidence:
          - {source: s2, quote: The South may still join NATO., attribution: reported}
      security-guarantees:
        summary: Wants guarantees that deter new aggression, with its partners.
        accepts: [guarantees-for-the-south]
        firmness: no-cue
        conditions:
          nato: {outcomes: [right-to-join], stage: ceasefire}
        joint: [partners]
        evidence:
          - {source: s2, quote: The South and its partners want guarantees., attribution: stated}
      reconstruction:
        summary: Wants the frozen assets to pay.
        accepts: [frozen-assets]
        firmness: firm
        evidence:
          - {source: s1, quote: The South wants the assets., attribution: reported}
  partners:
    name: Partners
    camp: kyiv
    stances:
      reconstruction:
        summary: Would set up a donor fund.
        accepts: [donor-fund]
        firmness: firm
        evidence:
          - {source: s1, quote: The partners set up a donor fund., attribution: reported}
"""

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def data(tmp_path: Path) -> str:
    """The briefing's data file."""
    path = tmp_path / "briefing.yaml"
    path.write_text(BRIEFING)
    return str(path)


class _Texts(HTMLParser):
    """A page's text, a piece between two tags at a time, as a reader meets it."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append(" ".join(data.split()))


def texts(html: str) -> list[str]:
    """The pieces of text of an HTML fragment, in order, unescaped."""
    parser = _Texts()
    parser.feed(html)
    return parser.texts


def cell(page: str, issue: str, party: str) -> tuple[list[str], list[str]]:
    """The texts of a party's cell on an issue: what shows, and what its ``<details>`` fold."""
    row = re.search(rf'id="issue-{issue}">(.*?)</tr>', page, re.S)
    assert row is not None, issue
    found = re.search(rf'data-party="{party}">(.*?)</td>', row.group(1), re.S)
    assert found is not None, party
    shown, _, folded = found.group(1).partition("<details>")
    return texts(shown), texts(folded)


def after(pieces: list[str], piece: str) -> str:
    """The piece of text that follows a quote: ``“``, the quote, ``”``, then its credit."""
    return pieces[pieces.index(piece) + 2]


def html(run: Run, data: str, *args: str) -> str:
    """The briefing page comparing ``args``."""
    return run("compare", *args, "--format", "html", "--data", data).out


def chart(run: Run, data: str, *args: str) -> ET.Element:
    """The chart comparing ``args``, parsed."""
    return ET.fromstring(run("compare", *args, "--format", "svg", "--data", data).out)


def cell_texts(root: ET.Element, tip: str) -> tuple[list[str], str]:
    """A chart cell's lines, and its tooltip, found by how the tooltip begins."""
    for group in root.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        if title is not None and (title.text or "").startswith(tip):
            return ["".join(t.itertext()) for t in group.iter(f"{SVG}text")], title.text or ""
    raise AssertionError(tip)


# -- the briefing page ---------------------------------------------------------------------------


def test_a_cell_says_stage_ranking_sources_and_doubts(run: Run, data: str) -> None:
    """Under each ask: its stage and ranking as tags, its sources, and who doubts it."""
    page = html(run, data, "north", "south")
    assert cell(page, "nato", "North")[0] == [
        "■", "The South permanently neutral, outside NATO",
        "before talks start", "ranked first", "2 sources",
        "doubted by analysts (s3)",
    ]  # fmt: skip
    assert cell(page, "nato", "South")[0] == [
        "○", "The South free to choose alliances, join NATO", "before a ceasefire", "1 source"
    ]  # fmt: skip
    shown, _ = cell(page, "security-guarantees", "South")
    assert shown[-2:] == ["(joint statement with Partners)", "1 source"]
    assert cell(page, "reconstruction", "North")[0][-1] == "1 source"  # no stage, not ranked
    assert '<span class="tag stage">before talks start</span>' in page


def test_a_relation_says_its_sources_and_names_its_link(run: Run, data: str) -> None:
    """Each relation: its weakest evidence and how many sources it rests on; a link, named."""
    page = html(run, data, "north", "south")
    verdict = re.search(r'id="issue-security-guarantees">.*?<td class="verdict">(.*?)</td>', page)
    assert verdict is not None
    assert texts(verdict.group(1)) == [
        "conflict", "reported,", "2 sources",
        "guarantees-for-the-north (North) requires nato/neutrality, which nato/right-to-join "
        "(South) excludes",
    ]  # fmt: skip
    assert texts(page).count("untested") == 2  # the key, and the relation on reconstruction


def test_the_evidence_quotes_the_ranking_and_the_doubts_with_their_credit(
    run: Run, data: str
) -> None:
    """Folded and printed, a stance's quotes are followed by its ranking's and its doubts'."""
    page = html(run, data, "north", "south")
    _, folded = cell(page, "nato", "North")
    assert folded[0] == "red line; summary and 4 quotes"
    assert after(folded, "The North demands neutrality.") == "— The first article; reported"
    ranking = "Foremost among the North's demands is neutrality."
    assert after(folded, ranking) == "— The first article; reported; ranks the issue top"
    doubt = "Analysts doubt that the North wants a deal."
    assert after(folded, doubt) == "— The third article; analysts, doubting it"
    appendix = texts(page.split('<section class="appendix">', 1)[1].split("</section>", 1)[0])
    assert after(appendix, ranking) == "— The first article; reported; ranks the issue top"
    assert after(appendix, doubt) == "— The third article; analysts, doubting it"
    assert (
        "red line · before talks start · ranked first · 2 sources · doubted by analysts (s3)"
        in (appendix)
    )


def test_a_quote_that_is_evidence_and_ranks_the_issue_is_quoted_once(run: Run, data: str) -> None:
    """The same sentence as evidence and as the ranking is one quote, credited for both."""
    _, folded = cell(html(run, data, "north", "south"), "security-guarantees", "North")
    assert folded[0] == "firm; summary and 1 quote"
    quote = "Guarantees are central for the North."
    assert folded.count(quote) == 1
    assert after(folded, quote) == "— The first article; reported; ranks the issue high"


def test_a_doubter_is_named_once_however_many_sentences_doubt(run: Run, tmp_path: Path) -> None:
    """Two sentences of one source by one doubter: named once, both quoted."""
    doubt = '            quote: "Analysts doubt that the North wants a deal."\n'
    again = "          - {by: analysts, source: s3, quote: Analysts see no will to settle.}\n"
    assert doubt in BRIEFING
    path = tmp_path / "doubts.yaml"
    path.write_text(BRIEFING.replace(doubt, doubt + again))
    shown, folded = cell(html(run, str(path), "north", "south"), "nato", "North")
    assert shown[-1] == "doubted by analysts (s3)"
    assert after(folded, "Analysts see no will to settle.") == (
        "— The third article; analysts, doubting it"
    )


def test_the_evidence_names_links_and_the_stage_of_a_condition(run: Run, data: str) -> None:
    """An accepted outcome names what it requires; a condition, the stage it is asked at."""
    page = html(run, data, "north", "south")
    _, north = cell(page, "security-guarantees", "North")
    assert north[north.index("guarantees-for-the-north") + 1] == "(requires nato/neutrality)"
    _, south = cell(page, "security-guarantees", "South")
    assert "only if nato: right-to-join (before a ceasefire)" in south


def test_the_sources_say_whose_each_title_is(run: Run, data: str) -> None:
    """Title first, then whose it is where the data says; a source only a doubt quotes is cited."""
    page = html(run, data, "north", "south")
    listed = texts(page.split('<ul class="sources">', 1)[1].split("</ul>", 1)[0])
    assert listed == [
        "The first article", "(the article's headline)", "(", "s1", ")",
        "The second article", "(title written by the coder)", "(", "s2", ")",
        "The third article", "(", "s3", ")",
    ]  # fmt: skip


def test_the_key_explains_only_what_the_page_shows(run: Run, data: str) -> None:
    """Stages and rankings are keyed as the cells show them; untested and no cue where used."""
    key = texts(
        html(run, data, "north", "south").split('<p class="legend">', 1)[1].split("</p>")[0]
    )
    assert "untested" in key
    assert "◆ firm" in key
    assert "· no cue" in key
    assert key[key.index("Stage, when a stance's outcomes are asked for:") + 1 :][:4] == [
        "before talks start", "before a ceasefire", "in the settlement", "; no tag: not coded"
    ]  # fmt: skip
    assert key[key.index("Salience, as an article ranks the issue for the party:") + 1 :][:3] == [
        "ranked first", "ranked high", "; no tag: not ranked"
    ]  # fmt: skip
    nato = html(run, data, "north", "south", "--issue", "nato")
    key = texts(nato.split('<p class="legend">', 1)[1].split("</p>")[0])
    assert "untested" not in key
    assert "· no cue" not in key
    assert "in the settlement" not in key
    assert "ranked high" not in key
    rebuild = html(run, data, "north", "south", "--issue", "reconstruction")
    assert "Stage," not in rebuild
    assert "Salience," not in rebuild


def test_a_comparison_within_one_camp_says_so(run: Run, data: str) -> None:
    """Parties of one camp compared: the page and the chart name the camp."""
    page = html(run, data, "south", "partners")
    meta = re.search(r'<p class="meta">(.*?)</p>', page)
    assert meta is not None
    assert texts(meta.group(1)) == [
        "Parties compared: South, Partners. Within one camp: The South and its backers. "
        f"Data: {data}."
    ]
    lines = [
        "".join(t.itertext()) for t in chart(run, data, "south", "partners").iter(f"{SVG}text")
    ]
    assert any("(within one camp: The South and its backers)" in line for line in lines)


# -- the chart -----------------------------------------------------------------------------------


def test_a_chart_cell_tags_its_stage_and_says_ranking_sources_and_doubts(
    run: Run, data: str
) -> None:
    """Under each ask: a stage tag, the ranking, the sources; a joint statement and doubts."""
    root = chart(run, data, "north", "south")
    lines, _ = cell_texts(root, "North on NATO")
    assert lines[-4:] == ["talks", "ranked first", "· 2 sources", "doubted by analysts (s3)"]
    lines, _ = cell_texts(root, "South on NATO")
    assert lines[-2:] == ["ceasefire", "1 source"]
    lines, _ = cell_texts(root, "South on Security guarantees")
    assert lines[-2:] == ["1 source", "joint statement with Partners"]
    lines, _ = cell_texts(root, "North on Reconstruction")
    assert lines[-1] == "1 source"
    relation = next(g for g in root.iter(f"{SVG}g") if g.findtext(f"{SVG}title") == (
        "neutrality (North) excludes right-to-join (South)"
    ))  # fmt: skip
    assert [t.text for t in relation.iter(f"{SVG}text")] == ["CONFLICT", "reported", "2 sources"]


def test_a_chart_tooltip_quotes_the_ranking_and_the_doubts(run: Run, data: str) -> None:
    """Hovered, a cell shows its stage, ranking and sources, and every quote with its credit."""
    _, tip = cell_texts(chart(run, data, "north", "south"), "North on NATO")
    assert tip.splitlines() == [
        "North on NATO (red line; before talks start; ranked first; 2 sources): "
        "Demands the South's neutrality before any talks.",
        "accepts: the South permanently neutral, outside NATO (neutrality)",
        "“The North demands neutrality.” — The first article; reported",
        "“Neutrality is a must for the North.” — The second article; reported",
        "“Foremost among the North's demands is neutrality.” — The first article; reported; "
        "ranks the issue top",
        "“Analysts doubt that the North wants a deal.” — The third article; analysts, doubting it",
    ]
    _, tip = cell_texts(chart(run, data, "north", "south"), "North on Security guarantees")
    assert "(guarantees-for-the-north; requires nato/neutrality)" in tip


def test_the_chart_key_explains_only_what_the_chart_shows(run: Run, data: str) -> None:
    """The key says what each stage tag means and what a ranking is; untested where used."""
    lines = ["".join(t.itertext()) for t in chart(run, data, "north", "south").iter(f"{SVG}text")]
    key = lines[lines.index("Relation:") :]
    assert "untested" in key
    assert "· no cue" in key
    stages = key[key.index("Stage:") + 1 : key.index("Salience:")]
    assert stages == [
        "talks", "before talks start", "ceasefire", "before a ceasefire",
        "settlement", "in the settlement", "(untagged: not coded)",
    ]  # fmt: skip
    assert key[key.index("Salience:") + 1] == (
        "ranked first, ranked high: as an article ranks the issue for the party "
        "(not shown: not ranked)"
    )
    args = ("north", "south", "--issue", "reconstruction")
    lines = ["".join(t.itertext()) for t in chart(run, data, *args).iter(f"{SVG}text")]
    assert "Stage:" not in lines
    assert "Salience:" not in lines
    assert "untested" in lines
    assert "· no cue" not in lines


# -- hostile text in the new fields ---------------------------------------------------------------

HOSTILE = r"<script>alert(1)</script> & \"q\" \e[2J \u202e"


# What the new fields hold in the briefing's file: a doubter, a ranking's and a doubt's quotes, a
# camp, a party a joint statement names, and the title of a source only a doubt quotes.
NEW_FIELDS = (
    "analysts",
    "Foremost among the North's demands is neutrality.",
    "Analysts doubt that the North wants a deal.",
    "The South and its backers",
    "Partners",
    "The third article",
)


def hostile(tmp_path: Path) -> str:
    """The briefing's file with hostile text after each value of ``NEW_FIELDS``."""
    text = BRIEFING
    for value in NEW_FIELDS:
        written = f'"{value}"' if f'"{value}"' in text else value
        assert text.count(written) == 1, value
        text = text.replace(written, f'"{value} {HOSTILE}"')
    path = tmp_path / "hostile.yaml"
    path.write_text(text)
    return str(path)


@pytest.mark.parametrize("fmt", ["html", "svg"])
def test_hostile_text_in_the_new_fields_stays_text(run: Run, tmp_path: Path, fmt: str) -> None:
    """Hostile text in the new fields stays text, on the page and in the chart.

    A doubter, a ranking's or a doubt's quote, a camp, a party named jointly, a source's title:
    markup is escaped, and control and reordering characters are shown, never sent.
    """
    data = hostile(tmp_path)
    outs = [
        run("export", *parties, "-o", "-", "--format", fmt, "--data", data).out
        for parties in (("north", "south"), ("south", "partners"))
    ]
    for out in outs:
        assert "<script" not in out
        assert "\x1b" not in out
        assert "\u202e" not in out
        assert "\\u001b[2J \\u202e" in out
        if fmt == "svg":
            root = ET.fromstring(out)
            assert not list(root.iter(f"{SVG}script"))
    together = "".join(outs)
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp;"
    for value in NEW_FIELDS:
        shown = value.replace("'", "&#x27;") if fmt == "html" else value
        assert f"{shown} {escaped}" in together, value
