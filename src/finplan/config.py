"""Configuration: which rules run, at what severity, and with which numbers.

Read from `finplan.toml` (top level) or `pyproject.toml` (`[tool.finplan]`),
whichever is found first walking up from each plan's folder:

    select = ["FP"]                 # codes or prefixes; every rule on by default if left out
    ignore = ["FP105", "FP9"]
    strict = false                  # warnings fail too
    frames = "frames.yaml"          # `finplan summary`'s yearly frames, from this file's folder
    exclude = ["vendor/**"]         # globs from this file's folder: files a folder or glob passes over
    lang = "sv"                     # the language of the output, unless --lang says otherwise
    [severity]                      # a code's severity, by code or prefix (the longest wins)
    FP203 = "error"
    FP1 = "warning"
    [settings]                      # the profiles' numbers, as in a plan
    "anslag_1_1.in_kind_in_base" = false
    [[overrides]]                   # for some plans only, by glob from this file's folder
    files = ["budgets/2014-2020/*.yaml"]
    ignore = ["FP412"]

Command-line `--select` replaces `select`; `--ignore` adds to `ignore`. A
plan's own `settings` win over the configuration's. Every code or prefix must
name a code finplan reports; codes may be written in any case.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from finplan.errors import InputError
from finplan.findings import Severity
from finplan.i18n import Message, join
from finplan.paths import relative

if TYPE_CHECKING:
    from pydantic import BaseModel

CONFIG_FILES = ("finplan.toml", "pyproject.toml")
# A pyproject.toml holds other tools' tables too; a megabyte is far past any real one.
MAX_CONFIG_BYTES = 1024 * 1024


def check_codes(codes: tuple[str, ...], where: str) -> tuple[str, ...]:
    """`codes` in upper case; InputError naming `where` if one names no code finplan reports."""
    if not codes:  # the catalogue of codes is not loaded to check none (`finplan COMMAND --help`)
        return ()
    from finplan.codes import unknown_code_message

    for code in codes:
        problem = unknown_code_message(code)
        if problem is not None:
            raise InputError(join([where, problem], ": "))
    return tuple(code.upper() for code in codes)


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

    def severity(self, code: str, default: Severity) -> Severity:
        """The configured severity of `code`: by its longest configured prefix, else `default`."""
        if not self.severities:
            return default
        prefix = max((p for p in self.severities if code.startswith(p)), key=len, default=None)
        return default if prefix is None else self.severities[prefix]


def _code(code: str) -> str:
    from finplan.codes import unknown_code_message
    from finplan.model import validation_error

    problem = unknown_code_message(code)
    if problem is not None:
        raise validation_error("code", problem)
    return code.upper()


def _configurable(code: str) -> str:
    from finplan.codes import CATALOGUE
    from finplan.model import validation_error

    code = _code(code)
    if CATALOGUE[code].fixed if code in CATALOGUE else False:
        message = Message("{code} means the plan could not be checked; its severity is fixed", code=code)
        raise validation_error("code", message)
    return code


@cache
def _config_table() -> type[BaseModel]:
    """The keys of a configuration file (or of `[tool.finplan]`), as a model.

    Made when a configuration file is first read, not at import: most runs read
    none, and Pydantic and the plan's models (whose settings a configuration
    holds) cost `finplan COMMAND --help` most of its time.
    """
    from pydantic import AfterValidator, BaseModel, ConfigDict, Field

    from finplan.model import PlanSettings

    Codes = list[Annotated[str, AfterValidator(_code)]]
    Severities = dict[Annotated[str, AfterValidator(_configurable)], Literal["error", "warning", "info"]]

    class _Table(BaseModel):
        model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    class _Override(_Table):
        """`[[overrides]]`: settings for the plans some globs match."""

        files: Annotated[list[str], Field(min_length=1)]
        select: Codes | None = None
        ignore: Codes = []
        severity: Severities = {}
        settings: PlanSettings | None = None

    class _ConfigTable(_Table):
        """The keys of a configuration file (or of `[tool.finplan]`)."""

        select: Codes | None = None
        ignore: Codes = []
        strict: bool = False
        severity: Severities = {}
        settings: PlanSettings | None = None
        overrides: list[_Override] = []
        frames: str | None = None  # read by finplan summary (finplan.portfolio.frames)
        exclude: list[str] = []
        lang: Literal["sv", "en"] | None = None  # read from the working folder's configuration (finplan.cli)

    return _ConfigTable


@dataclass(frozen=True, slots=True)
class _OverrideConfig:
    """An `[[overrides]]` table read: what it changes, for the plans its globs match."""

    files: tuple[str, ...]
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    severities: dict[str, Severity]
    settings: dict[str, Any]


@dataclass(frozen=True, slots=True)
class _Config:
    root: Path
    base: FileConfig
    overrides: tuple[_OverrideConfig, ...]
    frames: Path | None = None
    exclude: tuple[str, ...] = ()
    lang: str | None = None

    def excludes(self, path: Path) -> bool:
        import fnmatch

        name = relative(str(path), self.root)
        return any(fnmatch.fnmatch(name, pattern) for pattern in self.exclude)

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
        self._select = check_codes(select, "--select") if select else None
        self._ignore = check_codes(ignore, "--ignore")
        self._strict = strict
        self._by_folder: dict[Path, _Config | None] = {}

    def for_plan(self, plan: Path) -> FileConfig:
        """The plan's configuration, with the command line's choices on top; InputError if unreadable."""
        found = self._find(plan.resolve().parent)
        config = found.for_plan(plan) if found else FileConfig()
        selection = Selection(self._select or config.selection.select, config.selection.ignore + self._ignore)
        return replace(config, selection=selection, strict=config.strict or self._strict)

    def excluded(self, path: Path) -> bool:
        """Whether the configuration nearest `path` excludes it (its `exclude` globs); InputError if unreadable."""
        found = self._find(path.resolve().parent)
        return found.excludes(path) if found else False

    def frames(self, folder: Path) -> Path | None:
        """The frames file the configuration nearest `folder` names, from that configuration's folder."""
        found = self._find(folder.resolve())
        return found.frames if found else None

    def language(self, folder: Path) -> str | None:
        """The `lang` of the configuration nearest `folder`, if it sets one."""
        found = self._find(folder.resolve())
        return found.lang if found else None

    def _find(self, folder: Path) -> _Config | None:
        # Walked up with a loop, not a call per level: a plan a thousand folders deep is no reason to stop.
        passed: list[Path] = []
        found = None
        while True:
            if folder in self._by_folder:
                found = self._by_folder[folder]
                break
            passed.append(folder)
            found = self._here(folder)
            if found is not None or folder.parent == folder:
                break
            folder = folder.parent
        for each in passed:
            self._by_folder[each] = found
        return found

    @staticmethod
    def _here(folder: Path) -> _Config | None:
        for name in CONFIG_FILES:
            candidate = folder / name
            # Not a regular file (a link to a device, a pipe): read, so that it is refused, never passed over unsaid.
            if candidate.exists() and not candidate.is_dir():
                found = _read(candidate)
                if found is not None:
                    return found
        return None


