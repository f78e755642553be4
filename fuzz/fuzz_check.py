"""Coverage-guided fuzzing of the whole check, from a plan's bytes to its findings.

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python fuzz/fuzz_check.py -runs=100000

The target fails on any exception (finplan must turn every input into a result),
on a message longer than 600 characters (no message may repeat an unbounded
input) or of more than one line, and on an input that takes longer than 10
seconds (a hang). Seeds are
the plans in budgets/ and tests/plans/ and the hostile inputs in tests/hostile/.
atheris writes an input that fails to crash-<hash> in the working folder: copy
it into tests/hostile/, where tests/test_hostile.py keeps it a regression test.

Where atheris will not install, the same target runs on inputs from
hypothesis (random bytes, text, YAML, and generated plans with bytes changed):

    .venv/bin/python fuzz/fuzz_check.py --hypothesis 100000
"""

from __future__ import annotations

import shutil
import signal
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_MESSAGE = 600
TIMEOUT_SECONDS = 10


class Hang(Exception):
    """An input took longer than TIMEOUT_SECONDS."""


def _alarm(signum, frame):
    raise Hang(f"an input took more than {TIMEOUT_SECONDS} s")


def target(data: bytes) -> None:
    from finplan.check import check_bytes

    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIMEOUT_SECONDS)
    try:
        result = check_bytes(data, "fuzz.yaml")
    finally:
        signal.alarm(0)
    assert result.readable or result.findings, "an unreadable plan without a finding"
    for finding in result.findings:
        assert len(finding.message) <= MAX_MESSAGE, finding.message[:200]
        assert "\n" not in finding.message, finding.message[:200]  # a finding is one line


def seeds() -> list[Path]:
    return sorted(
        [*ROOT.glob("budgets/*.yaml"), *ROOT.glob("tests/plans/*/*.yaml"), *ROOT.glob("tests/hostile/*")]
    )


def run_atheris(argv: list[str]) -> None:
    import atheris

    with atheris.instrument_imports():
        import finplan.check  # noqa: F401  (instrumented for coverage)
    corpus = tempfile.mkdtemp(prefix="finplan-fuzz-")
    for seed in seeds():
        shutil.copy(seed, corpus)
    atheris.Setup([*argv, "-max_len=8192", f"-timeout={TIMEOUT_SECONDS}", corpus], target)
    atheris.Fuzz()


def run_hypothesis(count: int) -> None:
    from hypothesis import strategies as st

    sys.path.insert(0, str(ROOT / "tests"))
    import yaml
    from plan_strategies import plans

    values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
        max_leaves=30,
    )
    inputs = st.one_of(
        st.binary(max_size=4096),
        st.text(max_size=2048).map(lambda t: t.encode("utf-8", "surrogatepass")),
        values.map(lambda v: yaml.safe_dump(v, allow_unicode=True).encode("utf-8")),
        plans().map(lambda p: p.text.encode("utf-8")),
        mutated([seed.read_bytes() for seed in seeds()]),
    )
    fuzz_with_hypothesis(target, inputs, count)


def mutated(seed_bytes: list[bytes]):
    """Seeds with up to eight runs of bytes changed: near-valid inputs that random bytes seldom reach."""
    from hypothesis import strategies as st

    @st.composite
    def mutation(draw):
        data = bytearray(draw(st.sampled_from(seed_bytes)) or b" ")
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, max(len(data) - 1, 0)))
            data[at:at + draw(st.integers(0, 3))] = draw(st.binary(max_size=4))
        return bytes(data)

    return mutation()


def fuzz_with_hypothesis(run_target, inputs, count: int, what: str = "") -> None:
    """`run_target` on `count` inputs drawn from the strategy `inputs`, counting as it goes; `what` names them."""
    from hypothesis import HealthCheck, given, settings

    done = 0

    @settings(max_examples=count, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(inputs)
    def fuzz(data: bytes) -> None:
        nonlocal done
        run_target(data)
        done += 1
        if done % 10_000 == 0:
            print(f"{done} inputs, no crash", flush=True)

    fuzz()
    print(f"{done} inputs{what}, no crash and no hang")


def main(atheris_runner=None, hypothesis_runner=None) -> None:
    """`--hypothesis N` runs hypothesis on N inputs; anything else is libFuzzer's arguments, for atheris."""
    if len(sys.argv) > 2 and sys.argv[1] == "--hypothesis":
        (hypothesis_runner or run_hypothesis)(int(sys.argv[2]))
    else:
        (atheris_runner or run_atheris)(sys.argv)


if __name__ == "__main__":
    main()
