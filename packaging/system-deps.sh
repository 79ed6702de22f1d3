#!/usr/bin/env bash
# Debian/Ubuntu packages recmanager needs: `run` for the application, `test` adds the test tools.
# As root, installs what is missing with apt; otherwise prints the exact command and fails.
set -euo pipefail
what=${1:-run}

run_packages=(
  libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1 libxcb-randr0
  libvlc5 libvlccore9 vlc-plugin-base vlc-plugin-video-output fonts-dejavu-core
)
test_packages=(
  xvfb xauth openssh-server openssh-client chromium desktop-file-utils appstream
  imagemagick x11-utils dunst trayer dbus-daemon poppler-utils openbox
  redis-server rabbitmq-server
)
packages=("${run_packages[@]}")
[ "$what" = test ] && packages+=("${test_packages[@]}")
# shaka-player for the browser playback test comes from npm.
if [ "$what" = test ] && ! command -v npm >/dev/null 2>&1; then
  packages+=(npm)
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "recmanager: these Debian/Ubuntu packages are missing: ${missing[*]}" >&2
  echo "Install their equivalents with your system's package manager." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "recmanager needs these system packages first:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
