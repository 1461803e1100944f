#!/usr/bin/env bash
# Video codec benchmark, jrtc beside aiortc in one run: encode and decode frames per second per core (frames per
# second of process CPU time, one codec thread) at 640x480 and 1280x720 for VP8, VP9, H.264 and AV1, on the same
# pictures and bitrates. jrtc is io.jrtc.bench.VideoCodecBench (FFmpeg through JavaCPP: libvpx, OpenH264, libaom);
# aiortc is bench/pyav-video/video_codec_bench.py (aiortc's own VP8 and H.264 codecs, PyAV for VP9 and AV1) on
# Debian's python3-aiortc and python3-av. Prints one JSON object: both stacks' figures and jrtc's speed over
# aiortc's per codec, size and direction (above 1: jrtc is faster). Not a test.
# Usage: scripts/video-codec-bench.sh [frames=90]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-90}

./mvnw -q -B -o -pl bench -am package -DskipTests -Djrtc.fuzz.skip=true >/dev/null
out=$(mktemp -d -t jrtc-video-bench.XXXXXX)
trap 'rm -rf "$out"' EXIT
echo "video-codec-bench: jrtc ..." >&2
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.jrtc.bench.VideoCodecBench "$frames" \
  | tail -n 1 > "$out/jrtc"
echo "video-codec-bench: aiortc ..." >&2
env -u PYTHONPATH -u PYTHONHOME PYTHONNOUSERSITE=1 /usr/bin/python3 bench/pyav-video/video_codec_bench.py "$frames" \
  2>/dev/null | tail -n 1 > "$out/aiortc"

python3 - "$out/jrtc" "$out/aiortc" "$(cat /proc/loadavg)" <<'PY'
import json, sys

jrtc, aiortc = (json.load(open(path)) for path in sys.argv[1:3])
theirs = {(r["codec"], r["width"]): r for r in aiortc["results"]}
ratios = []
for ours in jrtc["results"]:
    other = theirs.get((ours["codec"], ours["width"]))
    if other:
        ratios.append({"codec": ours["codec"], "size": "%dx%d" % (ours["width"], ours["height"]),
                       "encode_x": round(ours["encode_fps_per_core"] / other["encode_fps_per_core"], 2),
                       "decode_x": round(ours["decode_fps_per_core"] / other["decode_fps_per_core"], 2)})
print(json.dumps({"jrtc": jrtc, "aiortc": aiortc, "jrtc_over_aiortc": ratios, "loadavg": sys.argv[3]}))
PY
