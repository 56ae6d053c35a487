"""Lina's ratio to the best peer, row by row, over several bench/compare runs (the
results.json of each): the shared machine moves single rows by 20-40% between runs (a
neighbour taking a core during one library's turn), so a target is read off the median
of runs, with the spread beside it. Ratios are peer time / lina time (above 1: lina is
faster); for "new array" rows the last column compares with the best peer's speed into
an existing array, as issue 4's targets do.
  usage: runs_table.py RUN1/results.json RUN2/results.json ..."""
import json
import statistics
import sys

runs = [json.load(open(path)) for path in sys.argv[1:]]


def by_row(records):
    rows = {}
    for r in records:
        rows.setdefault((r["group"], r["workload"], r["threads"]), {})[r["library"]] = r
    return rows


tables = [by_row(run) for run in runs]
keys = [k for k in tables[0] if "lina" in tables[0][k] and len(tables[0][k]) > 1]
print("| workload | threads | lina / best peer, each run | median | vs NumPy, median | new array vs best peer into existing, median |")
print("|---|---|---|---|---|---|")
for group, workload, threads in keys:
    ratios, numpy_ratios, existing_ratios = [], [], []
    for rows in tables:
        libs = rows.get((group, workload, threads), {})
        if "lina" not in libs:
            continue
        lina = libs["lina"]["seconds"]
        peers = {name: r["seconds"] for name, r in libs.items() if name != "lina"}
        if not peers:
            continue
        ratios.append(min(peers.values()) / lina)
        numpy = [s for name, s in peers.items() if name.startswith("numpy")]
        if numpy:
            numpy_ratios.append(numpy[0] / lina)
        if workload.endswith("new array"):
            twin = rows.get((group, workload.replace("new array", "into existing"), threads), {})
            existing = [r["seconds"] for name, r in twin.items() if name != "lina"]
            if existing:
                existing_ratios.append(min(existing) / lina)
    if not ratios:
        continue
    med = lambda xs: f"{statistics.median(xs):.2f}x" if xs else ""
    print(f"| {workload} | {threads} | {' / '.join(f'{x:.2f}' for x in ratios)} | {med(ratios)} | "
          f"{med(numpy_ratios)} | {med(existing_ratios)} |")
