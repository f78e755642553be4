"""Yearly frames (ramar) of appropriations, and how much of each the plans take.

A frames file, read by the loader like a plan and held to a strict model:

    currency: SEK                 # optional; SEK when left out
    frames:
      - appropriation: "Reg.tillväxt (anslag 1:1)"
        year: 2020
        amount: 5 000 000
        note: Region's 1:1 money for 2020     # optional

It is named by `--frames FILE`, or by `frames = "path"` in the `finplan.toml`
(or `[tool.finplan]` of the `pyproject.toml`) found walking up from the working
folder, the path taken from that file's folder.

A frame counts the financing lines, in the frame's currency, whose
`appropriation` is the frame's compared without regard to case or to runs of
spaces (`keys.grouping_key`), with their money in the frame's year (from
the line's breakdown, or spread by days: `spread.py`). `scheme` plays no part.
Decided money over the frame is an error (FP801); decided and applied money
over it, a warning (FP802); a matching line that cannot be put in years, a
warning (FP803).

A frames file is held to a plan's standard, as the configuration that names
it may come from anyone's pull request: only a regular file is opened (a
named pipe would wait for ever); a file without a top-level `frames:` key is
refused before it is parsed and without a word of it quoted (it may be
`/etc/passwd`); a frame below zero, or text that is no amount, is refused
at its line; and so is a control character in any text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Annotated

from finplan.discover import FRAMES_KEY
from finplan.errors import InputError
from finplan.findings import Finding, Position, describe, format_path, shorten, some
from finplan.i18n import Message, N_
from finplan.money import difference, format_kr
from finplan.portfolio.aggregate import STATUSES, LineMoney, Portfolio
from finplan.portfolio.keys import grouping_key
from finplan.codes.portfolio import FRAME_EXCEEDED, FRAME_EXCEEDED_IF_GRANTED, FRAME_UNCOUNTED


_NOT_FRAMES = N_("has no top-level `frames:` key, so it is not a frames file")


def _not_negative(amount: Decimal) -> Decimal:
    from finplan.model import validation_error

    if amount.is_signed():  # -0 too: a frame is money an appropriation has, never a debt
        raise validation_error("amount", Message("expected an amount of 0 or more: a frame cannot be below zero"))
    return amount


def _models():
    """The frames file's models; built when a frames file is read, as Pydantic models cost time to build."""
    from pydantic import AfterValidator, BaseModel, ConfigDict, Field

    from finplan.model import Amount, Currency, Text

    class Frame(BaseModel):
        model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
        appropriation: Text
        year: Annotated[int, Field(ge=1, le=9999)]
        amount: Annotated[Amount, AfterValidator(_not_negative)]
        note: Text | None = None

    class FramesFile(BaseModel):
        model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
        currency: Currency = "SEK"
        frames: Annotated[list[Frame], Field(min_length=1)]

    return FramesFile


@dataclass(frozen=True, slots=True)
class Frame:
    """One appropriation's frame for one year, and where the frames file writes it."""

    appropriation: str
    year: int
    amount: Decimal
    currency: str
    position: Position
    path: tuple = ()
    note: str | None = None


@dataclass(slots=True)
class FrameUse:
    """A frame and the money of each status, and of each plan, that falls in it."""

    frame: Frame
    by_status: dict[str, Decimal] = field(default_factory=lambda: dict.fromkeys(STATUSES, Decimal(0)))
    by_plan: dict[int, dict[str, Decimal]] = field(default_factory=dict)

    @property
    def used(self) -> Decimal:
        return sum(self.by_status.values(), Decimal(0))

    @property
    def remaining(self) -> Decimal:
        """What is left of the frame if every line counted in it is granted."""
        return self.frame.amount - self.used

    def add(self, plan: int, status: str, amount: Decimal) -> None:
        self.by_status[status] += amount
        parts = self.by_plan.setdefault(plan, dict.fromkeys(STATUSES, Decimal(0)))
        parts[status] += amount

    def plans_with(self, *statuses: str) -> list[tuple[int, Decimal]]:
        """(plan, its money of these statuses) for each plan that has some, largest first."""
        found = [(plan, sum((parts[s] for s in statuses), Decimal(0))) for plan, parts in self.by_plan.items()]
        return sorted(((plan, amount) for plan, amount in found if amount), key=lambda p: (-p[1], p[0]))


