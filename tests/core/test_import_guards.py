"""Files that are not what they claim: refused by their bytes, quickly, with a named reason."""

from __future__ import annotations

import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from donation_checker.errors import InputRejected
from donation_checker.importer import import_inventory
from tests.core.workbooks import write_rows


def _reason(path: Path) -> str:
    with pytest.raises(InputRejected) as err:
        import_inventory(path)
    assert path.name in err.value.describe("en")
    return err.value.reason


def test_not_a_spreadsheet(tmp_path: Path) -> None:
    pdf = tmp_path / "inventaire.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n...")
    assert _reason(pdf) == "pdf"
    empty = tmp_path / "vide.xlsx"
    empty.write_bytes(b"")
    assert _reason(empty) == "empty_file"
    html = tmp_path / "export.xls"
    html.write_bytes(b"<html><table><tr><td>1</td></tr></table></html>")
    assert _reason(html) == "html_or_xml"


def test_truncated_zip_is_reported_as_damaged(tmp_path: Path) -> None:
    good = write_rows(tmp_path / "ok.xlsx", {"Parc": [["Marque", "Modèle"], ["Toyota", "Hilux"]]})
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert _reason(broken) == "corrupt_zip"


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert _reason(path) == "not_xlsx"


def test_encrypted_workbook_says_how_to_remove_the_password(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 512
        + "EncryptedPackage".encode("utf-16-le")
        + b"\0" * 512
    )
    with pytest.raises(InputRejected) as err:
        import_inventory(path)
    assert err.value.reason == "encrypted"
    assert "password" in err.value.describe("en")


def test_empty_workbook(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "blank.xlsx", {"Feuil1": []})
    assert _reason(path) == "empty_workbook"


def _bomb(path: Path, size: int) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            block = b" " * (1 << 20)
            for _ in range(size >> 20):
                fh.write(block)
    return path


def test_zip_bomb_is_refused_fast_and_small(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "bomb.xlsx", 600 << 20)
    assert path.stat().st_size < 2 << 20
    tracemalloc.start()
    t0 = time.perf_counter()
    assert _reason(path) == "zip_bomb"
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 2.0
    assert peak < 200 << 20


def test_zip_bomb_with_lying_declared_size_is_refused_while_inflating(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "liar.xlsx", 450 << 20)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    assert info.file_size == 450 << 20
    # Forge the declared size in the central directory entry down to 1 KB.
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_len] == b"xl/worksheets/sheet1.xml":
            break
        at = data.find(b"PK\x01\x02", at + 4)
    assert at >= 0 and int.from_bytes(data[at + 24 : at + 28], "little") == 450 << 20
    data[at + 24 : at + 28] = (1024).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo("xl/worksheets/sheet1.xml").file_size == 1024
    t0 = time.perf_counter()
    assert _reason(path) == "zip_bomb"
    assert time.perf_counter() - t0 < 2.0


def test_xml_entity_declarations_are_refused(tmp_path: Path) -> None:
    good = write_rows(tmp_path / "ok.xlsx", {"Parc": [["Marque", "Modèle"], ["Toyota", "Hilux"]]})
    evil = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(evil, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
                data = (
                    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' + body
                )
            dst.writestr(info, data)
    assert _reason(evil) == "xml_entities"


def test_rows_without_a_number_count_towards_the_extent_before_any_reader(tmp_path: Path) -> None:
    """The reader numbers such rows in sequence: 2,000 of them under a cell in column XFD is a
    grid of 33 million cells, refused by the guard before the reader allocates it."""
    from donation_checker.importer.sniff import inspect
    from tests.core.bad_inputs.build_corpus import b15_unnumbered_rows

    path = b15_unnumbered_rows(tmp_path / "rows.xlsx")
    with pytest.raises(InputRejected) as err:
        inspect(path)
    assert err.value.reason == "sheet_too_large"
    assert "2,0" in err.value.describe("en")  # the size it spans, with the unnumbered rows
