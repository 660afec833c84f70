"""The coder's commands: validate, verify, lint, coverage, agreement, quote, init and upgrade.

Each parses its arguments, calls the core and emits the result, as in cli.py, which adds them
to the command group.
"""

from __future__ import annotations

import click

from positions import output
from positions.commandline import PositionsCommand
from positions.errors import (
    EXIT_OK,
    EXIT_OPEN,
    CodebookBroken,
    FileError,
)
from positions.formats import Format
from positions.options import (
    PathName,
    checked_file,
    complete_source,
    data_file_argument,
    data_option,
    file_argument,
    format_option,
    load_data,
    locate,
    output_option,
    parties_option,
    shipped_path,
    sources_folder,
    sources_option,
)
from positions.render import Detail
from positions.results import (
    Agreement,
    CoverageReport,
    Created,
    LintReport,
    Quotes,
    Summary,
    Verification,
)


@click.command("validate", cls=PositionsCommand)
@file_argument
@format_option(Summary, default=None)
@output_option(required=False)
@data_option
@click.pass_context
def validate_command(
    ctx: click.Context,
    file: str | None,
    fmt: Format | None,
    target: str,
    force: bool,
    data: str | None,
) -> None:
    """Check a data file and summarise what it holds.

    Prints every problem as FILE:LINE:COL and exits 1, or one line of counts and exits 0.

    \b
    Example:
      positions validate positions.yaml
    """
    from positions.listing import summary

    checked = checked_file(ctx, file, data)
    output.emit(summary(load_data(ctx, checked)), fmt, target, protect=_read(checked), force=force)


@click.command("verify", cls=PositionsCommand)
@sources_option(required=True, help="Folder holding each source's text as <source id>.txt.")
@file_argument
@format_option(Verification, default=None)
@output_option(required=False)
@data_option
@click.pass_context
def verify_command(
    ctx: click.Context,
    sources_dir: str,
    file: str | None,
    fmt: Format | None,
    target: str,
    force: bool,
    data: str | None,
) -> None:
    """Check that every quote occurs verbatim in its source.

    Runs of white space, typographic quotes and apostrophes, and dashes are folded before
    comparing. Each quote not found is listed with its place in the data file (exit 1).

    \b
    Example:
      positions verify --sources ../shared/sources positions.yaml
    """
    from pathlib import Path

    from positions.textfile import read_sources
    from positions.verify import cited, verify

    checked = checked_file(ctx, file, data)
    dataset = load_data(ctx, checked)
    result = verify(dataset, read_sources(Path(sources_dir), cited(dataset)))
    output.emit(result, fmt, target, protect=_read(checked), force=force)


@click.command("lint", cls=PositionsCommand)
@file_argument
@sources_option(
    required=False,
    help="Folder of the articles as <source id>.txt, to check speakers against them.",
)
@click.option("--all", "every", is_flag=True, help="Show noted findings too, not only their count.")
@click.option("--errors-only", is_flag=True, help="Show only errors (the counts still count all).")
@format_option(LintReport, default=None)
@output_option(required=False)
@data_option
@click.pass_context
def lint_command(
    ctx: click.Context,
    file: str | None,
    sources_dir: str | None,
    every: bool,
    errors_only: bool,
    fmt: Format | None,
    target: str,
    force: bool,
    data: str | None,
) -> None:
    """Hold a data file to the codebook (docs/codebook.md).

    The counts come first, then each finding: FILE:LINE:COL, a code, and what is wrong. Errors
    break a coding rule; warnings mark what to look at again; a finding a stance's note answers
    is noted: counted apart, not shown unless --all. Exits 1 if any error is not noted.
    --format text writes one line per finding, never wrapped, for editors and scripts; --format
    json has every finding, noted or not.

    \b
    Example:
      positions lint --sources ../shared/sources positions.yaml
    """
    from pathlib import Path

    from positions.lint import lint
    from positions.textfile import read_sources

    checked = checked_file(ctx, file, data)
    dataset = load_data(ctx, checked)
    texts = read_sources(Path(sources_dir), dataset.sources) if sources_dir else None
    report = lint(dataset, texts)._replace(every=every, errors_only=errors_only)
    output.emit(report, fmt, target, protect=_read(checked), force=force)
    if report.errors:
        raise CodebookBroken(report.errors)


