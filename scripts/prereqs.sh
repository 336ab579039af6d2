# Sourced by ./sb test and .ci/run: what the tests need on a machine of this kind, started or
# installed with the machine's usual commands when missing. Idempotent; prints what it did.
log() { echo "prereqs: $*" >&2; }

# Polls "$@" until it succeeds, for at most $1 seconds.
wait_for() {
  local seconds="$1"; shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    (( SECONDS < deadline )) || { log "gave up after ${seconds}s waiting for: $*"; return 1; }
    sleep 0.5
  done
}

redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping | grep -q PONG; }
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q; }

ensure_redis() {
  if redis_up; then log "redis: running"; return; fi
  log "redis: starting"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for 30 redis_up
}

ensure_postgres() {
  if ! pg_up; then
    log "postgresql: starting"
    pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
    wait_for 60 pg_up
  else
    log "postgresql: running"
  fi
  if [[ "$(psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'")" != "1" ]]; then
    log "postgresql: creating database test"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE test"
  fi
}

# Browser tests drive Debian's chromium through chromium-driver; nothing downloads its own browser.
ensure_chromium() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  if (( ${#missing[@]} == 0 )); then log "chromium: installed"; return; fi
  log "chromium: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y "${missing[@]}"
}


ensure_test_prereqs() {
  ensure_redis
  ensure_postgres
  ensure_chromium
}
