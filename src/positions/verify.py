"""Check that every quote in a dataset occurs verbatim in the text of its source."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from positions.errors import FileError
from positions.model import Dataset, Evidence, Location
from positions.text import fold_typography
from positions.textfile import decode

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold typographic quotes and dashes to ASCII and every run of white space to one space."""
    return _SPACE.sub(" ", fold_typography(text)).strip()


class Missing(NamedTuple):
    """A quote that was not found, or whose source could not be read."""

    location: Location | None
    party: str
    issue: str
    source: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.party}/{self.issue}: {self.reason}"


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


def _read_source(directory: Path, source_id: str) -> str:
    path = source_path(directory, source_id)
    if path is None:
        raise FileError(f"source id '{source_id}' would lead outside {directory}; refused")
    try:
        return fold(decode(path.read_bytes(), str(path)))
    except FileNotFoundError:
        raise FileError(f"no file {path} for source '{source_id}'") from None
    except OSError as error:
        raise FileError(f"cannot read {path}: {error.strerror}") from None


def verify(dataset: Dataset, directory: Path) -> tuple[int, list[Missing]]:
    """Look up every quote in its source; return how many were checked and those not found."""
    if not directory.is_dir():
        raise FileError(f"{directory}: not a folder; expected the folder of source texts")
    texts: dict[str, str | FileError] = {}
    checked = 0
    missing = []
    for party in dataset.parties.values():
        for stance in party.stances.values():
            for evidence in stance.evidence:
                checked += 1
                reason = _check(evidence, directory, texts)
                if reason:
                    missing.append(
                        Missing(evidence.location, party.id, stance.issue, evidence.source, reason)
                    )
    return checked, missing


def _check(evidence: Evidence, directory: Path, texts: dict[str, str | FileError]) -> str | None:
    if evidence.source not in texts:
        try:
            texts[evidence.source] = _read_source(directory, evidence.source)
        except FileError as error:
            texts[evidence.source] = error
    text = texts[evidence.source]
    if isinstance(text, FileError):
        return str(text)
    if fold(evidence.quote) in text:
        return None
    return f"quote not found in source '{evidence.source}': \"{evidence.quote}\""
