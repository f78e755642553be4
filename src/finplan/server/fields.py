"""The plan format's keys and values at a place in a plan, read from the models themselves.

A place is a path from the top of the plan: keys (str) and steps into a
sequence's item (an int, whatever its index). What a key holds, its
description, the form its value is written in and the values an enum allows
all come from finplan.model, as `finplan schema` takes them: a field added to
the models is offered and described here with nothing more to write. Hover
and completion both read a key's documentation here (`key_documentation`),
translated when they answer.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, WithJsonSchema
from pydantic.fields import FieldInfo

from finplan.i18n import _
from finplan.model import Plan, PlanSettings
from finplan.profiles import all_settings


def _layers(annotation: Any) -> Iterator[Any]:
    """`annotation`, then each kind it wraps in turn: inside its constraints (Annotated) and inside `| None`."""
    while True:
        yield annotation
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            kinds = [kind for kind in get_args(annotation) if kind is not type(None)]
            if len(kinds) != 1:
                return
            annotation = kinds[0]
        else:
            return


def bare(annotation: Any) -> Any:
    """`annotation` without its constraints (Annotated) and without `| None`."""
    for annotation in _layers(annotation):  # noqa: B007 - the last layer is the bare kind
        pass
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
        if origin is dict:  # a mapping by year: its keys are ints too
            kind = get_args(kind)[1]
        elif isinstance(step, int):
            if origin is not list:
                return None
            kind = get_args(kind)[0]
        elif is_model(kind):
            field = keys_of(kind).get(step)
            if field is None:
                return None
            kind = field.annotation
        else:
            return None
    return bare(kind)


def _owned(path: tuple[str | int, ...]) -> tuple[Any, FieldInfo | None, str | None]:
    """The model that holds the last key of `path` (the key a value or an item belongs to), that key's field and
    the key; Nones where there is none."""
    keys = [index for index, step in enumerate(path) if isinstance(step, str)]
    if not keys:
        return None, None, None
    last = keys[-1]
    owner = kind_at(path[:last])
    field = keys_of(owner).get(path[last]) if is_model(owner) else None
    return owner, field, path[last]


def key_documentation(path: tuple[str | int, ...]) -> str | None:
    """The format's documentation of the last key of `path`, in the interface's language: its description, then
    the form its value is written in (an amount, a date), as `finplan schema` puts them; None for a key the format
    does not know. Translated here, when asked, so the server answers in its `--lang`."""
    owner, field, key = _owned(path)
    if field is None:
        return None
    own = _setting_description(key) if owner is PlanSettings else _(field.description or "")
    form = _form(field)
    parts = [own, _(form) if form and form != field.description else ""]
    return "\n\n".join(part for part in parts if part) or None


def _form(field: FieldInfo) -> str | None:
    """What the value's kind says of its form (its `markdownDescription` in finplan.model), if it says anything."""
    wrapped = (each for layer in _layers(field.annotation) if get_origin(layer) is Annotated for each in get_args(layer)[1:])
    for each in (*field.metadata, *wrapped):
        if isinstance(each, WithJsonSchema) and each.json_schema:
            return each.json_schema.get("markdownDescription")
    return None


def _setting_description(key: str) -> str:
    """A setting's meaning and source, as its field in finplan.model describes it, each translated."""
    setting = _settings()[key]
    meaning = _(setting.meaning)
    return f"{meaning[:1].upper()}{meaning[1:]} ({_(setting.source)})."


@cache
def _settings() -> dict:
    return {key: setting for key, _profile, setting in all_settings()}


def values_at(path: tuple[str | int, ...]) -> tuple[str, ...]:
    """The values the key at `path` allows: its own enum's, or its items' (a list of profiles)."""
    kind = kind_at(path)
    if get_origin(kind) is list:
        kind = bare(get_args(kind)[0])
    return choices(kind)


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
