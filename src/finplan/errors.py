"""The one exception for failures that stop the check of a file.

A plan that cannot be read (missing, not UTF-8, not YAML, over a limit) or that
cannot be read unambiguously (a repeated key, a tag) is refused as a whole:
the rules never see it. Everything else about a plan is a finding.
"""

from __future__ import annotations

import errno

from finplan.findings import Fix, Position
from finplan.i18n import N_, Message, expect_message


class InputError(Exception):
    """The file could not be read as a plan; `position` says where, when known.

    `message` is a `finplan.i18n.Message`: English as a `str`, shown in the
    reader's language through `_()`. A plain `str` is refused. `fix` is the
    edit the message proposes, where it proposes one (finplan.findings.Fix).
    """

    def __init__(self, message: Message, position: Position | None = None, fix: Fix | None = None) -> None:
        expect_message(message)
        super().__init__(message)
        self.message = message
        self.position = position
        self.fix = fix


# The system's reasons for refusing a file, marked for the catalog: its own (`strerror`) are English
# in every locale. The English is the system's text, so what an English reader sees does not change.
_OS_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EROFS: N_("Read-only file system"),
    errno.ENOSPC: N_("No space left on device"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
}


def os_reason(error: OSError) -> Message | str:
    """Why a file could not be read or written: the system's reason, in the reader's language where it is a known one."""
    known = _OS_REASONS.get(error.errno)
    return Message(known) if known and error.strerror == known else error.strerror or str(error)
