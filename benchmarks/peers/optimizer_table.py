#!/usr/bin/env python3
"""Reads compare-optimizers' results (JMH json per round, peers.txt) and prints, per optimizer and shape, the
median over rounds of each side's per-round median, and optbench's ratio to each peer (below 1: optbench faster);
then the memory bandwidth one thread reaches (STREAM copy and triad) and the fraction of it each first-order
optimizer's step reaches, counting the bytes its update must move at least: AdamW and NAdamW read the parameter, the
gradient and two moments and write back the parameter and the moments (7 floats, 28 bytes an entry); SGD with
Nesterov momentum reads the parameter, gradient and momentum and writes two (5 floats, 20 bytes)."""
import collections
import glob
import json
import os
import statistics
import sys

BYTES_PER_ENTRY = {"adamw": 28, "nadamw": 28, "sgd_nesterov": 20}
ENTRIES = {"mnist_mlp": 269_322, "matrix1024": 1024 * 1024}
STREAM_BYTES_PER_FLOAT = {"copy": 8, "triad": 12}


def main(folder):
    ours = collections.defaultdict(list)
    for path in sorted(glob.glob(os.path.join(folder, "jmh-*.json"))):
        for run in json.load(open(path)):
            p = run["params"]
            ours[(p["optimizerName"], p["parameterSet"])].append(run["primaryMetric"]["scorePercentiles"]["50.0"])
    peers = collections.defaultdict(list)
    for line in open(os.path.join(folder, "peers.txt")):
        # round R peer LIBRARY NAME SET median MS mean MS
        f = line.split()
        if len(f) < 8 or f[2] != "peer":
            continue
        library, label, shape, median = f[3], f[4], f[5], float(f[7])
        name = label.split("-")[0]
        peers[(name, shape, f"{library} {label}")].append(median)
    print("| optimizer | shape | optbench median ms | peer | peer median ms | optbench / peer |")
    print("|---|---|---|---|---|---|")
    for (name, shape), values in sorted(ours.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        mine = statistics.median(values)
        rows = [(k[2], statistics.median(v)) for k, v in peers.items() if k[0] == name and k[1] == shape]
        if not rows:
            print(f"| {name} | {shape} | {mine:.4f} | (none) | | |")
        for peer, theirs in sorted(rows):
            print(f"| {name} | {shape} | {mine:.4f} | {peer} | {theirs:.4f} | {mine / theirs:.2f} |")
    bandwidth = collections.defaultdict(list)
    for path in sorted(glob.glob(os.path.join(folder, "bandwidth-*.json"))):
        for run in json.load(open(path)):
            kernel = run["benchmark"].rsplit(".", 1)[1]
            floats = int(run["params"]["floats"])
            ms = run["primaryMetric"]["scorePercentiles"]["50.0"]
            bandwidth[(kernel, floats)].append(STREAM_BYTES_PER_FLOAT[kernel] * floats / (ms * 1e-3) / 1e9)
    if bandwidth:
        print("\n| STREAM kernel, one thread | floats | GB/s (median of rounds) |")
        print("|---|---|---|")
        for (kernel, floats), values in sorted(bandwidth.items()):
            print(f"| {kernel} | {floats:,} | {statistics.median(values):.1f} |")
        copy = statistics.median(bandwidth[("copy", 16777216)]) if ("copy", 16777216) in bandwidth else None
        if copy:
            print(f"\n| optimizer | shape | bytes moved at least | GB/s | fraction of copy bandwidth ({copy:.1f} GB/s) |")
            print("|---|---|---|---|---|")
            for (name, shape), values in sorted(ours.items(), key=lambda kv: (kv[0][1], kv[0][0])):
                if name in BYTES_PER_ENTRY:
                    moved = BYTES_PER_ENTRY[name] * ENTRIES[shape]
                    rate = moved / (statistics.median(values) * 1e-3) / 1e9
                    print(f"| {name} | {shape} | {moved / 1e6:.1f} MB | {rate:.1f} | {rate / copy:.2f} |")
    print(f"\n{len(glob.glob(os.path.join(folder, 'jmh-*.json')))} rounds; each figure is the median of the rounds'"
          " medians")


if __name__ == "__main__":
    main(sys.argv[1])
