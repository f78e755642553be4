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

from finplan.codes.input import SHAPE
from finplan.findings import (
    Finding,
    Fix,
    Path,
    describe,
    file_order,
    format_path,
    shorten,
    some,
)
from finplan.i18n import N_, Message, Plural, join
from finplan.loader import Document
from finplan.model import FORMAT_VERSION, Plan


_EXPECTED = {
    "string_type": N_("text"),
    "int_type": N_("a whole number"),
    "bool_type": N_("true or false"),
    "dict_type": N_("a mapping of keys and values"),
    "model_type": N_("a mapping of keys and values"),
    "model_attributes_type": N_("a mapping of keys and values"),
    "list_type": N_("a list"),
}


# Errors finplan's own validators raise, whose messages are already in plain words.
_OWN_WORDS = frozenset({"amount", "percent", "quantity", "date", "id", "currency", "code", "limit", "split", "conditions"})


def build_plan(document: Document) -> tuple[Plan | None, list[Finding]]:
    """The plan, or None and a finding for each place its shape is wrong."""
    try:
        currency = document.data.get("currency", "SEK") if isinstance(document.data, dict) else "SEK"
        plan = Plan.model_validate(document.data, context={"currency": currency})
    except ValidationError as error:
        plan = None
        findings = []
        for detail in error.errors(include_url=False):
            problem = explain(detail, Plan)
            position = document.source.locate(problem.place, key=problem.on_key)
            findings.append(
                Finding(SHAPE.code, SHAPE.severity, problem.message, problem.path, position, fix=_doable(problem, document))
            )
    else:
        findings = []
    findings += [_amount_required(path, document) for path in _required_amounts(document.data)]
    return (None, sorted(findings, key=_in_model_order)) if findings else (plan, [])


_KEYS = {key: rank for rank, key in enumerate(Plan.model_fields)}


def _in_model_order(finding: Finding) -> tuple:
    """File order; at one place, the keys in the model's order, as Pydantic gives its own errors."""
    return (*file_order(finding), _KEYS.get(finding.path[0], len(_KEYS)) if finding.path else -1)


def _required_amounts(data: object) -> list[Path]:
    """The amounts an application leaves out: read from the data, so they are said beside any other shape error."""
    if not isinstance(data, dict):
        return []
    project = data.get("project")
    if isinstance(project, dict) and project.get("document", "application") != "application":
        return []
    paths: list[Path] = [] if data.get("total") is not None else [("total",)]
    for section in ("financing", "outside_total", "costs"):
        items = data.get(section)
        for index, item in enumerate(items if isinstance(items, list) else ()):
            if isinstance(item, dict) and item.get("amount") is None:
                paths.append((section, index, "amount"))
    return paths


def _amount_required(path: Path, document: Document) -> Finding:
    """An amount an application leaves out or leaves empty, in the words of any other required key or amount."""
    parent = _at(document.data, path[:-1])
    if path[-1] in parent:  # `amount:` with nothing after it
        from finplan.money import AmountError, parse_amount

        try:
            parse_amount(None)
        except AmountError as error:
            detail = {"type": "amount", "loc": path, "input": None, "ctx": {"message": error.message}}
    else:
        detail = {"type": "missing", "loc": path}
    problem = explain(detail, Plan)
    position = document.source.locate(problem.place)
    return Finding(SHAPE.code, SHAPE.severity, problem.message, problem.path, position, fix=problem.fix)


def _doable(problem: Problem, document: Document) -> Fix | None:
    """The problem's fix, unless it would not make the problem go: a key renamed to one its mapping already has."""
    fix = problem.fix
    if fix is not None and fix.kind == "replace" and problem.on_key:
        try:
            parent = _at(document.data, problem.path[:-1])
        except (KeyError, IndexError, TypeError):
            return None
        if not isinstance(parent, dict) or fix.texts[0] in parent:
            return None
    return fix


