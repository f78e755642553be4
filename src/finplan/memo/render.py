"""The financing section of a decision memo, written from a plan in Swedish.

In the seed memo's words: "Projektet omsluter totalt … kronor, och föreslås
finansieras enligt följande: Region Jämtland Härjedalen 2 658 128 kronor,
länets kommuner 13 622 400 kronor (i form av arbetad tid), … Resterande
finansiering, … kronor, söks från …", then what the project's owner sets
aside, and a table (Finansiär, Form, Belopp, Andel) with its sum. Lines
applied for are the remainder; decided lines say so. Amounts have a no-break
space between digit groups, so a line never breaks inside one. Where the plan
states no case number or period, the phrase that would give it is left out;
where it states no total or no amount for a line, the memo says the amount is
not stated ("belopp ej angivet") rather than give a figure.

`finplan memo check` reads every figure of this text back: the section is
written so that each figure has its financier, "totalt" or "Resterande"
before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from finplan.model import FinancingLine, Plan
from finplan.money import format_kr, format_number, format_percent, format_share
from finplan.totals import total_of

HEADING = "Finansiering"
COLUMNS = ("Finansiär", "Form", "Belopp", "Andel")
_NBSP = "\u00a0"
_HUNDREDTHS = Decimal("0.01")
_UNSTATED = "belopp ej angivet"


@dataclass(frozen=True, slots=True)
class Section:
    """The section as text and table, before any format: what every format (finplan.report.memo.render) prints."""

    project: str  # the project's name, for the title of a page of its own
    paragraphs: tuple[str, ...]
    rows: tuple[tuple[str, str, str, str], ...]
    sum_row: tuple[str, str, str, str]


def section(plan: Plan) -> Section:
    """The financing section of `plan`."""
    paragraphs = [_financing_paragraph(plan)]
    paragraphs += [_split_sentence(plan, line) for line in plan.financing if line.split]
    paragraphs += [_beside_sentence(plan, line) for line in plan.outside_total or ()]
    paragraphs += [_owner_sentence(plan, line) for line in plan.financing if _is_owners(plan, line)]
    rows = tuple(
        (line.financier, _form_cell(line), _kr(line.amount, plan), _share(line.amount, plan)) for line in plan.financing
    )
    found = total_of(plan.financing)
    share = _share(found, plan)
    if all(line.amount is None for line in plan.financing):
        summed, share = _UNSTATED, "–"  # nothing stated to sum: never "minst 0 kr"
    elif all(line.amount is not None for line in plan.financing):
        summed = _kr(found, plan)
    else:
        summed = f"minst {_kr(found, plan)}"
        share = share if plan.total is None else f"minst {share}"  # of the stated amounts only
    return Section(plan.project.name, tuple(paragraphs), rows, ("Summa", "", summed, share))


# -- the words


def _financing_paragraph(plan: Plan) -> str:
    project = plan.project
    case = getattr(project, "case", None)
    name = f"Projektet {project.name}" + (f" ({case})" if case else "")
    period = _period(plan)
    during = f" under perioden {period}" if period else ""
    if plan.total is None:
        opening = f"{name}, vars totala belopp inte anges{during}, "
    else:
        opening = f"{name} omsluter totalt {_amount(plan.total, plan)}{during}, och "
    listed = [line for line in plan.financing if line.status != "applied"]
    applied = [line for line in plan.financing if line.status == "applied"]
    if not listed:
        return f"{opening}finansieringen söks enligt följande: {_listing(applied, plan)}."
    text = f"{opening}föreslås finansieras enligt följande: {_listing(listed, plan)}."
    if applied and any(line.amount is None for line in applied):
        text += f" Resterande finansiering söks från {_joined([line.financier + _case(line) for line in applied])}."
    elif applied:
        rest = _amount(total_of(applied), plan)
        if len(applied) == 1:
            source = applied[0].financier + _case(applied[0])
        else:
            source = _joined([f"{line.financier} ({_amount(line.amount, plan)}){_case(line)}" for line in applied])
        text += f" Resterande finansiering, {rest}, söks från {source}."
    return text


def _listing(lines: list[FinancingLine], plan: Plan) -> str:
    return _joined([
        f"{line.financier}{_remarks(line)}" if line.amount is None else f"{line.financier} {_amount(line.amount, plan)}{_remarks(line)}"
        for line in lines
    ])


def _remarks(line: FinancingLine) -> str:
    """` (i form av arbetad tid, beslutat)`: the amount where it is not stated, the form where it is not cash, the
    status where decided ("beslutat med villkor" where the decision sets conditions)."""
    unstated = _UNSTATED if line.amount is None else ""
    decided = ("beslutat med villkor" if line.conditions is not None else "beslutat") if line.status == "decided" else ""
    words = [word for word in (unstated, _form_words(line), decided) if word]
    return f" ({', '.join(words)})" if words else ""


def _split_sentence(plan: Plan, line: FinancingLine) -> str:
    """`Finansieringen från Leader Testbygd, 360 000 kronor, fördelas på EU och staten 241 200 kronor (67 %) och …`:
    each payer's part, with the share the plan declares for it."""
    parts = [
        f"{part.payer} {_amount(part.amount_of(line.amount), plan)}"
        + (f" ({format_percent(part.share).replace(' ', _NBSP)})" if part.share is not None else "")
        for part in line.split or ()
    ]
    return f"Finansieringen från {line.financier}, {_amount(line.amount, plan)}, fördelas på {_joined(parts, 'och')}."


