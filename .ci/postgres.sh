#!/usr/bin/env bash
# Debian's PostgreSQL server for the integration tests (*.integration.test.ts, tests/).
# Idempotent; runs as root. Installs the `postgresql` package if missing, creates and starts the
# newest cluster, makes sure role `murojaat` (password `murojaat`, CREATEDB: each test file works in
# a database of its own) and database `murojaat` exist, and prints ONE line on stdout:
#   export DATABASE_URL=postgres://murojaat:murojaat@127.0.0.1:<port>/murojaat
# Everything else goes to stderr. Use it from .ci/run as:  eval "$(bash .ci/postgres.sh)"
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

newest() { ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1; }

if [ -z "$(newest)" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "postgres.sh: installing postgresql" >&2
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
ver="$(newest)"

cluster() { pg_lsclusters -h 2>/dev/null | awk -v v="$ver" '$1 == v && $2 == "main" { print $'"$1"' }'; }

if [ -z "$(cluster 1)" ]; then
  echo "postgres.sh: creating cluster $ver/main" >&2
  pg_createcluster "$ver" main >&2
fi
if [ "$(cluster 4)" != "online" ]; then
  echo "postgres.sh: starting cluster $ver/main" >&2
  pg_ctlcluster "$ver" main start >&2
fi
port="$(cluster 3)"

for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$port" || { echo "postgres.sh: server on port $port not ready" >&2; exit 1; }

as_postgres() { runuser -u postgres -- "$@"; }
as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qAt >&2 <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'murojaat') THEN
    CREATE ROLE murojaat LOGIN PASSWORD 'murojaat' CREATEDB;
  ELSE
    ALTER ROLE murojaat LOGIN PASSWORD 'murojaat' CREATEDB;
  END IF;
END
$$;
SQL
if [ "$(as_postgres psql -p "$port" -qAt -c "SELECT 1 FROM pg_database WHERE datname = 'murojaat'")" != "1" ]; then
  as_postgres createdb -p "$port" -O murojaat murojaat >&2
fi

echo "export DATABASE_URL=postgres://murojaat:murojaat@127.0.0.1:${port}/murojaat"
