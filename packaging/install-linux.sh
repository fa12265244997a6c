#!/usr/bin/env bash
# Install the application folder for the current user on Linux, with no administrator rights:
# run it from the folder that scripts/build-bundle.sh built (dist/donation-checker/).
#
#   ./install-linux.sh [DESTINATION]     default ~/.local/opt/donation-checker
#
# It copies the folder, puts both programs on the PATH (~/.local/bin), and adds the menu entry
# and its icon. The user's own files (~/.config/donation-checker) are never touched.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest=${1:-$HOME/.local/opt/donation-checker}
data=${XDG_DATA_HOME:-$HOME/.local/share}

[ -x "$here/donation-checker-gui" ] || { echo "run this from the application folder" >&2; exit 2; }
if [ "$(cd "$(dirname "$dest")" 2>/dev/null && pwd)/$(basename "$dest")" != "$here" ]; then
  rm -rf "$dest.new"
  mkdir -p "$(dirname "$dest")"
  cp -a "$here" "$dest.new"
  rm -rf "$dest"
  mv "$dest.new" "$dest"  # a failed copy leaves the installed version as it was
fi
mkdir -p "$HOME/.local/bin" "$data/applications" "$data/icons/hicolor/256x256/apps" \
  "$data/icons/hicolor/scalable/apps"
ln -sf "$dest/donation-checker" "$HOME/.local/bin/donation-checker"
ln -sf "$dest/donation-checker-gui" "$HOME/.local/bin/donation-checker-gui"
cp "$dest/donation-checker.png" "$data/icons/hicolor/256x256/apps/donation-checker.png"
cp "$dest/donation-checker.svg" "$data/icons/hicolor/scalable/apps/donation-checker.svg"
# The menu entry starts the installed program by its full path: ~/.local/bin may not be on the
# desktop session's PATH.
sed "s|^Exec=donation-checker-gui|Exec=\"$dest/donation-checker-gui\"|" \
  "$dest/donation-checker.desktop" >"$data/applications/donation-checker.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
echo "Installed in $dest; menu entry: Donation Checker; command line: donation-checker"
