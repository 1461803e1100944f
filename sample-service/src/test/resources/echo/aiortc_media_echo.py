"""Media echo of the sample service's POST /echo, on aiortc (Debian's python3-aiortc, 1.4).

Usage: aiortc_media_echo.py <echo URL> <video frames to receive> [pattern]

Sends a synthetic 320x240 video track (VP8, encoded by aiortc) and an audio track (Opus, aiortc's silence) on
sendrecv transceivers, WHIP-style through POST <echo URL>; receives what comes back on the same transceivers,
decodes video frames until it has the wanted number and counts audio frames meanwhile, then DELETEs the session.
Prints one JSON line with the result: frames decoded, their sizes, what the answer signalled.

With "pattern" (for POST /echo?video-transform=NAME), sends only video: a 640x480 colour test pattern (colour bars,
a grey ramp and a sliding box, drawn as I420, the same as io.jrtc.media.TestPattern) that aiortc encodes as VP8.
Skips the first frames that come back (the encoders' start), then measures the wanted number: their sizes, the
average of their U and V planes, and the luma PSNR of each against the best-matching sent frame (the one it came
from: the pattern moves four pixels a frame, so any other matches far worse).
"""

import asyncio
import collections
import fractions
import json
import math
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import numpy
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import AudioStreamTrack, MediaStreamTrack
from av import VideoFrame

TIMEOUT = 30
WIDTH, HEIGHT, FPS = 320, 240, 30
CLOCK_RATE = 90000
PATTERN_WIDTH, PATTERN_HEIGHT = 640, 480
WARM_UP_FRAMES = 15
HISTORY = 120
# Y, U, V of the 75% colour bars: white, yellow, cyan, green, magenta, red, blue (BT.601 limited range).
BARS = [(180, 128, 128), (162, 44, 142), (131, 156, 44), (112, 72, 58), (84, 184, 198), (65, 100, 212),
        (35, 212, 114)]


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
        luma = bytes(((x + self._count * 4) & 0xFF) for x in range(WIDTH)) * HEIGHT
        frame.planes[0].update(luma)
        for plane in frame.planes[1:]:
            plane.update(bytes([128]) * plane.buffer_size)
        frame.pts = self._count * CLOCK_RATE // FPS
        frame.time_base = fractions.Fraction(1, CLOCK_RATE)
        self._count += 1
        return frame


