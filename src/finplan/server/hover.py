"""Hovers: what finplan already says of the place under the cursor.

- a financing line: its kind, status, amount and share as the report's
  financing table prints them, and each cap or floor that measures it, as the
  report's table of caps prints it (finplan.limits measures them, once);
- a key: the format's documentation of it, as `finplan schema` gives it, with
  the values an enumeration allows (finplan.server.fields, which completion
  reads too), in the server's language;
- a profile named in `profiles:`: its caps and floors and its numbers in force on
  the plan's date, as `finplan rules --at DATE` shows them;
- a code in an ignore comment: the rule's summary, and a link to its documentation.

Markdown where the editor shows it, else plain text with the same words.
Positions count characters from 0; the caller turns them into the editor's units.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

from lsprotocol import types

from finplan.i18n import N_, _
from finplan.server.diagnostics import rule_link
from finplan.server.fields import key_documentation, values_at
from finplan.server.state import OpenPlan
from finplan.server.where import Place, place_at

log = logging.getLogger(__name__)

ALLOWED = N_("Allowed values: {values}")


def hover(
    plan: OpenPlan, line: int, character: int, *, markdown: bool = True, rules_url: str | None = None
) -> types.Hover | None:
    """What to show for (line, character) of an open plan; None where finplan has nothing to say of it,
    or the text is no plan or does not load."""
    if plan.result is None or not 0 <= line < len(plan.lines):
        return None
    said = _ignored_code(plan.text, plan.lines[line], line, character, rules_url, markdown)
    if said is not None:
        return said
    document = plan.document
    if document is None:
        return None
    place = place_at(document.source, plan.lines, line, character)
    if place is None:
        return None
    text = _said_of(plan, document.data, place, markdown)
    if not text:
        return None
    return _answer(text, markdown, place.start, place.end)


def _said_of(plan: OpenPlan, data: Any, place: Place, markdown: bool) -> str | None:
    path = place.path
    if not place.on_key:
        if len(path) == 2 and path[0] == "profiles":
            return profile_text(_value(data, path), plan, markdown)
        if len(path) >= 2 and path[0] == "financing" and isinstance(path[1], int):
            said = line_text(plan, path[1], markdown)
            if said is not None:
                return said
    # On a key, or a value finplan says nothing more of: what the format says of its key; on a list's item
    # or a year's entry (`per_year: {2020: ...}`), what it says of the list or the mapping by year.
    keyed = path if isinstance(path[-1], str) else path[:-1]
    return key_text(tuple(keyed), markdown) if keyed else None


def _answer(text: str, markdown: bool, start, end) -> types.Hover:
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    span = types.Range(types.Position(*start), types.Position(*end)) if start is not None else None
    return types.Hover(contents=types.MarkupContent(kind=kind, value=text), range=span)


def line_text(plan: OpenPlan, index: int, markdown: bool) -> str | None:
    """A financing line: its id and financier, kind, status, amount, share and scheme, and every cap or
    floor that measures it, with its margin; None where the plan was not built (its shape is wrong)."""
    from finplan.limits import measure_limits
    from finplan.report.check.markdown import CAP_COLUMNS, cap_cells
    from finplan.report.check.text import LINE_COLUMNS, line_cells

    built = plan.result.plan if plan.result is not None else None
    if built is None or index >= len(built.financing):
        return None
    line = built.financing[index]
    labels = [N_("Id"), N_("Financier"), *LINE_COLUMNS]
    values = [line.id, line.financier, *line_cells(line, built)]
    if line.scheme:
        labels.append(N_("Scheme"))
        values.append(line.scheme)
    parts = [_pairs(labels, values, markdown)]
    caps = [cap_cells(m, built) for m in measure_limits(built, plan.result.settings) if _measures(m, index)]
    if caps:
        parts.append(_table(_("Caps and floors"), CAP_COLUMNS, caps, markdown, right=(2, 3, 4, 5)))
    return "\n\n".join(parts)


def _measures(measure, index: int) -> bool:
    return any(number == index for number, _line in measure.lines)


def key_text(path: tuple[str | int, ...], markdown: bool) -> str | None:
    """A key's documentation as `finplan schema` gives it, with the values it allows; None for a key the
    format does not know."""
    described = key_documentation(path)
    if described is None:
        return None
    allowed = values_at(path)
    name = str(path[-1])
    parts = [f"**{name}**" if markdown else name, described]
    if allowed:
        shown = ", ".join(f"`{value}`" if markdown else str(value) for value in allowed)
        parts.append(_(ALLOWED).format(values=shown))
    return "\n\n".join(parts)


def profile_text(name: Any, plan: OpenPlan, markdown: bool) -> str | None:
    """A profile: its title, caps and floors, and its settings in force on the plan's date, with their
    sources, as `finplan rules --at DATE` shows them; None for a name that is no profile."""
    from finplan.documentation import (
        PROFILE_COLUMNS, default_text, profile_cells, setting_cells, setting_columns, settings_title,
    )
    from finplan.report.numbers import SET_BY
    from finplan.profiles import PROFILES, setting_key

    profile = PROFILES.get(name) if isinstance(name, str) else None
    if profile is None:
        return None
    settings = plan.result.settings if plan.result is not None else None
    day = settings.on if settings is not None else None  # a plan not built: the defaults, as `finplan rules`
    # A number the plan's `settings:` or the configuration sets is the one the check measures by: shown as the
    # check's table of numbers shows it, with who set it.
    overridden = {used.key: used for used in settings.used() if used.origin} if settings is not None else {}
    rows = []
    for setting in profile.settings:
        key, value, meaning, source = setting_cells(setting_key(profile, setting), setting, day)
        used = overridden.get(key)
        if used is not None:
            value = f"{default_text(setting, used.value)} {_(SET_BY.get(used.origin, used.origin))}"
        rows.append((key, value, meaning, source))
    return "\n\n".join([
        _pairs(PROFILE_COLUMNS, profile_cells(profile), markdown),
        _table(settings_title(day), setting_columns(day), rows, markdown),
    ])


def _ignored_code(
    text: str, line_text: str, line: int, character: int, rules_url: str | None, markdown: bool
) -> types.Hover | None:
    """The rule whose code the cursor is on, in an ignore comment (`# finplan: ignore[FP101]`)."""
    from finplan.codes import CATALOGUE
    from finplan.suppress import comment_codes, ignore_comments

    found = comment_codes(line_text.rstrip("\r"))
    if found is None or character < found[0]:
        return None
    for code, start in found[1]:
        end = start + len(code)
        if start <= character <= end and line + 1 in ignore_comments(text):  # not `#` inside a quoted value
            item = CATALOGUE.get(code)
            if item is None:
                return None
            head = f"{item.code} {item.name}"
            link = rule_link(item, rules_url)
            if markdown:
                text = f"**[{head}]({link})**" if link else f"**{head}**"
                said = f"{text}\n\n{item.summary}"
            else:
                said = f"{head}\n\n{item.summary}" + (f"\n\n{link}" if link else "")
            return _answer(said, markdown, (line, start), (line, end))
    return None


def _pairs(labels: Sequence[str], values: Sequence[str], markdown: bool) -> str:
    """`Label: value` lines; `labels` are English names marked for the catalog, shown translated."""
    if markdown:
        from finplan.report.markdown_parts import cell

        return "  \n".join(f"**{cell(_(label))}**: {cell(value)}" for label, value in zip(labels, values) if value)
    return "\n".join(f"{_(label)}: {value}" for label, value in zip(labels, values) if value)


def _table(title: str, headers: Sequence[str], rows: Iterable[Sequence[str]], markdown: bool, right=()) -> str:
    """A titled table: a Markdown table, or in plain text a block of `Label: value` lines for each row."""
    if markdown:
        from finplan.report.markdown_parts import table

        return f"**{title}**\n\n" + table(headers, rows, right=right)
    return title + "\n\n" + "\n\n".join(_pairs(headers, row, False) for row in rows)


def _value(data: Any, path: Sequence[str | int]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def register(server) -> None:
    """Answers the editor's hover requests, positions turned between its units and characters."""

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls, params: types.HoverParams) -> types.Hover | None:
        units = ls.workspace.get_text_document(params.text_document.uri).position_codec
        try:
            plan = ls.plan(params.text_document.uri)
            at = plan.server_position(params.position, units)
            found = hover(plan, at.line, at.character, markdown=_shows_markdown(ls), rules_url=ls.rules_url)
        except Exception:  # a hover is never worth the server: the plan's text may be anything, half typed
            log.exception("no hover for %s at %s", params.text_document.uri, params.position)
            return None
        if found is not None and found.range is not None:
            found.range = plan.client_range(found.range, units)
        return found


def _shows_markdown(ls) -> bool:
    """Whether the editor shows a hover's Markdown; else it gets plain text."""
    text = ls.client_capabilities.text_document
    formats = text.hover.content_format if text and text.hover else None
    return bool(formats) and types.MarkupKind.Markdown in formats
