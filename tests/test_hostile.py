"""Hostile files, kept as regression tests: each is refused with a clear message, never a traceback.

Inputs that fuzz/fuzz_check.py finds failing belong here, with the message they must give.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_finplan

HOSTILE = Path(__file__).resolve().parent / "hostile"

EXPECTED = {
    "alias-bomb-mappings.yaml": ("FP000", "reaches more than 10000 values through aliases (the limit)"),
    "alias-recursive.yaml": ("FP000", "has the alias *p inside the value it refers to"),
    "base-60-amount.yaml": ("FP001", '`financing[4].amount` is "5:00:00"; expected an amount'),
    "control-characters.yaml": ("FP000", "character #x001B is not allowed"),
    "deep-block-nesting.yaml": ("FP000", "nests deeper than the limit of 64 levels"),
    "deep-flow-nesting.yaml": ("FP000", "nests deeper than the limit of 64 levels"),
    # Found by fuzz/fuzz_check.py: the list of known settings made a message of 900 characters.
    "fuzz-long-setting-list.yaml": ("FP001", "expected one of: rounding_tolerance, hours_per_year, hourly_rate_tolerance, anslag_1_1.max_share,"),
    # Found by fuzz/fuzz_check.py: Decimal() raised on an exponent past what it holds.
    "fuzz-huge-exponent.yaml": ("FP001", '`total` is "9e9999'),
    # Found by fuzz/fuzz_check.py: abs() of 8e99990049 overflowed Decimal's context.
    "fuzz-exponent-overflow.yaml": ("FP001", "write the amount in full, without an exponent"),
    "huge-key.yaml": ("FP000", "is not valid YAML"),
    "huge-number.yaml": ("FP001", "expected an amount below 1 000 000 000 000 000 kr (the limit)"),
    "huge-value.yaml": ("FP000", "has a value of 70000 characters, more than the limit of 65536"),
    "invalid-utf8.yaml": ("FP000", "is not valid UTF-8: byte 0xE4"),
    "many-documents.yaml": ("FP000", "holds more than one YAML document"),
    "merge-key.yaml": ("FP001", "unknown key `<<`"),
    "nul-bytes.yaml": ("FP000", "character #x0000 is not allowed"),
    "png.bin": ("FP000", "is not valid UTF-8: byte 0x89"),
    "python-tag.yaml": ("FP000", "tags are not allowed in a plan"),
    "truncated-utf8.yaml": ("FP000", "is not valid UTF-8: byte 0xC3"),
    "utf16.yaml": ("FP000", "is UTF-16"),
    "yaml-1-1-booleans.yaml": ("FP001", '`financing[3].sector` is "no"'),
}


def test_every_hostile_file_has_its_expectation():
    assert sorted(p.name for p in HOSTILE.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_hostile_file_is_refused_clearly(name):
    path = HOSTILE / name
    code, message = EXPECTED[name]
    run = run_finplan("check", "--format", "concise", path)
    assert run.exit_code == 2
    assert "Traceback" not in run.output
    lines = [line for line in run.output.splitlines() if line.startswith(str(path))]
    assert any(f" {code} error " in line and message in line for line in lines), run.output
    assert max(len(line) for line in run.output.splitlines()) < 700
