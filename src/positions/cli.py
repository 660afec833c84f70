"""The command line: each command parses its arguments, calls the core, renders, and exits."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click
from click.shell_completion import CompletionItem

from positions import __version__
from positions.errors import EXIT_DATA, EXIT_INTERRUPTED, EXIT_OK, PositionsError, UsageError
from positions.formats import FILE_FORMATS, choices, for_output
from positions.model import Attribution
from positions.text import one_line

F = TypeVar("F", bound=Callable[..., Any])


def _complete(kind: str) -> Callable[[click.Context, click.Parameter, str], list[CompletionItem]]:
    """Shell completion of party or issue ids from the data file the command would read."""

    def complete(ctx: click.Context, _: click.Parameter, incomplete: str) -> list[CompletionItem]:
        from positions import app

        try:
            ds = app.dataset(ctx.params.get("data"))
        except PositionsError:
            return []
        items: dict[str, Any] = ds.parties if kind == "party" else ds.issues
        return [
            CompletionItem(key, help=item.name)
            for key, item in items.items()
            if key.startswith(incomplete.casefold())
        ]

    return complete


complete_party = _complete("party")
complete_issue = _complete("issue")


def parties_argument(func: F) -> F:
    """The PARTY PARTY [PARTY...] argument of the commands that relate parties."""
    return click.argument(
        "parties",
        nargs=-1,
        required=True,
        metavar="PARTY PARTY [PARTY...]",
        shell_complete=complete_party,
    )(func)


def issue_option(func: F) -> F:
    """The repeatable --issue option of compare and export."""
    return click.option(
        "--issue",
        "issues",
        multiple=True,
        metavar="ID",
        help="Only this issue (repeatable).",
        shell_complete=complete_issue,
    )(func)


def attribution_option(func: F) -> F:
    """The --attribution option: count only stances backed by evidence this strong."""
    return click.option(
        "--attribution",
        type=click.Choice([a.value for a in Attribution]),
        help="Keep only stances backed by a quote this strong or stronger "
        "(stated > reported > inferred).",
    )(func)


def data_option(func: F) -> F:
    """The --data option every command shares."""
    return click.option(
        "--data",
        metavar="FILE",
        help="Data file to read. Default: $POSITIONS_FILE, else ./positions.yaml, "
        "else the dataset shipped with positions.",
    )(func)


def format_option(choices: list[str], default: str | None = "table") -> Callable[[F], F]:
    """A --format option over some of the registered formats."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=default is not None,
        help="Output format.",
    )


def report(lines: list[str]) -> None:
    """Print error lines on stderr, each prefixed and made safe for the terminal."""
    for line in lines:
        click.echo(f"positions: {one_line(line)}", err=True)


def click_message(error: click.ClickException) -> str:
    """The error click raised (a bad option, a missing argument) as one line, in our style."""
    message = " ".join(error.format_message().split())
    message = re.sub(r"\.? Did you mean (.*?)\?$", r" (did you mean \1?)", message).rstrip(".")
    if message[:1].isupper() and message[1:2].islower():
        message = message[0].lower() + message[1:]
    ctx = getattr(error, "ctx", None)
    if isinstance(error, click.UsageError) and ctx is not None:
        message += f"; see '{ctx.command_path} --help'"
    return message


