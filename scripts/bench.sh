#!/usr/bin/env bash
# Data-channel benchmark of jrtc: two peer connections over loopback; prints one JSON line.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl bench -am package -DskipTests >/dev/null
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.jrtc.bench.DataChannelBench
