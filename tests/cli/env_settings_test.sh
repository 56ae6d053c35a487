#!/usr/bin/env bash
# usage: env_settings_test.sh LINA_BINARY
# LINA_NUM_THREADS and LINA_MAX_ALLOC_BYTES (src/core/environment.hpp): a whole positive
# number is taken; anything else is ignored with exactly one warning line on stderr that
# names the variable and the value, and the default applies.
set -euo pipefail
lina=$1
err=$(mktemp)
trap 'rm -f "$err"' EXIT

threads() { "$lina" info 2>"$err" | grep '^threads:'; }
default=$(env -u LINA_NUM_THREADS "$lina" info | grep '^threads:')

got=$(LINA_NUM_THREADS=3 threads)
test "$got" = 'threads: 3 (LINA_NUM_THREADS or lina::set_num_threads)' || { echo "LINA_NUM_THREADS=3 gave: $got"; exit 1; }
test ! -s "$err" || { echo "LINA_NUM_THREADS=3 warned:"; cat "$err"; exit 1; }
got=$(LINA_NUM_THREADS=' 5 ' threads)
test "$got" = 'threads: 5 (LINA_NUM_THREADS or lina::set_num_threads)' || { echo "LINA_NUM_THREADS=' 5 ' gave: $got"; exit 1; }
got=$(LINA_NUM_THREADS= threads)  # set but empty: as if unset, no warning
test "$got" = "$default" && test ! -s "$err" || { echo "LINA_NUM_THREADS= gave: $got"; cat "$err"; exit 1; }

for v in abc 0 -2 +2 2x 1.5 99999999999999999999 2147483648; do
  got=$(LINA_NUM_THREADS=$v threads)
  test "$got" = "$default" || { echo "LINA_NUM_THREADS=$v gave: $got, not the default ($default)"; exit 1; }
  test "$(wc -l <"$err")" -eq 1 &&
    grep -qxF "lina: warning: LINA_NUM_THREADS='$v' is not a whole number from 1 to 2147483647; ignored" "$err" ||
    { echo "LINA_NUM_THREADS=$v: unexpected stderr:"; cat "$err"; exit 1; }
done

# The allocation limit: a valid one is enforced, an invalid one warns and leaves the default.
if LINA_MAX_ALLOC_BYTES=1000 "$lina" eval 'zeros((1000,))' >/dev/null 2>"$err"; then
  echo "LINA_MAX_ALLOC_BYTES=1000 did not limit"; exit 1
fi
out=$(LINA_MAX_ALLOC_BYTES=1e6 "$lina" eval 'zeros((1000,)).sum()' 2>"$err")
test "$out" = '0.0' || { echo "LINA_MAX_ALLOC_BYTES=1e6 gave: $out"; exit 1; }
test "$(wc -l <"$err")" -eq 1 && grep -q "^lina: warning: LINA_MAX_ALLOC_BYTES='1e6' is not a whole number from 1 to " "$err" ||
  { echo "LINA_MAX_ALLOC_BYTES=1e6: unexpected stderr:"; cat "$err"; exit 1; }
echo "env settings: ok"
