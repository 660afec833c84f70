"""Shared fixtures: paths to the test data and a CLI runner with a fixed terminal."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from positions.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"
SOURCES = DATA / "sources"
MINIMAL = VALID / "minimal.yaml"
THREE = VALID / "three-parties.yaml"
SHIPPED = ROOT / "positions.yaml"
SHARED_SOURCES = ROOT.parent / "shared" / "sources"


@dataclass(frozen=True)
class Result:
    """What a command did: its exit code and what it printed on each stream."""

    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test sees an 80-column terminal, no colour settings and no data file override."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("POSITIONS_FILE", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run ``positions ARGS`` in-process and return a Result."""
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        result = runner.invoke(
            cli, list(args), env=env, catch_exceptions=False, prog_name="positions"
        )
        return Result(result.exit_code, result.stdout, result.stderr)

    return invoke


# Property tests run the same examples on every run (CI included), and enough of them to find
# problems while keeping the whole suite well under two minutes on a 2-core machine.
settings.register_profile(
    "positions",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=int(os.environ.get("POSITIONS_HYPOTHESIS_EXAMPLES", "300")),
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("positions")
