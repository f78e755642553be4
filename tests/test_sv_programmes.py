"""The programme rules (FP601–FP610) and the profiles in Swedish: findings with their figures,
settings' meanings and sources in `finplan rules` and the report, and the same findings' identity
(fingerprints) in both languages."""

from __future__ import annotations

import json

import pytest
from conftest import PLANS, run_finplan

from finplan.codes import CATALOGUE
from finplan.i18n import catalog_text, parse_po
from finplan.profiles import GENERAL, PROFILES

WIDE = {"COLUMNS": "400"}  # one table row a line, so a cell's text is not wrapped
PROGRAMME_PLANS = sorted((PLANS / "invalid").glob("fp6*.yaml"))


def _messages(*args) -> list[str]:
    run = run_finplan(*args, "-o", "concise")
    return [finding["message"] for finding in run.problems()]


@pytest.mark.parametrize(
    ("plan", "swedish"),
    [
        (
            "fp601-in-kind-ceiling.yaml",
            "den offentliga finansieringen är 900 kr med bidrag i annat än pengar; de stödberättigande utgifterna "
            "utom bidrag i annat än pengar är 1 000 kr − 300 kr = 700 kr: 200 kr över; förväntat: offentligt stöd "
            "högst de stödberättigande utgifterna utom bidrag i annat än pengar, annars är bidragen i annat än "
            "pengar inte stödberättigande",
        ),
        (
            "fp603-de-minimis.yaml",
            "de minimis-stödet till 556677-8899 är 250 000 EUR i den här planen och 100 000 EUR under de tre åren "
            "dessförinnan: 350 000 EUR; taket för stöd som beviljas 2024-03-01 är 300 000 EUR (300 000 EUR): "
            "50 000 EUR över",
        ),
        (
            "fp604-staff-flat-rate-procurement.yaml",
            "`tjanster` är ett offentligt tjänstekontrakt över EU:s tröskelvärden, och personalkostnaderna är en "
            "schablon av de övriga direkta kostnaderna; förväntat: faktiska personalkostnader eller "
            "enhetskostnader, eftersom schablonen inte är tillåten med ett sådant kontrakt",
        ),
        (
            "fp608-in-kind-co-financing.yaml",
            "`foretaget` är 35 000 kr i annat än pengar från Testföretaget AB; interreg_nord_2014_2020 godtar ingen "
            "medfinansiering i annat än pengar från någon finansiär; förväntat: kontant medfinansiering",
        ),
    ],
)
def test_a_programme_finding_in_swedish_with_its_figures(plan, swedish):
    assert _messages("--lang", "sv", "check", PLANS / "invalid" / plan) == [swedish]


def test_a_split_held_to_the_fund_shares_says_over_and_short_in_swedish():
    assert _messages("--lang", "sv", "check", PLANS / "invalid" / "fp609-fund-shares.yaml") == [
        "den del av `julkinen` som EU betalar är 5 000 EUR, 50,00 %; leader_fi_2014_2020 sätter EU:s del till "
        "42 %, 4 200 EUR: 800 EUR över",
        "den del av `julkinen` som Valtio betalar är 3 000 EUR, 30,00 %; leader_fi_2014_2020 sätter statens del "
        "till 38 %, 3 800 EUR: 800 EUR för lite",
    ]


_SMALL_OPERATION = """\
finplan: 1
profiles: [erdf_2021_2027]
project:
  name: Testprojekt
  owner: Testregionen
  period: {start: 2024-01-01, end: 2025-12-31}
total: 100 000
financing:
  - {id: eu, financier: Tillväxtverket, sector: public, form: cash, status: decided, scheme: erdf, amount: 40 000}
  - {id: region, financier: Testregionen, sector: public, form: cash, status: decided, amount: 60 000}
costs:
  - {id: lokal, category: premises_equipment, amount: 100 000}
"""


def test_a_cost_category_is_named_in_the_readers_language(write):
    """FP602 names the line's category; English keeps the keyword's words, Swedish the budget's term."""
    plan = write(_SMALL_OPERATION)
    english = _messages("--lang", "en", "check", plan)
    swedish = _messages("--lang", "sv", "check", plan)
    assert english == [
        "`lokal` is premises equipment at real cost, but the total 100 000 kr is at most 200 000 EUR "
        "(2 100 000 kr); expected unit costs, a lump sum or a flat rate (`paid_as:` or `flat_rate:`), "
        "or `state_aid: true` on the support"
    ]
    assert swedish == [
        "`lokal` (lokaler och utrustning) redovisas till faktiska kostnader, men totalen 100 000 kr är högst "
        "200 000 EUR (2 100 000 kr); förväntat: enhetskostnader, en klumpsumma eller en schablon (`paid_as:` "
        "eller `flat_rate:`), eller `state_aid: true` på stödet"
    ]


_TALKO = """\
finplan: 1
profiles: [leader_ax]
currency: EUR
project:
  name: Byaprojekt
  owner: Byalaget
  period: {start: 2024-01-01, end: 2024-12-31}
total: 10 000
financing:
  - {id: leader, financier: Leader Åland, sector: public, form: cash, status: decided, scheme: leader, amount: 8 000}
  - id: talko
    financier: Byalaget
    sector: private
    form: in_kind
    status: decided
    amount: 2 000
    basis: [{hours: 40, rate: 50, volunteer: machine}]
"""


