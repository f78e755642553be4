"""Times finplan against the floors it cannot go below and the tools people use.

    .venv/bin/pip install -q -e '.[bench]' && .venv/bin/python benchmarks/run.py

Each group's commands run side by side: round after round, each command once
a round, in turn, so that the machine's drift touches them alike. The script
prints each command's median wall time and peak memory (the operating
system's maximum resident set size of the process), the ratios the targets
are set in, and whether each target is met. Options: --rounds N (default 5),
--only GROUP (seed, 10k, folder, 100k, scaling, jobs, against), --n N (the
scaling table's smaller size, default 2 000), --kind NAME (only that kind of
input in the scaling table), --job NAME, --plans N,N,... and --big N (the
jobs table: benchmarks/jobs.py), --against REV (start-up of this working
tree against finplan as it was at the git revision REV, side by side: check on
the seed, --help, check --help and --version; the group `against`). `--help` lists them.

finplan runs from its compiled bytecode, as an installed package does: the
source is compiled once before timing (`compileall`), and the commands run
without PYTHONDONTWRITEBYTECODE, which would otherwise have an editable
install recompile every module on every run.
"""

from __future__ import annotations

import argparse
import compileall
import os
import subprocess
import sys
from pathlib import Path

from measure import (
    BIN, IMPORT_FLOOR, MINIMAL, OUT, PARSE_FLOOR, PYTHON, ROOT, SEED, chosen, prepare, ratio_table, side_by_side, tool,
)


def groups() -> dict[str, tuple[str, dict[str, list[str]], list[tuple[str, str, str, float | None]]]]:
    """Each group: what it measures, its commands, and its targets (what, of, against, at most; None: shown only)."""
    finplan = str(BIN / "finplan")
    yamllint = tool("yamllint")
    cjs = tool("check-jsonschema")
    schema = ["--schemafile", str(OUT / "schema.json")]
    folder_files = sorted(str(p) for p in (OUT / "folder").glob("*.yaml"))

    def others(target: str | list[str]) -> dict[str, list[str]]:
        targets = target if isinstance(target, list) else [target]
        found = {}
        if yamllint:
            found["yamllint"] = [yamllint, *targets]
        if cjs:
            found["check-jsonschema"] = [cjs, *schema, *(folder_files if target == str(OUT / "folder") else targets)]
        return found

    ten_k = str(OUT / "lines-10000.yaml")
    return {
        "seed": (
            "budgets/attraktiv.yaml, the seed's plan",
            {
                "import floor": [PYTHON, "-c", IMPORT_FLOOR],
                "minimal program": [PYTHON, str(MINIMAL), str(SEED)],
                "finplan check": [finplan, "check", str(SEED)],
                **others(str(SEED)),
            },
            [
                ("time", "finplan check", "minimal program", 1.0),
                ("time", "finplan check", "import floor", None),
                ("time", "minimal program", "import floor", None),
                ("time", "finplan check", "check-jsonschema", 0.5),
            ],
        ),
        "10k": (
            "a plan of 10 000 cost lines with yearly breakdowns",
            {
                "CSafeLoader parse": [PYTHON, "-c", PARSE_FLOOR, ten_k],
                "finplan check": [finplan, "check", ten_k],
                **others(ten_k),
            },
            [
                ("time", "finplan check", "CSafeLoader parse", 0.6),
                ("memory", "finplan check", "CSafeLoader parse", 1.3),
            ],
        ),
        "folder": (
            "a folder of 1 000 seed-sized plans",
            {"finplan check": [finplan, "check", str(OUT / "folder")], **others(str(OUT / "folder"))},
            [
                ("time", "finplan check", "yamllint", 0.1),
                ("time", "finplan check", "check-jsonschema", 0.1),
            ],
        ),
        "100k": (
            "a plan of 100 000 cost lines (no target: how it scales)",
            {
                "CSafeLoader parse": [PYTHON, "-c", PARSE_FLOOR, str(OUT / "lines-100000.yaml")],
                "finplan check": [finplan, "check", str(OUT / "lines-100000.yaml")],
            },
            [],
        ),
    }


def against_revision(revision: str) -> tuple[str, dict[str, list[str]], list[tuple[str, str, str, float | None]]]:
    """The group that holds this working tree's start-up against a revision's, checked out beside it."""
    old = OUT / "against"
    if old.exists():
        subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, check=False)
    subprocess.run(["git", "worktree", "add", "--detach", "-f", str(old), revision], cwd=ROOT, check=True,
                   capture_output=True)
    compileall.compile_dir(old / "src" / "finplan", quiet=1)

    def finplan(source: Path, *args: str) -> list[str]:
        # Both sides start alike: `env` sets where finplan is imported from, then `python -m finplan`.
        return ["env", f"PYTHONPATH={source / 'src'}", PYTHON, "-m", "finplan", *args]

    commands: dict[str, list[str]] = {}
    targets: list[tuple[str, str, str, float | None]] = []
    for label, args in (
        ("check", ["check", SEED]), ("--help", ["--help"]), ("check --help", ["check", "--help"]), ("--version", ["--version"]),
    ):
        # Each side checks its own seed: a plan the other side's format does not know is refused early.
        commands[f"{label} ({revision})"] = finplan(old, *(str(old / a.relative_to(ROOT)) if a == SEED else a for a in args))
        commands[f"{label} (now)"] = finplan(ROOT, *map(str, args))
        targets.append(("time", f"{label} (now)", f"{label} ({revision})", 1.0))
    return f"start-up of this working tree against {revision}", commands, targets


