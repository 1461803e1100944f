#!/usr/bin/env bash
# Captures the "captured" entries of rtc-core/src/test/resources/sdp-corpus again, each stack writing its own
# offer and answer, inside the test namespace (scripts/test-netns.sh) so that candidates carry its addresses.
# Needs, from Debian 12: chromium, firefox-esr, python3-aiortc, gstreamer1.0-plugins-bad gstreamer1.0-nice
# gstreamer1.0-plugins-good python3-gst-1.0 gir1.2-gst-plugins-bad-1.0, golang-go
# golang-github-pion-webrtc.v3-dev, janus; and node with npm (werift from the npm registry). A missing tool skips
# its stack with a message. Usage: scripts/sdp-corpus/capture.sh [output directory, default: a new temp dir]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$(mktemp -d)}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ns=()
if ip netns list 2>/dev/null | grep -q '^jrtc-test'; then ns=(ip netns exec jrtc-test); fi
in_ns() { "${ns[@]}" "$@"; }
have() { command -v "$1" >/dev/null 2>&1 || { echo "capture: $1 missing, skipping $2" >&2; return 1; }; }

# Lines "SDPCAP <name> <base64>" on stdin become <name>.sdp files.
decode() { grep -a '^SDPCAP ' | while read -r _ name b64; do
  case "$name" in done|error) [ "$name" = error ] && echo "capture: page error: $(echo "$b64" | base64 -d)" >&2;;
    *) echo "$b64" | base64 -d > "$out/$name.sdp";; esac; done; }

if have chromium Chromium; then
  for variant in plain mdns simulcast; do
    flags=(); [ "$variant" = mdns ] || flags=(--disable-features=WebRtcHideLocalIpsWithMdns)
    in_ns timeout 30 chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
      --disable-background-networking --user-data-dir="$work/chromium-$variant" --enable-logging=stderr --v=0 \
      "${flags[@]}" "file://$here/browser-pair.html#$variant" 2>&1 | grep -ao 'SDPCAP [^"]*' | decode || true
  done
fi
if have firefox-esr Firefox; then
  for variant in plain maxbundle simulcast mdns; do
    profile="$work/firefox-$variant"; mkdir -p "$profile"
    obfuscate=false; [ "$variant" = mdns ] && obfuscate=true
    printf 'user_pref("browser.dom.window.dump.enabled", true);\nuser_pref("media.peerconnection.ice.obfuscate_host_addresses", %s);\n' \
      "$obfuscate" > "$profile/user.js"
    in_ns timeout 25 firefox-esr --headless --no-remote --profile "$profile" "file://$here/browser-pair.html#$variant" \
      2>&1 | decode || true
  done
fi
if /usr/bin/python3 -c 'import aiortc' 2>/dev/null; then
  (cd "$out" && in_ns timeout 60 /usr/bin/python3 "$here/aiortc_pair.py")
else echo "capture: aiortc missing, skipping it" >&2; fi
if /usr/bin/python3 -c 'import gi; gi.require_version("GstWebRTC", "1.0")' 2>/dev/null; then
  (cd "$out" && in_ns timeout 60 /usr/bin/python3 "$here/webrtcbin_pair.py")
else echo "capture: GStreamer webrtcbin missing, skipping it" >&2; fi
if have npm werift; then
  (cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund werift@0.25.2 >/dev/null \
    && cp "$here/werift_pair.mjs" . && cd "$out" && NODE_PATH="$work/node_modules" in_ns timeout 60 node "$work/werift_pair.mjs")
fi
if have go Pion && [ -d /usr/share/gocode/src/github.com/pion/webrtc ]; then
  # Debian installs Pion without its /vN import suffixes: link them so that GOPATH mode resolves the imports.
  gopath="$work/gopath"; mkdir -p "$gopath/src/pion3pair"
  for dir in /usr/share/gocode/src/github.com/pion/*; do
    module=$(grep -m1 '^module' "$dir/go.mod" 2>/dev/null | awk '{print $2}') || true
    case "$module" in */v[0-9]) mkdir -p "$gopath/src/github.com/pion/$(basename "$dir")"
      ln -sfn "$dir" "$gopath/src/github.com/pion/$(basename "$dir")/${module##*/}";; esac
  done
  cp "$here/pion3_pair.go" "$gopath/src/pion3pair/main.go"
  (cd "$gopath/src/pion3pair" && GO111MODULE=off GOPATH="$gopath:/usr/share/gocode" go build -o pion3pair . \
    && cd "$out" && in_ns timeout 60 "$gopath/src/pion3pair/pion3pair")
fi
if have janus Janus; then
  # Janus (Debian's janus, its sample configuration): a streaming offer as a full ICE agent, then its VideoRoom
  # answer to the Chromium simulcast offer as an ICE-lite one.
  for mode in streaming videoroom; do
    lite=(); [ "$mode" = videoroom ] && lite=(--ice-lite)
    # ip netns exec execs janus, so $! is Janus itself. Janus 1.1.2 may dump core when stopped: no core files.
    (ulimit -c 0; cd "$work" && exec "${ns[@]}" janus -F /etc/janus -o "${lite[@]}" > "$work/janus-$mode.log" 2>&1) &
    janus_pid=$!
    sleep 4
    offer="$out/chromium-simulcast-offer.sdp"
    (cd "$out" && in_ns /usr/bin/python3 "$here/janus_pair.py" "$mode" "$offer") || true
    kill "$janus_pid" 2>/dev/null || true
    wait "$janus_pid" 2>/dev/null || true
  done
fi
echo "capture: descriptions in $out" >&2
ls "$out"
