#!/usr/bin/env bash
# The project's test command: lint, type-check the core and the window, run the test suite (Qt offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-env.sh ".[test,pdfview]"
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
# One test process per core (at most four): the suite is CPU-bound and its tests independent.
.venv/bin/python -m pytest -q -p no:cacheprovider -n auto --maxprocesses 4 "$@"
