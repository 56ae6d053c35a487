#!/usr/bin/env bash
# usage: repl_test.sh LINA_BINARY WORKDIR
# The REPL fed from a pipe, then typed into on a real terminal under tmux.
set -euo pipefail
lina=$1
work=$2
mkdir -p "$work"
cd "$work"

# 1. From a pipe: names persist, errors do not end the session, exit 0 at end of input.
out=$(printf '%s\n' 'x = array([1, 2, 3])' 'x @ x' 'y = x * 2.0' 'x + zeros(4)' 'y.T' ':vars' \
  ':save y y.npy' ':load z y.npy' 'z - y' ':help' | "$lina" repl)
expect() { grep -qF -- "$1" <<<"$out" || { echo "repl output lacks: $1"; printf '%s\n' "$out"; exit 1; }; }
expect '14'
expect 'error: add: operands could not be broadcast together: shapes (3,) and (4,)'
expect 'array([2., 4., 6.])'
expect 'x  (3,)  int64'
expect 'y  (3,)  float64'
expect 'array([0., 0., 0.])'
expect 'matmul: matmul(x, y)'
test -f y.npy
# Bare `lina` reads from a pipe the same way.
test "$(echo '1 + 1' | "$lina")" = "2"

# 2. On a terminal, under tmux: the prompt, line editing, history.
if command -v tmux >/dev/null; then
  session="lina-repl-$$"
  tmux new-session -d -s "$session" -x 120 -y 30 "$lina repl"
  trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
  sleep 0.5
  tmux send-keys -t "$session" 'a = reshape(arange(6), (2, 3))' Enter
  tmux send-keys -t "$session" 'sum(a, axis=0)' Enter
  tmux send-keys -t "$session" Up Enter   # history: the same line again
  sleep 0.8
  screen=$(tmux capture-pane -p -t "$session")
  grep -qF '>>> ' <<<"$screen" || { echo "no prompt on the terminal"; printf '%s\n' "$screen"; exit 1; }
  test "$(printf '%s\n' "$screen" | grep -cF 'array([3, 5, 7])')" -ge 2 || {
    echo "the terminal session did not print the result twice"; printf '%s\n' "$screen"; exit 1; }
  tmux send-keys -t "$session" ':quit' Enter
fi
echo "repl: pipe and terminal sessions passed"
