#!/usr/bin/env bash
# The whole test run (the README's test command, `pnpm test`): starts what the tests need, then
# typechecks, builds, runs every test (unit, property, integration, fault, the packed-install test,
# the runnable guides) and checks the generated docs.
#
# Services: embedded PostgreSQL is started by the tests themselves (each stops its own). A real
# PostgreSQL server (for the *.integration.test.ts suites) comes from DATABASE_URL, or, when that is
# unset, from .ci/postgres.sh, which installs Debian's PostgreSQL with apt-get when it is missing,
# starts the cluster when it is down, and creates a login role and database of this run's own
# (random password). A RabbitMQ broker (for @murojaat/rabbitmq's integration and fault tests) comes
# from AMQP_URL, or, when that is unset, from .ci/rabbitmq.sh, which installs Debian's
# rabbitmq-server the same way, starts its node when it is down, and creates a user and virtual host
# of this run's own (random password). The console's browser tests drive Debian's Chromium
# (MUROJAAT_CHROMIUM, or .ci/chromium.sh, which installs the `chromium` package with apt-get when missing).
#
# Clean-up, whatever the outcome: the run's role and every database it owns are dropped, a cluster
# this run started is stopped (and dropped if it created it), the run's broker user and virtual host
# (with every queue in it) are deleted and a node this run started is stopped, and the temporary folder every test
# wrote into (TMPDIR, a fresh one per run) is removed. Installed Debian packages stay.
set -euo pipefail
cd "$(dirname "$0")/.."

run_tmp="$(mktemp -d "${TMPDIR:-/tmp}/murojaat-test-XXXXXX")"
chmod 755 "$run_tmp"
cleanup() {
  if [ -n "${MUROJAAT_PG_CLEANUP:-}" ]; then bash .ci/postgres.sh --cleanup "$MUROJAAT_PG_CLEANUP" || true; fi
  if [ -n "${MUROJAAT_AMQP_CLEANUP:-}" ]; then bash .ci/rabbitmq.sh --cleanup "$MUROJAAT_AMQP_CLEANUP" || true; fi
  rm -rf "$run_tmp"
}
trap cleanup EXIT
export TMPDIR="$run_tmp"

if [ -z "${DATABASE_URL:-}" ] && [ -f .ci/postgres.sh ]; then
  # The script prints `export` lines on stdout (DATABASE_URL, MUROJAAT_PG_CLEANUP); all else on stderr.
  if exports=$(bash .ci/postgres.sh); then
    eval "$(printf '%s\n' "$exports" | grep '^export ')"
  else
    echo "test: could not start a PostgreSQL server (.ci/postgres.sh failed); integration tests will report it" >&2
  fi
fi

if [ -z "${AMQP_URL:-}" ] && [ -f .ci/rabbitmq.sh ]; then
  # The script prints `export` lines on stdout (AMQP_URL, MUROJAAT_AMQP_CLEANUP); all else on stderr.
  if exports=$(bash .ci/rabbitmq.sh); then
    eval "$(printf '%s\n' "$exports" | grep '^export ')"
  else
    echo "test: could not start RabbitMQ (.ci/rabbitmq.sh failed); the RabbitMQ tests will report it" >&2
  fi
fi

if [ -f .ci/chromium.sh ]; then
  # The script prints an `export` line on stdout (MUROJAAT_CHROMIUM); all else on stderr.
  if exports=$(bash .ci/chromium.sh); then
    eval "$(printf '%s\n' "$exports" | grep '^export ')"
  else
    echo "test: could not install Chromium (.ci/chromium.sh failed); the browser tests will report it" >&2
  fi
fi

run() {
  echo "== $*" >&2
  "$@"
}

run node_modules/.bin/tsc -p tsconfig.json --noEmit
# The published packages build (ESM, CJS and declarations).
run node_modules/.bin/tsx scripts/build.ts
run node_modules/.bin/vitest run
run node_modules/.bin/tsx scripts/docs.ts --check
