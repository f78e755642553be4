"""Whose figure is it: what the words of a paragraph say each of its figures is.

An amount or share is a financier's, the total, a sum or the remainder as the
words before it in its sentence say, the nearest first (see `names`). A name
before "totalt" in the same clause wins ("Jämtkraft bidrar totalt med
300 000 kronor" is Jämtkraft's). Where the words before it say nothing:

- a share right after an amount, with only punctuation between ("1 702 800
  kronor (4,4 %)", or the next cell of a table row), is that amount's share;
- otherwise a financier named right after it in the same clause counts
  ("19 283 329 kronor söks från Jämtkraft"); a genitive followed by another
  name ("Region Jämtland Härjedalens anslag 1:1") names the second;
- otherwise nothing says whose it is, and it is matched by its value alone.

A name in an earlier clause gives way to one right after the figure with
"från" ("Regionen står för personalen, och 300 000 kronor kommer från
Jämtkraft"). Names joined by "och", "samt" or a comma ("från A och B
tillsammans X kronor") are all the figure's: together, each ("vardera"), or,
where the words do not say which, either.

What the figure is said to be qualifies that: a total in a sentence about a
call or programme (`names.CALL`: "totalt beviljades 14 ansökningar …") is the
call's; a figure after "högst", "maximalt" or "upp till" is a ceiling; one
followed by "per år" or "årligen" is an amount per year, and one followed by
"per timme", "/h" or "i månaden" a rate. None of these is compared with the
plan's line or total as if it were its amount.

Figures joined by "respektive" ("Länets kommuner och Länsstyrelsen … 13 622 400
respektive 1 702 800 kronor") take the names before the first in order, or,
where the counts differ, none. The figures after "varav" or "fördelat på"
are parts of the amount before it, each with the year written beside it, if
any. A length ("tre år") and a lone date after "start" or "avslutas" count
only in a sentence that speaks of the project or its period.

Each stretch of text is read once: the words before a figure from where the
previous figure's words end, those after it up to the next figure, and a
few words either side of it for a qualifier.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from finplan.memo.figures import AMOUNT, CASE, DATE, DURATION, PERCENT, Figure, find_figures
from finplan.memo.names import CALL, NAME, SUM, TOTAL, Cue, Names
from finplan.memo.thousands import small_cells
from finplan.model import FinancingLine
from finplan.money import half

# What a figure is said to be beside whose it is (`Target.qualifier`), and what a lone date is.
CEILING, PER_YEAR, RATE, START, END, PROJECT = "ceiling", "per year", "rate", "start", "end", "project"
# Together ("tillsammans") or each ("vardera"): how a figure after several names is theirs.
TOGETHER, EACH = "together", "each"

# A sentence ends at . ! ? or ; before a capital or a digit, but not after an abbreviation ("ca. 300 000").
_SENTENCE = re.compile(
    r"(?<=[.!?;])(?<!\bca\.)(?<!c:a\.)(?<!resp\.)(?<!\bnr\.)(?<!t\.o\.m\.)(?<!f\.o\.m\.)(?<!\bkap\.)(?<!\bs\.)"
    r"\s+(?=[A-ZÅÄÖ0-9])"
)
# A colon between digits is a name's ("1:1-anslaget"), no clause's end.
_CLAUSE_END = re.compile(r"[,.;|\t(]|(?<!\d):|:(?!\d)")
_PUNCTUATION_ONLY = re.compile(r"[\W_]*")
_VARAV = re.compile(
    r"\s*,?\s*(?:varav|därav|fördelat|fördelade|fördelas|uppdelat)(?!\w)"
    r"(?:\s+(?:på|över|per)\s+(?:åren|år|följande\s+sätt)(?!\w))?\s*:?",
    re.IGNORECASE,
)
_APPLIES = re.compile(r"\s+(?:ansöker|söker|har\s+ansökt|har\s+sökt)(?!\w)", re.IGNORECASE)
# A word joined by "och" right before the first name: "Kommunerna och Länsstyrelsen".
_JOINED_WORD = re.compile(r"(?<!\w)(?:[A-ZÅÄÖ][^\W\d_]{2,}|[^\W\d_]+(?:rna|na))\s+(?:och|samt)\s+$")
_VARAV_LATER = re.compile(r"(?<!\w)(?:varav|därav)(?!\w)\s*:?", re.IGNORECASE)
_FROM = re.compile(r"(?<!\w)(?:från|ur|av)(?!\w)", re.IGNORECASE)
_JOINED = re.compile(r"\s*(?:,|och|samt|&|liksom|tillsammans\s+med)\s*", re.IGNORECASE)
_TOGETHER = re.compile(r"(?<!\w)(?:tillsammans|gemensamt|sammanlagt|totalt|sammantaget)(?!\w)", re.IGNORECASE)
_EACH = re.compile(r"(?<!\w)(?:vardera|var\s+för\s+sig|var\s+och\s+en|styck|per\s+finansiär)(?!\w)", re.IGNORECASE)
_CEILING = re.compile(
    r"(?<!\w)(?:högst|maximalt|max\.?|maximum|upp\s+till|som\s+mest|taket|tak)(?:\s+(?:på|om|med|till))?\s*$",
    re.IGNORECASE,
)
_PER_YEAR = re.compile(r"\s*(?:(?:per|/)\s*(?:år|kalenderår)|om\s+året|i\s+året|årligen)(?!\w)", re.IGNORECASE)
# "450 kronor per timme", "/h", "i månaden", "per deltagare": a rate, no amount of the plan.
_RATE = re.compile(r"\s*(?:(?:per|/)\s*[^\W\d_]+|i\s+(?:timmen|månaden|veckan))(?!\w)", re.IGNORECASE)
_YEAR_AFTER = re.compile(
    r"\s*(?:\(|(?:för|under|avser|år)\s+)?(?:år\s+)?(?P<year>(?:19|20)[0-9]{2})(?![\w-])", re.IGNORECASE
)
_YEAR_BEFORE = re.compile(r"(?<![\w-])(?P<year>(?:19|20)[0-9]{2})\s*[:–-]?\s*$")
# Between "startar" or "avslutas" and its date, only these words: "startar efter beslutet den …" is no start.
_TO_DATE = r"(?:\s*:|\s+(?:den|är|blir|på|i|med|redan|tidigast|senast|planerat|preliminärt|beräknas|beräknat))*\s*$"
_STARTS = re.compile(
    r"(?<!\w)(?:(?:projekt)?start(?:a|ar|ade|as|en|datum)?|påbörja(?:s|r|des)?|inleds|inleddes|börja(?:r|de)?"
    rf"|från\s+och\s+med|fr\.\s?o\.\s?m\.?)(?!\w){_TO_DATE}",
    re.IGNORECASE,
)
_ENDS = re.compile(
    r"(?<!\w)(?:avslut(?:a|as|ar|ades)?|(?:projekt)?slut(?:a|ar|ade|et|datum)?|till\s+och\s+med|t\.\s?o\.\s?m\.?"
    rf"|upphör)(?!\w){_TO_DATE}",
    re.IGNORECASE,
)
# A sentence a lone date is the project's start or end in: about the project, its period or its work.
_ABOUT_PROJECT_DATES = re.compile(r"(?<!\w)(?:projekt(?:et|ets|tiden|perioden|start|slut)?|perioden|arbetet)(?!\w)",
                                  re.IGNORECASE)
_THIS_PROJECT = re.compile(r"(?<!\w)projektets?(?!\w)", re.IGNORECASE)
_CELLS = re.compile(r"\||\t")
_NEAR = 40  # characters either side of a figure that a qualifier is looked for in
_CASE_LABEL = re.compile(
    r"\s*(?:(?:vårt\s+)?(?:dnr|diarienr|diarienummer|ärendenummer|ärende)\.?:?\s*)?$", re.IGNORECASE
)
_RESPECTIVELY = re.compile(r"\s*(?:,|respektive|resp\.)\s*", re.IGNORECASE)
_RESPEKTIVE = re.compile(r"respektive|resp\.", re.IGNORECASE)
_ABOUT_PROJECT = re.compile(r"projekt|period|pågå|löptid|genomför|arbetet(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Target:
    """What a figure is of: a financier's lines (NAME), the total, a sum, the remainder or a call (CALL).

    `lines` are all the lines of the financiers named, `groups` the lines of
    each one; with several, `joint` says whether the figure is theirs
    TOGETHER, EACH one's, or None where the words do not say. `qualifier`
    says the figure is a CEILING or PER_YEAR. For a lone date, `kind` is
    START or END; for a case number, PROJECT where it heads the memo.
    """

    kind: str
    lines: tuple[FinancingLine, ...] = ()
    groups: tuple[tuple[FinancingLine, ...], ...] = ()
    joint: str | None = None
    qualifier: str | None = None
    others: bool = False  # joined to a party the plan does not name: "Kommunerna och Länsstyrelsen"


@dataclass(slots=True)
class Parts:
    """ "X kronor, varav A … och B …": the whole, where "varav" ends, and the amounts after it."""

    whole: Figure
    after: int
    figures: list[Figure] = field(default_factory=list)
    years: list[tuple[int, int] | None] = field(default_factory=list)  # each part's (year, offset), as written


@dataclass(frozen=True, slots=True)
class Reading:
    """A paragraph's figures, each with its target (or None) and whether its sentence is about the project."""

    figures: list[Figure]
    targets: list[Target | None]
    about_project: list[bool]
    parts: list[Parts]
    sentences: list[int] = field(default_factory=list)  # the number of each figure's sentence in the paragraph


