"""Writing what positions made to standard output or to a file, and its notes to standard error.

Every write goes through here (output.emit, --help, --version, the error lines), so each gets
the same guarantees:

- a failure to write (a closed or full standard output, a full disk, a folder or a missing
  folder as the target) is a FileError with one plain message, never a traceback;
- a regular file is replaced whole or not at all: the text goes to a temporary file beside it,
  which is renamed over it only once everything was written;
- a path that is not a regular file (``/dev/null``, a FIFO, a terminal) is written through,
  never replaced; one that names an open descriptor (``/dev/stdout``, ``/dev/fd/N``, a
  ``>(gzip)``) is written as the shell set it up; a symbolic link is followed, so the link
  stays and its target is written;
- a read-only file is refused, unless ``--force``; the data file a command reads is never
  written over.
- a note on standard error (``positions: ...``) is in what the stream can encode, and one that
  cannot be written is not an error: the work is done.

``click.open_file(..., atomic=True)`` is not used for the replacing: it renames its temporary
file over the target even when writing failed part way, and it would replace a device node with
a regular file (tests/test_attack.py shows both).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
from collections.abc import Mapping
from typing import TextIO

from positions.errors import FileError, UsageError
from positions.text import fold_typography, for_terminal, one_line


def write_stdout(text: str, *, exact: bool = False, laid_out: bool = False) -> None:
    """Write ``text`` to standard output and flush it, so that a failure is reported here.

    Text for a terminal is made safe (``text.for_terminal``) even on its way through a pipe
    (| less -R, | head end at one); a view ``laid_out`` by the terminal renderer is safe already,
    every piece of data having gone in through ``text.visible``, and keeps its colours.
    ``exact`` text (a file format: JSON, CSV...) going to a pipe or file goes as UTF-8 even
    where standard output has another encoding: an escape in place of a character it cannot
    encode would make the JSON or CSV invalid. A terminal gets what it can show.
    """
    stream = stdout()
    try:
        if laid_out:
            stream.write(text)
        elif stream.isatty() or not exact:
            stream.write(for_terminal(text))
        elif not is_utf8(stream) and hasattr(stream, "buffer"):
            stream.flush()
            stream.buffer.write(text.encode("utf-8"))
        else:
            stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise  # the reader has gone: click ends the command quietly
    except OSError as error:
        raise FileError(f"standard output: cannot write: {error.strerror}") from None


# The pager when neither $POSITIONS_PAGER nor $PAGER names one: less, quitting at once on output
# that fits one screen (-F), passing colours through (-R), leaving the screen as it was (-X).
DEFAULT_PAGER = "less -FRX"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def pager_command(environ: Mapping[str, str]) -> str | None:
    """The pager to run: $POSITIONS_PAGER, else $PAGER, else ``less -FRX``; None for none.

    An empty value or ``cat`` asks for no pager, as git reads its own; a pager that is not
    installed is none either (the output is written as it is).
    """
    for name in ("POSITIONS_PAGER", "PAGER"):
        if name in environ:
            command = environ[name].strip()
            break
    else:
        command = DEFAULT_PAGER
    if not command or command == "cat":
        return None
    import shlex
    import shutil

    try:
        program = shlex.split(command)[0]
    except (ValueError, IndexError):
        return None
    return command if shutil.which(program) else None


def longer_than_screen(text: str, columns: int, rows: int) -> bool:
    """Whether ``text`` takes more than ``rows`` lines of a ``columns``-wide terminal."""
    from rich.cells import cell_len

    taken = 0
    for line in _ANSI.sub("", text).splitlines():
        taken += max(1, -(-cell_len(line) // max(columns, 1)))
        if taken > rows:
            return True
    return False


def page(text: str, *, laid_out: bool = False) -> bool:
    """Show ``text`` through the pager if standard output is a terminal it overflows.

    Only then: never into a pipe or a file, so tests, scripts and ``> file`` get the text as
    it is. Returns whether it was paged; False leaves the writing to the caller. Quitting the
    pager early is not an error; Ctrl-C goes to the pager, as with git.
    """
    stream = stdout()
    try:
        if not stream.isatty():
            return False
        size = os.get_terminal_size(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    command = pager_command(os.environ)
    if command is None or not longer_than_screen(text, size.columns, size.lines - 1):
        return False
    shown = text if laid_out else for_terminal(text)
    data = encodable(shown, stream).encode(getattr(stream, "encoding", None) or "utf-8", "replace")
    return _run_pager(command, data)


def _run_pager(command: str, data: bytes) -> bool:
    """Run ``command`` through the shell, as git runs $PAGER, and hand it ``data``."""
    import signal
    import subprocess

    environ = dict(os.environ)
    environ.setdefault("LESS", "FRX")  # as git sets them, for a bare PAGER=less
    environ.setdefault("LV", "-c")
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()
    try:
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=environ)
    except OSError:
        return False
    try:  # Ctrl-C is the pager's to handle while it runs
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: no handler to change
        previous = None
    try:
        assert pager.stdin is not None
        with contextlib.suppress(OSError):  # the reader quit early (a broken pipe): done
            pager.stdin.write(data)
        with contextlib.suppress(OSError):
            pager.stdin.close()
        pager.wait()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return True


def stdout() -> TextIO:
    """Standard output, to write to; a FileError if it is closed."""
    if sys.stdout is None:
        raise FileError("standard output is closed; expected somewhere to write")
    return sys.stdout


def is_utf8(stream: object) -> bool:
    """Whether ``stream`` encodes its text as UTF-8."""
    return (getattr(stream, "encoding", None) or "").lower().replace("-", "") in ("utf8", "utf8sig")


def same_file(a: str, b: str) -> bool:
    """Whether the paths ``a`` and ``b`` name one file: through links too, else by the paths.

    Where either cannot be looked at (missing, unreadable), the paths, normalised, decide.
    """
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return os.path.normpath(os.path.abspath(a)) == os.path.normpath(os.path.abspath(b))


def write_file(
    path: str,
    text: str,
    *,
    encoding: str = "utf-8",
    laid_out: bool = False,
    protect: tuple[str, ...] = (),
    force: bool = False,
) -> None:
    """Write ``text`` to ``path`` (``-`` for standard output), never over a file in ``protect``.

    To standard output, ``text`` is a file format's, written exactly, unless it was ``laid_out``
    for the terminal (write_stdout). A read-only file is refused, as ``cp`` refuses it, unless
    ``force``.
    """
    if path == "-":
        write_stdout(text, exact=not laid_out, laid_out=laid_out)
        return
    if not path:
        raise UsageError(
            "an empty output file name; expected a file to write, or - for standard output"
        )
    for data_file in protect:
        if same_file(path, data_file):
            raise UsageError(f"refusing to overwrite the data file {data_file} with the output")
    data = text.encode(encoding)
    descriptor = open_descriptor(path)
    if descriptor is not None:
        _write_descriptor(path, descriptor, data)
        return
    try:
        mode: int | None = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise FileError(f"{path}: cannot write: {error.strerror}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise FileError(f"{path}: is a folder; expected a file to write")
    if mode is not None and not stat.S_ISREG(mode):
        _write_through(path, data)
        return
    target = os.path.realpath(path)  # a link stays a link: its target is what gets written
    if mode is not None and not force and read_only(target, mode):
        raise FileError(
            f"{path}: is read-only; expected a file positions may replace "
            "(--force replaces it all the same)"
        )
    _replace(path, target, data, mode)


# /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N name a descriptor this process has
# open: the shell's redirection (>, >>, a pipe, >(gzip)) stands, so it is written as it is.
_DESCRIPTOR = re.compile(r"/dev/std(out|err)|/dev/fd/(\d+)|/proc/self/fd/(\d+)")


def open_descriptor(path: str) -> int | None:
    """The open file descriptor that ``path`` names, if it names one."""
    match = _DESCRIPTOR.fullmatch(os.path.normpath(path))
    if match is None:
        return None
    std, *numbers = match.groups()
    if std is not None:
        return 1 if std == "out" else 2
    return int(next(n for n in numbers if n is not None))


def read_only(path: str, mode: int) -> bool:
    """Whether the file at ``path`` says it is not to be written, as ``rm`` asks about.

    No write permission for us, or no write bit at all: the superuser may write anything, but
    a file someone made read-only is not replaced without ``--force`` by them either.
    """
    return not os.access(path, os.W_OK) or not mode & 0o222


def _write_descriptor(path: str, fd: int, data: bytes) -> None:
    """Write to an open descriptor as the shell set it up (appending after >>, into a pipe)."""
    if fd in (1, 2):
        stream = sys.stdout if fd == 1 else sys.stderr
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()  # what was printed before comes first
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except BrokenPipeError:
        raise  # the reader has gone: click ends the command quietly
    except OSError as error:
        raise FileError(f"{path}: cannot write: {error.strerror}") from None


def _write_through(path: str, data: bytes) -> None:
    """Write to a device, FIFO or socket as it is: never replace it with a regular file.

    A FIFO is opened without blocking, so that one nobody reads from is an error, not a hang.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise FileError(f"{path}: nothing is reading from it; expected a reader") from None
        raise FileError(f"{path}: cannot write: {error.strerror}") from None
    try:
        os.set_blocking(fd, True)  # the writes wait for a slow reader
        _write_descriptor(path, fd, data)
    finally:
        os.close(fd)


