"""The strict loader: what it builds from valid files and what it refuses, at which place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from positions.errors import DataError, FileError
from positions.loader import MAX_PROBLEMS, load, parse
from positions.model import (
    Attribution,
    Compatibility,
    Doubt,
    Evidence,
    Firmness,
    Level,
    Stage,
)

from .conftest import FORMAT_2, FORMAT_3, INVALID, MINIMAL, THREE, VALID

EXPECT = re.compile(r"^# expect: (\d+):(\d+): (.*)$", re.MULTILINE)


def expected(path: Path) -> list[tuple[int, int, str]]:
    """The problems an invalid file declares in its ``# expect:`` comments."""
    return [(int(m[1]), int(m[2]), m[3]) for m in EXPECT.finditer(path.read_text())]


def problems(path: Path) -> list[tuple[int, int, str]]:
    """The problems the loader reports for ``path``."""
    with pytest.raises(DataError) as info:
        load(path)
    assert all(p.path == str(path) for p in info.value.problems)
    return [(p.line, p.column, p.message) for p in info.value.problems]


@pytest.mark.parametrize("path", sorted(INVALID.glob("*.yaml")), ids=lambda p: p.stem)
def test_invalid_file_reports_exact_problems(path: Path) -> None:
    """Each invalid file is refused with exactly the problems, lines and columns it declares."""
    assert expected(path), f"{path.name} declares no expected problem"
    assert problems(path) == expected(path)


@pytest.mark.parametrize("path", sorted(VALID.glob("*.yaml")), ids=lambda p: p.stem)
def test_valid_file_loads(path: Path) -> None:
    """Each valid example loads without a problem."""
    assert load(path).parties


def test_minimal_file_builds_the_model() -> None:
    """The model holds every field as written, with the place of each stance and quote."""
    ds = load(MINIMAL)
    assert ds.title == "Minimal example"
    assert list(ds.issues["territory"].outcomes) == ["keep", "return"]
    north = ds.parties["north"]
    assert north.aliases == ("n", "Northland")
    stance = north.stances["territory"]
    assert stance.accepts == ("keep",)
    assert stance.rejects == ("return",)
    assert stance.firmness is Firmness.RED_LINE
    (evidence,) = stance.evidence
    assert evidence.attribution is Attribution.STATED
    assert evidence.speaker is None
    assert evidence.location is not None
    assert (evidence.location.line, evidence.location.column) == (25, 13)
    south = ds.parties["south"].stances["territory"]
    assert south.rejects == ()
    assert south.evidence[0].speaker == "The South's president"


def test_unquoted_date_is_kept_as_written() -> None:
    """``published: 2024-02-01`` is a date where a date belongs, kept as its text."""
    source = load(THREE).sources["s1"]
    assert (source.published, source.outlet, source.url) == (
        "2024-02-01",
        "The Daily Example",
        "https://example.org/article",
    )


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark, as some editors write, does not stop the file loading."""
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.read_bytes())
    assert load(path).title == "Minimal example"


def test_invalid_utf8_points_at_the_byte(tmp_path: Path) -> None:
    """A byte that is not UTF-8 is reported at its line and column."""
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"schema: positions/1\ntitle: Caf\xe9\n")
    with pytest.raises(DataError) as info:
        load(path)
    assert (
        str(info.value)
        == f"{path}:2:11: byte 0xe9 is not valid UTF-8; expected a file saved as UTF-8"
    )


def test_problems_are_capped(tmp_path: Path) -> None:
    """A file with very many problems reports the first MAX_PROBLEMS and counts the rest."""
    stances = "".join(
        f"  p{i}:\n    name: P{i}\n    stances: {{t: {{summary: s, accepts: [o], firmness: no, "
        f"evidence: [{{source: s, quote: q, attribution: stated}}]}}}}\n"
        for i in range(MAX_PROBLEMS + 7)
    )
    text = (
        "schema: positions/1\ntitle: t\nsources: {s: {title: s}}\n"
        "issues: {t: {name: t, question: q, outcomes: {o: o}}}\nparties:\n" + stances
    )
    with pytest.raises(DataError) as info:
        parse(text, "many.yaml")
    assert len(info.value.problems) == MAX_PROBLEMS
    assert info.value.lines()[-1] == "... and 7 more problems not shown"
    assert info.value.problems[0].message == (
        "firmness of stance of 'p0' on 't' is 'no', which YAML reads as a boolean; "
        "expected one of red-line, firm, open"
    )


def test_billion_laughs_is_refused_quickly() -> None:
    """Nested aliases are refused at the first anchor, before anything could expand."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 30)]
    with pytest.raises(DataError) as info:
        parse("\n".join(lines), "laughs.yaml")
    first = info.value.problems[0]
    assert (first.line, first.column) == (1, 5)
    assert first.message == "anchor 'a0' is not supported; expected every value written out in full"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.yaml", "no such file; expected a positions YAML file"),
        (".", "is a folder; expected a positions YAML file"),
    ],
)
def test_unreadable_path_is_a_file_error(tmp_path: Path, name: str, message: str) -> None:
    """A path that does not exist or is a folder gives a FileError naming the path."""
    path = tmp_path / name
    with pytest.raises(FileError) as info:
        load(path)
    assert str(info.value) == f"{path}: {message}"


