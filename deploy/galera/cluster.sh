#!/usr/bin/env bash
# A 3-node MariaDB Galera cluster on this one machine (127.0.0.1 only), for the tests and for trying
# the API on a cluster. Uses Debian's packages: mariadb-server (mariadbd, wsrep_sst_rsync), galera-4,
# rsync and socat. The nodes run as plain mariadbd processes beside any system MariaDB on 3306.
#
#   cluster.sh up              new cluster from nothing: node 1 bootstraps, nodes 2 and 3 join it by
#                              full state transfer (SST, rsync); creates the TCP user app/app
#   cluster.sh down            stop every node (joiners first), then remove the data directory
#   cluster.sh kill N          SIGKILL node N, as a crash (its data stays)
#   cluster.sh stop N          SIGTERM node N and wait for it to exit
#   cluster.sh start N [M…]    restart crashed or stopped nodes: recover each one's last committed
#                              position first, so it rejoins by IST (only the missing write-sets)
#   cluster.sh status          each node's Galera state
#
# Node N: SQL 127.0.0.1:331N (mysql://app:app@127.0.0.1:331N/), gcomm 456N, IST 457N, SST 458N;
# its data, config, pid and error.log under $GALERA_BASE/nodeN (default /tmp/galera-marketo-access).
set -euo pipefail
BASE=${GALERA_BASE:-/tmp/galera-marketo-access}
HERE=$(cd "$(dirname "$0")" && pwd)
NODES=(1 2 3)
SYNC_TIMEOUT=${GALERA_SYNC_TIMEOUT:-120}

node_dir() { echo "$BASE/node$1"; }
node_pid() { cat "$(node_dir "$1")/mysqld.pid" 2>/dev/null || cat "$(node_dir "$1")/launcher.pid" 2>/dev/null || true; }
running() { local pid; pid=$(node_pid "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
# The server's own account: root by unix socket, as Debian's mariadb-install-db makes it.
admin_sql() { mariadb -uroot --socket="$(node_dir "$1")/mysqld.sock" -Nse "$2"; }
wsrep_status() { admin_sql "$1" "SHOW STATUS LIKE '$2'" 2>/dev/null | awk '{print $2}'; }

write_config() {
  local n=$1 dir
  dir=$(node_dir "$n")
  mkdir -p "$dir/data"
  sed -e "s|@BASE@|$BASE|g" -e "s|@N@|$n|g" "$HERE/my.cnf.template" >"$dir/my.cnf"
  # mariadbd switches to the mysql user only when started as root; then it must own its files.
  [ "$(id -u)" = 0 ] && chown -R mysql:mysql "$dir"
  return 0
}

launch() {
  local n=$1 dir
  shift
  dir=$(node_dir "$n")
  rm -f "$dir/mysqld.pid"
  setsid /usr/sbin/mariadbd --defaults-file="$dir/my.cnf" "$@" </dev/null >>"$dir/stdout.log" 2>&1 &
  echo "$!" >"$dir/launcher.pid"
}

wait_synced() {
  local n=$1
  for _ in $(seq 1 "$SYNC_TIMEOUT"); do
    if [ "$(wsrep_status "$n" wsrep_local_state_comment)" = Synced ]; then
      echo "node$n Synced"
      return 0
    fi
    running "$n" || break
    sleep 1
  done
  echo "node$n did not reach Synced; the end of $(node_dir "$n")/error.log:" >&2
  tail -30 "$(node_dir "$n")/error.log" >&2
  return 1
}

# After a crash grastate.dat says "seqno: -1", and a node started as is asks for a full SST (a copy of
# the whole data directory, the donor blocked meanwhile). InnoDB knows the last committed position:
# --wsrep-recover reads it (as Debian's galera_recovery does for systemd), and with
# --wsrep-start-position the donor sends only the missing write-sets from its gcache (IST).
recovered_position() {
  /usr/sbin/mariadbd --defaults-file="$(node_dir "$1")/my.cnf" --wsrep-recover --disable-log-error 2>&1 |
    grep -a 'WSREP: Recovered position:' | sed 's/.*Recovered position:[[:space:]]*//' | tail -1
}

cmd_up() {
  if [ -e "$BASE" ]; then
    echo "$BASE exists: run '$0 down' first" >&2
    exit 1
  fi
  mkdir -p "$BASE"
  for n in "${NODES[@]}"; do write_config "$n"; done
  mariadb-install-db --defaults-file="$(node_dir 1)/my.cnf" --skip-test-db >"$(node_dir 1)/install.log" 2>&1
  launch 1 --wsrep-new-cluster
  wait_synced 1
  # The API's account, over TCP; replicated to the joiners by their SST.
  admin_sql 1 "CREATE USER IF NOT EXISTS 'app'@'127.0.0.1' IDENTIFIED BY 'app'; GRANT ALL PRIVILEGES ON *.* TO 'app'@'127.0.0.1';"
  # One joiner at a time: node 1 is the donor of each full copy.
  for n in 2 3; do
    launch "$n"
    wait_synced "$n"
  done
  admin_sql 1 "SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_size','wsrep_cluster_status')"
}

cmd_down() {
  # Joiners first, node 1 last: the last one down holds the newest state.
  for n in 3 2 1; do
    running "$n" || continue
    local pid
    pid=$(node_pid "$n")
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    echo "node$n stopped"
  done
  rm -rf "$BASE"
}

cmd_kill() {
  local pid
  pid=$(node_pid "$1")
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null && echo "node$1 killed (pid $pid)"
  # Wait until the process is gone, so a restart finds its ports and files free.
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
}

cmd_stop() {
  local pid
  pid=$(node_pid "$1")
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || { echo "node$1 stopped"; return 0; }; sleep 0.5; done
  kill -KILL "$pid"
}

cmd_start() {
  for n in "$@"; do
    if running "$n"; then echo "node$n is running" >&2; continue; fi
    local pos
    pos=$(recovered_position "$n")
    echo "node$n recovered position: ${pos:-none}"
    launch "$n" ${pos:+--wsrep-start-position=$pos}
  done
  # Started together, then waited for: after a quorum loss they re-form the primary component together.
  for n in "$@"; do wait_synced "$n"; done
}

cmd_status() {
  for n in "${NODES[@]}"; do
    if running "$n"; then
      echo "node$n: $(wsrep_status "$n" wsrep_cluster_status) $(wsrep_status "$n" wsrep_local_state_comment) size=$(wsrep_status "$n" wsrep_cluster_size)"
    else
      echo "node$n: down"
    fi
  done
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  kill) cmd_kill "$2" ;;
  stop) cmd_stop "$2" ;;
  start) shift; cmd_start "$@" ;;
  status) cmd_status ;;
  *) sed -n '2,20p' "$0" >&2; exit 2 ;;
esac
