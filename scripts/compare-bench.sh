#!/usr/bin/env bash
# jrtc against the other stacks in one run: jrtc's own bench (scripts/bench.sh), then ../shared/peer-bench's aiortc
# and Chromium benches (and Pion's when Go and Debian's Pion sources are installed), each measured the same way on
# this machine, then one JSON line with every figure and jrtc's ratio to each (setup: how many times faster;
# throughput and messages: how many times more). Runs the peers inside the test namespace, because they do not
# gather loopback candidates: needs root, the test peers (scripts/ensure-test-peers.sh) and npm (for
# playwright-core, which drives Debian's Chromium; no browser is downloaded). Takes about five minutes.
# Usage: scripts/compare-bench.sh [peer-bench dir]     (default: ../shared/peer-bench beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
peer_bench=$(cd "${1:-$root/../shared/peer-bench}" && pwd)
scripts/ensure-test-peers.sh
scripts/test-netns.sh -q

work=$(mktemp -d -t jrtc-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$peer_bench"/. "$work"
(cd "$work" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --silent --no-audit --no-fund playwright-core \
  >/dev/null)

in_ns() { ip netns exec jrtc-test "$@"; }

echo "compare-bench: jrtc ..." >&2
jrtc=$(scripts/bench.sh | tail -n 1)
echo "compare-bench: aiortc ..." >&2
aiortc=$(cd "$work" && in_ns /usr/bin/python3 aiortc_bench.py 2>/dev/null | tail -n 1)
echo "compare-bench: chromium ..." >&2
chromium=$(cd "$work" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 in_ns node chromium_bench.js --no-mdns 2>/dev/null | tail -n 1)
pion=null
if command -v go >/dev/null && [ -d /usr/share/gocode/src/github.com/pion/webrtc ]; then
  echo "compare-bench: pion ..." >&2
  (cd "$work/pion" && ./build.sh >/dev/null 2>&1) && pion=$(cd "$work/pion" && in_ns ./pion_bench 2>/dev/null | tail -n 1)
else
  echo "compare-bench: no Pion (apt-get install golang-go golang-github-pion-webrtc.v3-dev to include it)" >&2
fi

python3 - "$jrtc" "$aiortc" "$chromium" "$pion" <<'EOF'
import json, sys
jrtc, aiortc, chromium, pion = (json.loads(a) for a in sys.argv[1:])

def figures(peer):
    """setup ms, 16 KiB MB/s, 1 KiB messages/s, from a peer-bench line."""
    return {"setup_ms": peer["setup_ms_median"], "throughput_16k_MBps": peer["large_16KiB"]["MBps"],
            "msgs_1k_per_s": peer["small_1KiB"]["msgs_per_s"]}

peers = {"aiortc": figures(aiortc), "chromium": figures(chromium)}
if pion is not None:
    peers["pion"] = figures(pion)
ours = {k: jrtc[k] for k in ("setup_ms", "throughput_16k_MBps", "msgs_1k_per_s")}
ratios = {name: {"setup_x_faster": round(p["setup_ms"] / ours["setup_ms"], 1),
                 "throughput_16k_x": round(ours["throughput_16k_MBps"] / p["throughput_16k_MBps"], 1),
                 "msgs_1k_x": round(ours["msgs_1k_per_s"] / p["msgs_1k_per_s"], 1)}
          for name, p in peers.items()}
print(json.dumps({"jrtc": ours, **peers, "jrtc_ratio_to": ratios}, separators=(",", ":")))
EOF
