#!/usr/bin/env bash
# Prepare a fresh machine (Debian, Python 3.11) for running or testing the whiteboard: system libraries Qt needs,
# a virtual environment in .venv, and the package with the extras asked for ($1, e.g. "test").
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

apt_missing=()
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    # Qt's offscreen platform needs the first line at import time, its xcb (X11) plugin the second; a minimal
    # Debian lacks them.
    pkgs=(python3-venv libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-dejavu-core
          libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
          libxcb-xkb1 libxcb-randr0 libxcb-cursor0)
    # The tests also open a real window on a virtual X screen (Xvfb) and screenshot it.
    if [[ "$extras" == *test* ]]; then pkgs+=(xvfb xauth); fi
    for pkg in "${pkgs[@]}"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || apt_missing+=("$pkg")
    done
    if [ ${#apt_missing[@]} -gt 0 ]; then
        echo "Installing system packages: ${apt_missing[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}" >/dev/null
    fi
fi

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
stamp=".venv/.installed-${extras:-base}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    if [ -n "$extras" ]; then
        .venv/bin/python -m pip install -q -e ".[$extras]"
    else
        .venv/bin/python -m pip install -q -e .
    fi
    touch "$stamp"
fi
