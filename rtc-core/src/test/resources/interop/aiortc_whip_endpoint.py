#!/usr/bin/env python3
"""A WHIP and WHEP endpoint built from aiortc, for testing jrtc's WHIP and WHEP clients against another stack.

POST /whip/<stream>  an offer that sends media; aiortc answers and counts the frames it decodes.
POST /whep/<stream>  an offer that receives; aiortc answers sending a 320x240 test pattern at 30 fps.
PATCH <session>      trickled candidates (RFC 8840 fragment); 204.
DELETE <session>     closes aiortc's connection; 200.
POST /moved/<path>   307 to /<path>, to test that clients follow the redirect.
GET /stats           JSON: frames decoded per kind, candidates trickled, sessions open, deletes.
With a token argument, requests without "Authorization: Bearer <token>" get 401 problem+json.
Prints {"port": N} on stdout once it listens on 127.0.0.1.
"""
import asyncio
import fractions
import json
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import av
import numpy
from aiortc import RTCPeerConnection, RTCSessionDescription, VideoStreamTrack
from aiortc.sdp import candidate_from_sdp

TOKEN = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else None
loop = asyncio.new_event_loop()
threading.Thread(target=loop.run_forever, daemon=True).start()
sessions = {}
stats = {"audio_frames": 0, "video_frames": 0, "candidates": 0, "sessions": 0, "deletes": 0,
         "end_of_candidates": 0}


class PatternTrack(VideoStreamTrack):
    async def recv(self):
        pts, time_base = await self.next_timestamp()
        y, x = numpy.mgrid[0:240, 0:320]
        picture = numpy.stack([(x + pts // 3000) % 256, y % 256, numpy.full((240, 320), 128)],
                              axis=2).astype(numpy.uint8)
        frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
        frame.pts = pts
        frame.time_base = time_base
        return frame


async def count_frames(track):
    while True:
        try:
            await track.recv()
        except Exception:
            return
        stats[track.kind + "_frames"] += 1


async def answer(kind, offer):
    pc = RTCPeerConnection()

    @pc.on("track")
    def on_track(track):
        asyncio.ensure_future(count_frames(track))

    await pc.setRemoteDescription(RTCSessionDescription(sdp=offer, type="offer"))
    if kind == "whep":
        # attaches to the offer's receive-only video transceiver and makes it send
        pc.addTrack(PatternTrack())
    await pc.setLocalDescription(await pc.createAnswer())
    return pc, pc.localDescription.sdp


async def trickle(pc, fragment):
    mid = None
    added = 0
    for line in fragment.splitlines():
        line = line.strip()
        if line.startswith("a=mid:"):
            mid = line[6:]
        elif line.startswith("a=candidate:"):
            candidate = candidate_from_sdp(line[len("a=candidate:"):])
            candidate.sdpMid = mid
            await pc.addIceCandidate(candidate)
            added += 1
        elif line == "a=end-of-candidates":
            stats["end_of_candidates"] += 1
    stats["candidates"] += added


def run(coroutine):
    return asyncio.run_coroutine_threadsafe(coroutine, loop).result(30)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        sys.stderr.write("http: " + fmt % args + "\n")

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def problem(self, status, title):
        body = json.dumps({"type": "about:blank", "title": title, "status": status,
                           "detail": "aiortc endpoint: " + title}).encode()
        self.reply(status, body, [("Content-Type", "application/problem+json")])

    def authorized(self):
        if TOKEN is None or self.headers.get("Authorization") == "Bearer " + TOKEN:
            return True
        self.problem(401, "Unauthorized")
        return False

    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()

    def do_OPTIONS(self):
        self.reply(204, headers=[("Accept-Post", "application/sdp"),
                                 ("Link", '<stun:198.18.0.1:3478>; rel="ice-server"'),
                                 ("Link", '<turn:198.18.0.1:3478?transport=udp>; rel="ice-server"; '
                                          'username="user"; credential="pass"; credential-type="password"')])

    def do_GET(self):
        if self.path == "/stats":
            stats["sessions"] = len(sessions)
            self.reply(200, json.dumps(stats).encode(), [("Content-Type", "application/json")])
        else:
            self.problem(404, "Not Found")

    def do_POST(self):
        parts = self.path.strip("/").split("/")
        if parts[0] == "moved":
            self.body()
            self.reply(307, headers=[("Location", "/" + "/".join(parts[1:]))])
            return
        if not self.authorized():
            return
        if len(parts) != 2 or parts[0] not in ("whip", "whep"):
            self.problem(404, "Not Found")
            return
        if self.headers.get("Content-Type", "").split(";")[0].strip() != "application/sdp":
            self.problem(415, "Unsupported Media Type")
            return
        pc, sdp = run(answer(parts[0], self.body()))
        session = uuid.uuid4().hex
        sessions[session] = pc
        self.reply(201, sdp.encode(), [("Content-Type", "application/sdp"),
                                       ("Location", "/" + parts[0] + "/" + parts[1] + "/" + session),
                                       ("ETag", '"' + session + '"'),
                                       ("Link", '<stun:198.18.0.1:3478>; rel="ice-server"')])

    def do_PATCH(self):
        if not self.authorized():
            return
        pc = sessions.get(self.path.strip("/").split("/")[-1])
        if pc is None:
            self.problem(404, "Not Found")
            return
        session = self.path.strip("/").split("/")[-1]
        if self.headers.get("If-Match") not in ('"' + session + '"', "*"):
            self.problem(412, "Precondition Failed")
            return
        run(trickle(pc, self.body()))
        self.reply(204)

    def do_DELETE(self):
        if not self.authorized():
            return
        pc = sessions.pop(self.path.strip("/").split("/")[-1], None)
        if pc is None:
            self.problem(404, "Not Found")
            return
        run(pc.close())
        stats["deletes"] += 1
        self.reply(200)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(json.dumps({"port": server.server_address[1]}), flush=True)
server.serve_forever()
