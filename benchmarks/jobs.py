"""Every job of finplan against `finplan check` on as many plans: the table the jobs' targets are set in.

    .venv/bin/python benchmarks/jobs.py [--rounds N] [--job NAME] [--plans 1,100,1000] [--big 10000]
    .venv/bin/python benchmarks/run.py --only jobs [--rounds N] [--job NAME]     (the same, in run.py's run)

Each job in `JOBS` runs on the input of n plans (benchmarks/generate.py's
seed-sized plans: two financing lines and six cost lines each), side by side
with every other job on every size, round after round, after one warm-up run
of each. The table gives, for each job, its wall time on 1, 100 and 1 000
plans as a ratio to `finplan check` on the same plans (check is 1.00), its
processor time's ratio on 1 000, its peak memory on 1 000, and its growth: its
time on 4 000 plans over its time on 1 000. Then the peak memory of `finplan
summary` on 10 000 plans, in each format.

The targets: on 1 000 plans each job takes at most its `at_most` times check's
time (2x; report --html 4x); every job takes at most 5x the time on 4x the
plans; summary of 10 000 plans peaks under 150 MiB in every format.

A job is one entry in `JOBS`: its name, the function that gives the command
running it on n plans (writing its input the first time it is asked for),
and its target. The inputs are written to benchmarks/out/jobs/ and kept.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generate import _changed_plans, _plans
from memo import memo_family
from measure import BIN, OUT, SEED, Measure, prepare, side_by_side

FOLDER = OUT / "jobs"
FINPLAN = str(BIN / "finplan")
GROWTH = 5.0
BIG_PEAK_MIB = 150.0


@dataclass(frozen=True)
class Job:
    """A job of the table: its name, the command that runs it on n plans' input, and its target on 1 000 plans."""

    name: str
    command: Callable[[int], list[str]]
    at_most: float | None = None  # its time on 1 000 plans, in times check's; None for check itself
    big: bool = False  # also measured on 10 000 plans, for its peak memory


def plans(n: int) -> Path:
    """A folder of n seed-sized plans, written the first time (the same seed gives the same plans)."""
    folder = FOLDER / f"plans-{n}"
    if len(list(folder.glob("*.yaml"))) != n:
        _plans(folder, n)
    return folder


def changed_plans(n: int) -> Path:
    """A git repository of n seed-sized plans, every one of them changed in the working tree."""
    folder = FOLDER / f"changed-{n}"
    if not (folder / ".git").is_dir() or len(list(folder.glob("*.yaml"))) != n:
        _changed_plans(folder, n)
    return folder


def summary(fmt: str) -> Callable[[int], list[str]]:
    def command(n: int) -> list[str]:
        written = ["--output", str(FOLDER / f"summary-{n}.xlsx")] if fmt == "xlsx" else []
        return [FINPLAN, "summary", str(plans(n)), "--format", fmt, *written]

    return command


def report(n: int) -> list[str]:
    return [FINPLAN, "report", str(plans(n)), "--html", str(FOLDER / f"site-{n}")]


def diff_rev(n: int) -> list[str]:
    # Run inside the repository it compares, as a user does: `env -C` at every size alike.
    return ["env", "-C", str(changed_plans(n)), FINPLAN, "diff", "--rev", "HEAD"]


def memo_check(n: int) -> list[str]:
    """A memo of n paragraphs, each stating a figure of the seed's plan (benchmarks/memo.py), against that plan.

    One figure for each plan the other jobs read: a memo cannot hold a
    thousand plans' memos (500 000 characters is a memo's limit, about 200 of
    the seed's), and memo check reads one plan.
    """
    return [FINPLAN, "memo", "check", str(SEED), str(memo_family("memo: paragraphs (.txt)", n, FOLDER))]


JOBS = [
    Job("check", lambda n: [FINPLAN, "check", str(plans(n))]),
    Job("summary (text)", summary("text"), 2.0, big=True),
    Job("summary --format json", summary("json"), 2.0, big=True),
    Job("summary --format csv", summary("csv"), 2.0, big=True),
    Job("summary --format xlsx", summary("xlsx"), 2.0, big=True),
    Job("report --html", report, 4.0),
    Job("diff --rev (every plan changed)", diff_rev, 2.0),
    Job("memo check (a figure a plan)", memo_check, 2.0),
]


def chosen_jobs(names: list[str] | None) -> list[Job]:
    """The jobs `--job` names (a name, or how names begin: `summary`), and check, which the others are held to."""
    return [job for job in JOBS if job.at_most is None or not names or any(job.name.startswith(n) for n in names)]


