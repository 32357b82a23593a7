#!/usr/bin/env bash
# Debian's RabbitMQ server for the integration and fault tests of @murojaat/rabbitmq
# (packages/adapters/rabbitmq/test). Idempotent; runs as root on a fresh Debian machine.
# Installs the `rabbitmq-server` package if missing (3.10 in bookworm: quorum queues, publisher
# confirms), starts node `murojaat@localhost` on 127.0.0.1:${MUROJAAT_AMQP_PORT:-5672} as the
# `rabbitmq` user (the package's init script is not used: containers have no init), makes sure user
# `murojaat` (password `murojaat`, every right on vhost `/`) exists, and prints ONE line on stdout:
#   export AMQP_URL=amqp://murojaat:murojaat@127.0.0.1:<port>/
# Everything else goes to stderr. Use it as:  eval "$(bash .ci/rabbitmq.sh)"
#
# Tests that restart a broker start a node of their own (own node name, ports and data folder; see
# packages/adapters/rabbitmq/test/fixtures/rabbitBroker.ts), never this one.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

bin=/usr/lib/rabbitmq/bin
if [ ! -x "$bin/rabbitmq-server" ] || ! id rabbitmq >/dev/null 2>&1; then
  echo "rabbitmq.sh: installing rabbitmq-server" >&2
  apt-get update -qq >&2
  apt-get install -y -qq rabbitmq-server >&2
fi

node="murojaat@localhost"
port="${MUROJAAT_AMQP_PORT:-5672}"
# From / : the rabbitmq user may not read the caller's folder (a 0700 temp clone), and Erlang
# then logs an access error for every module it looks up in the current directory.
as_rabbit() {
  (cd / && runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq RABBITMQ_NODENAME="$node" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$port" RABBITMQ_LOG_BASE=/var/log/rabbitmq "$@")
}

mkdir -p /var/log/rabbitmq
chown rabbitmq:rabbitmq /var/log/rabbitmq
if ! as_rabbit "$bin/rabbitmqctl" -q status >/dev/null 2>&1; then
  echo "rabbitmq.sh: starting node $node on port $port" >&2
  (cd /var/lib/rabbitmq && as_rabbit "$bin/rabbitmq-server" -detached) >&2
fi
# Waits for the node to boot (the Erlang VM, then the rabbit application).
ready=""
for _ in $(seq 1 90); do
  if as_rabbit "$bin/rabbitmqctl" -q await_startup --timeout 5 >/dev/null 2>&1; then ready=yes; break; fi
  sleep 1
done
[ -n "$ready" ] || { echo "rabbitmq.sh: node $node did not start (see /var/log/rabbitmq)" >&2; exit 1; }

if ! as_rabbit "$bin/rabbitmqctl" -q list_users 2>/dev/null | awk '{ print $1 }' | grep -qx murojaat; then
  as_rabbit "$bin/rabbitmqctl" -q add_user murojaat murojaat >&2
else
  as_rabbit "$bin/rabbitmqctl" -q change_password murojaat murojaat >&2
fi
as_rabbit "$bin/rabbitmqctl" -q set_user_tags murojaat administrator >&2
as_rabbit "$bin/rabbitmqctl" -q set_permissions -p / murojaat '.*' '.*' '.*' >&2

echo "export AMQP_URL=amqp://murojaat:murojaat@127.0.0.1:${port}/"
