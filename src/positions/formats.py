"""The one registry of output formats: it gives every --format choice and the dispatch to it."""

from __future__ import annotations

import importlib
import os
from types import ModuleType
from typing import NamedTuple

from positions.errors import UsageError

COMPARISON = ("comparison",)
LISTS = ("issues_list", "parties_list", "issue_detail", "matrix", "agenda", "sources", "diff")


class Format(NamedTuple):
    """An output format: its renderer module, the views it renders, the extensions that pick it.

    A renderer module has one function per view it renders, named after the view.
    """

    name: str
    module: str
    extensions: tuple[str, ...]
    views: tuple[str, ...]
    terminal: bool = False

    def renderer(self) -> ModuleType:
        """Import the renderer only when it is used, so start-up pays only for what it prints."""
        return importlib.import_module(self.module)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", "positions.render.table", (), COMPARISON + LISTS, terminal=True),
        Format("json", "positions.render.json", (".json",), COMPARISON + LISTS),
        Format("csv", "positions.render.csv", (".csv",), COMPARISON),
        Format("markdown", "positions.render.markdown", (".md", ".markdown"), COMPARISON),
        Format("html", "positions.render.html", (".html", ".htm"), COMPARISON),
        Format("svg", "positions.render.svg", (".svg",), ("matrix",)),
    )
}
FILE_FORMATS = [name for name, f in FORMATS.items() if not f.terminal]


def choices(view: str) -> list[str]:
    """The names of the formats that render ``view``: a command's --format choices."""
    return [name for name, f in FORMATS.items() if view in f.views]


def for_output(name: str | None, output: str, allowed: list[str] = FILE_FORMATS) -> Format:
    """The format named, else the one among ``allowed`` that the output file's extension selects.

    Standard output (``-``) without a name takes the terminal table when it is allowed.
    """
    if name is not None:
        return FORMATS[name]
    if output == "-":
        if "table" in allowed:
            return FORMATS["table"]
        raise UsageError(
            "writing to standard output needs --format; expected one of " + ", ".join(allowed)
        )
    suffix = os.path.splitext(output)[1].lower()
    for fmt in FORMATS.values():
        if suffix in fmt.extensions and fmt.name in allowed:
            return fmt
    files = [f for f in allowed if not FORMATS[f].terminal]
    raise UsageError(
        f"cannot tell the format from '{output}'; use --format with one of " + ", ".join(files)
    )
