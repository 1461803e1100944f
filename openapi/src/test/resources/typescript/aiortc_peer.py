"""aiortc (Debian's python3-aiortc, 1.4) as the WebRTC peer of the TypeScript client test.

Usage:
  aiortc_peer.py publish <WHIP endpoint URL>
      Publishes a synthetic 320x240 video pattern (VP8, encoded by aiortc) through WHIP; prints {"published": ...}
      once connected and keeps publishing until stdin closes, then DELETEs the session.
  aiortc_peer.py answer
      Reads one JSON line {"offer": sdp} on stdin, answers it and prints {"answer": sdp}. Echoes every data-channel
      message back ("echo:" + text for text, the same bytes for binary), decodes the video it receives and prints
      {"video": {"frames", "width", "height"}} after 30 decoded frames; runs until stdin closes.
Every other line it prints is a JSON event; errors are printed as {"error": ...}.
"""

import asyncio
import fractions
import json
import sys
import time
import urllib.parse
import urllib.request

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack
from av import VideoFrame

TIMEOUT = 30
WIDTH, HEIGHT, FPS = 320, 240, 30
CLOCK_RATE = 90000
FRAMES_TO_REPORT = 30


def emit(event):
    print(json.dumps(event), flush=True)


class PatternTrack(MediaStreamTrack):
    """Paced frames of a moving grey ramp, so consecutive frames differ and the encoder has work to do."""

    kind = "video"

    def __init__(self):
        super().__init__()
        self._count = 0
        self._start = None

    async def recv(self):
        if self._start is None:
            self._start = time.monotonic()
        due = self._start + self._count / FPS
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        frame = VideoFrame(width=WIDTH, height=HEIGHT, format="yuv420p")
        frame.planes[0].update(bytes(((x + self._count * 4) & 0xFF) for x in range(WIDTH)) * HEIGHT)
        for plane in frame.planes[1:]:
            plane.update(bytes([128]) * plane.buffer_size)
        frame.pts = self._count * CLOCK_RATE // FPS
        frame.time_base = fractions.Fraction(1, CLOCK_RATE)
        self._count += 1
        return frame


async def connected(pc):
    done = asyncio.Event()
    pc.on("connectionstatechange", lambda: done.set() if pc.connectionState in ("connected", "failed") else None)
    if pc.connectionState != "connected":
        await asyncio.wait_for(done.wait(), TIMEOUT)
    if pc.connectionState != "connected":
        raise RuntimeError("connection " + pc.connectionState)


async def stdin_closed(loop):
    await loop.run_in_executor(None, sys.stdin.read)


async def publish(url):
    loop = asyncio.get_running_loop()
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    session = None
    try:
        pc.addTransceiver(PatternTrack(), direction="sendonly")
        await pc.setLocalDescription(await pc.createOffer())
        request = urllib.request.Request(url, data=pc.localDescription.sdp.encode("utf-8"), method="POST")
        request.add_header("Content-Type", "application/sdp")
        with await loop.run_in_executor(None, lambda: urllib.request.urlopen(request, timeout=TIMEOUT)) as response:
            answer = response.read().decode("utf-8")
            session = urllib.parse.urljoin(url, response.headers["Location"])
        await pc.setRemoteDescription(RTCSessionDescription(sdp=answer, type="answer"))
        await connected(pc)
        emit({"published": session})
        await stdin_closed(loop)
    finally:
        await pc.close()
        if session:
            delete = urllib.request.Request(session, method="DELETE")
            await loop.run_in_executor(None, lambda: urllib.request.urlopen(delete, timeout=TIMEOUT).close())


async def answer():
    loop = asyncio.get_running_loop()
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))

    @pc.on("datachannel")
    def on_channel(channel):
        emit({"dataChannel": channel.label})

        @channel.on("message")
        def echo(message):
            channel.send("echo:" + message if isinstance(message, str) else message)

    async def watch(track):
        frames, size = 0, None
        while frames < FRAMES_TO_REPORT:
            frame = await asyncio.wait_for(track.recv(), TIMEOUT)
            frames += 1
            size = (frame.width, frame.height)
        emit({"video": {"frames": frames, "width": size[0], "height": size[1]}})

    @pc.on("track")
    def on_track(track):
        if track.kind == "video":
            task = asyncio.ensure_future(watch(track))
            task.add_done_callback(lambda t: t.exception() and emit({"error": "video: %r" % t.exception()}))

    try:
        offer = json.loads(await loop.run_in_executor(None, sys.stdin.readline))["offer"]
        await pc.setRemoteDescription(RTCSessionDescription(sdp=offer, type="offer"))
        await pc.setLocalDescription(await pc.createAnswer())
        emit({"answer": pc.localDescription.sdp})
        await stdin_closed(loop)
    finally:
        await pc.close()


def main():
    try:
        if sys.argv[1] == "publish":
            asyncio.run(publish(sys.argv[2]))
        else:
            asyncio.run(answer())
    except Exception as error:  # reported to the test as data, with the type
        emit({"error": "%s: %s" % (type(error).__name__, error)})


if __name__ == "__main__":
    main()