@click.command("coverage", cls=PositionsCommand)
@sources_option(required=True, help="Folder holding each source's text as <source id>.txt.")
@file_argument
@click.option("--all", "every", is_flag=True, help="Every sentence, not only the open candidates.")
@format_option(CoverageReport, default=None)
@output_option(required=False)
@data_option
@click.pass_context
def coverage_command(
    ctx: click.Context,
    sources_dir: str,
    file: str | None,
    every: bool,
    fmt: Format | None,
    target: str,
    force: bool,
    data: str | None,
) -> None:
    """Show each source's sentences: cited, set aside, or open.

    Sentences are split as lint splits them. One that no quote covers, or only in part, and
    whose uncovered words name a party or carry a codebook cue ("only if", "demand",
    "prerequisite"...) is an open candidate, listed with those parties and cues. First each
    source's counts, then the candidates (--all: every sentence). Exits 1 if any candidate is
    open or a source cannot be read, else 0.

    \b
    Examples:
      positions coverage --sources ../shared/sources positions.yaml
      positions coverage --sources ../shared/sources --all
      positions coverage --sources ../shared/sources --format json | jq '.candidates'
    """
    from pathlib import Path

    from positions.coverage import coverage
    from positions.textfile import read_sources

    checked = checked_file(ctx, file, data)
    dataset = load_data(ctx, checked)
    report = coverage(dataset, read_sources(Path(sources_dir), dataset.sources), every=every)
    output.emit(report, fmt, target, protect=_read(checked), force=force)
    ctx.exit(EXIT_OPEN if report.candidates or report.unreadable else EXIT_OK)


@click.command("agreement", cls=PositionsCommand)
@data_file_argument("first", "FIRST")
@data_file_argument("second", "SECOND")
@parties_option
@click.option(
    "--evidence",
    is_flag=True,
    help="Each stance coded differently, with both coders' quotes side by side.",
)
@click.option(
    "--source",
    "only",
    multiple=True,
    metavar="ID[,ID...]",
    shell_complete=complete_source,
    help="Compare only what the two codings quote from these sources (repeat or comma-separate).",
)
@format_option(Agreement, default=None)
@output_option(required=False)
def agreement_command(
    first: str,
    second: str,
    parties: tuple[str, ...],
    evidence: bool,
    only: tuple[str, ...],
    fmt: Format | None,
    target: str,
    force: bool,
) -> None:
    """Measure how far two coders agree on the same articles.

    For each party and issue, each outcome's coding (accepts, rejects, nothing), the firmness,
    the attribution and the conditions; for each issue, its exclusions: percent agreement and
    Cohen's kappa, then every disagreement. Then the relations the two codings give each pair
    of parties, issue by issue, and each that differs with the units that differ under it.

    \b
    Examples:
      positions agreement coder-a.yaml coder-b.yaml
      positions agreement coder-a.yaml coder-b.yaml --parties russia,ukraine --evidence
      positions agreement positions.yaml blind.yaml --source 002_46ba,003_7333

    With --source, each stance counts only its quotes from those sources (a stance with none
    is left out), so a coder who read two articles is compared with what the other coded from
    the same two. A source is named by its id or the id's beginning.
    """
    from positions.agreement import agreement
    from positions.cache import load  # the data files, as every command reads them
    from positions.comparison import from_sources
    from positions.lookup import find_parties, find_source

    one, other = load(first), load(second)
    wanted = [n.strip() for given in only for n in given.split(",") if n.strip()]
    ids = [find_source(list(one.sources), name) for name in wanted]
    if ids:
        one, other = from_sources(one, ids), from_sources(other, ids)
    names = [n.strip() for given in parties for n in given.split(",") if n.strip()]
    chosen = [p.id for p in find_parties(one, names)] if names else None
    detail = Detail.EVIDENCE if evidence else Detail.SUMMARY
    result = agreement(one, other, chosen)._replace(sources=tuple(ids))
    output.emit(result, fmt, target, detail=detail, protect=(first, second), force=force)


@click.command("quote", cls=PositionsCommand)
@click.argument("source", shell_complete=complete_source)
@click.argument("fragment")
@sources_option(
    required=False,
    help="Folder of the articles as <source id>.txt. Default: sources/ beside the data file.",
)
@format_option(Quotes, default=None)
@output_option(required=False)
@data_option
@click.pass_context
def quote_command(
    ctx: click.Context,
    source: str,
    fragment: str,
    sources_dir: str | None,
    fmt: Format | None,
    target: str,
    force: bool,
    data: str | None,
) -> None:
    """Print the sentences holding FRAGMENT as evidence to paste.

    SOURCE is a source's id or its beginning (001). FRAGMENT is matched ignoring case, runs of
    white space, typographic quotes and dashes, as verify matches; the quote is the whole
    sentence as the article has it, so verify accepts it. Each entry suggests the attribution
    (codebook §5: stated if words are in quotation marks, inferred if the writers infer it,
    reported if the article attributes it, else inferred) and a speaker where the sentence
    names one beside "said", "says", "told" or "according to" (§7): check both. Comments above
    it name the firmness cues it carries, each with its level (or that it has none), and its
    stage and salience cues: which stance a cue describes is for you to judge. Several
    sentences are numbered; none is an error naming the closest sentence (exit 1).

    \b
    Examples:
      positions quote 001 "diplomacy is possible" --sources ../shared/sources
      positions quote 002_46ba32856588528c "according to kremlin" --format json
    """
    from pathlib import Path

    from positions.lookup import find_source
    from positions.quoting import find_quotes
    from positions.textfile import read_sources, source_ids

    folder = sources_folder(sources_dir, data)
    if folder is None:
        raise click.UsageError("no sources/ folder beside the data file; give --sources DIR", ctx)
    found = find_source(source_ids(Path(folder)), source)
    texts = read_sources(Path(folder), [found])
    if found in texts.unreadable:
        raise FileError(texts.unreadable[found])
    result = find_quotes(found, texts.texts[found], fragment)
    output.emit(result, fmt, target, protect=_read(data), force=force)


