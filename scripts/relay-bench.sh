#!/usr/bin/env bash
# SFU relay benchmark, jrtc against Pion in one run: one publisher's coded VP8 (30 fps, ~2 Mbit/s) forwarded as it
# is to N viewers, every peer connection in one process on 198.18.0.1 inside the test namespace (Pion does not
# gather loopback candidates). Builds both (Pion offline from Debian's sources: bench/pion-relay/build.sh), then
# runs Pion's bench and jrtc's (io.jrtc.bench.RelayBench, after an unreported warm-up round of 50 viewers) one
# after the other, RUNS times, and prints one JSON object: each stack's figures per viewer count (the median of
# the runs, field by field, when RUNS > 1) and jrtc's ratios to Pion: cpu_per_packet_x and cpu_s_per_s_x are
# Pion's CPU over jrtc's (above 1: jrtc is cheaper), *_x_faster Pion's time over jrtc's, memory jrtc over Pion.
# Needs root (the namespace), golang-go and golang-github-pion-webrtc.v3-dev. About two minutes per run.
# Usage: [RUNS=3] scripts/relay-bench.sh [viewer counts=10,50,100] [window seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
viewers=${1:-10,50,100}
window=${2:-10}
runs=${RUNS:-1}
scripts/test-netns.sh -q
in_ns() { ip netns exec jrtc-test "$@"; }

./mvnw -q -B -pl bench -am package -DskipTests >/dev/null
bench/pion-relay/build.sh >/dev/null

out=$(mktemp -d -t jrtc-relay.XXXXXX)
trap 'rm -rf "$out"' EXIT
for run in $(seq 1 "$runs"); do
  echo "relay-bench: run $run/$runs: pion ..." >&2
  in_ns bench/pion-relay/pion_relay -ip 198.18.0.1 -viewers "$viewers" -window "${window}s" | tail -n 1 >> "$out/pion"
  echo "relay-bench: run $run/$runs: jrtc ..." >&2
  in_ns java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.jrtc.bench.RelayBench \
    198.18.0.1 "$viewers" "$window" 50 10 | tail -n 1 >> "$out/jrtc"
done

python3 - "$out/jrtc" "$out/pion" "$(cat /proc/loadavg)" <<'PY'
import json, statistics, sys

def merged(path):
    """One stack's line, its runs replaced by the field-wise median over every run of the file."""
    lines = [json.loads(l) for l in open(path) if l.strip()]
    by_n = {}
    for line in lines:
        for r in line["runs"]:
            by_n.setdefault(r["viewers"], []).append(r)
    runs = []
    for n, rs in sorted(by_n.items()):
        m = {}
        for k, v in rs[0].items():
            values = [r[k] for r in rs]
            m[k] = all(values) if isinstance(v, bool) else round(statistics.median(values), 3)
        m["viewers"], m["samples"] = n, len(rs)
        runs.append(m)
    return {**lines[0], "runs": runs}

jrtc, pion = merged(sys.argv[1]), merged(sys.argv[2])
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
print(json.dumps({"loadavg_at_end": sys.argv[3], "jrtc": jrtc, "pion": pion, "jrtc_ratio_to_pion": ratios},
                 separators=(",", ":")))
PY
