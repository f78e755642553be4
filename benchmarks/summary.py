"""Times `finplan summary` in each format against `finplan check` on as many plans: the jobs table's summary rows.

    .venv/bin/python benchmarks/summary.py [--rounds N] [--plans 1000] [--big 10000]

The same as `benchmarks/jobs.py --job summary`: each format's time on 1 000
plans as a ratio to check's (the target: at most 2x), its growth on 4x the
plans, and its peak memory on 10 000 plans (the target: under 150 MiB).
"""

from __future__ import annotations

import argparse

from jobs import add_options, run_jobs
from measure import prepare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every command after one warm-up (default 3)")
    add_options(parser, plans="1000")
    args = parser.parse_args()
    prepare()
    print("\n".join(run_jobs(args.rounds, ["summary", *(args.job or [])], args.plans, args.big)))


if __name__ == "__main__":
    main()
