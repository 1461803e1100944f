#!/usr/bin/env bash
# SFU relay benchmark, jrtc against Pion in one run: one publisher's coded VP8 (30 fps, ~2 Mbit/s) forwarded as it
# is to N viewers, every peer connection in one process on 198.18.0.1 inside the test namespace (Pion does not
# gather loopback candidates). Builds both (Pion offline from Debian's sources: bench/pion-relay/build.sh), runs
# Pion's bench then jrtc's (io.jrtc.bench.RelayBench, after an unreported warm-up round), and prints one JSON
# object: both stacks' lines and, per viewer count, jrtc's ratios to Pion (cpu_per_packet_x: Pion's CPU per
# forwarded packet over jrtc's, above 1 when jrtc is cheaper; setup_x_faster likewise; memory ratios jrtc/Pion).
# Needs root (the namespace), golang-go and golang-github-pion-webrtc.v3-dev. Takes about three minutes.
# Usage: scripts/relay-bench.sh [viewer counts=10,50,100] [window seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
viewers=${1:-10,50,100}
window=${2:-10}
scripts/test-netns.sh -q
in_ns() { ip netns exec jrtc-test "$@"; }

./mvnw -q -B -pl bench -am package -DskipTests >/dev/null
bench/pion-relay/build.sh >/dev/null

echo "relay-bench: pion ..." >&2
pion=$(in_ns bench/pion-relay/pion_relay -ip 198.18.0.1 -viewers "$viewers" -window "${window}s" | tail -n 1)
echo "relay-bench: jrtc ..." >&2
jrtc=$(in_ns java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.jrtc.bench.RelayBench \
  198.18.0.1 "$viewers" "$window" 10 15 | tail -n 1)

python3 - "$jrtc" "$pion" <<'PY'
import json, sys
jrtc, pion = (json.loads(a) for a in sys.argv[1:])
pion_by_n = {r["viewers"]: r for r in pion["runs"]}

def ratio(a, b):
    return round(a / b, 2) if a and b else None

ratios = []
for j in jrtc["runs"]:
    p = pion_by_n.get(j["viewers"])
    if p is None:
        continue
    ratios.append({"viewers": j["viewers"],
                   "cpu_per_packet_x": ratio(p["cpu_us_per_packet"], j["cpu_us_per_packet"]),
                   "cpu_s_per_s_x": ratio(p["cpu_s_per_s"], j["cpu_s_per_s"]),
                   "viewers_setup_x_faster": ratio(p["viewers_setup_ms"], j["viewers_setup_ms"]),
                   "first_frame_x_faster": ratio(p["viewers_first_frame_ms"], j["viewers_first_frame_ms"]),
                   "fps_x": ratio(j["fps_per_viewer_mean"], p["fps_per_viewer_mean"]),
                   "rss_jrtc_over_pion": ratio(j["rss_mb"], p["rss_mb"]),
                   "heap_jrtc_over_pion": ratio(j["heap_mb"], p["heap_mb"])})
print(json.dumps({"jrtc": jrtc, "pion": pion, "jrtc_ratio_to_pion": ratios}, separators=(",", ":")))
PY