def read_frames(path: Path) -> list[Frame]:
    """The frames of the file at `path`; InputError with file:line:column when it cannot be read."""
    from finplan.loader import read_bytes

    try:
        data = read_bytes(path, regular_only=True)
    except InputError as error:
        raise InputError(Message("frames file {path} {problem}", path=path, problem=error.message)) from None
    return parse_frames(data, path)


def parse_frames(data: bytes, path: Path | str) -> list[Frame]:
    """The frames in a frames file's bytes, named `path` in messages; InputError when they cannot be read."""
    from pydantic import ValidationError

    from finplan.controls import control_characters
    from finplan.loader import decode, parse_text

    try:
        if FRAMES_KEY.search(data) is None:  # not parsed at all: its errors would quote it
            raise InputError(Message(_NOT_FRAMES))
        text = decode(data)
        document = parse_text(text)
    except InputError as error:
        if error.position is None:
            raise InputError(Message("frames file {path} {problem}", path=path, problem=error.message)) from None
        raise InputError(_at(path, error.position, error.message)) from None
    if not (isinstance(document.data, dict) and "frames" in document.data):
        raise InputError(Message("frames file {path} {problem}", path=path, problem=Message(_NOT_FRAMES)))
    controls = control_characters(text, document)
    if controls:
        raise InputError(_at(path, controls[0].position, controls[0].message()))
    try:
        model = _models().model_validate(document.data)
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        loc = tuple(detail["loc"])
        at = document.source.locate(loc, key=detail["type"] == "extra_forbidden")
        raise InputError(_at(path, at, _problem(detail, loc))) from None
    frames, seen = [], {}
    for index, item in enumerate(model.frames):
        place = ("frames", index)
        frame = Frame(
            item.appropriation, item.year, item.amount, model.currency,
            document.source.locate(place), place, item.note,
        )
        key = (grouping_key(frame.appropriation), frame.year)
        if key in seen:
            raise InputError(_at(path, frame.position, Message(
                "a second frame for `{appropriation}` in {year}; the first is on line {first}",
                appropriation=shorten(frame.appropriation), year=frame.year, first=seen[key],
            )))
        seen[key] = frame.position.line
        frames.append(frame)
    return frames


def _at(path: Path, where: Position, problem: str) -> Message:
    return Message("frames file {path}:{line}:{column}: {problem}", path=path, line=where.line, column=where.column,
                   problem=problem)


_EXPECTED = {
    "int_type": N_("expected a year written as a number, such as 2020"),
    "string_type": N_("expected text"),
    "list_type": N_("expected a list of frames"),
    "model_type": N_("expected a mapping of keys and values"),
}


def _problem(detail, loc) -> Message:
    where = f"`{format_path(loc)}`" if loc else Message("the frames file")
    value = describe(detail.get("input"))
    if detail["type"] in _EXPECTED:
        expected = Message(_EXPECTED[detail["type"]])
        return Message("{where} is {value}; {expected}", where=where, value=value, expected=expected)
    if detail["type"] == "missing":
        if loc[:-1]:
            return Message("`{place}` lacks the required key `{key}`", place=format_path(loc[:-1]), key=loc[-1])
        return Message("`the frames file` lacks the required key `{key}`", key=loc[-1])
    if detail["type"] == "extra_forbidden":
        return Message(
            "unknown key `{key}`; expected one of: currency, frames, and in a frame appropriation, year, amount, note",
            key=shorten(loc[-1]),
        )
    # A finplan validator's own words (a Message, in the reader's language), else Pydantic's.
    own = detail.get("ctx", {}).get("message")
    expected = own if isinstance(own, Message) else detail["msg"]
    return Message("{where} is {value}; {expected}", where=where, value=value, expected=expected)


