"""JSON text as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, written in pieces.

An iterator in the value (a generator where a list would be) is a list whose
items are made as they are written: a document of ten thousand plans is then
never held whole, neither as objects nor as text. The text is byte for byte
what `json.dumps` gives for the same value with lists in place of iterators,
and goes out in writes of about a megabyte, not one per value (a million small
writes cost a large report a third of its time).
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any, TextIO

_STEP = "  "
_NOTHING = object()
_PIECES = 1 << 16
"""Pieces gathered before a write: about a megabyte of text."""


def write_json(value: Any, out: TextIO) -> None:
    pieces: list[str] = []
    _value(value, "\n", pieces, out)
    out.write("".join(pieces))


def _value(value: Any, indent: str, pieces: list[str], out: TextIO) -> None:
    if isinstance(value, str):
        pieces.append(encode_basestring(value))
    elif value is None or value is True or value is False or isinstance(value, (int, float)):
        pieces.append(json.dumps(value))
    elif isinstance(value, dict):
        _object(value, indent, pieces, out)
    else:
        _array(iter(value), indent, pieces, out)


def _object(value: dict, indent: str, pieces: list[str], out: TextIO) -> None:
    if not value:
        pieces.append("{}")
        return
    inner = indent + _STEP
    separator = "{" + inner
    for key, item in value.items():
        # json.dumps's own keys: text as it is, a number or true, false, null as their JSON text.
        pieces.append(separator + encode_basestring(key if isinstance(key, str) else json.dumps(key)) + ": ")
        _value(item, inner, pieces, out)
        separator = "," + inner
    pieces.append(indent + "}")


def _array(items, indent: str, pieces: list[str], out: TextIO) -> None:
    first = next(items, _NOTHING)
    if first is _NOTHING:
        pieces.append("[]")
        return
    inner = indent + _STEP
    pieces.append("[" + inner)
    _value(first, inner, pieces, out)
    for item in items:
        pieces.append("," + inner)
        _value(item, inner, pieces, out)
        if len(pieces) > _PIECES:
            out.write("".join(pieces))
            pieces.clear()
    pieces.append(indent + "]")
