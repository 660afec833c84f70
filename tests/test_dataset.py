"""The shipped dataset, and only here: what it holds, its codebook, the results read from it.

Every other test builds its own small file, so correcting the data breaks only this file.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from positions.comparison import compare
from positions.coverage import coverage
from positions.lint import lint
from positions.loader import load
from positions.lookup import find_parties
from positions.model import Attribution, Dataset, Firmness
from positions.options import shipped_path
from positions.results import Reading, Relation
from positions.textfile import read_sources
from positions.verify import check, cited

from .conftest import SHARED_SOURCES, SHIPPED, Run

needs_sources = pytest.mark.skipif(
    not SHARED_SOURCES.is_dir(), reason="../shared/sources is not beside the repository"
)


@pytest.fixture(scope="module")
def ds() -> Dataset:
    """The shipped dataset."""
    return load(SHIPPED)


def relations(ds: Dataset, *parties: str) -> dict[str, Relation | None]:
    """Each issue's relation among ``parties``."""
    cmp = compare(ds, find_parties(ds, list(parties)))
    return {row.issue.id: row.relation for row in cmp.rows}


# -- what it holds ------------------------------------------------------------------------------


def test_packaged_copy_is_the_repository_file() -> None:
    """The dataset installed with the package is byte for byte the repository's positions.yaml."""
    packaged = resources.files("positions") / "data" / "positions.yaml"
    assert packaged.read_bytes() == SHIPPED.read_bytes()
    assert load(shipped_path()).title == load(SHIPPED).title


def test_sources_are_the_five_articles(ds: Dataset) -> None:
    """Each of the five articles is a source, under its file's stem."""
    assert list(ds.sources) == [
        "000_0a8fe8cfe1556368",
        "001_4e8d2436c405cb0f",
        "002_46ba32856588528c",
        "003_73338be038f2a305",
        "004_9fcde2ece9f1eb0d",
    ]


def test_counts(ds: Dataset, run: Run) -> None:
    """20 issues in 4 disputes, 6 parties, 44 stances, 111 quotes, as validate reports them.

    The stances include the partners' copy of the one joint statement; its quote counts once.
    """
    assert len(ds.disputes) == 4
    assert run("validate", str(SHIPPED)).out == (
        f"{SHIPPED}: valid positions/3: 5 sources, 20 issues, 6 parties, 44 stances, 111 quotes\n"
    )


def test_required_issues_and_parties(ds: Dataset) -> None:
    """The four core issues and the two main parties are present under their fixed ids."""
    assert {"territory", "nato", "withdrawal", "security-guarantees"} <= set(ds.issues)
    assert {"russia", "ukraine"} <= set(ds.parties)


# -- held to the codebook -------------------------------------------------------------------------


def test_the_codebook_lists_the_vocabulary(ds: Dataset) -> None:
    """docs/codebook.md's vocabulary table has each issue, its question and its outcomes, in order.

    A second coder codes into these ids from the codebook alone.
    """
    codebook = (SHIPPED.parent / "docs" / "codebook.md").read_text()
    rows = re.findall(r"^\| `([a-z-]+)` \| (.*) \| (`.*) \|$", codebook, re.MULTILINE)
    assert rows == [
        (i.id, i.question, "; ".join(f"`{o}` {d}" for o, d in i.outcomes.items()))
        for i in ds.issues.values()
    ]


@needs_sources
def test_every_quote_is_in_its_article(ds: Dataset) -> None:
    """Every quote occurs in its article (after folding quotes and dashes).

    111 quotes of evidence, 3 of salience, 3 of doubts and 54 sentences (or parts of one) set
    aside, as verify counts them.
    """
    checked, missing = check(ds, read_sources(SHARED_SOURCES, cited(ds)))
    assert [str(m) for m in missing] == []
    assert sum(len(s.set_aside) for s in ds.sources.values()) == 54
    assert checked == 111 + 3 + 3 + 54


