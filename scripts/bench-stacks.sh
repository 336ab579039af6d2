# shellcheck shell=bash
# The two stacks ./sb bench compare measures (scripts/bench-compare.sh): the reference stack of the seed
# design, run in place from the read-only peers directory, and a Switchboard of its own (./sb run's JVM on a
# fresh data directory plus a second node on 8081). What is started is recorded in CMP_* so stacks_stop
# undoes exactly that, whatever ends the run. Sourced by ./sb: uses its JAVA, local_stack, ingress_node, die.

# The peer scripts keep their pids and data here; both paths are theirs, not ours.
PEER_SEED_RUN=/tmp/peer-seed
PEER_KAFKA_PID=/tmp/peer-kafka/broker.pid

CMP_STACK_PID="" CMP_INGRESS_PID="" CMP_LOADGEN_PID=""
CMP_STARTED_SERVICES=false CMP_STARTED_BROKER=false CMP_STARTED_SEED=false

cmp_log() { echo "compare: $*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Polls "$@" every half second for at most $1 seconds, giving up early when process $2 (if any) is gone.
cmp_wait() {
  local seconds=$1 pid=$2 deadline
  shift 2
  deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    (( SECONDS < deadline )) || return 1
    sleep 0.5
  done
}

# The peers directory: --peers, else ../shared/peers beside the project (or beside its worktree folder).
peers_find() {
  local given=$1 dir
  for dir in "$given" "$ROOT/../shared/peers" "$ROOT/../../shared/peers"; do
    if [[ -n "$dir" && -f "$dir/loadgen/loadgen.mjs" && -x "$dir/seed-stack/start.sh" ]]; then
      (cd "$dir" && pwd); return
    fi
  done
  die "the reference stack was not found (looked for ../shared/peers); pass --peers DIR"
}

# The two Node.js parts install node_modules beside themselves, and the peers directory is read-only, so
# they run from a copy (sources copied on every run, dependencies installed once per lock file).
peers_prepare() {
  local part work
  for part in seed-stack loadgen; do
    work="$CMP_PEER_WORK/$part"
    mkdir -p "$work"
    find "$CMP_PEERS/$part" -maxdepth 1 -type f -exec cp -f {} "$work/" \;
    chmod -R u+w "$work"
    if [[ ! -d "$work/node_modules" ]] || ! cmp -s "$work/package-lock.json" "$work/node_modules/.sb-installed-lock"; then
      cmp_log "npm ci in $work"
      (cd "$work" && npm ci --no-audit --no-fund --loglevel=error) >&2 || die "npm ci failed in $work"
      cp "$work/package-lock.json" "$work/node_modules/.sb-installed-lock"
    fi
  done
}

redis_answers() {
  local reply
  reply="$( (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && read -r -t 2 line <&3 && echo "$line") 2>/dev/null)"
  [[ "$reply" == +PONG* ]]
}

seed_running() {
  [[ -f "$PEER_SEED_RUN/pids" ]] || return 1
  local name pid
  while read -r name pid; do kill -0 "$pid" 2>/dev/null || return 1; done <"$PEER_SEED_RUN/pids"
}

reference_up() {
  # services.sh down stops only what its own up started; if both already answered, nothing of theirs is ours.
  if ! redis_answers || ! port_open 5432; then CMP_STARTED_SERVICES=true; fi
  "$CMP_PEERS/services.sh" up >&2
  if ! "$CMP_PEERS/kafka/broker.sh" status >/dev/null 2>&1; then
    CMP_STARTED_BROKER=true
    "$CMP_PEERS/kafka/broker.sh" start >&2
  fi
  if ! seed_running; then
    CMP_STARTED_SEED=true
    "$CMP_PEER_WORK/seed-stack/start.sh" >&2
  fi
}

switchboard_up() {
  local data="$CMP_OUT/switchboard-data" port
  for port in 8080 8081 9092 9093; do
    if port_open "$port"; then
      die "port $port is in use: stop ./sb run (or whatever holds it) first; the comparison starts a stack of its own"
    fi
  done
  # The generator's users send rate/users msg/s each: the per-user limit must not be what is measured.
  ( DATA_DIR="$data"; export SB_RATE_PER_SEC=1000000 SB_RATE_BURST=1000000; local_stack ) \
    >"$CMP_OUT/logs/stack.log" 2>&1 &
  CMP_STACK_PID=$!
  cmp_log "Switchboard stack starting (pid $CMP_STACK_PID, data in $data)"
  cmp_wait 300 "$CMP_STACK_PID" test -f "$data/stack.env" || die "the stack did not start: see $CMP_OUT/logs/stack.log"
  ( STACK_ENV="$data/stack.env"; ingress_node 8081 ) >"$CMP_OUT/logs/ingress-b.log" 2>&1 &
  CMP_INGRESS_PID=$!
  cmp_wait 120 "$CMP_INGRESS_PID" curl -fsS http://127.0.0.1:8081/health/ready \
    || die "the node on 8081 did not get ready: see $CMP_OUT/logs/ingress-b.log"
  cmp_wait 60 "$CMP_STACK_PID" curl -fsS http://127.0.0.1:8080/health/ready \
    || die "the node on 8080 did not get ready: see $CMP_OUT/logs/stack.log"
  cmp_log "Switchboard up: stack pid $CMP_STACK_PID, ingress-b pid $CMP_INGRESS_PID"
}

redis_pid() {
  command -v redis-cli >/dev/null || return 0
  redis-cli -h 127.0.0.1 -p 6379 info server 2>/dev/null | tr -d '\r' | sed -n 's/^process_id://p'
}

# name=pid,... for the generator's /proc sampling: the target's processes, Redis (both stacks use it) and
# the other stack's processes as idle-<name>, so the table shows what the idle stack cost meanwhile.
load_pids() {
  local target=$1 redis reference=() switchboard=() name pid
  if [[ -f "$PEER_SEED_RUN/pids" && -f "$PEER_KAFKA_PID" ]]; then
    while read -r name pid; do reference+=("$name=$pid"); done <"$PEER_SEED_RUN/pids"
    reference+=("kafka=$(cat "$PEER_KAFKA_PID")")
  fi
  [[ -n "$CMP_STACK_PID" ]] && switchboard+=("stack=$CMP_STACK_PID" "ingress-b=$CMP_INGRESS_PID")
  local mine=("${switchboard[@]}") other=("${reference[@]}")
  if [[ "$target" == seed ]]; then mine=("${reference[@]}"); other=("${switchboard[@]}"); fi
  redis="$(redis_pid)"
  [[ -n "$redis" ]] && mine+=("redis=$redis")
  local all=("${mine[@]}") entry
  for entry in "${other[@]}"; do all+=("idle-$entry"); done
  (IFS=,; echo "${all[*]}")
}

stop_pid() {
  local name=$1 pid=$2
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  cmp_log "$name (pid $pid) did not stop within 30 s: killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

stacks_stop() {
  stop_pid loadgen "$CMP_LOADGEN_PID"
  stop_pid ingress-b "$CMP_INGRESS_PID"
  stop_pid stack "$CMP_STACK_PID"
  [[ -n "$CMP_STACK_PID" ]] && rm -rf "$CMP_OUT/switchboard-data"
  if $CMP_STARTED_SEED; then "$CMP_PEER_WORK/seed-stack/stop.sh" >&2 || true; fi
  if $CMP_STARTED_BROKER; then "$CMP_PEERS/kafka/broker.sh" stop >&2 || true; fi
  if $CMP_STARTED_SERVICES; then "$CMP_PEERS/services.sh" down >&2 || true; fi
  cmp_log "stopped everything this run started"
}