def tolerate_encoding() -> None:
    """Let a terminal that cannot show some characters get escapes instead of a crash."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if isinstance(stream, io.TextIOWrapper) and encoding not in ("utf8", "utf8sig"):
            stream.reconfigure(errors="backslashreplace")


class PositionsGroup(click.Group):
    """A group that turns every error into a message and a documented exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; print an error as ``positions: ...`` lines on stderr and exit."""
        try:
            return super().invoke(ctx)
        except PositionsError as error:
            report(error.lines())
            ctx.exit(error.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:  # click ends the command quietly when the reader has gone
            raise
        except Exception as error:
            if ctx.meta.get("positions.debug"):
                raise
            report([f"internal error: {type(error).__name__}: {error} (--debug shows where)"])
            ctx.exit(EXIT_DATA)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the CLI; exit 130 on an interrupt instead of click's "Aborted!" and 1."""
        call = super().main
        if not standalone_mode:
            return call(args, prog_name, complete_var, standalone_mode=False, **extra)
        tolerate_encoding()
        try:
            code = call(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as error:
            error.show()  # ``positions`` alone: the help, as click gives it
            sys.exit(error.exit_code)
        except click.ClickException as error:
            report([click_message(error)])
            sys.exit(error.exit_code)
        except click.exceptions.Abort:
            click.echo("\npositions: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else EXIT_OK)


@click.group(
    cls=PositionsGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="positions")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Compare the conditions that parties to a conflict have stated, issue by issue.

    \b
    Examples:
      positions compare russia ukraine
      positions issues
      positions export -o table.csv
    """
    ctx.meta["positions.debug"] = debug


@cli.command()
@click.argument("file", required=False)
@data_option
def validate(file: str | None, data: str | None) -> None:
    """Check a data file and summarise what it holds.

    Prints every problem as FILE:LINE:COL and exits 1, or one line of counts and exits 0.

    \b
    Example:
      positions validate positions.yaml
    """
    from positions import app

    click.echo(app.validate(file or data))


@cli.command()
@click.option(
    "--sources",
    "sources_dir",
    required=True,
    metavar="DIR",
    help="Folder holding each source's text as <source id>.txt.",
)
@click.argument("file", required=False)
@data_option
def verify(sources_dir: str, file: str | None, data: str | None) -> None:
    """Check that every quote occurs verbatim in its source.

    Runs of white space, typographic quotes and apostrophes, and dashes are folded before
    comparing. Each quote not found is listed with its place in the data file (exit 1).

    \b
    Example:
      positions verify --sources ../shared/sources positions.yaml
    """
    from positions import app

    click.echo(app.verify(file or data, sources_dir))


@cli.command()
@parties_argument
@issue_option
@click.option("--evidence", is_flag=True, help="Print every quote under its stance.")
@attribution_option
@format_option(choices("comparison"))
@data_option
def compare(
    parties: tuple[str, ...],
    issues: tuple[str, ...],
    evidence: bool,
    attribution: str | None,
    fmt: str,
    data: str | None,
) -> None:
    """Compare two or more parties issue by issue.

    Parties are named by id, name or alias, in any case (russia, Russia, ru, kyiv...).

    \b
    Examples:
      positions compare russia ukraine
      positions compare russia ukraine west --issue territory --evidence
      positions compare russia ukraine --format json | jq '.counts'
      positions compare russia ukraine --attribution reported
    """
    from positions import app

    if len(parties) < 2:
        raise UsageError("compare needs at least two parties; use 'positions show PARTY' for one")
    app.emit(fmt, "comparison", app.compare(data, parties, issues, attribution), evidence=evidence)


@cli.command("issues")
@click.argument("issue", required=False, metavar="[ID]", shell_complete=complete_issue)
@format_option(choices("issues_list"))
@data_option
def issues_command(issue: str | None, fmt: str, data: str | None) -> None:
    """List the issues, or show one in full with every stance.

    \b
    Examples:
      positions issues
      positions issues territory
    """
    from positions import app

    if issue is None:
        app.emit(fmt, "issues_list", app.dataset(data))
    else:
        app.emit(fmt, "issue_detail", app.issue_view(data, issue))


@cli.command()
@format_option(choices("parties_list"))
@data_option
def parties(fmt: str, data: str | None) -> None:
    """List the parties, their aliases and their stances.

    \b
    Example:
      positions parties
    """
    from positions import app

    app.emit(fmt, "parties_list", app.dataset(data))


@cli.command()
@click.argument("party", shell_complete=complete_party)
@format_option(choices("issues_list"))
@data_option
def show(party: str, fmt: str, data: str | None) -> None:
    """Show one party's stance on every issue, with its evidence.

    \b
    Example:
      positions show ukraine
    """
    from positions import app

    app.emit(fmt, "comparison", app.compare(data, (party,), ()), evidence=True)


@cli.command()
@click.argument("parties", nargs=-1, metavar="[PARTY...]", shell_complete=complete_party)
@click.option(
    "-o", "--output", required=True, metavar="FILE", help="File to write, or - for standard output."
)
@format_option(FILE_FORMATS, default=None)
@issue_option
@data_option
def export(
    parties: tuple[str, ...],
    output: str,
    fmt: str | None,
    issues: tuple[str, ...],
    data: str | None,
) -> None:
    """Write the comparison to a file: CSV, JSON, Markdown, HTML.

    All parties are compared when none is named. The format follows the file's extension
    (.csv, .json, .md, .html, or .svg for the matrix as an image) unless --format is given.
    The file is written whole or not at all, and never over the data file.

    \b
    Examples:
      positions export -o table.csv
      positions export russia ukraine -o report.html
      positions export --format markdown -o -
    """
    from positions import app

    app.export(data, parties, issues, output, for_output(fmt, output))


@cli.command()
@click.argument("parties", nargs=-1, metavar="[PARTY...]", shell_complete=complete_party)
@attribution_option
@format_option(choices("matrix"), default=None)
@click.option(
    "-o",
    "--output",
    default="-",
    metavar="FILE",
    help="File to write, its format following its extension (default: standard output).",
)
@data_option
def matrix(
    parties: tuple[str, ...],
    attribution: str | None,
    fmt: str | None,
    output: str,
    data: str | None,
) -> None:
    """Map every party's stance on every issue, and each pair.

    The first grid shows every party's accepted outcomes on every issue.

    Cells are coloured by firmness and marked with a letter as well (R red line, F firm, O open).
    The second grid counts, for each pair, the issues with common ground against those in
    conflict, out of the issues both address. All parties are shown when none is named.

    \b
    Examples:
      positions matrix
      positions matrix russia ukraine west --attribution reported
      positions matrix --format svg -o matrix.svg
    """
    from positions import app

    chosen = for_output(fmt, output, choices("matrix"))
    app.emit(chosen.name, "matrix", app.matrix_view(data, parties, attribution), output=output,
             protect=app.data_path(data))  # fmt: skip


@cli.command()
@parties_argument
@attribution_option
@format_option(choices("agenda"))
@data_option
def agenda(parties: tuple[str, ...], attribution: str | None, fmt: str, data: str | None) -> None:
    """Order the issues for talks, saying why each sits where.

    First the issues with common ground (agreement, then overlap); then the conflicts from the
    most open to the hardest (every side open, then at most firm, then any red line; ties by
    the sum of the sides' firmness, then the file's order); last the issues on which a party
    has no stated position.

    \b
    Example:
      positions agenda russia ukraine
    """
    from positions import app

    if len(parties) < 2:
        raise UsageError("agenda needs at least two parties")
    cmp, items = app.agenda_view(data, parties, attribution)
    app.emit(fmt, "agenda", cmp, items)


@cli.command()
@format_option(choices("sources"))
@data_option
def sources(fmt: str, data: str | None) -> None:
    """List the sources, and flag stances on thin evidence.

    Each source is shown with the number of stances and quotes it backs.

    A stance is flagged when all its quotes come from a single source, or when all of them are
    only inferred by the article's writers or analysts.

    \b
    Example:
      positions sources
    """
    from positions import app

    app.emit(fmt, "sources", *app.sources_view(data))


@cli.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@format_option(choices("diff"))
def diff(old: str, new: str, fmt: str) -> None:
    """Show what changed between two versions of a data file.

    Issues, outcomes and parties added or removed; stances whose accepted or rejected outcomes
    or firmness changed; and, for every pair of parties, the relations that changed as a result.

    \b
    Examples:
      positions diff old.yaml positions.yaml
      git show HEAD~3:positions.yaml > old.yaml && positions diff old.yaml positions.yaml
    """
    from positions import app

    app.emit(fmt, "diff", app.diff_view(old, new))
