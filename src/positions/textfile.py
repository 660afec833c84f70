"""Read a text file as positions does: within a size budget, as UTF-8, whatever kind of file.

Both the data file and the articles that ``verify`` reads come through here, so every file gets
the same treatment: a regular file, a pipe (``<(git show HEAD~1:positions.yaml)``, a FIFO),
a device or ``-`` (standard input) is read up to the same budget, so ``/dev/zero`` ends in a
clear refusal; a FIFO nobody writes to is refused at once instead of waited on; a folder is
refused; and a byte that is not UTF-8 is reported at its line and column.
"""

from __future__ import annotations

import os
import re
import select
import stat
from collections.abc import Iterable
from typing import TYPE_CHECKING

from positions.errors import DataError, FileError, Problem
from positions.model import SourceTexts

if TYPE_CHECKING:  # pathlib is imported by the commands that read sources, not at start-up
    from pathlib import Path

MAX_BYTES = 16 * 1024 * 1024

# The line breaks YAML counts (and so the parser's line numbers): CR LF, CR, LF, NEL, LS, PS.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def location(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[offset]``, counting line breaks as YAML does."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return line, offset - start + 1


def offset(text: str, line: int, column: int) -> int:
    """Where in ``text`` its 1-based ``line`` and ``column`` are: ``location``'s inverse."""
    start = 0
    for n, match in enumerate(_LINE_BREAK.finditer(text), start=2):
        if n > line:
            break
        start = match.end()
    return start + column - 1


def decode(data: bytes, path: str) -> str:
    """UTF-8 text (a leading byte-order mark is dropped), or a DataError at the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8-sig")
        line, column = location(good, len(good))
        message = (
            f"byte 0x{data[error.start]:02x} is not valid UTF-8; expected a file saved as UTF-8"
        )
        raise DataError([Problem(path, line, column, message)]) from None


STDIN = "-"
DATA_FILE = "a positions YAML file"  # what a data file is expected to be, in messages
STDIN_NAME = "<stdin>"


def shown_name(path: str) -> str:
    """How a path is named in messages: ``-`` is standard input."""
    return STDIN_NAME if path == STDIN else path


def read_text(path: str, *, expected: str, limit: int = MAX_BYTES) -> str:
    """The text of ``path`` (``-``: standard input); ``expected`` names what it should be."""
    data, _ = read_bytes(path, expected=expected, limit=limit)
    return decode(data, shown_name(path))


def read_bytes(path: str, *, expected: str, limit: int = MAX_BYTES) -> tuple[bytes, bool]:
    """The bytes ``read_text`` decodes, and whether they came from a regular file.

    Only a regular file's bytes say what a later read would find (the data cache keys on them);
    a pipe, a device or standard input is read once.
    """
    if not path:
        raise FileError(f"an empty file name; expected {expected}")
    name = shown_name(path)
    if path == STDIN:
        return _read(0, name, expected, limit, regular=False), False
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer, nor reading it for ever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise FileError(f"{path}: no such file; expected {expected}") from None
    except IsADirectoryError:
        raise FileError(f"{path}: is a folder; expected {expected}") from None
    except OSError as error:
        raise FileError(f"{path}: cannot read: {error.strerror}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise FileError(f"{path}: is a folder; expected {expected}")
        regular = stat.S_ISREG(mode)
        return _read(fd, name, expected, limit, regular=regular), regular
    finally:
        os.close(fd)


def _read(fd: int, name: str, expected: str, limit: int, *, regular: bool) -> bytes:
    """Everything ``fd`` holds, up to ``limit`` bytes; a pipe is waited on while it has a writer.

    A pipe or FIFO opened without blocking reads as empty while no program has it open for
    writing, and as "try again" while one has but has not written yet: the first is refused,
    the second waited on, as long as the writer takes.
    """
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        try:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
        except BlockingIOError:
            select.select([fd], [], [])
            continue
        except OSError as error:
            raise FileError(f"{name}: cannot read: {error.strerror}") from None
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise FileError(
            f"{name}: file is larger than {limit // (1024 * 1024)} MiB; "
            f"expected {expected} of at most that size"
        )
    if not chunks and not regular:
        raise FileError(f"{name}: nothing was written to it; expected {expected}")
    return b"".join(chunks)


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


def read_sources(directory: Path, ids: Iterable[str]) -> SourceTexts:
    """The text of each source ``DIR/<id>.txt`` of ``ids``, in order, and why any is unreadable.

    A source that cannot be read (missing, a folder, an id leading outside ``directory``) is
    recorded with its message; a text that is not UTF-8 is an error, as for the data file.
    """
    if not directory.is_dir():
        raise FileError(f"{directory}: not a folder; expected the folder of source texts")
    texts: dict[str, str] = {}
    unreadable: dict[str, str] = {}
    for source_id in ids:
        path = source_path(directory, source_id)
        try:
            if path is None:
                raise FileError(f"source id '{source_id}' would lead outside {directory}; refused")
            texts[source_id] = read_text(str(path), expected=f"the text of source '{source_id}'")
        except FileError as error:
            unreadable[source_id] = str(error)
    return SourceTexts(str(directory), texts, unreadable)


def source_ids(directory: Path) -> list[str]:
    """The ids of the sources a folder holds: the names of its ``<id>.txt`` files, sorted."""
    try:
        return sorted(p.stem for p in directory.glob("*.txt") if source_path(directory, p.stem))
    except OSError as error:
        raise FileError(f"{directory}: cannot read: {error.strerror}") from None