@click.command("init", cls=PositionsCommand)
@click.argument("folder", type=PathName("a folder to make the dataset in"))
@format_option(Created)
def init_command(folder: str, fmt: Format) -> None:
    """Start a new dataset in FOLDER, ready to fill.

    Makes FOLDER with a positions.yaml that validates as it is (one example source, issue
    and party, each pointing to the codebook's rules) and a sources/ folder for the articles'
    texts. A folder that holds anything is refused, and no file is ever written over (exit 2).

    \b
    Example:
      positions init ceasefire-2025 && cd ceasefire-2025 && positions validate
    """
    import os

    from positions import skeleton, writing

    schema = os.path.join(os.path.dirname(shipped_path()), "positions.schema.json")
    files = skeleton.files(_relative(schema, folder))
    writing.create_new(folder, files)
    output.emit(Created(folder, tuple(files)), fmt)


@click.command("upgrade", cls=PositionsCommand)
@data_file_argument("file", "FILE")
@click.option(
    "-o",
    "--output",
    "target",
    metavar="FILE",
    type=PathName("a file to write, or - for standard output"),
    help="File to write the upgraded file to, or - for standard output (the default).",
)
@click.option(
    "--in-place", is_flag=True, help="Replace FILE with its upgrade, whole or not at all."
)
@click.option("--force", is_flag=True, help="Replace the file even if it is read-only.")
@click.pass_context
def upgrade_command(
    ctx: click.Context, file: str, target: str | None, in_place: bool, force: bool
) -> None:
    """Rewrite a positions/1 or positions/2 file as positions/3.

    positions/3 only adds to the older formats, so a valid file means the same in it: only the
    schema line changes, and every other byte (comments, layout, quoting, line ends) stays as
    it is. The file is checked first: one with problems is listed as validate lists it (exit
    1), and one that is positions/3 already is refused (exit 2). The upgrade goes to standard
    output, or to -o FILE; --in-place replaces FILE with it, whole or not at all.

    \b
    Examples:
      positions upgrade positions.yaml > upgraded.yaml
      positions upgrade positions.yaml --in-place
      positions upgrade old.yaml -o new.yaml
    """
    from positions import writing
    from positions.fields import LATEST
    from positions.text import printable_path
    from positions.textfile import DATA_FILE, decode, read_bytes, shown_name
    from positions.upgrade import upgrade

    if in_place and target is not None:
        raise click.UsageError("--in-place and -o both say where to write; give one", ctx)
    if in_place and file == "-":
        raise click.UsageError("--in-place needs a file to replace, not standard input", ctx)
    if target is not None and target != "-" and file != "-" and writing.same_file(target, file):
        raise click.UsageError(f"-o {target} is FILE itself; to replace it, use --in-place", ctx)
    name = printable_path(shown_name(file))
    data, _ = read_bytes(file, expected=DATA_FILE)
    bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""  # kept, as every other byte
    text = upgrade(bom + decode(data, shown_name(file)), name)
    where = file if in_place else target or "-"
    writing.write_file(where, text, force=force)
    if in_place:
        writing.note(f"upgraded {name} to {LATEST}")
    elif where != "-":
        writing.note(f"wrote {where} ({LATEST})")


def _read(given: str | None) -> tuple[str, ...]:
    """The data file a command reads (FILE or --data), which its output must never replace."""
    return (locate(given)[0],)


def _relative(path: str, folder: str) -> str:
    """``path`` as seen from ``folder``, for an editor there; absolute where no relative is."""
    import os

    try:
        return os.path.relpath(path, os.path.abspath(folder))
    except ValueError:  # another drive
        return path


COMMANDS = (
    validate_command,
    verify_command,
    lint_command,
    coverage_command,
    agreement_command,
    quote_command,
    init_command,
    upgrade_command,
)
