"""Summaries (FP9xx): notes that sum a plan up, for outputs that show no tables."""

from __future__ import annotations

from finplan.codes.base import Code
from finplan.findings import Severity

FINANCING_SUMMARY = Code(
    "FP901", "financing-summary", Severity.INFO,
    "Sums the financing up: decided, applied and proposed; public and private; cash and in kind.\n\n"
    "Why: a grant officer reads first how much of the financing is already\n"
    "decided, and how it splits between public and private money and between\n"
    "cash and in kind. The text report shows it as tables; outputs that show no\n"
    "tables (json, sarif, github...) get it as this note when it is selected:\n"
    "it is off by default, so that CI annotations carry problems only\n"
    "(`--select FP9` or `select = [\"FP\"]` turns it on).\n\n"
    "Fails (is reported): every plan, as a note, when selected.\n"
    "Passes: never silent when selected.",
    source="Tillväxtverket, \"Planera er finansieringsbudget\"", on_by_default=False,
)
