"""Checks one plan file: load, build the model, run the rules, apply the configuration. Never prints."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from finplan.codes.input import SHAPE, UNREADABLE
from finplan.config import FileConfig
from finplan.errors import InputError
from finplan.comments import cut_values
from finplan.controls import control_characters
from finplan.discover import top_level_key
from finplan.findings import CheckResult, Finding, file_order, with_snippets
from finplan.i18n import Message
from finplan.loader import DEFAULT_LIMITS, Limits, decode, parse_text, read_bytes
from finplan.model import FORMAT_VERSION, settings_of
from finplan.rules import RULES, Rule
from finplan.rules.engine import as_its_document, run_rules
from finplan.shape import build_plan
from finplan.suppress import Ignore, apply_ignores, ignore_comments

DEFAULT_CONFIG = FileConfig()
# A top-level key only a plan has (_looks_like_a_plan), found without parsing the text.
_PLAN_KEYS = top_level_key(b"(?:finplan|financing)")


def check_file(
    path: str | Path,
    config: FileConfig = DEFAULT_CONFIG,
    rules: Iterable[Rule] = RULES,
    limits: Limits = DEFAULT_LIMITS,
) -> CheckResult:
    """Everything finplan finds in the plan at `path`, under `config`."""
    try:
        data = read_bytes(path, limits)
    except InputError as error:
        return unreadable(CheckResult(file=str(path), strict=config.strict), error)
    return check_bytes(data, str(path), config, rules, limits)


def check_bytes(
    data: bytes,
    name: str,
    config: FileConfig = DEFAULT_CONFIG,
    rules: Iterable[Rule] = RULES,
    limits: Limits = DEFAULT_LIMITS,
) -> CheckResult:
    """Everything finplan finds in a plan's bytes, reported under `name`."""
    with collector_paused():
        # The loaded document is freed as _check returns, before the collector is back: else its
        # first pass would walk each of the document's many objects, to free nothing.
        return _check(data, name, config, rules, limits)


def _check(data: bytes, name: str, config: FileConfig, rules: Iterable[Rule], limits: Limits) -> CheckResult:
    result = CheckResult(file=name, strict=config.strict)
    # What is not recognisably a plan (a key, a password file) is never quoted: no line under an error, and
    # no syntax error, whose words would quote its tokens.
    a_plan = _PLAN_KEYS.search(data) is not None
    try:
        text = decode(data, limits)
    except InputError as error:
        return unreadable(result, error, data.decode("utf-8", "replace") if a_plan else None)
    try:
        document = parse_text(text, limits)
    except InputError as error:
        # An error with no place in the text (the file is empty, or all comments) quotes nothing of it.
        return unreadable(result, error, text) if a_plan or error.position is None else _not_a_plan(result)
    if not _looks_like_a_plan(document.data):
        return _not_a_plan(result)
    controls = control_characters(text, document)
    if controls:
        result.readable = False
        findings = [Finding(SHAPE.code, SHAPE.severity, c.message(), c.path, c.position) for c in controls]
        result.findings.extend(with_snippets(findings, text))
        return result
    plan, shape_findings = build_plan(document)
    if plan is None:
        result.readable = False
        result.findings.extend(with_snippets(shape_findings, text))
        return result
    result.plan = plan
    result.settings = settings_of(plan, config.settings)
    findings = run_rules(plan, rules, document.source.locate, result.settings, enabled=config.selection.enabled)
    findings = sorted(findings + cut_values(text), key=file_order)
    result.findings.extend(as_its_document(apply_policy(findings, config, ignore_comments(text)), plan))
    return result


def _looks_like_a_plan(data: object) -> bool:
    """A mapping with the `finplan:` key, or with a plan's `project:` and `financing:` (its version line misspelt)."""
    return isinstance(data, dict) and ("finplan" in data or ("project" in data and "financing" in data))


def _not_a_plan(result: CheckResult) -> CheckResult:
    """A file that is not recognisably a plan, refused in one line that quotes nothing of it.

    Such a file may be anything a link or a mistake led to (a key, a password
    file): its shape errors would quote its values and its lines, so none is
    given. A plan's own errors quote at most the offending value or key, 40
    characters of it.
    """
    result.readable = False
    message = Message(
        "the file has no top-level `finplan:` key, so it is not a plan; a plan starts with `finplan: {version}`",
        version=FORMAT_VERSION,
    )
    result.findings.append(Finding(SHAPE.code, SHAPE.severity, message))
    return result


def apply_policy(findings: list[Finding], config: FileConfig, ignores: dict[int, Ignore]) -> list[Finding]:
    """The configuration applied to every finding of a checked plan, in one step.

    Inline ignores first (they may add FP002 and FP003), then the selection,
    then each code's configured severity.
    """
    from finplan.codes import CATALOGUE, unknown_code_message

    kept = []
    unknown = lambda code: unknown_code_message(code, prefix=False)  # noqa: E731
    for finding in apply_ignores(findings, ignores, config.selection.enabled, unknown):
        code = CATALOGUE[finding.code]
        if not config.selection.enabled(finding.code, code.on_by_default):
            continue
        severity = config.severity(finding.code, finding.severity)
        kept.append(finding if severity is finding.severity else replace(finding, severity=severity))
    return kept


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector kept out of a check.

    Loading a plan makes a million small objects and no cycles; the collector
    would walk them again and again (most of a large plan's parse time) to
    free nothing. Memory is still freed by reference counting.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def unreadable(result: CheckResult, error: InputError, text: str | None = None) -> CheckResult:
    """`result` marked as not checked at all, for the reason `error` gives, with the line it stands on."""
    result.readable = False
    message = Message("the file {problem}", problem=error.message)
    finding = Finding(UNREADABLE.code, UNREADABLE.severity, message, (), error.position, fix=error.fix)
    result.findings.extend(with_snippets([finding], text) if text is not None else [finding])
    return result


def unchecked(file: str, message: Message, strict: bool = False) -> CheckResult:
    """A file that was not checked at all: not found, or its configuration unreadable."""
    return CheckResult(file, [Finding(UNREADABLE.code, UNREADABLE.severity, message)], readable=False, strict=strict)