@needs_sources
def test_coverage_of_each_article(ds: Dataset) -> None:
    """Per source: sentences, cited, set aside, open candidates, as ``positions coverage`` gives.

    No open candidate: every sentence that names a party or carries a cue is cited (by evidence,
    a salience or a doubt) or set aside with a reason.
    """
    report = coverage(ds, read_sources(SHARED_SOURCES, ds.sources))
    found = {
        s.id[:3]: (
            len(s.sentences),
            s.count(Reading.CITED),
            s.count(Reading.SET_ASIDE),
            s.count(Reading.CANDIDATE),
        )
        for s in report.sources
    }
    assert found == {
        "000": (21, 16, 4, 0),
        "001": (32, 15, 5, 0),
        "002": (19, 10, 6, 0),
        "003": (64, 25, 28, 0),
        "004": (15, 10, 2, 0),
    }
    assert report.candidates == 0


@needs_sources
def test_lint_is_clean(ds: Dataset) -> None:
    """No error and no warning against the codebook: each finding is on a stance with a note."""
    report = lint(ds, read_sources(SHARED_SOURCES, ds.sources))
    assert (report.errors, report.warnings) == (0, 0), [f.message for f in report.findings]
    assert all(f.noted for f in report.findings)


def test_speculation_is_marked_inferred(ds: Dataset) -> None:
    """The sanctions stance rests only on the article's speculation, and says so."""
    stance = ds.parties["russia"].stances["sanctions"]
    assert {e.attribution for e in stance.evidence} == {Attribution.INFERRED}


# -- the faults of the first coding (issue 12), each visibly fixed ------------------------------


def test_one_passage_one_reading(ds: Dataset) -> None:
    """003's "non-negotiable conditions" passage backs only the stances its words name: red lines.

    "Ukraine's geopolitical orientation" is NATO, the "new realities" the basis and territory;
    foreign bases, guarantees and the ceasefire are not named, so no stance reads it as theirs.
    """
    passage = "non-negotiable conditions"
    backed = {
        iid
        for iid, stance in ds.parties["russia"].stances.items()
        if any(passage in e.quote for e in stance.evidence) and iid != "negotiations"
    }
    assert backed == {"nato", "basis", "territory"}
    assert {ds.parties["russia"].stances[i].firmness for i in backed} == {Firmness.RED_LINE}


def test_wishes_and_beliefs_are_open(ds: Dataset) -> None:
    """An aspiration (Ukraine on NATO) and a belief (Russia on European security) are open."""
    assert ds.parties["ukraine"].stances["nato"].firmness is Firmness.OPEN
    assert ds.parties["russia"].stances["european-security"].firmness is Firmness.OPEN


def test_russia_on_sequencing_rests_on_what_it_said(ds: Dataset) -> None:
    """Firm on 001's "alibi" sentence, not on a forecast ("are expected to continue")."""
    stance = ds.parties["russia"].stances["sequencing"]
    quotes = " ".join(e.quote for e in stance.evidence)
    assert stance.firmness is Firmness.FIRM
    assert "cannot serve as an alibi" in quotes
    assert "expected to continue" not in quotes


def test_preconditions_are_split_onto_their_issues(ds: Dataset) -> None:
    """No catch-all "preconditions": Russia's talks name each condition on its own issue."""
    assert "preconditions" not in ds.issues
    assert set(ds.parties["russia"].stances["negotiations"].conditions) == {
        "basis",
        "territory",
        "nato",
        "demilitarisation",
        "russian-interests",
        "compromise",
    }


def test_ukraine_keeps_its_terms(ds: Dataset) -> None:
    """Ukraine is ready to negotiate "only on its terms", and the terms are its conditions."""
    stance = ds.parties["ukraine"].stances["negotiations"]
    assert any("but only on its terms, which include" in e.quote for e in stance.evidence)
    assert set(stance.conditions) == {
        "territory",
        "withdrawal",
        "reparations",
        "war-crimes",
        "sequencing",
        "ceasefire",
    }


def test_claims_stay_with_who_made_them(ds: Dataset) -> None:
    """The West makes no claim the articles give to "Ukraine and many partners" or to a ceasefire.

    No West stance on withdrawal or war crimes; "1991 borders" only for the international
    community; Zelensky named only where the article names him.
    """
    assert {"withdrawal", "war-crimes"}.isdisjoint(ds.parties["west"].stances)
    assert "war-crimes" in ds.parties["partners"].stances
    ukraine = [e for s in ds.parties["ukraine"].stances.values() for e in s.evidence]
    assert not any("1991" in e.quote for e in ukraine)
    for e in ukraine:
        if e.speaker and "Zelensk" in e.speaker:
            assert "Zelensk" in e.quote, e.quote


