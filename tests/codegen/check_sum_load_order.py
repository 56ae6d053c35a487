"""Checks that the pairwise sum's node of four full leaves reads its leaves in address order.
  usage: check_sum_load_order.py OBJDUMP REDUCE_SIMD_OBJECT
NOTE: [Pairwise leaves in address order] in src/kernels/reduce_simd.cpp: when g++
interleaves the four leaves' loads (which it does without KeepLoadOrder), memory is read
as four streams and the sum runs at half speed on Zen 4, with the same result, so no
other test would notice. In every PairwiseSum that sums with 256- or 512-bit vectors, the
longest run of vector additions from memory whose offsets from one base register rise
one after another must cover the node: 4 leaves x 15 additions (the first vector of each
leaf is a plain load). Interleaved leaves give runs of one or two. Exits 1, naming the
function, otherwise."""
import re
import subprocess
import sys

NODE_ADDITIONS = 4 * 15

if len(sys.argv) != 3:
    sys.exit(__doc__)
objdump, obj = sys.argv[1], sys.argv[2]
listing = subprocess.run([objdump, "-d", "-C", "--no-show-raw-insn", obj], check=True, capture_output=True,
                         text=True).stdout

functions = {}  # name -> [(base register, offset)] of its vector additions from memory
current = None
header = re.compile(r"^[0-9a-f]+ <(.*)>:$")
vector_add = re.compile(r"\bvadd(?:ps|pd)\s+(-?0x[0-9a-f]+)?\((%r\w+)\),%[yz]mm\d+,%[yz]mm\d+")
for line in listing.splitlines():
    m = header.match(line)
    if m:
        current = m.group(1) if "PairwiseSum" in m.group(1) else None
        if current:
            functions[current] = []
        continue
    if current:
        m = vector_add.search(line)
        if m:
            functions[current].append((m.group(2), int(m.group(1) or "0", 16)))


def longest_rising_run(loads):
    best = run = 0
    for k, (base, offset) in enumerate(loads):
        rises = k > 0 and loads[k - 1][0] == base and loads[k - 1][1] < offset
        run = run + 1 if rises else 1
        best = max(best, run)
    return best


checked = 0
failed = False
for name, loads in functions.items():
    if not loads:
        continue  # a target whose vectors hold fewer than eight lanes: the scalar form
    checked += 1
    run = longest_rising_run(loads)
    print(f"{name}: longest run of vector additions in address order {run} (need {NODE_ADDITIONS})")
    if run < NODE_ADDITIONS:
        print(f"{name}: the leaves' loads are interleaved; is KeepLoadOrder still between them?")
        failed = True
if checked == 0:
    print(f"no PairwiseSum with vector additions from memory in {obj}")
    failed = True
sys.exit(1 if failed else 0)