def table(jobs: list[Job], sizes: list[int], rounds: int) -> tuple[list[str], list[str]]:
    """Every job on every size and on 4x the largest, side by side: the table's lines, and a verdict a target."""
    largest = max(sizes)
    every = sorted({*sizes, 4 * largest})
    commands = {(job.name, n): job.command(n) for job in jobs for n in every}
    measured = side_by_side(commands, rounds)  # keys are (job, n)
    check = {n: measured[("check", n)] for n in every}
    width = max(len(job.name) for job in jobs)
    heads = [f"{n:,} plan{'s' if n > 1 else ''}".replace(",", " ") for n in sizes]
    lines = [
        f"  {'job':<{width}} " + " ".join(f"{h:>12}" for h in heads)
        + f" {'processor':>10} {'peak MiB':>9} {'4x the plans':>14}",
        f"  {'(check, seconds)':<{width}} " + " ".join(f"{check[n].median:11.3f}s" for n in sizes)
        + f" {check[largest].cpu_median:9.3f}s {'':>9} {'':>14}",
    ]
    verdicts = []
    for job in jobs:
        runs: dict[int, Measure] = {n: measured[(job.name, n)] for n in every}
        ratios = [runs[n].median / check[n].median for n in sizes]
        processor = runs[largest].cpu_median / check[largest].cpu_median
        growth = runs[4 * largest].median / runs[largest].median
        lines.append(
            f"  {job.name:<{width}} " + " ".join(f"{r:11.2f}x" for r in ratios)
            + f" {processor:9.2f}x {runs[largest].peak:9.1f} {growth:13.2f}x"
        )
        failed = [n for n in every if any(code not in (0, 1) for code in runs[n].codes)]
        if failed:
            verdicts.append(f"  jobs: {job.name} exited with neither 0 nor 1 on {failed} plans: its figures are no job's")
        if job.at_most is not None:
            met = "met" if ratios[-1] <= job.at_most else "NOT MET"
            verdicts.append(f"  jobs: {job.name} on {largest} plans = {ratios[-1]:.2f}x check's time "
                            f"(processor {processor:.2f}x), target <= {job.at_most}x: {met}")
        verdicts.append(f"  jobs: {job.name}, 4x the plans = {growth:.2f}x the time, target <= {GROWTH}x: "
                        f"{'met' if growth <= GROWTH else 'NOT MET'}")
    return lines, verdicts


def big_table(jobs: list[Job], n: int, rounds: int) -> list[str]:
    """The peak memory of each job marked `big` on n plans; the target holds it under BIG_PEAK_MIB."""
    lines = []
    measured = side_by_side({job.name: job.command(n) for job in jobs if job.big}, rounds)
    for name, runs in measured.items():
        met = "met" if runs.peak < BIG_PEAK_MIB else "NOT MET"
        lines.append(f"  jobs: {name} on {n} plans peaks at {runs.peak:.1f} MiB ({runs.median:.2f} s), "
                     f"target < {BIG_PEAK_MIB:.0f} MiB: {met}")
    return lines


def run_jobs(rounds: int, names: list[str] | None, sizes: list[int], big: int) -> list[str]:
    """The jobs table, then the big one; printed, and the verdicts returned for run.py's summary."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    jobs = chosen_jobs(names)
    print(f"\njobs: each job's time against finplan check on as many plans, side by side "
          f"({rounds} rounds, medians; load average {_load()})")
    lines, verdicts = table(jobs, sizes, rounds)
    print("\n".join(lines))
    if big:
        verdicts += big_table(jobs, big, rounds)
    print(f"  (load average at the end: {_load()})")
    return verdicts


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def add_options(parser: argparse.ArgumentParser, plans: str = "1,100,1000") -> None:
    """The jobs table's options, for jobs.py, run.py and summary.py alike."""
    parser.add_argument("--job", action="append", metavar="NAME",
                        help="only this job in the jobs table (and check), or every job whose name begins so (summary); repeatable")
    parser.add_argument("--plans", default=_counts(plans), type=_counts, metavar="N,N,...",
                        help=f"the jobs table's numbers of plans (default {plans}); growth is from the largest to 4x it")
    parser.add_argument("--big", type=int, default=10_000, metavar="N",
                        help="the number of plans summary's peak memory is measured on (default 10000; 0: not measured)")


def _counts(text: str) -> list[int]:
    return sorted(int(n) for n in text.split(","))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog="See the module's text for the table's columns.")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every command after one warm-up (default 3)")
    add_options(parser)
    args = parser.parse_args()
    prepare()
    print(f"finplan jobs: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    verdicts = run_jobs(args.rounds, args.job, args.plans, args.big)
    print("\nsummary")
    print("\n".join(verdicts))


if __name__ == "__main__":
    main()
