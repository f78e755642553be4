"""The one exception for failures that stop the check of a file.

A plan that cannot be read (missing, not UTF-8, not YAML, over a limit) or that
cannot be read unambiguously (a repeated key, a tag) is refused as a whole:
the rules never see it. Everything else about a plan is a finding.
"""

from __future__ import annotations

from finplan.findings import Position


class InputError(Exception):
    """The file could not be read as a plan; `position` says where, when known.

    `message` is a `finplan.i18n.Message`: English as a `str`, shown in the
    reader's language through `_()`.
    """

    def __init__(self, message: str, position: Position | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position
