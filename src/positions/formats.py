"""The one registry of output formats: it gives every --format choice and the dispatch to it."""

from __future__ import annotations

import importlib
import os
from types import ModuleType
from typing import NamedTuple

from positions.errors import UsageError


class Format(NamedTuple):
    """An output format: its renderer module and the file extensions that select it."""

    name: str
    module: str
    extensions: tuple[str, ...]
    terminal: bool = False

    def renderer(self) -> ModuleType:
        """Import the renderer only when it is used, so start-up pays only for what it prints."""
        return importlib.import_module(self.module)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", "positions.render.table", (), terminal=True),
        Format("json", "positions.render.json", (".json",)),
        Format("csv", "positions.render.csv", (".csv",)),
        Format("markdown", "positions.render.markdown", (".md", ".markdown")),
        Format("html", "positions.render.html", (".html", ".htm")),
    )
}
FILE_FORMATS = [name for name, f in FORMATS.items() if not f.terminal]


def for_output(name: str | None, output: str) -> Format:
    """The format named, else the one the output file's extension selects."""
    if name is not None:
        return FORMATS[name]
    if output == "-":
        raise UsageError(
            "writing to standard output needs --format; expected one of " + ", ".join(FILE_FORMATS)
        )
    suffix = os.path.splitext(output)[1].lower()
    for fmt in FORMATS.values():
        if suffix in fmt.extensions:
            return fmt
    raise UsageError(
        f"cannot tell the format from '{output}'; use --format with one of "
        + ", ".join(FILE_FORMATS)
    )
