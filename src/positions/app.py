"""What each command does, between the click layer and the core: load, compute, render, write.

Nothing here imports click, and rich is imported only when a terminal table is printed.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from positions import loader
from positions.comparison import Comparison, find_issue, find_issues, find_parties
from positions.comparison import compare as compare_parties
from positions.errors import FileError, PositionsError, UsageError
from positions.formats import FORMATS, Format
from positions.model import Attribution, Dataset
from positions.text import fold_typography, for_terminal

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


def emit(fmt: str, view: str, *args: Any, output: str = "-", **kwargs: Any) -> None:
    """Render ``view`` and print it on standard output, or write it to the file ``output``."""
    result = render(FORMATS[fmt], view, *args, **kwargs)
    if output == "-":
        print_out(result)
    else:
        write_output(output, as_text(result), FORMATS[fmt])


def as_text(result: object) -> str:
    """Text as it is; a rich renderable as the plain text a 120-column terminal would show."""
    if isinstance(result, str):
        return result
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=120, color_system=None, highlight=False).print(result)
    return buffer.getvalue()


def guard_output(output: str, data: str | None) -> None:
    """Refuse to write an output over the data file the command reads."""
    source = data_path(data)
    if output != "-" and _same_file(output, source):
        raise UsageError(f"refusing to overwrite the data file {source} with the output")


def write_output(output: str, text: str, fmt: Format) -> None:
    """Write ``text`` to ``output``, or print it for ``-``; CSV gets a BOM for spreadsheets."""
    if output == "-":
        print_out(text)
    else:
        write_atomic(output, text, encoding="utf-8-sig" if fmt.name == "csv" else "utf-8")


def print_out(result: object) -> None:
    """Print text as it is, or a rich renderable through a console on standard output."""
    if isinstance(result, str):
        sys.stdout.write(for_terminal(result) if sys.stdout.isatty() else result)
        return
    from rich.console import Console

    console = Console(highlight=False, emoji=False, markup=False)
    if console.encoding.replace("-", "").startswith("utf"):
        console.print(result)
        return
    # A terminal that cannot show typographic quotes and dashes: render first, then fold them to
    # ASCII so that the columns stay aligned (rich already draws ASCII borders there).
    with console.capture() as capture:
        console.print(result)
    sys.stdout.write(fold_typography(capture.get()))


def export(
    data: str | None, parties: Sequence[str], issues: Sequence[str], output: str, fmt: Format
) -> None:
    """Write the comparison to ``output`` (``-`` for standard output), whole or not at all."""
    guard_output(output, data)
    if "comparison" in fmt.views:
        text = render(fmt, "comparison", compare(data, parties, issues), evidence=True)
    else:
        text = render(fmt, "matrix", matrix_view(data, parties))
    write_output(output, text, fmt)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except OSError:
        return False


def write_atomic(path: str, text: str, *, encoding: str = "utf-8") -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    import tempfile

    folder, name = os.path.split(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".tmp")
    except OSError as error:
        raise FileError(f"{path}: cannot write: {error.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
        mode = os.stat(path).st_mode if os.path.exists(path) else 0o666 & ~_umask()
        os.chmod(tmp, mode & 0o7777)
        os.replace(tmp, path)
    except OSError as error:
        _discard(tmp)
        raise FileError(f"{path}: cannot write: {error.strerror}") from None
    except BaseException:
        _discard(tmp)
        raise


def _discard(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
