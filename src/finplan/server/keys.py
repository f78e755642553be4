"""The format's schema of a key anywhere in a plan, as `finplan schema` gives it: its documentation and values.

`finplan schema` is made from the models once per process, on first use, and
walked from its root along a plan's path: a mapping's properties, a list's
items, a mapping by year's values, through `$ref`, `anyOf`, `oneOf` and `allOf`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any


@cache
def _plan_schema() -> dict[str, Any]:
    from finplan.schema import plan_schema

    return plan_schema()


def key_schema(path: Sequence[str | int]) -> dict[str, Any] | None:
    """The schema of the value at `path` in a plan, as `finplan schema` gives it; None where it has none."""
    root = _plan_schema()
    definitions = root.get("$defs", {})
    node: dict[str, Any] | None = root
    for part in path:
        node = _step(node, part, definitions)
        if node is None:
            return None
    return node


def _step(node: dict[str, Any], part: str | int, definitions: dict[str, Any]) -> dict[str, Any] | None:
    for option in _options(node, definitions):
        if isinstance(part, int) and isinstance(option.get("items"), dict):
            return option["items"]
        properties = option.get("properties", {})
        if part in properties:
            return properties[part]
        if isinstance(option.get("additionalProperties"), dict):
            return option["additionalProperties"]
    return None


def _options(node: dict[str, Any], definitions: dict[str, Any]) -> list[dict[str, Any]]:
    """The node and every schema it stands for: its `$ref`, and each of its `anyOf`, `oneOf` and `allOf`."""
    found, waiting = [], [node]
    while waiting:
        each = waiting.pop(0)
        if any(each is seen for seen in found):  # a model that holds itself refers back to its own definition
            continue
        found.append(each)
        reference = each.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/$defs/"):
            target = definitions.get(reference.removeprefix("#/$defs/"))
            if target is not None:
                waiting.append(target)
        for key in ("anyOf", "oneOf", "allOf"):
            waiting.extend(each.get(key, ()))
    return found


def allowed_values(node: dict[str, Any]) -> list:
    """The values an enumeration allows: the key's own, or its items' (a list of profiles)."""
    definitions = _plan_schema().get("$defs", {})
    for option in _options(node, definitions):
        if "enum" in option:
            return list(option["enum"])
        items = option.get("items")
        if isinstance(items, dict):
            for inner in _options(items, definitions):
                if "enum" in inner:
                    return list(inner["enum"])
    return []
