#!/usr/bin/env bash
# The network namespace every test JVM runs in (see scripts/java-in-netns).
#
# Why: real WebRTC peers (Chromium, aiortc) never offer loopback host candidates, so interop tests need a
# non-loopback interface. Test traffic may only go to loopback or to namespaces the tests create, so we give
# the tests a namespace of their own holding a veth pair whose BOTH ends live inside it: the namespace has no
# link to the outside world and nothing sent from it can leave the machine.
#
#   jt0 198.18.0.1/24 (fd00:198:18::1/64)  <-veth->  jt1 198.18.0.2/24 (fd00:198:18::2/64)
#   default route via jt0, so Chromium finds a "default-route" interface to gather candidates on.
#
# DNS goes to 127.0.0.1 (nothing listens, so lookups fail at once instead of waiting seconds for the host's
# unreachable name server), and localhost and this host's name resolve from a hosts file for IPv4 and IPv6.
# Without this, Selenium's and Chromium's name lookups each stall for 5 s.
#
# Two ways to get it:
#   scripts/test-netns.sh [-q]             As root: the shared, named namespace "jrtc-test", created once and kept
#                                          (CI). "ip netns exec" mounts /etc/netns/jrtc-test/{resolv.conf,hosts}
#                                          over /etc inside it. Idempotent and cheap when in place; -q: quiet.
#   scripts/test-netns.sh --private CMD..  Any user: a private user and network namespace (unshare --user
#                                          --map-root-user --net --mount) with the same lo and veth pair and the
#                                          same resolv.conf and hosts bind-mounted, then CMD runs inside it as its
#                                          root. No root needed; it lives as long as CMD.
set -Eeuo pipefail

NS=jrtc-test
ETC=/etc/netns/$NS
# ip and tc live in /sbin, nft in /usr/sbin: not on a normal user's PATH on Debian.
export PATH="$PATH:/usr/sbin:/sbin"

quiet=0
say() { [ "$quiet" -eq 1 ] || echo "test-netns: $*" >&2; }
fail() { echo "test-netns: $*" >&2; exit 1; }

# Names every missing program with the Debian package that has it.
require() {
  local missing=() tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 && continue
    case "$tool" in
      ip|tc) missing+=("$tool (iproute2)") ;;
      nft) missing+=("$tool (nftables)") ;;
      unshare|nsenter|flock) missing+=("$tool (util-linux)") ;;
      mount) missing+=("$tool (mount)") ;;
      *) missing+=("$tool") ;;
    esac
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  fail "missing ${missing[*]}; scripts/ensure-test-peers.sh installs them as root (./mvnw verify runs it)," \
       "or: sudo apt-get install -y iproute2 nftables util-linux"
}

hosts_file() {
  local host
  host="$(cat /proc/sys/kernel/hostname)"
  printf '127.0.0.1 localhost %s\n::1 localhost ip6-localhost %s\n' "$host" "$host"
}
resolv_file() { printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n'; }

# The links, in the namespace that "$@" (a command prefix, possibly empty) runs in.
make_links() {
  "$@" ip link set lo up
  "$@" ip link show dev jt0 >/dev/null 2>&1 || "$@" ip link add jt0 type veth peer name jt1
  "$@" ip -4 addr show dev jt0 | grep -q '198\.18\.0\.1/24' || "$@" ip addr add 198.18.0.1/24 dev jt0
  "$@" ip -4 addr show dev jt1 | grep -q '198\.18\.0\.2/24' || "$@" ip addr add 198.18.0.2/24 dev jt1
  "$@" ip link set jt0 up
  "$@" ip link set jt1 up
  "$@" ip -4 route show default | grep -q 'dev jt0' || "$@" ip route replace default dev jt0
  # IPv6 is optional: skip it when the kernel or the namespace has it disabled. nodad: usable at once.
  if "$@" ip -6 addr show dev lo >/dev/null 2>&1 \
     && [ "$("$@" cat /proc/sys/net/ipv6/conf/jt0/disable_ipv6 2>/dev/null || echo 1)" = "0" ]; then
    "$@" ip -6 addr show dev jt0 | grep -q 'fd00:198:18::1/64' \
      || "$@" ip -6 addr add fd00:198:18::1/64 dev jt0 nodad || say "IPv6 address on jt0 not added"
    "$@" ip -6 addr show dev jt1 | grep -q 'fd00:198:18::2/64' \
      || "$@" ip -6 addr add fd00:198:18::2/64 dev jt1 nodad || say "IPv6 address on jt1 not added"
  fi
}

# ---- private: a user and network namespace of our own, no root needed ----
if [ "${1:-}" = "--private" ]; then
  shift
  [ "$#" -gt 0 ] || fail "--private needs a command to run"
  require unshare ip mount
  if ! err="$(unshare --user --map-root-user --net true 2>&1)"; then
    fail "cannot create an unprivileged user and network namespace ($err)." \
         "Enable them (sysctl -w user.max_user_namespaces=15000; on Ubuntu 24.04 also" \
         "sysctl -w kernel.apparmor_restrict_unprivileged_userns=0), or run as root for the shared namespace."
  fi
  exec unshare --user --map-root-user --net --mount -- "$0" --inside-private "$@"
fi

if [ "${1:-}" = "--inside-private" ]; then
  shift
  trap 'fail "setting up the private namespace failed at: $BASH_COMMAND (its error is above)"' ERR
  make_links
  # resolv.conf and hosts as ip netns exec would mount them; the files vanish when the mounts do.
  dir="$(mktemp -d)"
  resolv_file > "$dir/resolv.conf"
  hosts_file > "$dir/hosts"
  mount --bind "$dir/resolv.conf" /etc/resolv.conf || fail "cannot bind-mount over /etc/resolv.conf"
  mount --bind "$dir/hosts" /etc/hosts || fail "cannot bind-mount over /etc/hosts"
  rm -rf "$dir"
  exec "$@"
fi

# ---- shared: the named namespace jrtc-test, as root ----
[ "${1:-}" = "-q" ] && quiet=1

in_ns() { ip netns exec "$NS" "$@"; }

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
test-netns: to create the namespace by hand, as root:
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
CMDS
}

require ip flock
if ready; then
  say "namespace $NS already set up"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  fail "the shared namespace $NS does not exist and only root can create it; as a normal user the tests run in" \
       "a private namespace instead (scripts/java-in-netns does this unless JRTC_TEST_NETNS=shared)"
fi

# Two test JVMs may start at once: serialise creation. The lock file's errors stay visible.
lock_dir=/run/lock
[ -d "$lock_dir" ] && [ -w "$lock_dir" ] || lock_dir="${TMPDIR:-/tmp}"
exec 9>"$lock_dir/jrtc-test-netns.lock"
flock 9
if ready; then exit 0; fi

create() {
  mkdir -p "$ETC"
  [ -s "$ETC/resolv.conf" ] || resolv_file > "$ETC/resolv.conf"
  [ -s "$ETC/hosts" ] || hosts_file > "$ETC/hosts"
  ip netns list | grep -qw "^$NS" || ip netns add "$NS"
  make_links in_ns
}

trap 'echo "test-netns: creating namespace $NS failed at: $BASH_COMMAND (its error is above)" >&2; print_commands' ERR
create
trap - ERR
ready || { echo "test-netns: namespace $NS is incomplete after setup" >&2; print_commands; exit 1; }
say "namespace $NS ready (jt0 198.18.0.1, jt1 198.18.0.2)"
