"""`finplan memo check` on prose as officers write it: what a figure is about, and the slips it must find.

The sentences are written for these tests: a plan of five lines (two of the
same amount, one with yearly amounts, three case numbers in three forms), a
memo that states each figure once, and that memo changed in one place. Each
legitimate variant passes with no error; each slip is an error at its line.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, SEED, run_finplan
from memo_files import SEED_MEMO, seed_text

PLAN = """\
finplan: 1
profiles: [anslag_1_1]
project:
  case: RS2023/118-3
  name: Kulturarv i norr
  owner: Region Norrbotten
  period: {start: 2023-03-01, end: 2025-02-28}
total: 4 400 000
financing:
  - {id: region, financier: Region Norrbotten, sector: public, form: cash, status: proposed, appropriation: Regional utveckling, amount: 1 250 000}
  - {id: lulea, financier: Luleå kommun, sector: public, form: in_kind, status: decided, amount: 400 000, case: KS2023/41-2}
  - {id: pitea, financier: Piteå kommun, sector: public, form: cash, status: decided, appropriation: Kommunens budget, amount: 400 000}
  - {id: sparbanken, financier: Sparbanken Nord, sector: private, form: cash, status: decided, amount: 150 000, per_year: {2023: 50 000, 2024: 50 000, 2025: 50 000}}
  - {id: anslag, financier: "Anslag 1:1 Regionala utvecklingsåtgärder", sector: public, form: cash, status: applied, scheme: anslag_1_1, appropriation: "anslag 1:1", amount: 2 200 000, case: Dnr 2023-457}
"""

# Line 1: the project's case; 5: the start and end in words; 7-8: the financing; 10: a line's case.
MEMO = """\
RS2023/118-3

Kulturarv i norr

Projektet ska under två år dokumentera kulturarvet i länets kustbyar. Arbetet planeras starta den 1 mars 2023 och avslutas den 28 februari 2025.

Projektets budget är totalt 4 400 000 kronor och finansieras så här: Region Norrbotten 1 250 000 kronor, Luleå kommun 400 000 kronor i form av arbetad tid, Piteå kommun 400 000 kronor och Sparbanken Nord 150 000 kronor.
Resterande finansiering, 2 200 000 kronor (50 %), söks ur 1:1-anslaget i ärende Dnr 2023-457.

