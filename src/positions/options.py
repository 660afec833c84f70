"""The options and arguments the commands share, and the data file they read.

Paths stay ``str`` and the shipped dataset is found with ``os.path``: pathlib and
importlib.resources would add about 10 ms to every command's start-up (``python -X
importtime``; benchmarks/README.md, "start-up").
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click
from click.core import ParameterSource

from positions import formats
from positions.errors import FileError, PositionsError
from positions.formats import Format
from positions.model import Attribution, Dataset
from positions.results import Relation
from positions.text import one_line
from positions.writing import same_file

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

F = TypeVar("F", bound=Callable[..., Any])
ENV_VAR = "POSITIONS_FILE"
SHIPPED_LABEL = "positions.yaml (shipped with positions)"


def shipped_path() -> str:
    """The dataset installed with the package, beside its modules as pip installs it."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "positions.yaml")


def locate(given: str | None) -> tuple[str, str]:
    """The data file to read and the name to show for it.

    ``--data`` or $POSITIONS_FILE (``given``), else ./positions.yaml, else the shipped dataset,
    which is shown by its file name, never by the absolute path of the user's installation.
    """
    if given is not None:
        return given, given
    if os.path.isfile("positions.yaml"):
        return "positions.yaml", "positions.yaml"
    return shipped_path(), SHIPPED_LABEL


def load_data(ctx: click.Context, given: str | None) -> Dataset:
    """Load the data file a command reads; a file named by $POSITIONS_FILE says so on failure.

    Through the cache of checked files (``positions.cache``): a file read before is not parsed
    again, and PyYAML and the loader are not even imported.
    """
    from positions.cache import load

    path, label = locate(given)
    try:
        return load(path, name=label)
    except FileError as error:
        if ctx.get_parameter_source("data") is ParameterSource.ENVIRONMENT:
            raise FileError(f"{error} (named by ${ENV_VAR})") from None
        raise


class PathName(click.ParamType):  # type: ignore[type-arg]
    """A path the user gives (argument, option or variable): an empty one is a usage error.

    Every path a command takes has this type, so that an empty or blank path is exit 2 with one
    message everywhere, never the default file, the current folder or "no such file" (exit 1).
    A ``folder`` must also exist and be a folder (click.Path's checks).
    """

    name = "path"

    def __init__(self, expected: str, *, folder: bool = False) -> None:
        self.expected = expected
        self.folder = folder

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """``value`` as given; a usage error if it is empty (or not a folder, for a folder)."""
        if isinstance(value, str) and not value.strip():
            self.fail(_empty(self.expected, param, ctx), param, ctx)
        if self.folder:
            return click.Path(exists=True, file_okay=False).convert(value, param, ctx)
        return value

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        """Let the shell complete file (or folder) names."""
        from click.shell_completion import CompletionItem

        return [CompletionItem(incomplete, type="dir" if self.folder else "file")]


def _empty(expected: str, param: click.Parameter | None, ctx: click.Context | None) -> str:
    """What is wrong with an empty path: the variable that gave it, if one did."""
    source = None if ctx is None or param is None else ctx.get_parameter_source(param.name or "")
    if source is ParameterSource.ENVIRONMENT and isinstance(param, click.Option):
        return f"${param.envvar} is empty; expected {expected}, or the variable unset"
    return f"an empty path; expected {expected}"


DATA_FILE = PathName("a data file")


