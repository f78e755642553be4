"""Completion: the keys, enum values, profile names and settings the format allows where the cursor stands.

The place comes from the text around the cursor (finplan.server.context), so
a plan half typed completes though it does not load; what may stand there
comes from the models (finplan.server.fields) and the profiles' registry.
Each item carries its documentation: a key's as hover shows it (its Field
description and its value's form, from finplan.server.fields), a profile's
title, a setting's meaning with its value in force and its source, all in
the interface's language where the catalog translates them.
"""

from __future__ import annotations

import logging
from typing import Any

from lsprotocol import types

from finplan.documentation import default_text
from finplan.i18n import _
from finplan.model import PlanSettings
from finplan.profiles import PROFILES, ProfileName, SchemeName, Settings, all_settings
from finplan.server.context import Context, context_at
from finplan.server.fields import bare, choices, is_model, key_documentation, keys_of, kind_at
from finplan.server.state import OpenPlan

log = logging.getLogger(__name__)

TRIGGERS = [":", " "]
"""Typing these asks for completion: a key's colon (its values), a space after it, a dash or a comma."""

_AFTER = (":", "-", ",", "{", "[")
"""What a typed space completes after: a key's colon, an item's dash, a flow collection's separator."""


def completions(plan: OpenPlan, line: int, character: int, trigger: str | None = None) -> list[types.CompletionItem] | None:
    """What may be written at (line, character), counted from 0 in characters; None where nothing may.

    `trigger` is the character whose typing asked: a space asks only after a
    colon, a dash or a flow separator, not for every space of indentation.
    """
    if plan.result is None:
        return None
    place = context_at(plan.lines, line, character)
    if place is None or (trigger == " " and plan.lines[line][:character].rstrip(" ")[-1:] not in _AFTER):
        return None
    kind = kind_at(place.path)
    if place.at in ("key", "item") and is_model(kind):
        if kind is PlanSettings:
            return _settings(plan, place)
        return _keys(kind, place)
    if place.at in ("value", "item"):
        return _values(kind, place)
    return None


def _edit(place: Context, text: str) -> types.TextEdit:
    span = types.Range(types.Position(place.line, place.start), types.Position(place.line, place.end))
    return types.TextEdit(range=span, new_text=text)


def _markdown(text: str) -> types.MarkupContent:
    return types.MarkupContent(kind=types.MarkupKind.Markdown, value=text)


def _key_item(place: Context, key: str, order: str, documentation: str, detail: str | None = None) -> types.CompletionItem:
    return types.CompletionItem(
        label=key,
        kind=types.CompletionItemKind.Property,
        detail=detail,
        documentation=_markdown(documentation),
        sort_text=order,
        filter_text=key,
        text_edit=_edit(place, key if place.colon else f"{key}: "),
    )


def _keys(model: Any, place: Context) -> list[types.CompletionItem]:
    """The model's keys not yet written in the mapping, in the model's order, each with its description."""
    return [
        _key_item(place, key, f"{order:03d}", key_documentation((*place.path, key)) or "",
                  " | ".join(choices(bare(field.annotation))) or None)
        for order, (key, field) in enumerate(keys_of(model).items())
        if key not in place.present
    ]


def _settings(plan: OpenPlan, place: Context) -> list[types.CompletionItem]:
    """Every setting not yet overridden: its meaning, its value in force for this plan (or its default,
    for a profile the plan does not name) and its source. The plan's own profiles' come first."""
    settings = plan.result.settings if plan.result is not None else None
    used = {each.key: each for each in settings.used()} if isinstance(settings, Settings) else {}
    items = []
    for order, (key, _profile, setting) in enumerate(all_settings()):
        if key in place.present:
            continue
        meaning = _(setting.meaning)
        in_force = used.get(key)
        if in_force is not None:
            value, source = f"{_('In force')}: {default_text(in_force.setting)}", _(in_force.setting.source)
        else:
            value, source = f"{_('Default')}: {default_text(setting)}", _(setting.source)
        documentation = f"{meaning[:1].upper()}{meaning[1:]}.\n\n{value}\n\n{_('Source')}: {source}"
        items.append(_key_item(place, key, f"{0 if in_force else 1}{order:04d}", documentation, setting.kind))
    return items


def _values(kind: Any, place: Context) -> list[types.CompletionItem] | None:
    """An enum's values not yet written (a profile once in `profiles:`), each with what it is."""
    allowed = choices(kind)
    if not allowed:
        return None
    described = key_documentation(place.path) or ""
    items = []
    for order, value in enumerate(allowed):
        if value in place.present:
            continue
        if kind == ProfileName:
            documentation = _profile_text(value)
        elif kind == SchemeName:
            documentation = "\n\n".join(_profile_text(name) for name, p in PROFILES.items() if value in p.schemes)
        else:
            documentation = described
        word = _(value)
        items.append(types.CompletionItem(
            label=value,
            kind=types.CompletionItemKind.EnumMember,
            detail=word if word != value else None,
            documentation=_markdown(documentation) if documentation else None,
            sort_text=f"{order:03d}",
            filter_text=value,
            text_edit=_edit(place, f" {value}" if place.space else value),
        ))
    return items


def _profile_text(name: str) -> str:
    profile = PROFILES[name]
    return f"`{name}`: {_(profile.title)} ({', '.join(profile.schemes)})"


def register(server) -> None:
    """Answers the editor's completion requests, positions turned between its units and characters."""

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=TRIGGERS))
    def complete(ls, params: types.CompletionParams) -> types.CompletionList | None:
        units = ls.workspace.get_text_document(params.text_document.uri).position_codec
        trigger = params.context.trigger_character if params.context is not None else None
        try:
            plan = ls.plan(params.text_document.uri)
            position = plan.server_position(params.position, units)
            items = completions(plan, position.line, position.character, trigger)
        except Exception:  # finplan's own failure on some text: no completion, and the server goes on
            log.exception("completion failed at %s:%s", params.text_document.uri, params.position)
            return None
        if items is None:
            return None
        for item in items:
            item.text_edit.range = plan.client_range(item.text_edit.range, units)
        return types.CompletionList(is_incomplete=False, items=items)
