#!/usr/bin/env bash
# Debian's RabbitMQ server for the integration and fault tests of @murojaat/rabbitmq
# (packages/adapters/rabbitmq/test). Runs as root on a fresh Debian machine.
# Installs the `rabbitmq-server` package if missing (3.10 in bookworm: quorum queues, publisher
# confirms; it stays installed), starts node `murojaat@localhost` on 127.0.0.1:${MUROJAAT_AMQP_PORT:-5672}
# as the `rabbitmq` user when it is down (the package's init script is not used: containers have no
# init), then creates the test run's own user and virtual host: both named $MUROJAAT_AMQP_USER
# (default murojaat_test_<pid>), password random, every right on that vhost only (no tags). Prints
# on stdout only `export` lines (everything else goes to stderr):
#   export AMQP_URL=amqp://<user>:<password>@127.0.0.1:<port>/<user>
#   export MUROJAAT_AMQP_CLEANUP='<port> <user> <started 0|1>'
# `bash .ci/rabbitmq.sh --cleanup "$MUROJAAT_AMQP_CLEANUP"` deletes the vhost (with every queue and
# exchange the tests made) and the user, and stops the node when this script started it.
# scripts/test.sh does both.
#
# Tests that restart a broker start a node of their own (own node name, ports and data folder; see
# packages/adapters/rabbitmq/test/fixtures/rabbitBroker.ts), never this one.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

bin=/usr/lib/rabbitmq/bin

node="murojaat@localhost"
port="${MUROJAAT_AMQP_PORT:-5672}"
[ "${1:-}" = "--cleanup" ] && port="$(awk '{ print $1 }' <<<"$2")"
# From / : the rabbitmq user may not read the caller's folder (a 0700 temp clone), and Erlang
# then logs an access error for every module it looks up in the current directory.
as_rabbit() {
  (cd / && runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq RABBITMQ_NODENAME="$node" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$port" RABBITMQ_LOG_BASE=/var/log/rabbitmq "$@")
}

if [ "${1:-}" = "--cleanup" ]; then
  read -r port user started <<<"$2"
  if [ -x "$bin/rabbitmqctl" ] && as_rabbit "$bin/rabbitmqctl" -q status >/dev/null 2>&1; then
    as_rabbit "$bin/rabbitmqctl" -q delete_vhost "$user" >&2 || true
    as_rabbit "$bin/rabbitmqctl" -q delete_user "$user" >&2 || true
    [ "$started" = "1" ] && as_rabbit "$bin/rabbitmqctl" -q stop >&2
  fi
  echo "rabbitmq.sh: removed user and vhost $user (node started here: $started)" >&2
  exit 0
fi

if [ ! -x "$bin/rabbitmq-server" ] || ! id rabbitmq >/dev/null 2>&1; then
  echo "rabbitmq.sh: installing rabbitmq-server" >&2
  apt-get update -qq >&2
  apt-get install -y -qq rabbitmq-server >&2
fi
mkdir -p /var/log/rabbitmq
chown rabbitmq:rabbitmq /var/log/rabbitmq
started=0
if ! as_rabbit "$bin/rabbitmqctl" -q status >/dev/null 2>&1; then
  started=1
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

user="${MUROJAAT_AMQP_USER:-murojaat_test_$$}"
[[ "$user" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "rabbitmq.sh: user name $user is not a plain identifier" >&2; exit 1; }
password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
as_rabbit "$bin/rabbitmqctl" -q delete_user "$user" >/dev/null 2>&1 || true
as_rabbit "$bin/rabbitmqctl" -q add_user "$user" "$password" >&2
as_rabbit "$bin/rabbitmqctl" -q add_vhost "$user" >&2 || true
as_rabbit "$bin/rabbitmqctl" -q set_permissions -p "$user" "$user" '.*' '.*' '.*' >&2

echo "export AMQP_URL=amqp://${user}:${password}@127.0.0.1:${port}/${user}"
echo "export MUROJAAT_AMQP_CLEANUP='${port} ${user} ${started}'"
