#!/usr/bin/env bash
# Cluster latency benchmark (io.jrtc.spring.autoconfigure.cluster.ClusterLatencyBench, in the starter's test
# sources): three cluster nodes in one JVM on loopback with a real redis-server (Debian's redis-server) and
# rtc.cluster.max-links-per-stream=1, a publisher on origin A and viewers on A, on edge B (one hop) and on edge C
# (two hops: C pulls from B). Prints one JSON line: time to first frame on the origin, on a fresh edge, on an edge
# that already carries the stream and on a fresh second-hop edge; p50/p99/max publisher-to-viewer latency per path
# and what each hop adds. The figures are one run's: on a shared machine, run it a few times.
# Usage: scripts/cluster-bench.sh [window seconds=20]      CLUSTER_BENCH_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
window=${1:-20}
module=rtc-spring-boot-autoconfigure
classpath_file=target/cluster-bench.classpath
if [[ "${CLUSTER_BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B -o -pl "$module" -am -Djrtc.fuzz.skip=true test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
fi
exec java -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/$classpath_file")" \
  io.jrtc.spring.autoconfigure.cluster.ClusterLatencyBench "$window"
