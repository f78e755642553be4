"""The profiles in a compact form: what the data files say once read and checked, kept beside them.

Reading some twenty TOML files and checking them with Pydantic costs `finplan
check` a tenth of its start-up; reading this one JSON file costs a hundredth of
that. It is made from the data files, as docs/rules.md is from the code, by
`python -m finplan.profiles > src/finplan/profiles/data/compact.json`
(a test keeps it equal to what the files say),
and it holds a digest of the files it was made from: where they changed since,
start-up reads and checks the files themselves, so an edit counts at once.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from finplan.profiles.records import Profile, ProfileLimit, Setting, Version, as_value

DATA = Path(__file__).parent / "data"
"""Where the package keeps its data files (shipped as package data)."""
COMPACT = "compact.json"


def digest(folder: Path, files: list[str]) -> str | None:
    """A digest of `files` (paths from `folder`), None where one cannot be read."""
    hashed = hashlib.sha256()
    for name in files:
        try:
            hashed.update((folder / name).read_bytes())
        except OSError:
            return None
        hashed.update(b"\0" + name.encode() + b"\0")
    return hashed.hexdigest()


def compact_text(general: Profile, profiles: dict[str, Profile], files: list[str], folder: Path) -> str:
    """The compact form of profiles read from `files` in `folder`, as JSON."""
    document = {
        "made_by": "python -m finplan.profiles > src/finplan/profiles/data/compact.json",
        "digest": digest(folder, files), "files": files,
        "general": asdict(general), "profiles": [asdict(profile) for profile in profiles.values()],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, default=str) + "\n"


def read_compact(folder: Path = DATA) -> tuple[Profile, dict[str, Profile]] | None:
    """`general` and the profiles from the compact form; None where it is missing or its files changed."""
    try:
        document = json.loads((folder / COMPACT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if digest(folder, document["files"]) != document["digest"]:
        return None
    profiles = [_profile(profile) for profile in document["profiles"]]
    return _profile(document["general"]), {profile.name: profile for profile in profiles}


def _profile(data: dict[str, Any]) -> Profile:
    return Profile(
        **{
            **data,
            "settings": tuple(_setting(setting) for setting in data["settings"]),
            "requires": tuple(tuple(row) for row in data["requires"]),
            "limits": tuple(ProfileLimit(**limit) for limit in data["limits"]),
            "other_schemes": tuple(data["other_schemes"]),
            "period": tuple(map(date.fromisoformat, data["period"])) if data["period"] else None,
        }
    )


def _setting(data: dict[str, Any]) -> Setting:
    def value(text: Any) -> Any:
        return as_value(data["kind"], text)

    def day(text: str | None) -> date | None:
        return None if text is None else date.fromisoformat(text)

    return Setting(
        **{
            **data,
            "default": value(data["default"]),
            "choices": tuple(data["choices"]),
            "table": tuple(
                (choice, value(number), source, day(start), day(end)) for choice, number, source, start, end in data["table"]
            ),
            "versions": tuple(
                Version(value(v["value"]), v["source"], day(v["start"]), day(v["end"])) for v in data["versions"]
            ),
        }
    )
