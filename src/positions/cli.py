"""The command line: each command parses its arguments, calls the core, emits the result.

The views are assembled here, the coder's commands in coding_commands.py; how click is adapted
(the one error boundary, --help and --version written through the output edge) is in
commandline.py.
"""

from __future__ import annotations

import click

from positions import output
from positions.coding_commands import COMMANDS as CODING_COMMANDS
from positions.commandline import PositionsGroup, version_option
from positions.errors import (
    EXIT_DIFFERENT,
    EXIT_OK,
    EXIT_TROUBLE,
    PositionsError,
)
from positions.formats import Format, for_output
from positions.model import Attribution
from positions.options import (
    any_parties_argument,
    attribution_option,
    complete_issue,
    complete_party,
    data_file_argument,
    data_option,
    format_option,
    issue_option,
    load_data,
    locate,
    output_option,
    parties_argument,
    relation_option,
)
from positions.render import Detail
from positions.results import (
    Agenda,
    Comparison,
    Diff,
    IssueDetail,
    IssueList,
    Matrix,
    Obstacles,
    PartyList,
    Relation,
    SourcesReport,
    Trades,
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


@cli.command("compare")
@parties_argument
@issue_option
@relation_option
@click.option("--full", is_flag=True, help="Each stance's summary, outcomes and conditions.")
@click.option("--evidence", is_flag=True, help="As --full, with every quote under its stance.")
@attribution_option
@format_option(Comparison, default=None)
@output_option(required=False)
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
    fmt: Format | None,
    target: str,
    force: bool,
    data: str | None,
) -> None:
    """Compare two or more parties issue by issue.

    Each issue gets its relation (conflict, conditional, untested, complementary, overlap,
    agree, unknown) with the reason in one line, and what each party asks. Parties are named by id,
    name or alias, in any case (russia, Russia, ru, kyiv...).

    \b
    Examples:
      positions compare russia ukraine
      positions compare russia ukraine --relation conflict --full
      positions compare russia ukraine west --issue territory --evidence
      positions compare russia ukraine --format json | jq '.counts'
      positions compare russia ukraine --attribution reported
      positions compare russia ukraine -o briefing.html
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
    output.emit(result, fmt, target, detail=detail, protect=_protected(data), force=force)


@cli.command("issues")
@click.argument("issue", required=False, metavar="[ISSUE]", shell_complete=complete_issue)
@format_option(IssueList, IssueDetail, default=None)
@output_option(required=False)
@data_option
@click.pass_context
def issues_command(
    ctx: click.Context,
    issue: str | None,
    fmt: Format | None,
    target: str,
    force: bool,
    data: str | None,
) -> None:
    """List the issues, or show one in full with every stance.

    \b
    Examples:
      positions issues
      positions issues territory
    """
    from positions.listing import issue_detail, issue_list
    from positions.lookup import find_issue

    dataset = load_data(ctx, data)
    result = (
        issue_list(dataset) if issue is None else issue_detail(dataset, find_issue(dataset, issue))
    )
    output.emit(result, fmt, target, protect=_protected(data), force=force)


@cli.command("parties")
@format_option(PartyList, default=None)
@output_option(required=False)
@data_option
@click.pass_context
def parties_command(
    ctx: click.Context, fmt: Format | None, target: str, force: bool, data: str | None
) -> None:
    """List the parties, their aliases and their stances.

    \b
    Example:
      positions parties
    """
    from positions.listing import party_list

    result = party_list(load_data(ctx, data))
    output.emit(result, fmt, target, protect=_protected(data), force=force)


@cli.command("show")
@click.argument("party", shell_complete=complete_party)
@format_option(Comparison, default=None)
@output_option(required=False)
@data_option
@click.pass_context
def show_command(
    ctx: click.Context,
    party: str,
    fmt: Format | None,
    target: str,
    force: bool,
    data: str | None,
) -> None:
    """Show one party's stance on every issue, with its evidence.

    \b
    Example:
      positions show ukraine
    """
    from positions.comparison import compare
    from positions.lookup import find_party

    dataset = load_data(ctx, data)
    found = find_party(dataset, party)
    result = compare(dataset, [found])
    output.emit(result, fmt, target, detail=Detail.EVIDENCE, protect=_protected(data), force=force)


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

    chosen = for_output(fmt, target, Comparison, terminal=False)  # before the work: a typo
    dataset = load_data(ctx, data)
    named = find_parties(dataset, parties) if parties else None
    result = compare(
        dataset,
        named,
        find_issues(dataset, issues),
        attribution=attribution,
        relations=relations,
    )
    output.emit(result, chosen, target, protect=_protected(data), force=force)


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

    A grid of issues by parties: each cell holds the ids of the outcomes the party accepts
    (and, after "rejects:", those it rejects) after its firmness mark (■ red line, ◆ firm,
    ○ open); each issue its relation among all the parties shown, and the reason in one line.
    On a terminal too narrow for the grid, each issue is a block of its own instead. Below,
    for each pair of parties, how many of the issues both address fall under each relation
    (up to 12 parties). All parties are shown when none is named; as SVG, the grid is a chart.

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
    output.emit(result, chosen, target, protect=_protected(data), force=force)


@cli.command("obstacles")
@parties_argument
@format_option(Obstacles, default=None)
@output_option(required=False)
@data_option
@click.pass_context
def obstacles_command(
    ctx: click.Context,
    parties: tuple[str, ...],
    fmt: Format | None,
    target: str,
    force: bool,
    data: str | None,
) -> None:
    """Show what stands between the parties and talks, by stage.

    For each stage (before talks start, before a ceasefire, in the settlement) each party's
    demands: a stance's outcomes where the stance has a stage, and each condition with its
    stage. Under each, who stops it and how: rejects it, or asks for an outcome that excludes
    it, here or through a link to another issue. Last, the demands before talks that another
    party stops: what must be resolved before talks can begin. Each demand shows its firmness,
    its evidence and how many sources back it; demands with no stage coded are counted.

    \b
    Examples:
      positions obstacles russia ukraine
      positions obstacles russia ukraine --format json -o obstacles.json
    """
    from positions.comparison import MAX_PAIRED_PARTIES
    from positions.lookup import find_parties
    from positions.negotiation import obstacles

    dataset = load_data(ctx, data)
    named = find_parties(dataset, parties)
    if len(named) > MAX_PAIRED_PARTIES:  # each demand is held against every other party named
        raise click.UsageError(
            f"obstacles holds each party's demands against the others', so it takes at most "
            f"{MAX_PAIRED_PARTIES} parties, got {len(named)}; name the parties whose talks "
            f"you mean",
            ctx,
        )
    output.emit(obstacles(dataset, named), fmt, target, protect=_protected(data), force=force)


@cli.command("trades")
@click.argument("party_a", metavar="A", shell_complete=complete_party)
@click.argument("party_b", metavar="B", shell_complete=complete_party)
@format_option(Trades, default=None)
@output_option(required=False)
@data_option
@click.pass_context
def trades_command(
    ctx: click.Context,
    party_a: str,
    party_b: str,
    fmt: Format | None,
    target: str,
    force: bool,
    data: str | None,
) -> None:
    """Find candidate trades between two parties, as hypotheses.

    A pair of issues is a candidate when A ranks the first higher than B does, B ranks the
    second higher than A does, the two differ on both, and neither would give up a red line.
    Only salience an article ranks counts (an unranked issue is not ranked low); each
    candidate shows the quotes that rank it. With little ranked, it says so and proposes none.

    \b
    Examples:
      positions trades russia ukraine
      positions trades russia ukraine --format json -o trades.json
    """
    from positions.lookup import find_parties
    from positions.negotiation import trades

    dataset = load_data(ctx, data)
    a, b = find_parties(dataset, (party_a, party_b))
    if a.id == b.id:
        raise click.UsageError(f"A and B are both '{a.id}'; expected two different parties", ctx)
    output.emit(trades(dataset, a, b), fmt, target, protect=_protected(data), force=force)


@cli.command("agenda")
@parties_argument
@attribution_option
@format_option(Agenda, default=None)
@output_option(required=False)
@data_option
@click.pass_context
def agenda_command(
    ctx: click.Context,
    parties: tuple[str, ...],
    attribution: Attribution | None,
    fmt: Format | None,
    target: str,
    force: bool,
    data: str | None,
) -> None:
    """Order the issues for talks, stage by stage, saying why.

    First the common ground no party ties to a stage; then what some party wants settled
    before talks start, then before a ceasefire, then in the settlement, then issues with no
    stage coded. Within a stage: the issues with common
    ground (agreement, then overlap); then different asks checked compatible (complementary);
    then different asks nobody checked (untested); then agreement on conditions in conflict
    (conditional); then the conflicts from the most open to the hardest (every side open,
    then at most firm, then any red line; ties by the sum of the sides' firmness); then one
    side's red line where the other has no position recorded; last the issues on which only
    one party has a position recorded. Ties go to the issue the parties rank less salient, then
    the file's order. An issue none of them has a position on is named below the agenda.

    \b
    Example:
      positions agenda russia ukraine
    """
    from positions.analysis import agenda
    from positions.comparison import compare
    from positions.lookup import find_parties

    dataset = load_data(ctx, data)
    compared = compare(dataset, find_parties(dataset, parties), attribution=attribution)
    output.emit(
        agenda(compared, dataset.issues), fmt, target, protect=_protected(data), force=force
    )


@cli.command("sources")
@format_option(SourcesReport, default=None)
@output_option(required=False)
@data_option
@click.pass_context
def sources_command(
    ctx: click.Context, fmt: Format | None, target: str, force: bool, data: str | None
) -> None:
    """List the sources, and flag stances on thin evidence.

    Each source is shown with the number of stances and quotes it backs.

    A stance is flagged when all its quotes come from a single source, or when all of them are
    only inferred by the article's writers or analysts.

    \b
    Example:
      positions sources
    """
    from positions.analysis import source_use

    result = source_use(load_data(ctx, data))
    output.emit(result, fmt, target, protect=_protected(data), force=force)


@cli.command("diff")
@data_file_argument("old", "OLD")
@data_file_argument("new", "NEW")
@format_option(Diff, default=None)
@output_option(required=False)
@click.pass_context
def diff_command(
    ctx: click.Context, old: str, new: str, fmt: Format | None, target: str, force: bool
) -> None:
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
    from positions.cache import load  # the data files, as every command reads them

    try:
        found = diff(load(old), load(new))
        output.emit(found, fmt, target, protect=(old, new), force=force)
    except PositionsError as error:
        error.exit_code = EXIT_TROUBLE  # as diff(1): 1 says that the files differ
        raise
    ctx.exit(EXIT_OK if found.empty else EXIT_DIFFERENT)


def _protected(data: str | None) -> tuple[str, ...]:
    """The data file a view reads, which its output must never replace."""
    return (locate(data)[0],)


for command in CODING_COMMANDS:  # validate, verify, lint, coverage, agreement, quote, init
    cli.add_command(command)
