"""What each command does, between the click layer and the core: load, compute, render, write.

Nothing here imports click, and rich is imported only when a terminal table is printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from positions import loader
from positions.comparison import Comparison, find_issue, find_issues, find_parties
from positions.comparison import compare as compare_parties
from positions.errors import PositionsError
from positions.formats import FORMATS, Format
from positions.model import Attribution, Dataset

if TYPE_CHECKING:
    from positions.analysis import AgendaItem, Diff, Matrix, SourceUse, WeakStance
    from positions.verify import Missing


class QuotesNotFound(PositionsError):
    """Some quotes do not occur in their sources."""

    def __init__(self, missing: list[Missing], checked: int) -> None:
        self.missing = missing
        self.checked = checked
        super().__init__(f"{len(missing)} of {plural(checked, 'quote')} not found")

    def lines(self) -> list[str]:
        """Each quote not found, then the count."""
        return [str(m) for m in self.missing] + [str(self)]


def data_path(data: str | None) -> str:
    """The data file a command reads (see ``loader.locate``)."""
    return loader.locate(data)


def dataset(data: str | None) -> Dataset:
    """Load the data file a command reads."""
    return loader.load(data_path(data))


def validate(data: str | None) -> str:
    """Load a file and summarise it in one line."""
    ds = dataset(data)
    stances = [s for p in ds.parties.values() for s in p.stances.values()]
    quotes = sum(len(s.evidence) for s in stances)
    counts = [
        plural(len(ds.sources), "source"),
        plural(len(ds.issues), "issue"),
        plural(len(ds.parties), "party", "parties"),
        plural(len(stances), "stance"),
        plural(quotes, "quote"),
    ]
    return f"{ds.path}: valid {loader.SCHEMA}: {', '.join(counts)}"


def plural(n: int, word: str, many: str = "") -> str:
    """``1 source``, ``2 sources``."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def verify(data: str | None, sources: str) -> str:
    """Check every quote against its source text; raise QuotesNotFound if any is missing."""
    from pathlib import Path

    from positions.verify import verify as verify_quotes

    ds = dataset(data)
    checked, missing = verify_quotes(ds, Path(sources))
    if missing:
        raise QuotesNotFound(missing, checked)
    return f"{ds.path}: all {plural(checked, 'quote')} found in {sources}"


def compare(
    data: str | None,
    parties: Sequence[str],
    issues: Sequence[str],
    attribution: str | None = None,
) -> Comparison:
    """Compare the named parties (all when none is named) on the named issues (default all).

    With ``attribution``, only stances backed by quotes of that strength or stronger count, and
    the result says which rows' relations the filter changed.
    """
    ds = dataset(data)
    chosen = find_parties(ds, parties) if parties else list(ds.parties.values())
    picked = find_issues(ds, issues)
    full = compare_parties(ds, chosen, picked)
    if attribution is None:
        return full
    from positions.analysis import at_least, changed_relations

    minimum = Attribution(attribution)
    strong = at_least(ds, minimum)
    filtered = compare_parties(strong, [strong.parties[p.id] for p in chosen], picked)
    return filtered._replace(attribution=minimum, changed=changed_relations(filtered, full))


def matrix_view(data: str | None, parties: Sequence[str], attribution: str | None = None) -> Matrix:
    """The matrix of the named parties (all when none is named) on every issue."""
    from positions.analysis import at_least, matrix

    ds = dataset(data)
    if attribution is not None:
        ds = at_least(ds, Attribution(attribution))
    return matrix(ds, find_parties(ds, parties) if parties else list(ds.parties.values()))


def agenda_view(
    data: str | None, parties: Sequence[str], attribution: str | None = None
) -> tuple[Comparison, list[AgendaItem]]:
    """The comparison of the named parties and the agenda drawn from it."""
    from positions.analysis import agenda

    cmp = compare(data, parties, (), attribution)
    return cmp, agenda(cmp)


def sources_view(data: str | None) -> tuple[Dataset, list[SourceUse], list[WeakStance]]:
    """Each source's use, and the stances that rest on little evidence."""
    from positions.analysis import source_use

    ds = dataset(data)
    uses, weak = source_use(ds)
    return ds, uses, weak


def diff_view(old: str, new: str) -> Diff:
    """What changed from the data file ``old`` to ``new``."""
    from positions.analysis import diff

    return diff(loader.load(old), loader.load(new))


def issue_view(data: str | None, issue_id: str) -> Comparison:
    """One issue, compared across every party that has a stance on it."""
    ds = dataset(data)
    issue = find_issue(ds, issue_id)
    holders = [p for p in ds.parties.values() if issue.id in p.stances]
    return compare_parties(ds, holders, [issue])


def render(fmt: Format, view: str, *args: Any, **kwargs: Any) -> Any:
    """Render ``view`` in ``fmt`` by the renderer's function of that name.

    The result is text, or a rich renderable for the terminal.
    """
    return getattr(fmt.renderer(), view)(*args, **kwargs)


def emit(
    fmt: str, view: str, *args: Any, output: str = "-", protect: str | None = None, **kwargs: Any
) -> None:
    """Render ``view`` and print it on standard output, or write it to the file ``output``."""
    from positions import output as edge

    chosen = FORMATS[fmt]
    result = render(chosen, view, *args, **kwargs)
    if output == "-" and not isinstance(result, str):
        edge.print_renderable(result)
    else:
        text = result if isinstance(result, str) else edge.plain_text(result)
        encoding = "utf-8-sig" if chosen.name == "csv" else "utf-8"
        edge.write_file(output, text, encoding=encoding, protect=protect)


def export(
    data: str | None, parties: Sequence[str], issues: Sequence[str], output: str, fmt: Format
) -> None:
    """Write the comparison to ``output`` (``-`` for standard output), whole or not at all."""
    protect = data_path(data)
    if "comparison" in fmt.views:
        emit(fmt.name, "comparison", compare(data, parties, issues), evidence=True,
             output=output, protect=protect)  # fmt: skip
    else:
        emit(fmt.name, "matrix", matrix_view(data, parties), output=output, protect=protect)
