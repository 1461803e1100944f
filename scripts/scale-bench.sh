#!/usr/bin/env bash
# Scale benchmark of the echo service: ramps one server to thousands of concurrently connected data-channel echo
# sessions, driven by one separate client JVM (io.jrtc.bench.ScaleBench: jrtc peer connections sharing its event
# loops), and prints one JSON line per step and a summary line per server (figures: ScaleStep's Javadoc). Servers:
#   jrtc  the sample service (started by scripts/run-sample.sh, C2 on), its answers on one shared UDP port;
#   pion  bench/pion-echo, the same POST /echo contract on Pion 3.1.56 with its UDP mux (built offline from
#         Debian's sources; skipped with a note when Go or those sources are missing).
# Both run inside the test namespace on 198.18.0.1 (Pion gathers no loopback candidates), one after the other,
# measured by the same client; a last line gives jrtc's ratios to Pion. Needs root (the namespace, the file limit).
# Usage: scripts/scale-bench.sh [jrtc|pion|both=both]
# Environment: SCALE_STEPS (1000,2500,5000,7500,10000), SCALE_PERIOD_MS (10000: 1 KiB every 10 s per session),
# SCALE_BENCH_OPTS (more -Dscale.bench.* for the client), SERVICE_JAVA_OPTS (-Xmx3g), SERVICE_ARGS (more --rtc.*),
# SCALE_BENCH_SKIP_BUILD=1 to reuse the last build of the bench module, SCALE_KEEP_LOGS=1 to keep the servers' logs.
set -euo pipefail
cd "$(dirname "$0")/.."
servers=${1:-both}
steps=${SCALE_STEPS:-1000,2500,5000,7500,10000}
ip=198.18.0.1

# Every client connection holds its own socket (offers do not share the port); the server holds one per session
# only on Pion's side if its mux is off. 10,000 sessions need more than the usual 1,024 descriptors each.
ulimit -Hn 1048576 2>/dev/null || true
ulimit -n 200000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
scripts/test-netns.sh -q
in_ns() { ip netns exec jrtc-test "$@"; }

