"""The application bundle (scripts/build-bundle.sh, packaging/) carries every data file the
installed package carries, and its executables can start the cell reader without a Python.
The build itself takes minutes and stays out of CI; these checks take a second."""

from __future__ import annotations

import importlib.util
import stat
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from donation_checker.importer import import_inventory, reader

ROOT = Path(__file__).parents[2]
PACKAGING = ROOT / "packaging"


def bundle_data() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_data", PACKAGING / "bundle_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bundle_carries_the_rules_fonts_translations_and_the_reader_script() -> None:
    pairs = bundle_data().data_files(ROOT)
    assert all(Path(source).is_file() for source, _ in pairs)
    carried = {(Path(source).name, target) for source, target in pairs}
    for name in ("default.toml", "fields.toml", "aliases.toml"):
        assert (name, "donation_checker/_rules") in carried
    assert ("DejaVuSans.ttf", "donation_checker/report/fonts") in carried
    assert ("donation_checker_fr.qm", "donation_checker_gui/translations") in carried
    assert ("cellworker.py", "donation_checker/importer") in carried
    # Every package-data pattern of pyproject contributes: the bundle misses nothing it ships.
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    targets = {target for _, target in pairs}
    assert {p.replace(".", "/") for p in setuptools["package-data"]} <= targets


def test_the_spec_and_the_script_name_files_that_exist() -> None:
    spec = (PACKAGING / "donation-checker.spec").read_text(encoding="utf-8")
    assert "data_files()" in spec
    for name in ("bundle_gui.py", "bundle_cli.py", "donation-checker.png"):
        assert f'"{name}"' in spec and (PACKAGING / name).is_file()
    script = (ROOT / "scripts" / "build-bundle.sh").read_text(encoding="utf-8")
    assert "packaging/donation-checker.spec" in script
    for name in ("donation-checker.desktop", "donation-checker.png", "donation-checker.svg"):
        assert f"packaging/{name}" in script and (PACKAGING / name).is_file()
    assert "build-bundle" not in (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    for entry in ("bundle_gui.py", "bundle_cli.py"):
        assert f'["{reader.CELL_READER_FLAG}"]' in (PACKAGING / entry).read_text("utf-8")


def test_the_desktop_entry_starts_the_application() -> None:
    entry = (PACKAGING / "donation-checker.desktop").read_text(encoding="utf-8")
    lines = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert lines["Exec"].split()[0] == "donation-checker-gui"
    assert lines["Icon"] == "donation-checker" and lines["Type"] == "Application"


@pytest.fixture
def fresh_readers() -> object:
    reader.shutdown()  # no warm reader started the ordinary way
    yield None
    reader.shutdown()


def test_a_bundled_executable_runs_the_cell_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_readers: object
) -> None:
    """As in the bundle: the program is not Python, and is started again with the flag."""
    program = tmp_path / "donation-checker"
    program.write_text(
        f'#!/bin/sh\nexec "{sys.executable}" "{PACKAGING / "bundle_cli.py"}" "$@"\n',
        encoding="utf-8",
    )
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    command = reader.reader_command()
    assert command[:2] == [str(program), reader.CELL_READER_FLAG]
    assert Path(command[2]).is_file()
    inventory = import_inventory(ROOT / "sample_inventories" / "inventory_demo_en.xlsx")
    assert inventory.report.rows_imported > 0


def test_the_linux_install_puts_the_programs_on_the_path_and_in_the_menu(tmp_path: Path) -> None:
    import shutil
    import subprocess

    app = tmp_path / "dist" / "donation-checker"
    app.mkdir(parents=True)
    for name in ("donation-checker", "donation-checker-gui"):
        (app / name).write_text(f"#!/bin/sh\necho {name}\n", encoding="utf-8")
        (app / name).chmod(0o755)
    for name in ("donation-checker.desktop", "donation-checker.png", "donation-checker.svg"):
        shutil.copy(PACKAGING / name, app / name)
    shutil.copy(PACKAGING / "install-linux.sh", app / "install-linux.sh")
    home = tmp_path / "home"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    subprocess.run([str(app / "install-linux.sh")], env=env, check=True, capture_output=True)
    dest = home / ".local" / "opt" / "donation-checker"
    ran = subprocess.run(
        [str(home / ".local" / "bin" / "donation-checker")], capture_output=True, text=True
    )
    assert ran.stdout.strip() == "donation-checker"
    entry = (home / ".local/share/applications/donation-checker.desktop").read_text("utf-8")
    assert f'Exec="{dest / "donation-checker-gui"}" %f' in entry.splitlines()
    assert (home / ".local/share/icons/hicolor/256x256/apps/donation-checker.png").is_file()
    # Installing again (an update) replaces the programs and leaves the user's files alone.
    config = home / ".config" / "donation-checker"
    config.mkdir(parents=True)
    (config / "aliases.toml").write_text("[makes]\n", encoding="utf-8")
    subprocess.run([str(app / "install-linux.sh")], env=env, check=True, capture_output=True)
    assert (config / "aliases.toml").read_text(encoding="utf-8") == "[makes]\n"
