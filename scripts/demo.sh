#!/usr/bin/env bash
# The main job on the bundled samples: assess each sample offer against the French inventory
# and write the PDF reports (English and French) into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-env.sh ".[pdfview]"
mkdir -p out
inv=sample_inventories/inventaire_fama_2025.xlsx
for offer in sample_inventories/offre_*.xlsx; do
  name=$(basename "$offer" .xlsx)
  .venv/bin/donation-checker assess --inventory "$inv" --offer "$offer" --lang fr \
    --pdf "out/$name.fr.pdf" --json "out/$name.json" --marking "DIFFUSION RESTREINTE"
  echo
done
.venv/bin/donation-checker assess --inventory sample_inventories/inventory_demo_en.xlsx \
  --offer sample_inventories/offer_demo_en.xlsx --lang en --pdf out/demo.en.pdf
