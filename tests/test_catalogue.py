"""One catalogue of codes: every rule defined is registered, documented and in its family."""

from __future__ import annotations

import pkgutil

import pytest
from conftest import run_finplan

import finplan.rules
from finplan.catalogue import CATALOGUE, INPUT_CODES
from finplan.codes import FAMILIES
from finplan.rules import FAMILY_MODULES, RULES

# The rules package's modules that hold no rule: what a rule is, how rules run, their docs.
HELPERS = {"base", "engine"}


def test_every_module_of_the_rules_package_is_a_family_or_a_helper():
    modules = {info.name for info in pkgutil.iter_modules(finplan.rules.__path__)}
    families = {module.__name__.rsplit(".", 1)[1] for module in FAMILY_MODULES}
    assert modules == families | HELPERS


def test_every_rule_a_family_defines_is_registered():
    from finplan.rules.base import Rule

    defined = {value for module in FAMILY_MODULES for value in vars(module).values() if isinstance(value, Rule)}
    assert defined == set(RULES)


def test_codes_are_unique_and_the_catalogue_holds_them_all():
    from finplan.catalogue import JOB_CODES

    codes = [item.code for item in (*INPUT_CODES, *RULES, *JOB_CODES)]
    assert len(codes) == len(set(codes))
    assert list(CATALOGUE) == sorted(codes)


@pytest.mark.parametrize("code", list(CATALOGUE))
def test_every_code_is_documented_in_its_family(code):
    item = CATALOGUE[code]
    assert item.code[2] in FAMILIES
    assert item.name and item.name == item.name.lower() and " " not in item.name
    assert item.summary.endswith(".")
    if item in RULES:
        assert "Why:" in item.doc and "Fails" in item.doc and "Passes" in item.doc, code
        assert item.source, code


def test_input_codes_are_numbered_in_the_input_family():
    assert all(item.code.startswith("FP0") for item in INPUT_CODES)
    assert not any(rule.code.startswith("FP0") for rule in RULES)


def test_a_baseline_naming_a_code_finplan_does_not_report_is_refused(tmp_path):
    from conftest import SEED

    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"finplan_baseline": 1, "findings": [{"code": "FP999", "fingerprint": "x"}]}')
    run = run_finplan("check", "--baseline", baseline, SEED)
    assert run.exit_code == 2
    assert "FP999 is no code finplan reports" in run.output


def test_rule_documentation_is_found_in_any_case():
    run = run_finplan("rule", "fp502")
    assert run.exit_code == 0 and run.output.startswith("FP502 share-cap-rounding (warning)")