def test_conditions_are_staged(ds: Dataset) -> None:
    """Which conditions block talks from starting, which a ceasefire, which are terms of a deal.

    Every condition has a stage; the party's own stance on the condition's issue has the same.
    """

    def staged(party: str) -> dict[str, set[str]]:
        stance = ds.parties[party].stances["negotiations"]
        assert set(stance.condition_stages) == set(stance.conditions)
        found: dict[str, set[str]] = {}
        for issue, stage in stance.condition_stages.items():
            found.setdefault(stage.value, set()).add(issue)
            assert ds.parties[party].stances[issue].stage is stage, (party, issue)
        return found

    assert staged("russia") == {
        "talks": {"basis", "compromise"},
        "ceasefire": {"territory", "nato"},
        # 001's "prerequisite" is that talks advance the operation's goals: what they must yield.
        "settlement": {"russian-interests", "demilitarisation"},
    }
    assert staged("ukraine") == {
        "talks": {"territory", "withdrawal", "sequencing", "ceasefire"},
        "settlement": {"reparations", "war-crimes"},
    }


def test_salience_only_where_an_article_ranks_it(ds: Dataset) -> None:
    """Salience where an article ranks the issue for the party, and nowhere else.

    Neutrality is "foremost among Russia's demands", territory "another ... element of the core
    demand", Russia's interests "the central caveat"; every other stance is unranked, and
    salience is not firmness.
    """
    ranked = {
        (party.id, issue): stance.salience.level.value
        for party in ds.parties.values()
        for issue, stance in party.stances.items()
        if stance.salience
    }
    assert ranked == {
        ("russia", "nato"): "top",
        ("russia", "territory"): "high",
        ("russia", "russian-interests"): "high",
    }
    assert ds.parties["russia"].stances["territory"].firmness is Firmness.RED_LINE


def test_outcomes_link_to_what_the_articles_say_they_contain(ds: Dataset) -> None:
    """003's guarantees preclude NATO and foreign bases; 002's realities include recognition."""
    guarantees = ds.issues["security-guarantees"]
    assert guarantees.requires["guarantees-for-russia"] == {("foreign-bases", "no-foreign-bases")}
    assert guarantees.excludes_elsewhere["guarantees-for-russia"] == {("nato", "right-to-join")}
    assert ds.issues["nato"].excludes_elsewhere["right-to-join"] == {
        ("security-guarantees", "guarantees-for-russia")
    }
    assert ds.issues["basis"].requires["realities-on-the-ground"] == {
        ("territory", "recognise-russian-control")
    }
    assert ds.issues["russian-interests"].requires["interests-met"] == {
        ("nato", "neutrality"),
        ("territory", "recognise-russian-control"),
    }


def test_every_pair_of_different_asks_is_excluded_or_checked(ds: Dataset) -> None:
    """No untested pair: two parties' different asks on an issue exclude each other or were checked.

    The one pair checked compatible is the two kinds of security guarantees.
    """
    untested: list[tuple[str, str, str]] = []
    checked: list[tuple[str, str, str]] = []
    for issue in ds.issues.values():
        asks = {
            (party.id, outcome)
            for party in ds.parties.values()
            if issue.id in party.stances
            for outcome in party.stances[issue.id].accepts
        }
        for a, x in asks:
            for b, y in asks:
                if a < b and x < y and not issue.exclusive(x, y):
                    (checked if issue.checked(x, y) else untested).append((issue.id, x, y))
    assert untested == []
    assert set(checked) == {
        ("security-guarantees", "guarantees-for-russia", "guarantees-for-ukraine")
    }


def test_the_doubts_about_russias_sincerity_are_beside_its_talks(ds: Dataset) -> None:
    """000's "the appearance of being open", 003's "sincerity" and "merely a strategic maneuver"."""
    doubts = ds.parties["russia"].stances["negotiations"].doubts
    assert [(d.by, d.source[:3]) for d in doubts] == [
        ("analysts", "000"),
        ("the writers", "003"),
        ("the writers", "003"),
    ]
    assert "appearance of being open" in doubts[0].quote
    assert "merely a strategic maneuver" in doubts[2].quote


