"""The profiles' data files: each number with its source and dates, each fault refused with the file's name.

A broken file is written into a folder of its own and read by the function the
package reads its own data with (profiles.load.load_profiles): the message must
name the file and what is wrong in it.
"""

from __future__ import annotations

import ast
import shutil
import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from catalog_tools import data_file_places
from conftest import ROOT

from finplan.profiles import GENERAL, PROFILES
from finplan.profiles.compact import COMPACT, DATA, compact_text, read_compact
from finplan.profiles.load import ProfileDataError, load_profiles

GENERAL_FILE = """\
title = "Every plan"
currency = "any"

[settings.hours_per_year]
kind = "hours"
value = 1720
meaning = "the hours of one person-year"
source = "Förordning (EU) 2021/1060 art. 55.2"
"""

PROGRAMME = """\
title = "A programme"
scheme = "grant"
currency = "SEK"

[settings.max_share]
kind = "percent"
value = 50
meaning = "the grant as a share of the total, at most"
source = "the programme's handbook"

[limits.max_share]
kind = "cap"
"""


def folder_with(tmp_path: Path, programme: str, **shared: str) -> Path:
    """A data folder holding `general`, one profile `programme` and the fragments `shared`."""
    (tmp_path / "shared").mkdir(parents=True)
    (tmp_path / "profiles.toml").write_text('profiles = ["programme"]\n', encoding="utf-8")
    (tmp_path / "general.toml").write_text(GENERAL_FILE, encoding="utf-8")
    (tmp_path / "programme.toml").write_text(textwrap.dedent(programme), encoding="utf-8")
    for name, text in shared.items():
        (tmp_path / "shared" / f"{name}.toml").write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def refusal(tmp_path: Path, programme: str, **shared: str) -> str:
    with pytest.raises(ProfileDataError) as refused:
        load_profiles(folder_with(tmp_path, programme, **shared))
    return str(refused.value)


def test_a_well_formed_folder_is_read_with_its_numbers_as_decimals(tmp_path):
    general, profiles, files = load_profiles(folder_with(tmp_path, PROGRAMME))
    (setting,) = profiles["programme"].settings
    assert setting.default == Decimal(50) and setting.source == "the programme's handbook"
    assert profiles["programme"].currency == "SEK" and general.settings[0].default == Decimal(1720)
    assert files == ["profiles.toml", "general.toml", "programme.toml"]


@pytest.mark.parametrize(
    "programme, fault",
    [
        (PROGRAMME.replace('source = "the programme\'s handbook"\n', ""), "settings.max_share: a number has no source"),
        (PROGRAMME.replace("value = 50", "valeu = 50"), "settings.max_share.valeu: not a key a profile file knows"),
        (PROGRAMME + "colour = 'red'\n", "limits.max_share.colour: not a key a profile file knows"),
        (PROGRAMME.replace("value = 50", "value = 0.5"), "0.5 is a TOML float, a binary fraction"),
        (PROGRAMME.replace("value = 50", 'value = "half"'), "'half' is not a number, as a setting of kind percent holds"),
        (PROGRAMME.replace('currency = "SEK"\n', ""), 'declares no `currency` ("any" where its plans may be in any)'),
        (PROGRAMME.replace('currency = "SEK"', 'currency = "kronor"'), "currency: String should match pattern"),
        (PROGRAMME.replace('kind = "cap"', 'kind = "cap"\nwhen = "commercial"'), "limits.max_share names `commercial`"),
        (PROGRAMME.replace("[limits.max_share]", "[limits.min_share]"), "limits.min_share names `min_share`"),
        (PROGRAMME.replace("[settings.max_share]", "[settings.share]"), "limits.max_share names `max_share`"),
        (
            PROGRAMME.replace('source = "the programme\'s handbook"', 'source = { cite = "handbook" }'),
            "settings.max_share cites `handbook`, which [sources] does not hold",
        ),
        ("title = 'A programme'\ncurrency = 'SEK'\nscheme = 'grant\n", "not TOML"),
    ],
)
def test_a_broken_profile_file_is_refused_naming_the_file_and_the_fault(tmp_path, programme, fault):
    message = refusal(tmp_path, programme)
    assert message.startswith(f"{tmp_path / 'programme.toml'}: ")
    assert fault in message


