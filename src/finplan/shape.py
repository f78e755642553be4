"""Builds a Plan from loaded data, or says in plain words where its shape is wrong.

Pydantic's own wording ("Input should be a valid string") is written for
programmers; a project owner needs to read which key, at which line, holds
what, and what was expected instead.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from finplan.findings import (
    Finding,
    Path,
    Severity,
    describe,
    file_order,
    format_path,
    shorten,
    some,
)
from finplan.loader import Document
from finplan.model import FORMAT_VERSION, Plan

SHAPE_CODE = "FP001"
"""The code of every finding about a plan's shape (keys, types, values)."""

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "dict_type": "a mapping of keys and values",
    "model_type": "a mapping of keys and values",
    "model_attributes_type": "a mapping of keys and values",
    "list_type": "a list",
}


def build_plan(document: Document) -> tuple[Plan | None, list[Finding]]:
    """The plan, or None and a finding for each place its shape is wrong."""
    try:
        return Plan.model_validate(document.data), []
    except ValidationError as error:
        findings = [_finding(document, detail) for detail in error.errors(include_url=False)]
        return None, sorted(findings, key=file_order)


def _finding(document: Document, detail: Any) -> Finding:
    loc: Path = tuple(detail["loc"])
    kind = detail["type"]
    found = describe(detail.get("input"))
    if kind == "missing":
        parent, key = loc[:-1], loc[-1]
        return _at(document, parent, loc, f"{_name(parent)} lacks the required key `{key}`")
    if kind == "extra_forbidden":
        known = _known_keys(loc[:-1])
        hint = _did_you_mean(str(loc[-1]), known) or f"; expected one of: {some(known, 8)}"
        return _at(document, loc, loc, f"unknown key `{shorten(loc[-1])}`{hint}", key=True)
    if loc and loc[-1] == "[key]":
        key_loc = loc[:-1]
        return _at(
            document, key_loc, key_loc,
            f"the key {describe(key_loc[-1])} in `{format_path(key_loc[:-1])}` "
            "is not a year; expected a year written as a number, such as 2020",
            key=True,
        )
    where = _name(loc)
    if kind == "literal_error":
        if loc == ("finplan",):
            return _at(
                document, loc, loc,
                f"{where} is {found}; this finplan reads plan format version {FORMAT_VERSION}",
            )
        expected = detail["ctx"]["expected"]
        hint = _did_you_mean(detail["input"], _literal_options(expected)) if isinstance(detail["input"], str) else ""
        return _at(document, loc, loc, f"{where} is {found}; expected {expected}{hint}")
    if kind in _EXPECTED:
        return _at(document, loc, loc, f"{where} is {found}; expected {_EXPECTED[kind]}")
    if kind == "too_short":
        return _at(document, loc, loc, f"{where} is empty; expected at least one line")
    if kind == "string_too_short":
        return _at(document, loc, loc, f"{where} is empty; expected text")
    return _at(document, loc, loc, f"{where} is {found}; {detail['msg']}")


def _name(path: Path) -> str:
    return f"`{format_path(path)}`" if path else "the plan"


def _at(document: Document, place: Path, path: Path, message: str, *, key: bool = False) -> Finding:
    position = document.source.locate(place, key=key)
    return Finding(SHAPE_CODE, Severity.ERROR, message, path, position)


def _did_you_mean(word: str, options: list[str]) -> str:
    import difflib  # only a plan with a mistake needs it

    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


def _literal_options(expected: str) -> list[str]:
    return [part.strip(" '") for part in expected.replace(" or ", ",").split(",") if part.strip(" '")]


def _known_keys(loc: Path) -> list[str]:
    """The keys the format allows at `loc`, found by walking the models' fields."""
    model: Any = Plan
    for part in loc:
        fields = _fields(model)
        if isinstance(part, int):
            model = _unwrap(model, item=True)
        elif part in fields:
            model = _unwrap(fields[part].annotation, item=False)
        else:
            return []
    return list(_fields(model))


def _fields(model: Any) -> dict[str, Any]:
    """A model's fields by the key a plan writes (the alias where there is one)."""
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return {}
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _unwrap(annotation: Any, *, item: bool) -> Any:
    """Strips Optional and Annotated, and with `item` also the list around a type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        elif item and origin is list:
            annotation = typing.get_args(annotation)[0]
            item = False
        else:
            return annotation
