"""Read a text file as positions does: a regular file only, within a size budget, as UTF-8.

Both the data file and the articles that ``verify`` reads come through here, so every file gets
the same refusals: a folder, a FIFO or a device is never read (a FIFO with no writer would wait
forever, ``/dev/zero`` never ends), and a byte that is not UTF-8 is reported at its line and
column.
"""

from __future__ import annotations

import os
import re
import stat

from positions.errors import DataError, FileError, Problem

MAX_BYTES = 16 * 1024 * 1024

# The line breaks YAML counts (and so the parser's line numbers): CR LF, CR, LF, NEL, LS, PS.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def location(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[offset]``, counting line breaks as YAML does."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return line, offset - start + 1


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


def read_text(path: str, *, expected: str, limit: int = MAX_BYTES) -> str:
    """The text of the regular file ``path``; ``expected`` names what it should be, for errors."""
    if not path:
        raise FileError(f"an empty file name; expected {expected}")
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer before fstat can refuse it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise FileError(f"{path}: no such file; expected {expected}") from None
    except IsADirectoryError:
        raise FileError(f"{path}: is a folder; expected {expected}") from None
    except OSError as error:
        raise FileError(f"{path}: cannot read: {error.strerror}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = "is a folder" if stat.S_ISDIR(mode) else "is not a regular file"
        raise FileError(f"{path}: {kind}; expected {expected}")
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise FileError(f"{path}: cannot read: {error.strerror}") from None
    if len(data) > limit:
        raise FileError(
            f"{path}: file is larger than {limit // (1024 * 1024)} MiB; "
            f"expected {expected} of at most that size"
        )
    return decode(data, path)
