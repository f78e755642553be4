"""Input codes (FP0xx): the plan could not be read, has the wrong shape, or an ignore comment is wrong.

The loader, the shape check, inline ignores and discovery report them; they
stand here with every other code so that configuration, baselines and the
documentation know them without importing those steps.
"""

from __future__ import annotations

from finplan.codes.base import Code
from finplan.findings import Severity

_LOADER = "finplan's loader and plan format (docs/plan-format.md)"
_IGNORES = "finplan's inline ignores (docs/ci.md)"

UNREADABLE = Code(
    "FP000", "unreadable", Severity.ERROR,
    "The file could not be read as a plan.\n\n"
    "It is missing, a directory, not UTF-8, not YAML, over a limit, or it holds a\n"
    "repeated key, a tag, or a key that is not a name or a year. The plan is\n"
    "refused as a whole, and the exit code is 2.",
    source=_LOADER, fixed=True,
)
SHAPE = Code(
    "FP001", "shape", Severity.ERROR,
    "The plan does not have the format's shape.\n\n"
    "A key the format does not know (with a \"did you mean\" hint), a required key\n"
    "missing, a value of the wrong type, an amount or date that cannot be read\n"
    "exactly. No rule can run on such a plan, so the exit code is 2.",
    source=_LOADER, fixed=True,
)
IGNORE_WITHOUT_CODE = Code(
    "FP002", "ignore-without-code", Severity.ERROR,
    "An inline ignore comment names the codes it silences.\n\n"
    "`# finplan: ignore[FP203]` silences FP203 on its own line. A comment that\n"
    "names no code, or something that is not a code, would silence anything\n"
    "that appears on that line later, unread; it is an error.",
    source=_IGNORES,
)
UNUSED_IGNORE = Code(
    "FP003", "unused-ignore", Severity.WARNING,
    "An inline ignore comment silences a finding on its line.\n\n"
    "A comment naming a code that has no finding on its line silences nothing;\n"
    "left in place it would hide a later finding nobody has read. Remove it.",
    source=_IGNORES,
)
NOT_A_PLAN = Code(
    "FP004", "not-a-plan", Severity.INFO,
    "A YAML file found below a folder is not a plan, and was passed over.\n\n"
    "A plan has a top-level `finplan:` key. Other YAML in a repository (a\n"
    "pre-commit or CI configuration, a docker-compose file) is not checked when a\n"
    "folder or glob finds it; the note says which files were passed over. A file\n"
    "named on the command line is checked, unless `--skip-non-plans` (which the\n"
    "pre-commit hook gives) asks for it to be passed over in the same way.",
    source=_LOADER,
)
VALUE_CUT = Code(
    "FP005", "comment-cuts-value", Severity.WARNING,
    "A `#` right after a value's text does not start a comment by mistake.\n\n"
    "Why: YAML reads ` #` and the rest of its line as a comment, so\n"
    "`financier: Region #1` is the text \"Region\", and nothing says so. A `#`\n"
    "followed directly by text, after a value on the same line, is most likely\n"
    "part of the value: quote the value (`financier: \"Region #1\"`), or write the\n"
    "comment with a space after its `#`.\n"
    "Fails (is reported): `financier: Region #1`.\n"
    "Passes: `financier: \"Region #1\"`, `financier: Region  # the county's region`.",
    source=_LOADER,
)
