"""Prints the elementwise rows of bench/out/results.json as one markdown table: lina's
value, each peer's value, and lina's speed-up over NumPy and over the best peer (peer
time / lina time), for docs/performance.md.  usage: ew_table.py bench/out/results.json"""
import json
import sys

GROUPS = ("elementwise", "strided", "integer", "reduction", "copy", "fused", "overhead")
records = [r for r in json.load(open(sys.argv[1])) if r["group"] in GROUPS]
peers = []
for r in records:
    if r["library"] != "lina" and r["library"] not in peers:
        peers.append(r["library"])
rows = {}
for r in records:
    rows.setdefault((r["workload"], r["threads"]), {})[r["library"]] = r
print("| workload | threads | lina | " + " | ".join(peers) + " | vs NumPy | vs best peer |")
print("|---|---|---|" + "---|" * len(peers) + "---|---|")
for (workload, threads), libs in rows.items():
    lina = libs.get("lina")
    if lina is None or len(libs) == 1:
        continue
    cells = [f"{libs[p]['value']:.3g}" if p in libs else "" for p in peers]
    numpy = next((libs[p] for p in peers if p.startswith("numpy") and p in libs), None)
    best = min((libs[p] for p in peers if p in libs), key=lambda r: r["seconds"])
    vs_numpy = f"{numpy['seconds'] / lina['seconds']:.2f}x" if numpy else ""
    print(f"| {workload} | {threads} | {lina['value']:.3g} {lina['unit']} | " + " | ".join(cells) +
          f" | {vs_numpy} | {best['seconds'] / lina['seconds']:.2f}x ({best['library'].split()[0]}) |")
solo = [(k, v["lina"]) for k, v in rows.items() if len(v) == 1 and "lina" in v]
if solo:
    print()
    print("| lina, unfused (for docs/decisions.md) | threads | lina |")
    print("|---|---|---|")
    for (workload, threads), r in solo:
        print(f"| {workload} | {threads} | {r['value']:.3g} {r['unit']} |")
