"""Reading the profiles' data files: TOML, fragments merged in as `extends` names them, checked whole.

data/profiles.toml lists the profiles in the order finplan shows them; each is
data/<name>.toml, and data/general.toml holds the numbers every plan uses. A
file's `extends` names fragments in data/shared/, merged in as yamllint merges
its presets: the file's own fields win, field by field. A settings, limits or
sources entry the file writes takes its place in the file's order (an entry
with no fields places one from a fragment where it is written); the fragments'
entries it does not write follow, in their order.

Every fault is a ProfileDataError naming the file and what is wrong in it.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from finplan.profiles.model import Cite, ProfileData, SettingData, VersionData
from finplan.profiles.records import Profile, ProfileLimit, Setting, Version, as_value

_PACKAGES = Path(__file__).resolve().parent.parent.parent
"""The folder finplan is installed in: a message names a file of the package from there."""
_ENTRIES = ("requires", "sources", "settings", "limits")
"""The tables merged entry by entry; every other key a later layer replaces whole."""


class ProfileDataError(ValueError):
    """A data file that cannot be read or is not a valid profile: the message names the file and the fault."""


def load_profiles(folder: Path) -> tuple[Profile, dict[str, Profile], list[str]]:
    """`general` and every profile `folder/profiles.toml` lists, in its order, read and checked; and the
    files read, from `folder`."""
    index = _read(folder / "profiles.toml")
    names = index.pop("profiles", None)
    if index or not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise ProfileDataError(f"{_shown(folder / 'profiles.toml')}: expected only `profiles`, a list of profile names")
    reader = _Reader(folder)
    general, profiles = reader.profile("general"), {name: reader.profile(name) for name in names}
    return general, profiles, ["profiles.toml", *sorted(reader.files)]


class _Reader:
    """Reads one folder's files, each fragment once however many profiles extend it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fragments: dict[str, dict[str, Any]] = {}
        self.files: set[str] = set()

    def profile(self, name: str) -> Profile:
        path = self.folder / f"{name}.toml"
        merged = self._layered(path, ())
        try:
            data = ProfileData.model_validate(merged, context={"complete": True})
        except ValidationError as error:
            raise ProfileDataError(_explained(path, error, with_fragments="extends" in merged)) from None
        return _profile(name, data)

    def _layered(self, path: Path, chain: tuple[Path, ...]) -> dict[str, Any]:
        """The file's contents with its fragments merged under it."""
        if path in chain:
            raise ProfileDataError(f"{_shown(path)}: extends itself through {' -> '.join(_shown(p) for p in chain)}")
        key = path.as_posix()
        if key not in self._fragments:
            own = _read(path)
            self.files.add(path.relative_to(self.folder).as_posix())
            if not chain and "currency" not in own:
                # What a rule may assume of a profile's plans is in its own file, never guessed from its name.
                raise ProfileDataError(f'{_shown(path)}: declares no `currency` ("any" where its plans may be in any)')
            try:
                ProfileData.model_validate(own)
            except ValidationError as error:
                raise ProfileDataError(_explained(path, error)) from None
            layers = []
            for fragment in own.get("extends", ()):
                found = self.folder / "shared" / f"{fragment}.toml"
                if not found.is_file():
                    raise ProfileDataError(f"{_shown(path)}: extends `{fragment}`, but there is no {_shown(found)}")
                layers.append(self._layered(found, (*chain, path)))
            self._fragments[key] = _merged(layers, own)
        return self._fragments[key]


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except OSError as error:
        raise ProfileDataError(f"{_shown(path)}: cannot be read ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise ProfileDataError(f"{_shown(path)}: not TOML: {error}") from None


def _merged(layers: list[dict[str, Any]], own: dict[str, Any]) -> dict[str, Any]:
    """`own` over its fragments (`layers`, in `extends` order): later wins, field by field."""
    merged: dict[str, Any] = {}
    for layer in (*layers, own):
        merged.update({k: v for k, v in layer.items() if k not in _ENTRIES})
    for table in _ENTRIES:
        order = list(own.get(table, {}))
        for layer in layers:
            order += [name for name in layer.get(table, {}) if name not in order]
        entries = {}
        for name in order:
            for layer in (*layers, own):
                value = layer.get(table, {}).get(name)
                if isinstance(value, dict) and isinstance(entries.get(name), dict):
                    value = {**entries[name], **value}
                if value is not None:
                    entries[name] = value
        if entries:
            merged[table] = entries
    return merged


def _explained(path: Path, error: ValidationError, with_fragments: bool = False) -> str:
    """Each of Pydantic's errors as `file: place: fault`, in words for a person editing the file."""
    lines = []
    for item in error.errors(include_url=False):
        place = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in item["loc"]).lstrip(".")
        if item["type"] == "value_error":
            fault = str(item["ctx"]["error"])
        elif item["type"] == "extra_forbidden":
            fault = "not a key a profile file knows"
        elif item["type"] == "missing":
            fault = "missing"
        else:
            fault = f"{item['msg']} (found {item['input']!r})"
        lines.append(f"{_shown(path)}: {place + ': ' if place else ''}{fault}")
    note = " (with the fragments it extends, merged in)" if with_fragments else ""
    return "\n".join(lines) + note


def _shown(path: Path) -> str:
    """A data file as a message names it: from the package's folder when it is the package's."""
    try:
        return path.resolve().relative_to(_PACKAGES).as_posix()
    except ValueError:
        return str(path)


def _profile(name: str, data: ProfileData) -> Profile:
    """The checked data as the records the rules read."""

    def text(source: str | Cite) -> str:
        return data.sources[source.cite] if isinstance(source, Cite) else source

    return Profile(
        name, data.title or "", data.scheme, tuple(_setting(key, s, text) for key, s in data.settings.items()),
        per_decision_maker=data.per_decision_maker,
        requires=tuple(data.requires.items()),
        limits=tuple(
            ProfileLimit(
                setting, limit.kind == "cap", limit.scheme, limit.base, limit.base_setting, limit.when, limit.co_financed,
                limit.raised_when, limit.raised_by,
            )
            for setting, limit in data.limits.items()
        ),
        other_schemes=data.other_schemes,
        period=(data.period.start, data.period.end) if data.period else None,
        period_source=data.period.source if data.period else "",
        eu_rules=data.eu_rules,
        currency=None if data.currency == "any" else data.currency,
        sides=data.sides,
    )


def _setting(name: str, data: SettingData, text) -> Setting:
    kind = data.kind or "number"
    versions = tuple(Version(as_value(kind, v.value), text(v.source), v.start, v.end) for v in data.versions or ())
    if versions:
        latest = max(versions, key=lambda version: version.start or date.min)
        value, source = latest.value, latest.source
    else:
        value = as_value(kind, data.value)
        source = text(data.source)
    return Setting(
        name, kind, value, data.meaning or "", source,
        choices=data.choices or (),
        by=data.by,
        table=tuple(
            (choice, as_value(kind, v.value), text(v.source), v.start, v.end)
            for choice, row in (data.table or {}).items()
            for v in (row.versions or (VersionData(value=row.value, source=row.source),))
        ),
        versions=versions,
        when=data.when,
    )
