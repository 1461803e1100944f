#!/usr/bin/env bash
# Echo-service benchmark: starts sample-service on loopback, drives POST /echo sessions with jrtc's own
# RTCPeerConnection as the client (io.jrtc.bench.EchoServiceBench), prints one JSON line, stops the service.
# Environment: SERVICE_JAVA_OPTS (e.g. -Xmx1g) for the service JVM, SERVICE_ARGS (e.g.
# --rtc.events.stats-interval=0) appended to its arguments, BENCH_JAVA_OPTS (e.g. -Decho.bench.steps=50,100) for the
# client JVM, ECHO_BENCH_SKIP_BUILD=1 to reuse the last build, ECHO_BENCH_MAIN for another client (such as
# io.jrtc.bench.TransformEchoBench, which scripts/transform-echo-bench.sh runs).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${ECHO_BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B -pl sample-service,bench -am package -DskipTests >/dev/null
fi
jar=$(ls sample-service/target/sample-service-*-exec.jar 2>/dev/null | head -n 1 || true)
[[ -n "$jar" ]] || jar=$(ls sample-service/target/sample-service-*.jar | head -n 1)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
log=$(mktemp -t echo-bench-service.XXXXXX.log)
service_pid=
stop_service() {
  local status=$?
  if [[ -n "$service_pid" ]] && kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$service_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$service_pid" 2>/dev/null || true
  fi
  if [[ $status -ne 0 ]]; then
    echo "echo-bench failed ($status); the service's log is $log, its end:" >&2; tail -n 30 "$log" >&2
  else
    rm -f "$log"
  fi
}
trap stop_service EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC2086
java ${SERVICE_JAVA_OPTS:-} -jar "$jar" \
  --server.port="$port" --server.address=127.0.0.1 \
  --rtc.bind-addresses=127.0.0.1 \
  --rtc.limits.max-peer-connections=100000 \
  --rtc.limits.client.max-open-per-address=100000 \
  --rtc.limits.client.creates-per-second-per-address=100000 \
  --management.endpoints.web.exposure.include=health,metrics,prometheus \
  ${SERVICE_ARGS:-} >"$log" 2>&1 &
service_pid=$!

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$service_pid" 2>/dev/null; then
    echo "sample-service exited during startup; its log:" >&2; cat "$log" >&2; exit 1
  fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/actuator/health" >/dev/null || {
  echo "sample-service not healthy after 60 s; log: $log" >&2; exit 1; }

# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:-} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  "${ECHO_BENCH_MAIN:-io.jrtc.bench.EchoServiceBench}" "http://127.0.0.1:$port"
