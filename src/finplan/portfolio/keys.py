"""How a portfolio compares names: an appropriation, a case, a project, written by many hands."""

from __future__ import annotations


def grouping_key(text: str) -> str:
    """How two names are compared: case folded, runs of white space as one space, ends trimmed."""
    return " ".join(text.split()).casefold()
