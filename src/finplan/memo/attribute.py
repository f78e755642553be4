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

Figures joined by "respektive" ("Länets kommuner och Länsstyrelsen … 13 622 400
respektive 1 702 800 kronor") take the names before the first in order, or,
where the counts differ, none. The figures after "varav" are parts of the
amount before it. A length ("tre år") counts only in a sentence that speaks
of the project or its period.

Each stretch of text is read once: the words before a figure from where the
previous figure's words end, those after it up to the next figure.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from finplan.memo.figures import AMOUNT, DURATION, PERCENT, Figure, find_figures
from finplan.memo.names import NAME, Cue, Names
from finplan.model import FinancingLine

_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÅÄÖ])")
_CLAUSE_END = re.compile(r"[,.;:|\t(]")
_PUNCTUATION_ONLY = re.compile(r"[\W_]*")
_VARAV = re.compile(r"\s*,?\s*(?:varav|därav)(?!\w)", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\s*(?:,|respektive|resp\.)\s*", re.IGNORECASE)
_RESPEKTIVE = re.compile(r"respektive|resp\.", re.IGNORECASE)
_ABOUT_PROJECT = re.compile(r"projekt|period|pågå|löptid|genomför", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Target:
    """What a figure is of: a financier's lines (NAME), the total, a sum, or the remainder."""

    kind: str
    lines: tuple[FinancingLine, ...] = ()


@dataclass(slots=True)
class Parts:
    """ "X kronor, varav A … och B …": the whole, where "varav" ends, and the amounts after it."""

    whole: Figure
    after: int
    figures: list[Figure] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Reading:
    """A paragraph's figures, each with its target (or None) and whether its sentence is about the project."""

    figures: list[Figure]
    targets: list[Target | None]
    about_project: list[bool]
    parts: list[Parts]


def attribute(text: str, names: Names) -> Reading:
    """Every figure of `text` and what the words around it say it is."""
    figures = find_figures(text)
    reading = Reading(figures, [], [], [])
    if not figures:
        return reading
    cues = names.cues(text)
    starts = [cue.start for cue in cues]
    sentences = [0] + [m.end() for m in _SENTENCE.finditer(text)]
    about: dict[int, bool] = {}
    claimed = 0  # where the words of the figures so far end
    previous: tuple[Figure, Target | None] | None = None  # the last amount or share, and what it is
    parts: Parts | None = None
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
        if figure.kind in (AMOUNT, PERCENT):
            start = max(sentence, claimed, parts.after if parts else 0)
            if index > chained:
                found, chained = _respectively(text, figures, index, cues, starts, start)
                respectively.update(found)
            if index in respectively:
                target = respectively.pop(index)
            else:
                following = figures[index + 1].start if index + 1 < len(figures) else len(text)
                target, claimed_to = _target(text, figure, following, cues, starts, start, previous)
            previous = (figure, target)
        claimed = max(figure.end, claimed_to)
        if figure.kind == DURATION and number not in about:
            end = sentences[number + 1] if number + 1 < len(sentences) else len(text)
            about[number] = bool(_ABOUT_PROJECT.search(text, sentence, end))
        reading.targets.append(target)
        reading.about_project.append(about.get(number, False))
        if parts is not None and figure.kind == AMOUNT:
            parts.figures.append(figure)
        varav = _VARAV.match(text, figure.end) if figure.kind == AMOUNT else None
        if varav:
            parts = Parts(figure, varav.end())
            reading.parts.append(parts)
            claimed = varav.end()
    return reading


def _target(text: str, figure: Figure, following: int, cues: list[Cue], starts: list[int], start: int,
            previous: tuple[Figure, Target | None] | None) -> tuple[Target | None, int]:
    """What the words around `figure` say it is, and where the words it claimed after it end.

    The words before it are read from `start`; those after it up to the next
    figure (at `following`).
    """
    before = [cue for cue in cues[bisect.bisect_left(starts, start):bisect.bisect_left(starts, figure.start)]
              if cue.end <= figure.start]
    if before:
        nearest = before[-1]
        named = next((cue for cue in reversed(before) if cue.kind == NAME), None)
        if nearest.kind != NAME and named is not None and not _CLAUSE_END.search(text, named.end, nearest.start):
            nearest = named
        return Target(nearest.kind, nearest.lines), 0
    if previous and previous[1] and previous[0].kind != figure.kind:
        if _PUNCTUATION_ONLY.fullmatch(text, previous[0].end, figure.start):
            return previous[1], 0
    clause = _CLAUSE_END.search(text, figure.end, following)
    end = clause.start() if clause else following
    after = [cue for cue in cues[bisect.bisect_left(starts, figure.end):bisect.bisect_left(starts, end)]
             if cue.kind == NAME and cue.end <= end]
    if after:
        chosen = after[1] if after[0].genitive and len(after) > 1 else after[0]
        return Target(NAME, chosen.lines), chosen.end
    return None, 0


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