def test_a_machine_hour_of_talko_over_the_rate_in_swedish(write):
    assert _messages("--lang", "sv", "check", write(_TALKO)) == [
        "rad 1 i beräkningsunderlaget för `talko` värderar en timme ideellt arbete med maskin till 50 EUR; "
        "leader_ax värderar den till högst 40 EUR: 10 EUR över"
    ]


@pytest.mark.parametrize("plan", PROGRAMME_PLANS, ids=lambda path: path.stem)
def test_a_programme_findings_identity_is_the_same_in_both_languages(plan):
    """Fingerprints, codes, places and figures of the json report do not follow the language; the words do."""
    english = json.loads(run_finplan("--lang", "en", "check", plan, "-o", "json").output)
    swedish = json.loads(run_finplan("--lang", "sv", "check", plan, "-o", "json").output)

    def without_messages(report):
        return [{k: v for k, v in finding.items() if k != "message"} for finding in report["files"][0]["findings"]]

    assert without_messages(swedish) == without_messages(english)
    found = [(e["code"], e["message"], s["message"]) for e, s in zip(english["files"][0]["findings"], swedish["files"][0]["findings"])]
    programme = [item for item in found if item[0].startswith("FP6")]
    assert programme and all(english_text != swedish_text for _code, english_text, swedish_text in programme)


def test_finplan_rules_in_swedish_gives_settings_meanings_sources_titles_and_periods():
    run = run_finplan("--lang", "sv", "rules", env=WIDE)
    rows = {line.split()[0]: line for line in run.output.splitlines() if line.strip()}
    advance = rows["anslag_1_1.advance_max_share"]
    assert "förskott som andel av bidraget, högst" in advance
    simplified = rows["erdf_2021_2027.simplified_costs_up_to"]
    assert "en insats vars totala kostnad är högst detta belopp ersätts som enhetskostnader" in simplified
    assert "Förordning (EU) 2021/1060 artikel 53.2 (docs/programme-sources.md §2.3)" in simplified
    assert "de minimis" in rows["erdf_2021_2027.de_minimis_max"] and "stöd av mindre betydelse" in rows["erdf_2021_2027.de_minimis_max"]
    erdf = rows["erdf_2014_2020"]
    assert "Europeiska regionala utvecklingsfonden 2014–2020 (Regionalfonden), de svenska regionala programmen" in erdf
    assert "2014-01-01 till 2023-12-31: Förordning (EU) nr 1303/2013 artikel 65.2: utgifter betalda från" in erdf
    for english in ("an advance (förskott) as a share", "is paid as unit costs", "Swedish regional programmes", " art. 53.2"):
        assert english not in run.output


def test_finplan_rules_in_english_keeps_the_english_texts():
    run = run_finplan("--lang", "en", "rules", env=WIDE)
    rows = {line.split()[0]: line for line in run.output.splitlines() if line.strip()}
    assert "an advance (förskott) as a share of the grant, at most" in rows["anslag_1_1.advance_max_share"]
    assert "2014-01-01 to 2023-12-31: Förordning (EU) nr 1303/2013 art. 65.2: expenditure paid" in rows["erdf_2014_2020"]


def test_the_numbers_in_force_give_their_sources_in_swedish():
    run = run_finplan("--lang", "sv", "check", "--tables", PLANS / "valid" / "erdf-2021-2027.yaml", env=WIDE)
    rows = {line.split()[0]: line for line in run.output.splitlines() if line.strip()}
    assert "Förordning (EU) 2021/1060 artikel 53.2 (docs/programme-sources.md §2.3)" in rows["erdf_2021_2027.simplified_costs_up_to"]
    assert "finplans eget värde; timkostnader avrundas ofta till hela enheter" in rows["hourly_rate_tolerance"]
    assert "Tillväxtverket, utlysning för" in rows["erdf_2021_2027.max_share"] or "eufonder.se" in rows["erdf_2021_2027.max_share"]
    assert "art. 53.2" not in run.output and "finplan's own" not in run.output


def test_a_programme_rules_documentation_in_swedish():
    run = run_finplan("--lang", "sv", "rule", "FP601")
    assert (
        "Källa: Förordning (EU) 2021/1060 artikel 67.1 a; Förordning (EU) nr 1303/2013 artikel 69.1 a "
        "(docs/programme-sources.md §2.8)"
    ) in run.output
    assert "Offentligt stöd, inklusive bidrag i annat än pengar, ryms inom" in run.output
    assert "Varför:" in run.output and "Underkänns:" in run.output and "Godkänns:" in run.output
    assert "Why:" not in run.output and "the eligible expenditure" not in run.output


def test_every_programme_text_has_its_swedish_entry():
    """Each paragraph and source of FP601–FP610, and each profile's title, period, settings and requirements."""
    catalog = {entry.msgid for entry in parse_po(catalog_text("sv")) if entry.translated}
    texts = [text for code in CATALOGUE.values() if code.code.startswith("FP6") for text in (*code.paragraphs, code.source)]
    for profile in (GENERAL, *PROFILES.values()):
        texts += [profile.title, profile.period_source, *(reason for _key, reason in profile.requires)]
        for setting in profile.settings:
            texts += [setting.meaning, setting.source, *(source for _choice, _value, source, *_dates in setting.table)]
    # A source that is word for word a code's source is translated with that code's documentation.
    sources_of_codes = {code.source for code in CATALOGUE.values()}
    assert not {text for text in texts if text and text not in catalog} - sources_of_codes
