"""Usage errors of the command line, in English as Click words them and in Swedish."""

from __future__ import annotations

import pytest
from conftest import run_finplan

CASES = [
    (("check", "--nope", "x.yaml"), "Error: No such option: --nope", "Fel: Det finns ingen flagga --nope"),
    (("chek",), "Error: No such command 'chek'. Did you mean 'check', 'schema'?",
     "Fel: Det finns inget kommando 'chek'. Menade du 'check', 'schema'?"),
    (("check",), "Error: Missing argument 'PATH'.", "Fel: Argumentet 'PATH' saknas."),
    (("check", "-o", "foo", "x.yaml"), "Error: Invalid value for '--format' / '-o': 'foo' is not one of 'text',",
     "Fel: Ogiltigt värde för '--format' / '-o': 'foo' är inte något av 'text',"),
    (("check", "x.yaml", "--output"), "Error: Option '--output' requires an argument.", "Fel: Flaggan '--output' kräver ett värde."),
    (("rule", "FP101", "extra"), "Error: Got unexpected extra argument (extra)", "Fel: Fick ett oväntat extra argument (extra)"),
    (("rule", "FP101", "one", "two"), "Error: Got unexpected extra arguments (one two)", "Fel: Fick oväntade extra argument (one two)"),
]
ENGLISH_WORDS = ("Error:", "Usage:", "Try '", "No such", "Missing", "Invalid value", "is not one of", "requires", "unexpected", "[OPTIONS]")


@pytest.mark.parametrize(("args", "english", "swedish"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_a_usage_error_in_each_language(args, english, swedish):
    run = run_finplan("--lang", "en", *args)
    assert run.exit_code == 2 and english in run.output, run.output
    assert "Traceback" not in run.output and "Value error" not in run.output
    run = run_finplan("--lang", "sv", *args)
    assert run.exit_code == 2 and swedish in run.output, run.output
    for word in ENGLISH_WORDS:
        assert word not in run.output, word


def test_the_usage_line_and_its_hint_in_swedish():
    run = run_finplan("--lang", "sv", "chek")
    assert "Användning: finplan [FLAGGOR] KOMMANDO [ARGUMENT]..." in run.output
    assert "Skriv 'finplan -h' för hjälp." in run.output
    run = run_finplan("--lang", "en", "chek")
    assert "Usage: finplan [OPTIONS] COMMAND [ARGS]..." in run.output and "Try 'finplan -h' for help." in run.output


@pytest.mark.parametrize(
    "args",
    [("--lang", "sv", "--nope"), ("check", "x.yaml", "--nope", "--lang", "sv"), ("check", "x.yaml", "--nope", "--lang=sv")],
    ids=["before-the-command", "after-the-mistake", "with-equals"],
)
def test_a_usage_error_before_lang_is_read_is_told_in_the_language_asked_for(args):
    """Click stops at the first mistake, before `--lang` has taken effect: the error is in Swedish all the same."""
    run = run_finplan(*args)
    assert run.exit_code == 2 and "Fel: Det finns ingen flagga --nope" in run.output, run.output
    for word in ENGLISH_WORDS:
        assert word not in run.output, word