def test_loader_uses_the_c_parser_when_pyyaml_has_it() -> None:
    """Where PyYAML was built with libyaml, the loader parses with it (the fast path)."""
    import yaml

    from positions import yamltree

    if yaml.__with_libyaml__:
        assert yamltree._LOADER is yaml.CSafeLoader


def test_empty_mapping_value_suggests_braces() -> None:
    """A party whose ``stances:`` is left empty is told how to write none."""
    text = "schema: positions/1\ntitle: t\nsources: {}\nissues: {}\nparties:\n  a:\n    name: A\n"
    with pytest.raises(DataError) as info:
        parse(text + "    stances:\n", "empty.yaml")
    assert str(info.value) == (
        "empty.yaml:8:13: stances of party 'a' is empty; expected a mapping (write {} for none)"
    )
    assert parse(text + "    stances: {}\n", "braces.yaml").parties["a"].stances == {}


# -- positions/3 -------------------------------------------------------------------------------


def refused(text: str) -> list[str]:
    """The problems the loader reports for ``text``, as ``LINE:COL: message``."""
    with pytest.raises(DataError) as info:
        parse(text, "t.yaml")
    return [f"{p.line}:{p.column}: {p.message}" for p in info.value.problems]


def edited(*edits: tuple[str, str]) -> str:
    """The positions/3 example with each (old, new) replaced once, each old text present."""
    text = FORMAT_3.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def test_format_3_builds_every_new_field() -> None:
    """Each field positions/3 added reaches the model as written."""
    ds = load(FORMAT_3)
    assert ds.schema == "positions/3"
    assert ds.camps == {"kyiv": "Ukraine and its backers", "moscow": "Russia"}
    source = ds.sources["s1"]
    assert (source.title_from, source.outlet, source.published, source.url) == (
        "coder",
        "The Daily Example",
        "2024-02-01",
        "https://example.org/a",
    )
    assert [(p.id, p.camp) for p in ds.parties.values()] == [
        ("russia", "moscow"),
        ("ukraine", "kyiv"),
        ("partners", "kyiv"),
    ]
    russia = ds.parties["russia"].stances["security"]
    assert (russia.stage, russia.conditions, russia.condition_stages) == (
        Stage.TALKS,
        {"nato": ("neutral",)},
        {},
    )
    assert russia.salience is not None
    assert russia.salience.level is Level.TOP
    assert russia.salience.evidence == Evidence(
        "s1",
        "Foremost among Russia's demands are guarantees.",
        Attribution.REPORTED,
        "A Kremlin aide",
    )
    ukraine = ds.parties["ukraine"].stances["security"]
    assert ukraine.firmness is Firmness.NO_CUE
    assert (ukraine.stage, ukraine.conditions, ukraine.condition_stages) == (
        Stage.SETTLEMENT,
        {"nato": ("join",)},
        {"nato": Stage.CEASEFIRE},
    )
    assert ukraine.doubts == (Doubt("analysts", "s1", "Analysts doubt Ukraine means it."),)
    assert (ukraine.joint, ukraine.coded_under) == (("partners",), None)
    security, nato = ds.issues["security"], ds.issues["nato"]
    assert security.requires == {"for-russia": {("nato", "neutral"), ("security", "talks")}}
    assert security.excludes == {"for-russia": {"for-ukraine"}, "for-ukraine": {"for-russia"}}
    assert security.excludes_elsewhere == {"for-russia": {("nato", "join")}}
    assert nato.excludes_elsewhere == {"join": {("security", "for-russia")}}
    assert nato.requires == {}
    assert security.compatible == (
        Compatibility(frozenset({"for-ukraine", "for-both"}), "The article says both can hold."),
    )
    assert security.checked("for-both", "for-ukraine") is security.compatible[0]


