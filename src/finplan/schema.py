"""The plan format as a JSON Schema, made from the models, for editors and schema tools.

A plan can name it in its first line for the YAML language server:
`# yaml-language-server: $schema=finplan-plan.schema.json`.
"""

from __future__ import annotations

from typing import Any

from finplan import __version__
from finplan.model import FORMAT_VERSION, Plan


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"finplan plan, format version {FORMAT_VERSION}",
        "description": f"{schema.pop('description', '')} Written by finplan {__version__}.".strip(),
        **{key: value for key, value in schema.items() if key != "title"},
    }