def _empty_variable(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse an empty $POSITIONS_FILE, which click takes for unset (and so the default file)."""
    if value is None and os.environ.get(ENV_VAR) is not None and not os.environ[ENV_VAR].strip():
        message = f"${ENV_VAR} is empty; expected a data file, or the variable unset"
        raise click.BadParameter(message, ctx, param)
    return value


def data_option(func: F) -> F:
    """The --data option every command shares, also read from $POSITIONS_FILE."""
    return click.option(
        "--data",
        metavar="FILE",
        type=DATA_FILE,
        envvar=ENV_VAR,
        show_envvar=True,
        callback=_empty_variable,
        is_eager=True,  # read before the arguments, so that completion and checks can use it
        help="Data file to read. Default: ./positions.yaml, else the dataset shipped with "
        "positions.",
    )(func)


def file_argument(func: F) -> F:
    """The optional FILE argument of the commands that check one data file."""
    return click.argument("file", required=False, type=DATA_FILE)(func)


def data_file_argument(name: str, metavar: str) -> Callable[[F], F]:
    """A required data file argument (agreement's FIRST and SECOND, diff's OLD and NEW)."""
    return click.argument(name, metavar=metavar, type=DATA_FILE)


def sources_option(*, required: bool, help: str) -> Callable[[F], F]:
    """The --sources option: the folder of the articles' texts."""
    return click.option(
        "--sources",
        "sources_dir",
        required=required,
        metavar="DIR",
        type=PathName("a folder of source texts", folder=True),
        help=help,
    )


def checked_file(ctx: click.Context, file: str | None, data: str | None) -> str | None:
    """The data file a checking command reads: FILE, else --data or $POSITIONS_FILE.

    FILE and --data naming two different files is a usage error: either one silently winning
    would check a file the user did not mean. Two names of one file (``d.yaml`` and
    ``./d.yaml``, a link and its target) are one file.
    """
    given_both = ctx.get_parameter_source("data") is ParameterSource.COMMANDLINE
    if file is not None and data is not None and given_both and not same_file(file, data):
        raise click.UsageError(f"FILE {file} and --data {data} name two files; give one", ctx)
    return file if file is not None else data


def _complete(kind: str) -> Callable[[click.Context, click.Parameter, str], list[CompletionItem]]:
    """Shell completion of party or issue ids from the data file the command would read."""

    def complete(ctx: click.Context, _: click.Parameter, incomplete: str) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        try:
            dataset = load_data(ctx, ctx.params.get("data"))
        except PositionsError:
            return []
        items: dict[str, Any] = dataset.parties if kind == "party" else dataset.issues
        return [
            CompletionItem(key, help=one_line(item.name))  # ids are [a-z0-9-]; names are data
            for key, item in items.items()
            if key.startswith(incomplete.casefold())
        ]

    return complete


complete_party = _complete("party")
complete_issue = _complete("issue")


def _two_or_more(ctx: click.Context, _: click.Parameter, value: tuple[str, ...]) -> Any:
    if len(value) < 2:
        raise click.UsageError(
            f"{ctx.info_name} needs two or more parties, got {len(value)}"
            f"{_parties_known(ctx)}; for one party's stances: positions show PARTY",
            ctx,
        )
    return value


# A usage message lists at most this many parties: the rest are counted.
PARTIES_LISTED = 12


def _parties_known(ctx: click.Context) -> str:
    """``; the parties: a, b, c`` of the data file the command would read ("" if unreadable)."""
    try:
        ids = list(load_data(ctx, ctx.params.get("data")).parties)
    except PositionsError:
        return ""
    if not ids:
        return "; the data file has no parties"
    listed = ", ".join(one_line(i) for i in ids[:PARTIES_LISTED])
    if len(ids) > PARTIES_LISTED:
        listed += f" and {len(ids) - PARTIES_LISTED:,} more (positions parties lists them)"
    return f"; known parties: {listed}"


def parties_argument(func: F) -> F:
    """The PARTY PARTY [PARTY...] argument of the commands that relate parties."""
    return click.argument(
        "parties",
        nargs=-1,
        metavar="PARTY PARTY [PARTY...]",
        callback=_two_or_more,
        shell_complete=complete_party,
    )(func)


def any_parties_argument(func: F) -> F:
    """The [PARTY...] argument of the commands that take all parties when none is named."""
    return click.argument("parties", nargs=-1, metavar="[PARTY...]", shell_complete=complete_party)(
        func
    )


def _naming(
    what: str, expected: str
) -> Callable[[click.Context, click.Parameter, tuple[str, ...]], Any]:
    """A callback refusing a value of a comma-separated list option that names nothing.

    ``--issue ,`` or ``--relation ''`` would otherwise split into no names at all, and the
    command would run on an empty selection (or on everything) instead of what was meant.
    """

    def check(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> Any:
        for given in value:
            if not any(part.strip() for part in given.split(",")):
                message = f"'{given}' names no {what}; expected {expected}, or several by commas"
                raise click.BadParameter(message, ctx, param)
        return value

    return check


def issue_option(func: F) -> F:
    """The repeatable --issue option."""
    return click.option(
        "--issue",
        "issues",
        multiple=True,
        metavar="ISSUE",
        callback=_naming("issue", "an issue's id or name"),
        help="Only this issue, by id or name; repeat it, or separate several by commas.",
        shell_complete=complete_issue,
    )(func)


def parties_option(func: F) -> F:
    """The repeatable --parties option: the parties a command relates, pair by pair."""
    return click.option(
        "--parties",
        "parties",
        multiple=True,
        metavar="PARTY",
        callback=_naming("party", "a party's id, name or alias"),
        help="Only these parties' relations, pair by pair (default: every party both files "
        "hold); repeat it, or separate several by commas.",
        shell_complete=complete_party,
    )(func)


def _attribution(_: click.Context, __: click.Parameter, value: str | None) -> Attribution | None:
    return None if value is None else Attribution(value.lower())


class GuessingChoice(click.Choice):  # type: ignore[type-arg]
    """A choice that, given a value close to one of its choices, asks "did you mean ...?"."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """The choice ``value`` names; a usage error with a guess if it names none."""
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as error:
            guess = _guess(str(value), [str(c) for c in self.choices])
            if not guess:
                raise
            self.fail(f"{error.message.rstrip('.')}{guess}", param, ctx)


def attribution_option(func: F) -> F:
    """The --attribution option: count only stances backed by evidence this strong."""
    return click.option(
        "--attribution",
        type=GuessingChoice([a.value for a in Attribution], case_sensitive=False),
        callback=_attribution,
        help="Keep only stances backed by a quote this strong or stronger "
        "(stated > reported > inferred).",
    )(func)


def _relations(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> Any:
    names = [
        n.strip().lower()
        for v in _naming("relation", "a relation")(ctx, param, value)
        for n in v.split(",")
    ]
    names = [n for n in names if n]
    known = {r.value: r for r in Relation}
    for name in names:
        if name not in known:
            message = f"'{name}' is not a relation; expected one of {', '.join(known)}"
            raise click.BadParameter(message + _guess(name, list(known)), ctx, param)
    return tuple(dict.fromkeys(known[n] for n in names))


def _guess(given: str, choices: list[str]) -> str:
    """`` (did you mean 'agree'?)`` for a value close to one of ``choices``, else ``""``."""
    from positions.text import closest

    guess = closest(given.casefold(), choices)
    return f" (did you mean '{guess}'?)" if guess else ""


def complete_relation(
    _: click.Context, __: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Shell completion of relation names, after any the value already lists (``conflict,ag``)."""
    from click.shell_completion import CompletionItem

    done, _comma, last = incomplete.rpartition(",")
    before = done + _comma
    return [
        CompletionItem(before + r.value)
        for r in Relation
        if r.value.startswith(last.strip().lower())
    ]


def relation_option(func: F) -> F:
    """The --relation option: keep only the issues of these relations."""
    return click.option(
        "--relation",
        "relations",
        multiple=True,
        metavar="RELATION",
        callback=_relations,
        shell_complete=complete_relation,
        help="Only issues of this relation (conflict, conditional, untested, complementary, "
        "overlap, agree, unknown); repeat it, or separate several by commas. The counts still "
        "cover all.",
    )(func)


class FormatChoice(GuessingChoice):
    """A --format value: one of the formats that render a command's result, in any case."""

    name = "format"

    def __init__(self, *kinds: type) -> None:
        names = formats.choices(*kinds)
        super().__init__(names, case_sensitive=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """The Format named by ``value`` or one of its aliases (``md``)."""
        if isinstance(value, Format):
            return value
        for name in self.choices:
            fmt = formats.FORMATS[str(name)]
            if str(value).casefold() in (fmt.name, *fmt.aliases):
                return fmt
        return super().convert(value, param, ctx)


def format_option(*kinds: type, default: str | None = "table") -> Callable[[F], F]:
    """A --format option offering the formats that render all of ``kinds``.

    With no ``default``, the format is the one -o FILE's extension names, else the table (on
    the terminal): output.emit decides.
    """
    named = formats.choices(*kinds)
    chosen = (
        "Output format. Default: the one -o FILE's extension names "
        f"({', '.join(_extensions(named))}), else table."
        if default is None and "table" in named
        else "Output format."
    )
    return click.option(
        "--format",
        "fmt",
        type=FormatChoice(*kinds),
        default=default,
        show_default=default is not None,
        help=chosen,
    )


def _extensions(names: list[str]) -> list[str]:
    """Each format's first extension (``.txt`` said to be the table's)."""
    return [
        e + (" for table" if formats.FORMATS[n].terminal else "")
        for n in names
        for e in formats.FORMATS[n].extensions[:1]
    ]


def output_option(*, required: bool) -> Callable[[F], F]:
    """The -o/--output option of the commands that write files, with its --force."""
    # No default at all when required: click 8.5 (at least) takes an explicit default=None as a
    # value given, and would no longer report the option missing.
    default: dict[str, Any] = {} if required else {"default": "-"}
    output = click.option(
        "-o",
        "--output",
        "target",
        required=required,
        metavar="FILE",
        type=PathName("a file to write, or - for standard output"),
        help="Write to FILE (replaced whole or not at all), its format following its "
        "extension unless --format is given; - for standard output"
        + ("." if required else " (the default)."),
        **default,
    )
    force = click.option("--force", is_flag=True, help="Replace FILE even if it is read-only.")
    return lambda func: output(force(func))


def sources_folder(given: str | None, data: str | None) -> str | None:
    """The folder of the articles: ``--sources``, else ``sources/`` beside the data file."""
    if given is not None:
        return given
    beside = os.path.join(os.path.dirname(locate(data)[0]), "sources")
    return beside if os.path.isdir(beside) else None


def complete_source(
    ctx: click.Context, _: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Shell completion of source ids: the ``<id>.txt`` files of the folder quote reads.

    Where that folder is not known yet (``--sources`` comes after the id) or does not exist, the
    sources the data file lists.
    """
    from pathlib import Path

    from click.shell_completion import CompletionItem

    from positions.textfile import source_ids

    folder = sources_folder(ctx.params.get("sources_dir"), ctx.params.get("data"))
    try:
        if folder and os.path.isdir(folder):
            ids = list(source_ids(Path(folder)))
        else:
            ids = list(load_data(ctx, ctx.params.get("data")).sources)
    except PositionsError:
        return []
    return [CompletionItem(one_line(i)) for i in ids if i.startswith(incomplete)]
