"""The numbers in force for one plan: its profiles' values on the plan's date, then the configuration's,
then the plan's own; and the keys a plan writes to override them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from finplan.profiles.known import GENERAL, PROFILES
from finplan.profiles.records import Profile, Setting, Version


def setting_key(profile: Profile, setting: Setting) -> str:
    """The key a plan writes to override a setting: `anslag_1_1.max_share`, `hours_per_year`."""
    return setting.name if profile is GENERAL else f"{profile.name}.{setting.name}"


def all_settings() -> list[tuple[str, Profile, Setting]]:
    """Every overridable setting with its key, general ones first."""
    return [
        (setting_key(profile, setting), profile, setting)
        for profile in (GENERAL, *PROFILES.values())
        for setting in profile.settings
    ]


@dataclass(frozen=True, slots=True)
class UsedSetting:
    key: str
    profile: Profile
    setting: Setting
    value: Any
    origin: str | None  # "plan", "configuration", or None for the default


class Settings:
    """The numbers in force for one plan: its profiles' defaults, then the configuration's, then its own."""

    def __init__(
        self, profiles: tuple[str, ...], plan: dict[str, Any], configuration: dict[str, Any] | None = None,
        on: date | None = None,
    ) -> None:
        self.profiles = tuple(PROFILES[name] for name in profiles)
        self._plan = plan
        self._configuration = configuration or {}
        # The date whose rules are in force: the plan's (Project.judged_on), else today's.
        self.on = on or date.today()
        self._used: tuple[UsedSetting, ...] | None = None
    @property
    def dated(self) -> bool:
        """Whether the plan's date chose any number: one of its profiles has a number the law changed."""
        return any(s.versions for p in (GENERAL, *self.profiles) for s in p.settings)

    def version(self, profile: Profile, name: str) -> Version | None:
        """The version in force of a setting the law changed, unless the plan or configuration set it."""
        setting = next(s for s in profile.settings if s.name == name)
        if not setting.versions or self._lookup(setting_key(profile, setting), setting)[1] is not None:
            return None
        return setting.version_on(self.on)

    def value(self, profile: Profile, name: str) -> Any:
        setting = next(s for s in profile.settings if s.name == name)
        return self._resolved(profile, setting)[0].default

    def _resolved(self, profile: Profile, setting: Setting) -> tuple[Setting, str | None]:
        """The setting with the value in force as its default, and who set it; a default that
        depends on another setting (`by`) is looked up in its table, with that row's source."""
        value, origin = self._lookup(setting_key(profile, setting), setting)
        if setting.versions:
            version = setting.version_on(self.on)
            if origin is None:
                if version is None:
                    return replace(setting, default=None), origin
                return replace(setting, default=version.value, source=version.source), origin
            if version is not None:  # a value set by the plan or the configuration stands beside the law of its day
                return replace(setting, default=value, source=version.source), origin
        if value is None and setting.by is not None:
            row = setting.row_on(self.value(profile, setting.by), self.on)
            if row is not None:
                return replace(setting, default=row[0], source=row[1]), origin
        return replace(setting, default=value), origin

    def in_currency(self, euro: Decimal, currency: str) -> Decimal | None:
        """An amount in euro in the plan's currency, at the first rate its profiles give; None without one."""
        if currency == "EUR":
            return euro
        name = {"SEK": "sek_per_eur", "NOK": "nok_per_eur"}.get(currency)
        for profile in self.profiles:
            if name is not None and profile.has(name):
                return euro * self.value(profile, name)
        return None

    def offered(self, profile: Profile, name: str) -> bool:
        """Whether a setting is in force for the plan: it has no `when`, or its `when` is set yes."""
        setting = next(s for s in profile.settings if s.name == name)
        return setting.when is None or bool(self.value(profile, setting.when))

    def general(self, name: str) -> Any:
        return self.value(GENERAL, name)

    def _lookup(self, key: str, setting: Setting) -> tuple[Any, str | None]:
        if key in self._plan:
            return self._plan[key], "plan"
        if key in self._configuration:
            return self._configuration[key], "configuration"
        return setting.default, None

    def used(self) -> tuple[UsedSetting, ...]:
        """Every number in force, for the report: general ones, then each profile's."""
        if self._used is None:  # asked for by the report's table and whether to show it; settings never change
            self._used = self._in_force()
        return self._used

    def _in_force(self) -> tuple[UsedSetting, ...]:
        used = []
        # By identity: profiles are the one record each, and `in` would compare them field by field.
        named = {id(profile) for profile in (GENERAL, *self.profiles)}
        for key, profile, setting in all_settings():
            if id(profile) in named:
                resolved, origin = self._resolved(profile, setting)
                if setting.versions and resolved.default is None:
                    continue  # not in force on the plan's date
                used.append(UsedSetting(key, profile, resolved, resolved.default, origin))
        return tuple(used)

    def unused_overrides(self) -> list[str]:
        """The plan's overrides of a profile it does not name: they change nothing."""
        active = {setting_key(p, s) for p in (GENERAL, *self.profiles) for s in p.settings}
        return [key for key in self._plan if key not in active]
