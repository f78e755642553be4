"""Every code finplan reports, declared once: its name, severity, source, profiles and documentation.

One module per family holds its codes, as ruff's `codes.rs` holds its rules';
the steps that report a code (the loader, the rules, the jobs) import it from
here and declare nothing of their own. A code is in the table by being defined
in a family module, so none can be written and then left out. The
configuration refuses a code or prefix that names none of them; the
documentation, `finplan rules` and the machine-read formats list them from here.
"""

from __future__ import annotations

from collections.abc import Mapping

from finplan.codes import eu_costs, funding, input, kinds, lines, memo, periods, portfolio, programmes, summary, sums
from finplan.codes.base import CODE_PATTERN, FAMILIES, PREFIX_PATTERN, Code
from finplan.findings import shorten
from finplan.i18n import Message

FAMILY_MODULES = (input, sums, periods, lines, kinds, funding, programmes, eu_costs, memo, portfolio, summary)

# Every declaration, in code order. Gathered by identity: a code one module imports from another is one
# declaration, while two objects with one number are two, for the tests to refuse.
CODES: tuple[Code, ...] = tuple(
    sorted(
        {
            id(value): value for module in FAMILY_MODULES for value in vars(module).values() if isinstance(value, Code)
        }.values(),
        key=lambda item: item.code,
    )
)

CATALOGUE: Mapping[str, Code] = {item.code: item for item in CODES}


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


__all__ = [
    "CATALOGUE", "CODES", "CODE_PATTERN", "FAMILIES", "FAMILY_MODULES", "PREFIX_PATTERN", "Code",
    "find", "unknown_code_message",
]
