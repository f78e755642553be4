"""Builds a Plan from loaded data, or says in plain words where its shape is wrong.

Pydantic's own wording ("Input should be a valid string") is written for
programmers; a project owner needs to read which key, at which line, holds
what, and what was expected instead.
"""

from __future__ import annotations

import types
import typing
from decimal import Decimal
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError

from finplan.codes import Code
from finplan.errors import INPUT_SOURCE
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

SHAPE = Code(
    "FP001", "shape", Severity.ERROR,
    "The plan does not have the format's shape.\n\n"
    "A key the format does not know (with a \"did you mean\" hint), a required key\n"
    "missing, a value of the wrong type, an amount or date that cannot be read\n"
    "exactly. No rule can run on such a plan, so the exit code is 2.",
    source=INPUT_SOURCE, fixed=True,
)

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "dict_type": "a mapping of keys and values",
    "model_type": "a mapping of keys and values",
    "model_attributes_type": "a mapping of keys and values",
    "list_type": "a list",
}


# Errors finplan's own validators raise, whose messages are already in plain words.
_OWN_WORDS = frozenset({"amount", "percent", "quantity", "date", "id", "currency", "code", "limit", "split"})


def build_plan(document: Document) -> tuple[Plan | None, list[Finding]]:
    """The plan, or None and a finding for each place its shape is wrong."""
    try:
        currency = document.data.get("currency", "SEK") if isinstance(document.data, dict) else "SEK"
        return Plan.model_validate(document.data, context={"currency": currency}), []
    except ValidationError as error:
        findings = []
        for detail in error.errors(include_url=False):
            problem = explain(detail, Plan)
            position = document.source.locate(problem.place, key=problem.on_key)
            findings.append(Finding(SHAPE.code, SHAPE.severity, problem.message, problem.path, position))
        return None, sorted(findings, key=file_order)


class Problem(NamedTuple):
    """One shape error in plain words: the message, its path, and where it stands in the file."""

    message: str
    path: Path
    place: Path
    on_key: bool = False


def explain(detail: Any, root: type[BaseModel]) -> Problem:
    """A Pydantic error about data validated as `root`, in the words a plan's author reads."""
    loc: Path = tuple(detail["loc"])
    kind = detail["type"]
    found = describe(detail.get("input"))
    if kind == "missing":
        parent, key = loc[:-1], loc[-1]
        return Problem(f"{_name(parent)} lacks the required key `{key}`", loc, parent)
    if kind == "extra_forbidden":
        known = list(_fields(_type_at(root, loc[:-1])))
        hint = did_you_mean(str(loc[-1]), known) or f"; expected one of: {some(known, 12)}"
        inside = f" in `{format_path(loc[:-1])}`" if loc[:-1] else ""
        return Problem(f"unknown key `{shorten(loc[-1])}`{inside}{hint}", loc, loc, on_key=True)
    if loc and loc[-1] == "[key]":
        key_loc = loc[:-1]
        where = f"the key {describe(key_loc[-1])} in `{format_path(key_loc[:-1])}`"
        if kind in _OWN_WORDS:
            return Problem(f"{where}: {detail['msg']}", key_loc, key_loc, on_key=True)
        return Problem(f"{where} is not a year; expected a year written as a number, such as 2020", key_loc, key_loc, on_key=True)
    if kind == "repeated":  # an item of a list named again: at that item
        item = (*loc, detail["ctx"]["index"])
        return Problem(f"{_name(item)} {detail['msg']}", item, item)
    where = _name(loc)
    value = detail.get("input")
    if loc == ("finplan",) and value == str(FORMAT_VERSION):
        return Problem(f"{where} is {found}, text; write the version as a number: `finplan: {FORMAT_VERSION}`", loc, loc)
    if kind in ("string_type", "id") and isinstance(value, int | Decimal) and not isinstance(value, bool):
        # A number where text belongs: a case number, a name, an id written as digits.
        what = "an id" if kind == "id" else "text"
        return Problem(
            f"{where} is {found}, a number; {what} is expected here: quote it, "
            f'`{loc[-1]}: "{shorten(value)}"`', loc, loc,
        )
    if len(loc) >= 2 and loc[-2] == "per_year" and value is None and isinstance(loc[-1], int) and not 1000 <= loc[-1] <= 9999:
        return Problem(
            f"{where} is a year {loc[-1]} with no amount: a comma inside `{{...}}` splits a value, so an amount "
            f"such as 66 666,{loc[-1]} reads as 66 666 and a year {loc[-1]}; write 66 666.{loc[-1]}, or quote it",
            loc, loc,
        )
    if kind == "literal_error":
        if loc == ("finplan",):
            return Problem(f"{where} is {found}; this finplan reads plan format version {FORMAT_VERSION}", loc, loc)
        options = [str(option) for option in typing.get_args(_type_at(root, loc))]
        value = detail["input"]
        hint = did_you_mean(value, options) if isinstance(value, str) else ""
        return Problem(f"{where} is {found}; expected {detail['ctx']['expected']}{hint}", loc, loc)
    if kind in _EXPECTED:
        return Problem(f"{where} is {found}; expected {_EXPECTED[kind]}", loc, loc)
    if kind == "greater_than":
        return Problem(f"{where} is {found}; expected more than {detail['ctx']['gt']}", loc, loc)
    if kind == "too_short":
        return Problem(f"{where} is empty; expected at least one line", loc, loc)
    if kind == "string_too_short":
        return Problem(f"{where} is empty; expected text", loc, loc)
    return Problem(f"{where} is {found}; {detail['msg']}", loc, loc)


def _name(path: Path) -> str:
    return f"`{format_path(path)}`" if path else "the plan"


def did_you_mean(word: str, options: list[str]) -> str:
    """`; did you mean `x`?` for the option closest to `word`, or nothing when none is close."""
    import difflib  # only a plan with a mistake needs it

    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


def _type_at(root: Any, loc: Path) -> Any:
    """The type the models give the value at `loc` (a model, a Literal...), found by walking their fields."""
    model: Any = root
    for part in loc:
        fields = _fields(model)
        if isinstance(part, int):
            model = _unwrap(model, item=True)
        elif part in fields:
            model = _unwrap(fields[part].annotation, item=False)
        else:
            return None
    return model


def _fields(model: Any) -> dict[str, Any]:
    """A model's fields by the key a plan writes (the alias where there is one)."""
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return {}
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _unwrap(annotation: Any, *, item: bool) -> Any:
    """Strips Optional and Annotated, and with `item` also the list or mapping around a type."""
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
