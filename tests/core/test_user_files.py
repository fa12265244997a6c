"""The user's own folder wins over the shipped data: spellings, aliases, messages and rule sets
added there change what the installed command line reads, with no reinstall; a broken user file
is named with its line and set aside while the shipped data keeps working."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from donation_checker.importer import load_model_names, load_vocabulary
from donation_checker.importer.vocabulary import vocabulary_layers
from donation_checker.pipeline import run_assessment
from donation_checker.render import renderer
from donation_checker.report.rows import input_rows
from donation_checker.report.texts import label
from donation_checker.ruleset import available_rulesets, load_ruleset
from donation_checker.user_data import ignored_user_files, user_files_in_use
from donation_checker.user_files import CONFIG_DIR_ENV, merge, user_config_dir

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "sample_inventories"
# A header and a make no shipped file knows: only the user's files can teach them.
OFFER = "Category;Make;Model;Quantity;Kwyjibo\nPick-up;Zorgmobil;Land Cruiser 79;4;HZJ79\n"
USER_FIELDS = '[[tables.offer_lines.fields]]\nname = "variant"\nsynonyms = ["Kwyjibo"]\n'
USER_FIELDS_TABLE = (
    "# my spellings\n[tables.offer_lines]\n"
    'fields = [{ name = "variant", synonyms = ["Kwyjibo"] }]\n'
)
USER_ALIASES = '[makes]\n"zorgmobil" = "Toyota"\n'


@pytest.fixture
def folder() -> Path:
    path = user_config_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package laid out as an installation lays it: rules as package data, no checkout."""
    site = tmp_path_factory.mktemp("site")
    shutil.copytree(
        ROOT / "donation_checker",
        site / "donation_checker",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copytree(ROOT / "rules", site / "donation_checker" / "_rules")
    return site


def run_installed(site: Path, config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), CONFIG_DIR_ENV: str(config)}
    return subprocess.run(
        [sys.executable, "-m", "donation_checker.cli", *args],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def offer_report(site: Path, config: Path, offer: Path) -> tuple[dict[str, Any], str]:
    done = run_installed(site, config, "check-offer", str(offer), "--json", "-", "--lang", "en")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), done.stderr


