"""The output edge: a command's result rendered in the format asked for, then written.

Every command's output goes through emit: the renderer (formats.py, render/) makes the text, and
writing.py writes it, with the guarantees its docstring states (a failure to write is one plain
message; a file is replaced whole or not at all; a device, a FIFO or a descriptor is written
through; a read-only file or the data file is not written over).
"""

from __future__ import annotations

from positions.formats import Format
from positions.render import Detail
from positions.results import Result
from positions.writing import note, stdout, write_file


def emit(
    result: Result,
    fmt: Format,
    target: str = "-",
    *,
    detail: Detail = Detail.SUMMARY,
    protect: str | None = None,
    force: bool = False,
) -> None:
    """Render ``result`` in ``fmt`` and write it to ``target`` (``-``: standard output).

    The one way every command writes. The terminal format is laid out for the terminal on
    standard output (its width, colours, encoding), showing as much of a comparison as
    ``detail`` says; written to a file, it is the plain text a 120-column terminal would show.
    Text formats are written as they are, in the format's encoding when they go to a file.
    """
    laid_out = target == "-" and fmt.terminal
    if not laid_out:
        text = fmt.render(result)
    else:
        from positions.render import table  # only here: --format json never loads rich

        text = table.render(result, detail, stdout())
    write_file(target, text, encoding=fmt.encoding, laid_out=laid_out, protect=protect, force=force)
    if target != "-":
        note(f"wrote {target} ({fmt.name})")
