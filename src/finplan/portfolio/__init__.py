"""The portfolio: many checked plans added up per year, appropriation, financier and status,
and held against the appropriations' yearly frames (ramar).

Every step works on `CheckResult`s from `finplan.check`; nothing here reads a
plan's YAML or runs a rule of its own.
"""
