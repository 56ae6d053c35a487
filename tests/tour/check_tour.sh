#!/usr/bin/env bash
# usage: check_tour.sh TOUR_BINARY OUT_DIR
# Fails unless the tour exits 0, prints [1/M] .. [M/M] in order, and every section
# prints at least one result line ("=>").
set -euo pipefail
out=$("$1" --out "$2")
total=$(printf '%s\n' "$out" | sed -n 's/^\[1\/\([0-9]*\)\].*/\1/p')
[ -n "$total" ] || { echo "no [1/M] heading in the tour's output"; exit 1; }
for ((i = 1; i <= total; i++)); do
  section=$(printf '%s\n' "$out" | awk -v h="[$i/$total]" -v n="[$((i + 1))/$total]" \
    'index($0, h) == 1 {on = 1; next} index($0, n) == 1 {on = 0} on')
  printf '%s\n' "$out" | grep -q -F "[$i/$total]" || { echo "section $i of $total missing"; exit 1; }
  printf '%s\n' "$section" | grep -q '=>' || { echo "section $i printed no result"; exit 1; }
done
echo "tour: $total sections, each printed its results"