def attribute(text: str, names: Names, scale: int = 1) -> Reading:
    """Every figure of `text` and what the words around it say it is; its bare numbers times `scale` (a table
    in thousands, `thousands`)."""
    figures = find_figures(text)
    if scale != 1:
        figures = [replace(figure, value=figure.value * scale, step=figure.step * scale) if figure.bare else figure
                   for figure in figures]
        figures = sorted([*figures, *small_cells(text, figures, scale)], key=lambda figure: figure.start)
    reading = Reading(figures, [], [], [])
    if not figures:
        return reading
    cues = names.cues(text)
    starts = [cue.start for cue in cues]
    calls = [cue.start for cue in cues if cue.kind == CALL]
    sentences = [0] + [m.end() for m in _SENTENCE.finditer(text)]
    projects = [m.start() for m in _THIS_PROJECT.finditer(text)]
    about: dict[int, bool] = {}  # for each sentence of a length, whether it speaks of the project
    dated: dict[int, bool] = {}  # and of a lone date
    claimed = 0  # where the words of the figures so far end
    previous: tuple[Figure, Target | None] | None = None  # the last amount or share, and what it is
    parts: Parts | None = None
    whole: Figure | None = None  # the last amount that is no part, which a "varav" later in its sentence divides
    respectively: dict[int, Target | None] = {}
    chained = -1  # the last figure of the chain of figures read for "respektive" so far
    for index, figure in enumerate(figures):
        number = bisect.bisect_right(sentences, figure.start) - 1
        sentence = sentences[number]
        if parts is not None and parts.after < sentence:
            parts = None
        if previous is not None and previous[0].start < sentence:
            previous = None
        target, claimed_to = None, 0
        following = figures[index + 1].start if index + 1 < len(figures) else len(text)
        if figure.kind == AMOUNT and parts is None and whole is not None and whole.start >= sentence:
            # "… avsätter 2 658 128 kronor … för att genomföra projektet, varav 221 504 kronor 2019, …"
            varav = _VARAV_LATER.search(text, claimed, figure.start)
            if varav:
                parts = Parts(whole, varav.end())
                reading.parts.append(parts)
        if figure.kind in (AMOUNT, PERCENT):
            start = max(sentence, claimed, parts.after if parts else 0)
            if index > chained:
                found, chained = _respectively(text, figures, index, cues, starts, start)
                respectively.update(found)
            # A call named in the sentence, and "projektet" not before the figure (a sentence about this project).
            at = bisect.bisect_left(calls, figure.start)
            ends = sentences[number + 1] if number + 1 < len(sentences) else len(text)
            in_call = ((at > 0 and calls[at - 1] >= sentence) or (at < len(calls) and calls[at] < ends)) and not (
                (mention := bisect.bisect_left(projects, figure.start) - 1) >= 0 and projects[mention] >= sentence)
            if index in respectively:
                target = respectively.pop(index)
            else:
                target, claimed_to = _target(text, figure, following, cues, starts, start, previous, in_call)
            target = _qualified(text, figure, target, in_call, following)
            previous = (figure, target)
        elif figure.kind == CASE:
            target = _case_owner(text, figure, cues, starts, max(sentence, claimed))
        if figure.kind == DURATION and number not in about:
            end = sentences[number + 1] if number + 1 < len(sentences) else len(text)
            about[number] = bool(_ABOUT_PROJECT.search(text, sentence, end))
        if figure.kind == DATE:
            end = sentences[number + 1] if number + 1 < len(sentences) else len(text)
            if number not in dated:
                dated[number] = bool(_ABOUT_PROJECT_DATES.search(text, sentence, end))
            if dated[number]:
                target = _date_end(text, figure, max(sentence, claimed))
        claimed = max(figure.end, claimed_to)
        reading.targets.append(target)
        reading.about_project.append(about.get(number, False))
        reading.sentences.append(number)
        if parts is not None and figure.kind == AMOUNT:
            parts.figures.append(figure)
            parts.years.append(_year_of(text, figure, max(parts.after, figures[index - 1].end), following))
        if figure.kind == AMOUNT and parts is None:
            whole = figure
        varav = _VARAV.match(text, figure.end) if figure.kind == AMOUNT else None
        if varav:
            parts = Parts(figure, varav.end())
            reading.parts.append(parts)
            claimed = varav.end()
    if _CELLS.search(text):
        _row_of_parts(reading)
    return reading


