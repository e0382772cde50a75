#!/usr/bin/env bash
# `carebook simulate` end to end against `grep -F -c -f`, side by side in
# one run: JSON lines in, every field of every decision out as JSON lines,
# against a scan for the playbook's keywords that decides nothing. Prints
# the best of RUNS runs of each (alternating, so both see the same
# machine), the routing throughput and the ratio of their wall times.
#
#   bash benches/vs_grep.sh [CORPUS_DIR] [MESSAGES]      # defaults: /tmp/corpus 1000000
#
# The corpus is written by the router benchmark when CORPUS_DIR has none.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/corpus}
n=${2:-1000000}
runs=${RUNS:-5}

cargo build --release -q
if [ ! -f "$dir/messages.jsonl" ]; then
    cargo bench -q --bench router -- "$dir" "$n" --corpus-only
fi
messages=$(wc -l < "$dir/messages.jsonl")

# Wall seconds of one run of "$@", its output written to $out. GNU grep
# stops at the first match when its output is /dev/null, so the count
# goes to a file.
count=$(mktemp)
trap 'rm -f "$count"' EXIT
seconds() {
    local out=$1 start end
    shift
    start=$(date +%s.%N)
    "$@" > "$out"
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

best_grep=""
best_simulate=""
for _ in $(seq "$runs"); do
    g=$(seconds "$count" grep -F -c -f "$dir/keywords.txt" "$dir/messages.jsonl")
    s=$(seconds /dev/null ./target/release/carebook simulate -m "$dir/messages.jsonl" --format jsonl -q)
    best_grep=$(awk -v a="$g" -v b="${best_grep:-$g}" 'BEGIN { print (a < b ? a : b) }')
    best_simulate=$(awk -v a="$s" -v b="${best_simulate:-$s}" 'BEGIN { print (a < b ? a : b) }')
done

printf 'messages            %d (%s)\n' "$messages" "$dir/messages.jsonl"
printf 'keywords            %d\n' "$(wc -l < "$dir/keywords.txt")"
printf 'grep -F -c -f       %.2f s  (%d lines with a keyword)\n' "$best_grep" "$(cat "$count")"
awk -v n="$messages" -v g="$best_grep" -v s="$best_simulate" 'BEGIN {
    printf "carebook simulate   %.2f s  %.0f msg/s\n", s, n / s
    printf "ratio               %.1f x grep (goal: 3)\n", s / g
}'
