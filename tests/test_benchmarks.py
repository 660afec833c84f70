"""A quick smoke run of the benchmark scripts, so that they keep working (no timing is judged)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from positions.loader import parse

from .conftest import BENCHMARKS, ROOT, generate, needs_exe


def test_generated_dataset_is_valid_and_deterministic() -> None:
    """The generator makes a valid file of the asked size, the same for the same seed."""
    text = generate(parties=5, issues=3, quotes=2, seed=7)
    assert text == generate(parties=5, issues=3, quotes=2, seed=7)
    assert text != generate(parties=5, issues=3, quotes=2, seed=8)
    ds = parse(text, "generated.yaml")
    assert list(ds.parties) == ["p001", "p002", "p003", "p004", "p005"]
    assert len(ds.issues) == 3
    assert {len(s.evidence) for p in ds.parties.values() for s in p.stances.values()} == {2}


def test_generate_command_writes_the_file(tmp_path: Path) -> None:
    """The command line of the generator writes a file positions validates."""
    out = tmp_path / "g.yaml"
    subprocess.run(
        [sys.executable, str(BENCHMARKS / "generate.py"), "--parties", "3", "--issues", "2",
         "--quotes", "1", "-o", str(out)],
        check=True,
    )  # fmt: skip
    assert len(parse(out.read_text(), str(out)).parties) == 3


@needs_exe
@pytest.mark.ci  # it takes a while
def test_runner_quick_smoke_run() -> None:
    """run.py --quick prints every figure and every worst case with its budget and a verdict."""
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    tables = [
        [line for line in block.splitlines() if line.startswith("| ")]
        for block in result.stdout.split("\n\n")
        if block.startswith("| ")
    ]
    figures, worst, grown = ([row.split("|")[1].strip() for row in table[1:]] for table in tables)
    assert [f.split(" (")[0].split(",")[0] for f in figures] == [
        "start-up: compare", "script path: compare", "start-up: compare", "script path: compare",
        *["large file", "memory: peak RSS"] * 3,
        "large file vs yaml.safe_load",
        "scaling: 3 -> 6 parties",
    ]  # fmt: skip
    # The start-up targets are judged with the cache warm, every other one with it off.
    judged = [f for f, row in zip(figures, tables[0][1:], strict=True) if "not judged" not in row]
    assert [f for f in judged if "cache" not in f or "cache off" in f] == judged[2:]
    assert all("cache warm" in f for f in judged[:2])
    assert [w.split(" ")[0] for w in worst] == [
        *["refuse"] * 6, "compare", "compare", "matrix", "diff", "export"
    ]  # fmt: skip
    commands = {g.split(" (")[0] for g in grown}
    assert commands == {
        "validate",
        "parties",
        "issues",
        "issues ID",
        "show",
        "sources",
        "diff",
        "agreement",
        "lint",
        "verify",
        "compare",
        "export",
        "matrix",
        "agenda",
        "obstacles",
        "trades",
    }
    for table in tables:
        assert all(
            row.rstrip().endswith(("| pass |", "| MISS |", "| (not judged) |")) for row in table[2:]
        )