def _beside_sentence(plan: Plan, line: FinancingLine) -> str:
    """A line printed beside the total, not in it: volunteer time (ideell tid), or financing outside the books."""
    if line.basis and all(entry.volunteer for entry in line.basis):
        given = f"ideell tid motsvarande {_amount(line.amount, plan)}"
    else:
        given = f"{_amount(line.amount, plan)}{_remarks(line)}"
    return f"Därutöver bidrar {line.financier} med {given}, som inte ingår i projektets totala finansiering."


def _owner_sentence(plan: Plan, line: FinancingLine) -> str:
    """What the project's owner sets aside, as the memo's proposal says it."""
    within = f" inom {line.appropriation}" if line.appropriation else ""
    period = _period(plan)
    during = f" under perioden {period}" if period else ""
    sets_aside = "har avsatt" if line.status == "decided" else "avsätter"
    form = f" ({_form_words(line)})" if line.form == "in_kind" else ""
    amount = "ett belopp som inte anges" if line.amount is None else _amount(line.amount, plan)
    return (
        f"{plan.project.owner} {sets_aside} {amount}{form}{within}{during} "
        f"för att genomföra projektet {plan.project.name}."
    )


def _is_owners(plan: Plan, line: FinancingLine) -> bool:
    return line.status != "applied" and " ".join(line.financier.split()).lower() == " ".join(plan.project.owner.split()).lower()


def _joined(items: list[str], last: str = "samt") -> str:
    """`a, b samt c`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]


def _worked_hours(line: FinancingLine) -> bool:
    return bool(line.basis) or "arbetad tid" in (line.note or "").lower()


def _form_words(line: FinancingLine) -> str:
    if line.form != "in_kind":
        return ""
    return "i form av arbetad tid" if _worked_hours(line) else "i annat än pengar"


def _form_cell(line: FinancingLine) -> str:
    if line.form != "in_kind":
        return "Kontant"
    return "Arbetad tid" if _worked_hours(line) else "Annat än pengar"


def _case(line: FinancingLine) -> str:
    return f" (ärende {line.case})" if line.case else ""


def _period(plan: Plan) -> str | None:
    period = getattr(plan.project, "period", None)
    return f"{period.start} – {period.end}" if period is not None else None


def _amount(amount: Decimal | None, plan: Plan) -> str:
    """`38 566 657 kronor`, a no-break space between the groups and before the unit."""
    if amount is None:
        return _UNSTATED
    unit = "kronor" if plan.currency == "SEK" else plan.currency
    return f"{_digits(amount)}{_NBSP}{unit}"


def _kr(amount: Decimal | None, plan: Plan) -> str:
    if amount is None:
        return _UNSTATED
    return format_kr(amount, plan.currency).replace(" ", _NBSP)


def _digits(amount: Decimal) -> str:
    return format_number(amount).replace(" ", _NBSP)


def _share(amount: Decimal, plan: Plan) -> str:
    """`50,00 %`: two decimals, as a memo prints a share (the table's sum says what they add up to)."""
    if plan.total is None or amount is None:  # a share of what the plan leaves unstated, as format_share words it
        return format_share(amount, plan.total).replace(" ", _NBSP)
    if plan.total == 0:
        return "–"
    shown = (amount * 100 / plan.total).quantize(_HUNDREDTHS, ROUND_HALF_UP)
    return f"{'−' if shown < 0 else ''}{abs(shown):f}{_NBSP}%".replace(".", ",")
