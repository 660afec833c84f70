"""The terminal views of the coder's workbench: quote's evidence entries, init's next steps.

Plain lines, never wrapped by the layout: an evidence entry is YAML to paste, laid out for the
width by the YAML writer (quoting.entry), and data goes in through ``terminal.styled``.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text

from positions.quoting import entry
from positions.results import Created, Quotes
from positions.skeleton import DATA_FILE, SOURCES

from .terminal import paragraph, styled


def quotes_view(q: Quotes, width: int) -> Iterator[Text]:
    """Each sentence found as an evidence entry, numbered, to paste under a stance."""
    for number, match in enumerate(q.matches, 1):
        if number > 1:
            yield Text()
        text = entry(q.source, match, width, number=number, of=len(q.matches))
        for line in text.splitlines():
            yield styled(line, "dim" if line.startswith("#") else "")


def created_view(c: Created, width: int) -> Iterator[Text]:
    """What was made, and what to do next."""
    yield from paragraph(styled(f"Created a dataset in {c.folder}:", "bold"), width)
    for name in c.files:
        yield from paragraph(styled(name), width, "  ")
    yield Text()
    yield styled("Next steps:", "bold")
    steps = (
        f"cd {c.folder}",
        f"put each article's text in {SOURCES}/<source id>.txt",
        f"edit {DATA_FILE}: replace each TODO, by the codebook (docs/codebook.md)",
        'positions quote SOURCE "a few words" prints a sentence as evidence to paste',
        f"positions validate && positions verify --sources {SOURCES} "
        f"&& positions lint --sources {SOURCES}",
    )
    for number, step in enumerate(steps, 1):
        yield from paragraph(styled(step), width, f"  {number}. ")