VERSIONED = PROGRAMME.replace(
    'value = 50\nmeaning = "the grant as a share of the total, at most"\nsource = "the programme\'s handbook"\n',
    'meaning = "the grant as a share of the total, at most"\nversions = [\n'
    '    { value = 50, source = "SFS 2009:674", end = 2022-12-31 },\n'
    '    { value = 60, source = "SFS 2022:1470", start = 2023-01-01 },\n]\n',
)


def test_versions_in_force_one_after_the_other_are_read_with_their_dates(tmp_path):
    _general, profiles, _files = load_profiles(folder_with(tmp_path, VERSIONED))
    (setting,) = profiles["programme"].settings
    assert [(v.value, str(v.start), str(v.end)) for v in setting.versions] == [(50, "None", "2022-12-31"), (60, "2023-01-01", "None")]
    assert (setting.default, setting.source) == (60, "SFS 2022:1470")  # the latest version's


@pytest.mark.parametrize(
    "change, fault",
    [
        (("start = 2023-01-01", "start = 2022-12-31"), "settings.max_share: two versions are in force on 2022-12-31"),
        (("start = 2023-01-01", "start = 2023-01-01, end = 2022-06-30"), "a version ends 2022-06-30, before it starts 2023-01-01"),
        (('source = "SFS 2009:674", ', ""), "settings.max_share.versions[0].source: missing"),
        (("meaning =", 'source = "SFS"\nmeaning ='), "takes its value and source from them"),
        ((VERSIONED[VERSIONED.index("    { value = 50"):VERSIONED.index("]\n", VERSIONED.index("versions"))], ""), "`versions` is empty"),
    ],
)
def test_versions_that_overlap_or_end_before_they_start_are_refused(tmp_path, change, fault):
    message = refusal(tmp_path, VERSIONED.replace(*change))
    assert message.startswith(f"{tmp_path / 'programme.toml'}: ") and fault in message


BY_REGION = PROGRAMME.replace(
    'value = 50\nmeaning = "the grant as a share of the total, at most"\nsource = "the programme\'s handbook"\n',
    'by = "region"\nmeaning = "the grant as a share of the total, at most"\nsource = "the programmes"\n\n'
    "[settings.max_share.table]\n"
    'north = { value = 50, source = "the north\'s call" }\n'
    'south = { value = 40, source = "the south\'s call" }\n\n'
    '[settings.region]\nkind = "choice"\nvalue = "north"\nchoices = ["north", "south"]\n'
    'meaning = "the region"\nsource = "the programmes"\n',
)


@pytest.mark.parametrize(
    "change, fault",
    [
        (('by = "region"', 'by = "area"'), "settings.max_share is by `area`, which is no choice setting of the profile"),
        (("south = {", "west = {"), "settings.max_share.table has rows ['west'] that are no choice of `region`"),
        (('choices = ["north", "south"]', 'choices = ["north", "south", "east"]'), "settings.max_share.table has no row for ['east']"),
        (('value = "north"', 'value = "east"'), "'east' is not one of its choices"),
    ],
)
def test_a_table_by_a_missing_setting_or_choice_is_refused(tmp_path, change, fault):
    load_profiles(folder_with(tmp_path / "good", BY_REGION))
    message = refusal(tmp_path, BY_REGION.replace(*change))
    assert message.startswith(f"{tmp_path / 'programme.toml'}: ") and fault in message


