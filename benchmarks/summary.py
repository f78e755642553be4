"""Times `finplan summary` on a folder of 1 000 plans against `finplan check` on the same folder.

    .venv/bin/python benchmarks/summary.py [--rounds N]

The target: the summary takes under 2x the check's time. The plans are
benchmarks/generate.py's folder (written to benchmarks/out/ when missing); the
summary checks every plan as `finplan check` does and then adds them up, so
the difference is what the portfolio costs. The text summary and the json one
are timed; the output goes to /dev/null. Commands run side by side, round after
round, as in benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import os
import sys

from run import BIN, OUT, prepare, side_by_side

TARGET = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    prepare()
    folder = str(OUT / "folder")
    finplan = str(BIN / "finplan")
    commands = {
        "finplan check": [finplan, "check", folder],
        "finplan summary": [finplan, "summary", folder],
        "finplan summary -o json": [finplan, "summary", folder, "--format", "json"],
    }
    print(f"finplan summary benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"{args.rounds} rounds, medians, 1 000 plans")
    measures = side_by_side(commands, args.rounds)
    for m in measures.values():
        print(f"  {m.label:<24} {m.median:8.3f} s  {m.peak:8.1f} MiB")
    check = measures["finplan check"].median
    for label in ("finplan summary", "finplan summary -o json"):
        ratio = measures[label].median / check
        print(f"  {label} / finplan check = {ratio:.2f}x, target < {TARGET}x: {'met' if ratio < TARGET else 'NOT MET'}")


if __name__ == "__main__":
    main()
