"""`python -m finplan.profiles`: the data files, read and checked, in their compact form (profiles.compact)."""

import sys

from finplan.profiles.compact import DATA, compact_text
from finplan.profiles.load import load_profiles

sys.stdout.write(compact_text(*load_profiles(DATA), DATA))