def test_a_row_that_changed_by_date_has_versions_and_the_plans_date_chooses_one(tmp_path):
    from finplan.profiles.records import Setting

    by_date = BY_REGION.replace(
        "north = { value = 50, source = \"the north's call\" }",
        "north = { versions = [{ value = 40, source = \"2022 call\", end = 2023-12-31 },"
        " { value = 50, source = \"2024 call\", start = 2024-01-01 }] }",
    )
    _general, profiles, _files = load_profiles(folder_with(tmp_path / "good", by_date))
    setting: Setting = profiles["programme"].settings[0]
    assert setting.row_on("north", date(2023, 5, 1)) == (40, "2022 call")
    assert setting.row_on("north", date(2024, 5, 1)) == (50, "2024 call")
    assert setting.row_on("south", date(2024, 5, 1)) == (40, "the south's call")
    both = by_date.replace("north = { versions", 'north = { value = 40, source = "x", versions')
    assert "a row has a `value` with its `source`, or `versions`, not both" in refusal(tmp_path / "both", both)
    overlapping = by_date.replace("start = 2024-01-01", "start = 2023-06-01")
    assert "two versions are in force on 2023-06-01" in refusal(tmp_path / "overlap", overlapping)


def test_a_setting_offered_when_a_missing_or_not_yes_no_setting_is_refused(tmp_path):
    offered = PROGRAMME.replace('source = "the programme\'s handbook"\n', 'source = "the programme\'s handbook"\nwhen = "research"\n', 1)
    assert "settings.max_share is offered `when` `research`, which is no bool setting of the profile" in refusal(tmp_path, offered)


def test_a_fragment_is_merged_in_where_the_profile_names_its_setting(tmp_path):
    programme = 'extends = ["rounding"]\n' + PROGRAMME.replace("[settings.max_share]", "[settings.rounding_tolerance]\n\n[settings.max_share]")
    rounding = '[settings.rounding_tolerance]\nkind = "amount"\nvalue = "0.50"\nmeaning = "rounding"\nsource = "finplan\'s own"\n'
    _general, profiles, files = load_profiles(folder_with(tmp_path, programme, rounding=rounding))
    assert [s.name for s in profiles["programme"].settings] == ["rounding_tolerance", "max_share"]
    assert str(profiles["programme"].settings[0].default) == "0.50" and "shared/rounding.toml" in files


@pytest.mark.parametrize(
    "extends, shared, fault",
    [
        (["missing"], {}, "extends `missing`, but there is no"),
        (["a"], {"a": 'extends = ["b"]\n', "b": 'extends = ["a"]\n'}, "extends itself through"),
        (["a"], {"a": "[settings.max_share]\nvalue = 0.5\n"}, "0.5 is a TOML float"),
    ],
)
def test_a_broken_fragment_is_refused_naming_the_file_it_is_in(tmp_path, extends, shared, fault):
    message = refusal(tmp_path, f"extends = {extends!r}\n".replace("'", '"') + PROGRAMME, **shared)
    assert fault in message
    if shared.get("a", "").startswith("[settings"):
        assert message.startswith(f"{tmp_path / 'shared' / 'a.toml'}: settings.max_share.value")


def test_a_fragments_setting_that_stays_incomplete_is_refused_in_the_profile_that_extends_it(tmp_path):
    shared = {"nok": '[settings.nok_per_eur]\nkind = "number"\nmeaning = "kroner per euro"\n'}
    message = refusal(tmp_path, 'extends = ["nok"]\n' + PROGRAMME, **shared)
    assert message.startswith(f"{tmp_path / 'programme.toml'}: settings.nok_per_eur: a setting has no value")
    assert message.endswith("(with the fragments it extends, merged in)")


def test_a_profile_declares_its_currency_in_its_own_file_not_in_a_fragment(tmp_path):
    shared = {"sek": 'currency = "SEK"\n'}
    message = refusal(tmp_path, 'extends = ["sek"]\n' + PROGRAMME.replace('currency = "SEK"\n', ""), **shared)
    assert message == f'{tmp_path / "programme.toml"}: declares no `currency` ("any" where its plans may be in any)'


def test_every_data_file_is_read_none_lies_forgotten():
    _general, _profiles, files = load_profiles(DATA)
    assert sorted(files) == sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.toml"))


def test_no_text_is_written_in_two_data_files_what_profiles_share_is_a_fragment():
    written = {text: {place.rsplit(":", 1)[0] for place in places} for text, places in data_file_places(ROOT / "src" / "finplan").items()}
    assert {text: files for text, files in written.items() if len(files) > 1} == {}


