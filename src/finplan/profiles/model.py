"""The form of a profile's data file (profiles/data/*.toml), as Pydantic checks it.

A file may be partial: a shared fragment (data/shared/) holds a few settings, or
only some fields of one, and a profile `extends` it. So every file is checked
alone for its form (no unknown key, no float, no version ending before it starts
or overlapping another), and a profile once more with its fragments merged in,
for what only the whole can show (`complete` in the validation context): every
number has a value and a source, and every name a limit, a `by` or a `cite`
uses is there.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Strict,
    StrictBool,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

from finplan.profiles.records import NUMBER_KINDS, Kind


def _no_float(value: Any) -> Any:
    if isinstance(value, float):
        raise ValueError(f"{value} is a TOML float, a binary fraction: write a number as an integer or a string (\"0.50\")")
    return value


Value = Annotated[StrictBool | StrictInt | StrictStr, BeforeValidator(_no_float)]
Day = Annotated[date, Strict()]


def _complete(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get("complete"))


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cite(_Data):
    """`source = { cite = "name" }`: the text under `name` in the profile's `[sources]`."""

    cite: StrictStr


Source = StrictStr | Cite


class VersionData(_Data):
    """One wording of a number, in force from `start` to `end` (both inclusive, either may be open)."""

    value: Value
    source: Source
    start: Day | None = None
    end: Day | None = None

    @model_validator(mode="after")
    def _starts_before_it_ends(self) -> VersionData:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"a version ends {self.end}, before it starts {self.start}")
        return self


class Row(_Data):
    """One row of a setting's `table`: its value where the `by` setting has this choice, or the
    `versions` of that value where it changed by date (an ERDF rate the calls of each year set)."""

    value: Value | None = None
    source: Source | None = None
    versions: tuple[VersionData, ...] | None = None

    @model_validator(mode="after")
    def _a_value_or_versions(self) -> Row:
        if (self.versions is None) == (self.value is None) or (self.value is None) != (self.source is None):
            raise ValueError("a row has a `value` with its `source`, or `versions`, not both")
        if self.versions is not None:
            if not self.versions:
                raise ValueError("a row's `versions` is empty")
            _versions_apart(self.versions)
        return self


class SettingData(_Data):
    """A setting: its kind, what it means, and its number: a `value` with its `source`, `versions`
    the law changed, or a `table` chosen `by` another setting. `when` names a bool setting without
    which this one is not in force (a flat rate offered only to some projects)."""

    kind: Kind | None = None
    value: Value | None = None
    meaning: StrictStr | None = None
    source: Source | None = None
    choices: tuple[StrictStr, ...] | None = None
    by: StrictStr | None = None
    table: dict[str, Row] | None = None
    versions: tuple[VersionData, ...] | None = None

    when: StrictStr | None = None

    @model_validator(mode="after")
    def _versions_apart(self) -> SettingData:
        _versions_apart(self.versions or ())
        return self

    @model_validator(mode="after")
    def _a_number_with_its_source(self, info: ValidationInfo) -> SettingData:
        if not _complete(info):
            return self
        if self.kind is None or self.meaning is None:
            raise ValueError("a setting needs its `kind` and its `meaning`")
        if (self.kind == "choice") != (self.choices is not None):
            raise ValueError("`choices` are given for a setting of kind choice, and only for one")
        if self.versions is not None:
            if not self.versions:
                raise ValueError("`versions` is empty: a setting the law changed has at least one")
            if self.value is not None or self.source is not None or self.by is not None:
                raise ValueError("a setting with `versions` takes its value and source from them, not from `value` or `source`")
            for version in self.versions:
                self.check_value(version.value)
        elif self.by is not None:
            if self.table is None or self.value is not None:
                raise ValueError("a setting `by` another has a `table` of values, and no `value`")
        elif self.value is None:
            raise ValueError("a setting has no value")
        else:
            self.check_value(self.value)
        if self.source is None and self.versions is None:
            raise ValueError("a number has no source")
        if self.table is not None and self.by is None:
            raise ValueError("a `table` needs `by`, the setting whose choice picks its row")
        for row in (self.table or {}).values():
            for value in (row.value,) if row.versions is None else (v.value for v in row.versions):
                self.check_value(value)
        return self

    def check_value(self, value: Any) -> None:
        """ValueError unless `value` is one a setting of this kind holds."""
        if self.kind in NUMBER_KINDS:
            if isinstance(value, bool) or not isinstance(value, (int, str)) or _decimal(value) is None:
                raise ValueError(f"{value!r} is not a number, as a setting of kind {self.kind} holds")
        elif self.kind == "bool" and not isinstance(value, bool):
            raise ValueError(f"{value!r} is not true or false, as a setting of kind bool holds")
        elif self.kind == "choice" and value not in (self.choices or ()):
            raise ValueError(f"{value!r} is not one of its choices {list(self.choices or ())}")