if [[ "${SCALE_BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B -pl bench -am package -DskipTests >/dev/null
fi
free_port() { # [udp]: a port free in the namespace, TCP on 127.0.0.1 or UDP on the bench's address
  in_ns python3 -c 'import socket, sys; udp = sys.argv[1] == "udp"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM if udp else socket.SOCK_STREAM)
s.bind((sys.argv[2] if udp else "127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' "${1:-tcp}" "$ip"
}

out=$(mktemp -d -t jrtc-scale.XXXXXX)
server_pid=
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}
finish() {
  local status=$?
  stop_server
  if [[ $status -ne 0 || "${SCALE_KEEP_LOGS:-0}" == 1 ]]; then
    echo "scale-bench: exit status $status; server logs in $out" >&2
  else
    rm -rf "$out"
  fi
}
trap finish EXIT
trap 'exit 130' INT TERM

wait_healthy() { # url name log
  for _ in $(seq 1 1200); do  # the first run of run-sample.sh builds the service
    if in_ns curl -fsS "$1" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then echo "$2 exited during startup; its log:" >&2; cat "$3" >&2; exit 1; fi
    sleep 0.5
  done
  echo "$2 not healthy after 600 s; log: $3" >&2; exit 1
}

start_jrtc() { # http port
  # run-sample.sh execs the JVM, so the background job's pid is the service's; C2 on: a service runs warm.
  SAMPLE_JAVA=$PWD/scripts/java-in-netns/bin/java SAMPLE_JAVA_OPTS="-XX:TieredStopAtLevel=4 ${SERVICE_JAVA_OPTS:--Xmx3g}" \
    scripts/run-sample.sh \
    --server.port="$1" --server.address=127.0.0.1 \
    --rtc.bind-addresses="$ip" --rtc.include-loopback=false \
    --rtc.udp.port="$(free_port udp)" --rtc.tcp.port=0 \
    --rtc.limits.max-peer-connections=1000000 \
    --rtc.limits.client.max-open-per-address=1000000 \
    --rtc.limits.client.creates-per-second-per-address=1000000 \
    ${SERVICE_ARGS:-} >"$out/jrtc.log" 2>&1 &
  server_pid=$!
  wait_healthy "http://127.0.0.1:$1/actuator/health" "sample-service" "$out/jrtc.log"
}

start_pion() { # http port
  # Not through in_ns: a backgrounded function is a subshell, and its pid is not the server's.
  ip netns exec jrtc-test bench/pion-echo/pion_echo -ip "$ip" -http "127.0.0.1:$1" -udp-port "$(free_port udp)" >"$out/pion.log" 2>&1 &
  server_pid=$!
  wait_healthy "http://127.0.0.1:$1/health" "pion_echo" "$out/pion.log"
}

run_client() { # http port, runtime, name
  # shellcheck disable=SC2086
  in_ns java -Xmx6g -Dscale.bench.steps="$steps" -Dscale.bench.periodMillis="${SCALE_PERIOD_MS:-10000}" \
    -Dscale.bench.bind="$ip" ${SCALE_BENCH_OPTS:-} \
    -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.jrtc.bench.ScaleBench \
    "http://127.0.0.1:$1" "$server_pid" "$2" "$3" | tee -a "$out/$3.json"
}

if [[ "$servers" == jrtc || "$servers" == both ]]; then
  echo "scale-bench: jrtc (sample service) ..." >&2
  port=$(free_port)
  start_jrtc "$port"
  run_client "$port" jvm jrtc
  stop_server
fi
if [[ "$servers" == pion || "$servers" == both ]]; then
  if command -v go >/dev/null && [[ -d /usr/share/gocode/src/github.com/pion/webrtc ]]; then
    echo "scale-bench: pion ..." >&2
    bench/pion-relay/build.sh bench/pion-echo >/dev/null
    port=$(free_port)
    start_pion "$port"
    run_client "$port" go pion
    stop_server
  else
    echo "scale-bench: no Pion (apt-get install golang-go golang-github-pion-webrtc.v3-dev to include it)" >&2
  fi
fi

if [[ -s "$out/jrtc.json" && -s "$out/pion.json" ]]; then
  python3 - "$out/jrtc.json" "$out/pion.json" "$(cat /proc/loadavg)" <<'PY'
import json, sys
def load(path):
    lines = [json.loads(l) for l in open(path) if l.strip().startswith("{")]
    return {l["connections"]: l for l in lines if "connections" in l}, next(l["summary"] for l in lines if "summary" in l)
(jrtc, js), (pion, ps) = load(sys.argv[1]), load(sys.argv[2])
def ratio(a, b):
    return round(a / b, 2) if a and b else None
steps = []
for n in sorted(set(jrtc) & set(pion)):
    j, p = jrtc[n], pion[n]
    steps.append({"connections": n,
                  "idle_cpu_x": ratio(p["cpu"]["idle_s_per_s"], j["cpu"]["idle_s_per_s"]),
                  "cpu_per_echo_x": ratio(p["cpu"]["us_per_echo"], j["cpu"]["us_per_echo"]),
                  "post_median_x_faster": ratio(p["post_to_201_ms"]["median"], j["post_to_201_ms"]["median"]),
                  "setup_rate_x": ratio(j["setup"]["per_s"], p["setup"]["per_s"]),
                  "rss_jrtc_over_pion": ratio(j["rss_mb"], p["rss_mb"]),
                  "heap_jrtc_over_pion": ratio(j["heap_after_gc_mb"], p["heap_after_gc_mb"]),
                  "threads_jrtc_over_pion": ratio(j["threads"], p["threads"])})
jm, pm = js["max_held"], ps["max_held"]
held = ratio(jm and jm["connections_per_cpu"], pm and pm["connections_per_cpu"])
print(json.dumps({"ratios_jrtc_to_pion": steps, "held_connections_per_cpu_x": held,
                  "loadavg_at_end": sys.argv[3]}, separators=(",", ":")))
PY
fi
