"""Outputs never touch inputs: an output that is, or leads to, an input is refused before any
work (exit 2); a missing output folder is named before any work (exit 3); a named pipe, a device
or a folder given as an input is refused at once, never opened."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from donation_checker.cli import main

ROOT = Path(__file__).parents[3]
SAMPLES = ROOT / "sample_inventories"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    inv = shutil.copyfile(SAMPLES / "inventaire_fama_2025.xlsx", tmp_path / "inventaire.xlsx")
    offer = shutil.copyfile(SAMPLES / "offre_mixte.xlsx", tmp_path / "offre.xlsx")
    return {"inventory": Path(inv), "offer": Path(offer)}


@pytest.fixture
def no_import(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any import started counts as work done: the checks must come first."""

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("work started before the outputs were checked")

    # The pipeline first: importing it binds the importer's functions, which must be the real
    # ones for the undo to restore them.
    monkeypatch.setattr("donation_checker.pipeline.import_inventory", refuse)
    monkeypatch.setattr("donation_checker.importer.import_inventory", refuse)
    monkeypatch.setattr("donation_checker.importer.import_offer", refuse)


def _assess(files: dict[str, Path], *extra: str) -> list[str]:
    return [
        "assess",
        "--inventory",
        str(files["inventory"]),
        "--offer",
        str(files["offer"]),
        "--lang",
        "en",
        *extra,
    ]


LINKS: dict[str, Callable[[Path, Path], Path]] = {
    "same path": lambda target, tmp: target,
    "another spelling": lambda target, tmp: tmp / "." / target.name,
    "symbolic link": lambda target, tmp: _symlink(target, tmp / "lien.pdf"),
    "hard link": lambda target, tmp: _hardlink(target, tmp / "copie.pdf"),
}


def _symlink(target: Path, link: Path) -> Path:
    try:
        link.symlink_to(target)
    except OSError:  # Windows without the right to create links
        pytest.skip("symbolic links not allowed here")
    return link


def _hardlink(target: Path, link: Path) -> Path:
    os.link(target, link)
    return link


@pytest.mark.parametrize("option", ["--pdf", "--xlsx", "--json"])
@pytest.mark.parametrize("link", list(LINKS))
@pytest.mark.parametrize("victim", ["inventory", "offer"])
@pytest.mark.usefixtures("no_import")
def test_an_output_onto_an_input_is_refused_before_any_work(
    files: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    option: str,
    link: str,
    victim: str,
) -> None:
    before = {k: _digest(p) for k, p in files.items()}
    out = LINKS[link](files[victim], tmp_path)
    t0 = time.perf_counter()
    assert main(_assess(files, option, str(out))) == 2
    assert time.perf_counter() - t0 < 2.0
    err = capsys.readouterr().err
    assert option in err and f"--{victim}" in err and "nothing was done" in err
    assert "Traceback" not in err
    assert {k: _digest(p) for k, p in files.items()} == before


@pytest.mark.usefixtures("no_import")
def test_normalised_csv_and_its_side_files_never_replace_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The inventory is a CSV named like a side file of the requested output.
    inv = tmp_path / "parc.budget.csv"
    inv.write_text("Catégorie;Marque;Modèle;Quantité\nCamion;Renault;Kerax;3\n", encoding="utf-8")
    before = _digest(inv)
    assert main(["check-inventory", str(inv), "--normalized", str(tmp_path / "parc.csv")]) == 2
    assert "--normalized" in capsys.readouterr().err
    assert main(["check-inventory", str(inv), "--normalized", str(inv), "--lang", "fr"]) == 2
    assert "rien n’a été fait" in capsys.readouterr().err
    assert _digest(inv) == before


@pytest.mark.usefixtures("no_import")
def test_two_outputs_on_one_file_are_refused(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "rapport.pdf")
    assert main(_assess(files, "--pdf", out, "--xlsx", out)) == 2
    assert "same file" in capsys.readouterr().err


@pytest.mark.usefixtures("no_import")
def test_a_missing_output_folder_is_named_before_any_work(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "absent" / "rapport.pdf"
    assert main(_assess(files, "--pdf", str(missing))) == 3
    err = capsys.readouterr().err
    assert str(missing.parent) in err and "does not exist" in err and "Internal" not in err
    assert (
        main([*_assess(files, "--json", str(missing))[:-2], "--lang", "fr", "--json", str(missing)])
        == 3
    )
    assert "n’existe pas" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root writes anywhere")
@pytest.mark.usefixtures("no_import")
def test_a_read_only_output_folder_is_named_before_any_work(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert main(_assess(files, "--pdf", str(folder / "r.pdf"))) == 3
        assert "read-only" in capsys.readouterr().err
    finally:
        folder.chmod(0o755)


def test_a_write_that_fails_names_the_file_not_an_internal_error(
    files: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A disk that fills up (or a share that drops) during the write: exit 3, the file named."""
    import donation_checker.report as report

    def full_disk(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report, "build_pdf", full_disk)
    out = tmp_path / "rapport.pdf"
    assert main(_assess(files, "--pdf", str(out))) == 3
    err = capsys.readouterr().err
    assert str(out) in err and "No space left" in err and "Internal" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
@pytest.mark.parametrize("command", ["check-inventory", "check-offer", "assess"])
def test_a_named_pipe_as_input_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    fifo = tmp_path / "inventaire.xlsx"
    os.mkfifo(fifo)
    args = (
        ["assess", "--inventory", str(fifo), "--offer", str(SAMPLES / "offre_mixte.xlsx")]
        if command == "assess"
        else [command, str(fifo)]
    )
    t0 = time.perf_counter()
    assert main([*args, "--lang", "en"]) == 3
    assert time.perf_counter() - t0 < 2.0
    err = capsys.readouterr().err
    assert "inventaire.xlsx" in err and "named pipe" in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="devices")
def test_a_device_or_folder_as_input_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from donation_checker.errors import InputRejected
    from donation_checker.importer import import_inventory

    t0 = time.perf_counter()
    with pytest.raises(InputRejected) as err:
        import_inventory("/dev/zero")
    assert err.value.reason == "special_file" and time.perf_counter() - t0 < 2.0
    with pytest.raises(InputRejected) as err:
        import_inventory(tmp_path)
    assert err.value.reason == "is_directory"
