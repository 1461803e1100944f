#!/usr/bin/env bash
# What the tests need from Debian: iproute2 (ip, tc) for the test network namespace and the impaired links,
# nftables (nft) for their random loss; and the real peers of the interop tests: headless Chromium driven
# through chromedriver, aiortc in Debian's Python (with PyAV and numpy for its audio tracks), openssl for the DTLS
# interop test, and coturn (its turnserver binary, started by the TURN client test on an ephemeral port) for the
# TURN test; redis-server for the cluster tests (each starts its own on a free port); Node.js and npm for the
# generated TypeScript client's test (openapi module); GStreamer for the codec interop tests; ffmpeg (with ffprobe)
# to make and check the MP4 and WebM files of the media file tests. Install what is missing when we can (root), otherwise stop naming what is missing and the line to run.
set -euo pipefail
# ip and tc live in /sbin, nft in /usr/sbin: not on a normal user's PATH on Debian.
export PATH="$PATH:/usr/sbin:/sbin"

# Each check: a Debian package and how to tell it is installed.
checks=(
  "iproute2|command -v ip && command -v tc"
  "nftables|command -v nft"
  "chromium|[ -x /usr/bin/chromium ]"
  "chromium-driver|[ -x /usr/bin/chromedriver ]"
  "python3-aiortc|/usr/bin/python3 -c 'import aiortc, av'"
  "python3-numpy|/usr/bin/python3 -c 'import numpy'"
  "openssl|[ -x /usr/bin/openssl ]"
  "coturn|[ -x /usr/bin/turnserver ]"
  "redis-server|[ -x /usr/bin/redis-server ]"
  "nodejs|command -v node"
  "npm|command -v npm"
  # GStreamer webrtcbin as a WHIP publisher and WHEP viewer of H.264 (x264enc), VP9 and H.265 (x265enc, avdec_h265)
  "gstreamer1.0-tools|command -v gst-launch-1.0 && command -v gst-inspect-1.0"
  "gstreamer1.0-plugins-base|gst-inspect-1.0 videotestsrc"
  "gstreamer1.0-plugins-good|gst-inspect-1.0 vp9enc && gst-inspect-1.0 rtpvp9pay"
  "gstreamer1.0-plugins-bad|gst-inspect-1.0 webrtcbin && gst-inspect-1.0 x265enc"
  "gstreamer1.0-plugins-ugly|gst-inspect-1.0 x264enc"
  "gstreamer1.0-libav|gst-inspect-1.0 avdec_h265"
  "gstreamer1.0-nice|gst-inspect-1.0 nicesrc"
  "python3-gi|/usr/bin/python3 -c 'import gi'"
  "gir1.2-gst-plugins-bad-1.0|/usr/bin/python3 -c 'import gi; gi.require_version(\"GstWebRTC\", \"1.0\")'"
  "ffmpeg|[ -x /usr/bin/ffmpeg ] && [ -x /usr/bin/ffprobe ]"
)
missing() {
  local check
  for check in "${checks[@]}"; do
    bash -c "${check#*|}" >/dev/null 2>&1 || echo "${check%%|*}"
  done
}

packages=($(missing))
[ "${#packages[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "ensure-test-peers: installing ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${packages[@]}" >/dev/null
  still=($(missing))
  if [ "${#still[@]}" -gt 0 ]; then
    echo "ensure-test-peers: still missing after the install: ${still[*]}" >&2
    exit 1
  fi
  exit 0
fi
echo "ensure-test-peers: the tests need Debian packages that are not installed: ${packages[*]}. Run:" >&2
echo "  sudo apt-get update && sudo apt-get install -y ${packages[*]}" >&2
exit 1
