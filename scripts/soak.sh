#!/usr/bin/env bash
# Soak of the sample service: 10,000 create, connect, exchange, close cycles, half through the REST API (a data
# channel and a message from the service) and half through WHIP and WHEP (a publisher's tone played to a viewer),
# every tenth client vanishing without DELETE behind a relay that goes silent. Afterwards: no connection open,
# threads back to the baseline +-2, file descriptors +-5, heap after a full collection within 16 MiB; vanished
# clients gone within 35 s (WHIP/WHEP) and 100 s (REST), with the service's own timeouts. It is the test
# io.jrtc.sample.soak.SoakTest (1,000 cycles with short timeouts in ./mvnw verify) run longer; service and clients
# share its JVM, so a leak on either side shows. Prints the test's JSON line of figures.
# Usage: scripts/soak.sh [cycles=10000] [parallel=4]
set -euo pipefail
cd "$(dirname "$0")/.."
cycles=${1:-10000}
parallel=${2:-4}
log=$(mktemp -t jrtc-soak.XXXXXX.log)
if ./mvnw -B -o -pl sample-service -am verify -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Djrtc.fuzz.skip=true -DskipITs -Dsoak.cycles="$cycles" -Dsoak.parallel="$parallel" -Dsoak.defaultTimeouts=true \
    -Dsurefire.timeout=0 >"$log" 2>&1; then
  status=0
else
  status=$?
fi
grep -h '^{"soak"' sample-service/target/surefire-reports/*SoakTest*-output.txt 2>/dev/null || true
if [[ $status -ne 0 ]]; then
  echo "soak failed; the build's log is $log" >&2
  grep -h "soak cycle\|expected\|Expect" "$log" | head -20 >&2 || true
  exit "$status"
fi
rm -f "$log"
