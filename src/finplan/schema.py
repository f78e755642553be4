"""The plan format as a JSON Schema, made from the models, for editors and schema tools.

A plan can name it in its first line for the YAML language server:
`# yaml-language-server: $schema=finplan-plan.schema.json`.
"""

from __future__ import annotations

from typing import Any, get_args

from finplan import __version__
from finplan.model import FORMAT_VERSION, DocumentKind, Plan


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"finplan plan, format version {FORMAT_VERSION}",
        "description": f"{schema.pop('description', '')} Written by finplan {__version__}.".strip(),
        **{key: value for key, value in schema.items() if key != "title"},
        **_amounts_of_an_application(),
    }


def _amounts_of_an_application() -> dict[str, Any]:
    """An application (a plan whose `project.document` is left out or `application`) states its total and
    every financing amount; another document may leave them out, as the models allow."""
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
            "properties": {"total": stated, "financing": line, "outside_total": line},
        },
    }