def test_a_joint_statement_is_a_copy_on_each_party_it_names() -> None:
    """The party a joint statement names gets the stance, coded under its author, at its place."""
    ds = load(FORMAT_3)
    coded = ds.parties["ukraine"].stances["security"]
    copy = ds.parties["partners"].stances["security"]
    assert copy == coded._replace(joint=(), coded_under="ukraine")
    assert copy.location == coded.location
    assert list(ds.parties["partners"].stances) == ["security"]


def test_format_2_files_load_as_before() -> None:
    """A positions/2 file builds what it did: every positions/3 field not coded."""
    ds = load(FORMAT_2)
    assert ds.camps == {}
    stances = [s for p in ds.parties.values() for s in p.stances.values()]
    assert {(s.stage, s.salience, s.doubts, s.joint, s.coded_under) for s in stances} == {
        (None, None, (), (), None)
    }
    assert {s.firmness for s in stances} <= {Firmness.RED_LINE, Firmness.FIRM, Firmness.OPEN}
    issue = ds.issues["territory"]
    assert (issue.requires, issue.excludes_elsewhere, issue.compatible) == ({}, {}, ())


V3 = "'schema: positions/3' at the top of the file"


def test_format_3_fields_in_a_format_2_file_are_refused_each_at_its_place() -> None:
    """A positions/2 file using what positions/3 added: each use named with the schema it needs."""
    assert refused(edited(("schema: positions/3", "schema: positions/2"))) == [
        f"6:1: 'camps' in the file needs schema positions/3; expected {V3} to use it",
        f"12:5: 'title_from' in source 's1' needs schema positions/3; expected {V3} to use it",
        "23:9: 'requires' in outcome 'for-russia' of issue 'security' needs schema "
        f"positions/3; expected {V3} to use it",
        "24:33: 'nato/join' in excludes of outcome 'for-russia' of issue 'security' needs "
        f"schema positions/3; expected an outcome of issue 'security' by its id, or {V3}",
        f"28:5: 'compatible' in issue 'security' needs schema positions/3; expected {V3} to use it",
        f"40:5: 'camp' in party 'russia' needs schema positions/3; expected {V3} to use it",
        "46:9: 'stage' in stance of 'russia' on 'security' needs schema positions/3; "
        f"expected {V3} to use it",
        "49:9: 'salience' in stance of 'russia' on 'security' needs schema positions/3; "
        f"expected {V3} to use it",
        f"61:5: 'camp' in party 'ukraine' needs schema positions/3; expected {V3} to use it",
        "66:19: 'no-cue' as firmness of stance of 'ukraine' on 'security' needs schema "
        f"positions/3; expected one of red-line, firm, open, or {V3}",
        "67:9: 'stage' in stance of 'ukraine' on 'security' needs schema positions/3; "
        f"expected {V3} to use it",
        "69:17: condition on 'nato' of stance of 'ukraine' on 'security' as a mapping needs "
        f"schema positions/3; expected a list of outcomes, or {V3}",
        "70:9: 'doubts' in stance of 'ukraine' on 'security' needs schema positions/3; "
        f"expected {V3} to use it",
        "74:9: 'joint' in stance of 'ukraine' on 'security' needs schema positions/3; "
        f"expected {V3} to use it",
        f"89:5: 'camp' in party 'partners' needs schema positions/3; expected {V3} to use it",
    ]


