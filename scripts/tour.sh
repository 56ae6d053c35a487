#!/usr/bin/env bash
# The README's first command: install what is needed, build, run the cheat-sheet tour.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target tour
./build/examples/tour --out "${LINA_TOUR_OUT:-build/tour-pictures}" "$@"
