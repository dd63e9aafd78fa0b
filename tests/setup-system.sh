#!/usr/bin/env sh
# What the test suite needs outside Python, installed when missing (idempotent):
# - Debian packages: Qt's runtime libraries (offscreen wizard tests), the OpenSSL command line (CMS
#   interop), OpenSSH's sshd/sftp (upload tests), GnuPG (OpenPGP interop), Node.js + npm (tus server),
#   binutils (strip, as, ld: the Linux bundle and its tests), g++ and the Python headers
#   (installer/build-linux.sh compiles numpy without OpenBLAS for the bundle), and the xcb
#   libraries Qt's X11 plugin needs beyond Qt's runtime ones (PyInstaller bundles them from here);
# - the tus test server's npm packages, pinned by tests/servers/package-lock.json.
# On a machine without apt (macOS, Windows) it lists what to install by hand and goes on.
set -eu
cd "$(dirname "$0")/.."

needed="libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 openssl openssh-server openssh-client gnupg binutils g++ python3-dev libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 p7zip-full poppler-utils"
command -v node >/dev/null 2>&1 || needed="$needed nodejs"
command -v npm >/dev/null 2>&1 || needed="$needed npm"

if command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=""
  for package in $needed; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
  done
  if [ -n "$missing" ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    $sudo apt-get install -y -qq --no-install-recommends $missing
  fi
else
  echo "tests/setup-system.sh: no apt here; make sure these are installed: openssl, OpenSSH server and client, GnuPG, Node.js with npm (and on Linux binutils, a C/C++ compiler and the Python headers)" >&2
fi

if [ ! -d tests/servers/node_modules ] || [ tests/servers/package-lock.json -nt tests/servers/node_modules ]; then
  npm ci --prefix tests/servers --no-audit --no-fund --loglevel=error
fi
