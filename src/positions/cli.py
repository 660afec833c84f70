"""The command line: each command parses its arguments, calls the core, emits the result.

Only the commands are assembled here; how click is adapted (the one error boundary, --help and
--version written through the output edge) is in commandline.py.
"""

from __future__ import annotations

import click

from positions import output
from positions.commandline import PositionsGroup, version_option
from positions.errors import (
    EXIT_DIFFERENT,
    EXIT_OK,
    EXIT_OPEN,
    EXIT_TROUBLE,
    CodebookBroken,
    FileError,
    PositionsError,
)
from positions.formats import Format, for_output
from positions.model import Attribution
from positions.options import (
    PathName,
    any_parties_argument,
    attribution_option,
    checked_file,
    complete_issue,
    complete_party,
    complete_source,
    data_file_argument,
    data_option,
    file_argument,
    format_option,
    issue_option,
    load_data,
    locate,
    output_option,
    parties_argument,
    parties_option,
    relation_option,
    shipped_path,
    sources_folder,
    sources_option,
)
from positions.render import Detail
from positions.results import (
    Agenda,
    Agreement,
    Comparison,
    CoverageReport,
    Created,
    Diff,
    IssueDetail,
    IssueList,
    LintReport,
    Matrix,
    PartyList,
    Quotes,
    Relation,
    SourcesReport,
    Summary,
    Verification,
)


