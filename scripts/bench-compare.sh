# shellcheck shell=bash
# ./sb bench compare: Switchboard against the reference stack of the seed design (peers/README.md), driven
# alternately by the same neutral load generator with the same arguments while the other stack idles.
# Writes the generator's JSON reports and compare.md (printed too) to --out; docs/benchmarks.md,
# "Against the reference stack". Sourced by ./sb: uses its JAVA, build, classpath, bench_classpath and die.
# shellcheck source=scripts/bench-stacks.sh
. "$ROOT/scripts/bench-stacks.sh"

compare_usage() {
  cat <<'EOF'
usage: ./sb bench compare [--option value]...
  --users N            pairs of users, each pair's members on different nodes (100)
  --rate R,R...        the rounds' steps, msg/s (500,1000,2000)
  --duration S         seconds per step (30)
  --warmup S           seconds at the first step's rate before measuring (5)
  --drain S            seconds after the last send a delivery may still arrive (10)
  --size B             message text length (64)
  --rounds N           rounds, each target once per round, alternating who goes first (2; 0: none)
  --prime S            one unmeasured run per target first, at the first rate (60; 0: none)
  --ramp R             then ramp from R msg/s until a step is not sustained (off)
  --ramp-factor F      each ramp step's rate over the previous one's (1.25)
  --ramp-max R         the highest ramp step (40000)
  --ramp-duration S    seconds per ramp step (15)
  --p99-limit-ms L     a step whose p99 passes L is not sustained (250)
  --targets T,T        seed and/or switchboard (seed,switchboard)
  --note TEXT          added to compare.md, e.g. what else was running
  --out DIR            reports and logs (target/bench/compare-<timestamp>)
  --peers DIR          the reference stack (../shared/peers)
EOF
}

cmp_number() { [[ "$2" =~ ^[0-9]+$ ]] || die "$1 needs a whole number, got '$2'"; }

# The next ramp step: rate x factor, rounded up, always at least one more.
cmp_next_rate() { awk -v r="$1" -v f="$2" 'BEGIN { n = int(r * f + 0.999); print (n > r ? n : r + 1) }'; }

# run_load NAME TARGET RATES SECONDS WARMUP: one generator run, its report at $CMP_OUT/NAME.json.
run_load() {
  local name=$1 target=$2 rates=$3 seconds=$4 warm=$5 rc=0
  cmp_log "$name: $target at $rates msg/s, $seconds s per step"
  node "$CMP_PEER_WORK/loadgen/loadgen.mjs" --target "$target" --users "$CMP_USERS" --rate "$rates" \
    --duration "$seconds" --warmup "$warm" --drain "$CMP_DRAIN" --size "$CMP_SIZE" --pids "$(load_pids "$target")" \
    --out "$CMP_OUT/$name.json" >/dev/null 2>"$CMP_OUT/logs/$name.log" &
  CMP_LOADGEN_PID=$!
  wait "$CMP_LOADGEN_PID" || rc=$?
  CMP_LOADGEN_PID=""
  if (( rc != 0 )); then
    cmp_log "$name: the load generator failed (exit $rc); the end of logs/$name.log:"
    tail -n 5 "$CMP_OUT/logs/$name.log" >&2
  fi
  # Sockets closing and presence going offline are work too: let it end before the next run.
  sleep 2
  return "$rc"
}

compare_java() { "$JAVA" -cp "$(bench_classpath)" io.switchboard.bench.compare.CompareMain "$@"; }

# Prints each target of $1 (comma-separated) in round $2's order: odd rounds as given, even ones reversed.
cmp_order() {
  local list=() item
  IFS=, read -r -a list <<<"$1"
  if (( $2 % 2 == 0 )); then
    for (( item = ${#list[@]} - 1; item >= 0; item-- )); do echo "${list[item]}"; done
  else
    printf '%s\n' "${list[@]}"
  fi
}

compare_ramp() {
  local rate=$1 active=$CMP_TARGETS step=1 target next
  while [[ -n "$active" ]] && (( rate <= CMP_RAMP_MAX )); do
    next=""
    for target in $(cmp_order "$active" "$step"); do
      if run_load "ramp-$target-$rate" "$target" "$rate" "$CMP_RAMP_DURATION" "$CMP_WARMUP" \
        && compare_java verdict --report "$CMP_OUT/ramp-$target-$rate.json" --p99-limit-ms "$CMP_P99_LIMIT" >&2; then
        next="${next:+$next,}$target"
      else
        cmp_log "$target: $rate msg/s not sustained, its ramp ends"
      fi
    done
    active=$next
    rate=$(cmp_next_rate "$rate" "$CMP_RAMP_FACTOR")
    step=$((step + 1))
  done
}

# The arguments as one would type them again: quoted where the shell needs it.
cmp_quote() {
  local arg text=""
  for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./,:=+-]+$ ]]; then text+=" $arg"; else text+=" '${arg//\'/\'\\\'\'}'"; fi
  done
  echo "${text# }"
}

