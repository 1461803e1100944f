#!/usr/bin/env bash
# Creates the network namespace "jrtc-test" that every test JVM runs in (see scripts/java-in-netns).
#
# Why: real WebRTC peers (Chromium, aiortc) never offer loopback host candidates, so interop tests need a
# non-loopback interface. Test traffic may only go to loopback or to namespaces the tests create, so we give
# the tests a namespace of their own holding a veth pair whose BOTH ends live inside it: the namespace has no
# link to the outside world and nothing sent from it can leave the machine.
#
#   jt0 198.18.0.1/24 (fd00:198:18::1/64)  <-veth->  jt1 198.18.0.2/24 (fd00:198:18::2/64)
#   default route via jt0, so Chromium finds a "default-route" interface to gather candidates on.
#
# It also writes /etc/netns/jrtc-test/{resolv.conf,hosts}, which "ip netns exec" mounts over /etc inside the
# namespace: DNS goes to 127.0.0.1 (nothing listens, so lookups fail at once instead of waiting seconds for the
# host's unreachable name server), and localhost and this host's name resolve from the hosts file for IPv4
# and IPv6. Without this, Selenium's and Chromium's name lookups each stall for 5 s.
#
# Idempotent: cheap when everything is already in place. Needs root to create; otherwise prints the commands.
# Usage: scripts/test-netns.sh [-q]      (-q: print nothing on success)
set -euo pipefail

NS=jrtc-test
quiet=0
[ "${1:-}" = "-q" ] && quiet=1

say() { [ "$quiet" -eq 1 ] || echo "test-netns: $*"; }

in_ns() { ip netns exec "$NS" "$@"; }

ETC=/etc/netns/$NS

ready() {
  ip netns list 2>/dev/null | grep -qw "^$NS" || return 1
  [ -s "$ETC/resolv.conf" ] && [ -s "$ETC/hosts" ] || return 1
  in_ns ip -4 addr show dev jt0 2>/dev/null | grep -q '198\.18\.0\.1/24' || return 1
  in_ns ip -4 addr show dev jt1 2>/dev/null | grep -q '198\.18\.0\.2/24' || return 1
  in_ns ip link show dev jt0 2>/dev/null | grep -q 'state UP' || return 1
  in_ns ip link show dev jt1 2>/dev/null | grep -q 'state UP' || return 1
  in_ns ip -4 route show default 2>/dev/null | grep -q 'dev jt0' || return 1
  return 0
}

print_commands() {
  cat >&2 <<CMDS
test-netns: cannot create network namespace $NS (needs root / CAP_SYS_ADMIN). Run as root:
  ip netns add $NS
  ip netns exec $NS ip link set lo up
  ip netns exec $NS ip link add jt0 type veth peer name jt1
  ip netns exec $NS ip addr add 198.18.0.1/24 dev jt0
  ip netns exec $NS ip addr add 198.18.0.2/24 dev jt1
  ip netns exec $NS ip link set jt0 up
  ip netns exec $NS ip link set jt1 up
  ip netns exec $NS ip route add default dev jt0
  mkdir -p $ETC
  printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' > $ETC/resolv.conf
  printf '127.0.0.1 localhost %s\n::1 localhost ip6-localhost %s\n' "\$(hostname)" "\$(hostname)" > $ETC/hosts
  # optional, when IPv6 is enabled:
  ip netns exec $NS ip -6 addr add fd00:198:18::1/64 dev jt0 nodad
  ip netns exec $NS ip -6 addr add fd00:198:18::2/64 dev jt1 nodad
CMDS
}

if ready; then
  say "namespace $NS already set up"
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v ip >/dev/null 2>&1; then
  print_commands
  exit 1
fi

# Two test JVMs may start at once: serialise creation.
exec 9>"/run/lock/jrtc-test-netns.lock" 2>/dev/null || exec 9>"/tmp/jrtc-test-netns.lock"
flock 9
if ready; then exit 0; fi

create() {
  mkdir -p "$ETC"
  [ -s "$ETC/resolv.conf" ] || printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' > "$ETC/resolv.conf"
  [ -s "$ETC/hosts" ] || printf '127.0.0.1 localhost %s\n::1 localhost ip6-localhost %s\n' \
    "$(hostname)" "$(hostname)" > "$ETC/hosts"
  ip netns list | grep -qw "^$NS" || ip netns add "$NS"
  in_ns ip link set lo up
  in_ns ip link show dev jt0 >/dev/null 2>&1 || in_ns ip link add jt0 type veth peer name jt1
  in_ns ip -4 addr show dev jt0 | grep -q '198\.18\.0\.1/24' || in_ns ip addr add 198.18.0.1/24 dev jt0
  in_ns ip -4 addr show dev jt1 | grep -q '198\.18\.0\.2/24' || in_ns ip addr add 198.18.0.2/24 dev jt1
  in_ns ip link set jt0 up
  in_ns ip link set jt1 up
  in_ns ip -4 route show default | grep -q 'dev jt0' || in_ns ip route replace default dev jt0
}

errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT
if ! create 2>"$errors"; then
  cat "$errors" >&2 || true
  print_commands
  exit 1
fi

# IPv6 is optional: skip quietly when the kernel or the namespace has it disabled. nodad: the addresses are
# usable at once instead of after duplicate address detection.
if in_ns ip -6 addr show dev lo >/dev/null 2>&1 \
   && [ "$(in_ns cat /proc/sys/net/ipv6/conf/jt0/disable_ipv6 2>/dev/null || echo 1)" = "0" ]; then
  in_ns ip -6 addr show dev jt0 | grep -q 'fd00:198:18::1/64' \
    || in_ns ip -6 addr add fd00:198:18::1/64 dev jt0 nodad 2>/dev/null || say "IPv6 address on jt0 not added"
  in_ns ip -6 addr show dev jt1 | grep -q 'fd00:198:18::2/64' \
    || in_ns ip -6 addr add fd00:198:18::2/64 dev jt1 nodad 2>/dev/null || say "IPv6 address on jt1 not added"
fi

ready || { echo "test-netns: namespace $NS is incomplete after setup" >&2; print_commands; exit 1; }
say "namespace $NS ready (jt0 198.18.0.1, jt1 198.18.0.2)"