def test_joint_statements_are_coded_once_and_camps_group_the_backers(ds: Dataset) -> None:
    """000's "Ukraine and its allies insist ..." is coded on Ukraine and is the partners' too.

    Ukraine, the West and the partners are one camp; the international community is in none.
    """
    assert ds.parties["ukraine"].stances["basis"].joint == ("partners",)
    assert ds.parties["partners"].stances["basis"].coded_under == "ukraine"
    assert {p.id for p in ds.parties.values() if p.camp == "kyiv"} == {
        "ukraine",
        "west",
        "partners",
    }
    assert ds.parties["international-community"].camp is None
    assert ds.camps == {"kyiv": "Ukraine and its backers"}


def test_guarantees_for_russia_say_what_they_contain(ds: Dataset) -> None:
    """The outcome says what 003 says the guarantees preclude: NATO and foreign bases."""
    described = ds.issues["security-guarantees"].outcomes["guarantees-for-russia"]
    assert "NATO" in described
    assert "bases" in described


# -- the faults of the second coding (issue 19), each visibly fixed ------------------------------


def test_russian_guarantees_rest_on_quotes_about_guarantees(ds: Dataset) -> None:
    """No "security interests" or "concerns" filed as guarantees: those are Russia's interests."""
    russia = ds.parties["russia"].stances
    assert all("guarantees" in e.quote for e in russia["security-guarantees"].evidence)
    assert "security-guarantees" not in russia["negotiations"].conditions
    interests = " ".join(e.quote for e in russia["russian-interests"].evidence)
    assert "security interests" in interests
    assert "security concerns" in interests


def test_a_forecast_keeps_the_cue_it_reports(ds: Dataset) -> None:
    """A forecast ("would likely be a Russian demand"): firm by "demand", inferred as a forecast."""
    stance = ds.parties["russia"].stances["sanctions"]
    assert stance.firmness is Firmness.FIRM
    assert {e.attribution for e in stance.evidence} == {Attribution.INFERRED}


def test_summaries_keep_the_articles_verbs(ds: Dataset) -> None:
    """004 says "stating a willingness to engage", not "engaging"; "disproved" passes a verdict."""
    assert "stating a willingness to engage" in ds.parties["russia"].stances["basis"].summary
    for issue in ("nato", "european-security"):
        summary = ds.parties["west"].stances[issue].summary
        assert "disputed" in summary
        assert "disproved" not in summary
        assert "rebutted" not in summary


def test_ceasefire_positions_as_the_articles_give_them(ds: Dataset) -> None:
    """Ukraine asks for a ceasefire with withdrawal (002); Russia only rejects one, seeks none."""
    ukraine = ds.parties["ukraine"].stances["ceasefire"]
    russia = ds.parties["russia"].stances["ceasefire"]
    assert ukraine.accepts == ("ceasefire-with-withdrawal",)
    assert russia.accepts == ()
    assert russia.rejects == ("ceasefire-with-withdrawal",)


def test_western_support_for_ukraines_defences_is_coded(ds: Dataset) -> None:
    """The West helps rebuild Ukraine's defences (002), which excludes demilitarisation.

    002's "help rebuild Ukraine's defence infrastructure" and "military aid" are both quoted.
    """
    west = ds.parties["west"].stances["demilitarisation"]
    assert west.accepts == ("rebuild-defences",)
    assert ds.issues["demilitarisation"].exclusive("rebuild-defences", "demilitarisation")
    quotes = " ".join(e.quote for e in west.evidence)
    assert "help rebuild" in quotes
    assert "military aid" in quotes


def test_compromise_is_asked_of_both_sides_not_offered_by_one(ds: Dataset) -> None:
    """Putin's "both sides ... willingness to compromise" (004) is a condition, not Russia's offer.

    It is its own issue, not an outcome Russia accepts on negotiations beside a settlement.
    """
    assert ds.parties["russia"].stances["negotiations"].accepts == ("negotiated-settlement",)
    assert "mutual-compromise" not in ds.issues["negotiations"].outcomes
    assert ds.parties["russia"].stances["negotiations"].conditions["compromise"] == (
        "mutual-compromise",
    )


def test_sentences_the_readers_found_uncited_are_coded(ds: Dataset) -> None:
    """The sentences issue 19's readers found cited nowhere each back a stance now.

    000's "open to dialogue if", 001's "diplomacy is possible, but only if", 003's "Any peace
    agreement would require ...".
    """
    quotes = {p: " ".join(e.quote for s in ds.parties[p].stances.values() for e in s.evidence)
              for p in ("russia", "partners")}  # fmt: skip
    assert "is open to dialogue if Ukraine and its allies acknowledge" in quotes["russia"]
    assert "diplomacy is possible, but only if it yields outcomes" in quotes["russia"]
    assert "Any peace agreement would require not only Kyiv’s consent" in quotes["partners"]