bench_compare() {
  local args rates=500,1000,2000 duration=30 rounds=2 prime=60 ramp="" note="" out="" peers=""
  args="$(cmp_quote "$@")"
  CMP_USERS=100 CMP_WARMUP=5 CMP_DRAIN=10 CMP_SIZE=64 CMP_TARGETS=seed,switchboard
  CMP_RAMP_FACTOR=1.25 CMP_RAMP_MAX=40000 CMP_RAMP_DURATION=15 CMP_P99_LIMIT=250
  while (( $# > 0 )); do
    case "$1" in
      -h|--help) compare_usage; return 0 ;;
      --*) (( $# >= 2 )) || die "$1 needs a value" ;;
      *) die "expected --option value, got $1 (see ./sb bench compare --help)" ;;
    esac
    case "$1" in
      --users) cmp_number "$1" "$2"; CMP_USERS=$2 ;;
      --rate) [[ "$2" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--rate needs rates like 500,1000, got '$2'"; rates=$2 ;;
      --duration) cmp_number "$1" "$2"; duration=$2 ;;
      --warmup) cmp_number "$1" "$2"; CMP_WARMUP=$2 ;;
      --drain) cmp_number "$1" "$2"; CMP_DRAIN=$2 ;;
      --size) cmp_number "$1" "$2"; CMP_SIZE=$2 ;;
      --rounds) cmp_number "$1" "$2"; rounds=$2 ;;
      --prime) cmp_number "$1" "$2"; prime=$2 ;;
      --ramp) cmp_number "$1" "$2"; ramp=$2 ;;
      --ramp-factor) [[ "$2" =~ ^[0-9]*\.?[0-9]+$ ]] && awk -v f="$2" 'BEGIN { exit !(f > 1) }' \
                       || die "--ramp-factor must be a number above 1, got '$2'"; CMP_RAMP_FACTOR=$2 ;;
      --ramp-max) cmp_number "$1" "$2"; CMP_RAMP_MAX=$2 ;;
      --ramp-duration) cmp_number "$1" "$2"; CMP_RAMP_DURATION=$2 ;;
      --p99-limit-ms) cmp_number "$1" "$2"; CMP_P99_LIMIT=$2 ;;
      --targets) [[ "$2" =~ ^(seed|switchboard)(,(seed|switchboard))?$ ]] || die "--targets takes seed and/or switchboard"
                 CMP_TARGETS=$2 ;;
      --note) note=$2 ;;
      --out) out=$2 ;;
      --peers) peers=$2 ;;
      *) die "unknown option $1 (see ./sb bench compare --help)" ;;
    esac
    shift 2
  done
  (( rounds > 0 )) || [[ -n "$ramp" ]] || die "nothing to do: --rounds 0 and no --ramp"
  local tool
  for tool in node npm curl; do
    command -v "$tool" >/dev/null || die "$tool is needed (Debian: apt-get install nodejs npm curl)"
  done
  node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' \
    || die "Node.js 18 or newer is needed, found $(node --version)"

  out="${out:-$ROOT/target/bench/compare-$(date +%Y%m%d-%H%M%S)}"
  mkdir -p "$out/logs"
  CMP_OUT="$(cd "$out" && pwd)"
  CMP_PEERS="$(peers_find "$peers")"
  CMP_PEER_WORK="${SB_PEERS_WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/switchboard/peers}"
  local load_before
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  # From here on, whatever ends the run (error, Ctrl-C, kill) stops what it started.
  trap 'cmp_rc=$?; stacks_stop; exit $cmp_rc' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  cmp_log "reports and logs in $CMP_OUT; the reference stack from $CMP_PEERS, run from $CMP_PEER_WORK"
  [[ "$CMP_TARGETS" == *switchboard* ]] && { cmp_log "building Switchboard"; build; }
  peers_prepare
  [[ "$CMP_TARGETS" == *seed* ]] && reference_up
  [[ "$CMP_TARGETS" == *switchboard* ]] && switchboard_up

  local first_rate=${rates%%,*} target round
  [[ -n "$ramp" && "$rounds" -eq 0 ]] && first_rate=$ramp
  if (( prime > 0 )); then
    for target in $(cmp_order "$CMP_TARGETS" 1); do
      run_load "prime-$target" "$target" "$first_rate" "$prime" 0 || die "priming $target failed"
    done
  fi
  for (( round = 1; round <= rounds; round++ )); do
    for target in $(cmp_order "$CMP_TARGETS" "$round"); do
      run_load "round$round-$target" "$target" "$rates" "$duration" "$CMP_WARMUP" || die "round $round of $target failed"
    done
  done
  [[ -z "$ramp" ]] || compare_ramp "$ramp"

  local summary="Load per target: \`loadgen.mjs --users $CMP_USERS --rate $rates --duration $duration"
  summary+=" --warmup $CMP_WARMUP --drain $CMP_DRAIN --size $CMP_SIZE\`, $rounds round(s) alternating which target"
  summary+=" goes first, after a ${prime} s priming run each; the other stack idle meanwhile."
  [[ -z "$ramp" ]] || summary+=" Ramp: one run per step from $ramp msg/s, x$CMP_RAMP_FACTOR, $CMP_RAMP_DURATION s each."
  summary+=" Load average before the run: $load_before. ${note}"
  compare_java table --dir "$CMP_OUT" --p99-limit-ms "$CMP_P99_LIMIT" --command "./sb bench compare $args" \
    --note "$summary"
  cmp_log "written: $CMP_OUT/compare.md and the JSON reports beside it"
}