def _versions_apart(versions: tuple[VersionData, ...]) -> None:
    spans = sorted((v.start or date.min, v.end or date.max) for v in versions)
    for (_start, end), (start, _end) in zip(spans, spans[1:]):
        if start <= end:
            raise ValueError(f"two versions are in force on {start}")


def _decimal(value: int | str) -> Decimal | None:
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


class LimitData(_Data):
    """A cap or floor on the lines of `scheme` (the profile's own when none; `public`: every public line)."""

    kind: Literal["cap", "floor"] | None = None
    scheme: StrictStr | None = None
    base: StrictStr = "total"
    base_setting: StrictStr | None = None
    when: StrictStr | None = None
    co_financed: StrictStr | None = None
    raised_when: StrictStr | None = None
    raised_by: StrictStr | None = None


class PeriodData(_Data):
    """The programme period a plan's period must lie in, with its source."""

    start: Day
    end: Day
    source: StrictStr

    @model_validator(mode="after")
    def _starts_before_it_ends(self) -> PeriodData:
        if self.end < self.start:
            raise ValueError(f"the period ends {self.end}, before it starts {self.start}")
        return self


class ProfileData(_Data):
    """One data file: a profile, `general`, or a fragment (`extends` names the fragments it pulls in)."""

    extends: tuple[StrictStr, ...] = ()
    title: StrictStr | None = None
    scheme: StrictStr | None = None
    other_schemes: tuple[StrictStr, ...] = ()
    # "any", or the three letters a plan writes (`currency: EUR`) that the programme's plans are in.
    currency: Annotated[StrictStr, StringConstraints(pattern=r"^(any|[A-Z]{3})$")] | None = None
    per_decision_maker: StrictBool = False
    sides: StrictBool = False
    eu_rules: Literal["2014_2020", "2021_2027"] | None = None
    period: PeriodData | None = None
    requires: dict[str, StrictStr] = {}
    sources: dict[str, StrictStr] = {}
    settings: dict[str, SettingData] = {}
    limits: dict[str, LimitData] = {}

    @model_validator(mode="after")
    def _whole(self, info: ValidationInfo) -> ProfileData:
        if not _complete(info):
            return self
        if self.title is None:
            raise ValueError("a profile has a `title`")
        for name, setting in self.settings.items():
            for where, source in _sources(setting):
                if isinstance(source, Cite) and source.cite not in self.sources:
                    raise ValueError(f"settings.{name}{where} cites `{source.cite}`, which [sources] does not hold")
            if setting.by is not None:
                self._check_table(name, setting)
            when = self.settings.get(setting.when or "")
            if setting.when is not None and (when is None or when.kind != "bool"):
                raise ValueError(f"settings.{name} is offered `when` `{setting.when}`, which is no bool setting of the profile")
        for name, limit in self.limits.items():
            self._check_limit(name, limit)
        return self

    def _check_table(self, name: str, setting: SettingData) -> None:
        chooser = self.settings.get(setting.by or "")
        if chooser is None or chooser.kind != "choice":
            raise ValueError(f"settings.{name} is by `{setting.by}`, which is no choice setting of the profile")
        rows, choices = set(setting.table or {}), set(chooser.choices or ())
        if rows != choices:
            raise ValueError(
                f"settings.{name}.table has rows {sorted(rows - choices)} that are no choice of `{setting.by}`"
                if rows - choices else f"settings.{name}.table has no row for {sorted(choices - rows)}"
            )

    def _check_limit(self, name: str, limit: LimitData) -> None:
        if limit.kind is None:
            raise ValueError(f'limits.{name} needs its `kind`, "cap" or "floor"')
        wanted = {name: None, limit.base_setting: "choice", limit.when: "bool", limit.co_financed: None,
                  limit.raised_when: "bool", limit.raised_by: "percent"}
        if (limit.raised_when is None) != (limit.raised_by is None):
            raise ValueError(f"limits.{name} names `raised_when` and `raised_by` together, or neither")
        for setting, kind in wanted.items():
            found = self.settings.get(setting or "")
            if setting is not None and (found is None or kind not in (None, found.kind)):
                raise ValueError(f"limits.{name} names `{setting}`, which is no {kind + ' ' if kind else ''}setting of the profile")


def _sources(setting: SettingData) -> list[tuple[str, Source]]:
    """Every source a setting gives, with where: its own, its versions', its table's."""
    found = [("", setting.source)] if setting.source is not None else []
    found += [(f".versions[{i}]", v.source) for i, v in enumerate(setting.versions or ())]
    for choice, row in (setting.table or {}).items():
        found += [(f".table.{choice}", row.source)] if row.source is not None else []
        found += [(f".table.{choice}.versions[{i}]", v.source) for i, v in enumerate(row.versions or ())]
    return found