def _replace(path: str, target: str, data: bytes, mode: int | None) -> None:
    """Write a temporary file beside ``target``, then rename it over ``target``."""
    folder, name = os.path.split(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        # The name's first 40 characters say whose temporary file it is, and keep the whole
        # within the 255 bytes a file name may have, however long ``name`` is.
        temporary = os.path.join(folder, f".{name[:40]}.{os.urandom(4).hex()}.tmp")
        try:
            # 0666 as a new file gets it: the kernel takes the umask off.
            fd = os.open(temporary, flags, 0o666)
            break
        except FileExistsError:
            continue
        except OSError as error:
            raise FileError(f"{path}: cannot write: {error.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if mode is not None:
            os.chmod(temporary, stat.S_IMODE(mode))  # the file being replaced keeps its mode
        os.replace(temporary, target)
    except OSError as error:
        _discard(temporary)
        raise FileError(f"{path}: cannot write: {error.strerror}") from None
    except BaseException:  # Ctrl-C, and SIGTERM or SIGHUP (positions.__main__): no debris
        _discard(temporary)
        raise


def _discard(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def note(message: str) -> None:
    """Tell the user on standard error what was done (or what went wrong), as one line.

    Every ``positions: ...`` line on standard error is written here, in what the stream can
    encode (``encodable``).

    Standard error, so that standard output stays what the command made; a note that cannot
    be written is not an error (the work is done).
    """
    stream = sys.stderr
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError):
        stream.write(encodable(f"positions: {one_line(message)}\n", stream))
        stream.flush()


def encodable(text: str, stream: object) -> str:
    """``text`` as ``stream`` can encode it, as standard output shows text on such a terminal.

    Where the stream is not UTF-8, typographic quotes and dashes are folded to ASCII, and any
    other character it cannot encode is escaped (``\\xe9``), so that no byte it cannot show
    is written, whoever wraps the stream (click re-wraps an ASCII one as UTF-8).
    """
    if is_utf8(stream):
        return text
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        return fold_typography(text).encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:  # an encoding Python does not know: ASCII is safe
        return fold_typography(text).encode("ascii", "backslashreplace").decode("ascii")


def create_new(folder: str, files: dict[str, str]) -> None:
    """Make ``folder`` and ``files`` (path in it -> text) in it, never over anything.

    A folder that exists and holds anything, or anything in the way, is refused (UsageError)
    before a file is written; each file is then created exclusively, so even one appearing
    meanwhile is not written over.
    """
    shown = one_line(folder)
    if os.path.lexists(folder) and not os.path.isdir(folder):
        raise UsageError(f"{shown}: exists and is not a folder; expected a new or empty folder")
    try:
        if os.path.isdir(folder) and os.listdir(folder):
            raise UsageError(
                f"{shown}: not empty; expected a new or empty folder (nothing is written over)"
            )
        os.makedirs(folder, exist_ok=True)
        for name, text in files.items():
            path = os.path.join(folder, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "x", encoding="utf-8", newline="\n") as file:
                file.write(text)
    except FileExistsError as error:
        raise UsageError(
            f"{one_line(str(error.filename))}: exists; nothing is written over"
        ) from None
    except OSError as error:
        where = one_line(str(error.filename or folder))
        raise FileError(f"{where}: cannot create: {error.strerror}") from None
