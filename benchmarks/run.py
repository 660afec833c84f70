"""Time positions against its reference commands, side by side, and report ratios and targets.

    python benchmarks/run.py            # every figure, about two minutes
    python benchmarks/run.py --quick    # a smoke run on tiny data, for the test suite

Each figure runs the measured command and its reference alternately in fresh processes, so that
the noise of a shared machine falls on both; the ratio of their medians is what is judged. Run it
with the Python of the virtual environment that has positions installed.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import shapes  # noqa: E402  (the worst-case shapes beside this script)
from generate import generate  # noqa: E402  (the generator beside this script)

PYTHON = sys.executable
POSITIONS = str(Path(PYTHON).parent / "positions")
# The cache of checked files (src/positions/cache.py) lives in a folder of this run's own
# ($XDG_CACHE_HOME), which starts empty; "cold" runs turn it off, "first" runs start each with an
# empty one (a miss that writes the entry), and "warm" runs find the entry the warm-up wrote.
COLD = {"POSITIONS_CACHE": "off"}
Env = Callable[[], dict[str, str]]
CSAFE = "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)"
PURE = "import sys, yaml; yaml.safe_load(open(sys.argv[1], encoding='utf-8'))"


@dataclass
class Sample:
    """Wall time in seconds and peak resident memory in KiB of one process."""

    seconds: float
    max_rss_kib: int


def measure(command: list[str], expect: int = 0, extra: dict[str, str] | None = None) -> Sample:
    """Run ``command`` once, with its output discarded; its own time and peak memory.

    It must exit with ``expect`` (a refusal: 1), and a refusal must be ``positions:`` lines only.
    ``extra`` is added to its environment.
    """
    # Without $POSITIONS_FILE (an empty one is an error): each command names its data file.
    unset = {"POSITIONS_FILE", "POSITIONS_CACHE"}
    env = {k: v for k, v in os.environ.items() if k not in unset} | {"COLUMNS": "100"}
    env |= extra or {}
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.stderr is not None
    err = process.stderr.read().decode()
    plain = all(line.startswith("positions: ") for line in err.splitlines())
    if process.returncode != expect or not plain or "internal error" in err:
        shown = " ".join(command)[:200]
        raise SystemExit(f"exit {process.returncode}, expected {expect}: {shown}\n{err[:2000]}")
    return Sample(elapsed, usage.ru_maxrss)


def side_by_side(
    a: list[str], b: list[str], runs: int, env: Env = dict
) -> tuple[list[Sample], list[Sample]]:
    """Run ``a`` and ``b`` alternately ``runs`` times each, after one warm-up of each.

    ``a`` runs with ``env()`` added to its environment, called anew for each run.
    """
    measure(a, extra=env())
    measure(b)
    first, second = [], []
    for _ in range(runs):
        first.append(measure(a, extra=env()))
        second.append(measure(b))
    return first, second


def median(samples: list[Sample]) -> float:
    """The median wall time."""
    return statistics.median(s.seconds for s in samples)


def spread(samples: list[Sample]) -> str:
    """The spread of the wall times as +- half the interquartile range, in milliseconds."""
    times = sorted(s.seconds for s in samples)
    if len(times) < 4:
        return f"+-{(times[-1] - times[0]) * 500:.1f}"
    q1, _, q3 = statistics.quantiles(times, n=4)
    return f"+-{(q3 - q1) * 500:.1f}"


@dataclass
class Figure:
    """One line of the report: a measured ratio against its target."""

    name: str
    measured: str
    reference: str
    ratio: float
    target: float | None  # None: shown for information, not judged
    better: str = "at most"

    def met(self) -> bool:
        """Whether the ratio is within its target (a figure without one always is)."""
        return self.target is None or self.ratio <= self.target

    def row(self) -> str:
        """The figure as a Markdown table row."""
        if self.target is None:
            target, verdict = "-", "(not judged)"
        else:
            target, verdict = f"{self.better} {self.target:.2f}x", "pass" if self.met() else "MISS"
        return (f"| {self.name} | {self.measured} | {self.reference} | {self.ratio:.2f}x | "
                f"{target} | {verdict} |")  # fmt: skip


def timing(
    name: str, a: list[str], b: list[str], target: float | None, runs: int, env: Env = dict
) -> Figure:
    """A figure comparing the wall time of ``a`` (with ``env()``) against ``b``."""
    sa, sb = side_by_side(a, b, runs, env)
    ma, mb = median(sa), median(sb)
    return Figure(
        name,
        f"{ma * 1000:.1f} ms {spread(sa)}",
        f"{mb * 1000:.1f} ms {spread(sb)}",
        ma / mb,
        target,
    )


@dataclass
class Budget:
    """One line of the robustness report: the time and memory a worst case took, and may take."""

    name: str
    seconds: float
    rss_kib: int
    max_seconds: float
    max_mib: int

    def met(self) -> bool:
        """Whether both are within budget."""
        return self.seconds <= self.max_seconds and self.rss_kib / 1024 <= self.max_mib

    def row(self) -> str:
        """The case as a Markdown table row."""
        verdict = "pass" if self.met() else "MISS"
        return (f"| {self.name} | {self.seconds:.2f} s | {self.max_seconds:.0f} s | "
                f"{self.rss_kib / 1024:.0f} MiB | {self.max_mib} MiB | {verdict} |")  # fmt: skip


def write_up_to(path: Path, head: str, piece: str, tail: str, size: int) -> None:
    """Write ``head``, then ``piece`` as often as fits in ``size`` bytes, then ``tail``.

    Written in chunks, so that this process never holds the file: a child's peak memory, as the
    kernel reports it, would otherwise include what this process held when it started the child.
    """
    count = (size - len(head) - len(tail)) // len(piece)
    with path.open("w", encoding="utf-8") as handle:
        handle.write(head)
        for start in range(0, count, 10_000):
            handle.write(piece * min(10_000, count - start))
        handle.write(tail)


def worst_cases(folder: Path, mib: int, many: int = 700) -> list[tuple[str, list[str], int]]:
    """Hostile or huge inputs: name, command, exit code.

    ``mib`` MiB where a size applies, ``many`` parties where a number of parties does.
    """
    size = mib * 1024 * 1024
    files = [
        (f"{mib} MiB flow list of tiny items", "title: [", "1,", "1]\n", size),
        (f"{mib} MiB of unknown keys", "schema: positions/2\n", "k: 1\n", "", size),
        (f"{mib} MiB of unknown keys, under the value budget", "schema: positions/2\n",
         f"k: {'x' * 60}\n", "", size),
        ("1,000,000 levels of nesting", "title: ", "[", "]" * 1_000_000 + "\n", 1_000_007),
        ("a file over the 16 MiB limit", "title: '", "x", "'\n", 16 * 1024 * 1024 + 1000),
    ]  # fmt: skip
    cases = []
    for n, (name, head, piece, tail, length) in enumerate(files):
        path = folder / f"worst-{n}.yaml"
        write_up_to(path, head, piece, tail, length)
        cases.append((f"refuse {name}", [POSITIONS, "validate", str(path)], 1))
    laughs = folder / "laughs.yaml"
    lines = [f"a0: &a0 [{', '.join(['lol'] * 9)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 40)]
    laughs.write_text("\n".join(lines) + "\n")
    cases.append(("refuse billion laughs", [POSITIONS, "validate", str(laughs)], 1))
    compared = many * 5 // 7  # 500 of 700
    data = folder / "parties-compared.yaml"
    data.write_text(generate(compared, 15, 1))
    ids = [f"p{i:03d}" for i in range(1, compared + 1)]
    for fmt in ("json", "table"):
        command = [POSITIONS, "compare", *ids, "--data", str(data), "--format", fmt]
        cases.append((f"compare {compared} parties on 15 issues, {fmt}", command, 0))
    wide = folder / "parties-wide.yaml"
    wide.write_text(generate(many, 30, 1))
    copy = folder / "parties-wide-copy.yaml"
    copy.write_bytes(wide.read_bytes())
    table = folder / "table.csv"
    cases += [
        (f"matrix of {many} parties on 30 issues", [POSITIONS, "matrix", "--data", str(wide)], 0),
        (f"diff of two equal files of {many} parties", [POSITIONS, "diff", str(wide), str(copy)],
         0),
        (f"export {many} parties on 30 issues to CSV",
         [POSITIONS, "export", "-o", str(table), "--data", str(wide)], 0),
    ]  # fmt: skip
    return cases


# Each command on the shapes that hit its worst case (benchmarks/shapes.py): a command's name,
# the shape, and its arguments after the command (FILE: the file; OTHER: the same file with one
# question reworded; IDS: parties to compare; SRC: the folder of the source text). The grid
# views (compare, export, matrix, agenda) are not run on ``sparse``: their output is issues x
# parties cells, which grows with the square of that file by what they are asked to print.
GROWTH = [
    *[(c, shape) for shape in ("outcomes", "parties", "sparse", "open-quotes")
      for c in ("validate", "parties", "issues", "issues ID", "show", "sources", "diff",
                "agreement", "lint")],
    *[(c, shape) for shape in ("outcomes", "parties")
      for c in ("compare", "export", "matrix", "agenda", "obstacles", "trades")],
    ("verify", "quotes"),
    ("lint", "quotes"),
]  # fmt: skip
FIRST = {"outcomes": "big", "parties": "i0", "sparse": "i00000", "quotes": "i", "open-quotes": "i"}


def growth_command(command: str, shape: str, data: Path, other: Path) -> list[str]:
    """The command line of ``command`` on ``data`` (``other``: the reworded copy)."""
    text = data.read_text(encoding="utf-8")
    ids = [line[2:-1] for line in text.splitlines() if line.startswith("  p") and line[-1] == ":"]
    d = ["--data", str(data)]
    return {
        "validate": [POSITIONS, "validate", str(data)],
        "parties": [POSITIONS, "parties", *d],
        "issues": [POSITIONS, "issues", *d],
        "issues ID": [POSITIONS, "issues", FIRST[shape], *d],
        "show": [POSITIONS, "show", ids[0], *d],
        "sources": [POSITIONS, "sources", *d],
        "diff": [POSITIONS, "diff", str(data), str(other)],
        "agreement": [POSITIONS, "agreement", str(data), str(other)],
        "lint": [POSITIONS, "lint", *d, "--sources", str(data.parent)],
        "verify": [POSITIONS, "verify", *d, "--sources", str(data.parent)],
        "compare": [POSITIONS, "compare", *ids, *d, "--format", "json"],
        "export": [POSITIONS, "export", "-o", str(data.parent / "out.csv"), *d],
        "matrix": [POSITIONS, "matrix", *d, "--format", "json"],
        "agenda": [POSITIONS, "agenda", *ids, *d],
        # Two parties: what stands between a pair, held against each other.
        "obstacles": [POSITIONS, "obstacles", *ids[:2], *d],
        "trades": [POSITIONS, "trades", *ids[:2], *d],
    }[command]


@dataclass
class Growth:
    """One command on one shape at three sizes: its times, how fast they grow, its memory."""

    name: str
    seconds: list[float]
    rss_kib: int

    def factor(self) -> float:
        """The largest growth of the time from one size to the next, twice as large."""
        return max(b / max(a, 1e-9) for a, b in pairwise(self.seconds))

    def met(self) -> bool:
        """At most about twice the time per doubling (2.5x: noise), and within the budget."""
        return self.factor() <= 2.5 and max(self.seconds) <= 5.0 and self.rss_kib / 1024 <= 400

    def row(self) -> str:
        """The case as a Markdown table row."""
        verdict = "pass" if self.met() else "MISS"
        times = " | ".join(f"{s:.2f} s" for s in self.seconds)
        factors = ", ".join(f"{b / max(a, 1e-9):.1f}x" for a, b in pairwise(self.seconds))
        return f"| {self.name} | {times} | {factors} | {self.rss_kib / 1024:.0f} MiB | {verdict} |"


def growth(folder: Path, sizes: list[int], runs: int) -> list[Growth]:
    """Every command of GROWTH at each of ``sizes`` bytes: the median of ``runs`` runs."""
    files: dict[tuple[str, int], tuple[Path, Path]] = {}
    for shape in dict.fromkeys(s for _, s in GROWTH):
        for size in sizes:
            where = folder / f"{shape}-{size}"
            where.mkdir()
            text = shapes.SHAPES[shape](size)
            data, other = where / "data.yaml", where / "other.yaml"
            data.write_text(text, encoding="utf-8")
            other.write_text(shapes.reworded(text), encoding="utf-8")
            source = shapes.source_text(size) if shape == "quotes" else "The talks must go on.\n"
            (where / "src.txt").write_text(source, encoding="utf-8")
            files[shape, size] = data, other
    out = []
    for command, shape in GROWTH:
        seconds, rss = [], 0
        for size in sizes:
            line = growth_command(command, shape, *files[shape, size])
            # diff exits 1 on a change, lint on an error: quotes "stated" with no closing mark
            expect = 1 if command == "diff" or (command, shape) == ("lint", "open-quotes") else 0
            samples = [measure(line, expect, COLD) for _ in range(runs)]
            seconds.append(median(samples))
            rss = max(rss, *(s.max_rss_kib for s in samples))
        out.append(Growth(f"{command} ({shape})", seconds, rss))
    return out


def print_growth(grown: list[Growth], quick: bool) -> None:
    """The growth table, in Markdown."""
    print()
    sizes = "10, 20, 40 kB" if quick else "1, 2, 4 MB"
    print(f"| worst case, growth ({sizes}) | small | twice | four times | per doubling | "
          "peak RSS | result |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for grew in grown:
        print(grew.row())


def large_file(
    big: str, command: list[str], reference: list[str], runs: int, first: Env
) -> list[Figure]:
    """The large file's time and memory against the CSafeLoader script, three ways.

    Judged with the cache off (what any new file costs); shown for a first run, which writes
    the cache, and for a warm one, which reads it.
    """
    figures: list[Figure] = []
    rss_reference = 0
    for how, env, target in [("cache off", lambda: COLD, 0.60),
                             ("first run, writes the cache", first, None),
                             ("cache warm", dict, None)]:  # fmt: skip
        tool, csafe = side_by_side(command, reference, runs, env)
        figures.append(Figure(f"{big}, {how}",
                              f"{median(tool) * 1000:.0f} ms {spread(tool)}",
                              f"{median(csafe) * 1000:.0f} ms {spread(csafe)}",
                              median(tool) / median(csafe), target))  # fmt: skip
        rss_tool = max(s.max_rss_kib for s in tool)
        rss_reference = max([rss_reference, *(s.max_rss_kib for s in csafe)])
        figures.append(Figure(f"memory: peak RSS, large file, {how}",
                              f"{rss_tool / 1024:.0f} MiB", f"{rss_reference / 1024:.0f} MiB",
                              rss_tool / rss_reference,
                              1.00 if target is not None else None))  # fmt: skip
    return figures


def main() -> None:
    """Run every figure and print the report as a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command per figure")
    parser.add_argument("--quick", action="store_true", help="tiny data and few runs: a smoke test")
    args = parser.parse_args()
    runs = 2 if args.quick else args.runs
    parties, issues, quotes = (6, 4, 1) if args.quick else (100, 40, 3)
    scale = [3, 6] if args.quick else [25, 50, 100, 200]

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["XDG_CACHE_HOME"] = str(folder / "cache")  # this run's own, empty cache
        firsts = iter(range(1_000_000))

        def first() -> dict[str, str]:  # an empty cache for each run: a miss that writes it
            return {"XDG_CACHE_HOME": str(folder / f"first-{next(firsts)}")}

        compare = [POSITIONS, "compare", "russia", "ukraine"]
        table_reference = [PYTHON, "-c", "import click, yaml, rich.console, rich.table"]
        json_reference = [PYTHON, "-c", "import click, yaml"]
        figures = [
            timing("start-up: compare, table (cache warm)", compare, table_reference, 1.25, runs),
            timing("script path: compare, json (cache warm)", [*compare, "--format", "json"],
                   json_reference, 1.20, runs),
            timing("start-up: compare, table (cache off)", compare, table_reference, None, runs,
                   lambda: COLD),
            timing("script path: compare, json (cache off)", [*compare, "--format", "json"],
                   json_reference, None, runs, lambda: COLD),
        ]  # fmt: skip

        def large(n: int) -> tuple[Path, list[str]]:
            path = folder / f"parties-{n}.yaml"
            path.write_text(generate(n, issues, quotes))
            return path, [POSITIONS, "compare", "p001", "p002", "--data", str(path), "--format",
                          "json"]  # fmt: skip

        path, command = large(parties)
        size = path.stat().st_size / 1e6
        figures += large_file(f"large file ({parties}x{issues}x{quotes}, {size:.1f} MB)",
                              command, [PYTHON, "-c", CSAFE, str(path)], runs, first)  # fmt: skip
        tool2, pure = side_by_side(command, [PYTHON, "-c", PURE, str(path)], max(3, runs // 3),
                                   lambda: COLD)  # fmt: skip
        figures.append(Figure("large file vs yaml.safe_load, cache off",
                              f"{median(tool2) * 1000:.0f} ms {spread(tool2)}",
                              f"{median(pure) * 1000:.0f} ms {spread(pure)}",
                              median(tool2) / median(pure), 1.00, "below"))  # fmt: skip

        previous = None
        for n in scale:
            _, command = large(n)
            samples = [measure(command, extra=COLD) for _ in range(max(3, runs // 2))]
            seconds = median(samples)
            if previous is not None:
                figures.append(Figure(f"scaling: {n // 2} -> {n} parties, cache off",
                                      f"{seconds * 1000:.0f} ms", f"{previous * 1000:.0f} ms",
                                      seconds / previous, 2.20))  # fmt: skip
            previous = seconds

        budgets = []
        for name, command, expect in worst_cases(folder, 1 if args.quick else 16,
                                                  70 if args.quick else 700):  # fmt: skip
            samples = [measure(command, expect, COLD) for _ in range(1 if args.quick else 3)]
            budgets.append(Budget(name, median(samples), max(s.max_rss_kib for s in samples),
                                  5.0, 400))  # fmt: skip
        mb = 10_000 if args.quick else 1_000_000
        grown = growth(folder, [mb, 2 * mb, 4 * mb], 1 if args.quick else 3)

    report(figures, budgets, grown, runs, args.quick)


def report(
    figures: list[Figure], budgets: list[Budget], grown: list[Growth], runs: int, quick: bool
) -> None:
    """Print every figure, worst case and growth as Markdown tables, then what was missed."""
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}; "
          f"Python {platform.python_version()}; {runs} runs per command")  # fmt: skip
    print()
    print("| figure | positions (median, +- IQR/2) | reference | ratio | target | result |")
    print("|---|---|---|---|---|---|")
    for figure in figures:
        print(figure.row())
    print()
    print("| worst case | time (median) | budget | peak RSS | budget | result |")
    print("|---|---|---|---|---|---|")
    for budget in budgets:
        print(budget.row())
    print_growth(grown, quick)
    missed = [f.name for f in figures if not f.met()] + [b.name for b in budgets if not b.met()]
    missed += [g.name for g in grown if not g.met()]
    print()
    print("all targets met" if not missed else f"targets missed: {', '.join(missed)}")


if __name__ == "__main__":
    main()
