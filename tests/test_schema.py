"""The shipped JSON Schema agrees with the loader on every valid and invalid test file."""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from positions.errors import DataError
from positions.fields import json_schema
from positions.loader import load

from .conftest import (
    DISPUTES,
    FORMAT_3,
    HOSTILE,
    INVALID,
    MINIMAL,
    RELATIONS,
    ROOT,
    SHIPPED,
    THREE,
    VALID,
    Run,
    arg,
    generate,
)

# What JSON Schema cannot express, so only the loader refuses these files: YAML that does not
# parse, keys given twice (lost before a validator sees them), tags, references from stances to
# issues, outcomes and sources, an outcome in accepts and rejects, names shared by two parties,
# an unquoted date where text belongs (YAML 1.2, which editors use, reads it as text), and a
# positions/2 field in a positions/1 file (the schema describes the latest version's fields).
LOADER_ONLY = {
    "accepted-and-rejected",
    "alias-name-clash",
    "format-2-in-format-1",
    "date-as-text",
    "duplicate-issue",
    "duplicate-key-in-evidence",
    "duplicate-top-key",
    "empty-file",
    "python-tag",
    "syntax-error",
    "tab-indentation",
    "undefined-issue",
    "undefined-outcome",
    "undefined-source",
}


@functools.cache  # checking a schema takes 40 ms: once per run, not once per file
def validator() -> jsonschema.Draft202012Validator:
    """A validator for the schema shipped in the package."""
    text = (resources.files("positions") / "data" / "positions.schema.json").read_text()
    schema = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def as_json(path: Path) -> Any:
    """The file as an editor's YAML language server sees it: dates are kept as text."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))


def test_shipped_schema_is_generated_from_the_field_table() -> None:
    """data/positions.schema.json is what ``python -m positions.fields`` prints today.

    After a change to fields.py, regenerate it:
    python -m positions.fields > src/positions/data/positions.schema.json
    """
    shipped = json.loads(
        (resources.files("positions") / "data" / "positions.schema.json").read_text()
    )
    assert shipped == json_schema()


def test_shipped_file_names_the_schema() -> None:
    """positions.yaml opens with the modeline that points editors at the shipped schema."""
    first = SHIPPED.read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=src/positions/data/positions.schema.json"
    assert (SHIPPED.parent / first.split("=", 1)[1]).is_file()


@pytest.mark.parametrize("path", [SHIPPED, *sorted(VALID.glob("*.yaml"))], ids=lambda p: p.stem)
def test_schema_accepts_valid_files(path: Path) -> None:
    """Every file the loader accepts, the schema accepts."""
    assert [e.message for e in validator().iter_errors(as_json(path))] == []


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(INVALID.glob("*.yaml")) if p.stem not in LOADER_ONLY],
    ids=lambda p: p.stem,
)
def test_schema_refuses_invalid_files(path: Path) -> None:
    """Every invalid file that JSON Schema can judge, the schema refuses too."""
    assert list(validator().iter_errors(as_json(path)))


def test_loader_only_list_is_current() -> None:
    """Each file said to be beyond the schema exists, and the schema accepts or cannot read it."""
    for stem in LOADER_ONLY:
        path = INVALID / f"{stem}.yaml"
        assert path.is_file(), stem
        try:
            data = as_json(path)
        except yaml.YAMLError:
            continue
        if data is None:
            continue
        assert list(validator().iter_errors(data)) == [], stem


@functools.cache
def compare_validator() -> jsonschema.Draft202012Validator:
    """A validator for the documented shape of compare --format json."""
    schema = json.loads((ROOT / "docs" / "positions-compare-3.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "north", "south", "--data", arg(MINIMAL)),
        ("compare", "north", "south", "east", "--data", arg(THREE), "--attribution", "reported"),
        ("compare", "north", "south", "--data", arg(DISPUTES)),
        ("show", "south", "--data", arg(THREE)),
        ("export", "-o", "-", "--data", arg(HOSTILE)),
        ("compare", "north", "south", "--relation", "overlap", "--data", arg(THREE)),
        ("export", "-o", "-", "--data", arg(RELATIONS)),
        ("compare", "ukraine", "partners", "--data", arg(RELATIONS)),
        ("show", "russia", "--data", arg(FORMAT_3)),
    ],
    ids=[
        "two",
        "three-filtered",
        "disputes",
        "show",
        "export-all",
        "relation-filter",
        "positions-3",
        "within-camp",
        "show-positions-3",
    ],
)
def test_compare_json_follows_the_documented_shape(run: Run, args: tuple[str, ...]) -> None:
    """compare, show and export JSON validate against docs/positions-compare-3.schema.json."""
    result = run(*args, "--format", "json")
    assert result.code == 0, result.err
    errors = [e.message for e in compare_validator().iter_errors(json.loads(result.out))]
    assert errors == []


def test_compare_json_of_many_parties_follows_the_documented_shape(
    run: Run, tmp_path: Path
) -> None:
    """Fourteen parties, too many for the pairwise summary: it is counted, and still valid."""
    path = tmp_path / "many.yaml"
    path.write_text(generate(parties=14, issues=3, quotes=1, seed=9))
    data = json.loads(run("export", "-o", "-", "--format", "json", "--data", str(path)).out)
    assert data["pairs_left_out"] == 14 * 13 // 2
    assert [e.message for e in compare_validator().iter_errors(data)] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("title_from: coder", "title_from: author"),
        ("  kyiv: Ukraine and its backers", "  Kyiv: Ukraine and its backers"),
        ("    camp: kyiv\n    members", "    camp: [kyiv]\n    members"),
        ("stage: talks", "stage: talk"),
        ("firmness: no-cue", "firmness: no cue"),
        ("{outcomes: [join], stage: ceasefire}", "{outcomes: [join], stage: truce}"),
        ("{outcomes: [join], stage: ceasefire}", "{outcomes: [join], when: ceasefire}"),
        ("{outcomes: [join], stage: ceasefire}", "{stage: ceasefire}"),
        ("level: top", "level: highest"),
        ("          speaker: A Kremlin aide\n", "          speaker: An aide\n          by: x\n"),
        ("          attribution: reported\n        evidence", "        evidence"),
        ("          - by: analysts\n", "          - source: s1\n"),
        ("joint: [partners]", "joint: partners"),
        ("requires: [nato/neutral, talks]", "requires: [nato/neutral/x, talks]"),
        ("requires: [nato/neutral, talks]", "requires: [nato/neutral, nato/neutral]"),
        ("excludes: [for-ukraine, nato/join]", "excludes: [for-ukraine, NATO/join]"),
        ("outcomes: [for-ukraine, for-both]", "outcomes: [for-ukraine]"),
        ("outcomes: [for-ukraine, for-both]", "outcomes: [for-ukraine, for-both, talks]"),
        ("        reason: The article says both can hold.\n", ""),
    ],
)  # fmt: skip
def test_schema_refuses_the_shapes_positions_3_forbids(old: str, new: str, tmp_path: Path) -> None:
    """Each shape of a positions/3 field that the loader refuses, the schema refuses too."""
    text = FORMAT_3.read_text()
    assert old in text, old
    path = tmp_path / "edited.yaml"
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(DataError):
        load(path)
    assert list(validator().iter_errors(as_json(path)))