def _row_of_parts(reading: Reading) -> None:
    """A table row whose last amount is the sum of those before it ("Jämtkraft | 100 000 | 200 000 | 300 000"):
    the others are its parts, by year or kind, and the row's name is the last one's."""
    amounts = [index for index, figure in enumerate(reading.figures) if figure.kind == AMOUNT]
    if len(amounts) < 3:
        return
    *some, last = (reading.figures[index] for index in amounts)
    rounding = half(sum((figure.step for figure in some), last.step))
    if abs(sum(figure.value for figure in some) - last.value) > rounding:
        return
    first = reading.targets[amounts[0]]
    if first is not None and reading.targets[amounts[-1]] is None:
        reading.targets[amounts[-1]] = first
    for index in amounts[:-1]:
        reading.targets[index] = None
    reading.parts.append(Parts(last, last.start, some, [None] * len(some)))


def _qualified(text: str, figure: Figure, target: Target | None, in_call: bool, following: int) -> Target | None:
    """`target`, or what the words right around the figure say it is instead: a call's, a ceiling, per year."""
    if in_call and target is not None and target.kind in (TOTAL, SUM):
        return Target(CALL)
    qualifier = None
    if _CEILING.search(text, max(0, figure.start - _NEAR), figure.start):
        qualifier = CEILING
    elif figure.kind == AMOUNT and _PER_YEAR.match(text, figure.end, following):
        qualifier = PER_YEAR
    elif figure.kind == AMOUNT and _RATE.match(text, figure.end, following):
        qualifier = RATE
    if qualifier is None:
        return target
    if target is None:
        return Target(NAME, qualifier=qualifier)
    return Target(target.kind, target.lines, target.groups, target.joint, qualifier, target.others)


