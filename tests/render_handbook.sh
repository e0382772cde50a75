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
#   HTML            a page to check instead of the bundled playbook's handbooks
#                   (used to prove the check fails on a bad page)
#   HANDBOOK_PNG    where to write the full handbook's screenshot (default
#                   target/handbook.png; the roles' go to target/handbook-role-ROLE.png)
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

# Renders one page; fails on a console message, a browser failure or a
# missing screenshot.
render() {
    local html="$1" png="$2" log="$work/chromium.log"
    mkdir -p "$(dirname "$png")"
    rm -f "$png" "$log"
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
        >"$work/chromium.out" 2>"$log" &
    chromium_pid=$!
    local status=0
    wait "$chromium_pid" || status=$?
    chromium_pid=""

    # Console messages are logged as CONSOLE lines; CSP refusals and
    # uncaught exceptions also name themselves.
    if grep -E 'CONSOLE|Uncaught|Refused to|Content Security Policy' "$log" >"$work/console.log"; then
        echo "render_handbook: the browser reported errors on $html:" >&2
        cat "$work/console.log" >&2
        exit 1
    fi
    if [ "$status" -ne 0 ]; then
        echo "render_handbook: chromium exited with status $status on $html" >&2
        tail -n 20 "$log" >&2
        exit 1
    fi
    if [ ! -s "$png" ]; then
        echo "render_handbook: chromium wrote no screenshot of $html" >&2
        tail -n 20 "$log" >&2
        exit 1
    fi
    echo "render_handbook: $html rendered without console errors; screenshot in $png"
}

if [ -n "${1:-}" ]; then
    if [ ! -f "$1" ]; then
        echo "render_handbook: no such file: $1" >&2
        exit 2
    fi
    render "$1" "${HANDBOOK_PNG:-target/handbook.png}"
    exit 0
fi

# Every HTML handbook the bundled playbook compiles into: the whole
# team's and one per role. The debug build `cargo test` has just made
# does it: no second, release build.
cargo build --quiet
./target/debug/carebook compile --out "$work/compiled" >/dev/null 2>&1
pages=0
while IFS= read -r html; do
    name="$(basename "$html" .html)"
    case "$html" in
        */roles/*) png="target/handbook-role-$name.png" ;;
        *) png="${HANDBOOK_PNG:-target/handbook.png}" ;;
    esac
    render "$html" "$png"
    pages=$((pages + 1))
done < <(find "$work/compiled/handbook" -name '*.html' | sort)
if [ "$pages" -lt 2 ]; then
    echo "render_handbook: expected the full handbook and the role handbooks, found $pages pages" >&2
    exit 1
fi
