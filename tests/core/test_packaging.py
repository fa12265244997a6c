"""The package ships what the application needs at run time, declared the way setuptools
documents it: every folder of data files is a package of its own, listed in `packages`, with
its files matched by `package-data`. A folder left out would be dropped by setuptools (today it
warns "Package would be ignored"), and then no PDF could be built (fonts) and the interface
would stay in English (translations). The wheel itself is checked with
`python -m build --wheel`; this test needs neither the network nor a build."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]

# Files the installed application reads at run time.
RUNTIME_DATA = [
    *sorted((ROOT / "donation_checker" / "report" / "fonts").glob("*.ttf")),
    ROOT / "donation_checker" / "report" / "fonts" / "LICENSE-DejaVu.txt",
    *sorted((ROOT / "donation_checker_gui" / "translations").glob("*.qm")),
    *sorted((ROOT / "rules").glob("*.toml")),
]


def _package_folder(package: str) -> Path:
    mapped = SETUPTOOLS.get("package-dir", {}).get(package)
    return ROOT / (mapped if mapped else package.replace(".", "/"))


def _shipped(path: Path) -> bool:
    """As setuptools decides: the file's own folder is a listed package whose package-data
    patterns match the file's name."""
    for package in SETUPTOOLS["packages"]:
        if _package_folder(package).resolve() == path.parent.resolve():
            patterns = SETUPTOOLS.get("package-data", {}).get(package, [])
            return any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns)
    return False


def test_every_file_read_at_run_time_is_declared_as_package_data() -> None:
    assert len(RUNTIME_DATA) >= 7  # two fonts, their licence, two translations, three rule sets
    missing = [str(p.relative_to(ROOT)) for p in RUNTIME_DATA if p.is_file() and not _shipped(p)]
    assert missing == []
    assert all(p.is_file() for p in RUNTIME_DATA)


def test_every_package_data_pattern_matches_a_file() -> None:
    """A pattern that matches nothing (a folder that was never made) is a mistake in waiting."""
    for package, patterns in SETUPTOOLS.get("package-data", {}).items():
        folder = _package_folder(package)
        for pattern in patterns:
            assert list(folder.glob(pattern)), f"{package}: {pattern} matches no file"


def test_the_licence_is_an_spdx_expression_and_the_build_can_read_it() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    # setuptools reads an SPDX expression from version 77 on.
    requires = PYPROJECT["build-system"]["requires"]
    assert any(r.replace(" ", "").startswith("setuptools>=") for r in requires)
    (setuptools,) = [r for r in requires if r.startswith("setuptools")]
    assert tuple(int(x) for x in setuptools.split(">=")[1].split(".")) >= (77,)


def test_the_set_up_scripts_install_the_report_preview() -> None:
    """The README's two commands give the Report tab its preview (PySide6-Pdf)."""
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert any(r.startswith("PySide6-Pdf") for r in extras["pdfview"])
    for script, spec in (("test.sh", ".[test,pdfview]"), ("demo.sh", ".[pdfview]")):
        text = (ROOT / "scripts" / script).read_text(encoding="utf-8")
        assert f'bash scripts/setup-env.sh "{spec}"' in text, script
    assert '"${1:-.[test,pdfview]}"' in (ROOT / "scripts" / "setup-env.sh").read_text()
