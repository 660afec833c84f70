"""SVG output: the matrix drawn by rich as it appears in a terminal, as one image."""

from __future__ import annotations

import io
import re
from functools import singledispatch

from rich._export_format import CONSOLE_SVG_FORMAT
from rich.console import Console
from rich.terminal_theme import DEFAULT_TERMINAL_THEME

from positions.render import table
from positions.results import Matrix

# rich's template fetches the Fira Code font from a CDN; the image must not reach out anywhere,
# so the @font-face rules go and the text falls back to the local monospace font.
_TEMPLATE = re.sub(r"\s*@font-face \{\{.*?\}\}", "", CONSOLE_SVG_FORMAT, flags=re.DOTALL)


@singledispatch
def render(result: object) -> str:
    """``result`` as an SVG image."""
    raise TypeError(f"no SVG for {type(result).__name__}")


@render.register
def matrix(m: Matrix) -> str:
    """The matrix as an SVG image, exactly as the terminal table shows it, 120 columns wide."""
    console = Console(
        file=io.StringIO(),
        record=True,
        width=120,
        color_system="truecolor",
        force_terminal=True,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(table.matrix(m))
    return console.export_svg(
        title=m.header.title,
        theme=DEFAULT_TERMINAL_THEME,
        code_format=_TEMPLATE,
        unique_id="positions-matrix",
    )
