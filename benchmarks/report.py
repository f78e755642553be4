"""Times `finplan report --html` against `finplan check` on the same plans, side by side.

    .venv/bin/python benchmarks/report.py [--rounds N] [--only GROUP ...]

Groups: 1, 100 and 1 000 seed-sized plans (benchmarks/generate.py's plans,
two financing lines and six cost lines each), and one plan of 4 000
financiers, a financing line each (generate.JOBS' "financiers in a chart").
Each group runs `finplan check` and `finplan report --html` on the same input
round after round, one after the other (run.py's `side_by_side`, after one
warm-up each); a round's ratio is its report's time over its check's, and
the figure is the median of those paired ratios, which the machine's drift
touches less than a ratio of two medians. Wall time, processor time (user
and system, the workers' included) and peak memory are medians too.

Targets: at 1 000 plans the report takes at most 4x the check; the plan of
4 000 financiers is reported in under 2 s; and the report of 4x the input
takes at most 5x the time (1 000 plans against 250, 4 000 financiers against
1 000), side by side in the same way. Inputs and sites are written to
benchmarks/out/report/ (not kept in git).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

from generate import JOBS
from measure import BIN, OUT, Measure, prepare_bytecode, side_by_side

FOLDER = OUT / "report"
GROUPS = ("1", "100", "1000", "financiers")
RATIO_AT_1000 = 4.0
FINANCIERS_SECONDS = 2.0
SCALING = 5.0


def _plans_of(n: int) -> Path:
    """A folder of n seed-sized plans, written when it does not hold them already."""
    folder = FOLDER / f"plans-{n}"
    return folder if len(list(folder.glob("*.yaml"))) == n else JOBS["plans in a report"].write(folder, n)


def _financiers_of(n: int) -> Path:
    """One plan of n financiers, a financing line each."""
    path = FOLDER / f"financiers-{n}.yaml"
    return path if path.is_file() else JOBS["financiers in a chart"].write(path, n)


def _inputs(group: str) -> Path:
    return _financiers_of(4000) if group == "financiers" else _plans_of(int(group))


def _report(target: Path) -> list[str]:
    return [str(BIN / "finplan"), "report", str(target), "--html", str(FOLDER / f"site-{target.stem}")]


def _paired(one: Measure, other: Measure) -> float:
    """The median of each round's ratio: `one`'s time over `other`'s in the same round."""
    return statistics.median(a / b for a, b in zip(one.seconds, other.seconds, strict=True))


def _line(m: Measure) -> str:
    return f"    {m.label:<22} {m.median:8.3f} s  processor {m.cpu_median:7.3f} s  {m.peak:7.1f} MiB"


def against_check(group: str, rounds: int) -> list[str]:
    """`check` and `report --html` on one group's input, side by side: prints their figures, returns the verdict."""
    target = _inputs(group)
    commands = {"finplan check": [str(BIN / "finplan"), "check", str(target)], "finplan report --html": _report(target)}
    measures = side_by_side(commands, rounds)
    check, report = measures["finplan check"], measures["finplan report --html"]
    ratio = _paired(report, check)
    what = "one plan of 4 000 financiers" if group == "financiers" else f"{int(group):,} plan{'' if group == '1' else 's'}".replace(",", " ")
    print(f"\n{what}")
    print(_line(check))
    print(_line(report))
    verdict = f"  {what}: report / check = {ratio:.2f}x (median of paired ratios; processor time " \
              f"{report.cpu_median / check.cpu_median:.2f}x)"
    if group == "1000":
        verdict += f", target <= {RATIO_AT_1000}x: {'met' if ratio <= RATIO_AT_1000 else 'NOT MET'}"
    if group == "financiers":
        verdict += f"; report {report.median:.3f} s, target < {FINANCIERS_SECONDS} s: " \
                   f"{'met' if report.median < FINANCIERS_SECONDS else 'NOT MET'}"
    print(verdict)
    return [verdict]


def scaling(rounds: int) -> list[str]:
    """`report --html` on n and on 4n of each kind of input, side by side: the median of the paired ratios."""
    verdicts = []
    for what, small, large in (
        ("plans", _plans_of(250), _plans_of(1000)),
        ("financiers", _financiers_of(1000), _financiers_of(4000)),
    ):
        measures = side_by_side({"n": _report(small), "4n": _report(large)}, rounds)
        ratio = _paired(measures["4n"], measures["n"])
        print(f"\nscaling, {what}: {small.name} against {large.name}")
        print(_line(measures["n"]))
        print(_line(measures["4n"]))
        verdict = f"  scaling, {what}: 4x the input = {ratio:.2f}x the time, target <= {SCALING}x: " \
                  f"{'met' if ratio <= SCALING else 'NOT MET'}"
        print(verdict)
        verdicts.append(verdict)
    return verdicts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each command after one warm-up (default 5)")
    parser.add_argument(
        "--only", choices=[*GROUPS, "scaling"], action="append",
        help="only this group: 1, 100 or 1000 plans, the plan of 4 000 financiers, or the scaling; repeatable",
    )
    args = parser.parse_args()
    FOLDER.mkdir(parents=True, exist_ok=True)
    prepare_bytecode()
    print(f"finplan report --html against finplan check: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"{args.rounds} rounds, medians")
    verdicts = []
    for group in GROUPS:
        if not args.only or group in args.only:
            verdicts += against_check(group, args.rounds)
    if not args.only or "scaling" in args.only:
        verdicts += scaling(args.rounds)
    print("\nsummary")
    print("\n".join(verdicts))


if __name__ == "__main__":
    main()
