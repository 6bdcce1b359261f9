# shellcheck shell=bash
# Starts a PostgreSQL server for store/postgres's tests. Sourced by .ci/run
# (it can also be run alone, as root: bash .ci/postgres.sh), on Debian 12:
#   - installs PostgreSQL from Debian's packages if it is missing;
#   - creates or starts a cluster listening on 127.0.0.1 only, on port 5432
#     or, if that is taken, the next free port;
#   - creates the login role veto (password veto) with CREATEDB; the tests
#     create and drop a database of their own for each store;
#   - waits until the server accepts connections, then exports
#       VETO_TEST_POSTGRES=postgres://veto:veto@127.0.0.1:PORT/postgres?sslmode=disable
#       VETO_REQUIRE_POSTGRES=1   (the tests fail instead of skipping)
# Running it again finds the cluster and the role and changes nothing.

# veto_postgres_setup does the work and prints the DSN on stdout; its
# progress goes to stderr. It runs in a bash of its own (see the end), so
# that its strict options hold whatever the caller's shell has set: bash
# ignores set -e in a function called as an if condition.
veto_postgres_setup() {
  set -euo pipefail
  say() { echo "postgres: $*" >&2; }
  as_postgres() { (cd / && runuser -u postgres -- "$@"); }
  # A port is taken if something answers on it, or a PostgreSQL socket of
  # that number exists (another cluster, maybe listening elsewhere).
  port_taken() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null || [ -e "/var/run/postgresql/.s.PGSQL.$1" ]
  }
  free_port() {
    local p=5432
    while port_taken "$p"; do
      p=$((p + 1))
      if [ "$p" -gt 5532 ]; then
        say "no free port in 5432-5532"
        return 1
      fi
    done
    echo "$p"
  }

  if [ "$(id -u)" -ne 0 ]; then
    say "must run as root (it installs packages and runs the server as user postgres)"
    return 1
  fi

  if ! command -v pg_ctlcluster >/dev/null || ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
    say "installing PostgreSQL: apt-get update; apt-get install -y postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q postgresql >&2
  else
    say "PostgreSQL is installed: $(ls -d /usr/lib/postgresql/*/bin/postgres | tr '\n' ' ')"
  fi

  # The newest cluster, if any: "version name port status owner datadir log".
  local ver name port status log
  read -r ver name port status _ _ log < <(pg_lsclusters -h | sort -k1,1Vr | head -n 1) || true
  if [ -z "${ver:-}" ]; then
    ver=$(basename "$(dirname "$(dirname "$(ls -d /usr/lib/postgresql/*/bin/postgres | sort -V | tail -n 1)")")")
    name=main
    port=$(free_port)
    say "creating cluster $ver/$name on port $port"
    pg_createcluster --port "$port" "$ver" "$name" >&2
    read -r _ _ port status _ _ log < <(pg_lsclusters -h "$ver" "$name")
  else
    say "found cluster $ver/$name on port $port, $status"
  fi

  # Our settings go in a file of their own in the cluster's conf.d, which
  # Debian's postgresql.conf includes last, so they win and a rerun can
  # tell whether anything changed.
  # A running cluster keeps its port; one that is down gets 5432, or the
  # next free port if 5432 is taken.
  if [ "$status" != online ]; then
    local p
    p=$(free_port)
    if [ "$p" != "$port" ]; then
      say "cluster $ver/$name gets port $p (5432 is the first choice, if free)"
    fi
    port=$p
  fi
  local confdir="/etc/postgresql/$ver/$name" restart=
  if ! grep -Eq "^[[:space:]]*include_dir[[:space:]]*=?[[:space:]]*'conf.d'" "$confdir/postgresql.conf"; then
    say "adding include_dir = 'conf.d' to $confdir/postgresql.conf"
    echo "include_dir = 'conf.d'" >>"$confdir/postgresql.conf"
  fi
  local conf="$confdir/conf.d/veto-ci.conf"
  local want
  want=$(printf "%s\n" "# Written by veto's .ci/postgres.sh: TCP on the loopback address only." \
    "listen_addresses = '127.0.0.1'" "port = $port")
  if [ "$(cat "$conf" 2>/dev/null || true)" != "$want" ]; then
    say "writing $conf: listen_addresses = '127.0.0.1', port = $port"
    install -d -o postgres -g postgres "$confdir/conf.d"
    echo "$want" >"$conf"
    chown postgres:postgres "$conf"
    restart=1
  else
    say "$conf is up to date"
  fi

  if [ "$status" = online ]; then
    if [ -n "$restart" ]; then
      say "restarting cluster $ver/$name for the new settings"
      pg_ctlcluster "$ver" "$name" restart >&2
    else
      say "cluster $ver/$name is already running on 127.0.0.1:$port"
    fi
  else
    say "starting cluster $ver/$name on 127.0.0.1:$port"
    if ! pg_ctlcluster "$ver" "$name" start >&2; then
      say "start failed; the end of $log:"
      tail -n 30 "$log" >&2 || true
      return 1
    fi
  fi

  local i
  for i in $(seq 1 60); do
    if pg_isready -q -h 127.0.0.1 -p "$port"; then
      break
    fi
    if [ "$i" -eq 60 ]; then
      say "the server on 127.0.0.1:$port is not ready after 30s"
      return 1
    fi
    sleep 0.5
  done
  say "accepting connections on 127.0.0.1:$port"

  local psql=(as_postgres psql --cluster "$ver/$name" -X -q -v ON_ERROR_STOP=1 -d postgres)
  if [ "$("${psql[@]}" -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'veto'")" = 1 ]; then
    say "role veto exists; making sure it can log in with password veto and CREATEDB"
    "${psql[@]}" -c "ALTER ROLE veto WITH LOGIN CREATEDB PASSWORD 'veto'" >&2
  else
    say "creating role veto (LOGIN CREATEDB, password veto)"
    "${psql[@]}" -c "CREATE ROLE veto WITH LOGIN CREATEDB PASSWORD 'veto'" >&2
  fi

  local dsn="postgres://veto:veto@127.0.0.1:$port/postgres?sslmode=disable"
  if ! psql -X -q "$dsn" -tAc "SELECT 1" >/dev/null; then
    say "cannot log in as veto over TCP with $dsn"
    return 1
  fi
  say "role veto logs in over TCP"
  echo "$dsn"
}

if veto_postgres_dsn=$(bash -c "$(declare -f veto_postgres_setup); veto_postgres_setup"); then
  export VETO_TEST_POSTGRES="$veto_postgres_dsn"
  export VETO_REQUIRE_POSTGRES=1
  echo "postgres: export VETO_TEST_POSTGRES=$VETO_TEST_POSTGRES VETO_REQUIRE_POSTGRES=$VETO_REQUIRE_POSTGRES"
  unset veto_postgres_dsn
  unset -f veto_postgres_setup
else
  echo "postgres: setup failed" >&2
  unset veto_postgres_dsn
  unset -f veto_postgres_setup
  # return when sourced, exit when run alone
  return 1 2>/dev/null || exit 1
fi
