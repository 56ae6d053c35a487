#!/usr/bin/env bash
# usage: check_pictures.sh OUT_DIR PROGRAM...
# Runs each PROGRAM with --out OUT_DIR/<name>, then checks every .svg written: it must
# parse (xmllint --noout), render (rsvg-convert) and the PNG must not be blank
# (png_stats.py). Fails if a program writes no SVG at all.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$1
shift
for tool in xmllint rsvg-convert; do
  command -v "$tool" >/dev/null || { echo "check_pictures: $tool is missing (scripts/setup.sh installs it)"; exit 1; }
done
rm -rf "$out"
mkdir -p "$out"
total=0
for program in "$@"; do
  name=$(basename "$program")
  dir="$out/$name"
  "$program" --out "$dir" >/dev/null
  shopt -s nullglob
  files=("$dir"/*.svg)
  shopt -u nullglob
  [ ${#files[@]} -gt 0 ] || { echo "$name wrote no .svg file into $dir"; exit 1; }
  for svg in "${files[@]}"; do
    xmllint --noout "$svg" || { echo "not well-formed XML: $svg"; exit 1; }
    png="${svg%.svg}.png"
    rsvg-convert -f png -w 480 -o "$png" "$svg" || { echo "rsvg-convert failed on $svg"; exit 1; }
    /usr/bin/python3 "$here/png_stats.py" "$png"
    total=$((total + 1))
  done
done
echo "check_pictures: $total SVG files parsed, rendered and non-blank"
