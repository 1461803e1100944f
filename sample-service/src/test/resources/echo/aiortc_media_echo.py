"""Media echo of the sample service's POST /echo, on aiortc (Debian's python3-aiortc, 1.4).

Usage: aiortc_media_echo.py <echo URL> <video frames to receive>

Sends a synthetic 320x240 video track (VP8, encoded by aiortc) and an audio track (Opus, aiortc's silence) on
sendrecv transceivers, WHIP-style through POST <echo URL>; receives what comes back on the same transceivers,
decodes video frames until it has the wanted number and counts audio frames meanwhile, then DELETEs the session.
Prints one JSON line with the result: frames decoded, their sizes, what the answer signalled.
"""

import asyncio
import fractions
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import AudioStreamTrack, MediaStreamTrack
from av import VideoFrame

TIMEOUT = 30
WIDTH, HEIGHT, FPS = 320, 240, 30
CLOCK_RATE = 90000


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


async def run(url, wanted):
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

        pc.addTrack(PatternTrack())
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
    try:
        result = asyncio.run(run(url, wanted))
    except Exception as error:  # reported to the Java side as data, with the type
        result = {"error": "%s: %s" % (type(error).__name__, error)}
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