def configured_frames(start: Path | None = None) -> Path | None:
    """The frames file named by `frames = "..."` in the nearest finplan.toml or [tool.finplan]."""
    from finplan.config import ConfigFinder

    frames = ConfigFinder().frames(start or Path.cwd())
    return _from_here(frames) if frames is not None else None


def _from_here(path: Path) -> Path:
    """`path` from the working folder where it lies below it, as findings name files."""
    try:
        return path.relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def measure(portfolio: Portfolio, frames: list[Frame], frames_file: str) -> None:
    """Each frame's use, and the findings about it, put into `portfolio`."""
    by_key_year: dict[tuple[str, str, int], list[tuple[LineMoney, Decimal]]] = {}
    unplaced: dict[tuple[str, str], list[LineMoney]] = {}
    for money in portfolio.lines:
        if money.line.appropriation is None or money.line.amount is None:
            continue
        key = (money.plan.currency, grouping_key(money.line.appropriation))
        if money.placement.how == "unplaced":
            unplaced.setdefault(key, []).append(money)
        for year, part in money.placement.years.items():
            by_key_year.setdefault((*key, year), []).append((money, part))
    warned: set[tuple[str, str]] = set()
    for frame in frames:
        key = (frame.currency, grouping_key(frame.appropriation))
        use = FrameUse(frame)
        for money, part in by_key_year.get((*key, frame.year), ()):
            use.add(money.plan.index, money.status, part)
        portfolio.frames.append(use)
        portfolio.findings.extend((frames_file, f) for f in _exceeded(use, portfolio))
        if key not in warned:
            warned.add(key)
            portfolio.findings.extend((frames_file, _uncounted(frame, m)) for m in unplaced.get(key, ()))
    portfolio.frames_file = frames_file


def _exceeded(use: FrameUse, portfolio: Portfolio) -> list[Finding]:
    frame = use.frame
    decided = use.by_status["decided"]
    granted = decided + use.by_status["applied"]
    if decided > frame.amount:
        code, found, plans = FRAME_EXCEEDED, decided, use.plans_with("decided")
    elif granted > frame.amount:
        code, found, plans = FRAME_EXCEEDED_IF_GRANTED, granted, use.plans_with("decided", "applied")
    else:
        return []
    named = [f"{shorten(portfolio.plans[i].label)} {format_kr(amount, frame.currency)}" for i, amount in plans]
    words = dict(
        appropriation=shorten(frame.appropriation), year=frame.year, found=format_kr(found, frame.currency),
        frame=format_kr(frame.amount, frame.currency), difference=difference(found, frame.amount, frame.currency),
        plans=some(named, 10),
    )
    if code is FRAME_EXCEEDED:
        message = Message("`{appropriation}` {year}: decided lines take {found} of a frame of {frame}: {difference}; "
                          "plans, largest first: {plans}", **words)
    else:
        message = Message("`{appropriation}` {year}: decided and applied-for lines would take {found} of a frame of "
                          "{frame}: {difference}; plans, largest first: {plans}", **words)
    return [Finding(code.code, code.severity, message, frame.path, frame.position)]


def _uncounted(frame: Frame, money: LineMoney) -> Finding:
    message = Message(
        "`{id}` of {plan} ({file}) names `{appropriation}`, which has frames, but has no yearly breakdown and no "
        "period to spread {amount} over: no frame counts it",
        id=money.line.id, plan=shorten(money.plan.label), file=money.plan.name,
        appropriation=shorten(money.line.appropriation), amount=format_kr(money.line.amount, frame.currency),
    )
    return Finding(FRAME_UNCOUNTED.code, FRAME_UNCOUNTED.severity, message, frame.path, frame.position)

