"""One table of codes: every code declared once, in its family's module, and every rule checking one of them."""

from __future__ import annotations

import ast
import pkgutil
from dataclasses import fields

import pytest
from conftest import ROOT, run_finplan

import finplan.codes
import finplan.rules
from finplan.codes import CATALOGUE, CODES, FAMILIES, FAMILY_MODULES, Code
from finplan.rules import FAMILY_MODULES as RULE_MODULES
from finplan.rules import RULES

SOURCE = ROOT / "src" / "finplan"

# The rules package's modules that hold no rule: what a rule is, how rules run.
HELPERS = {"base", "bounds", "engine"}

# Families whose findings no rule makes: the loader, the shape check, inline ignores and
# discovery (FP0), the memo check (FP7) and the portfolio (FP8) report them themselves.
NOT_RULES = {"0", "7", "8"}


def _declared(code: Code) -> dict:
    return {item.name: getattr(code, item.name) for item in fields(Code)}


def test_every_module_of_the_codes_package_is_a_family_or_what_a_code_is():
    modules = {info.name for info in pkgutil.iter_modules(finplan.codes.__path__)}
    families = {module.__name__.rsplit(".", 1)[1] for module in FAMILY_MODULES}
    assert modules == families | {"base"}


def test_a_family_module_declares_the_codes_of_one_family():
    for module in FAMILY_MODULES:
        digits = {value.code[2] for value in vars(module).values() if isinstance(value, Code)}
        assert len(digits) == 1, module.__name__


def test_input_codes_are_numbered_in_the_input_family():
    from finplan.codes import input

    assert {value.code[:3] for value in vars(input).values() if isinstance(value, Code)} == {"FP0"}
    assert not any(rule.code.startswith("FP0") for rule in RULES)


def test_no_code_is_declared_outside_the_table():
    """A `Code(...)` anywhere else would be a second place to declare one; a `Rule` is made only by `rule`."""
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        where = path.relative_to(SOURCE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                called = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if (called == "Code" and not where.startswith("codes/")) or (called == "Rule" and where != "rules/base.py"):
                    found.append(f"{where}:{node.lineno} {called}(...)")
    assert not found


def test_every_code_a_module_holds_is_the_tables():
    """What the scan above cannot see (a `Code` under another name, a copy) is still not the table's object."""
    import importlib

    from finplan.rules.base import Rule

    table = {id(item) for item in CODES}
    stray = []
    for info in pkgutil.walk_packages(finplan.__path__, "finplan."):
        if info.name == "finplan.__main__":  # runs the command line
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, Code) and not isinstance(value, Rule) and id(value) not in table:
                stray.append(f"{info.name}.{name}")
    assert not stray


def test_no_two_codes_share_a_number_or_a_name():
    numbers = [item.code for item in CODES]
    names = [item.name for item in CODES]
    assert len(numbers) == len(set(numbers))
    assert len(names) == len(set(names))
    assert list(CATALOGUE) == sorted(numbers)


def test_every_rule_checks_a_code_of_the_table_as_the_table_declares_it():
    for rule in RULES:
        assert rule.code in CATALOGUE, rule.code
        assert _declared(rule) == _declared(CATALOGUE[rule.code]), rule.code


def test_every_code_of_a_rule_family_has_its_rule():
    ruled = [item.code for item in CODES if item.code[2] not in NOT_RULES]
    assert [rule.code for rule in RULES] == ruled


def test_a_rules_documentation_is_the_tables_alone():
    """A docstring on a check function would be a second text, read by nobody who runs `finplan rule`."""
    assert [rule.code for rule in RULES if rule.check.__doc__] == []


def test_every_module_of_the_rules_package_is_a_family_or_a_helper():
    modules = {info.name for info in pkgutil.iter_modules(finplan.rules.__path__)}
    families = {module.__name__.rsplit(".", 1)[1] for module in RULE_MODULES}
    assert modules == families | HELPERS


def test_every_rule_a_family_defines_is_registered():
    from finplan.rules.base import Rule

    defined = {value for module in RULE_MODULES for value in vars(module).values() if isinstance(value, Rule)}
    assert defined == set(RULES)


@pytest.mark.parametrize("code", list(CATALOGUE))
def test_every_code_is_documented_in_its_family(code):
    item = CATALOGUE[code]
    assert item.code[2] in FAMILIES
    assert item.name and item.name == item.name.lower() and " " not in item.name
    assert item.summary.endswith(".")
    # Each paragraph is one message of the catalog: no stray blank line or indentation makes another.
    assert item.doc == "\n\n".join(item.paragraphs), code
    assert all(line == line.strip() for line in item.doc.split("\n")), code
    if item.code[2] not in NOT_RULES:
        assert "Why:" in item.doc and "Fails" in item.doc and "Passes" in item.doc, code
        assert item.source, code


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