def test_mediators_are_members_not_aliases(ds: Dataset, run: Run) -> None:
    """China and Turkey are members of the mediators: ``show china`` says so, not a merged party."""
    mediators = ds.parties["mediators"]
    assert {"China", "Turkey"} <= set(mediators.members)
    assert not {"China", "Turkey"} & set(mediators.aliases)
    result = run("show", "china", "--data", str(SHIPPED))
    assert (result.code, result.err) == (
        2,
        "positions: no party 'china'; it is one of the members of 'mediators', whose stances are "
        "the group's (positions show mediators)\n",
    )


# -- the relations an analyst reads (issue 11's observations, on the data) -----------------------


def test_headline_russia_ukraine(ds: Dataset) -> None:
    """Conflict on territory, NATO, withdrawal, and guarantees through NATO; talks on conditions.

    The two kinds of guarantees were checked compatible, but Russia's exclude Ukraine's right to
    join NATO (003: "preclude Ukraine from joining NATO"), which Ukraine asks for.
    """
    found = relations(ds, "russia", "ukraine")
    for issue in (
        "territory", "nato", "withdrawal", "basis", "sequencing", "ceasefire", "war-crimes",
        "security-guarantees",
    ):  # fmt: skip
        assert found[issue] is Relation.CONFLICT, issue
    # No Ukrainian statement on Europe's security order: the West's, not Ukraine's (000).
    assert found["european-security"] is Relation.UNKNOWN
    assert relations(ds, "russia", "west")["european-security"] is Relation.CONFLICT
    assert found["negotiations"] is Relation.CONDITIONAL
    assert found["humanitarian"] is Relation.AGREE


def test_every_conflict_says_why(ds: Dataset) -> None:
    """No bare CONFLICT: each names a rejected outcome or two that exclude each other."""
    cmp = compare(ds, find_parties(ds, ["russia", "ukraine"]))
    for row in cmp.rows:
        if row.relation is Relation.CONFLICT:
            assert row.verdict is not None
            assert row.verdict.clashes, row.issue.id
            assert "rejected by" in row.verdict.reason or "excludes" in row.verdict.reason


def test_one_dispute_is_counted_once(run: Run) -> None:
    """Nine conflicts over four disputes, said in the first lines of compare."""
    out = run("compare", "russia", "ukraine", "--data", str(SHIPPED), env={"COLUMNS": "80"}).out
    assert out.splitlines()[1] == ("8 conflict (4 disputes) · 1 conditional · 1 agree · 10 unknown")


def test_silent_parties_do_not_hide_the_others(ds: Dataset, run: Run) -> None:
    """Five parties: relations among those with a stance, the silent ones named."""
    found = relations(ds, "russia", "ukraine", "west", "international-community", "mediators")
    assert found["territory"] is Relation.CONFLICT
    assert found["nato"] is Relation.CONFLICT
    data = json.loads(
        run(
            "compare", "russia", "ukraine", "west", "international-community", "mediators",
            "--format", "json", "--data", str(SHIPPED),
        ).out
    )  # fmt: skip
    territory = next(i for i in data["issues"] if i["id"] == "territory")
    assert territory["silent"] == ["west", "mediators"]
    assert data["counts"]["unknown"]["issues"] < 20


def test_agenda_russia_ukraine(run: Run) -> None:
    """The humanitarian channel first; then what must happen before talks, territory last there.

    The ceasefire and talks while fighting are among what must be settled before talks; the
    security package comes in the settlement; no red line is listed as if no one had a position.
    """
    out = run("agenda", "russia", "ukraine", "--data", str(SHIPPED), "--format", "json").out
    agenda = json.loads(out)["agenda"]
    assert (agenda[0]["issue"], agenda[0]["phase"]) == (
        "humanitarian",
        "common ground, at any stage",
    )
    talks = [i["issue"] for i in agenda if i["stage"] == "talks" and i["group"] == "conflict"]
    assert talks == ["withdrawal", "basis", "sequencing", "ceasefire", "territory"]
    settlement = [i["issue"] for i in agenda if i["stage"] == "settlement"]
    assert "security-guarantees" in settlement
    stages = [i["stage"] for i in agenda[1:]]
    order = ["talks", "ceasefire", "settlement", None]
    assert stages == sorted(stages, key=order.index)
    red_lines = {"reparations", "demilitarisation", "russian-interests"}
    assert {i["group"] for i in agenda if i["issue"] in red_lines} == {
        "one side's red line, no position recorded for the other"
    }


