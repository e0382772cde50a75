#!/usr/bin/env bash
# Renders the HTML handbook in headless Chromium, saves a screenshot, and
# fails when the browser reports anything on its console.
#
# The handbook carries a Content-Security-Policy that forbids every load
# (default-src 'none'; only inline styles and data: images), so a script,
# font, style sheet or image from anywhere shows up here as a console
# error, and so does a script error.
#
# Usage: tests/render_handbook.sh [HTML]
#   HTML            a page to check instead of the bundled playbook's full
#                   handbook (used to prove the check fails on a bad page)
#   HANDBOOK_PNG    where to write the screenshot (default target/handbook.png)
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium, and fonts for the playbook's Japanese and Thai text so the
# screenshot shows it rather than empty boxes.
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
[ -n "$(fc-list :lang=ja 2>/dev/null)" ] || packages+=(fonts-noto-cjk)
[ -n "$(fc-list :lang=th 2>/dev/null)" ] || packages+=(fonts-thai-tlwg)
if [ "${#packages[@]}" -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

work="$(mktemp -d)"
chromium_pid=""
cleanup() {
    # Chromium is stopped by the timeout below; this covers an interrupt.
    if [ -n "$chromium_pid" ] && kill -0 "$chromium_pid" 2>/dev/null; then
        kill "$chromium_pid" 2>/dev/null || true
        wait "$chromium_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

html="${1:-}"
if [ -z "$html" ]; then
    # The debug build `cargo test` has just made: no second, release build.
    cargo build --quiet
    ./target/debug/carebook handbook --format html >"$work/handbook.html"
    html="$work/handbook.html"
fi
if [ ! -f "$html" ]; then
    echo "render_handbook: no such file: $html" >&2
    exit 2
fi
png="${HANDBOOK_PNG:-target/handbook.png}"
mkdir -p "$(dirname "$png")"
rm -f "$png"

# The flags the machine needs (README of the rust machine kind): no
# sandbox as root, no GPU, and nothing that reaches for the network.
timeout 120 chromium \
    --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" \
    --enable-logging=stderr --v=1 \
    --hide-scrollbars --window-size=1280,1800 \
    --screenshot="$png" \
    "file://$(realpath "$html")" \
    >"$work/chromium.out" 2>"$work/chromium.log" &
chromium_pid=$!
status=0
wait "$chromium_pid" || status=$?
chromium_pid=""

# Console messages are logged as CONSOLE lines; CSP refusals and uncaught
# exceptions also name themselves.
if grep -E 'CONSOLE|Uncaught|Refused to|Content Security Policy' "$work/chromium.log" >"$work/console.log"; then
    echo "render_handbook: the browser reported errors on $html:" >&2
    cat "$work/console.log" >&2
    exit 1
fi
if [ "$status" -ne 0 ]; then
    echo "render_handbook: chromium exited with status $status" >&2
    tail -n 20 "$work/chromium.log" >&2
    exit 1
fi
if [ ! -s "$png" ]; then
    echo "render_handbook: chromium wrote no screenshot" >&2
    tail -n 20 "$work/chromium.log" >&2
    exit 1
fi
echo "render_handbook: $html rendered without console errors; screenshot in $png"
