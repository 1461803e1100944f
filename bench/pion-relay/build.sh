#!/bin/bash
# Offline build of the Pion relay bench against Debian's packaged Pion sources (no network):
#   apt-get install -y golang-go golang-github-pion-webrtc.v3-dev
# Debian installs some modules at their unversioned path while the code imports .../v3 or .../v2, so a small
# overlay GOPATH (git-ignored) holds version-suffixed symlinks and the build runs in GOPATH mode.
# Usage: build.sh [directory of another main.go, e.g. ../pion-echo]: builds it there as pion_<name after "pion-">.
set -e
target=$(cd "${1:-$(dirname "$0")}" && pwd)
cd "$(dirname "$0")"
SRC=/usr/share/gocode/src/github.com/pion
OV=$(pwd)/gopath
rm -rf "$OV"
mkdir -p "$OV/src/github.com/pion/webrtc" "$OV/src/github.com/pion/sdp" \
         "$OV/src/github.com/pion/transport" "$OV/src/github.com/pion/udp"
ln -s "$SRC/webrtc"    "$OV/src/github.com/pion/webrtc/v3"
ln -s "$SRC/sdp"       "$OV/src/github.com/pion/sdp/v3"
ln -s "$SRC/transport" "$OV/src/github.com/pion/transport/v2"
ln -s "$SRC/udp"       "$OV/src/github.com/pion/udp/v2"
export GO111MODULE=off GOPATH="$OV:/usr/share/gocode" GOCACHE=${GOCACHE:-$(pwd)/.gocache} GOFLAGS=
binary=$(basename "$target" | tr - _)
cd "$target"
go build -o "$binary" main.go
echo built "$target/$binary"
