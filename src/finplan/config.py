"""Configuration: which rules run, at what severity, and with which numbers.

Read from `finplan.toml` (top level) or `pyproject.toml` (`[tool.finplan]`),
whichever is found first walking up from each plan's folder:

    select = ["FP"]                 # codes or prefixes; every rule on by default if left out
    ignore = ["FP105", "FP9"]
    strict = false                  # warnings fail too
    frames = "frames.yaml"          # `finplan summary`'s yearly frames (finplan.portfolio.frames)
    [severity]                      # a rule's severity, by code
    FP203 = "error"
    [settings]                      # the profiles' numbers, as in a plan
    "anslag_1_1.in_kind_in_base" = false
    [[overrides]]                   # for some plans only, by glob from this file's folder
    files = ["budgets/2014-2020/*.yaml"]
    ignore = ["FP412"]

Command-line `--select` replaces `select`; `--ignore` adds to `ignore`. A
plan's own `settings` win over the configuration's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from finplan.errors import InputError
from finplan.findings import Severity, shorten
from finplan.paths import relative

CONFIG_FILES = ("finplan.toml", "pyproject.toml")
_KEYS = ("select", "ignore", "strict", "severity", "settings", "overrides", "frames")
_OVERRIDE_KEYS = ("files", "select", "ignore", "severity", "settings")
_CODE = re.compile(r"FP[0-9]{0,3}\Z")


@dataclass(frozen=True, slots=True)
class Selection:
    """Which codes are reported: selected by a prefix, and not ignored by one.

    Without a `select`, every rule that is on by default; a rule off by default
    (the financing summary, FP901) runs only when a `select` names it.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()

    def enabled(self, code: str, on_by_default: bool = True) -> bool:
        if code.startswith(self.ignore):
            return False
        return on_by_default if self.select is None else code.startswith(self.select)


@dataclass(frozen=True, slots=True)
class FileConfig:
    """The configuration in force for one plan."""

    selection: Selection = Selection()
    severities: dict[str, Severity] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    strict: bool = False
    source: Path | None = None


@dataclass(frozen=True, slots=True)
class _Override:
    files: tuple[str, ...]
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    severities: dict[str, Severity]
    settings: dict[str, Any]


@dataclass(frozen=True, slots=True)
class _Config:
    root: Path
    base: FileConfig
    overrides: tuple[_Override, ...]

    def for_plan(self, plan: Path) -> FileConfig:
        import fnmatch

        name = relative(str(plan), self.root)
        config = self.base
        for override in self.overrides:
            if any(fnmatch.fnmatch(name, pattern) for pattern in override.files):
                config = replace(
                    config,
                    selection=Selection(
                        override.select or config.selection.select, config.selection.ignore + override.ignore
                    ),
                    severities={**config.severities, **override.severities},
                    settings={**config.settings, **override.settings},
                )
        return config


class ConfigFinder:
    """Finds and caches the configuration for each plan, walking up from its folder."""

    def __init__(self, select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = (), strict: bool = False):
        for code in (*(select or ()), *ignore):
            _check_code(code, "the command line")
        self._select = select
        self._ignore = ignore
        self._strict = strict
        self._by_folder: dict[Path, _Config | None] = {}

    def for_plan(self, plan: Path) -> FileConfig:
        """The plan's configuration, with the command line's choices on top; InputError if unreadable."""
        found = self._find(plan.resolve().parent)
        config = found.for_plan(plan) if found else FileConfig()
        selection = Selection(self._select or config.selection.select, config.selection.ignore + self._ignore)
        return replace(config, selection=selection, strict=config.strict or self._strict)

    def _find(self, folder: Path) -> _Config | None:
        if folder in self._by_folder:
            return self._by_folder[folder]
        found = None
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                found = _read(candidate)
                if found is not None:
                    break
        if found is None and folder.parent != folder:
            found = self._find(folder.parent)
        self._by_folder[folder] = found
        return found


def _read(path: Path) -> _Config | None:
    import tomllib

    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"configuration {path} cannot be read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"configuration {path} is not valid TOML: {error}") from None
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("finplan")
        if table is None:
            return None
    else:
        table = document
    where = f"{path}" if path.name == "finplan.toml" else f"{path} [tool.finplan]"
    _check_keys(table, _KEYS, where)
    overrides = table.get("overrides", [])
    if not isinstance(overrides, list):
        raise InputError(f"configuration {where}: `overrides` is not a list of tables ([[overrides]])")
    base = FileConfig(
        selection=Selection(_codes(table, "select", where), _codes(table, "ignore", where) or ()),
        severities=_severities(table, where),
        settings=_settings(table, where),
        strict=_bool(table, "strict", where),
        source=path,
    )
    return _Config(path.parent.resolve(), base, tuple(_override(item, where) for item in overrides))


def _override(table: Any, where: str) -> _Override:
    where = f"{where} [[overrides]]"
    if not isinstance(table, dict):
        raise InputError(f"configuration {where}: expected a table")
    _check_keys(table, _OVERRIDE_KEYS, where)
    files = table.get("files")
    if not (isinstance(files, list) and files and all(isinstance(f, str) for f in files)):
        raise InputError(f"configuration {where}: `files` must be a list of glob patterns")
    return _Override(
        tuple(files), _codes(table, "select", where), _codes(table, "ignore", where) or (),
        _severities(table, where), _settings(table, where),
    )


def _check_keys(table: dict[str, Any], known: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in known:
            import difflib

            close = difflib.get_close_matches(key, known, n=1)
            hint = f"; did you mean `{close[0]}`?" if close else f"; expected one of: {', '.join(known)}"
            raise InputError(f"configuration {where}: unknown key `{shorten(key)}`{hint}")


def _codes(table: dict[str, Any], key: str, where: str) -> tuple[str, ...] | None:
    if key not in table:
        return None
    value = table[key]
    if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise InputError(f"configuration {where}: `{key}` must be a list of codes, such as [\"FP105\"]")
    for code in value:
        _check_code(code, f"configuration {where}")
    return tuple(value)


def _check_code(code: str, where: str) -> None:
    if not _CODE.match(code):
        raise InputError(f"{where}: {shorten(code)!r} is not a rule code or prefix, such as FP105 or FP1")


def _severities(table: dict[str, Any], where: str) -> dict[str, Severity]:
    value = table.get("severity", {})
    if not isinstance(value, dict):
        raise InputError(f"configuration {where}: `severity` must be a table of code = \"error\"")
    names = {str(s): s for s in Severity}
    result = {}
    for code, name in value.items():
        _check_code(code, f"configuration {where}")
        if name not in names:
            raise InputError(
                f"configuration {where}: severity of {code} is {shorten(name)!r}; expected error, warning or info"
            )
        result[code] = names[name]
    return result


def _settings(table: dict[str, Any], where: str) -> dict[str, Any]:
    from pydantic import ValidationError

    from finplan.model import PlanSettings, overrides_of

    value = table.get("settings", {})
    if not isinstance(value, dict):
        raise InputError(f"configuration {where}: `settings` must be a table")
    try:
        return overrides_of(PlanSettings.model_validate(value))
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        key = shorten(".".join(str(part) for part in detail["loc"]))
        reason = "unknown setting" if detail["type"] == "extra_forbidden" else detail["msg"]
        raise InputError(
            f"configuration {where}: settings `{key}`: {reason} (write decimals as strings, such as \"0.50\")"
        ) from None


def _bool(table: dict[str, Any], key: str, where: str) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise InputError(f"configuration {where}: `{key}` must be true or false")
    return value
