#!/usr/bin/env bash
# Refresh the translation sources from the interface code, then build the catalogues the
# application loads:
#   donation_checker_gui/translations/donation_checker_fr.ts  every visible string, translated into French
#   donation_checker_gui/translations/donation_checker_en.ts  English plural forms only ("1 row" / "2 rows")
# and their compiled .qm files, which are committed so a fresh clone runs without Qt's tools.
#
#   scripts/build-translations.sh            extract (lupdate) and compile (lrelease)
#   scripts/build-translations.sh --release  compile only, from the .ts files as they stand
#
# After extracting, translate the new or changed strings in the .ts (Qt Linguist:
# `pyside6-linguist donation_checker_gui/translations/donation_checker_fr.ts`, or any text editor), then run the
# script again; tests/ui/test_translations.py fails while a string is left unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."

find_tool() {
  local name=$1 dir
  for dir in .venv/bin /work/venv/bin; do
    if [ -x "$dir/$name" ]; then
      echo "$dir/$name"
      return
    fi
  done
  command -v "$name" || {
    echo "$name not found: install PySide6 (scripts/setup-env.sh) first" >&2
    exit 1
  }
}

LUPDATE=$(find_tool pyside6-lupdate)
LRELEASE=$(find_tool pyside6-lrelease)
DIR=donation_checker_gui/translations
SOURCES=(donation_checker_gui/*.py)

if [ "${1:-}" != "--release" ]; then
  # -no-obsolete: a string removed from the code leaves the catalogue, so nothing stale ships.
  "$LUPDATE" -silent -no-obsolete -locations relative -source-language en \
    -target-language fr_FR "${SOURCES[@]}" -ts "$DIR/donation_checker_fr.ts"
  "$LUPDATE" -silent -no-obsolete -locations relative -pluralonly -source-language en \
    -target-language en_GB "${SOURCES[@]}" -ts "$DIR/donation_checker_en.ts"
fi

for lang in fr en; do
  "$LRELEASE" -silent -nounfinished "$DIR/donation_checker_$lang.ts" \
    -qm "$DIR/donation_checker_$lang.qm"
done
echo "Built $DIR/donation_checker_fr.qm and $DIR/donation_checker_en.qm"
