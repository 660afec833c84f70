"""The output edge: a command's result rendered in the format asked for, then written.

Every command's output goes through emit: the renderer (formats.py, render/) makes the text, and
writing.py writes it, with the guarantees its docstring states (a failure to write is one plain
message; a file is replaced whole or not at all; a device, a FIFO or a descriptor is written
through; a read-only file or the data file is not written over). Long output to a terminal goes
through a pager (writing.page), as git's does.

How the terminal is written to is the user's to choose for the whole command line
(``--color/--no-color``, ``--no-pager``: commandline.py); ``configure`` records it, once per run.
"""

from __future__ import annotations

from typing import NamedTuple

from positions.formats import Format, for_output
from positions.render import Detail
from positions.results import Result
from positions.writing import note, page, stdout, write_file


class Settings(NamedTuple):
    """What the command line says of the terminal: colours (None: as the environment says)."""

    color: bool | None = None
    pager: bool = True


_settings = Settings()


def configure(chosen: Settings) -> None:
    """Record the command line's choices (commandline.py's options; ``reset`` first)."""
    global _settings  # noqa: PLW0603 - one run's settings, set while its options are parsed
    _settings = chosen


def reset() -> None:
    """Back to the defaults, at the start of every run (the tests run many in one process)."""
    global _settings  # noqa: PLW0603 - as configure
    _settings = Settings()


def settings() -> Settings:
    """The choices in force."""
    return _settings


def emit(
    result: Result,
    fmt: Format | None,
    target: str = "-",
    *,
    detail: Detail = Detail.SUMMARY,
    protect: tuple[str, ...] = (),
    force: bool = False,
    terminal: bool = True,
) -> None:
    """Render ``result`` in ``fmt`` and write it to ``target`` (``-``: standard output).

    The one way every command writes. Without ``fmt``, the format is the one ``target``'s
    extension names, else the table (where ``terminal`` allows it: formats.for_output). The
    table is laid out for the terminal on standard output (its width, colours, encoding),
    showing as much of a comparison as ``detail`` says; written to a file, it is the plain
    text a 120-column terminal would show. Text formats are written as they are, in the
    format's encoding when they go to a file. Nothing is written over a file in ``protect``
    (the data files the command reads).
    """
    chosen = for_output(fmt, target, type(result), terminal=terminal)
    laid_out = target == "-" and chosen.terminal
    if chosen.terminal:
        from positions.render import table  # only here: --format json never loads rich
        from positions.render.terminal import colours

        with colours(_settings.color):
            text = table.render(result, detail, stdout() if laid_out else None)
    else:
        text = chosen.render(result)
    if target == "-" and _settings.pager and page(text, laid_out=laid_out):
        return
    write_file(
        target, text, encoding=chosen.encoding, laid_out=laid_out, protect=protect, force=force
    )
    if target != "-":
        note(f"wrote {target} ({chosen.name})")
