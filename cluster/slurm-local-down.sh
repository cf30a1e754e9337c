#!/usr/bin/env bash
# Stop the daemons started by cluster/slurm-local-up.sh, by their recorded PIDs (reverse start order).
STATE=${SLURM_CI_STATE:-${TMPDIR:-/tmp}/slurm-ci}
for d in slurmd slurmctld slurmdbd mariadbd munged; do
  f="$STATE/$d.pid"; [ -s "$f" ] || continue
  pid=$(cat "$f")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$f"
done
# Stale PID files make the slurmctld package's prerm call scancel and fail on `apt-get remove`.
rm -f /run/slurmctld.pid /run/slurmd.pid /run/slurmdbd.pid
