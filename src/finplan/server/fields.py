"""The plan format's keys and values at a place in a plan, read from the models themselves.

A place is a path from the top of the plan: keys (str) and steps into a
sequence's item (an int, whatever its index). What a key holds, its
description and the values an enum allows all come from finplan.model, as
`finplan schema` takes them: a field added to the models is offered and
described here with nothing more to write.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from finplan.model import Plan


def bare(annotation: Any) -> Any:
    """`annotation` without its constraints (Annotated) and without `| None`."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            kinds = [kind for kind in get_args(annotation) if kind is not type(None)]
            if len(kinds) != 1:
                return annotation
            annotation = kinds[0]
        else:
            return annotation


def keys_of(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """A model's keys as a plan writes them (a setting's with its dot), in the model's order."""
    return {field.alias or name: field for name, field in model.model_fields.items()}


def is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def kind_at(path: tuple[str | int, ...]) -> Any:
    """What the format holds at `path` (a model, a list, an enum, a scalar's type); None for a place it does not know."""
    kind: Any = Plan
    for step in path:
        kind = bare(kind)
        origin = get_origin(kind)
        if isinstance(step, int):
            if origin is not list:
                return None
            kind = get_args(kind)[0]
        elif origin is dict:
            kind = get_args(kind)[1]
        elif is_model(kind):
            field = keys_of(kind).get(step)
            if field is None:
                return None
            kind = field.annotation
        else:
            return None
    return bare(kind)


def field_at(path: tuple[str | int, ...]) -> FieldInfo | None:
    """The model field of the last key of `path` (the key a value or an item belongs to)."""
    keys = [index for index, step in enumerate(path) if isinstance(step, str)]
    if not keys:
        return None
    last = keys[-1]
    owner = kind_at(path[:last])
    return keys_of(owner).get(path[last]) if is_model(owner) else None


def choices(kind: Any) -> tuple[str, ...]:
    """The values an enum allows, as YAML writes them (`true`, `1`); none for a kind that is no enum."""
    if kind is bool:
        return ("true", "false")
    if get_origin(kind) is Literal:
        return tuple(_yaml(value) for value in get_args(kind))
    return ()


def _yaml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
