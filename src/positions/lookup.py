"""Find parties and issues by the names a user types: ids, names and aliases, in any case."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from positions.errors import UsageError
from positions.model import Dataset, Issue, Party
from positions.text import closest, fold_name


def _did_you_mean(word: str, names: dict[str, str]) -> str:
    """A "did you mean" for ``word`` among ``names`` (folded name -> id), or nothing."""
    close = closest(word, list(names))
    return f"did you mean '{names[close]}'? " if close else ""


def _party_names(dataset: Dataset) -> dict[str, str]:
    """Every id, name and alias, folded (text.fold_name) -> the id of the party it names."""
    return {
        fold_name(label): party.id
        for party in dataset.parties.values()
        for label in (party.id, party.name, *party.aliases)
    }


def _party(dataset: Dataset, known: dict[str, str], name: str) -> Party:
    wanted = fold_name(name)
    if wanted in known:
        return dataset.parties[known[wanted]]
    for party in dataset.parties.values():
        if any(fold_name(member) == wanted for member in party.members):
            raise UsageError(
                f"no party '{name}'; it is one of the members of '{party.id}', whose stances are "
                f"the group's (positions show {party.id})"
            )
    listing = ", ".join(dataset.parties) or "none"
    raise UsageError(f"no party '{name}'; {_did_you_mean(wanted, known)}known parties: {listing}")


def find_party(dataset: Dataset, name: str) -> Party:
    """The party named by id, name or alias; UsageError if none is."""
    return _party(dataset, _party_names(dataset), name)


def find_parties(dataset: Dataset, names: Sequence[str]) -> list[Party]:
    """Resolve several party names, refusing a party named twice."""
    known = _party_names(dataset)
    found: dict[str, Party] = {}
    for name in names:
        party = _party(dataset, known, name)
        if party.id in found:
            raise UsageError(f"party '{party.id}' is named twice ('{name}'); name each party once")
        found[party.id] = party
    return list(found.values())


def find_issue(dataset: Dataset, name: str) -> Issue:
    """The issue named by id or name, in any case; UsageError if none is."""
    known = {fold_name(label): i.id for i in dataset.issues.values() for label in (i.id, i.name)}
    wanted = fold_name(name)
    if wanted in known:
        return dataset.issues[known[wanted]]
    listing = ", ".join(dataset.issues) or "none"
    raise UsageError(f"no issue '{name}'; {_did_you_mean(wanted, known)}known issues: {listing}")


def _named_issues(dataset: Dataset, names: Sequence[str]) -> Iterator[Issue]:
    for name in names:
        try:
            yield find_issue(dataset, name)
        except UsageError:
            if "," not in name:
                raise
            yield from (find_issue(dataset, part) for part in name.split(",") if part.strip())


def find_issues(dataset: Dataset, names: Sequence[str]) -> list[Issue] | None:
    """Resolve ``--issue`` names, keeping the file's order; None (all issues) when none given.

    A name may also be a comma-separated list of ids or names (``--issue nato,territory``).
    """
    if not names:
        return None
    wanted = {issue.id for issue in _named_issues(dataset, names)}
    return [issue for issue in dataset.issues.values() if issue.id in wanted]


def find_source(ids: Sequence[str], name: str) -> str:
    """The source id ``name`` is, or begins (``001`` for ``001_4e8d...``); UsageError if not one.

    ``ids`` are the sources there are (the texts of a folder of sources).
    """
    if name in ids:
        return name
    starting = [i for i in ids if i.startswith(name)] if name else []
    if len(starting) == 1:
        return starting[0]
    if starting:
        return _source_error(f"'{name}' begins {len(starting)} sources", starting)
    close = closest(name, list(ids))
    guess = f"; did you mean '{close}'?" if close else ""
    return _source_error(f"no source '{name}'{guess}", ids)


def _source_error(message: str, ids: Sequence[str]) -> str:
    shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
    raise UsageError(f"{message}; expected an id, or the beginning of one, of: {shown or 'none'}")
