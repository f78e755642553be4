"""The one exception for failures that stop the check of a file.

A plan that cannot be read (missing, not UTF-8, not YAML, over a limit) or that
cannot be read unambiguously (a repeated key, a tag) is refused as a whole:
the rules never see it. Everything else about a plan is a finding.
"""

from __future__ import annotations

from finplan.codes import Code
from finplan.findings import Position, Severity
from finplan.i18n import N_, Message, expect_message

INPUT_SOURCE = N_("finplan's loader and plan format (docs/plan-format.md)")

UNREADABLE = Code(
    "FP000", "unreadable", Severity.ERROR,
    "The file could not be read as a plan.\n\n"
    "It is missing, a directory, not UTF-8, not YAML, over a limit, or it holds a\n"
    "repeated key, a tag, or a key that is not a name or a year. The plan is\n"
    "refused as a whole, and the exit code is 2.",
    source=INPUT_SOURCE, fixed=True,
)


class InputError(Exception):
    """The file could not be read as a plan; `position` says where, when known.

    `message` is a `finplan.i18n.Message`: English as a `str`, shown in the
    reader's language through `_()`. A plain `str` is refused.
    """

    def __init__(self, message: Message, position: Position | None = None) -> None:
        expect_message(message)
        super().__init__(message)
        self.message = message
        self.position = position

