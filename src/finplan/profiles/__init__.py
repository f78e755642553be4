"""Rule profiles: the rule sets a plan says govern it, with their numbers and sources.

A plan names its profiles (`profiles: [anslag_1_1]`); each switches on its
rules with its numbers. A plan overrides a number under `settings`
(`anslag_1_1.in_kind_in_base: false`), and the report says which numbers were
used and which were overridden. The `general` numbers apply to every plan.

Each programme's numbers, conditions, sources and validity periods live in a
data file, data/<name>.toml (load.py reads them, model.py is their form): a
change in law is an edit there, with its source, not in code.
"""

from finplan.profiles.known import (
    FLAT_RATE_OPTIONS,
    GENERAL,
    PROFILES,
    FlatRateOption,
    ProfileName,
    SchemeName,
    offers_flat_rates,
)
from finplan.profiles.records import EU_STRUCTURAL_FUNDS, Kind, Profile, ProfileLimit, Setting, Version
from finplan.profiles.settings import Settings, UsedSetting, all_settings, setting_key

__all__ = [
    "EU_STRUCTURAL_FUNDS", "FLAT_RATE_OPTIONS", "GENERAL", "PROFILES", "FlatRateOption", "Kind", "Profile",
    "ProfileLimit", "ProfileName", "SchemeName", "Setting", "Settings", "UsedSetting", "Version", "all_settings",
    "offers_flat_rates", "setting_key",
]
