#!/usr/bin/env python3
"""Lists the hyperparameters every search trial of an `optbench calibrate` run ran, next to its best validation value.

Usage: search_points.py CALIBRATE_OUT WORKLOAD > search-points-WORKLOAD.json

CALIBRATE_OUT is the calibrate command's --out directory. The calibration-WORKLOAD.json that this version of
optbench writes carries the same as "searchPoints"; of the shipped records, only quadratic's (2026-11-27, 07:23 UTC)
predates that field, hence search-points-quadratic.json.
"""
import csv
import glob
import json
import os
import sys


def main(out, workload):
    pattern = os.path.join(out, f"calibration-{workload}", "search", "external_tuning", "*", "study_0", workload,
                           "trial_*")
    trials = {}
    for trial in sorted(glob.glob(pattern)):
        submission = trial.split(os.sep)[-4]
        with open(os.path.join(trial, "trial.json")) as f:
            record = json.load(f)
        with open(os.path.join(trial, "eval_measurements.csv")) as f:
            column = "validation/" + record["metric"]
            values = [float(row[column]) for row in csv.DictReader(f) if row.get(column)]
        finite = [v for v in values if v == v and abs(v) != float("inf")]
        best = (max if record["metric_direction"] == "higher" else min)(finite) if finite else None
        trials[f"{submission}/{os.path.basename(trial)}"] = {
            "hyperparameters": record["hyperparameters"], "best_validation": best,
            "stop_reason": record["stop_reason"], "failure": record["failure"]}
    json.dump({"workload": workload, "trials": trials}, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