def test_the_documented_example_is_a_profile_file_finplan_reads(tmp_path):
    """docs/plan-format.md, "Profile files"."""
    text = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    example = text.split("```toml\n", 1)[1].split("```", 1)[0]
    folder = folder_with(tmp_path, example)
    for fragment in ("in_kind_in_base", "rounding"):
        shutil.copy(DATA / "shared" / f"{fragment}.toml", folder / "shared")
    _general, profiles, _files = load_profiles(folder)
    settings = {s.name: s for s in profiles["programme"].settings}
    assert list(settings) == ["max_share", "advance_max", "in_kind_in_base", "rounding_tolerance"]
    assert settings["max_share"].version_on(date(2023, 1, 1)).source == PROFILES["anslag_1_1"].settings[0].versions[1].source


# -- The compact form the package reads at start-up ------------------------------------------------


def test_the_compact_form_is_what_the_data_files_say():
    """`python -m finplan.profiles > src/finplan/profiles/data/compact.json` after a data file changes."""
    made = compact_text(*load_profiles(DATA), DATA)
    assert (DATA / COMPACT).read_text(encoding="utf-8") == made, "run `python -m finplan.profiles > src/finplan/profiles/data/compact.json`"


def test_the_package_reads_the_same_profiles_from_the_compact_form_as_from_the_files():
    general, profiles, _files = load_profiles(DATA)
    assert read_compact(DATA) == (general, profiles) == (GENERAL, PROFILES)


def test_an_edited_data_file_counts_at_once_though_the_compact_form_is_stale(tmp_path):
    folder = shutil.copytree(DATA, tmp_path / "data")
    path = folder / "anslag_1_1.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("value = 400000", "value = 500000"), encoding="utf-8")
    assert read_compact(folder) is None
    _general, profiles, _files = load_profiles(folder)
    assert dict((s.name, s.default) for s in profiles["anslag_1_1"].settings)["advance_max"] == 500_000


# -- No rule guesses a profile's meaning from its name ----------------------------------------------

RULE_MODULES = ("rules", "portfolio", "codes", "limits.py")
_BY_NAME = ("startswith", "endswith", "removeprefix", "removesuffix")


def _picks_by_part_of_a_name(tree: ast.AST) -> list[int]:
    """Lines comparing a part of a profile's name: `name.startswith("leader")`, `"2021" in name`, `name[:6] == ...`."""
    def part(node: ast.AST) -> bool:
        return isinstance(node, ast.Constant) and isinstance(node.value, str) and any(
            node.value != name and node.value in name for name in PROFILES
        )

    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _BY_NAME:
            arguments = [a for arg in node.args for a in (arg.elts if isinstance(arg, ast.Tuple) else [arg])]
            if any(part(a) for a in arguments):
                found.append(node.lineno)
        elif isinstance(node, ast.Compare):
            if part(node.left) and isinstance(node.ops[0], (ast.In, ast.NotIn)):
                found.append(node.lineno)
            elif isinstance(node.left, ast.Subscript) and isinstance(node.left.slice, ast.Slice):
                found += [node.lineno for c in node.comparators if part(c)]
    return found


def test_no_rule_picks_a_profile_by_a_part_of_its_name():
    """A rule asks what a profile declares (its currency, schemes, `eu_rules`, settings), never its name's prefix."""
    source = ROOT / "src" / "finplan"
    paths = [p for module in RULE_MODULES for p in ((source / module).rglob("*.py") if (source / module).is_dir() else [source / module])]
    assert len(paths) > 20
    found = {
        path.relative_to(source).as_posix(): lines
        for path in paths if (lines := _picks_by_part_of_a_name(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert found == {}


def test_the_guard_finds_a_rule_that_picks_a_profile_by_its_name():
    for guess in ('p.name.startswith("leader_se")', '"2021_2027" in profile.name', 'name[:7] == "interre"',
                  'profile.name.startswith(("erdf_", "x"))'):
        assert _picks_by_part_of_a_name(ast.parse(guess)) == [1], guess
    assert _picks_by_part_of_a_name(ast.parse('line.scheme in ("erdf", "esf_plus")\nname == "anslag_1_1"')) == []