@click.group(
    cls=PositionsGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@version_option
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


@cli.command("validate")
@file_argument
@format_option(Summary)
@data_option
@click.pass_context
def validate_command(ctx: click.Context, file: str | None, fmt: Format, data: str | None) -> None:
    """Check a data file and summarise what it holds.

    Prints every problem as FILE:LINE:COL and exits 1, or one line of counts and exits 0.

    \b
    Example:
      positions validate positions.yaml
    """
    from positions.listing import summary

    output.emit(summary(load_data(ctx, checked_file(ctx, file, data))), fmt)


@cli.command("verify")
@sources_option(required=True, help="Folder holding each source's text as <source id>.txt.")
@file_argument
@format_option(Verification)
@data_option
@click.pass_context
def verify_command(
    ctx: click.Context, sources_dir: str, file: str | None, fmt: Format, data: str | None
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

    dataset = load_data(ctx, checked_file(ctx, file, data))
    output.emit(verify(dataset, read_sources(Path(sources_dir), cited(dataset))), fmt)


@cli.command("lint")
@file_argument
@sources_option(
    required=False,
    help="Folder of the articles as <source id>.txt, to check speakers against them.",
)
@click.option("--all", "every", is_flag=True, help="Show noted findings too, not only their count.")
@click.option("--errors-only", is_flag=True, help="Show only errors (the counts still count all).")
@format_option(LintReport)
@data_option
@click.pass_context
def lint_command(
    ctx: click.Context,
    file: str | None,
    sources_dir: str | None,
    every: bool,
    errors_only: bool,
    fmt: Format,
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

    dataset = load_data(ctx, checked_file(ctx, file, data))
    texts = read_sources(Path(sources_dir), dataset.sources) if sources_dir else None
    report = lint(dataset, texts)._replace(every=every, errors_only=errors_only)
    output.emit(report, fmt)
    if report.errors:
        raise CodebookBroken(report.errors)


@cli.command("coverage")
@sources_option(required=True, help="Folder holding each source's text as <source id>.txt.")
@file_argument
@click.option("--all", "every", is_flag=True, help="Every sentence, not only the open candidates.")
@format_option(CoverageReport)
@data_option
@click.pass_context
def coverage_command(
    ctx: click.Context,
    sources_dir: str,
    file: str | None,
    every: bool,
    fmt: Format,
    data: str | None,
) -> None:
    """List each source's sentences: cited, set aside, or not looked at.

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

    dataset = load_data(ctx, checked_file(ctx, file, data))
    report = coverage(dataset, read_sources(Path(sources_dir), dataset.sources), every=every)
    output.emit(report, fmt)
    ctx.exit(EXIT_OPEN if report.candidates or report.unreadable else EXIT_OK)


@cli.command("agreement")
@data_file_argument("first", "FIRST")
@data_file_argument("second", "SECOND")
@parties_option
@click.option(
    "--evidence",
    is_flag=True,
    help="Each stance coded differently, with both coders' quotes side by side.",
)
@format_option(Agreement)
def agreement_command(
    first: str, second: str, parties: tuple[str, ...], evidence: bool, fmt: Format
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
    """
    from positions.agreement import agreement
    from positions.loader import load
    from positions.lookup import find_parties

    one, other = load(first), load(second)
    names = [n.strip() for given in parties for n in given.split(",") if n.strip()]
    chosen = [p.id for p in find_parties(one, names)] if names else None
    detail = Detail.EVIDENCE if evidence else Detail.SUMMARY
    output.emit(agreement(one, other, chosen), fmt, detail=detail)


@cli.command("compare")
@parties_argument
@issue_option
@relation_option
@click.option("--full", is_flag=True, help="Each stance's summary, outcomes and conditions.")
@click.option("--evidence", is_flag=True, help="As --full, with every quote under its stance.")
@attribution_option
@format_option(Comparison)
@data_option
@click.pass_context
def compare_command(
    ctx: click.Context,
    parties: tuple[str, ...],
    issues: tuple[str, ...],
    relations: tuple[Relation, ...],
    full: bool,
    evidence: bool,
    attribution: Attribution | None,
    fmt: Format,
    data: str | None,
) -> None:
    """Compare two or more parties issue by issue.

    Each issue gets its relation (conflict, conditional, complementary, overlap, agree,
    unknown) with the reason in one line, and what each party asks. Parties are named by id,
    name or alias, in any case (russia, Russia, ru, kyiv...).

    \b
    Examples:
      positions compare russia ukraine
      positions compare russia ukraine --relation conflict --full
      positions compare russia ukraine west --issue territory --evidence
      positions compare russia ukraine --format json | jq '.counts'
      positions compare russia ukraine --attribution reported
    """
    from positions.comparison import compare
    from positions.lookup import find_issues, find_parties

    dataset = load_data(ctx, data)
    result = compare(
        dataset,
        find_parties(dataset, parties),
        find_issues(dataset, issues),
        attribution=attribution,
        relations=relations,
    )
    detail = Detail.EVIDENCE if evidence else Detail.FULL if full else Detail.SUMMARY
    output.emit(result, fmt, detail=detail)


@cli.command("issues")
@click.argument("issue", required=False, metavar="[ISSUE]", shell_complete=complete_issue)
@format_option(IssueList, IssueDetail)
@data_option
@click.pass_context
def issues_command(ctx: click.Context, issue: str | None, fmt: Format, data: str | None) -> None:
    """List the issues, or show one in full with every stance.

    \b
    Examples:
      positions issues
      positions issues territory
    """
    from positions.listing import issue_detail, issue_list
    from positions.lookup import find_issue

    dataset = load_data(ctx, data)
    if issue is None:
        output.emit(issue_list(dataset), fmt)
    else:
        output.emit(issue_detail(dataset, find_issue(dataset, issue)), fmt)


@cli.command("parties")
@format_option(PartyList)
@data_option
@click.pass_context
def parties_command(ctx: click.Context, fmt: Format, data: str | None) -> None:
    """List the parties, their aliases and their stances.

    \b
    Example:
      positions parties
    """
    from positions.listing import party_list

    output.emit(party_list(load_data(ctx, data)), fmt)


@cli.command("show")
@click.argument("party", shell_complete=complete_party)
@format_option(Comparison)
@data_option
@click.pass_context
def show_command(ctx: click.Context, party: str, fmt: Format, data: str | None) -> None:
    """Show one party's stance on every issue, with its evidence.

    \b
    Example:
      positions show ukraine
    """
    from positions.comparison import compare
    from positions.lookup import find_party

    dataset = load_data(ctx, data)
    found = find_party(dataset, party)
    output.emit(compare(dataset, [found]), fmt, detail=Detail.EVIDENCE)


@cli.command("export")
@any_parties_argument
@output_option(required=True)
@format_option(Comparison, default=None)
@issue_option
@relation_option
@attribution_option
@data_option
@click.pass_context
def export_command(
    ctx: click.Context,
    parties: tuple[str, ...],
    target: str,
    fmt: Format | None,
    issues: tuple[str, ...],
    relations: tuple[Relation, ...],
    attribution: Attribution | None,
    data: str | None,
    force: bool,
) -> None:
    """Write the comparison to a file: CSV, JSON, Markdown, HTML, SVG.

    All parties are compared when none is named. The format follows the file's extension
    (.csv, .json, .md, .html, .svg) unless --format is given. The file is written whole or not
    at all, and never over the data file.

    \b
    Examples:
      positions export -o table.csv
      positions export russia ukraine -o report.html
      positions export --format markdown -o -
    """
    from positions.comparison import compare
    from positions.lookup import find_issues, find_parties

    chosen = for_output(fmt, target, Comparison, terminal=False)
    dataset = load_data(ctx, data)
    named = find_parties(dataset, parties) if parties else None
    result = compare(
        dataset,
        named,
        find_issues(dataset, issues),
        attribution=attribution,
        relations=relations,
    )
    output.emit(result, chosen, target, protect=locate(data)[0], force=force)


@cli.command("matrix")
@any_parties_argument
@attribution_option
@format_option(Matrix, default=None)
@output_option(required=False)
@data_option
@click.pass_context
def matrix_command(
    ctx: click.Context,
    parties: tuple[str, ...],
    attribution: Attribution | None,
    fmt: Format | None,
    target: str,
    force: bool,
    data: str | None,
) -> None:
    """Map every party's stance on every issue, and each pair.

    A grid of issues by parties: each cell holds the outcomes the party accepts (or "not"
    those it rejects) after its firmness mark (■ red line, ◆ firm, ○ open), and each issue
    its relation among all the parties shown. Below, for each pair of parties, how many of
    the issues both address fall under each relation (up to 12 parties). All parties are
    shown when none is named; as SVG, the grid is a chart.

    \b
    Examples:
      positions matrix
      positions matrix russia ukraine west --attribution reported
      positions matrix --format svg -o matrix.svg
    """
    from positions.analysis import matrix
    from positions.lookup import find_parties

    chosen = for_output(fmt, target, Matrix)
    dataset = load_data(ctx, data)
    named = find_parties(dataset, parties) if parties else None
    result = matrix(dataset, named, attribution=attribution)
    output.emit(result, chosen, target, protect=locate(data)[0], force=force)


@cli.command("agenda")
@parties_argument
@attribution_option
@format_option(Agenda)
@data_option
@click.pass_context
def agenda_command(
    ctx: click.Context,
    parties: tuple[str, ...],
    attribution: Attribution | None,
    fmt: Format,
    data: str | None,
) -> None:
    """Order the issues for talks, saying why each sits where.

    First the issues with common ground (agreement, then overlap); then different asks with
    no clash coded (complementary); then agreement on conditions in conflict (conditional);
    then the conflicts from the most open to the hardest (every side open, then at most firm,
    then any red line; ties by the sum of the sides' firmness, then the file's order); last
    the issues on which fewer than two parties have a stated position.

    \b
    Example:
      positions agenda russia ukraine
    """
    from positions.analysis import agenda
    from positions.comparison import compare
    from positions.lookup import find_parties

    dataset = load_data(ctx, data)
    compared = compare(dataset, find_parties(dataset, parties), attribution=attribution)
    output.emit(agenda(compared), fmt)


@cli.command("sources")
@format_option(SourcesReport)
@data_option
@click.pass_context
def sources_command(ctx: click.Context, fmt: Format, data: str | None) -> None:
    """List the sources, and flag stances on thin evidence.

    Each source is shown with the number of stances and quotes it backs.

    A stance is flagged when all its quotes come from a single source, or when all of them are
    only inferred by the article's writers or analysts.

    \b
    Example:
      positions sources
    """
    from positions.analysis import source_use

    output.emit(source_use(load_data(ctx, data)), fmt)


@cli.command("diff")
@data_file_argument("old", "OLD")
@data_file_argument("new", "NEW")
@format_option(Diff)
@click.pass_context
def diff_command(ctx: click.Context, old: str, new: str, fmt: Format) -> None:
    """Show what changed between two versions of a data file.

    Issues, outcomes, parties and sources added or removed; every change to a stance (outcomes,
    firmness, conditions, summary, note, evidence) and to an issue, party, source or dispute;
    and, for every pair of parties, the relations that changed as a result.
    Exits as diff(1) does: 0 if nothing changed, 1 if something did, 2 on trouble (a file
    missing or invalid).

    \b
    Examples:
      positions diff old.yaml positions.yaml
      git show HEAD~3:positions.yaml > old.yaml && positions diff old.yaml positions.yaml
    """
    from positions.analysis import diff
    from positions.loader import load

    try:
        found = diff(load(old), load(new))
        output.emit(found, fmt)
    except PositionsError as error:
        error.exit_code = EXIT_TROUBLE  # as diff(1): 1 says that the files differ
        raise
    ctx.exit(EXIT_OK if found.empty else EXIT_DIFFERENT)


@cli.command("quote")
@click.argument("source", shell_complete=complete_source)
@click.argument("fragment")
@sources_option(
    required=False,
    help="Folder of the articles as <source id>.txt. Default: sources/ beside the data file.",
)
@format_option(Quotes)
@data_option
@click.pass_context
def quote_command(
    ctx: click.Context,
    source: str,
    fragment: str,
    sources_dir: str | None,
    fmt: Format,
    data: str | None,
) -> None:
    """Print the sentences holding FRAGMENT as evidence to paste.

    SOURCE is a source's id or its beginning (001). FRAGMENT is matched ignoring case, runs of
    white space, typographic quotes and dashes, as verify matches; the quote is the whole
    sentence as the article has it, so verify accepts it. Each entry suggests the attribution
    (codebook §5: stated if words are in quotation marks, inferred if the writers infer it,
    reported if the article attributes it, else inferred) and a speaker where the sentence
    names one beside "said", "says", "told" or "according to" (§7): check both. Several
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
    output.emit(find_quotes(found, texts.texts[found], fragment), fmt)


@cli.command("init")
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


def _relative(path: str, folder: str) -> str:
    """``path`` as seen from ``folder``, for an editor there; absolute where no relative is."""
    import os

    try:
        return os.path.relpath(path, os.path.abspath(folder))
    except ValueError:  # another drive
        return path
