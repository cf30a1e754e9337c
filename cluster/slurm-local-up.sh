#!/usr/bin/env bash
# Start a single-node Slurm 22.05 cluster (Debian 12 packages) on loopback, as root, without systemd: for CI
# (.ci/run) and for trying `optbench tune --executor slurm` on one machine. Not for production clusters.
#   SLURM_CI_STATE  dir for PID files (default /tmp/slurm-ci)
#   SLURM_CI_GPUS   number of fake GPUs to advertise as gres/gpu (default 2; 0 = none)
#   SLURM_CI_DBD    1 = also MariaDB + slurmdbd so that `sacct` works (default 1)
#   SLURM_CI_CGROUP 1 = proctrack/cgroup + task/cgroup (cores, RAM and GPU devices confined per job),
#                   0 = proctrack/linuxproc + task/affinity only (default 1)
# Stop with cluster/slurm-local-down.sh (kills only the PIDs recorded here).
set -euo pipefail
STATE=${SLURM_CI_STATE:-${TMPDIR:-/tmp}/slurm-ci}; GPUS=${SLURM_CI_GPUS:-2}; DBD=${SLURM_CI_DBD:-1}; CG=${SLURM_CI_CGROUP:-1}
mkdir -p "$STATE"
now() { date +%s.%N; }
t0=$(now)
pkgs="slurmctld slurmd slurm-client munge"; [ "$DBD" = 1 ] && pkgs="$pkgs slurmdbd mariadb-server"
if ! dpkg -s $pkgs >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
fi
t1=$(now)

# ---- munge (auth between all Slurm daemons and clients) ----
[ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
chown munge:munge /etc/munge/munge.key; chmod 0400 /etc/munge/munge.key
install -d -o munge -g munge -m 0755 /run/munge
install -d -o munge -g munge -m 0700 /var/lib/munge /var/log/munge
runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/munged.pid
cp /run/munge/munged.pid "$STATE/munged.pid"
munge -n | unmunge >/dev/null

# ---- optional accounting DB (MariaDB + slurmdbd) ----
ACCT="AccountingStorageType=accounting_storage/none"
if [ "$DBD" = 1 ]; then
  install -d -o mysql -g mysql /run/mysqld
  [ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  /usr/sbin/mariadbd --user=mysql --bind-address=127.0.0.1 --socket=/run/mysqld/mysqld.sock \
      --pid-file=/run/mysqld/mysqld.pid >"$STATE/mariadb.log" 2>&1 &
  echo $! > "$STATE/mariadbd.pid"
  for _ in $(seq 100); do mysqladmin --socket=/run/mysqld/mysqld.sock ping >/dev/null 2>&1 && break; sleep 0.1; done
  mysql --socket=/run/mysqld/mysqld.sock -e "CREATE DATABASE IF NOT EXISTS slurm_acct_db;
    CREATE USER IF NOT EXISTS 'slurm'@'localhost' IDENTIFIED BY 'ci-only';
    GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost';"
  install -d -o slurm -g slurm /var/log/slurm
  cat > /etc/slurm/slurmdbd.conf <<CONF
AuthType=auth/munge
DbdAddr=127.0.0.1
DbdHost=localhost
DbdPort=6819
SlurmUser=slurm
LogFile=/var/log/slurm/slurmdbd.log
PidFile=/run/slurmdbd.pid
StorageType=accounting_storage/mysql
StorageHost=localhost
StorageLoc=slurm_acct_db
StorageUser=slurm
StoragePass=ci-only
CONF
  chown slurm:slurm /etc/slurm/slurmdbd.conf; chmod 0600 /etc/slurm/slurmdbd.conf
  /usr/sbin/slurmdbd
  for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/6819) 2>/dev/null && break; sleep 0.1; done
  cp /run/slurmdbd.pid "$STATE/slurmdbd.pid"
  ACCT="AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
AccountingStoragePort=6819
AccountingStorageTRES=gres/gpu"
fi

# ---- slurm.conf: one node "localhost" on 127.0.0.1 ----
# nproc would honour OMP_NUM_THREADS (CI exports 1): count the processors this machine gives us instead.
NCPU=$(env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc); MEM=$(( $(awk '/MemTotal/{print $2}' /proc/meminfo) / 1024 - 1024 ))
GRES_NODE=""; GRES_TYPES=""
if [ "$GPUS" -gt 0 ]; then
  # Fake GPU device nodes with the NVIDIA major number (195) and no driver behind them: Slurm only
  # stats them; each task gets its own CUDA_VISIBLE_DEVICES index and, with task/cgroup, only its
  # own node is openable (ENXIO) while the others are denied (EPERM). Never reuse 1:3 (/dev/null).
  for i in $(seq 0 $((GPUS-1))); do [ -e /dev/ci-gpu$i ] || mknod /dev/ci-gpu$i c 195 $i; done
  echo "NodeName=localhost Name=gpu File=/dev/ci-gpu[0-$((GPUS-1))]" > /etc/slurm/gres.conf
  GRES_NODE="Gres=gpu:$GPUS"; GRES_TYPES="GresTypes=gpu"
else
  rm -f /etc/slurm/gres.conf
fi
install -d -o slurm -g slurm /var/lib/slurm/slurmctld /var/log/slurm
install -d /var/lib/slurm/slurmd
if [ "$CG" = 1 ]; then
  PROCTRACK=proctrack/cgroup; TASK=task/cgroup,task/affinity
  printf 'CgroupPlugin=autodetect\nConstrainCores=yes\nConstrainDevices=yes\nConstrainRAMSpace=yes\n' > /etc/slurm/cgroup.conf
else
  PROCTRACK=proctrack/linuxproc; TASK=task/affinity; rm -f /etc/slurm/cgroup.conf
fi
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=ci
SlurmctldHost=localhost(127.0.0.1)
SlurmUser=slurm
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=$PROCTRACK
TaskPlugin=$TASK
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
MinJobAge=3600
JobAcctGatherType=jobacct_gather/linux
JobCompType=jobcomp/filetxt
JobCompLoc=/var/log/slurm/jobcomp.log
$ACCT
$GRES_TYPES
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$NCPU RealMemory=$MEM $GRES_NODE State=UNKNOWN
PartitionName=ci Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
[ "$DBD" = 1 ] && { sacctmgr -i add cluster ci >/dev/null 2>&1 || true; }

/usr/sbin/slurmctld
/usr/sbin/slurmd -N localhost
for _ in $(seq 100); do sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix|alloc)$' && break; sleep 0.1; done
cp /run/slurmctld.pid "$STATE/slurmctld.pid"; cp /run/slurmd.pid "$STATE/slurmd.pid"
sinfo -o '%P %a %t %N %c %G'
t2=$(now)
awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN{printf "slurm-local-up: install %.1fs, start %.1fs\n", b-a, c-b}'