def _at(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


class Problem(NamedTuple):
    """One shape error in plain words: the message, its path, and where it stands in the file."""

    message: Message
    path: Path
    place: Path
    on_key: bool = False
    fix: Fix | None = None


def explain(detail: Any, root: type[BaseModel]) -> Problem:
    """A Pydantic error about data validated as `root`, in the words a plan's author reads."""
    loc: Path = tuple(detail["loc"])
    kind = detail["type"]
    found = describe(detail.get("input"))
    if kind == "missing":
        parent, key = loc[:-1], loc[-1]
        fix = Fix("add", _choices(_type_at(root, loc)), key=str(key))
        return Problem(Message("{where} lacks the required key `{key}`", where=_name(parent), key=key), loc, parent, fix=fix)
    if kind in ("extra_forbidden", "invalid_key"):  # invalid_key: a key that is not text, such as `1:`
        message, option = _unknown_key(loc, root)
        return Problem(message, loc, loc, on_key=True, fix=Fix("replace", (option,)) if option else None)
    if loc and loc[-1] == "[key]":
        key_loc = loc[:-1]
        key, path = describe(key_loc[-1]), format_path(key_loc[:-1])
        if kind in _OWN_WORDS:
            message = Message("the key {key} in `{path}`: {problem}", key=key, path=path, problem=_own_words(detail))
            return Problem(message, key_loc, key_loc, on_key=True)
        message = Message(
            "the key {key} in `{path}` is not a year; expected a year written as a number, such as 2020", key=key, path=path
        )
        return Problem(message, key_loc, key_loc, on_key=True)
    if kind == "repeated":  # an item of a list named again: at that item
        item = (*loc, detail["ctx"]["index"])
        return Problem(join([_name(item), _own_words(detail)], " "), item, item)
    where = _name(loc)
    value = detail.get("input")
    if loc == ("finplan",) and value == str(FORMAT_VERSION):
        message = Message(
            "{where} is {found}, text; write the version as a number: `finplan: {version}`",
            where=where, found=found, version=FORMAT_VERSION,
        )
        return Problem(message, loc, loc, fix=Fix("replace", (str(FORMAT_VERSION),)))
    if kind in ("string_type", "id") and isinstance(value, int | Decimal) and not isinstance(value, bool):
        # A number where text belongs: a case number, a name, an id written as digits.
        values = {"where": where, "found": found, "key": loc[-1], "value": shorten(value)}
        if kind == "id":
            message = Message('{where} is {found}, a number; an id is expected here: quote it, `{key}: "{value}"`', **values)
        else:
            message = Message('{where} is {found}, a number; text is expected here: quote it, `{key}: "{value}"`', **values)
        return Problem(message, loc, loc, fix=Fix("quote"))
    if len(loc) >= 2 and loc[-2] == "per_year" and value is None and isinstance(loc[-1], int) and not 1000 <= loc[-1] <= 9999:
        message = Message(
            "{where} is a year {year} with no amount: a comma inside `{{...}}` splits a value, so an amount such as "
            "66 666,{year} reads as 66 666 and a year {year}; write 66 666.{year}, or quote it",
            where=where, year=loc[-1],
        )
        return Problem(message, loc, loc)
    if kind == "literal_error":
        if loc == ("finplan",):
            message = Message(
                "{where} is {found}; this finplan reads plan format version {version}",
                where=where, found=found, version=FORMAT_VERSION,
            )
            return Problem(message, loc, loc)
        options = [str(option) for option in typing.get_args(_type_at(root, loc))]
        value = detail["input"]
        option = closest(value, options) if isinstance(value, str) else None
        hint = Message("; did you mean `{option}`?", option=option) if option else ""
        expected = _either(detail["ctx"]["expected"])
        return Problem(
            Message("{where} is {found}; expected {expected}{hint}", where=where, found=found, expected=expected, hint=hint),
            loc, loc, fix=Fix("replace", (option,)) if option else None,
        )
    if kind in _EXPECTED:
        expected = Message(_EXPECTED[kind])
        message = Message("{where} is {found}; expected {expected}", where=where, found=found, expected=expected)
        return Problem(message, loc, loc)
    ctx = detail.get("ctx", {})
    if kind == "greater_than":
        message = Message("{where} is {found}; expected more than {limit}", where=where, found=found, limit=ctx["gt"])
        return Problem(message, loc, loc)
    if kind == "greater_than_equal":
        message = Message("{where} is {found}; expected {limit} or more", where=where, found=found, limit=ctx["ge"])
        return Problem(message, loc, loc)
    if kind == "less_than_equal":
        message = Message("{where} is {found}; expected {limit} or less", where=where, found=found, limit=ctx["le"])
        return Problem(message, loc, loc)
    if kind == "too_short":
        if ctx.get("actual_length"):  # a list with too few items, such as a split with one payer
            message = Plural(
                "{where} has {n} item; expected at least {least}", "{where} has {n} items; expected at least {least}",
                n=ctx["actual_length"], where=where, least=ctx["min_length"],
            )
            return Problem(message, loc, loc)
        return Problem(Message("{where} is empty; expected at least one line", where=where), loc, loc)
    if kind == "string_too_short":
        return Problem(Message("{where} is empty; expected text", where=where), loc, loc)
    # Any other error: a finplan validator's own words, else Pydantic's.
    written = ctx.get("written")  # what the validator says to write instead, such as 85 000 for 85.000
    return Problem(
        Message("{where} is {found}; {problem}", where=where, found=found, problem=_own_words(detail)), loc, loc,
        fix=Fix("replace", (written,)) if isinstance(written, str) else None,
    )


def _unknown_key(loc: Path, root: type[BaseModel]) -> tuple[Message, str | None]:
    """The message for a key the models do not have, and the known key it is most likely a slip of."""
    known = list(_fields(_type_at(root, loc[:-1])))
    option = closest(str(loc[-1]), known)
    hint = Message("; did you mean `{option}`?", option=option) if option else Message(
        "; expected one of: {keys}", keys=some(known, 12)
    )
    if loc[:-1]:
        message = Message(
            "unknown key `{key}` in `{path}`{hint}", key=shorten(loc[-1]), path=format_path(loc[:-1]), hint=hint
        )
    else:
        message = Message("unknown key `{key}`{hint}", key=shorten(loc[-1]), hint=hint)
    return message, option


def _own_words(detail: Any) -> str:
    """The message a finplan validator gave (a Message, see finplan.model.validation_error), else Pydantic's."""
    message = detail.get("ctx", {}).get("message")
    return message if isinstance(message, Message) else detail["msg"]


def _either(expected: str) -> str:
    """Pydantic's list of a Literal's values, `'a', 'b' or 'c'`, with its "or" in the reader's language."""
    options, separator, last = expected.rpartition(" or ")
    return Message("{options} or {last}", options=options, last=last) if separator else expected


def _name(path: Path) -> str:
    return f"`{format_path(path)}`" if path else Message("the plan")


def closest(word: str, options: list[str]) -> str | None:
    """The option `word` is most likely a slip of, or None when none is close."""
    import difflib  # only a plan with a mistake needs it

    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return close[0] if close else None


# A required key with more choices than this is added with an empty value, for the author to fill.
_MAX_CHOICES = 8


def _choices(annotation: Any) -> tuple[str, ...]:
    """The values a required key may be added with: each of a few choices, else an empty one to fill."""
    if typing.get_origin(annotation) is typing.Literal and len(typing.get_args(annotation)) <= _MAX_CHOICES:
        return tuple(str(option) for option in typing.get_args(annotation))
    return ("",)


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