def scaling(n: int, rounds: int, kinds: list[str] | None = None) -> list[str]:
    """For each kind of input, finplan on n and on 4n of it: the times and their ratio.

    `finplan check` on a plan of each kind in `generate.FAMILIES`; `summary`
    and `report --html` on each kind in `generate.JOBS` (many plans, or one of
    many financiers), whose n is the table's divided by the job's `per`.
    Work that grows with the input grows 4x when the input does (a little more
    with sorting); a ratio near 16 is work that compares everything with
    everything. The target: no kind grows more than 5x. The memo's kinds
    (benchmarks/memo.py) follow: `finplan memo check` on a memo of n and of
    4n of one kind, against the seed's plan. `kinds`: only these.
    """
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import FAMILIES, JOBS, SITE, family
    from memo import memo_commands

    folder = OUT / "scaling"
    folder.mkdir(parents=True, exist_ok=True)
    finplan = str(BIN / "finplan")
    commands: dict[str, dict[int, list[str]]] = {}
    for name in FAMILIES:
        commands[name] = {}
        for size in (n, 4 * n):
            path = folder / f"{name.replace(' ', '-')}-{size}.yaml"
            path.write_text(family(name, size), encoding="utf-8")
            commands[name][size] = [finplan, "check", str(path)]
    commands.update(memo_commands(n, folder))
    for name, job in JOBS.items():
        if not chosen(name, kinds):
            continue
        small = max(1, n // job.per)
        commands[name] = {}
        for size in (small, 4 * small):
            stem = folder / f"{name.replace(' ', '-')}-{size}"
            target = job.write(stem, size)
            arguments = [str(stem) + "-site" if part == SITE else part for part in job.command]
            # A job run inside its input (a repository) starts through `env -C` at both sizes alike.
            commands[name][size] = (
                ["env", "-C", str(target), finplan, *arguments] if job.inside else [finplan, *arguments, str(target)]
            )
    chosen = {name: by_size for name, by_size in commands.items() if chosen(name, kinds)}
    lines, verdicts = ratio_table(chosen, rounds)
    print("\n".join(lines))
    return verdicts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog="benchmarks/README.md gives the latest figures.")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each command after one warm-up (default 5)")
    parser.add_argument("--only", choices=["seed", "10k", "folder", "100k", "scaling", "jobs", "against"], action="append",
                        help="only this group; repeatable (default: every group but against)")
    parser.add_argument("--against", metavar="REV", help="a git revision whose start-up to hold this one against")
    parser.add_argument("--n", type=int, default=2000, help="the scaling table's smaller size")
    parser.add_argument("--kind", action="append", help="only this kind of input in the scaling table, or every kind it begins (memo); repeatable")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from jobs import add_options, run_jobs

    add_options(parser)
    args = parser.parse_args()
    prepare()
    print(f"finplan benchmarks: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {args.rounds} rounds, medians")
    missing = [name for name in ("yamllint", "check-jsonschema") if tool(name) is None]
    if missing:
        print(f"not installed, left out: {', '.join(missing)} (pip install -e '.[bench]')")
    verdicts = []
    chosen = groups()
    if args.against:
        chosen["against"] = against_revision(args.against)
    for name, (what, commands, targets) in chosen.items():
        if args.only and name not in args.only:
            continue
        measures = side_by_side(commands, args.rounds)
        print(f"\n{name}: {what}")
        for m in measures.values():
            print(f"  {m.label:<24} {m.median:8.3f} s  {m.peak:8.1f} MiB  (processor {m.cpu_median:.3f} s)")
        for kind, of, against, limit in targets:
            if against not in measures:
                verdicts.append(f"  {name}: {of} / {against} ({kind}): not measured, {against} not installed")
                continue
            a, b = measures[of], measures[against]
            ratio = a.median / b.median if kind == "time" else a.peak / b.peak
            # Processor time beside wall time: on a machine others share, it moves less.
            cpu = f" (processor time {a.cpu_median / b.cpu_median:.2f}x)" if kind == "time" else ""
            if limit is None:
                line = f"  {name}: {of} / {against} ({kind}) = {ratio:.2f}x{cpu}"
            else:
                met = "met" if ratio <= limit else "NOT MET"
                line = f"  {name}: {of} / {against} ({kind}) = {ratio:.2f}x{cpu}, target <= {limit}x: {met}"
            print(line)
            verdicts.append(line)
    if not args.only or "scaling" in args.only:
        print("\nscaling: finplan check (text report), summary and report on n and on 4n of one kind of input")
        verdicts += scaling(args.n, args.rounds, args.kind)
    if not args.only or "jobs" in args.only:
        verdicts += run_jobs(args.rounds, args.job, args.plans, args.big)
    print("\nsummary")
    print("\n".join(verdicts))


if __name__ == "__main__":
    main()
