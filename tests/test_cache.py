"""The cache of checked data files: lossless, private, and never a reason for other output.

Every test runs with an empty home of its own (conftest.py), so the cache starts empty; these
tests name their own folder with $XDG_CACHE_HOME to look inside it.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from positions import cache, fields, loader
from positions.errors import DataError, FileError
from positions.model import Firmness, Level, Stage

from .conftest import FORMAT_3, INVALID, MINIMAL, SHIPPED, THREE, VALID, Run, arg, generate
from .test_properties import yaml_string

EXAMPLES = [*sorted(VALID.glob("*.yaml")), SHIPPED]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache folder of this test, under its own $XDG_CACHE_HOME."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "positions"


def exact(value: Any) -> Any:
    """``value`` with everything a reader could see, locations included, in comparable form.

    The records' own equality leaves locations out, and a frozenset's order is not its own:
    this keeps every field, each dict's order, and sorts the sets.
    """
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return (type(value).__name__, tuple(exact(v) for v in value))
    if isinstance(value, dict):
        return ("dict", [(k, exact(v)) for k, v in value.items()])
    if isinstance(value, frozenset):
        return ("frozenset", sorted(value))
    if isinstance(value, tuple):
        return ("tuple", [exact(v) for v in value])
    if isinstance(value, Enum):
        return (type(value).__name__, value.value)
    assert value is None or type(value) in {str, int}, value
    return value


def entries(folder: Path) -> list[Path]:
    """The cache's entries."""
    return sorted(folder.glob("*.json"))


def forbid_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any parse fail the test: what follows must come from the cache."""

    def fail(*_: object) -> None:
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(loader, "parse", fail)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_a_cached_file_comes_back_identical_with_its_shown_path(
    path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every example file read from the cache is the loader's model, locations and order included.

    The entry is written under one name and read under another: every location names the path
    shown for this reading (``--data x.yaml`` or ``./x.yaml``), not the one stored.
    """
    first = cache.load(str(path), name="first.yaml")
    assert exact(first) == exact(loader.load(path, name="first.yaml"))
    assert len(entries(folder)) == 1
    expected = exact(loader.load(path, name="./again.yaml"))
    forbid_loading(monkeypatch)
    again = cache.load(str(path), name="./again.yaml")
    assert exact(again) == expected
    assert again.path == "./again.yaml"
    assert again.parties[next(iter(again.parties))].location.path == "./again.yaml"  # type: ignore[union-attr]


_any_text = st.text(min_size=1).filter(lambda s: s.strip())


@given(_any_text, _any_text, st.integers(1, 6), st.integers(1, 5), st.integers(0, 99))
def test_any_dataset_round_trips_through_an_entry(
    summary: str, quote: str, parties: int, issues: int, seed: int
) -> None:
    """Any text (lone surrogates from YAML escapes too) and any generated shape come back exact."""
    text = generate(parties, issues, 2, seed).replace(
        "title: Synthetic", f"disputes: {{}}\ntitle: {yaml_string(summary + quote)}\n# Synthetic", 1
    )
    try:
        model = loader.parse(text, "any.yaml")
    except DataError:  # a text that is blank once read: nothing the cache would hold
        return
    body = cache._encode(model)
    assert body is not None
    stored = json.loads(json.dumps(body, ensure_ascii=True, separators=(",", ":")))
    assert exact(cache._decode(stored, "any.yaml")) == exact(model)


def test_the_cache_is_private_and_small(folder: Path, tmp_path: Path) -> None:
    """The folder is the user's alone (0700), each entry too (0600), and it keeps KEEP entries."""
    for n in range(cache.KEEP + 3):
        path = tmp_path / f"d{n}.yaml"
        path.write_text(MINIMAL.read_text() + f"# copy {n}\n")
        cache.load(str(path))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    found = entries(folder)
    assert len(found) == cache.KEEP
    assert {stat.S_IMODE(e.stat().st_mode) for e in found} == {0o600}
    assert [p.name for p in folder.iterdir() if not p.name.endswith(".json")] == []


