"""The one exception hierarchy of positions, with the exit code each error ends in."""

from typing import NamedTuple

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
# positions diff exits as diff(1) does: 0 the same, 1 different, 2 trouble.
EXIT_DIFFERENT = 1
EXIT_TROUBLE = 2
# positions coverage: 1 when some sentence is an open candidate, so a script can wait for none.
EXIT_OPEN = 1


class Problem(NamedTuple):
    """One thing wrong with a data file, at a place in it (1-based line and column)."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class PositionsError(Exception):
    """Base of every error the tool expects; the CLI turns it into a message and an exit code."""

    exit_code = EXIT_DATA

    def lines(self) -> list[str]:
        """The message as the lines to print on standard error."""
        return [str(self)]


class DataError(PositionsError):
    """A data file that cannot be read or is not a valid positions file (of any version)."""

    def __init__(self, problems: list[Problem], *, truncated: int = 0) -> None:
        self.problems = tuple(problems)
        self.truncated = truncated
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """Every problem on a line of its own, then how many were left out."""
        out = [str(p) for p in self.problems]
        if self.truncated:
            out.append(f"... and {self.truncated} more problems not shown")
        return out


class FileError(PositionsError):
    """A file that cannot be opened, read or written."""


class UsageError(PositionsError):
    """The user asked for something that does not exist or does not make sense."""

    exit_code = EXIT_USAGE


class QuotesNotFound(PositionsError):
    """Some quotes do not occur in their sources: each one's place and text, then the count."""

    def __init__(self, missing: list[str], checked: int) -> None:
        self.missing = missing
        self.checked = checked
        total = f"{checked} quote" if checked == 1 else f"{checked} quotes"
        super().__init__(f"{len(missing)} of {total} not found")

    def lines(self) -> list[str]:
        """Each quote not found, then the count."""
        return [*self.missing, str(self)]


class CodebookBroken(PositionsError):
    """A data file breaks rules of the codebook (the findings are printed before this)."""

    def __init__(self, errors: int) -> None:
        super().__init__(f"{errors} error{'s' if errors != 1 else ''} against the codebook")
