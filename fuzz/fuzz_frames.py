"""Coverage-guided fuzzing of frames files, from their bytes to the frames held against the plans.

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python fuzz/fuzz_frames.py -runs=100000

A frames file may come from anyone's pull request (the configuration names
it), so it is fuzzed as a plan is (fuzz_check.py). The target reads the
bytes as `finplan summary --frames` does, then measures the frames read
against the plans in budgets/, and writes the summary as JSON. It fails on
any exception but the InputError that refuses a file (finplan must turn every
input into frames or one message), on a refusal over 600 characters or of
more than one line, in English or Swedish, on a finding's message over 600
characters, on a frame read with a control character in its text or an
amount below zero, and on an input that takes longer than 10 seconds.
Seeds are frames files written below, and the plans and hostile inputs that
seed fuzz_check.py (none of which is a frames file).

Where atheris will not install, the same target runs on inputs from
hypothesis (random bytes and text, generated frames files with names, years
and amounts of every kind, and seeds with bytes changed):

    .venv/bin/python fuzz/fuzz_frames.py --hypothesis 100000
"""

from __future__ import annotations

import io
import signal
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzz_check import MAX_MESSAGE, ROOT, TIMEOUT_SECONDS, _alarm, fuzz_with_hypothesis, main, mutated, seeds  # noqa: E402

FRAMES_SEEDS = [
    'frames:\n  - appropriation: "Reg.tillväxt (anslag 1:1)"\n    year: 2020\n    amount: 5 000 000\n',
    'currency: SEK\nframes:\n  - appropriation: "Reg.tillväxt (anslag 1:1)"\n    year: 2020\n    amount: 5 000 000\n'
    "    note: The region's 1:1 money for 2020\n  - appropriation: \"Reg.tillväxt (anslag 1:1)\"\n    year: 2021\n"
    "    amount: 8 000 000\n",
    "frames:\n  - {appropriation: reg.tillväxt, year: 2020, amount: 250}\n"
    "  - {appropriation: Reg.tillväxt, year: 2021, amount: 1000}\n",
    'currency: EUR\nframes: [{appropriation: "Interreg", year: 2023, amount: "1 234,50", note: "x"}]\n',
    'frames:\n  - {appropriation: "Reg.tillväxt\\x07", year: 2020, amount: -5 000 000}\n',
    "frames:\n  - {appropriation: X, year: '2020', amount: 10, colour: red}\n",
]

_portfolio = None


def portfolio():
    """The plans of budgets/ added up once; each input gets a copy with no frames yet."""
    global _portfolio
    if _portfolio is None:
        from finplan.check import check_file
        from finplan.portfolio.aggregate import collect

        results = [check_file(path) for path in sorted((ROOT / "budgets").glob("*.yaml"))]
        _portfolio = collect(results, {r.file: Path(r.file).name for r in results})
    return replace(_portfolio, frames=[], findings=list(_portfolio.findings), frames_file=None)


def target(data: bytes) -> None:
    from finplan.controls import CONTROL
    from finplan.errors import InputError
    from finplan.i18n import set_language
    from finplan.portfolio.frames import measure, parse_frames
    from finplan.report import SUMMARY_FORMATS

    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIMEOUT_SECONDS)
    try:
        try:
            frames = parse_frames(data, "frames.yaml")
        except InputError as error:
            for language in ("en", "sv"):
                set_language(language)
                shown = error.message.translated()
                assert len(shown) <= MAX_MESSAGE, shown[:200]
                assert "\n" not in shown, shown[:200]
            set_language("en")
            return
        for frame in frames:
            assert not CONTROL.search(frame.appropriation + (frame.note or "")), "a control character in a frame"
            assert frame.amount >= 0, "a frame below zero"
        summary = portfolio()
        measure(summary, frames, "frames.yaml")
        for _file, finding in summary.findings:
            assert len(finding.message) <= MAX_MESSAGE, finding.message[:200]
        SUMMARY_FORMATS["json"].load().render(summary, io.StringIO())
    finally:
        signal.alarm(0)


def run_atheris(argv: list[str]) -> None:
    import atheris

    with atheris.instrument_imports():
        import finplan.controls  # noqa: F401  (instrumented for coverage)
        import finplan.loader  # noqa: F401
        import finplan.portfolio.frames  # noqa: F401
    portfolio()  # the plans are read before the clock starts
    corpus = tempfile.mkdtemp(prefix="finplan-fuzz-frames-")
    for number, text in enumerate(FRAMES_SEEDS):
        Path(corpus, f"frames-{number}.yaml").write_text(text, encoding="utf-8")
    for seed in seeds():
        Path(corpus, seed.name).write_bytes(seed.read_bytes())
    atheris.Setup([*argv, "-max_len=8192", f"-timeout={TIMEOUT_SECONDS}", corpus], target)
    atheris.Fuzz()


def run_hypothesis(count: int) -> None:
    import json

    from hypothesis import strategies as st

    seed_bytes = [text.encode("utf-8") for text in FRAMES_SEEDS] + [seed.read_bytes() for seed in seeds()]

    # JSON strings are YAML's double-quoted text: a control character comes out as an escape, \u0007.
    names = st.one_of(
        st.sampled_from(["Reg.tillväxt (anslag 1:1)", "reg.tillväxt", "  REG.TILLVÄXT  ", "Interreg", ""]),
        st.text(max_size=60),
    ).map(json.dumps)
    amounts = st.one_of(
        st.integers(-10**16, 10**16).map(str),
        st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
        st.sampled_from(["5 000 000", "-5 000 000", "-0", "-0.50", "1 234,50", "5e6", "0x1F", "1:1", "no", "~", "[5]"]),
        st.text(max_size=12).map(json.dumps),
    )
    years = st.one_of(st.integers(-5, 10_005).map(str), st.sampled_from(["'2020'", "2020.0", "20_20", "~"]))

    @st.composite
    def frames_files(draw):
        lines = []
        if draw(st.booleans()):
            lines.append(f"currency: {draw(st.sampled_from(['SEK', 'EUR', 'sek', 'KRONOR', '1']))}")
        lines.append("frames:")
        for _ in range(draw(st.integers(0, 6))):
            item = f"  - {{appropriation: {draw(names)}, year: {draw(years)}, amount: {draw(amounts)}"
            if draw(st.booleans()):
                item += f", note: {draw(names)}"
            if draw(st.integers(0, 9)) == 0:
                item += ", colour: red"
            lines.append(item + "}")
        return ("\n".join(lines) + "\n").encode("utf-8")

    inputs = st.one_of(
        st.binary(max_size=4096),
        st.text(max_size=2048).map(lambda t: t.encode("utf-8", "surrogatepass")),
        frames_files(),
        mutated(seed_bytes),
    )
    portfolio()
    fuzz_with_hypothesis(target, inputs, count)


if __name__ == "__main__":
    main(run_atheris, run_hypothesis)
