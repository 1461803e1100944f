#!/usr/bin/env bash
# Runs sample-service with a fast start (its context starts in about a second on 2 cores):
#  - Spring AOT: the build generates the context's bean definitions as code (spring-boot:process-aot), so the start
#    neither parses configuration classes nor evaluates auto-configuration conditions (-Dspring.aot.enabled=true);
#  - class-data sharing: a training run records the classes the start loads into an archive, which later starts map
#    instead of loading and verifying some 9,000 of its classes; it needs plain jars, hence the extracted jar;
#  - -XX:TieredStopAtLevel=1 (what spring-boot:run does too): C1 only, so the JIT does not compete with the start
#    for the two cores; it lowers peak throughput, which SAMPLE_JAVA_OPTS=-XX:TieredStopAtLevel=4 restores.
# The jar is rebuilt when its sources changed, and the archive is recorded once per build: a rebuild without changes
# gives a byte-identical jar (fixed entry timestamps) and reuses it.
# Arguments go to the application (e.g. --server.port=9090). SAMPLE_JAVA_OPTS goes to the JVM after the flags above,
# so it can override them: e.g. -Dspring.aot.enabled=false, for AOT fixes at build time which beans exist, and
# properties that switch beans on or off (rtc.rest.enabled, the exposed actuator endpoints) act only without it.
# SAMPLE_JAVA names another launcher for the application alone, e.g. scripts/java-in-netns/bin/java (the scale bench
# runs the service inside the test namespace while the build and the training run stay outside).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

executable_jar() {
  ls -t "$root"/sample-service/target/sample-service-*-exec.jar 2>/dev/null | head -n 1 || true
}
# The build (with AOT processing) takes about ten seconds even when nothing changed, so it runs only when a source or
# pom the jar is made from changed since the last one began (git checkout and deletions touch files or directories).
# The stamp, not the jar: the fixed timestamp is the jar's modification time too.
inputs=(pom.xml rtc-core/pom.xml rtc-core/src/main rtc-spring-boot-autoconfigure/pom.xml
  rtc-spring-boot-autoconfigure/src/main rtc-spring-boot-starter/pom.xml sample-service/pom.xml sample-service/src/main)
stamp=$root/sample-service/target/fast-start.stamp
jar=$(executable_jar)
if [[ -z "$jar" || ! -f "$stamp" || -n "$(find "${inputs[@]}" -newer "$stamp" -print 2>/dev/null | head -n 1)" ]]; then
  echo "Building sample-service (the first run also downloads Maven and the dependencies) ..." >&2
  mkdir -p "$(dirname "$stamp")"
  touch "$stamp.new"
  ./mvnw -q -B -pl sample-service -am package -DskipTests -Dproject.build.outputTimestamp=2000-01-01T00:00:00Z
  mv "$stamp.new" "$stamp"
  jar=$(executable_jar)
fi
dir=$root/sample-service/target/fast-start
app=$dir/$(basename "$jar")
archive=$dir/app.jsa
# An archive only serves the JVM build and the exact jars it was recorded with.
key="$(cksum <"$jar") $("$java" -version 2>&1 | tr '\n' ' ')"
if [[ ! -f "$dir/key" || "$(cat "$dir/key")" != "$key" ]]; then
  rm -rf "$dir"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
  echo "Recording the class-data-sharing archive (once per build) ..." >&2
  # The training context exits right after its refresh: every class of the start is loaded, no port is listened on.
  if ! "$java" -XX:ArchiveClassesAtExit="$archive" -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh \
      -jar "$app" >"$dir/training.log" 2>&1 || [[ ! -f "$archive" ]]; then
    echo "No class-data-sharing archive (see $dir/training.log); starting without it." >&2
    rm -f "$archive"
  fi
  echo "$key" >"$dir/key"
fi

# (The empty-array expansion below is the form bash 3.2, macOS's, accepts under set -u.)
cds=()
[[ -f "$archive" ]] && cds=(-XX:SharedArchiveFile="$archive")
cd sample-service
# shellcheck disable=SC2086
exec "${SAMPLE_JAVA:-$java}" ${cds[@]+"${cds[@]}"} -XX:TieredStopAtLevel=1 -Dspring.aot.enabled=true ${SAMPLE_JAVA_OPTS:-} \
  -jar "$app" "$@"