def test_the_cache_keeps_within_its_bytes(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past KEEP_BYTES in all, the least recently used entries go; the newest always stays."""
    monkeypatch.setattr(cache, "KEEP_BYTES", 1)  # every entry is larger than this
    for n in range(3):
        path = tmp_path / f"d{n}.yaml"
        path.write_text(MINIMAL.read_text() + f"# copy {n}\n")
        cache.load(str(path))
        assert len(entries(folder)) == 1


def test_the_home_cache_folder_is_used_without_xdg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without $XDG_CACHE_HOME (or with a relative one) the entries go to ~/.cache/positions."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    cache.load(str(MINIMAL))
    assert len(entries(tmp_path / ".cache" / "positions")) == 1


def test_off_home_unset_and_pipes_store_nothing(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """POSITIONS_CACHE=off, no HOME and no XDG, and a file that is not regular: no entry."""
    expected = exact(loader.load(MINIMAL, name="m.yaml"))
    with monkeypatch.context() as env:
        env.setenv("POSITIONS_CACHE", "off")
        assert exact(cache.load(str(MINIMAL), name="m.yaml")) == expected
    assert not folder.exists()
    with monkeypatch.context() as env:
        env.delenv("XDG_CACHE_HOME")
        env.delenv("HOME")
        assert exact(cache.load(str(MINIMAL), name="m.yaml")) == expected
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    holder = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # keeps what is written in the pipe
    writer = os.open(fifo, os.O_WRONLY)
    os.write(writer, MINIMAL.read_bytes())
    os.close(writer)
    try:
        assert exact(cache.load(str(fifo), name="m.yaml")) == expected
    finally:
        os.close(holder)
    assert not folder.exists()


def test_a_file_with_problems_is_checked_every_time(run: Run, folder: Path) -> None:
    """Only a clean load is stored: a file with problems prints its messages on every run."""
    bad = arg(INVALID / "undefined-issue.yaml")
    first = run("parties", "--data", bad)
    assert (first.code, first.out) == (1, "")
    assert first.err == (
        "positions: invalid/undefined-issue.yaml:31:7: stance of 'south' on undefined issue "
        "'teritory'; expected one of territory (did you mean 'territory'?)\n"
    )
    assert run("parties", "--data", bad) == first
    assert not folder.exists()


def test_a_hit_imports_neither_pyyaml_nor_the_loader(folder: Path) -> None:
    """What a hit saves is the loader's import as much as its work: neither is imported."""
    script = (
        "import sys; from positions.cache import load; load(sys.argv[1]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'yaml', 'hashlib'} "
        "or m in {'positions.loader', 'positions.yamltree', 'positions.checker', "
        "'positions.fields'}))"
    )
    command = [sys.executable, "-c", script, str(MINIMAL)]
    env = {**os.environ, "XDG_CACHE_HOME": str(folder.parent)}
    miss = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert "positions.loader" in miss.stdout
    hit = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert hit.stdout == "[]\n"


# -- every fault of the cache is a miss -----------------------------------------------------------


def only_entry(folder: Path) -> Path:
    """The one entry in the cache."""
    (entry,) = entries(folder)
    return entry


def forged(entry: Path, body: Any) -> bytes:
    """An entry holding ``body`` under a correct header: only its shape can betray it."""
    payload = json.dumps(body).encode()
    header = json.loads(entry.read_bytes().partition(b"\n")[0])
    header["sha256"] = hashlib.sha256(payload).hexdigest()
    return json.dumps(header).encode() + b"\n" + payload


def _corrupt(entry: Path) -> bytes:
    return entry.read_bytes()[:-1] + b"{"


def _truncated(entry: Path) -> bytes:
    return entry.read_bytes()[: entry.stat().st_size // 2]


def _edited(entry: Path) -> bytes:
    """A quote changed by hand: valid JSON and shape, but not what was stored."""
    return entry.read_bytes().replace(b"An article", b"A forged article")


def _wrong_shape(entry: Path) -> bytes:
    return forged(entry, {"title": "Forged"})


def _wrong_fields(entry: Path) -> bytes:
    body = entry.read_bytes().partition(b"\n")[2]
    return forged(entry, json.loads(body)[:-1])


def _other_format(entry: Path) -> bytes:
    head, _, body = entry.read_bytes().partition(b"\n")
    header = json.loads(head)
    header["format"] = cache.FORMAT + 1
    return json.dumps(header).encode() + b"\n" + body


def _empty(entry: Path) -> bytes:
    return b""


@pytest.mark.parametrize(
    "damage",
    [_corrupt, _truncated, _edited, _wrong_shape, _wrong_fields, _other_format, _empty],
    ids=lambda f: f.__name__.strip("_"),
)
def test_a_damaged_entry_is_a_miss(
    damage: Any, run: Run, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Corrupt, truncated, hand-edited, misshapen or foreign entries: the file is read again.

    The output and exit code are those of a run without the cache, and the entry is rewritten.
    """
    monkeypatch.setenv("POSITIONS_CACHE", "off")
    expected = run("compare", "north", "south", "--data", arg(THREE), "--format", "json")
    assert (expected.code, expected.err) == (0, "")
    monkeypatch.delenv("POSITIONS_CACHE")
    assert run("compare", "north", "south", "--data", arg(THREE), "--format", "json") == expected
    entry = only_entry(folder)
    good = entry.read_bytes()
    damaged = damage(entry)
    assert damaged != good
    entry.write_bytes(damaged)
    assert run("compare", "north", "south", "--data", arg(THREE), "--format", "json") == expected
    assert only_entry(folder).read_bytes() == good


def test_an_entry_others_could_write_is_not_read(folder: Path) -> None:
    """An entry writable by group or others, even well formed, is not trusted."""
    model = cache.load(str(THREE))
    entry = only_entry(folder)
    stored = json.loads(entry.read_bytes().partition(b"\n")[2])
    stored[0] = "Forged title"
    entry.write_bytes(forged(entry, stored))
    entry.chmod(0o620)
    assert cache.load(str(THREE)).title == model.title


def test_an_unwritable_cache_changes_nothing(
    run: Run, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only folder, a file where the folder should be, a full disk: the same output."""
    expected = run(
        "compare", "north", "south", "--data", arg(THREE), env={"POSITIONS_CACHE": "off"}
    )
    assert (expected.code, expected.err) == (0, "")
    folder.mkdir(mode=0o500, parents=True)
    try:
        assert run("compare", "north", "south", "--data", arg(THREE)) == expected
    finally:
        folder.chmod(0o700)
    for entry in folder.iterdir():
        entry.unlink()
    folder.rmdir()
    folder.write_text("not a folder\n")
    assert run("compare", "north", "south", "--data", arg(THREE)) == expected
    folder.unlink()

    def full(*_: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("positions.cache.os.write", full)
    assert run("compare", "north", "south", "--data", arg(THREE)) == expected
    assert list(folder.iterdir()) == []  # no entry, and no temporary file left behind


def test_messages_are_those_of_the_loader(run: Run, folder: Path, tmp_path: Path) -> None:
    """A missing file, a folder and bytes that are not UTF-8 read as they did without a cache."""
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(b"title: caf\xe9\n")
    for path in (str(tmp_path / "missing.yaml"), str(tmp_path), str(bad)):
        with pytest.raises((FileError, DataError)) as direct:
            loader.load(path)
        with pytest.raises(type(direct.value)) as cached:
            cache.load(path)
        assert str(cached.value) == str(direct.value)
    assert not folder.exists()


def test_every_positions_3_field_survives_a_cache_hit(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example of positions/3 uses every field it added, and a cache hit gives all back."""
    text = FORMAT_3.read_text()
    added = [
        f.name
        for record in (fields.FILE, fields.SOURCE, fields.ISSUE, fields.OUTCOME, fields.PARTY,
                       fields.STANCE, fields.CONDITION, fields.RANKING, fields.DOUBT,
                       fields.COMPATIBLE)
        for f in record.fields
        if f.since == "positions/3"
    ]  # fmt: skip
    assert all(f"{name}:" in text for name in added), added
    assert "firmness: no-cue" in text
    assert "{outcomes: [join], stage: ceasefire}" in text  # a condition as a mapping
    first = cache.load(str(FORMAT_3))
    forbid_loading(monkeypatch)
    again = cache.load(str(FORMAT_3))
    assert exact(again) == exact(first)
    ukraine = again.parties["ukraine"].stances["security"]
    assert (ukraine.stage, ukraine.condition_stages, ukraine.joint) == (
        Stage.SETTLEMENT,
        {"nato": Stage.CEASEFIRE},
        ("partners",),
    )
    assert again.parties["partners"].stances["security"].coded_under == "ukraine"
    salience = again.parties["russia"].stances["security"].salience
    assert salience is not None
    assert (salience.level, salience.evidence.speaker) == (Level.TOP, "A Kremlin aide")
    assert [d.by for d in ukraine.doubts] == ["analysts"]
    assert again.camps == first.camps != {}
    assert again.sources["s1"].title_from == "coder"
    security = again.issues["security"]
    assert security.excludes_elsewhere == {"for-russia": {("nato", "join")}}
    assert again.issues["nato"].excludes_elsewhere == {"join": {("security", "for-russia")}}
    assert security.requires == {"for-russia": {("nato", "neutral"), ("security", "talks")}}
    assert [sorted(c.outcomes) for c in security.compatible] == [["for-both", "for-ukraine"]]
    assert ukraine.firmness is Firmness.NO_CUE
