"""What every benchmark script shares: where things are, how a command is timed, and the tables of ratios.

Commands run side by side, round after round, each once a round, so that the
machine's drift touches them alike; finplan runs from compiled bytecode, as
an installed package does (benchmarks/run.py says more).
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
BIN = Path(sys.executable).parent
PYTHON = sys.executable
SEED = ROOT / "budgets" / "attraktiv.yaml"

IMPORT_FLOOR = "import yaml, typer, rich.console, rich.table; from pydantic import BaseModel"
PARSE_FLOOR = "import yaml,sys; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)"
MINIMAL = ROOT / "benchmarks" / "minimal.py"
# The children run as users run them: with bytecode read from (and written to) __pycache__.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Measure:
    label: str
    seconds: list[float]
    peak_kib: list[int]
    cpu: list[float]
    codes: list[int]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    @property
    def peak(self) -> float:
        return statistics.median(self.peak_kib) / 1024


# Each command is started by this small launcher, which reports its measures on standard output. On
# Linux a process's peak memory (ru_maxrss) counts the memory of the process it was forked from, until
# it starts the command: started from this script, every command weighed at least what the script did
# (53 MiB once the memos' libraries were loaded). The launcher weighs 8 MiB, below any command measured.
LAUNCH = """\
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status))
"""


def timed(command: list[str]) -> tuple[float, int, float, int]:
    """Wall time, peak resident memory (KiB), processor time (user and system) and exit code of one run of `command`."""
    done = subprocess.run([PYTHON, "-I", "-S", "-c", LAUNCH, *command], capture_output=True, text=True, cwd=ROOT,
                          env=ENV, check=True)
    elapsed, peak, cpu, code = done.stdout.split()
    if int(code) == 127 or int(code) < 0:
        raise RuntimeError(f"{' '.join(command)}: did not start, or was killed (exit {code})")
    return float(elapsed), int(peak), float(cpu), int(code)


def side_by_side(commands: dict[str, list[str]], rounds: int) -> dict[str, Measure]:
    measures = {label: Measure(label, [], [], [], []) for label in commands}
    for label, command in commands.items():  # one warm-up each: file cache, .pyc files
        measures[label].codes.append(timed(command)[3])
    for _ in range(rounds):
        for label, command in commands.items():
            seconds, peak, cpu, code = timed(command)
            measures[label].seconds.append(seconds)
            measures[label].peak_kib.append(peak)
            measures[label].cpu.append(cpu)
            measures[label].codes.append(code)
    return measures


def tool(name: str) -> str | None:
    path = BIN / name
    return str(path) if path.exists() else shutil.which(name)


def prepare_bytecode() -> None:
    compileall.compile_dir(ROOT / "src" / "finplan", quiet=1)


def prepare() -> None:
    prepare_bytecode()
    if not (OUT / "folder").is_dir() or not (OUT / "lines-100000.yaml").is_file():
        subprocess.run([PYTHON, str(ROOT / "benchmarks" / "generate.py"), str(OUT)], check=True)
    with (OUT / "schema.json").open("w") as schema:
        subprocess.run([str(BIN / "finplan"), "schema"], stdout=schema, check=True)


def chosen(name: str, kinds: list[str] | None) -> bool:
    """`--kind` names a kind, or the part before its colon (`--kind memo`: every memo kind)."""
    return not kinds or any(name == kind or name.startswith(kind + ":") for kind in kinds)


def ratio_table(commands: dict[str, dict[int, list[str]]], rounds: int) -> tuple[list[str], list[str]]:
    """Each kind's commands on its n and on 4n, side by side: the table's lines, and a verdict a kind."""
    width = max([26, *(len(name) for name in commands)])
    lines = [f"  {'kind of input':<{width}} {'n':>6} {'time':>9} {'4n':>7} {'time':>9} {'ratio':>6}"]
    verdicts = []
    for name, by_size in commands.items():
        n = min(by_size)
        measures = side_by_side(by_size, rounds)
        small, large = measures[n].median, measures[4 * n].median  # wall time, as the other groups
        ratio = large / small
        lines.append(f"  {name:<{width}} {n:>6} {small:8.3f}s {4 * n:>7} {large:8.3f}s {ratio:5.2f}x")
        verdicts.append(f"  scaling: {name}, 4x the input = {ratio:.2f}x the time, target <= 5x: "
                        f"{'met' if ratio <= 5 else 'NOT MET'}")
    return lines, verdicts
