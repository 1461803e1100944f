#!/usr/bin/env bash
# The interop tests run against real peers: headless Chromium driven through chromedriver, and aiortc in
# Debian's Python (with PyAV and numpy for its audio tracks), openssl for the DTLS interop test, and coturn
# (its turnserver binary, started by the TURN client test on an ephemeral port) for the TURN test. Install
# them when we can (root), otherwise stop with the exact line to run. The cluster tests start their own
# redis-server (Debian's) on a free port.
set -euo pipefail
packages=(chromium chromium-driver python3-aiortc python3-numpy openssl coturn redis-server)
missing() {
  [ -x /usr/bin/chromium ] || return 0
  [ -x /usr/bin/chromedriver ] || return 0
  /usr/bin/python3 -c "import aiortc, av, numpy" 2>/dev/null || return 0
  [ -x /usr/bin/openssl ] || return 0
  [ -x /usr/bin/turnserver ] || return 0
  [ -x /usr/bin/redis-server ] || return 0
  return 1
}
missing || exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "ensure-test-peers: installing ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${packages[@]}" >/dev/null
  missing && { echo "ensure-test-peers: install did not provide every peer" >&2; exit 1; }
  exit 0
fi
echo "ensure-test-peers: the interop tests need Debian packages that are not installed. Run:" >&2
echo "  sudo apt-get update && sudo apt-get install -y ${packages[*]}" >&2
exit 1
