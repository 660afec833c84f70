"""An issue's untested pairs: different outcomes two parties accept, with nothing recorded.

The codebook (§1) asks, of every two different outcomes of one issue that two different parties
accept, that the data say they exclude each other (``excludes``) or can both hold
(``compatible``); a pair with neither is untested. Lint lists them (L111). Two parties
accepting a thousand outcomes each make a million pairs, so they are counted, not enumerated,
and at most ``limit`` are listed: the work grows with the outcomes, their exclusions and
records, and the pairs listed (tests/test_growth.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator
from itertools import islice
from typing import NamedTuple

from positions.model import Issue


class Untested(NamedTuple):
    """An issue's untested pairs: the first few in the issue's order, and how many in all."""

    pairs: tuple[tuple[str, str], ...]
    total: int


class _Pairs:
    """The accepted outcomes of one issue, in its order, and what pairs them."""

    def __init__(self, issue: Issue, accepted: dict[str, list[str]]) -> None:
        self.issue = issue
        self.order = [o for o in issue.outcomes if o in accepted]
        self.place = {o: n for n, o in enumerate(self.order)}
        # The one party accepting an outcome, where only one does ("" where more do): two
        # outcomes that one party alone accepts make no pair.
        self.sole = {o: ps[0] if len(set(ps)) == 1 else "" for o, ps in accepted.items()}
        self.alone = Counter(self.sole[o] for o in self.order if self.sole[o])
        self.tested: dict[str, set[str]] = {}  # outcome -> those it excludes or is compatible with
        for a in self.order:
            for b in issue.excludes.get(a, ()):
                if b in self.place:
                    self.tested.setdefault(a, set()).add(b)
        for record in issue.compatible:
            a, b = sorted(record.outcomes)
            if a in self.place and b in self.place:
                self.tested.setdefault(a, set()).add(b)
                self.tested.setdefault(b, set()).add(a)

    def same(self, a: str, b: str) -> bool:
        """Whether one party alone accepts both ``a`` and ``b``."""
        return bool(self.sole[a]) and self.sole[a] == self.sole[b]

    def pair(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` (different) are an untested pair."""
        return (
            not self.same(a, b)
            and b not in self.tested.get(a, ())
            and not self.issue.exclusive(a, b)
        )

    def partners(self, a: str) -> int:
        """How many outcomes ``a`` is an untested pair with: counted, not tried."""
        others = len(self.order) - 1 - (self.alone[self.sole[a]] - 1 if self.sole[a] else 0)
        return others - sum(1 for b in self.tested.get(a, ()) if not self.same(a, b))

    def after(self, a: str, seen: Counter[str]) -> int:
        """How many outcomes after ``a`` it is an untested pair with: counted, not tried.

        ``seen`` counts, for each party, the outcomes it alone accepts up to ``a``: the caller
        goes through the outcomes in order.
        """
        n = self.place[a]
        later = len(self.order) - n - 1
        if self.sole[a]:
            seen[self.sole[a]] += 1
            later -= self.alone[self.sole[a]] - seen[self.sole[a]]
        tested = self.tested.get(a, ())
        return later - sum(1 for b in tested if self.place[b] > n and not self.same(a, b))

    def partnered(self, a: str, start: int = 0) -> Iterator[str]:
        """The outcomes from place ``start`` on that ``a`` is an untested pair with, in order."""
        return (b for b in islice(self.order, start, None) if b != a and self.pair(a, b))


def untested(issue: Issue, accepted: dict[str, list[str]], limit: int) -> Untested:
    """The untested pairs of ``issue``; ``accepted``: each accepted outcome -> who accepts it.

    Only an outcome with an untested partner after it is scanned for partners, and each scan
    lists at least one pair: at most ``limit`` scans.
    """
    found = _Pairs(issue, accepted)
    seen: Counter[str] = Counter()
    count = 0
    pairs: list[tuple[str, str]] = []
    for n, a in enumerate(found.order):
        after = found.after(a, seen)
        count += after
        if after and len(pairs) < limit:
            later = found.partnered(a, n + 1)
            pairs += [(a, b) for b in islice(later, limit - len(pairs))]
    return Untested(tuple(pairs), count)


def untested_of(
    issue: Issue, accepted: dict[str, list[str]], chosen: Collection[str], limit: int
) -> Untested:
    """The untested pairs of ``issue`` with at least one outcome of ``chosen``.

    Counted as all pairs less those of the other outcomes alone. Listed by scanning, for each
    outcome chosen that has a partner, every outcome: a scan that lists nothing new found only
    pairs an earlier scan listed, so there are at most twice ``limit`` scans.
    """
    every = untested(issue, accepted, 0).total
    rest = untested(issue, {o: ps for o, ps in accepted.items() if o not in chosen}, 0).total
    found = _Pairs(issue, accepted)
    listed: dict[tuple[str, str], None] = {}
    for a in found.order:
        if len(listed) >= limit:
            break
        if a not in chosen or not found.partners(a):
            continue
        for b in found.partnered(a):
            if b in chosen and found.place[b] < found.place[a]:
                continue  # listed when b was scanned
            listed[(a, b) if found.place[a] < found.place[b] else (b, a)] = None
            if len(listed) >= limit:
                break
    pairs = sorted(listed, key=lambda p: (found.place[p[0]], found.place[p[1]]))
    return Untested(tuple(pairs), every - rest)