def _read(path: Path) -> _Config | None:
    import tomllib

    from finplan.files import read_limited, remember

    remember(path, role=Message("the configuration"))
    try:
        # A regular file alone, read no further than its limit: a link to a device or a huge file stalls nothing.
        data = read_limited(path, MAX_CONFIG_BYTES, regular_only=True)
    except InputError as error:
        raise InputError(Message("configuration {file} {problem}", file=path, problem=error.message)) from None
    if len(data) > MAX_CONFIG_BYTES:
        raise InputError(Message(
            "configuration {file} is larger than {limit} bytes (the limit); a configuration is a few lines",
            file=path, limit=MAX_CONFIG_BYTES,
        ))
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise InputError(Message("configuration {file} cannot be read: {reason}", file=path, reason=error)) from None
    except tomllib.TOMLDecodeError as error:  # tomllib's own words, with the line and column
        raise InputError(Message("configuration {file} is not valid TOML: {reason}", file=path, reason=error)) from None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        raise InputError(Message("configuration {file} nests arrays or tables too deeply to be read", file=path)) from None
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("finplan")
        if table is None:
            return None
        where = f"{path} [tool.finplan]"
    else:
        table, where = document, f"{path}"
    _refuse_control_characters(table, where)
    from finplan.model import overrides_of

    config = _validated(_config_table(), table, where)
    base = FileConfig(
        selection=Selection(_tuple(config.select), tuple(config.ignore)),
        severities=_severities(config.severity),
        settings=overrides_of(config.settings),
        strict=config.strict,
    )
    overrides = tuple(
        _OverrideConfig(
            tuple(item.files), _tuple(item.select), tuple(item.ignore), _severities(item.severity),
            overrides_of(item.settings),
        )
        for item in config.overrides
    )
    frames = _frames_within(path.parent, config.frames, where) if config.frames else None
    return _Config(path.parent.resolve(), base, overrides, frames, tuple(config.exclude), config.lang)


def _refuse_control_characters(value: Any, where: str) -> None:
    """No key or text in the configuration holds a control character: it names codes, files and patterns,
    and TOML's escapes (`"\\u001b"`) would otherwise carry a terminal's control sequences into every message."""
    from finplan.paths import shown_name, unshowable

    waiting = [value]  # a list, not recursion: the nesting is the file's to choose
    while waiting:
        value = waiting.pop()
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, item in items:
            for text in (key, item):
                if isinstance(text, str) and unshowable(text):
                    problem = Message("a control character in `{text}`", text=shown_name(text))
                    raise InputError(Message("configuration {file}: {problem}", file=where, problem=problem))
            waiting.append(item)


def _frames_within(folder: Path, name: str, where: str) -> Path:
    """The frames file a configuration names, which must lie in the configuration's own folder or below it.

    A configuration comes with the repository it stands in, so in CI it is
    whoever proposed the change who writes it: it may not point finplan at a
    file elsewhere on the machine, whose text an error message would then show.
    """
    frames = folder / name
    try:
        frames.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        problem = Message("`frames` names {frames}, which leads outside the configuration's folder {folder}", frames=name, folder=folder)
        raise InputError(Message("configuration {file}: {problem}", file=where, problem=problem)) from None
    return frames


def _validated(model: type[BaseModel], data: Any, where: str) -> Any:
    """`data` as `model`, or InputError with the first problem in the words a plan's errors use.

    `where` names the file (and the table, for pyproject.toml).
    """
    from pydantic import ValidationError

    from finplan.shape import explain

    try:
        return model.model_validate(data)
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        problem = explain(detail, model).message
        # TOML reads 1720.5 as a binary float, which finplan never takes for a number.
        if isinstance(detail.get("input"), float):
            message = Message(
                'configuration {file}: {problem} (write decimals as strings, such as "0.50")', file=where, problem=problem
            )
            raise InputError(message) from None
        raise InputError(Message("configuration {file}: {problem}", file=where, problem=problem)) from None


def _tuple(codes: list[str] | None) -> tuple[str, ...] | None:
    return None if codes is None else tuple(codes)


def _severities(table: dict[str, str]) -> dict[str, Severity]:
    names = {str(s): s for s in Severity}
    return {code: names[name] for code, name in table.items()}
