#!/usr/bin/env bash
# Trains on a 5,000-image subset of Fashion-MNIST for 2 epochs and checks the test
# accuracy (> 0.78: a wrong gradient anywhere shows up here), that the run is
# reproducible with --seed, and that the saved parameters open in NumPy.
set -euo pipefail
exe=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args=(--epochs 2 --train-limit 5000 --batch-size 64 --seed 3 --threads 1)
"$exe" "${args[@]}" --out "$work/a" > "$work/a.log"
"$exe" "${args[@]}" > "$work/b.log"
cat "$work/a.log"
final=$(tail -n 1 "$work/a.log")
[[ "$final" =~ ^final:\ test_accuracy=([0-9.]+)\ epochs=2\ seconds_per_epoch=[0-9.]+$ ]] ||
  { echo "FAIL: last line is not the machine-readable summary: $final"; exit 1; }
acc=${BASH_REMATCH[1]}
/usr/bin/python3 -c "import sys; sys.exit(0 if float('$acc') > 0.78 else 1)" ||
  { echo "FAIL: test accuracy $acc is not above 0.78"; exit 1; }
acc_b=$(tail -n 1 "$work/b.log" | sed -E 's/.*test_accuracy=([0-9.]+).*/\1/')
[ "$acc" = "$acc_b" ] || { echo "FAIL: same seed, different accuracy: $acc vs $acc_b"; exit 1; }
grep -q "confusion matrix" "$work/a.log" || { echo "FAIL: no confusion matrix printed"; exit 1; }
/usr/bin/python3 - "$work/a/fashion_mnist_mlp.npz" <<'PY'
import sys
import numpy as np
z = np.load(sys.argv[1])
shapes = {k: z[k].shape for k in z.files}
want = {"0.weight": (256, 784), "0.bias": (256,), "2.weight": (128, 256), "2.bias": (128,),
        "4.weight": (10, 128), "4.bias": (10,)}
assert shapes == want, shapes
assert all(z[k].dtype == np.float32 for k in z.files)
print("saved parameters open in NumPy:", shapes)
PY
for svg in training_curves confusion_matrix; do
  xmllint --noout "$work/a/$svg.svg" || { echo "FAIL: $svg.svg is not well-formed XML"; exit 1; }
  rsvg-convert -w 400 "$work/a/$svg.svg" -o "$work/$svg.png" || { echo "FAIL: $svg.svg does not render"; exit 1; }
done
echo "PASS: test accuracy $acc after 2 epochs on 5,000 images, reproducible"
