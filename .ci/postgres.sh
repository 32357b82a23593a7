#!/usr/bin/env bash
# Debian's PostgreSQL server for the integration tests (*.integration.test.ts, tests/).
# Runs as root. Installs the `postgresql` package if missing (it stays installed), creates the
# newest cluster if there is none and starts it if it is down, then creates the test run's own login
# role and database: both named $MUROJAAT_PG_ROLE (default murojaat_test_<pid>), password
# $MUROJAAT_PG_PASSWORD (default: random), CREATEDB (each test file works in a database of its own).
# Prints on stdout only `export` lines (everything else goes to stderr):
#   export DATABASE_URL=postgres://<role>:<password>@127.0.0.1:<port>/<role>
#   export MUROJAAT_PG_CLEANUP='<version> <cluster> <port> <role> <started 0|1> <created 0|1>'
# `bash .ci/postgres.sh --cleanup "$MUROJAAT_PG_CLEANUP"` drops the role, every database it owns,
# and stops (and drops) the cluster when this script started (created) it. scripts/test.sh does both.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
as_postgres() { runuser -u postgres -- "$@"; }

if [ "${1:-}" = "--cleanup" ]; then
  read -r ver name port role started created <<<"$2"
  if [ "$(pg_lsclusters -h 2>/dev/null | awk -v v="$ver" -v n="$name" '$1 == v && $2 == n { print $4 }')" = "online" ]; then
    for db in $(as_postgres psql -p "$port" -qAt -c "SELECT datname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE r.rolname = '$role'"); do
      as_postgres psql -p "$port" -q -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >&2
    done
    as_postgres psql -p "$port" -q -c "DROP ROLE IF EXISTS \"$role\"" >&2
    [ "$started" = "1" ] && pg_ctlcluster "$ver" "$name" stop >&2
  fi
  [ "$created" = "1" ] && pg_dropcluster --stop "$ver" "$name" >&2
  echo "postgres.sh: removed role $role and its databases (cluster $ver/$name started here: $started, created here: $created)" >&2
  exit 0
fi

newest() { ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1; }
if [ -z "$(newest)" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "postgres.sh: installing postgresql" >&2
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
ver="$(newest)"
cluster() { pg_lsclusters -h 2>/dev/null | awk -v v="$ver" '$1 == v && $2 == "main" { print $'"$1"' }'; }

created=0
started=0
if [ -z "$(cluster 1)" ]; then
  echo "postgres.sh: creating cluster $ver/main" >&2
  pg_createcluster "$ver" main >&2
  created=1
fi
if [ "$(cluster 4)" != "online" ]; then
  echo "postgres.sh: starting cluster $ver/main" >&2
  pg_ctlcluster "$ver" main start >&2
  started=1
fi
port="$(cluster 3)"
for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$port" || { echo "postgres.sh: server on port $port not ready" >&2; exit 1; }

role="${MUROJAAT_PG_ROLE:-murojaat_test_$$}"
password="${MUROJAAT_PG_PASSWORD:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}"
[[ "$role" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "postgres.sh: role name $role is not a plain identifier" >&2; exit 1; }
[[ "$password" =~ ^[A-Za-z0-9]+$ ]] || { echo "postgres.sh: the password must be letters and digits" >&2; exit 1; }
as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qAt >&2 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE "$role" LOGIN PASSWORD '$password' CREATEDB;
  ELSE
    ALTER ROLE "$role" LOGIN PASSWORD '$password' CREATEDB;
  END IF;
END
\$\$;
SQL
if [ "$(as_postgres psql -p "$port" -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$role'")" != "1" ]; then
  as_postgres createdb -p "$port" -O "$role" "$role" >&2
fi

echo "export DATABASE_URL=postgres://${role}:${password}@127.0.0.1:${port}/${role}"
echo "export MUROJAAT_PG_CLEANUP='$ver main $port $role $started $created'"