def pattern(index):
    """Picture `index` of the moving test pattern as Y, U and V planes."""
    y = numpy.zeros((PATTERN_HEIGHT, PATTERN_WIDTH), numpy.uint8)
    u = numpy.full((PATTERN_HEIGHT // 2, PATTERN_WIDTH // 2), 128, numpy.uint8)
    v = numpy.full((PATTERN_HEIGHT // 2, PATTERN_WIDTH // 2), 128, numpy.uint8)
    bars_height = (PATTERN_HEIGHT * 2 // 3) & ~1
    for bar, (by, bu, bv) in enumerate(BARS):
        left = (bar * PATTERN_WIDTH // len(BARS)) & ~1
        right = PATTERN_WIDTH if bar == len(BARS) - 1 else ((bar + 1) * PATTERN_WIDTH // len(BARS)) & ~1
        y[:bars_height, left:right] = by
        u[:bars_height // 2, left // 2:right // 2] = bu
        v[:bars_height // 2, left // 2:right // 2] = bv
    y[bars_height:, :] = (16 + 219 * numpy.arange(PATTERN_WIDTH) // (PATTERN_WIDTH - 1)).astype(numpy.uint8)
    box_width, box_height = (PATTERN_WIDTH // 8) & ~1, (PATTERN_HEIGHT // 6) & ~1
    left = ((index * 4) % (PATTERN_WIDTH - box_width)) & ~1
    top = (PATTERN_HEIGHT * 2 // 3 + (PATTERN_HEIGHT // 3 - box_height) // 2) & ~1
    y[top:top + box_height, left:left + box_width] = 82
    u[top // 2:(top + box_height) // 2, left // 2:(left + box_width) // 2] = 90
    v[top // 2:(top + box_height) // 2, left // 2:(left + box_width) // 2] = 240
    return y, u, v


class ColourPatternTrack(MediaStreamTrack):
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
        planes = numpy.concatenate([y.ravel(), u.ravel(), v.ravel()]).reshape(PATTERN_HEIGHT * 3 // 2, PATTERN_WIDTH)
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


def sections(sdp):
    """The answer's m-sections by kind: direction, whether it signals SSRCs with cname and msid, and FID groups."""
    described = {}
    for section in sdp.split("\r\nm=")[1:]:
        kind = section.split(" ", 1)[0]
        direction = re.findall(r"a=(sendrecv|sendonly|recvonly|inactive)\r\n", section)
        described[kind] = {
            "direction": direction[-1] if direction else "sendrecv",
            "ssrcCname": len(re.findall(r"a=ssrc:\d+ cname:\S+", section)),
            "ssrcMsid": len(re.findall(r"a=ssrc:\d+ msid:\S+ \S+", section)),
            "fid": len(re.findall(r"a=ssrc-group:FID \d+ \d+", section)),
        }
    return described


async def count_audio(track, counted):
    while True:
        await track.recv()
        counted["audio"] += 1


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


async def measure_pattern(track, source, wanted, result):
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


async def run(url, wanted, pattern):
    loop = asyncio.get_running_loop()
    result = {}
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    audio_task = None
    try:
        tracks = {}
        video_arrived = loop.create_future()

        @pc.on("track")
        def on_track(track):
            tracks[track.kind] = track
            if track.kind == "video" and not video_arrived.done():
                video_arrived.set_result(track)

        source = ColourPatternTrack() if pattern else PatternTrack()
        pc.addTrack(source)
        if not pattern:
            pc.addTrack(AudioStreamTrack())
        # aiortc gathers every candidate inside setLocalDescription: the offer is complete afterwards.
        await pc.setLocalDescription(await pc.createOffer())
        started = time.monotonic()
        status, headers, answer = await loop.run_in_executor(
            None, lambda: http("POST", url, pc.localDescription.sdp.encode("utf-8"), "application/sdp"))
        result["postStatus"] = status
        if status != 201:
            result["error"] = "POST answered %d: %s" % (status, answer[:500])
            return result
        session = urllib.parse.urljoin(url, headers["Location"])
        result["answer"] = sections(answer)
        await pc.setRemoteDescription(RTCSessionDescription(sdp=answer, type="answer"))

        track = await asyncio.wait_for(video_arrived, TIMEOUT)
        if pattern:
            await measure_pattern(track, source, wanted, result)
            result["deleteStatus"] = (await loop.run_in_executor(None, lambda: http("DELETE", session)))[0]
            return result
        counted = {"audio": 0}
        if "audio" in tracks:
            audio_task = asyncio.ensure_future(count_audio(tracks["audio"], counted))
        sizes = set()
        frames = 0
        while frames < wanted:
            frame = await asyncio.wait_for(track.recv(), TIMEOUT)
            if frames == 0:
                result["firstFrameMs"] = round((time.monotonic() - started) * 1000)
            frames += 1
            sizes.add("%dx%d" % (frame.width, frame.height))
        result["framesDecoded"] = frames
        result["sizes"] = sorted(sizes)
        result["audioFrames"] = counted["audio"]
        result["deleteStatus"] = (await loop.run_in_executor(None, lambda: http("DELETE", session)))[0]
        return result
    finally:
        if audio_task is not None:
            audio_task.cancel()
        await pc.close()


def main():
    url, wanted = sys.argv[1], int(sys.argv[2])
    pattern = len(sys.argv) > 3 and sys.argv[3] == "pattern"
    try:
        result = asyncio.run(run(url, wanted, pattern))
    except Exception as error:  # reported to the Java side as data, with the type
        result = {"error": "%s: %s" % (type(error).__name__, error)}
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
