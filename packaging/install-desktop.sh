#!/usr/bin/env bash
# Install recmanager into a desktop's menus: `make install-desktop [PREFIX=~/.local]`.
#
# With a bundle built by `make dist`, the bundle is copied to PREFIX/lib/recmanager and
# PREFIX/bin/recmanager points to it; without one, the menu entry starts the checkout's
# .venv/bin/recmanager. Either way the .desktop file, the icon and the AppStream metainfo go
# to PREFIX/share, where desktops look for them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-${PREFIX:-$HOME/.local}}
app_id=org.esup_portail.recmanager
bundle=${RECMANAGER_BUNDLE:-$root/dist/recmanager}  # the folder `make dist` builds

if [ -x "$bundle/recmanager" ]; then
  mkdir -p "$prefix/lib" "$prefix/bin"
  rm -rf "$prefix/lib/recmanager.new"
  cp -a "$bundle" "$prefix/lib/recmanager.new"
  rm -rf "$prefix/lib/recmanager"
  mv "$prefix/lib/recmanager.new" "$prefix/lib/recmanager"
  ln -sfn "$prefix/lib/recmanager/recmanager" "$prefix/bin/recmanager"
  program="$prefix/bin/recmanager"
elif [ -x "$root/.venv/bin/recmanager" ]; then
  program="$root/.venv/bin/recmanager"
else
  echo "install-desktop: build the bundle with \`make dist\` (or run \`make install\`) first" >&2
  exit 1
fi

install -D -m 644 "$root/resources/icons/recmanager.svg" \
  "$prefix/share/icons/hicolor/scalable/apps/$app_id.svg"
install -D -m 644 "$root/resources/$app_id.metainfo.xml" \
  "$prefix/share/metainfo/$app_id.metainfo.xml"
mkdir -p "$prefix/share/applications"
# Menus do not read the user's PATH: the entry names the program by its full path.
sed -e "s|^Exec=.*|Exec=$program|" -e "s|^TryExec=.*|TryExec=$program|" \
  "$root/resources/$app_id.desktop" > "$prefix/share/applications/$app_id.desktop"
chmod 644 "$prefix/share/applications/$app_id.desktop"

if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$prefix/share/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$prefix/share/icons/hicolor/index.theme" ]; then
  gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
fi
echo "recmanager is in the applications menu ($prefix/share/applications/$app_id.desktop)"
echo "and starts $program"
