"""Checks that each kernel that prefetches still has prefetch instructions in its object.
  usage: check_prefetches.py OBJDUMP "OBJ1;OBJ2;..."  (lina's objects, as CMake lists them)
Exits 1, naming the kernel, when one has none (NOTE: [Prefetch helpers are always
inlined] in src/kernels/page_prefetch.hpp)."""
import os
import re
import subprocess
import sys

# The kernels whose loops call the prefetch helpers (or Highway's Prefetch).
KERNELS = ("elementwise_arith", "elementwise_math", "gemm_direct")

if len(sys.argv) != 3:
    sys.exit(__doc__)
objdump, objects = sys.argv[1], [o for o in sys.argv[2].split(";") if o]
failed = False
for kernel in KERNELS:
    matches = [o for o in objects if os.path.basename(o).startswith(kernel + ".cpp.")]
    if len(matches) != 1:
        print(f"{kernel}: expected one object among lina's, found {len(matches)}")
        failed = True
        continue
    listing = subprocess.run([objdump, "-d", matches[0]], check=True, capture_output=True, text=True).stdout
    count = len(re.findall(r"\bprefetch(?:t0|t1|t2|nta|w)?\b", listing))
    print(f"{kernel}: {count} prefetch instructions")
    if count == 0:
        print(f"{kernel}: no prefetch instruction left; were the prefetch helpers inlined?")
        failed = True
sys.exit(1 if failed else 0)
