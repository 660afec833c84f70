"""Click adapted to positions: the one error boundary, and --help and --version as output.

Every error becomes ``positions: ...`` lines on standard error and a documented exit code here,
and only here (PositionsGroup): a PositionsError, click's own usage errors (reworded in our
style), Ctrl-C, and an unexpected error (its traceback only with --debug). A reader that has
gone (a broken pipe) ends the command quietly, as click does.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from positions import __version__, output, writing
from positions.errors import EXIT_DATA, EXIT_INTERRUPTED, EXIT_OK, PositionsError
from positions.text import closest

F = TypeVar("F", bound=Callable[..., Any])


def report(lines: list[str]) -> None:
    """Print error lines on stderr, each prefixed and made safe for the terminal (writing.note)."""
    for line in lines:
        writing.note(line)


# Click puts its guess at a mistyped option into the message itself (NoSuchOption's
# format_message), worded differently by each release we allow ("Did you mean --full?" in 8.2,
# "Did you mean '--full'?" later), and offers no hook to word it ourselves: so the guess is
# found in the text, and only here.
_GUESS = re.compile(r"\.? Did you mean (.*?)\?$")


def click_message(error: click.ClickException) -> str:
    """The error click raised (a bad option, a missing argument) as one line, in our style."""
    message = " ".join(error.format_message().split())
    message = _GUESS.sub(r" (did you mean \1?)", message).rstrip(".")
    if message[:1].isupper() and message[1:2].islower():
        message = message[0].lower() + message[1:]
    ctx = getattr(error, "ctx", None)
    if isinstance(error, click.UsageError) and ctx is not None:
        message += f"; see '{ctx.command_path} --help'"
    return message


def tolerate_encoding() -> None:
    """Let a terminal that cannot show some characters get escapes instead of a crash."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not writing.is_utf8(stream):
            stream.reconfigure(errors="backslashreplace")


def _print_help(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        writing.write_stdout(ctx.get_help() + "\n")
        ctx.exit()


def _print_version(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        writing.write_stdout(f"positions, version {__version__}\n")
        ctx.exit()


def version_option(func: F) -> F:
    """The --version option, printing through the output edge (a full disk is reported)."""
    return click.option(
        "--version",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_print_version,
        help="Show the version and exit.",
    )(func)


def _colour(_: click.Context, __: click.Parameter, value: bool | None) -> None:
    if value is not None:
        output.configure(output.settings()._replace(color=value))


def _no_pager(_: click.Context, __: click.Parameter, value: bool) -> None:
    if value:
        output.configure(output.settings()._replace(pager=False))


def terminal_options() -> list[click.Parameter]:
    """--color/--no-color and --no-pager: how the terminal is written to, on every command.

    Given before the command's name or after it (``positions --no-color compare ...``,
    ``positions compare ... --no-pager``), they hold for the whole run (output.configure).
    """
    return [
        click.Option(
            ["--color/--no-color"],
            default=None,
            expose_value=False,
            callback=_colour,
            help="Colour the terminal's views, or not, whatever NO_COLOR and FORCE_COLOR "
            "say. Default: as they say, colour on a terminal. Files never get colour.",
        ),
        click.Option(
            ["--no-pager"],
            is_flag=True,
            expose_value=False,
            callback=_no_pager,
            help="Never page. Default: output longer than the terminal goes through "
            "$POSITIONS_PAGER, else $PAGER, else 'less -FRX', as git does; never a pipe's.",
        ),
    ]


class PositionsCommand(click.Command):
    """A command whose --help is written through the output edge, like every other output.

    Every command takes the terminal's options (``terminal_options``).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.extend(terminal_options())

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """Click's help option, printing with writing.write_stdout (a full disk is reported)."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.callback = _print_help
        return option


class PositionsGroup(PositionsCommand, click.Group):
    """A group that turns every error into a message and a documented exit code.

    Its --help is a PositionsCommand's, written through the output edge.
    """

    command_class = PositionsCommand

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """The command named first in ``args``; an unknown one is a usage error with a guess.

        Our own guess, so that every click release we allow says the same thing.
        """
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            guess = closest(name, self.list_commands(ctx))
            ctx.fail(f"no such command {name!r}" + (f" (did you mean {guess!r}?)" if guess else ""))
        return super().resolve_command(ctx, args)

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
        output.reset()  # each run starts from the defaults, however many run in one process
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
        except PositionsError as error:  # --help or --version could not be written
            report(error.lines())
            sys.exit(error.exit_code)
        sys.exit(code if isinstance(code, int) else EXIT_OK)
