#!/usr/bin/env bash
# Build the application folder dist/donation-checker/: the desktop application
# (donation-checker-gui) and the command line (donation-checker) with their own Python, Qt,
# libraries, rule sets, fonts and translations, so an officer's machine needs no Python.
# PyInstaller, one-folder mode (docs/windows.md says why, and how to build on Windows).
#
#   scripts/build-bundle.sh              build, then smoke-test the folder
#   scripts/build-bundle.sh --no-smoke   build only
#
# BUNDLE_PYTHON names the Python of an environment with the project's dependencies (default
# .venv/bin/python, made by scripts/setup-env.sh when missing). Not part of scripts/test.sh:
# a build takes minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

smoke=1
for arg in "$@"; do
  case $arg in
    --no-smoke) smoke=0 ;;
    *) echo "usage: scripts/build-bundle.sh [--no-smoke]" >&2; exit 2 ;;
  esac
done

PY=${BUNDLE_PYTHON:-.venv/bin/python}
[ -x "$PY" ] || bash scripts/setup-env.sh ".[pdfview,bundle]"
"$PY" -c "import PyInstaller" 2>/dev/null || "$PY" -m pip install -q "pyinstaller>=6.10"

"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/donation-checker.spec
APP=$ROOT/dist/donation-checker
# Linux desktops: the menu entry, its icon, and the script that installs them for the user.
cp packaging/donation-checker.desktop packaging/donation-checker.png packaging/donation-checker.svg \
  packaging/install-linux.sh "$APP/"
echo "Built $APP ($(du -sh "$APP" | cut -f1))"

[ "$smoke" = 1 ] || exit 0

# The smoke test: the bundled programs on the samples with an empty environment — no Python,
# no virtual environment, no PYTHONPATH — and their own user folders.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bare() {
  env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    DONATION_CHECKER_CONFIG_DIR="$work/config" "$@"
}
INV=$ROOT/sample_inventories/inventaire_fama_2025.xlsx
OFFER=$ROOT/sample_inventories/offre_bien_adaptee.xlsx
TIMEFORMAT=%R

echo "--version:"
version_time=$( { time bare "$APP/donation-checker" --version >"$work/version.txt"; } 2>&1 )
cat "$work/version.txt"
assess_time=$( { time bare "$APP/donation-checker" assess --inventory "$INV" --offer "$OFFER" \
  --pdf "$work/report.pdf" --lang fr >"$work/assess.txt" 2>&1; } 2>&1 ) || {
  cat "$work/assess.txt" >&2; echo "smoke test: the bundled assess failed" >&2; exit 1; }
head -c 4 "$work/report.pdf" | grep -q '%PDF' || { echo "smoke test: no PDF" >&2; exit 1; }
head -n 3 "$work/assess.txt"
gui_time=$( { time bare "$APP/donation-checker-gui" --screenshot "$work/shot.png" \
  --inventory "$INV" --offer "$OFFER" --tab assessment --lang fr >"$work/gui.txt" 2>&1; } 2>&1 ) || {
  cat "$work/gui.txt" >&2; echo "smoke test: the bundled GUI failed" >&2; exit 1; }
head -c 8 "$work/shot.png" | grep -q 'PNG' || { echo "smoke test: no screenshot" >&2; exit 1; }
bare "$APP/install-linux.sh" "$work/home/opt/donation-checker" >/dev/null
bare "$work/home/.local/bin/donation-checker" --version >/dev/null
grep -q "^Exec=\"$work/home/opt/donation-checker/donation-checker-gui\"" \
  "$work/home/.local/share/applications/donation-checker.desktop" ||
  { echo "smoke test: the menu entry does not start the installed program" >&2; exit 1; }
echo "Smoke test passed: size $(du -sh "$APP" | cut -f1); --version ${version_time} s;" \
  "assess with PDF ${assess_time} s ($(stat -c %s "$work/report.pdf") bytes);" \
  "GUI screenshot ${gui_time} s"
