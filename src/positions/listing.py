"""The dataset's own lists: its issues, its parties, one issue in full, a file in counts."""

from __future__ import annotations

from positions.comparison import rows
from positions.model import Dataset, Issue, Party
from positions.results import Header, IssueDetail, IssueList, PartyList, Summary


def issue_list(dataset: Dataset) -> IssueList:
    """Every issue, in the file's order, with the parties that have a stance on it."""
    # Each party's stances are read once, not once per issue (issues x parties: quadratic).
    holders: dict[str, list[Party]] = {iid: [] for iid in dataset.issues}
    for party in dataset.parties.values():
        for iid in party.stances:
            holders[iid].append(party)
    issues = tuple((issue, tuple(holders[issue.id])) for issue in dataset.issues.values())
    return IssueList(Header.of(dataset), issues, dataset.disputes)


def party_list(dataset: Dataset) -> PartyList:
    """Every party, in the file's order."""
    return PartyList(Header.of(dataset), tuple(dataset.parties.values()))


def issue_detail(dataset: Dataset, issue: Issue) -> IssueDetail:
    """One issue across every party that has a stance on it, and how they relate."""
    holders = tuple(p for p in dataset.parties.values() if issue.id in p.stances)
    (row,) = rows(holders, [issue], dataset)
    return IssueDetail(Header.of(dataset), holders, row)


def summary(dataset: Dataset) -> Summary:
    """A valid file in counts: sources, issues, parties, stances and quotes.

    A joint statement's copy counts as a stance of the party that has it; its quotes, written
    once, count once.
    """
    stances = [s for p in dataset.parties.values() for s in p.stances.values()]
    return Summary(
        data=dataset.path,
        version=dataset.schema,
        sources=len(dataset.sources),
        issues=len(dataset.issues),
        parties=len(dataset.parties),
        stances=len(stances),
        quotes=sum(len(s.evidence) for s in stances if s.coded_under is None),
    )
