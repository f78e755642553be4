"""Times `finplan diff --rev` with every plan changed against `finplan check` on the same plans, and the text
report's tables against the check.

    .venv/bin/python benchmarks/diff.py [--rounds N] [--only diff|tables|scaling] [--sizes 100 1000] [--n 1000]

diff: for each size, a git repository of that many seed-sized plans in a
temporary folder, committed, then every plan changed in the working tree
(benchmarks/generate.py's input of `diff --rev` in the scaling table).
`finplan diff --rev HEAD` (the text report, as a person runs it) and
`finplan check .` run in it side by side, in turn, round after round
(benchmarks/run.py's `side_by_side`); the figure is the median of each
round's ratio of the two, which moves less than a ratio of medians on a
machine others share. Target: at most 2x.

tables: in this process, the seed (budgets/attraktiv.yaml) and a folder of
100 plans: the time the text report's tables take (the report of a checked
plan with its tables, less the same without) against the time of the check
itself; each round times the three one after another, and the figure is the
median of the rounds' ratios. Target: at most 1x.

scaling: `finplan diff --rev HEAD` on n and on 4n changed plans: at most 5x.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from generate import JOBS
from measure import BIN, SEED, prepare_bytecode, side_by_side

CHANGED = JOBS["changed plans in diff --rev"].write  # a repository of n plans, each changed in the working tree
PLANS = JOBS["plans in a summary"].write  # a folder of n plans
DIFF_TARGET, TABLES_TARGET, SCALING_TARGET = 2.0, 1.0, 5.0


def inside(repository: Path, *arguments: str) -> list[str]:
    """finplan run in `repository`, as `diff --rev` needs (`env -C`, as benchmarks/run.py starts it)."""
    return ["env", "-C", str(repository), str(BIN / "finplan"), *arguments]


def diff_against_check(size: int, rounds: int, scratch: Path) -> str:
    repository = CHANGED(scratch / f"changed-{size}", size)
    commands = {"diff --rev": inside(repository, "diff", "--rev", "HEAD"), "check": inside(repository, "check", ".")}
    measures = side_by_side(commands, rounds)
    diff, check = measures["diff --rev"], measures["check"]
    ratio = statistics.median(d / c for d, c in zip(diff.seconds, check.seconds, strict=True))
    cpu = statistics.median(d / c for d, c in zip(diff.cpu, check.cpu, strict=True))
    return (
        f"  {size:>5} plans: diff --rev {diff.median:.3f} s, check {check.median:.3f} s; diff / check = {ratio:.2f}x "
        f"(processor time {cpu:.2f}x), target <= {DIFF_TARGET}x: {'met' if ratio <= DIFF_TARGET else 'NOT MET'}"
    )


def scaling(n: int, rounds: int, scratch: Path) -> str:
    commands = {size: inside(CHANGED(scratch / f"scaling-{size}", size), "diff", "--rev", "HEAD") for size in (n, 4 * n)}
    measures = side_by_side(commands, rounds)
    ratio = statistics.median(b / a for a, b in zip(measures[n].seconds, measures[4 * n].seconds, strict=True))
    return (
        f"  diff --rev on {n} and {4 * n} changed plans: {measures[n].median:.3f} s and {measures[4 * n].median:.3f} s, "
        f"{ratio:.2f}x, target <= {SCALING_TARGET}x: {'met' if ratio <= SCALING_TARGET else 'NOT MET'}"
    )


def tables_against_check(label: str, paths: list[Path], rounds: int) -> str:
    """The text report's tables of `paths`, against their check, in this process."""
    from finplan.check import check_file
    from finplan.cli.output import console
    from finplan.config import ConfigFinder
    from finplan.report.check.text import render_result

    finder = ConfigFinder()
    configs = [finder.for_plan(path) for path in paths]
    results = [check_file(path, config) for path, config in zip(paths, configs)]

    def check() -> None:
        for path, config in zip(paths, configs):
            check_file(path, config)

    def report(tables: bool):
        def run() -> None:
            shown = console(io.StringIO())  # a file: no colour, as a pipe, a CI log or a language server
            for result in results:
                render_result(result, shown, tables=tables)
        return run

    timed = {"check": check, "with tables": report(True), "without": report(False)}
    repeat = max(1, 200 // len(paths))
    seconds: dict[str, list[float]] = {name: [] for name in timed}
    for round_ in range(rounds + 1):
        for name, work in timed.items():
            start = time.perf_counter()
            for _ in range(repeat):
                work()
            if round_:  # the first round warms up
                seconds[name].append((time.perf_counter() - start) / repeat / len(paths))
    ratios = [(w - wo) / c for c, w, wo in zip(seconds["check"], seconds["with tables"], seconds["without"], strict=True)]
    ratio = statistics.median(ratios)
    check_ms = statistics.median(seconds["check"]) * 1000
    tables_ms = statistics.median(w - wo for w, wo in zip(seconds["with tables"], seconds["without"])) * 1000
    return (
        f"  {label}: check {check_ms:.3f} ms a plan, tables {tables_ms:.3f} ms; tables / check = {ratio:.2f}x, "
        f"target <= {TABLES_TARGET}x: {'met' if ratio <= TABLES_TARGET else 'NOT MET'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", choices=["diff", "tables", "scaling"], action="append")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="plans in each diff --rev run")
    parser.add_argument("--n", type=int, default=1000, help="the scaling run's smaller number of plans")
    args = parser.parse_args()
    chosen = set(args.only or ["diff", "tables", "scaling"])
    prepare_bytecode()
    print(f"finplan diff benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {args.rounds} rounds")
    with tempfile.TemporaryDirectory(prefix="finplan-diff-") as folder:
        scratch = Path(folder)
        if "diff" in chosen:
            print("\ndiff --rev (text) with every plan changed, against check on the same plans, medians of paired ratios")
            for size in args.sizes:
                print(diff_against_check(size, args.rounds, scratch), flush=True)
        if "tables" in chosen:
            print("\nthe text report's tables against the check, in this process, medians of paired ratios")
            print(tables_against_check("the seed", [SEED], args.rounds * 4), flush=True)
            plans = sorted(PLANS(scratch / "folder", 100).glob("*.yaml"))
            print(tables_against_check("a folder of 100 plans", plans, args.rounds * 4), flush=True)
        if "scaling" in chosen:
            print("\ndiff --rev (text) on n and 4n changed plans, median of paired ratios")
            print(scaling(args.n, args.rounds, scratch), flush=True)


if __name__ == "__main__":
    main()
