"""The plan format as a JSON Schema, made from the models, for editors and schema tools.

A plan can name it in its first line for the YAML language server:
`# yaml-language-server: $schema=finplan-plan.schema.json`.

Every key's description is its model field's (`Field(description=...)`), and
the form its value is written in (an amount, a date) follows it, from the
value's own schema in finplan.model: a field added to the models is described
here with nothing more to write. Titles are the models' names in words
("Financing line"); a key has none of its own, so that an editor's hover
shows what the key holds rather than its name again.
"""

from __future__ import annotations

import re
from typing import Any, get_args

from finplan import __version__
from finplan.model import FORMAT_VERSION, DocumentKind, Plan

SCHEMA_ID = f"https://finplan.invalid/schema/plan-{FORMAT_VERSION}.json"
"""Names the format version, not a place: `.invalid` never resolves, so no tool fetches it."""


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    for name, definition in schema.get("$defs", {}).items():
        definition["title"] = _words(name)
    _describe(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
        "title": f"Financing plan (finplan format {FORMAT_VERSION})",
        "description": f"{schema.get('description', '')} Written by finplan {__version__}.".strip(),
        **_amounts_of_an_application(),
    }


def _amounts_of_an_application() -> dict[str, Any]:
    """An application (a plan whose `project.document` is left out or `application`) states its total and
    every financing and cost amount; another document may leave them out, as the models allow."""
    others = [kind for kind in get_args(DocumentKind) if kind != "application"]
    stated = {"not": {"type": "null"}}
    line = {"items": {"required": ["amount"], "properties": {"amount": stated}}}
    return {
        "if": {
            "required": ["project"],
            "properties": {"project": {"required": ["document"], "properties": {"document": {"enum": others}}}},
        },
        "else": {
            "required": ["total"],
            "properties": {"total": stated, "financing": line, "outside_total": line, "costs": line},
        },
    }


def _words(name: str) -> str:
    """`FinancingLine` -> `Financing line`."""
    words = re.findall(r"[A-Z][a-z]*", name)
    return " ".join([words[0], *(word.lower() for word in words[1:])]) if words else name


def _describe(node: Any) -> None:
    """Every key below `node`: its own description, then its value's form, for hovers in both forms."""
    if isinstance(node, list):
        for item in node:
            _describe(item)
        return
    if not isinstance(node, dict):
        return
    for value in node.get("properties", {}).values():
        value.pop("title", None)  # Pydantic's, the key's name again
        own = value.get("description")
        form = _form_of(value)
        if own is None:
            continue  # left for the test that walks the schema to name
        text = f"{own} {form}" if form and form != own else own
        value["description"] = text
        value["markdownDescription"] = f"{own}\n\n{form}" if form and form != own else own
    for value in node.values():
        _describe(value)


def _form_of(schema: dict[str, Any]) -> str | None:
    """What a value kind says of its form (finplan.model's `markdownDescription`), where the key's value is one."""
    if "markdownDescription" in schema:
        return schema["markdownDescription"]
    kinds = [member for member in schema.get("anyOf", ()) if member.get("type") != "null"]
    if len(kinds) == 1 and "markdownDescription" in kinds[0]:
        return kinds[0]["markdownDescription"]
    return None