Luleå kommuns insats beslutades i ärende KS2023/41-2.
"""


@pytest.fixture
def check(write):
    """`finplan memo check` of MEMO with each (old, new) replaced, or with `added` as a paragraph of its own."""

    def run(*changes: tuple[str, str], added: str = "", plan: str = PLAN):
        text = MEMO
        for old, new in changes:
            assert old in text, old
            text = text.replace(old, new)
        if added:
            text += f"\n{added}\n"
        return run_finplan("memo", "check", write(plan), write(text, "memo.txt"))

    return run


def errors(run) -> list[tuple[str, int]]:
    return [(f["code"], int(f["line"])) for f in run.findings() if f["severity"] == "error"]


def unplaced(run) -> list[dict[str, str]]:
    """Findings with no line (a line of the plan the memo never gives)."""
    return [f for f in run.file_findings() if not re.search(r":\d+:\d+$", f["file"])]


def assert_passes(run) -> None:
    assert run.exit_code == 0, run.output
    assert errors(run) == [] and unplaced(run) == [], run.output


ADDED = MEMO.count("\n") + 2  # the line of a paragraph `added` to the memo


def test_the_memo_passes_with_every_figure_matched(check):
    run = check()
    assert_passes(run)
    assert run.findings() == [], run.output


# -- what a figure is about: legitimate prose that must pass


@pytest.mark.parametrize(
    "paragraph",
    [
        # A sentence about a whole call, with "totalt" before its sum.
        "I regionens utlysning för kulturmiljöer fick totalt nio ansökningar 6,3 miljoner kronor.",
        "Sammanlagt beviljade programmet 27 projekt 48 250 000 kronor under 2022.",
        # A ceiling after a share of the total.
        "Bidraget från 1:1-anslaget får uppgå till 50 % av den totala finansieringen, dock högst 2 500 000 kronor.",
        # An amount per year, of a line with yearly amounts and of one without.
        "Sparbanken Nord bidrar med 50 000 kronor per år.",
        "Region Norrbotten avsätter 625 000 kronor per år under två år.",
        # Several financiers: together, each, and in the words "tillsammans med".
        "Från Luleå kommun och Piteå kommun kommer tillsammans 800 000 kronor.",
        "Luleå kommun och Piteå kommun bidrar med 400 000 kronor vardera.",
        "Region Norrbotten tillsammans med Sparbanken Nord står för 1 400 000 kronor.",
        # The financier's name after the amount, with another name earlier in the sentence.
        "Region Norrbotten leder arbetet, och 150 000 kronor kommer från Sparbanken Nord.",
        "Region Norrbotten leder arbetet. 150 000 kronor kommer från Sparbanken Nord.",
        # Thin, narrow no-break and no-break spaces between digit groups.
        "Region Norrbotten bidrar med 1\u2009250\u2009000 kronor och Piteå kommun med 400\u202f000\u00a0kronor.",
        # A link whose escaped characters look like percentages and years.
        "Ansökan finns på https://www.example.se/diarium/Ans%C3%B6kan%2023%20kulturarv.pdf.",
        # Rounded as an officer rounds: to half the last digit, and cut after "drygt".
        "Region Norrbotten står för drygt 1,2 miljoner kronor, knappt 28,5 procent.",
        # A yearly breakdown that adds up, inside the period.
        "Sparbanken Nord bidrar med 150 000 kronor, varav 50 000 kronor 2023, 50 000 kronor 2024 och 50 000 kronor 2025.",
        "Av projektets kostnader fördelas 1 250 000 kronor på åren: 2023: 600 000 kronor, 2024: 650 000 kronor.",
        # Lengths and dates in words, hyphenated too.
        "Det är ett två-årigt projekt som startar den 1 mars 2023.",
        "Projektet pågår 1 mars 2023 – 28 februari 2025.",
        # A financier's amount in another decision, cited by its case number.
        "Region Norrbotten beviljade tidigare 180 000 kronor till en förstudie (RS2021/77).",
        # A financier's name before "totalt" in a sentence about a call.
        "Inom 1:1-anslaget har regionen i år totalt beviljat 23 projekt sammanlagt 31 miljoner kronor.",
        # A party the plan does not name, joined to one it does.
        "Kustföreningarna och Luleå kommun bidrar med arbetad tid för sammanlagt 610 000 kronor.",
        # The applicant named before the amount it applies for from another.
        "Region Norrbotten ansöker om 2 200 000 kronor ur anslaget.",
        # A rate, a sum of the lines just listed, and a subtotal named after a total.
        "Luleå kommuns arbetade tid värderas till 520 kronor per timme.",
        "Luleå kommun 400 000 kronor och Piteå kommun 400 000 kronor, totalt 800 000 kronor från kommunerna.",
        "Därutöver kommer totalt 150 000 kronor i privat finansiering.",
        # A table row of yearly amounts and their sum.
        "Finansiär | 2023 | 2024 | 2025 | Summa\nSparbanken Nord | 50 000 | 50 000 | 50 000 | 150 000",
        "Projektstart: 2023-03-01. Projektslut: 2025-02-28.",
        # Dates near "startar" that are not the project's start.
        "Projektet, som startar efter beslutet den 14 februari 2023, har förankrats i båda kommunerna.",
        "Projektmedel betalas ut från och med 2023-06-01.",
        # Three names and three figures, each figure one name's.
        "Region Norrbotten, Sparbanken Nord och 1:1-anslaget står för 1 250 000, 150 000 och 2 200 000 kronor.",
        # Two amounts, each with its financier named after it ("av"), the first the 1:1 grant.
        "Av projektets kostnader finansieras 2 200 000 kronor av 1:1-anslaget och 1 250 000 kronor av Region "
        "Norrbotten.",
        # An amount whose two financiers are named after it, joined by "och".
        "Därav utgörs 800 000 kronor av insatser från Luleå kommun och Piteå kommun.",
        # A table in thousands of kronor, its caption saying so, and a table in kronor after prose.
        "Finansiering (tkr)\n\nFinansiär | Belopp\nRegion Norrbotten | 1 250\n1:1-anslaget | 2 200\nTotalt | 4 400\n\n"
        "Tabellen ovan är i tusental kronor.\n\nFinansiär | Belopp\nRegion Norrbotten | 1 250 000",
        "Finansiär | Belopp (tkr)\nRegion Norrbotten | 1 250\nTotalt | 4 400",
        "Belopp i tkr\n\nFinansiär | 2023 | 2024 | 2025 | Totalt\nSparbanken Nord | 50 | 50 | 50 | 150\n"
        "Luleå kommun (arbetad tid) | | | | 400",
        "Finansiär | Belopp (mnkr)\nRegion Norrbotten | 1,25\n1:1-anslaget | 2,2\nTotalt | 4,4",
        # An amount's own unit in a heading or a row says nothing of the table's bare numbers.
        "Budget 4,4 mnkr\n\nRegion Norrbotten | 1 250 000\nSparbanken Nord | 150 tkr | 150 000",
        # A regulation's number is no case number.
        "Kostnaderna prövas enligt förordning EU 2021/1060.",
        # Case numbers in their common forms, each where it belongs.
        "Projektet har diarienummer RS2023/118-3; Luleå kommun beslutade i KS2023/41-2 och 1:1-anslaget söks i Dnr 2023-457.",
    ],
)
def test_prose_that_says_what_its_figures_are_passes(check, paragraph):
    assert_passes(check(added=paragraph))


def test_a_calls_sum_a_ceiling_and_a_yearly_amount_without_yearly_lines_are_listed_as_not_checked(check):
    run = check(added="I utlysningen beviljades totalt 11 ansökningar 9 400 000 kronor. Region Norrbotten "
                      "avsätter 625 000 kronor per år. Stödet är 50 % av den totala kostnaden, dock högst 2 500 000 kronor.")
    assert_passes(run)
    assert [(f["code"], f["line"], f["message"]) for f in run.findings()] == [
        ("FP708", str(ADDED), '"9 400 000 kronor" is about a call or programme, not this project: not checked'),
        ("FP708", str(ADDED), '"625 000 kronor" is an amount per year: not compared with a line\'s whole amount'),
        ("FP708", str(ADDED), '"2 500 000 kronor" is a ceiling, not an amount of the plan: not checked'),
    ]
    assert run.output.count("not checked") >= 4  # in the table of figures, and each note


def test_several_financiers_without_whose_part_is_which_are_not_checked(check):
    run = check(added="Luleå kommun och Sparbanken Nord bidrar med 300 000 kronor.")
    assert_passes(run)
    assert [(f["code"], f["message"]) for f in run.findings()] == [
        ("FP708", '"300 000 kronor" is given to Luleå kommun, Sparbanken Nord without saying whose part is which: '
                  "not checked"),
    ]


def test_a_figure_of_an_amount_two_lines_have_is_either_ones(write):
    # Unnamed, the first 400 000 is Piteå kommun's: Luleå kommun's is named after it.
    memo = write("Projektets budget är totalt 4 400 000 kronor.\n\nEn kommun bidrar med 400 000 kronor kontant.\n\n"
                 "Luleå kommun bidrar med 400 000 kronor i form av arbetad tid.\n\nRegion Norrbotten ger 1 250 000 "
                 "kronor, Sparbanken Nord 150 000 kronor och 1:1-anslaget 2 200 000 kronor.\n", "memo.txt")
    run = run_finplan("memo", "check", write(PLAN), memo)
    assert_passes(run)
    assert run.findings() == [], run.output


# -- slips: each an error at its line


@pytest.mark.parametrize(
    ("changes", "added", "expected"),
    [
        pytest.param([("(50 %)", "(45 %)")], "", [("FP706", 8)], id="a wrong share after Resterande"),
        pytest.param([], "Projektet omsluter 4,3 miljoner kronor totalt.", [("FP702", ADDED)],
                     id="a total rounded beyond half its last digit"),
        pytest.param([], "Region Norrbotten står för 1,2 miljoner kronor och Luleå kommun för 0,3 miljoner kronor.",
                     [("FP701", ADDED)], id="an amount cut, not rounded"),
        pytest.param([("\nResterande finansiering, 2 200 000 kronor (50 %), söks ur 1:1-anslaget i ärende Dnr 2023-457.",
                       "")], "", [("FP702", 7)], id="the remainder sentence dropped"),
        pytest.param([("starta den 1 mars 2023", "starta den 1 april 2023")], "", [("FP704", 5)],
                     id="a lone start date in words"),
        pytest.param([("avslutas den 28 februari 2025", "avslutas den 31 mars 2025")], "", [("FP704", 5)],
                     id="a lone end date in words"),
        pytest.param([], "Projektet pågår 1 april 2023 – 28 februari 2025.", [("FP704", ADDED)],
                     id="a range whose start is wrong"),
        pytest.param([], "Projektet pågår 1 mars 2023 – 31 mars 2025.", [("FP704", ADDED)],
                     id="a range whose end is wrong"),
        pytest.param([("RS2023/118-3\n", "KS2023/41-2\n"), ("i ärende KS2023/41-2.", "i ärende RS2023/118-3.")], "",
                     [("FP709", 1), ("FP709", 10)], id="two case numbers swapped"),
        pytest.param([], "Sparbanken Nord bidrar med 150 000 kronor, varav 50 000 kronor 2023, 50 000 kronor 2024 "
                         "och 50 000 kronor 2026.", [("FP704", ADDED)], id="a yearly breakdown with a year outside"),
        pytest.param([], "Sparbanken Nord bidrar med 150 000 kronor, varav 50 000 kronor 2023 och 50 000 kronor 2024.",
                     [("FP702", ADDED)], id="yearly parts short of their whole"),
        pytest.param([], "Sparbanken Nord ger 150 000 kronor till dokumentationen, varav 50 000 kronor 2022, "
                         "50 000 kronor 2023 och 50 000 kronor 2024.", [("FP704", ADDED)],
                     id="a yearly breakdown later in the sentence"),
        pytest.param([], "Sparbanken Nord bidrar med 150 000 kronor, fördelat på åren: 2023: 50 000 kronor, "
                         "2024: 60 000 kronor, 2025: 40 000 kronor.", [("FP701", ADDED), ("FP701", ADDED)],
                     id="yearly parts that are not the line's years"),
        pytest.param([], "Det är ett tre-årigt projekt.", [("FP705", ADDED)], id="a hyphenated length"),
        pytest.param([], "Från Luleå kommun och Piteå kommun kommer tillsammans 850 000 kronor.", [("FP701", ADDED)],
                     id="two financiers together"),
        pytest.param([], "Därav utgörs 850 000 kronor av insatser från Luleå kommun och Piteå kommun tillsammans.",
                     [("FP701", ADDED)], id="two financiers named after the amount, together"),
        pytest.param([], "Region Norrbotten leder arbetet, och 160 000 kronor kommer från Sparbanken Nord.",
                     [("FP701", ADDED)], id="the name after the amount"),
        pytest.param([("Region Norrbotten 1 250 000", "Region Norrbotten 1\u2009250\u2009100")], "", [("FP701", 7)],
                     id="thin spaces inside the amount"),
        pytest.param([("RS2023/118-3\n", "RS2023/181-3\n")], "", [("FP709", 1)],
                     id="a wrong digit in the project's case number at the memo's head"),
        pytest.param([], "Dnr RS2023/118-8", [("FP709", ADDED)], id="a wrong project case number after Dnr"),
        pytest.param([("i ärende KS2023/41-2.", "i ärende Dnr 2023-457.")], "", [("FP709", 10)],
                     id="a line given another line's case"),
        pytest.param([], "Projektstart: 2023-03-01. Projektslut: 2025-03-31.", [("FP704", ADDED)],
                     id="a labelled end date"),
        pytest.param([], "Finansiär | 2023 | 2024 | 2026 | Summa\nSparbanken Nord | 50 000 | 50 000 | 50 000 | 150 000",
                     [("FP704", ADDED)], id="a yearly table whose header has a year outside the period"),
        pytest.param([], "Finansiär | 2023 | 2024 | 2025 | Totalt\nSparbanken Nord | 50 000 | 50 000 | 50 000 | 140 000",
                     [("FP701", ADDED + 1)], id="a yearly table's Totalt column"),
        pytest.param([], "Finansiär | 2023 | 2024 | 2025 | Totalt\nSumma | 1 000 000 | 2 000 000 | 1 400 000 | 4 300 000",
                     [("FP702", ADDED + 1)], id="a yearly table's sum row's Totalt column"),
        pytest.param([], "Belopp i tkr\n\nFinansiär | Belopp\nRegion Norrbotten | 1 350\nTotalt | 4 400",
                     [("FP701", ADDED + 3)], id="a wrong amount in a table of thousands"),
        pytest.param([], "Belopp i tkr\n\nFinansiär | 2023 | 2024 | 2025 | Totalt\nSparbanken Nord | 50 | 60 | 50 | 150",
                     [("FP701", ADDED + 3)], id="a wrong amount of one group of digits in a table of thousands"),
        pytest.param([], "Finansiär | Belopp (mnkr)\nRegion Norrbotten | 1,35\nTotalt | 4,4", [("FP701", ADDED + 1)],
                     id="a wrong amount in a table of millions"),
        pytest.param([], "Sparbanken Nord | 50 000 | 50 000 | 50 000 | 160 000", [("FP701", ADDED)],
                     id="a table row whose parts are not its sum"),
    ],
)
def test_a_slip_is_an_error_at_its_line(check, changes, added, expected):
    run = check(*changes, added=added)
    assert run.exit_code == 1, run.output
    assert sorted(errors(run)) == sorted(expected), run.output


def test_the_error_for_a_dropped_remainder_names_what_is_left_out(check):
    run = check(("\nResterande finansiering, 2 200 000 kronor (50 %), söks ur 1:1-anslaget i ärende Dnr 2023-457.", ""))
    (error,) = [f for f in run.findings() if f["severity"] == "error"]
    assert error["message"] == ('"4 400 000 kronor" as the total: the financing listed after it leaves out line '
                                "`anslag` (2 200 000 kr), and the memo gives it nowhere else")
    assert unplaced(run) == []  # said once, at its line: no warning without one


def test_a_swapped_case_number_says_whose_it_is(check):
    run = check(("i ärende KS2023/41-2.", "i ärende RS2023/118-3."))
    (error,) = errors_found = [f for f in run.findings() if f["severity"] == "error"]
    assert errors_found and error["message"] == (
        '"RS2023/118-3" as the case number of Luleå kommun (line `lulea`): the plan gives it to the project, '
        "and Luleå kommun (line `lulea`) has KS2023/41-2"
    )


def test_a_short_date_range_is_checked_at_both_ends(write):
    plan = write(PLAN.replace("{start: 2023-03-01, end: 2025-02-28}", "{start: 2023-03-01, end: 2023-11-30}"))
    memo = MEMO.replace("den 28 februari 2025", "den 30 november 2023").replace("två år", "nio månader")
    fine = run_finplan("memo", "check", plan, write(memo + "\nProjektet pågår 1 mars – 30 november 2023.\n", "a.txt"))
    assert_passes(fine)
    wrong = run_finplan("memo", "check", plan, write(memo + "\nProjektet pågår 1 april – 30 november 2023.\n", "b.txt"))
    assert errors(wrong) == [("FP704", ADDED)], wrong.output
    assert "the start is 31 days later" in wrong.output


def test_the_seed_memo_in_the_project_still_matches_every_figure():
    run = run_finplan("memo", "check", SEED, "tests/memos/attraktiv.txt")
    assert run.exit_code == 0 and run.findings() == [], run.output
    assert "not checked" not in run.output


def test_the_seed_memo_with_a_rounding_beyond_half_its_digit_is_an_error(write):
    text = seed_text().replace("länets kommuner 13 622 400 kronor", "länets kommuner 13,5 miljoner kronor")
    run = run_finplan("memo", "check", SEED, write(text, "memo.txt"))
    assert [(f["code"], f["severity"]) for f in run.findings()] == [("FP701", "error")]


PROSE = SEED_MEMO.with_name("attraktiv-prosa.txt")


def test_a_memo_in_an_officers_own_prose_passes_with_what_it_passes_over_noted():
    # A memo of the seed's plan written as decisions are: a prior decision, a call's sum, a rate, an amount
    # per year, a ceiling, a yearly table, the applicant named before the grant it applies for.
    run = run_finplan("memo", "check", SEED, PROSE)
    assert run.exit_code == 0 and unplaced(run) == [], run.output
    assert [(f["code"], f["line"]) for f in run.findings()] == [
        ("FP708", "10"), ("FP708", "10"), ("FP708", "10"), ("FP708", "13"), ("FP708", "18"),
        *[("FP708", "21")] * 4,  # the yearly table's years: the plan gives Jämtkraft no amounts by year
    ]
    assert all(re.search("not checked|not compared|no case number", f["message"]) for f in run.findings())


@pytest.mark.parametrize(
    ("old", "new", "code", "line"),
    [
        ("Jämtkraft 300 000 kronor, totalt", "Jämtkraft 310 000 kronor, totalt", "FP701", 16),
        ("sammanlagt värde av 15 325 200 kronor", "sammanlagt värde av 15 352 200 kronor", "FP701", 13),
        ("Projektet startar den 1 oktober 2019", "Projektet startar den 1 november 2019", "FP704", 23),
        ("Dnr RUN/99/2019", "Dnr RUN/379/2019", "FP709", 2),
        ("En attraktiv region med 2 658 128 kronor", "En attraktiv region med 2 658 182 kronor", "FP701", 7),
    ],
)
def test_a_slip_in_an_officers_own_prose_is_an_error_at_its_line(write, old, new, code, line):
    text = PROSE.read_text(encoding="utf-8")
    assert old in text
    run = run_finplan("memo", "check", SEED, write(text.replace(old, new), "memo.txt"))
    assert run.exit_code == 1
    assert errors(run) == [(code, line)], run.output


def test_a_sum_of_a_financiers_cash_and_worked_hours_listed_before_it_matches(write):
    # Testkommunen has two lines: 600 000 kronor in cash and 400 000 kronor in worked hours.
    memo = write("Testkommunen bidrar med 600 000 kronor kontant och 400 000 kronor i form av arbetad tid, "
                 "sammanlagt 1 000 000 kronor. Resterande finansiering, 1 000 000 kronor, söks ur 1:1-anslaget.\n",
                 "memo.txt")
    run = run_finplan("memo", "check", str(ROOT / "tests/plans/valid/anslag-1-1.yaml"), memo)
    assert_passes(run)
