"""Checks one plan file: load, build the model, run the rules, apply ignores. Never prints."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from finplan.config import FileConfig
from finplan.errors import InputError
from finplan.findings import CheckResult, Finding, Severity
from finplan.loader import DEFAULT_LIMITS, Limits, decode, parse_text, read_bytes
from finplan.model import settings_of
from finplan.rules import RULES, Rule
from finplan.rules.engine import run_rules
from finplan.shape import build_plan
from finplan.suppress import apply_ignores, ignore_comments

DEFAULT_CONFIG = FileConfig()

INPUT_CODE = "FP000"
"""The code of a finding that a file could not be read as a plan at all."""


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
    result = CheckResult(file=name, strict=config.strict)
    with collector_paused():
        try:
            text = decode(data, limits)
            document = parse_text(text, limits)
        except InputError as error:
            return unreadable(result, error)
        plan, shape_findings = build_plan(document)
        if plan is None:
            result.readable = False
            result.findings.extend(shape_findings)
            return result
        result.plan = plan
        result.settings = settings_of(plan, config.settings)
        findings = run_rules(
            plan, rules, document.source.locate, result.settings,
            enabled=config.selection.enabled, severities=config.severities,
        )
        result.findings.extend(apply_ignores(findings, ignore_comments(text), config.selection.enabled))
        return result


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


def unreadable(result: CheckResult, error: InputError) -> CheckResult:
    """`result` marked as not checked at all, for the reason `error` gives."""
    result.readable = False
    result.findings.append(Finding(INPUT_CODE, Severity.ERROR, f"the file {error.message}", (), error.position))
    return result
