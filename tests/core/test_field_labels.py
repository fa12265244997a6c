"""Every field the importer knows has one label in each language, read from the message
catalogue by the core (import errors, mapping questions) and the window alike."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from donation_checker.catalogue import load_catalogue
from donation_checker.render import Renderer
from donation_checker.resources import rules_dir

with (rules_dir() / "fields.toml").open("rb") as fh:
    SHIPPED = tomllib.load(fh)["tables"]
TABLES = tuple(SHIPPED)
FIELDS = tuple(sorted({f["name"] for t in TABLES for f in SHIPPED[t]["fields"]}))
NBSP, NNBSP = "\u00a0", "\u202f"


def french_typography_problems(text: str) -> list[str]:
    """What a French proof-reader would mark in a label."""
    out = []
    if "'" in text or '"' in text:
        out.append("straight apostrophe or quotation mark")
    out += [
        f"no narrow no-break space before {m[1]}" for m in re.findall(r"([^\u202f])([;!?])", text)
    ]
    out += ["no no-break space before :" for _ in re.findall(r"[^\u00a0]:", text)]
    if re.search(r"«(?!\u00a0)|(?<!\u00a0)»", text):
        out.append("guillemets without no-break spaces inside")
    return out


@pytest.mark.parametrize("table", TABLES)
def test_every_field_of_every_table_has_a_label_in_both_languages(table: str) -> None:
    catalogue = load_catalogue()
    for field in SHIPPED[table]["fields"]:
        name = field["name"]
        entry = catalogue.get(f"fields.{name}")
        assert entry is not None, f"{table}.{name} has no label (fields.{name})"
        en, fr = entry.text["en"], entry.text["fr"]
        assert en.strip() and fr.strip(), name
        assert en != name and fr != name, f"{name}: a label, not the name"
        assert not french_typography_problems(fr), (name, fr)
        assert en[0].isupper() and fr[0].isupper(), (name, en, fr)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("table", TABLES)
def test_no_two_fields_of_a_table_share_a_label(table: str, lang: str) -> None:
    # The mapping dialog and the import report tell fields apart by their labels.
    r = Renderer(lang)
    labels = [r.field(f["name"]) for f in SHIPPED[table]["fields"]]
    assert len(labels) == len(set(labels)), labels


@given(
    names=st.lists(st.sampled_from(FIELDS), min_size=1, max_size=6),
    lang=st.sampled_from(["en", "fr"]),
)
def test_a_list_of_fields_names_each_by_its_label_in_order(names: list[str], lang: str) -> None:
    r = Renderer(lang)
    text = r.fields(names)
    position = 0
    for name in names:
        found = text.find(r.field(name), position)
        assert found >= position, (text, name)
        position = found + len(r.field(name))


def test_a_field_the_catalogue_does_not_name_keeps_its_name() -> None:
    assert Renderer("fr").field("user_added_field") == "user_added_field"


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Lots d’outillage", True),
        ("Lots d'outillage", False),
        ("Note: x", False),
        ("Note\u00a0: x", True),
    ],
)
def test_the_typography_check_itself(text: str, ok: bool) -> None:
    assert (french_typography_problems(text) == []) is ok


def test_an_import_error_names_its_command_line_option_only_on_the_command_line(
    tmp_path: Path,
) -> None:
    from openpyxl import Workbook

    from donation_checker.errors import InputRejected
    from donation_checker.importer import import_inventory

    wb = Workbook()
    ws = wb.active
    ws.title = "Parc"
    ws.append(["Catégorie", "Marque", "Modèle", "Année"])
    ws.append(["Pick-up", "Toyota", "Land Cruiser 79", 2020])
    wb.save(tmp_path / "parc.xlsx")
    with pytest.raises(InputRejected) as caught:
        import_inventory(tmp_path / "parc.xlsx")
    window = caught.value.describe("fr")
    assert "Quantité" in window and "--map" not in window
    assert "(--map)" in caught.value.describe("fr", command_line=True)
    assert "Quantity" in caught.value.describe("en", command_line=True)
