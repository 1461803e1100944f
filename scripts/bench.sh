#!/usr/bin/env bash
# Data-channel benchmark of jrtc: two peer connections over loopback; prints one JSON line.
# --shared-udp-port: the same figures again in the same run with the answerer on the engine's shared UDP port, as
# "shared_udp_port" beside the per-connection-socket ones.
# --ice-tcp: the same figures through ICE-TCP (passive candidate on the shared TCP port, active offerer, no UDP
# candidates signalled), as "ice_tcp".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl bench -am package -DskipTests >/dev/null
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.jrtc.bench.DataChannelBench "$@"
