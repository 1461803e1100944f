#!/usr/bin/env bash
# SFU relay benchmark, jrtc against Pion in one run: one publisher's coded VP8 (30 fps, ~2 Mbit/s) forwarded as it
# is to N viewers, every peer connection in one process on 198.18.0.1 inside the test namespace (Pion does not
# gather loopback candidates). Builds both (Pion offline from Debian's sources: bench/pion-relay/build.sh), then
# runs Pion's bench and jrtc's (io.jrtc.bench.RelayBench, after an unreported warm-up round of 50 viewers) one
# after the other, RUNS times, and prints one JSON object: each stack's figures per viewer count (the median of
# the runs, field by field, when RUNS > 1, with the min and max of the main figures) and jrtc's ratios to Pion: cpu_per_packet_x and cpu_s_per_s_x are
# Pion's CPU over jrtc's (above 1: jrtc is cheaper), *_x_faster Pion's time over jrtc's, memory jrtc over Pion.
# Needs root (the namespace), golang-go and golang-github-pion-webrtc.v3-dev. About two minutes per run; the runs
# alternate which stack goes first. On a shared machine single runs spread widely: use RUNS=3 or more for
# figures to quote. A failed step or run names itself with its exit status and the end of its output; every
# step's output stays in $RELAY_BENCH_LOGS (default: a fresh temporary directory, named on stderr).
# Usage: [RUNS=3] scripts/relay-bench.sh [viewer counts=10,50,100] [window seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
viewers=${1:-10,50,100}
window=${2:-10}
runs=${RUNS:-1}
# Every step's output is kept: a failed run says which step failed, with its exit status and its last lines.
logs=${RELAY_BENCH_LOGS:-$(mktemp -d -t jrtc-relay-logs.XXXXXX)}
mkdir -p "$logs"
fail() {
  echo "relay-bench: $1 failed (exit $2); its last lines ($3):" >&2
  tail -n 30 "$3" >&2 || true
  exit 1
}
step() {  # step NAME LOG COMMAND...: runs COMMAND with stdout and stderr in LOG, failing loudly
  local name=$1 log=$2
  shift 2
  "$@" >"$log" 2>&1 || fail "$name" "$?" "$log"
}
step "the test namespace" "$logs/netns.log" scripts/test-netns.sh -q
in_ns() { ip netns exec jrtc-test "$@"; }

step "building jrtc's bench" "$logs/build-jrtc.log" ./mvnw -q -B -pl bench -am package -DskipTests
step "building Pion's bench" "$logs/build-pion.log" bench/pion-relay/build.sh

out=$(mktemp -d -t jrtc-relay.XXXXXX)
trap 'rm -rf "$out"' EXIT
# One stack's run: its last stdout line must be the JSON; anything else is a failure with its stderr shown.
run_stack() {
  local name=$1 run=$2
  shift 2
  local log="$logs/$name-run$run.err"
  echo "relay-bench: run $run/$runs: $name ... (stderr: $log)" >&2
  local status=0
  in_ns "$@" >"$out/$name.last" 2>"$log" || status=$?
  local line
  line=$(tail -n 1 "$out/$name.last")
  if [ "$status" -ne 0 ] || ! printf '%s' "$line" | python3 -c 'import json,sys; json.loads(sys.stdin.read())' 2>/dev/null; then
    echo "relay-bench: $name run $run printed no JSON (exit $status); stdout ended: ${line:0:300}" >&2
    fail "$name run $run" "$status" "$log"
  fi
  printf '%s\n' "$line" >> "$out/$name"
}
for run in $(seq 1 "$runs"); do
  # Alternating who goes first spreads the machine's drift (other load, thermal) over both stacks.
  if [ $((run % 2)) -eq 1 ]; then order="pion jrtc"; else order="jrtc pion"; fi
  for stack in $order; do
    if [ "$stack" = pion ]; then
      run_stack pion "$run" bench/pion-relay/pion_relay -ip 198.18.0.1 -viewers "$viewers" -window "${window}s"
    else
      run_stack jrtc "$run" java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
        io.jrtc.bench.RelayBench 198.18.0.1 "$viewers" "$window" 50 10
    fi
  done
done
echo "relay-bench: logs in $logs" >&2

python3 - "$out/jrtc" "$out/pion" "$(cat /proc/loadavg)" <<'PY'
import json, statistics, sys

SPREAD = ("cpu_us_per_packet", "viewers_setup_ms", "viewers_first_frame_ms", "rss_mb")

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
            if k in SPREAD and len(rs) > 1:
                m[k + "_min"], m[k + "_max"] = round(min(values), 3), round(max(values), 3)
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
