"""In kind, caps and floors, and flat rates in Swedish: findings, the caps table and the rules' documentation.

A finding is built in English and shown in the reader's language; its
identity (fingerprint, data) is the same whichever language a run speaks.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import PLANS, SEED, run_finplan

INVALID = PLANS / "invalid"


def _messages(run, code: str) -> list[str]:
    return [f["message"] for f in run.findings() if f["code"] == code]


def test_the_seeds_cap_and_basis_warnings_in_swedish():
    run = run_finplan("--lang", "sv", "check", SEED)
    assert run.exit_code == 0
    assert _messages(run, "FP502") == [
        "`anslag-1-1` är 19 283 329 kr, 50,0000013 % av totalen 38 566 657 kr; taket för anslag_1_1 "
        "(Förordning (2003:596) 5 § i lydelsen enligt SFS 2009:674, i kraft till 2022-12-31) är 50 %, 19 283 328,50 kr: 0,50 kr över, inom avrundningstoleransen 0,50 kr"
    ]
    assert _messages(run, "FP412") == [
        "`kommuner` är 13 622 400 kr i annat än pengar utan beräkningsunderlag; förväntat `basis:` med timmar "
        "och timpris",
        "`lansstyrelsen` är 1 702 800 kr i annat än pengar utan beräkningsunderlag; förväntat `basis:` med timmar "
        "och timpris",
    ]
    assert "within the rounding tolerance" not in run.output and "calculation basis" not in run.output


def test_the_seeds_caps_table_in_swedish():
    run = run_finplan("--lang", "sv", "check", "--tables", SEED, env={"COLUMNS": "160"})
    table = run.output[run.output.index("Tak och golv"):run.output.index("Gällande värden")]
    row = r"anslag_1_1\s+anslag-1-1\s+19 283 329 kr\s+50,0000013 %\s+högst 19 283 328,50 kr\s+0,50 kr över"
    assert re.search(row, table)
    assert "50 % av totalen 38 566 657 kr" in table
    assert "the total" not in table and "at most" not in table


def test_a_lines_own_cap_on_a_named_base_in_swedish():
    run = run_finplan("--lang", "sv", "check", INVALID / "fp501-caps-on-two-bases.yaml")
    assert run.exit_code == 1
    assert _messages(run, "FP501") == [
        "`eu` är 800 000 kr, 73,39 % av de stödberättigande kostnaderna 1 090 000 kr; radens tak är 73,37 %, "
        "799 733 kr: 267 kr över, utöver avrundningstoleransen 0,50 kr",
        "`eu` är 800 000 kr, 66,67 % av den offentliga finansieringen 1 200 000 kr; radens tak är 50 %, "
        "600 000 kr: 200 000 kr över, utöver avrundningstoleransen 0,50 kr",
    ]


def test_a_floor_on_a_named_base_and_in_money_in_swedish():
    run = run_finplan("--lang", "sv", "check", "--tables", INVALID / "fp506-floor.yaml", env={"COLUMNS": "160"})
    assert run.exit_code == 1
    assert _messages(run, "FP506") == [
        "`stod` är 20 000 kr, 33,33 % av de stödberättigande kostnaderna 60 000 kr; radens golv är 40 %, "
        "24 000 kr: 4 000 kr för lite, utöver avrundningstoleransen 0,50 kr",
        "`stod` är 20 000 kr; radens golv är 22 000 kr: 2 000 kr för lite, utöver avrundningstoleransen 0,50 kr",
    ]
    # The caps table names who set a line's own limits in the reader's language too.
    assert re.search(r"^planen\s+stod\s+20 000 kr\s+33,33 %\s+minst 24 000 kr\s+4 000 kr för lite", run.output, re.M)
    assert "the plan" not in run.output


def test_a_profiles_cap_over_every_decision_maker_in_swedish():
    plan = INVALID / "fp501-decision-makers-without-tillvaxtverket.yaml"
    run = run_finplan("--lang", "sv", "check", "--tables", plan, env={"COLUMNS": "160"})
    assert _messages(run, "FP501") == [
        "`region-a`, `region-b` är 6 000 kr, 60,00 % av totalen 10 000 kr; "
        "taket för anslag_1_1 (alla beslutsfattare) "
        "(Förordning (2003:596) 5 § i lydelsen enligt SFS 2009:674, i kraft till 2022-12-31) är 50 %, 5 000 kr: "
        "1 000 kr över, utöver avrundningstoleransen 0,50 kr"
    ]
    assert re.search(r"^anslag_1_1 \(alla beslutsfattare\)\s+region-a, region-b\s+6 000 kr", run.output, re.M)
    english = run_finplan("--lang", "en", "check", "--tables", plan, env={"COLUMNS": "160"})
    assert (
        "the cap of anslag_1_1 (all decision-makers) (Förordning (2003:596) 5 § in the wording of SFS 2009:674, "
        "in force to 2022-12-31) is 50 %, 5 000 kr: 1 000 kr over"
    ) in english.output


def test_a_cap_on_the_total_less_in_kind_in_swedish(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "finplan: 1\nprofiles: [anslag_1_1]\nsettings: {anslag_1_1.in_kind_in_base: false}\n"
        "project: {name: Test, owner: Region Test}\n"
        "total: 1000\n"
        "financing:\n"
        "  - {id: a, financier: Region, sector: public, form: cash, status: decided, appropriation: Reg.tillväxt, "
        "scheme: anslag_1_1, amount: 600}\n"
        "  - {id: b, financier: Företaget, sector: private, form: in_kind, status: decided, amount: 400, "
        "basis: [{hours: 1, rate: 400}]}\n",
        encoding="utf-8",
    )
    run = run_finplan("--lang", "sv", "check", plan)
    assert _messages(run, "FP501") == [
        "`a` är 600 kr, 100,00 % av totalen utom bidrag i annat än pengar 600 kr; taket för anslag_1_1 "
        "(Förordning (2003:596) 5 § i lydelsen enligt SFS 2022:1470, i kraft från 2023-01-01) är 50 %, 300 kr: 300 kr över, utöver avrundningstoleransen 0,50 kr"
    ]


@pytest.mark.parametrize(
    ("plan", "code", "swedish"),
    [
        ("fp411-in-kind-balance", "FP411",
         "kostnadsraderna i annat än pengar är 300 kr och finansieringen i annat än pengar är 400 kr: "
         "kostnaderna 100 kr för lite"),
        ("fp414-hours-per-year", "FP414",
         "rad 1 (Handläggare) i beräkningsunderlaget för `time` ger 1 000 timmar per person och år "
         "(2 000 timmar, 1 person, 2 år); förväntat högst 860 (1 720 x 50 %): 140 timmar över"),
        ("fp415-hourly-rate", "FP415",
         "rad 1 i beräkningsunderlaget för `time` har timpriset 450 kr; en månadslön på 35 000 kr x 12 / 1 720 "
         "plus 39,15 % PO-pålägg ger 339,78 kr: timpriset 110,22 kr över"),
        ("fp507-limit-rests-on-rounding", "FP507",
         "`grant` är 18 200 000 kr, 50,56 % av totalen 36 000 000 kr; taket för anslag_1_1 "
         "(Förordning (2003:596) 5 § i lydelsen enligt SFS 2009:674, i kraft till 2022-12-31) är 50 %, 18 000 000 kr: "
         "200 000 kr över vid exakt läsning, men inom noggrannheten hos avrundat angivna siffror; gränsen håller "
         "bara om de verkliga siffrorna ligger minst 200 000 kr till dess fördel, av de 250 000 kr som avrundningen "
         "lämnar öppet"),
        ("fp513-flat-rate-limit", "FP513",
         "`indirect` är 20 % av personalkostnaderna; erdf_2021_2027 tillåter högst 15 %: 5 procentenheter över"),
        ("fp514-flat-rate-remaining", "FP514",
         "`travel` (resor) står bredvid schablonen som täcker alla kostnader utom personal; förväntat bara rader "
         "för personal, bidrag i annat än pengar och intäkter bredvid den"),
    ],
)
def test_in_kind_and_flat_rate_findings_in_swedish(plan, code, swedish):
    run = run_finplan("--lang", "sv", "check", INVALID / f"{plan}.yaml")
    assert swedish in _messages(run, code)


def test_people_in_a_basis_row_are_counted_in_swedish(tmp_path):
    plan = (INVALID / "fp414-hours-per-year.yaml").read_text(encoding="utf-8")
    assert "hours: 2000" in plan and "people:" not in plan
    wider = tmp_path / "plan.yaml"
    # Two people at half time, 1 000 hours each a year: the same excess, counted for two.
    two = plan.replace("hours: 2000\n        rate: 400", "hours: 4000\n        people: 2\n        rate: 200")
    wider.write_text(two, encoding="utf-8")
    run = run_finplan("--lang", "sv", "check", wider)
    assert _messages(run, "FP414") == [
        "rad 1 (Handläggare) i beräkningsunderlaget för `time` ger 1 000 timmar per person och år "
        "(4 000 timmar, 2 personer, 2 år); förväntat högst 860 (1 720 x 50 %): 140 timmar över"
    ]
    assert [f["code"] for f in run.problems()] == ["FP414"]


def test_rule_fp501_documented_in_swedish():
    run = run_finplan("--lang", "sv", "rule", "FP501")
    assert run.exit_code == 0
    assert run.output.startswith("FP501 share-cap (error)\n")
    assert "Finansieringen håller sig inom sina tak: en andel av en namngiven bas, eller ett belopp." in run.output
    assert "Varför: bidrag från anslaget 1:1 får täcka högst 50 % av ett projekts utgifter" in run.output
    assert "Underkänns: `total: 1000` och en rad med `scheme: anslag_1_1` på 600 under `anslag_1_1`." in run.output
    assert "Godkänns: samma rad på 500." in run.output
    assert "Källa: Förordning (2003:596) 5 § (SFS 2009:674; från 2023-01-01 SFS 2022:1470); Förordning (EU) 2021/1060 art. 112" in (
        run.output
    )
    for english in ("Why:", "Fails:", "Passes:", "Financing stays within its caps", "the regional ERDF programmes"):
        assert english not in run.output, english


def _json_findings(language: str, plan) -> list[dict]:
    run = run_finplan("--lang", language, "check", "-o", "json", plan)
    return [finding for file in json.loads(run.output)["files"] for finding in file["findings"]]


@pytest.mark.parametrize(
    "plan",
    [
        SEED,
        INVALID / "fp501-caps-on-two-bases.yaml",
        INVALID / "fp506-floor.yaml",
        INVALID / "fp414-hours-per-year.yaml",
        INVALID / "fp512-flat-rate-total.yaml",
    ],
    ids=lambda plan: plan.stem,
)
def test_json_identity_is_the_same_in_both_languages(plan):
    english, swedish = _json_findings("en", plan), _json_findings("sv", plan)
    assert english and len(english) == len(swedish)
    for en, sv in zip(english, swedish, strict=True):
        identity = ("code", "path", "fingerprint", "data")
        assert [en[key] for key in identity] == [sv[key] for key in identity]
    # The messages themselves are the reader's: what differs is the language, not the finding.
    assert [f["message"] for f in english] != [f["message"] for f in swedish]