def _target(text: str, figure: Figure, following: int, cues: list[Cue], starts: list[int], start: int,
            previous: tuple[Figure, Target | None] | None, in_call: bool = False) -> tuple[Target | None, int]:
    """What the words around `figure` say it is, and where the words it claimed after it end.

    The words before it are read from `start`; those after it up to the next
    figure (at `following`). A name followed by "ansöker om" or "söker" is the
    applicant's, not a financier's, and says nothing.
    """
    before = [cue for cue in cues[bisect.bisect_left(starts, start):bisect.bisect_left(starts, figure.start)]
              if cue.end <= figure.start and cue.kind != CALL
              and not (cue.kind == NAME and _APPLIES.match(text, cue.end, figure.start))]
    if before:
        nearest = len(before) - 1
        named = next((at for at in range(len(before) - 1, -1, -1) if before[at].kind == NAME), None)
        # "Jämtkraft bidrar totalt med …" is Jämtkraft's; "regionen har totalt beviljat 37 projekt …" is a call's.
        if before[nearest].kind != NAME and named is not None and not in_call and not _CLAUSE_END.search(
                text, before[named].end, before[nearest].start):
            nearest = named
        if before[nearest].kind == NAME:
            if _CLAUSE_END.search(text, before[nearest].end, figure.start):
                # "Regionen står för personalen, och 300 000 kronor kommer från Jämtkraft": the name after wins.
                after, end = _named_after(text, figure, following, cues, starts)
                if after and _FROM.search(text, figure.end, after[0].start):
                    return _named_later(text, figure, after), end
            return _named(text, figure, before, nearest, following, start), 0
        return Target(before[nearest].kind), 0
    if previous and previous[1] and previous[0].kind != figure.kind:
        if _PUNCTUATION_ONLY.fullmatch(text, previous[0].end, figure.start):
            return previous[1], 0
    after, end = _named_after(text, figure, following, cues, starts)
    if after:
        return _named_later(text, figure, after), end
    return None, 0