def test_format_2_fields_in_a_format_1_file_name_the_schema_they_need() -> None:
    """In a positions/1 file, a positions/2 field asks for positions/2, a positions/3 one for /3."""
    found = refused(edited(("schema: positions/3", "schema: positions/1")))
    assert found[3] == (
        "24:9: 'excludes' in outcome 'for-russia' of issue 'security' needs schema "
        "positions/2; expected 'schema: positions/2' at the top of the file to use it"
    )
    assert found[2].startswith("23:9: 'requires' in outcome 'for-russia' of issue 'security' "
                               "needs schema positions/3;")  # fmt: skip


OWN = (
    "    stances:\n      security:\n        summary: Its own.\n        accepts: [for-both]\n"
    "        firmness: firm\n"
    "        evidence: [{source: s1, quote: Partners want it., attribution: stated}]\n"
)


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        (
            [("camp: kyiv\n    stances:\n      security",
              "camp: kiev\n    stances:\n      security")],
            ["61:11: camp 'kiev' of party 'ukraine' is not defined; expected one of kyiv, moscow "
             "(did you mean 'kyiv'?)"],
        ),
        (
            [("  moscow: Russia", "  Moscow: Russia")],
            ["8:3: camp id 'Moscow' is not valid; expected lower-case letters, digits, '-' and "
             "'_', starting with a letter or digit",
             "40:11: camp 'moscow' of party 'russia' is not defined; expected one of kyiv, "
             "Moscow (did you mean 'Moscow'?)"],
        ),
        (
            [("title_from: coder", "title_from: author")],
            ["12:17: title_from of source 's1' is 'author'; expected one of article, coder"],
        ),
        (
            [("stage: talks", "stage: talk")],
            ["46:16: stage of stance of 'russia' on 'security' is 'talk'; expected one of talks, "
             "ceasefire, settlement (did you mean 'talks'?)"],
        ),
        (
            [("stage: ceasefire}", "stage: truce}")],
            ["69:43: stage of condition on 'nato' of stance of 'ukraine' on 'security' is "
             "'truce'; expected one of talks, ceasefire, settlement"],
        ),
        (
            [("{outcomes: [join], stage: ceasefire}", "{stage: ceasefire}")],
            ["69:17: missing key 'outcomes' in condition on 'nato' of stance of 'ukraine' on "
             "'security'; expected outcomes"],
        ),
        (
            [("{outcomes: [join], stage", "{outcomes: [], stage")],
            ["69:28: condition on 'nato' of stance of 'ukraine' on 'security' names no outcome; "
             "expected at least one"],
        ),
        (
            [("{outcomes: [join], stage", "{outcomes: [joins], stage")],
            ["69:29: 'joins' is not an outcome of issue 'nato'; expected one of neutral, join "
             "(did you mean 'join'?)"],
        ),
        (
            [("level: top", "level: highest")],
            ["50:18: level of salience of stance of 'russia' on 'security' is 'highest'; "
             "expected one of top, high, low (did you mean 'high'?)"],
        ),
        (
            [("          source: s1\n          quote: Foremost",
              "          source: s2\n          quote: Foremost")],
            ["51:19: source 's2' is not defined; expected one of s1"],
        ),
        (
            [("          quote: Foremost among Russia's demands are guarantees.\n", "")],
            ["50:11: missing key 'quote' in salience of stance of 'russia' on 'security'; "
             "expected level, source, quote, attribution"],
        ),
        (
            [("        doubts:\n          - by: analysts\n            source: s1\n"
              "            quote: Analysts doubt Ukraine means it.\n", "        doubts: []\n")],
            ["70:17: doubts of stance of 'ukraine' on 'security' is empty; expected at least one "
             "doubt, or no key"],
        ),
        (
            [("          - by: analysts\n            source: s1",
              "          - by: analysts\n            source: s9")],
            ["72:21: source 's9' is not defined; expected one of s1"],
        ),
        (
            [("          - by: analysts\n            source: s1", "          - source: s1")],
            ["71:13: missing key 'by' in a doubt about stance of 'ukraine' on 'security'; "
             "expected by, source, quote"],
        ),
        (
            [("joint: [partners]", "joint: [partner]")],
            ["74:17: joint of stance of 'ukraine' on 'security' names undefined party "
             "'partner'; expected one of russia, partners (did you mean 'partners'?)"],
        ),
        (
            [("joint: [partners]", "joint: [partners, ukraine]")],
            ["74:27: joint of stance of 'ukraine' on 'security' names 'ukraine' itself; "
             "expected the other parties it speaks for"],
        ),
        (
            [("joint: [partners]", "joint: []")],
            ["74:16: joint of stance of 'ukraine' on 'security' is empty; expected at least "
             "one party, or no key"],
        ),
        (
            [("    stances: {}\n", OWN)],
            ["93:9: partners/security is coded twice: here and as a joint statement of "
             "ukraine/security at t.yaml:74:17; code it once"],
        ),
        (
            [("    stances: {}\n", OWN.replace("        evidence", "        joint: [russia]\n"
                                              "        evidence"))],
            ["43:9: russia/security is coded twice: here and as a joint statement of "
             "partners/security at t.yaml:96:17; code it once",
             "93:9: partners/security is coded twice: here and as a joint statement of "
             "ukraine/security at t.yaml:74:17; code it once"],
        ),
        (
            [("    stances: {}\n", "    stances: {}\n  others:\n    name: Others\n"
              + OWN.replace("        evidence", "        joint: [partners]\n        evidence"))],
            ["99:17: partners/security is coded twice: here and as a joint statement of "
             "ukraine/security at t.yaml:74:17; code it once"],
        ),
    ],
    ids=[
        "camp-undefined", "camp-id", "title-from", "stage", "condition-stage",
        "condition-without-outcomes", "condition-no-outcome", "condition-unknown-outcome",
        "salience-level", "salience-source", "salience-quote", "doubts-empty", "doubt-source",
        "doubt-by", "joint-undefined", "joint-itself", "joint-empty", "joint-and-own",
        "joint-both-ways", "two-joint-statements",
    ],
)  # fmt: skip
def test_format_3_stance_and_party_problems(
    edits: list[tuple[str, str]], expected: list[str]
) -> None:
    """Each mistake in a positions/3 stance, party or source: the exact message at its place."""
    assert refused(edited(*edits)) == expected


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        (
            [("requires: [nato/neutral, talks]", "requires: [natp/neutral, talks]")],
            ["23:20: outcome 'for-russia' of issue 'security' requires 'natp/neutral', whose "
             "issue 'natp' is not defined; expected issue/outcome with one of security, nato "
             "(did you mean 'nato'?)"],
        ),
        (
            [("requires: [nato/neutral, talks]", "requires: [nato/neutrality, talks]")],
            ["23:20: outcome 'for-russia' of issue 'security' requires 'nato/neutrality', which "
             "is not an outcome of issue 'nato'; expected one of neutral, join (did you mean "
             "'neutral'?)"],
        ),
        (
            [("requires: [nato/neutral, talks]", "requires: [nato/neutral, talk]")],
            ["23:34: outcome 'for-russia' requires 'talk', which is not an outcome of issue "
             "'security'; expected one of for-russia, for-ukraine, for-both, talks (did you "
             "mean 'talks'?)"],
        ),
        (
            [("excludes: [for-ukraine, nato/join]", "excludes: [for-ukraine, nato/joins]")],
            ["24:33: outcome 'for-russia' of issue 'security' excludes 'nato/joins', which is "
             "not an outcome of issue 'nato'; expected one of neutral, join (did you mean "
             "'join'?)"],
        ),
        (
            [("requires: [nato/neutral, talks]", "requires: [nato/neutral, security/for-russia]")],
            ["23:34: outcome 'for-russia' requires itself; expected another"],
        ),
        (
            [("excludes: [for-ukraine, nato/join]",
              "excludes: [for-ukraine, security/for-russia]")],
            ["24:33: outcome 'for-russia' excludes itself; expected another"],
        ),
        (
            [("requires: [nato/neutral, talks]", "requires: [nato/join, talks]")],
            ["23:20: outcome 'for-russia' of issue 'security' both requires and excludes "
             "'nato/join'; expected it in requires or excludes, not both"],
        ),
        (
            [("requires: [nato/neutral, talks]", "requires: [nato/neutral, for-ukraine]")],
            ["23:34: outcome 'for-russia' of issue 'security' both requires and excludes "
             "'for-ukraine'; expected it in requires or excludes, not both"],
        ),
        (
            [("      neutral: Ukraine stays neutral",
              "      neutral:\n        description: Ukraine stays neutral\n"
              "        excludes: [security/for-russia]")],
            ["23:20: outcome 'for-russia' of issue 'security' both requires and excludes "
             "'nato/neutral'; expected it in requires or excludes, not both"],
        ),
        (
            [("outcomes: [for-ukraine, for-both]", "outcomes: [for-ukraine]")],
            ["29:19: outcomes of a compatible pair of issue 'security' names one outcome; "
             "expected two"],
        ),
        (
            [("outcomes: [for-ukraine, for-both]", "outcomes: [for-ukraine, for-both, talks]")],
            ["29:19: outcomes of a compatible pair of issue 'security' names 3 outcomes; "
             "expected two"],
        ),
        (
            [("outcomes: [for-ukraine, for-both]", "outcomes: [for-ukraine, for-bothh]")],
            ["29:33: 'for-bothh' is not an outcome of issue 'security'; expected one of "
             "for-russia, for-ukraine, for-both, talks (did you mean 'for-both'?)"],
        ),
        (
            [("outcomes: [for-ukraine, for-both]", "outcomes: [for-ukraine, for-russia]")],
            ["29:19: outcomes 'for-ukraine' and 'for-russia' of issue 'security' are recorded "
             "compatible but exclude each other; expected them compatible or exclusive, not "
             "both"],
        ),
        (
            [("        reason: The article says both can hold.\n",
              "        reason: The article says both can hold.\n"
              "      - outcomes: [for-both, for-ukraine]\n        reason: Again.\n")],
            ["31:19: outcomes 'for-both' and 'for-ukraine' of issue 'security' are recorded "
             "compatible twice (first at line 29); expected each pair once"],
        ),
        (
            [("outcomes: [for-ukraine, for-both]", "outcomes: [for-both, for-both]")],
            ["29:30: 'for-both' is listed twice in outcomes of a compatible pair of issue "
             "'security' (first at line 29); expected each once"],
        ),
        (
            [("        reason: The article says both can hold.\n", "")],
            ["29:9: missing key 'reason' in a compatible pair of issue 'security'; expected "
             "outcomes, reason"],
        ),
        (
            [("    compatible:\n      - outcomes: [for-ukraine, for-both]\n"
              "        reason: The article says both can hold.\n", "    compatible: []\n")],
            ["28:17: compatible of issue 'security' is empty; expected at least one pair, or no "
             "key"],
        ),
    ],
    ids=[
        "requires-undefined-issue", "requires-undefined-outcome", "requires-bare-undefined",
        "excludes-undefined-outcome", "requires-itself", "excludes-itself",
        "requires-and-excludes", "requires-and-excludes-bare", "requires-and-excluded-there",
        "compatible-one", "compatible-three", "compatible-undefined", "compatible-excluded",
        "compatible-twice", "compatible-same-outcome", "compatible-no-reason",
        "compatible-empty",
    ],
)  # fmt: skip
def test_format_3_link_and_compatibility_problems(
    edits: list[tuple[str, str]], expected: list[str]
) -> None:
    """Each mistake in a link across outcomes or a recorded pair: the exact message at its place."""
    assert refused(edited(*edits)) == expected


def test_a_link_may_name_an_issue_further_down() -> None:
    """Links are resolved once every issue is read: an outcome may name a later issue's."""
    ds = load(FORMAT_3)
    assert list(ds.issues) == ["security", "nato"]
    assert ("nato", "neutral") in ds.issues["security"].requires["for-russia"]


def test_a_joint_statement_of_a_party_that_cannot_be_read_is_checked_still() -> None:
    """The author's own problem is reported, and its joint names are checked, without a copy."""
    text = edited(("    name: Ukraine\n", ""))
    assert refused(text) == [
        "60:5: missing key 'name' in party 'ukraine'; expected name, stances",
    ]
    assert refused(text.replace("joint: [partners]", "joint: [partner]")) == [
        "60:5: missing key 'name' in party 'ukraine'; expected name, stances",
        "73:17: joint of stance of 'ukraine' on 'security' names undefined party 'partner'; "
        "expected one of russia, partners (did you mean 'partners'?)",
    ]
