#!/usr/bin/env bash
# The whole test run (the README's test command, `pnpm test`): starts what the tests need, then
# typechecks, runs every test (unit, property, integration, fault) and checks the generated docs.
#
# Services: embedded PostgreSQL is started by the tests themselves. A real PostgreSQL server (for the
# *.integration.test.ts suites) comes from DATABASE_URL, or, when that is unset, from
# .ci/postgres.sh, which installs Debian's PostgreSQL with apt-get when it is missing and starts it.
# A RabbitMQ broker (for @murojaat/rabbitmq's integration and fault tests) comes from AMQP_URL, or,
# when that is unset, from .ci/rabbitmq.sh, which installs Debian's rabbitmq-server the same way.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DATABASE_URL:-}" ] && [ -f .ci/postgres.sh ]; then
  # The script prints `export DATABASE_URL=...` on its last line; everything else goes to stderr.
  if exports=$(bash .ci/postgres.sh); then
    eval "$(printf '%s\n' "$exports" | grep '^export ')"
  else
    echo "test: could not start a PostgreSQL server (.ci/postgres.sh failed); integration tests will report it" >&2
  fi
fi

if [ -z "${AMQP_URL:-}" ] && [ -f .ci/rabbitmq.sh ]; then
  # The script prints `export AMQP_URL=...` on its last line; everything else goes to stderr.
  if exports=$(bash .ci/rabbitmq.sh); then
    eval "$(printf '%s\n' "$exports" | grep '^export ')"
  else
    echo "test: could not start RabbitMQ (.ci/rabbitmq.sh failed); the RabbitMQ tests will report it" >&2
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
