#!/usr/bin/env bash
# Fuzzes one target of rtc-core (io.jrtc.fuzz) for longer than the short run in `./mvnw verify`.
#
#   scripts/fuzz.sh TARGET [DURATION]     e.g. scripts/fuzz.sh sctp 10m
#
# TARGET is the id of a surefire execution fuzz-<id> in rtc-core/pom.xml: stun, ice, sdp, rtcp, sctp, dcep, dtls,
# media-files, containers. DURATION is a Jazzer duration ("90s", "10m", "2h"; default 5m). The test JVM runs in the test
# network namespace like every other (scripts/java-in-netns). Inputs that add coverage accumulate in
# rtc-core/.cifuzz-corpus/ (kept between runs, ignored by git); a failing input is written to the target's
# directory src/test/resources/io/jrtc/fuzz/<TestClass>Inputs/<method>/, where the normal test run replays it:
# fix the bug, keep the file as a regression input.
set -euo pipefail
targets="stun ice sdp rtcp sctp dcep dtls media-files containers"
if [ $# -lt 1 ] || [ $# -gt 2 ] || ! [[ " $targets " == *" $1 "* ]]; then
  echo "usage: scripts/fuzz.sh TARGET [DURATION]   (TARGET: ${targets// /, })" >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# Long runs want the C2 compiler that the short runs in verify leave out.
exec ./mvnw -B -pl rtc-core -Djrtc.fuzz.duration="${2:-5m}" -Djrtc.fuzz.jvmArgs="-XX:+UseSerialGC -Xmx2g" \
  test-compile "surefire:test@fuzz-$1"
