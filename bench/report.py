"""Collects benchmark records into results.json and prints lina/peer ratios per workload."""
import json
import sys

records = [json.loads(line) for line in open(sys.argv[1]) if line.strip().startswith("{")]
json.dump(records, open(sys.argv[2], "w"), indent=1)
rows = {}
for r in records:
    rows.setdefault((r["group"], r["workload"], r["threads"]), []).append(r)
print(f"| workload | threads | lina | peer | peer value | lina speed-up (peer time / lina time) |")
print(f"|---|---|---|---|---|---|")
for (group, workload, threads), rs in rows.items():
    lina = next((r for r in rs if r["library"] == "lina"), None)
    for peer in (r for r in rs if r["library"] != "lina"):
        if lina is None:
            continue
        ratio = peer["seconds"] / lina["seconds"]
        print(f"| {workload} | {threads} | {lina['value']:.3g} {lina['unit']} | {peer['library']} | "
              f"{peer['value']:.3g} {peer['unit']} | {ratio:.2f}x |")
# Rows only lina runs (the unfused forms that the fusion decision compares against).
solo = [(k, rs[0]) for k, rs in rows.items() if all(r["library"] == "lina" for r in rs)]
if solo:
    print()
    print("| lina-only workload | threads | lina |")
    print("|---|---|---|")
    for (group, workload, threads), r in solo:
        print(f"| {workload} | {threads} | {r['value']:.3g} {r['unit']} |")

# GEMM rows against the best peer of the same run (the targets are ratios to
# the fastest of OpenBLAS, BLIS, libxsmm, Eigen, libtorch, NumPy).
gemm_rows = [(key, rs) for key, rs in rows.items() if key[0] == "gemm"]
if gemm_rows:
    print()
    print("| GEMM workload | threads | lina | best peer | best peer value | lina / best peer |")
    print("|---|---|---|---|---|---|")
    for (group, workload, threads), rs in gemm_rows:
        lina = next((r for r in rs if r["library"] == "lina"), None)
        peers = [r for r in rs if r["library"] != "lina"]
        if lina is None or not peers:
            continue
        best = min(peers, key=lambda r: r["seconds"])
        print(f"| {workload} | {threads} | {lina['value']:.3g} {lina['unit']} | {best['library']} | "
              f"{best['value']:.3g} {best['unit']} | {best['seconds'] / lina['seconds']:.2f}x |")