def test_installed_cli_learns_a_spelling_and_an_alias_from_the_user_folder(
    installed: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    offer = tmp_path / "offer.csv"
    offer.write_text(OFFER, encoding="utf-8")
    assert (installed / "donation_checker" / "_rules" / "fields.toml").is_file()

    before, _ = offer_report(installed, config, offer)
    mapped = {m["header"]: m["field"] for m in before["tables"][0]["mapping"]}
    assert "Kwyjibo" not in mapped
    assert before["lines"][0]["make"] == "Zorgmobil"

    # The officer edits files in their own folder; the installed copy is not touched.
    (config / "fields.toml").write_text(USER_FIELDS, encoding="utf-8")
    (config / "aliases.toml").write_text(USER_ALIASES, encoding="utf-8")
    after, errors = offer_report(installed, config, offer)
    mapped = {m["header"]: m["field"] for m in after["tables"][0]["mapping"]}
    assert mapped["Kwyjibo"] == "variant"
    assert after["lines"][0]["variant"] == "HZJ79"
    assert after["lines"][0]["make"] == "Toyota"
    assert "ignored" not in errors and "Traceback" not in errors


def test_installed_cli_names_a_broken_user_file_and_its_line_and_keeps_working(
    installed: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    offer = tmp_path / "offer.csv"
    offer.write_text(OFFER.replace("Zorgmobil", "Toyota"), encoding="utf-8")
    (config / "fields.toml").write_text(
        '[[tables.offer_lines.fields]]\nname = "variant"\nsynonyms = [Kwyjibo]\n',
        encoding="utf-8",
    )
    report, errors = offer_report(installed, config, offer)
    assert str(config / "fields.toml") in errors
    assert "line 3, column 13" in errors
    assert "Traceback" not in errors
    # The shipped vocabulary still reads the offer.
    assert report["lines"][0]["make"] == "Toyota"
    assert report["rows_imported"] == 1


def test_a_user_fields_file_adds_spellings_and_keeps_the_shipped_ones(folder: Path) -> None:
    shipped = load_vocabulary().table("offer_lines").field("variant")
    (folder / "fields.toml").write_text(USER_FIELDS_TABLE, encoding="utf-8")
    merged = load_vocabulary().table("offer_lines").field("variant")
    assert merged.synonyms == (*shipped.synonyms, "Kwyjibo")
    assert merged.type == shipped.type
    assert [(role, f.path) for role, f in user_files_in_use()] == [
        ("vocabulary", folder / "fields.toml")
    ]
    (folder / "fields.toml").unlink()
    assert load_vocabulary().table("offer_lines").field("variant") == shipped


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[tables.fleet\n", "line 1"),
        ('[tables.fleet]\nsheet_names = ["parc"\n', "line 3 (end of the file)"),
        ('[[tables.fleet.fields]]\nname = "serial"\nsynonyms = "plaque"\n', "synonyms"),
        ('[[tables.fleet.fields]]\nname = "colour"\ntype = "paint"\n', "paint"),
        ("tables = 3\n", "wrong form"),
        ("[matching]\ntake = 2.5\n", "take"),
        (b"\xff\xfe[tables]".decode("latin-1"), "UTF-8"),
    ],
)
def test_a_bad_user_fields_file_is_named_and_set_aside(folder: Path, text: str, says: str) -> None:
    data = text.encode("latin-1") if "UTF-8" in says else text.encode("utf-8")
    (folder / "fields.toml").write_bytes(data)
    layers = vocabulary_layers()
    assert layers.user_file is None and layers.ignored is not None
    message = layers.ignored.describe("en")
    assert str(folder / "fields.toml") in message and says in message
    assert [e.describe("en") for e in ignored_user_files()] == [message]
    assert layers.value.table("fleet").field("serial").synonyms  # the shipped data is whole


def test_user_aliases_add_and_override_and_a_bad_one_is_set_aside(folder: Path) -> None:
    assert load_model_names().make("Zorgmobil") == "Zorgmobil"
    (folder / "aliases.toml").write_text(
        USER_ALIASES + '"mb" = "MB Trac"\n[models.Toyota]\n"lc 79" = "Land Cruiser 79"\n',
        encoding="utf-8",
    )
    names = load_model_names()
    assert names.make("Zorgmobil") == "Toyota"
    assert names.make("MB") == "MB Trac"  # the user's entry wins over the shipped one
    assert names.make("Renault truck") == "Renault Trucks"  # shipped entries stay
    (folder / "aliases.toml").write_text('[makes]\n"mb" = 3\n', encoding="utf-8")
    assert load_model_names().make("MB") == "Mercedes-Benz"
    (problem,) = ignored_user_files()
    assert str(folder / "aliases.toml") in problem.describe("fr")


def test_a_user_default_rule_set_replaces_the_shipped_one_and_the_annex_says_so(
    folder: Path,
) -> None:
    shipped = load_ruleset()
    family = next(iter(shipped.families))
    mine = shipped.with_family_weights({family: 7.0}).to_toml()
    (folder / "rules").mkdir()
    (folder / "rules" / "default.toml").write_text(mine, encoding="utf-8")
    (folder / "rules" / "other.toml").write_text(mine, encoding="utf-8")
    (folder / "aliases.toml").write_text(USER_ALIASES, encoding="utf-8")
    listed = {f.path.name: f.user for f in available_rulesets()}
    assert listed == {"default.toml": True, "other.toml": True}
    result = run_assessment(
        inventory_path=SAMPLES / "inventory_demo_en.xlsx",
        offer_path=SAMPLES / "offer_demo_en.xlsx",
    )
    assert result.ruleset.families[family].weight == 7.0
    roles = {(r.role, r.name, r.user) for r in result.assessment.inputs}
    assert ("rules", "default.toml", True) in roles
    assert ("aliases", "aliases.toml", True) in roles
    assert ("vocabulary", "fields.toml", True) not in roles  # no user fields.toml
    annex = {
        row.role: row.name for row in input_rows(result.assessment, renderer("fr", share=True))
    }
    assert annex["alias (votre dossier)"] == "aliases.toml"
    assert annex["règles (votre dossier)"] == "default.toml"
    # A broken user default is named and the shipped rules are used.
    (folder / "rules" / "default.toml").write_text("[ruleset]\nname = 3\n", encoding="utf-8")
    assert load_ruleset().families[family].weight == shipped.families[family].weight
    assert [
        str(folder / "rules" / "default.toml") in e.describe("en") for e in ignored_user_files()
    ] == [True]


def test_user_messages_reword_a_report_label(folder: Path) -> None:
    (folder / "messages.toml").write_text(
        '[labels]\nrole_offer = { en = "offer", fr = "proposition" }\n'
        'role_rules = { en = "rules", fr = "règles {oops}" }\n'
        '[general]\nnot_stated = { en = "not given", fr = "non donné" }\n',
        encoding="utf-8",
    )
    renderer.cache_clear()
    try:
        assert label("role_offer", "fr") == "proposition"
        assert label("role_offer", "en") == "offer"
        assert label("role_rules", "fr") == "règles"  # a placeholder the label lacks: kept
        # The same file rewords the assessment's own messages.
        from donation_checker.catalogue import load_catalogue

        assert load_catalogue().get("general.not_stated").text["fr"] == "non donné"
    finally:
        (folder / "messages.toml").unlink()
        renderer.cache_clear()


texts = st.text(max_size=8)
leaves = st.one_of(st.integers(), texts, st.lists(texts, max_size=4))
tables = st.dictionaries(texts, leaves, max_size=5)
documents = st.dictionaries(texts, st.one_of(leaves, tables), max_size=5)


@given(documents, documents)
def test_merge_keeps_shipped_entries_and_lets_the_user_win(
    shipped: dict[str, Any], user: dict[str, Any]
) -> None:
    merged = merge(shipped, user)
    assert set(merged) == set(shipped) | set(user)
    for key, value in merged.items():
        ours, theirs = shipped.get(key), user.get(key)
        if isinstance(ours, dict) and isinstance(theirs, dict):
            assert value == merge(ours, theirs)
        elif isinstance(ours, list) and isinstance(theirs, list):
            assert value == list(dict.fromkeys(ours + theirs))  # lists of texts: added to
        elif key in user:
            assert value == theirs
        else:
            assert value == ours
    assert merge(shipped, {}) == shipped


def test_merge_joins_fields_by_name() -> None:
    shipped = {"fields": [{"name": "a", "type": "int", "synonyms": ["x"]}, {"name": "b"}]}
    user = {"fields": [{"name": "a", "synonyms": ["y"], "max": 9}, {"name": "c"}]}
    assert merge(shipped, user) == {
        "fields": [
            {"name": "a", "type": "int", "synonyms": ["x", "y"], "max": 9},
            {"name": "b"},
            {"name": "c"},
        ]
    }


@settings(max_examples=8, deadline=None)
@given(st.lists(st.integers(0, 100), min_size=1, max_size=12))
def test_a_saved_rule_set_keeps_every_comment_and_reads_back_equal(tenths: list[int]) -> None:
    shipped = load_ruleset()
    source = shipped.source
    weights = dict(zip(shipped.families, (t / 10 for t in tenths), strict=False))
    edited = shipped.with_family_weights(weights)
    text = edited.to_toml()
    comments = [line for line in source.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) >= 16
    assert [line for line in text.splitlines() if line.lstrip().startswith("#")] == comments
    reread = load_ruleset_text(text)
    assert {f: reread.families[f].weight for f in weights} == weights
    assert reread.raw == edited.raw


def load_ruleset_text(text: str) -> Any:
    from donation_checker.ruleset import parse_ruleset

    return parse_ruleset(text.encode("utf-8"))


def test_the_user_files_command_shows_the_folder_what_is_used_and_the_default(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from donation_checker.cli import main

    (folder / "aliases.toml").write_text(USER_ALIASES, encoding="utf-8")
    (folder / "rules").mkdir()
    (folder / "rules" / "mine.toml").write_text(load_ruleset().to_toml(), encoding="utf-8")
    assert main(["user-files", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert f"Your folder: {folder}" in out
    assert f"used: {folder / 'aliases.toml'}" in out
    assert f"rules (your folder): {folder / 'rules' / 'mine.toml'}" in out
    assert "rules (shipped): " in out and "default.toml *" in out


def test_user_messages_may_reword_one_language_of_a_label(folder: Path) -> None:
    (folder / "messages.toml").write_text(
        '[labels]\nrole_offer = { en = "proposal" }\n', encoding="utf-8"
    )
    renderer.cache_clear()
    try:
        assert ignored_user_files() == []
        assert label("role_offer", "en") == "proposal"
        assert label("role_offer", "fr") == "offre"  # the shipped French stays
    finally:
        (folder / "messages.toml").unlink()
        renderer.cache_clear()


@pytest.mark.parametrize(
    "text",
    [
        '[labels]\nrole_offer = "Angebot"\n',
        '[labels]\nmy_label = { en = "offer" }\n',  # a new entry needs both languages
        '[labels]\nrole_offer = { en = "offer", fr = 3 }\n',
    ],
)
def test_a_bad_messages_file_is_named_and_the_products_wordings_stay(
    folder: Path, text: str
) -> None:
    (folder / "messages.toml").write_text(text, encoding="utf-8")
    (problem,) = ignored_user_files()
    assert str(folder / "messages.toml") in problem.describe("en")
    renderer.cache_clear()
    try:
        assert label("role_offer", "fr") == "offre"
    finally:
        renderer.cache_clear()


def test_assess_takes_a_rule_set_of_the_user_folder_by_its_name(
    folder: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from donation_checker.cli import main

    shipped = load_ruleset()
    family = next(iter(shipped.families))
    (folder / "rules").mkdir()
    (folder / "rules" / "heavy.toml").write_text(
        shipped.with_family_weights({family: 9.0}).to_toml(), encoding="utf-8"
    )
    out = tmp_path / "a.json"
    args = ["assess", "--inventory", str(SAMPLES / "inventory_demo_en.xlsx")]
    args += ["--offer", str(SAMPLES / "offer_demo_en.xlsx"), "--json", str(out)]
    assert main([*args, "--rules", "heavy"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["inputs"]["rules"] == {
        "name": "heavy.toml",
        "sha256": load_ruleset(folder / "rules" / "heavy.toml").sha256,
        "rows_imported": None,
        "rows_rejected": None,
        "user": True,
    }
    assert main([*args, "--rules", "no-such-rules"]) == 3  # neither a file nor a listed name
    assert "no-such-rules" in capsys.readouterr().err


def test_user_messages_rename_a_rule_kind_and_its_parameters(folder: Path) -> None:
    from donation_checker.engine import KINDS
    from donation_checker.render import Renderer

    (folder / "messages.toml").write_text(
        "[kinds.fuel_supply]\n"
        'title = { en = "Fuel", fr = "Carburant" }\n'
        "[kinds.fuel_supply.params]\n"
        'no_fuel = { en = "needs no fuel", fr = "sans carburant" }\n',
        encoding="utf-8",
    )
    try:
        spec = KINDS["fuel_supply"]
        fr = Renderer("fr")
        assert fr.word(spec.title_key) == "Carburant"
        assert fr.word(spec.param_key("no_fuel")) == "sans carburant"
        assert Renderer("en").word(spec.description_key).startswith("The offered fuel")
    finally:
        (folder / "messages.toml").unlink()
