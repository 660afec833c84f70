"""Generate a synthetic positions/1 dataset of a given size, the same for the same seed.

    python benchmarks/generate.py --parties 100 --issues 40 --quotes 3 -o big.yaml

Parties are p001, p002, ...; every party has a stance on most issues, each backed by --quotes
quotes from a pool of sources. Every issue's first two outcomes exclude each other, issues come
in disputes of three, and about one stance in eight accepts on a condition on another issue.
The file is valid by ``positions validate``.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = [
    *[
        "peace",
        "talks",
        "ceasefire",
        "border",
        "guarantee",
        "security",
        "treaty",
        "withdrawal",
        "troops",
        "region",
    ],
    *[
        "sovereignty",
        "sanctions",
        "negotiation",
        "mediator",
        "recognition",
        "status",
        "referendum",
        "alliance",
    ],
    *[
        "neutrality",
        "aid",
        "reconstruction",
        "prisoners",
        "exchange",
        "accountability",
        "reparations",
    ],
    *["corridor", "monitoring", "observers", "demilitarised", "zone", "timetable", "sequencing"],
    *["verification", "deadline", "framework"],
]
SOURCES = 25


def sentence(rng: random.Random, words: int) -> str:
    """A sentence of ``words`` random words, capitalised and ended with a full stop."""
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def generate(parties: int, issues: int, quotes: int, seed: int = 1) -> str:
    """The YAML text of a dataset: so many parties, issues, and quotes per stance."""
    rng = random.Random(seed)
    out = [
        "schema: positions/2",
        f"title: Synthetic dataset, {parties} parties x {issues} issues x {quotes} quotes",
        "sources:",
    ]
    for s in range(SOURCES):
        out += [f"  src-{s:03d}:", f"    title: Synthetic source {s}", "    outlet: Benchmarks"]
    out.append("disputes:")
    out += [f"  dispute-{d:03d}: Dispute {d}" for d in range(0, issues, 3)]
    out.append("issues:")
    for i in range(issues):
        out += [
            f"  issue-{i:03d}:",
            f"    name: Issue {i}",
            f"    question: {sentence(rng, 8)[:-1]}?",
            f"    dispute: dispute-{i - i % 3:03d}",
            "    outcomes:",
            "      o0:",
            f"        description: {sentence(rng, 6)}",
            "        excludes: [o1]",
        ]
        out += [f"      o{k}: {sentence(rng, 6)}" for k in range(1, 4)]
    out.append("parties:")
    for p in range(1, parties + 1):
        out += [f"  p{p:03d}:", f"    name: Party {p}", f"    aliases: [party-{p}]", "    stances:"]
        header = len(out)
        for i in range(issues):
            if rng.random() < 0.1:
                continue  # about one issue in ten has no stated position
            outcomes = [f"o{k}" for k in range(4)]
            rng.shuffle(outcomes)
            accepts, rejects = outcomes[: rng.randint(1, 2)], outcomes[2 : 2 + rng.randint(0, 2)]
            out += [
                f"      issue-{i:03d}:",
                f"        summary: {sentence(rng, 18)}",
                f"        accepts: [{', '.join(accepts)}]",
                f"        rejects: [{', '.join(rejects)}]",
            ]
            if issues > 1 and rng.random() < 0.125:
                other = (i + rng.randrange(1, issues)) % issues
                out.append(f"        conditions: {{issue-{other:03d}: [o{rng.randrange(4)}]}}")
            out += [
                f"        firmness: {rng.choice(['red-line', 'firm', 'open'])}",
                "        evidence:",
            ]
            for _ in range(quotes):
                out += [
                    f"          - source: src-{rng.randrange(SOURCES):03d}",
                    f"            quote: {sentence(rng, 22)}",
                    f"            attribution: {rng.choice(['stated', 'reported', 'inferred'])}",
                ]
        if len(out) == header:  # no stance at all: an empty mapping, not an empty value
            out[-1] = "    stances: {}"
    return "\n".join(out) + "\n"


def main() -> None:
    """Parse the arguments and write the file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parties", type=int, default=100)
    parser.add_argument("--issues", type=int, default=40)
    parser.add_argument("--quotes", type=int, default=3, help="quotes per stance")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    if min(args.parties, args.issues, args.quotes) < 1:
        parser.error("--parties, --issues and --quotes must be at least 1")
    args.output.write_text(generate(args.parties, args.issues, args.quotes, args.seed))


if __name__ == "__main__":
    main()