def _named_after(text: str, figure: Figure, following: int, cues: list[Cue],
                 starts: list[int]) -> tuple[list[Cue], int]:
    """The financiers named after `figure` in its clause (the first, and the names joined to it: "från A och
    B"), and where their names end; a genitive names the next."""
    clause = _CLAUSE_END.search(text, figure.end, following)
    end = clause.start() if clause else following
    after = [cue for cue in cues[bisect.bisect_left(starts, figure.end):bisect.bisect_left(starts, end)]
             if cue.kind == NAME and cue.end <= end]
    if not after:
        return [], 0
    at = 1 if after[0].genitive and len(after) > 1 else 0
    chosen = after[at]
    if end == following < len(text) and not _FROM.search(text, figure.end, chosen.start):
        return [], 0  # "400 000 kronor och Sparbanken Nord 150 000 kronor": the name is the next figure's
    joined = [chosen]
    if end < following:  # "… kronor från A och B 150 000 kronor": B is the next figure's
        for cue in after[at + 1:]:
            if not _JOINED.fullmatch(text, joined[-1].end, cue.start):
                break
            joined.append(cue)
    return joined, joined[-1].end


def _named_later(text: str, figure: Figure, after: list[Cue]) -> Target:
    """The financiers named after a figure: one, or several joined ("800 000 kronor från A och B")."""
    groups = tuple({tuple(line.id for line in cue.lines): cue.lines for cue in after}.values())
    if len(groups) == 1:
        return Target(NAME, groups[0], groups)
    lines = tuple({line.id: line for group in groups for line in group}.values())
    near = text[max(0, figure.start - _NEAR):after[-1].end + _NEAR]
    joint = EACH if _EACH.search(near) else TOGETHER if _TOGETHER.search(near) else None
    return Target(NAME, lines, groups, joint)


