"""The shipped dataset: it loads, every quote is in its article, and the headline result holds."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from positions.comparison import compare
from positions.loader import load
from positions.lookup import find_parties
from positions.model import Attribution
from positions.options import shipped_path
from positions.results import Relation
from positions.verify import check

from .conftest import SHARED_SOURCES, SHIPPED, Run


def test_packaged_copy_is_the_repository_file() -> None:
    """The dataset installed with the package is byte for byte the repository's positions.yaml."""
    packaged = resources.files("positions") / "data" / "positions.yaml"
    assert packaged.read_bytes() == SHIPPED.read_bytes()
    assert load(shipped_path()).title == load(SHIPPED).title


def test_sources_are_the_five_articles() -> None:
    """Each of the five articles is a source, under its file's stem."""
    assert list(load(SHIPPED).sources) == [
        "000_0a8fe8cfe1556368",
        "001_4e8d2436c405cb0f",
        "002_46ba32856588528c",
        "003_73338be038f2a305",
        "004_9fcde2ece9f1eb0d",
    ]


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="../shared/sources is not beside the repo")
def test_every_quote_is_in_its_article() -> None:
    """Every quote in positions.yaml occurs in its article (after folding quotes and dashes)."""
    checked, missing = check(load(SHIPPED), SHARED_SOURCES)
    assert [str(m) for m in missing] == []
    assert checked == 63


def test_headline_russia_ukraine() -> None:
    """Russia and Ukraine conflict on territory, NATO and withdrawal; their guarantees differ."""
    ds = load(SHIPPED)
    cmp = compare(ds, find_parties(ds, ["russia", "ukraine"]))
    relations = {row.issue.id: row.relation for row in cmp.rows}
    for issue in ("territory", "nato", "withdrawal"):
        assert relations[issue] is Relation.CONFLICT, issue
    assert relations["security-guarantees"] is Relation.COMPLEMENTARY


def test_speculation_is_marked_inferred() -> None:
    """The sanctions stance rests only on the article's speculation, and says so."""
    stance = load(SHIPPED).parties["russia"].stances["sanctions"]
    assert {e.attribution for e in stance.evidence} == {Attribution.INFERRED}


def test_required_issues_and_parties() -> None:
    """The four core issues and the two main parties are present under their fixed ids."""
    ds = load(SHIPPED)
    assert {"territory", "nato", "withdrawal", "security-guarantees"} <= set(ds.issues)
    assert {"russia", "ukraine"} <= set(ds.parties)


def test_agenda_russia_ukraine(run: Run) -> None:
    """Russia and Ukraine: territory is among the last of the conflicts (red lines both)."""
    out = run("agenda", "russia", "ukraine", "--data", str(SHIPPED), "--format", "json").out
    data = json.loads(out)
    conflicts = [i["issue"] for i in data["agenda"] if i["group"] == "conflict"]
    assert conflicts[-1] == "territory"
