"""Transformed video echo of the sample service's POST /echo?video-transform=NAME, on aiortc (Debian's python3-aiortc).

Usage: aiortc_transform_echo.py <echo URL with ?video-transform=NAME> <video frames to measure>

Sends a 640x480 colour test pattern (colour bars, a grey ramp and a sliding box, drawn as I420) that aiortc encodes as
VP8, receives the server's transformed video on the same transceiver and decodes it. Skips the first frames (the
encoders' start), then measures the wanted number of frames: their sizes, the average of their U and V planes, and
the luma PSNR of each against the best-matching sent frame (the sent frame it came from: the pattern moves four
pixels a frame, so any other frame matches far worse). Prints one JSON line with the result.
"""

import asyncio
import collections
import fractions
import json
import math
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import numpy
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack
from av import VideoFrame

TIMEOUT = 30
WIDTH, HEIGHT, FPS = 640, 480, 30
CLOCK_RATE = 90000
WARM_UP_FRAMES = 15
HISTORY = 120
# Y, U, V of the 75% colour bars: white, yellow, cyan, green, magenta, red, blue (BT.601 limited range).
BARS = [(180, 128, 128), (162, 44, 142), (131, 156, 44), (112, 72, 58), (84, 184, 198), (65, 100, 212),
        (35, 212, 114)]


def pattern(index):
    """Picture `index` of the moving test pattern as Y, U and V planes."""
    y = numpy.zeros((HEIGHT, WIDTH), numpy.uint8)
    u = numpy.full((HEIGHT // 2, WIDTH // 2), 128, numpy.uint8)
    v = numpy.full((HEIGHT // 2, WIDTH // 2), 128, numpy.uint8)
    bars_height = (HEIGHT * 2 // 3) & ~1
    for bar, (by, bu, bv) in enumerate(BARS):
        left = (bar * WIDTH // len(BARS)) & ~1
        right = WIDTH if bar == len(BARS) - 1 else ((bar + 1) * WIDTH // len(BARS)) & ~1
        y[:bars_height, left:right] = by
        u[:bars_height // 2, left // 2:right // 2] = bu
        v[:bars_height // 2, left // 2:right // 2] = bv
    y[bars_height:, :] = (16 + 219 * numpy.arange(WIDTH) // (WIDTH - 1)).astype(numpy.uint8)
    box_width, box_height = (WIDTH // 8) & ~1, (HEIGHT // 6) & ~1
    left = ((index * 4) % (WIDTH - box_width)) & ~1
    top = (HEIGHT * 2 // 3 + (HEIGHT // 3 - box_height) // 2) & ~1
    y[top:top + box_height, left:left + box_width] = 82
    u[top // 2:(top + box_height) // 2, left // 2:(left + box_width) // 2] = 90
    v[top // 2:(top + box_height) // 2, left // 2:(left + box_width) // 2] = 240
    return y, u, v


class PatternTrack(MediaStreamTrack):
    """Paced frames of the moving colour test pattern; keeps the luma of the frames it sent."""

    kind = "video"

    def __init__(self):
        super().__init__()
        self._count = 0
        self._start = None
        self.sent_luma = collections.deque(maxlen=HISTORY)

    async def recv(self):
        if self._start is None:
            self._start = time.monotonic()
        due = self._start + self._count / FPS
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        y, u, v = pattern(self._count)
        planes = numpy.concatenate([y.ravel(), u.ravel(), v.ravel()]).reshape(HEIGHT * 3 // 2, WIDTH)
        frame = VideoFrame.from_ndarray(planes, format="yuv420p")
        frame.pts = self._count * CLOCK_RATE // FPS
        frame.time_base = fractions.Fraction(1, CLOCK_RATE)
        self.sent_luma.append(y.astype(numpy.float64))
        self._count += 1
        return frame


def psnr(a, b):
    mse = float(numpy.mean((a - b) ** 2))
    return 100.0 if mse == 0 else 10 * math.log10(255.0 * 255.0 / mse)


def http(method, url, body=None, content_type=None):
    request = urllib.request.Request(url, data=body, method=method)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def measure(frame, sent):
    """Size, chroma averages and best luma PSNR of one received frame."""
    planes = frame.to_ndarray(format="yuv420p")
    height = frame.height
    quarter = height // 4
    luma = planes[:height].astype(numpy.float64)
    u = float(planes[height:height + quarter].mean())
    v = float(planes[height + quarter:].mean())
    best = max((psnr(luma, candidate) for candidate in list(sent) if candidate.shape == luma.shape), default=0.0)
    return "%dx%d" % (frame.width, frame.height), u, v, best


async def run(url, wanted):
    loop = asyncio.get_running_loop()
    result = {}
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    try:
        video_arrived = loop.create_future()

        @pc.on("track")
        def on_track(track):
            if track.kind == "video" and not video_arrived.done():
                video_arrived.set_result(track)

        source = PatternTrack()
        pc.addTrack(source)
        await pc.setLocalDescription(await pc.createOffer())
        status, headers, answer = await loop.run_in_executor(
            None, lambda: http("POST", url, pc.localDescription.sdp.encode("utf-8"), "application/sdp"))
        result["postStatus"] = status
        if status != 201:
            result["error"] = "POST answered %d: %s" % (status, answer[:500])
            return result
        session = urllib.parse.urljoin(url, headers["Location"])
        await pc.setRemoteDescription(RTCSessionDescription(sdp=answer, type="answer"))

        track = await asyncio.wait_for(video_arrived, TIMEOUT)
        for _ in range(WARM_UP_FRAMES):
            await asyncio.wait_for(track.recv(), TIMEOUT)
        sizes, us, vs, psnrs = set(), [], [], []
        while len(psnrs) < wanted:
            frame = await asyncio.wait_for(track.recv(), TIMEOUT)
            size, u, v, best = measure(frame, source.sent_luma)
            sizes.add(size)
            us.append(u)
            vs.append(v)
            psnrs.append(round(best, 2))
        result["frames"] = len(psnrs)
        result["sizes"] = sorted(sizes)
        result["meanU"] = sum(us) / len(us)
        result["meanV"] = sum(vs) / len(vs)
        result["lumaPsnr"] = psnrs
        result["deleteStatus"] = (await loop.run_in_executor(None, lambda: http("DELETE", session)))[0]
        return result
    finally:
        await pc.close()


def main():
    url, wanted = sys.argv[1], int(sys.argv[2])
    try:
        result = asyncio.run(run(url, wanted))
    except Exception as error:  # reported to the Java side as data, with the type
        result = {"error": "%s: %s" % (type(error).__name__, error)}
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
