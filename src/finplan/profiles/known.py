"""The profiles finplan knows, read from its data files once, and the names a plan may write."""

from __future__ import annotations

from typing import Literal

from finplan.profiles.compact import DATA, read_compact
from finplan.profiles.records import Profile


def _known() -> tuple[Profile, dict[str, Profile]]:
    """The profiles from their compact form; from the data files themselves where these changed since."""
    found = read_compact(DATA)
    if found is None:
        from finplan.profiles.load import load_profiles

        general, profiles, _files = load_profiles(DATA)
        return general, profiles
    return found


GENERAL, PROFILES = _known()
"""`general`, the numbers every plan uses, and every programme's profile by name, in the files' order."""

# The names a plan may write, from the profiles themselves.
ProfileName = Literal[tuple(PROFILES)]  # type: ignore[valid-type]
SchemeName = Literal[tuple(dict.fromkeys(s for p in PROFILES.values() for s in p.schemes))]  # type: ignore[valid-type]

# The flat rates (schabloner) a cost line may be; a profile offers one by setting its limit, `<option>_max`.
FLAT_RATE_OPTIONS = (
    "indirect_of_staff",
    "indirect_of_direct",
    "indirect_of_direct_except_external",
    "staff_of_other_direct",
    "remaining_of_staff",
    "travel_of_staff",
)
FlatRateOption = Literal[FLAT_RATE_OPTIONS]  # type: ignore[valid-type]


def offers_flat_rates(profile: Profile) -> bool:
    """Whether a profile sets limits on flat rates at all."""
    return any(s.name.removesuffix("_max") in FLAT_RATE_OPTIONS for s in profile.settings)