def _named(text: str, figure: Figure, before: list[Cue], nearest: int, following: int, start: int) -> Target:
    """The financiers named before a figure: the nearest, and the names joined to it ("A och B"); with
    `others` where a word the plan does not name is joined to them ("Kommunerna och Länsstyrelsen")."""
    first = nearest
    while first > 0 and before[first - 1].kind == NAME and _JOINED.fullmatch(text, before[first - 1].end,
                                                                               before[first].start):
        first -= 1
    others = bool(_JOINED_WORD.search(text, max(start, before[first].start - _NEAR), before[first].start))
    # Each financier once ("Region Test och Region Test"), by its lines' ids: a line is no dictionary key.
    groups = tuple({tuple(line.id for line in cue.lines): cue.lines for cue in before[first:nearest + 1]}.values())
    if others:
        return Target(NAME, tuple({line.id: line for group in groups for line in group}.values()), groups,
                      None, others=True)
    if len(groups) == 1:
        return Target(NAME, groups[0], groups)
    lines = tuple({line.id: line for group in groups for line in group}.values())
    near = text[before[nearest].end:min(following, figure.end + _NEAR)]
    joint = EACH if _EACH.search(near) else TOGETHER if _TOGETHER.search(near) else None
    return Target(NAME, lines, groups, joint)


def _case_owner(text: str, figure: Figure, cues: list[Cue], starts: list[int], start: int) -> Target | None:
    """Whose case number it is: the financier named before it in its sentence, the project's where it stands
    on a line of its own ("Dnr RUN/99/2019"), else not said."""
    line_start = text.rfind("\n", max(0, figure.start - _NEAR), figure.start) + 1
    line_end = text.find("\n", figure.end, figure.end + 4)
    line_end = len(text) if line_end < 0 and len(text) - figure.end <= 4 else line_end
    label = _CASE_LABEL.fullmatch(text, line_start, figure.start) if line_start or figure.start <= _NEAR else None
    alone = line_end >= 0 and not text[figure.end:line_end].strip(" \t.:)")
    # After "Dnr" on a line of its own, or a paragraph of its own: a bare number in a list may be any case's.
    if label and alone and (label.group().strip() or (line_start == 0 and line_end == len(text))):
        return Target(PROJECT)
    before = [cue for cue in cues[bisect.bisect_left(starts, start):bisect.bisect_left(starts, figure.start)]
              if cue.kind == NAME and cue.end <= figure.start]
    return Target(NAME, before[-1].lines, (before[-1].lines,)) if before else None


def _date_end(text: str, figure: Figure, start: int) -> Target | None:
    """START or END for a lone date the words before it in its clause say begins or ends the project."""
    words = text[max(start, figure.start - _NEAR):figure.start]
    if _ENDS.search(words):
        return Target(END)
    if _STARTS.search(words):
        return Target(START)
    return None


def _year_of(text: str, figure: Figure, start: int, following: int) -> tuple[int, int] | None:
    """The year written beside a part of a yearly breakdown ("100 000 kronor 2020", "2020: 100 000 kronor")."""
    after = _YEAR_AFTER.match(text, figure.end, following)
    if after:
        return int(after["year"]), after.start("year")
    before = _YEAR_BEFORE.search(text, max(start, figure.start - 12), figure.start)
    if before:
        return int(before["year"]), before.start("year")
    return None


def _respectively(text: str, figures: list[Figure], first: int, cues: list[Cue], starts: list[int],
                  start: int) -> tuple[dict[int, Target | None], int]:
    """The targets of the figures of an "X respektive Y" starting at `first`, and the chain's last figure.

    The chain is the figures of one kind after `first` with only a comma or
    "respektive" between them; the targets are empty where no "respektive"
    joins them. A chain that starts later inside it is a part of it and joins
    its figures no other way, so the caller reads each figure into one chain
    only, and "1 000 kr, 1 000 kr, …" is read once, not once from each figure.
    """
    chain, at = [first], first
    while at + 1 < len(figures):
        if figures[at + 1].kind != figures[first].kind:
            break
        if _RESPECTIVELY.fullmatch(text, figures[at].end, figures[at + 1].start) is None:
            break
        at += 1
        chain.append(at)
    if len(chain) < 2 or not _RESPEKTIVE.search(text, figures[first].end, figures[chain[-1]].start):
        return {}, at
    names = [cue for cue in cues[bisect.bisect_left(starts, start):bisect.bisect_left(starts, figures[first].start)]
             if cue.kind == NAME]
    if len(names) != len(chain):
        return dict.fromkeys(chain), at
    return {index: Target(NAME, name.lines) for index, name in zip(chain, names, strict=True)}, at
