"""Check that every quote in a dataset occurs verbatim in the text of its source."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from positions.errors import FileError, QuotesNotFound
from positions.model import Dataset, Location
from positions.results import Verification
from positions.text import fold_typography
from positions.textfile import read_text

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold typographic quotes and dashes to ASCII and every run of white space to one space."""
    return _SPACE.sub(" ", fold_typography(text)).strip()


class Missing(NamedTuple):
    """A quote that was not found, or a source that could not be read, at its place."""

    location: Location | None
    what: str  # party/issue for a quote, the source's id for a source
    reason: str

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.what}: {self.reason}"


def source_path(directory: Path, source_id: str) -> Path | None:
    """``DIR/<id>.txt``, or None if the id would lead outside ``directory``."""
    if not source_id or "/" in source_id or "\\" in source_id or source_id in (".", ".."):
        return None
    candidate = directory / f"{source_id}.txt"
    try:
        inside = candidate.resolve().is_relative_to(directory.resolve())
    except (OSError, ValueError):
        return None
    return candidate if inside else None


def read_source(directory: Path, source_id: str) -> str:
    """The folded text of a source, ``DIR/<id>.txt``; FileError if it cannot be read."""
    path = source_path(directory, source_id)
    if path is None:
        raise FileError(f"source id '{source_id}' would lead outside {directory}; refused")
    return fold(read_text(str(path), expected=f"the text of source '{source_id}'"))


def check(dataset: Dataset, directory: Path) -> tuple[int, list[Missing]]:
    """Look up every quote in its source; how many were checked, and what was not found.

    A source that cannot be read is reported once, with the number of its quotes left
    unchecked, not once for each of them; a folder that holds none of the sources is an error.
    """
    if not directory.is_dir():
        raise FileError(f"{directory}: not a folder; expected the folder of source texts")
    quotes = [
        (party.id, stance.issue, evidence)
        for party in dataset.parties.values()
        for stance in party.stances.values()
        for evidence in stance.evidence
    ]
    cited = list(dict.fromkeys(evidence.source for _, _, evidence in quotes))
    texts: dict[str, str] = {}
    unreadable: dict[str, FileError] = {}
    for source in cited:
        try:
            texts[source] = read_source(directory, source)
        except FileError as error:
            unreadable[source] = error
    if cited and not texts:
        raise FileError(
            f"{directory}: none of the {len(cited)} cited sources is there; "
            f"expected the folder that holds <source id>.txt for each"
        )
    counts = Counter(evidence.source for _, _, evidence in quotes)
    missing = [
        Missing(
            dataset.sources[source].location,
            source,
            f"{error}; its {counts[source]} quotes not checked",
        )
        for source, error in unreadable.items()
    ]
    for party, issue, evidence in quotes:
        text = texts.get(evidence.source)
        if text is not None and fold(evidence.quote) not in text:
            reason = f"quote not found in source '{evidence.source}': \"{evidence.quote}\""
            missing.append(Missing(evidence.location, f"{party}/{issue}", reason))
    return len(quotes), missing


def verify(dataset: Dataset, directory: Path) -> Verification:
    """Every quote found in its source, or QuotesNotFound listing those that are not."""
    checked, missing = check(dataset, directory)
    if missing:
        raise QuotesNotFound([str(m) for m in missing], checked)
    return Verification(dataset.path, checked, str(directory))
