"""`finplan schema` describes the plans finplan reads, as editors and schema tools see them."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import MINIMAL, PLANS, ROOT, run_finplan

from finplan.loader import load_file, parse_text

PLANS_THAT_READ = sorted((ROOT / "budgets").glob("*.yaml")) + sorted((PLANS / "valid").glob("*.yaml"))


def as_json(value):
    """Loaded YAML as a JSON reader would see it: keys as text, numbers as numbers."""
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


@pytest.fixture(scope="module")
def validator():
    run = run_finplan("schema")
    assert run.exit_code == 0
    schema = json.loads(run.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("plan", PLANS_THAT_READ, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_plan_finplan_reads_is_valid_against_the_schema(validator, plan):
    validator.validate(as_json(load_file(plan).data))


@pytest.mark.parametrize(
    "change",
    [
        ("total: 1000", "totl: 1000"),
        ("sector: public", "sector: publik"),
        ("amount: 600", "amount: 2 65 8128"),
        ("amount: 600", "amount: 1:30"),
        ("start: 2020-01-01", "start: 1/1/2020"),
        ("finplan: 1", "finplan: 2"),
    ],
)
def test_shapes_finplan_refuses_are_refused_by_the_schema_too(validator, change):
    data = as_json(parse_text(MINIMAL.replace(*change)).data)
    assert list(validator.iter_errors(data))


@pytest.mark.parametrize("amount", ["600", "'600'", "599.99", "'1 000,50'", "1_000", "1 000", "600.5", "-600"])
def test_amounts_in_every_form_finplan_reads_pass_the_schema(validator, amount):
    data = as_json(parse_text(MINIMAL.replace("amount: 600", f"amount: {amount}")).data)
    assert not list(validator.iter_errors(data))


@pytest.mark.parametrize("amount", ["6_00", "'06'", "1 0000", "600 kr", "true"])
def test_amounts_finplan_refuses_fail_the_schema(validator, amount):
    data = as_json(parse_text(MINIMAL.replace("amount: 600", f"amount: {amount}")).data)
    assert list(validator.iter_errors(data))
