"""Datasets of a given size shaped to hit each command's worst case, the same for the same size.

    python benchmarks/shapes.py outcomes 1000000 -o big.yaml

Each shape grows one thing the commands iterate over, so that doubling the file doubles it:

- ``outcomes``: one issue with many outcomes, each excluding the next; two parties accept its
  disjoint halves and a third accepts on a condition naming every one of them;
- ``parties``: many parties on a few issues, each stance on a condition on the next issue, so
  that every party's condition meets every other party's stance;
- ``sparse``: many issues and many parties, each party with a stance on one issue only;
- ``quotes``: many quotes cut from one long source text with long sentences (``verify`` and
  ``lint --sources``); the text is written beside the file as ``<source>.txt``;
- ``open-quotes``: quotes full of opening quotation marks that never close.

``reworded`` gives the same file with one issue's question reworded: what ``diff`` compares.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from pathlib import Path

HEAD = "schema: positions/2\ntitle: Worst case\nsources:\n  src: {title: The source}\n"
QUOTE = "          - {source: src, quote: The talks must go on., attribution: reported}\n"


def _stance(
    issue: str, accepts: str, rejects: str = "", condition: str = "", quote: str = QUOTE
) -> str:
    more = f"        rejects: [{rejects}]\n" if rejects else ""
    more += f"        conditions: {{{condition}}}\n" if condition else ""
    return (
        f"      {issue}:\n        summary: A stance.\n        accepts: [{accepts}]\n{more}"
        f"        firmness: firm\n        evidence:\n{quote}"
    )


def _party(pid: str, stances: list[str]) -> str:
    return f"  {pid}:\n    name: Party {pid}\n    stances:\n" + "".join(stances)


def outcomes(size: int) -> str:
    """One issue of ``size // 80`` outcomes; two parties accept disjoint halves of it."""
    n = max(4, size // 80)
    ids = [f"o{k:06d}" for k in range(n)]
    lines = [HEAD, "issues:\n  big:\n    name: Big\n    question: Which?\n    outcomes:\n"]
    lines += [
        f"      {o}: {{description: Outcome {o}., excludes: [{ids[(k + 1) % n]}]}}\n"
        for k, o in enumerate(ids)
    ]
    lines.append("  side:\n    name: Side\n    question: Which side?\n    outcomes: {a: A, b: B}\n")
    half = n // 2
    lines.append("parties:\n")
    lines.append(_party("p1", [_stance("big", ", ".join(ids[:half])), _stance("side", "a")]))
    lines.append(_party("p2", [_stance("big", ", ".join(ids[half:])), _stance("side", "a")]))
    lines.append(_party("p3", [_stance("side", "a", condition=f"big: [{', '.join(ids)}]")]))
    return "".join(lines)


ISSUES = 4


def parties(size: int) -> str:
    """``size // 1200`` parties on four issues, each stance on a condition on the next issue."""
    n = max(3, size // 1200)
    lines = [HEAD, "issues:\n"]
    lines += [
        f"  i{i}:\n    name: Issue {i}\n    question: Question {i}?\n    outcomes:\n"
        f"      o0: {{description: Zero., excludes: [o1]}}\n      o1: One.\n      o2: Two.\n"
        for i in range(ISSUES)
    ]
    lines.append("parties:\n")
    for p in range(n):
        stances = [
            _stance(f"i{i}", f"o{(p + i) % 3}", f"o{(p + i + 1) % 3}",
                    f"i{(i + 1) % ISSUES}: [o{p % 3}]")
            for i in range(ISSUES)
        ]  # fmt: skip
        lines.append(_party(f"p{p:05d}", stances))
    return "".join(lines)


def sparse(size: int) -> str:
    """``size // 300`` issues and as many parties, each party with a stance on one issue."""
    n = max(2, size // 300)
    lines = [HEAD, "issues:\n"]
    lines += [f"  i{i:05d}: {{name: Issue {i}, question: Q {i}?, outcomes: {{a: A}}}}\n"
              for i in range(n)]  # fmt: skip
    lines.append("parties:\n")
    lines += [_party(f"p{p:05d}", [_stance(f"i{p:05d}", "a")]) for p in range(n)]
    return "".join(lines)


def source_text(size: int) -> str:
    """The text of the source ``quotes`` cuts from: sentences of a thousand words each."""
    rng = random.Random(size)
    words = ["peace", "talks", "border", "must", "troops", "treaty", "region", "guarantee"]
    out = []
    for k in range(max(1, size // 7000)):
        out.append(" ".join(rng.choice(words) for _ in range(1000)) + f" {k}.\n")
    return "".join(out)


def quotes(size: int) -> str:
    """``size // 150`` quotes of eight words, cut from ``source_text(size)`` at random places."""
    rng = random.Random(size)
    text = source_text(size)
    lines = [HEAD, "issues:\n  i:\n    name: I\n    question: Q?\n    outcomes: {a: A}\n"]
    lines.append("parties:\n")
    n = max(1, size // 150)
    cut = []
    for _ in range(n):
        start = text.index(" ", rng.randrange(len(text) - 200)) + 1
        cut.append(" ".join(text[start : start + 200].split(" ")[:8]).rstrip(".\n"))
    for p in range(0, n, 50):
        evidence = "".join(
            f"          - {{source: src, quote: '{q}', attribution: reported}}\n"
            for q in cut[p : p + 50]
        )
        lines.append(_party(f"p{p:06d}", [_stance("i", "a", quote=evidence)]))
    return "".join(lines)


def open_quotes(size: int) -> str:
    """Stances whose quotes, 10 kB each, open quotation marks and never close them."""
    quote = "\u201c" + "\u2018x " * 5000
    n = max(1, size // 20_000)
    evidence = f"          - {{source: src, quote: '{quote}', attribution: stated}}\n"
    lines = [HEAD, "issues:\n  i:\n    name: I\n    question: Q?\n    outcomes: {a: A}\n"]
    lines.append("parties:\n")
    lines += [_party(f"p{p:05d}", [_stance("i", "a", quote=evidence)]) for p in range(n)]
    return "".join(lines)


def reworded(text: str) -> str:
    """The same file with the first question reworded."""
    return text.replace("question: ", "question: Reworded ", 1)


SHAPES: dict[str, Callable[[int], str]] = {
    "outcomes": outcomes,
    "parties": parties,
    "sparse": sparse,
    "quotes": quotes,
    "open-quotes": open_quotes,
}


def main() -> None:
    """Parse the arguments and write the file (and, for ``quotes``, its source text)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shape", choices=sorted(SHAPES))
    parser.add_argument("size", type=int, help="about so many bytes")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    args.output.write_text(SHAPES[args.shape](args.size), encoding="utf-8")
    if args.shape == "quotes":
        text = source_text(args.size)
        (args.output.parent / "src.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
