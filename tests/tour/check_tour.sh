#!/usr/bin/env bash
# usage: check_tour.sh TOUR_BINARY OUT_DIR
# Fails unless the tour exits 0 and prints the cheat sheet's 13 sections as [1/13] ..
# [13/13], in order and once each, every section prints at least one result line
# ("  =>"), and section 13 prints the ratios it measured.
set -euo pipefail
sections=13
out=$("$1" --out "$2")
headings=$(printf '%s\n' "$out" | grep -E '^\[[0-9]+/[0-9]+\] ' | sed 's/ .*//')
expected=$(for ((i = 1; i <= sections; i++)); do echo "[$i/$sections]"; done)
[ "$headings" = "$expected" ] || {
  echo "expected the headings [1/$sections] .. [$sections/$sections] in order, got:"
  printf '%s\n' "$headings"
  exit 1
}
for ((i = 1; i <= sections; i++)); do
  section=$(printf '%s\n' "$out" | awk -v h="[$i/$sections]" -v n="[$((i + 1))/$sections]" \
    'index($0, h) == 1 {on = 1; next} index($0, n) == 1 {on = 0} on')
  # Here-strings, not pipes: under pipefail, grep -q quitting at its first match can
  # kill printf with SIGPIPE and fail the pipeline although the line was found.
  grep -q '^  =>' <<<"$section" || { echo "section $i printed no result"; exit 1; }
  if ((i == sections)); then
    ratios='^  =>     measured ratios .*checked loop [0-9]+\.[0-9]x, plain loop [0-9]+\.[0-9]x; matmul 512x512 float32: triple loop [0-9]+\.[0-9]x$'
    grep -qE "$ratios" <<<"$section" || { echo "section $i printed no measured ratios line"; exit 1; }
    grep -E "$ratios" <<<"$section" | sed 's/^  =>     /tour: /'
  fi
done
echo "tour: $sections sections, each printed its results"
