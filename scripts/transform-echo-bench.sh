#!/usr/bin/env bash
# Transform echo benchmark (issue 14): the added latency (p50, p99) and the service's CPU per stream of
# POST /echo?video-transform=grayscale|flip|edges beside the plain echo, a jrtc client sending a numbered 640x480
# test pattern at 30 fps (io.jrtc.bench.TransformEchoBench). Starts sample-service on loopback through
# scripts/echo-bench.sh, prints one JSON line. Not a test.
# Usage: scripts/transform-echo-bench.sh [seconds per transform, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -Dtransform.bench.seconds=${1:-20}" \
  ECHO_BENCH_MAIN=io.jrtc.bench.TransformEchoBench exec scripts/echo-bench.sh
