"""Collects the benchmark records of every round into results.json and prints lina/peer
ratios per workload.
  usage: report.py RESULTS_JSON ROUND1.jsonl [ROUND2.jsonl ...]
The paired records (group "paired", from bench/paired/paired_bench) go to paired.json
beside RESULTS_JSON, and into a table of their own.
Each library's row keeps its best round (the least time; NOTE: [Benchmark rounds] in
docs/performance.md), with "rounds" (how many rounds ran it) and "round_seconds" (each
round's time) added. The tables show lina / best peer for the kept rows and, beside it,
every round's own ratio, so that the spread is in view."""
import json
import os
import sys

if len(sys.argv) < 3 or any(a.startswith("-") for a in sys.argv[1:]):
    sys.exit("usage: report.py RESULTS_JSON ROUND1.jsonl [ROUND2.jsonl ...]")
rounds = []
paired = []  # bench/paired/paired_bench's records: a ratio per row, measured in one process
for path in sys.argv[2:]:
    records = [json.loads(line) for line in open(path) if line.strip().startswith("{")]
    paired += [r for r in records if r["group"] == "paired"]
    rounds.append([r for r in records if r["group"] != "paired"])

best = {}
for records in rounds:
    for r in records:
        key = (r["group"], r["workload"], r["library"], r["threads"])
        if key not in best:
            best[key] = dict(r, rounds=0, round_seconds=[])
        kept = best[key]
        kept["rounds"] += 1
        kept["round_seconds"].append(r["seconds"])
        if r["seconds"] < kept["seconds"]:
            kept.update({k: v for k, v in r.items() if k not in ("rounds", "round_seconds")})
records = list(best.values())
json.dump(records, open(sys.argv[1], "w"), indent=1)
if paired:
    json.dump(paired, open(os.path.join(os.path.dirname(sys.argv[1]) or ".", "paired.json"), "w"), indent=1)

rows = {}
for r in records:
    rows.setdefault((r["group"], r["workload"], r["threads"]), []).append(r)


def per_round(lina, peer):
    """Each round's peer time / lina time, where both ran that round."""
    pairs = zip(lina["round_seconds"], peer["round_seconds"])
    return " / ".join(f"{p / l:.2f}" for l, p in pairs) if lina["rounds"] > 1 else ""


print("| workload | threads | lina | peer | peer value | lina speed-up (peer time / lina time) | each round |")
print("|---|---|---|---|---|---|---|")
for (group, workload, threads), rs in rows.items():
    lina = next((r for r in rs if r["library"] == "lina"), None)
    for peer in (r for r in rs if r["library"] != "lina"):
        if lina is None:
            continue
        ratio = peer["seconds"] / lina["seconds"]
        print(f"| {workload} | {threads} | {lina['value']:.3g} {lina['unit']} | {peer['library']} | "
              f"{peer['value']:.3g} {peer['unit']} | {ratio:.2f}x | {per_round(lina, peer)} |")
# Rows only lina runs (the unfused forms that the fusion decision compares against).
solo = [(k, rs[0]) for k, rs in rows.items() if all(r["library"] == "lina" for r in rs)]
if solo:
    print()
    print("| lina-only workload | threads | lina |")
    print("|---|---|---|")
    for (group, workload, threads), r in solo:
        print(f"| {workload} | {threads} | {r['value']:.3g} {r['unit']} |")

# GEMM rows against the best peer (the targets are ratios to the fastest of
# OpenBLAS, BLIS, libxsmm, Eigen, libtorch, NumPy).
gemm_rows = [(key, rs) for key, rs in rows.items() if key[0] == "gemm"]
if gemm_rows:
    print()
    print("| GEMM workload | threads | lina | best peer | best peer value | lina / best peer | each round (vs that round's best peer) |")
    print("|---|---|---|---|---|---|---|")
    for (group, workload, threads), rs in gemm_rows:
        lina = next((r for r in rs if r["library"] == "lina"), None)
        peers = [r for r in rs if r["library"] != "lina"]
        if lina is None or not peers:
            continue
        top = min(peers, key=lambda r: r["seconds"])
        spread = ""
        if lina["rounds"] > 1:
            spread = " / ".join(
                f"{min(p['round_seconds'][i] for p in peers if len(p['round_seconds']) > i) / ls:.2f}"
                for i, ls in enumerate(lina["round_seconds"]))
        print(f"| {workload} | {threads} | {lina['value']:.3g} {lina['unit']} | {top['library']} | "
              f"{top['value']:.3g} {top['unit']} | {top['seconds'] / lina['seconds']:.2f}x | {spread} |")

# lina and one peer in one process, in alternation (NOTE: [Paired rounds] in
# bench/paired/paired_bench.cpp): the median of the rounds' ratios, with the quartiles.
if paired:
    print()
    print("| paired workload | threads | peer | lina | peer value | peer time / lina time: median | quartiles | rounds |")
    print("|---|---|---|---|---|---|---|---|")
    for r in paired:
        print(f"| {r['workload']} | {r['threads']} | {r['library']} | {r['lina_value']:.3g} {r['unit']} | "
              f"{r['peer_value']:.3g} {r['unit']} | {r['ratio']:.3f}x | {r['ratio_q1']:.3f}-{r['ratio_q3']:.3f} | "
              f"{r['rounds']} |")