# -- at a glance ---------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["checkout", "elsewhere"])
def test_compare_fits_one_screen(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, where: str
) -> None:
    """The default comparison fits an 80 x 50 terminal with its prompt, anywhere it is run.

    In the checkout it reads ./positions.yaml; elsewhere the dataset shipped with the package,
    whose footer is longer: neither pushes the view over one screen. (Eleven relations fit
    because the issues of one dispute stand together, with no blank line between them.)
    """
    monkeypatch.chdir(SHIPPED.parent if where == "checkout" else tmp_path)
    out = run("compare", "russia", "ukraine").out
    assert out.splitlines()[-1].startswith("data: positions.yaml")
    assert len(out.splitlines()) <= 49
    assert max(len(line) for line in out.splitlines()) <= 80


# -- reliability -----------------------------------------------------------------------------


def test_the_reliability_figures_are_what_the_tool_measures(run: Run) -> None:
    """docs/codebook.md's table of the blind second coding is the agreement measured today."""
    second = SHIPPED.parent / "docs" / "reliability" / "second-coding-002-003.yaml"
    out = run("agreement", str(SHIPPED), str(second), "--source", "002,003", "--format", "json").out
    data = json.loads(out)
    codebook = (SHIPPED.parent / "docs" / "codebook.md").read_text()
    for kind in ("outcomes", "firmness", "attribution", "conditions", "stage", "salience"):
        score = data[kind]
        percent = f"{score['percent']:.1f}%".replace("100.0%", "100%")
        row = (
            f"| {kind} | {score['units']} | {score['agreed']} ({percent}) | {score['kappa']:.3f} |"
        )
        assert row in codebook, row
    for kind in ("outcomes", "firmness", "stage", "salience"):
        assert data[kind]["kappa"] >= 0.7, kind
    relations = data["relations"]
    assert (
        f"| relations (same of all) | {relations['units']} | {relations['agreed']} "
        f"({relations['percent']:.1f}%) |"
    ) in codebook


def test_show_names_each_doubter_once(run: Run) -> None:
    """Russia's talks stance: the analysts (000) and the writers (003), each named once."""
    out = run("show", "russia", "--data", str(SHIPPED), env={"COLUMNS": "200"}).out
    assert "    doubted by analysts (000) and the writers (003)" in out.splitlines()


def test_the_readme_says_the_shipped_counts(run: Run) -> None:
    """The figures the README's prose gives of the shipped data are today's."""
    readme = (SHIPPED.parent / "README.md").read_text()
    out = run("compare", "russia", "ukraine", "--data", str(SHIPPED), "--format", "json").out
    conflicts = sum(1 for i in json.loads(out)["issues"] if i["relation"] == "conflict")
    words = {7: "seven", 8: "eight", 9: "nine", 10: "ten"}
    assert f"Russia and Ukraine conflict on {words[conflicts]} issues" in readme
    linted = run("lint", str(SHIPPED), "--sources", str(SHARED_SOURCES)).out.splitlines()[0]
    assert f"`{linted.split(' in ')[0]}" in " ".join(readme.split())


def test_verify_says_what_its_quotes_are(run: Run) -> None:
    """The verify command says how many of its quotes are evidence, as validate counts them."""
    out = run("verify", str(SHIPPED), "--sources", str(SHARED_SOURCES)).out
    assert out.endswith(
        "all 171 quotes found in " + str(SHARED_SOURCES)
        + " (111 of evidence, 6 of salience and doubts, 54 set aside)\n"
    )  # fmt: skip


def test_the_issue_list_names_each_dispute(run: Run) -> None:
    """The issue list as CSV: each dispute's id and its name, as the export's rows name it."""
    rows = run("issues", "--format", "csv", "--data", str(SHIPPED)).out.splitlines()
    assert rows[1].split(",")[3:5] == ["territorial", "Territory and troops"]
