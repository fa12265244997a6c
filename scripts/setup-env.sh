#!/usr/bin/env bash
# Create .venv with the project, its test tools and the in-app report preview (the pdfview
# extra: PySide6-Pdf); install the system libraries Qt needs to run
# without a screen (offscreen) when they are missing and we may install them.
set -euo pipefail
cd "$(dirname "$0")/.."

# postgresql: the register's tests start a throw-away server of their own (no service is enabled).
debs=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0 fonts-dejavu-core poppler-utils postgresql)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for d in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$d" 2>/dev/null | grep -q "install ok installed" || missing+=("$d")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "Missing system packages (install them with sudo apt-get install): ${missing[*]}" >&2
    fi
  fi
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q "${1:-.[test,pdfview]}"
