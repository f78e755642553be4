"""`finplan schema` describes the plans finplan reads, as editors and schema tools see them."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from conftest import MINIMAL, PLANS, ROOT, run_finplan
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from finplan.loader import load_file, parse_text
from finplan.model import Amount, Currency, LineId, Percent, PlanDate, Quantity

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


# Each value type finplan reads, as its own validator and as the schema's.
_TYPES = {"amount": Amount, "quantity": Quantity, "percent": Percent, "id": LineId, "date": PlanDate, "currency": Currency}
_ALPHABETS = {
    "amount": "0123456789 _.,-\u2212\u00a0\u202f\tk",
    "quantity": "0123456789 _.,-\u00a0",
    "percent": "0123456789.,% \u00a0",
    "id": "aZ09_.:-åÖéαя ß×/",
    "date": "0123456789-/ ",
    "currency": "SEKUReuk1 ",
}


def _finplan_reads(kind: str, value) -> bool:
    try:
        TypeAdapter(_TYPES[kind]).validate_python(value)
        return True
    except ValidationError:
        return False


def _schema_reads(kind: str, value) -> bool:
    schema = TypeAdapter(_TYPES[kind]).json_schema()
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).is_valid(value)


def _texts(kind: str):
    return st.text(st.sampled_from(_ALPHABETS[kind]), max_size=24)


@pytest.mark.parametrize("kind", list(_TYPES))
@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_the_schema_and_finplan_accept_and_refuse_the_same_text(kind, data):
    value = data.draw(st.one_of(_texts(kind), st.from_regex(_regex_of(kind), fullmatch=True)))
    assert _schema_reads(kind, value) == _finplan_reads(kind, value), repr(value)


@given(st.integers(min_value=-(10**16), max_value=10**16))
def test_the_schema_and_finplan_bound_whole_amounts_alike(number):
    assert _schema_reads("amount", number) == _finplan_reads("amount", number)


def _regex_of(kind: str) -> str:
    """Values near the accepted forms, so that the generated text is not mostly refused."""
    return {
        "amount": r"[-]?[1-9][0-9]{0,2}( [0-9]{3}){0,5}(,[0-9]{1,3})?",
        "quantity": r"[0-9]{1,4}(\.[0-9]{1,3})?",
        "percent": r"[0-9]{1,3}(,[0-9]{1,2})? ?%",
        "id": r"[a-zåα0-9_.:-]{1,3}",
        "date": r"[0-9]{4}-[0-1][0-9]-[0-3][0-9]",
        "currency": r"[A-Z]{2,4}",
    }[kind]


def _keys(node, path=""):
    """Every key the schema describes, anywhere in it: (its path, its schema)."""
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            yield f"{path}.{key}", value
        for key, value in node.items():
            yield from _keys(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _keys(value, f"{path}[{index}]")


@pytest.fixture(scope="module")
def schema():
    run = run_finplan("schema")
    assert run.exit_code == 0
    return json.loads(run.output)


def test_every_key_has_a_description_for_editors_and_no_title_that_repeats_its_name(schema):
    keys = list(_keys(schema))
    assert len(keys) > 250  # the plan's keys and every setting's
    for path, key in keys:
        assert key.get("description", "").strip(), f"{path} has no description"
        assert key.get("markdownDescription", "").strip(), f"{path} has no markdownDescription"
        assert "title" not in key, f"{path} has a title, which a hover shows as a heading"


def test_the_parts_of_a_plan_have_titles_in_words(schema):
    titles = {name: definition["title"] for name, definition in schema["$defs"].items()}
    assert titles["FinancingLine"] == "Financing line" and titles["DeMinimis"] == "De minimis"
    for name, title in titles.items():
        assert re.fullmatch(r"[A-Z][a-z]+( [a-z]+)*", title), f"{name}: {title!r}"
        assert schema["$defs"][name].get("description", "").strip(), f"{name} has no description"


def _hover(schema, *path):
    """What the YAML language server shows over a key: a heading, then the key's description.

    Its hover (yaml-language-server 1.x, yamlHover.ts) heads with the key's title, else the title of
    the nearest part around it (`closestTitle`); titles of an anyOf's members are joined with "||".
    """
    node, around = schema, schema["title"]
    for key in path:
        node = next((m for m in node.get("anyOf", ()) if m.get("type") != "null"), node)
        node = node.get("items", node)
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
            around = node["title"]
        node = node["properties"][key]
    assert "anyOf" not in node or any(m.get("type") == "null" for m in node["anyOf"]), "titles would be joined"
    value = next((m for m in node.get("anyOf", ()) if "$ref" in m), node)
    if "$ref" in value:  # a part of the plan: the client meets its schema first
        part = schema["$defs"][value["$ref"].rsplit("/", 1)[1]]
        return f"#### {part['title']}", part["description"]
    return f"#### {node.get('title', around)}", node["markdownDescription"]


@pytest.mark.parametrize(
    "path, heading, starts",
    [
        (("total",), "Financing plan (finplan format 1)", "The project's total"),
        (("financing", "financier"), "Financing line", "Who pays (finansiär)"),
        (("financing", "amount"), "Financing line", "What the financier pays.\n\nAn amount in the plan's currency"),
        (("project", "period"), "Period", "A period (projektperiod), both days inclusive, at most 100 years long"),
        (("financing", "period", "end"), "Period", "The last day"),
        (("costs", "category"), "Cost line", "The cost category"),
    ],
)
def test_a_hover_reads_as_a_sentence_under_the_part_of_the_plan_it_is_in(schema, path, heading, starts):
    shown = _hover(schema, *path)
    assert shown[0] == f"#### {heading}" and shown[1].startswith(starts), shown
    assert "||" not in "".join(shown)


def test_the_schema_names_its_format_version_in_a_stable_id(schema):
    assert schema["$id"] == "https://finplan.invalid/schema/plan-1.json"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "https://finplan.invalid/schema/plan-1.json" in (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")


def test_no_name_from_the_code_shows_in_the_schema(schema):
    text = json.dumps(schema, ensure_ascii=False)
    assert not re.findall(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", text)  # MAX_PERIOD_YEARS and the like
    assert "judged_on" not in text
    assert "at most 100 years long" in schema["$defs"]["Period"]["description"]
