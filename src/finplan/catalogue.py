"""Every code finplan reports, in one catalogue: input codes and rules alike.

The configuration refuses a code or prefix that names none of them; the
documentation, `finplan rules` and the machine-read formats list them from here.
"""

from __future__ import annotations

from collections.abc import Mapping

from finplan.codes import CODE_PATTERN, PREFIX_PATTERN, Code, input, memo, portfolio
from finplan.findings import shorten
from finplan.i18n import Message
from finplan.rules import RULES


def _declared(*modules) -> tuple[Code, ...]:
    """The codes the modules of finplan.codes define: every one, with none to list by hand."""
    return tuple(value for module in modules for value in vars(module).values() if isinstance(value, Code))


INPUT_CODES = _declared(input)
JOB_CODES = _declared(memo, portfolio)

CATALOGUE: Mapping[str, Code] = {
    item.code: item for item in sorted((*INPUT_CODES, *RULES, *JOB_CODES), key=lambda c: c.code)
}


def find(code: str) -> Code | None:
    """The code called `code`, in any case, or None."""
    return CATALOGUE.get(code.strip().upper())


def unknown_code_message(text: str, *, prefix: bool = True) -> Message | None:
    """Why `text` names no code finplan knows (with a "did you mean"), or None when it names some.

    With `prefix`, `FP1` names every code of the sums family and `FP` every code.
    """
    code = text.strip().upper()
    pattern = PREFIX_PATTERN if prefix else CODE_PATTERN
    if not pattern.match(code):
        if prefix:
            return Message("{text} is not a code or prefix, such as FP105 or FP1", text=repr(shorten(text)))
        return Message("{text} is not a code, such as FP105", text=repr(shorten(text)))
    known = any(name.startswith(code) for name in CATALOGUE) if prefix else code in CATALOGUE
    if known:
        return None
    import difflib  # only a mistyped code needs it

    close = difflib.get_close_matches(code, list(CATALOGUE), n=1, cutoff=0.6)
    if close:
        return Message("{code} is no code finplan reports; did you mean {close}?", code=code, close=close[0])
    return Message("{code} is no code finplan reports; `finplan rules` lists them", code=code)
