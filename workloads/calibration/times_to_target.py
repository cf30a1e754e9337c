#!/usr/bin/env python3
"""Times the reruns of an `optbench calibrate` run against a given validation target (for example the shipped one).

Usage: times_to_target.py CALIBRATE_OUT WORKLOAD TARGET

`optbench calibrate` times its reruns against the target it sets itself. To ask whether a configuration reaches a
workload's *shipped* target within its budget (workloads/README.md, "AdamW at its calibrated point"), this reads
every rerun's eval_measurements.csv and prints, per rerun, its seed, its best validation value and the submission
time of the first evaluation at or past TARGET ("missed" if none), then the median over the reruns (a miss counts as
later than any time, as in AlgoPerf's scoring, so the median is a time only if most reruns reached TARGET).
"""
import csv
import glob
import json
import math
import os
import statistics
import sys


def main(out, workload, target):
    pattern = os.path.join(out, f"calibration-{workload}", "reruns", "self_tuning", "*", "study_*", workload,
                           "trial_*")
    times = []
    for trial in sorted(t for t in glob.glob(pattern) if os.path.isdir(t)):
        with open(os.path.join(trial, "trial.json")) as f:
            record = json.load(f)
        column = "validation/" + record["metric"]
        higher = record["metric_direction"] == "higher"
        with open(os.path.join(trial, "eval_measurements.csv")) as f:
            rows = [(float(row["accumulated_submission_time"]), float(row[column]))
                    for row in csv.DictReader(f) if row.get(column)]
        values = [v for _, v in rows if math.isfinite(v)]
        best = (max if higher else min)(values) if values else float("nan")
        reached = [t for t, v in rows if (v >= target if higher else v <= target)]
        time = reached[0] if reached else math.inf
        times.append(time)
        print(f"{trial}: seed {record['seed']}, best {best:.6g}, "
              + (f"reached {target:g} at {time:.2f} s" if reached else f"missed {target:g}"))
    if not times:
        sys.exit(f"no reruns under {out} for {workload}")
    median = statistics.median(times)
    print(f"median time to {target:g}: " + (f"{median:.2f} s" if math.isfinite(median) else "missed"))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
