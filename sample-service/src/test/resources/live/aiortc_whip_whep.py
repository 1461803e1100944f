"""WHIP publisher and WHEP viewer on aiortc (Debian's python3-aiortc, 1.4) against the sample service.

Usage: aiortc_whip_whep.py <base URL> <stream id> <frames to receive>

The publisher sends a synthetic 320x240 video track (VP8, encoded by aiortc) through POST <base>/whip/<stream>;
once it is connected, the viewer plays the stream through POST <base>/whep/<stream>, receives and decodes video
frames until it has the wanted number, then both sessions are DELETEd. Prints one JSON line with the result.
"""

import asyncio
import fractions
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack
from av import VideoFrame

TIMEOUT = 20
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


async def post_offer(pc, url):
    """Offers (aiortc gathers inside setLocalDescription), applies the answer; returns (status, session URL)."""
    loop = asyncio.get_running_loop()
    await pc.setLocalDescription(await pc.createOffer())
    started = time.monotonic()
    status, headers, answer = await loop.run_in_executor(
        None, lambda: http("POST", url, pc.localDescription.sdp.encode("utf-8"), "application/sdp"))
    elapsed = round((time.monotonic() - started) * 1000)
    if status != 201:
        raise RuntimeError("POST %s answered %d: %s" % (url, status, answer[:300]))
    await pc.setRemoteDescription(RTCSessionDescription(sdp=answer, type="answer"))
    return urllib.parse.urljoin(url, headers["Location"]), elapsed


async def connected(pc):
    done = asyncio.Event()

    @pc.on("connectionstatechange")
    def changed():
        if pc.connectionState in ("connected", "failed", "closed"):
            done.set()

    if pc.connectionState != "connected":
        await asyncio.wait_for(done.wait(), TIMEOUT)
    if pc.connectionState != "connected":
        raise RuntimeError("connection " + pc.connectionState)


async def run(base, stream, wanted):
    loop = asyncio.get_running_loop()
    result = {}
    publisher = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    viewer = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    try:
        publisher.addTransceiver(PatternTrack(), direction="sendonly")
        whip, result["whipPostMs"] = await post_offer(publisher, base + "/whip/" + stream)
        await connected(publisher)

        track_arrived = loop.create_future()

        @viewer.on("track")
        def on_track(track):
            if track.kind == "video" and not track_arrived.done():
                track_arrived.set_result(track)

        viewer.addTransceiver("video", direction="recvonly")
        started = time.monotonic()
        whep, result["whepPostMs"] = await post_offer(viewer, base + "/whep/" + stream)
        track = await asyncio.wait_for(track_arrived, TIMEOUT)
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
        result["viewerCodecs"] = [codec.mimeType for transceiver in viewer.getTransceivers()
                                  for codec in (transceiver.receiver._RTCRtpReceiver__codecs.values()
                                                if hasattr(transceiver.receiver, "_RTCRtpReceiver__codecs")
                                                else [])]
        result["whepDeleteStatus"] = (await loop.run_in_executor(None, lambda: http("DELETE", whep)))[0]
        result["whipDeleteStatus"] = (await loop.run_in_executor(None, lambda: http("DELETE", whip)))[0]
        result["whepAfterUnpublish"] = (await loop.run_in_executor(
            None, lambda: http("POST", base + "/whep/" + stream, b"v=0\r\n", "application/sdp")))[0]
        return result
    finally:
        await viewer.close()
        await publisher.close()


def main():
    base, stream, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
    try:
        result = asyncio.run(run(base, stream, wanted))
    except Exception as error:  # reported to the Java side as data, with the type
        result = {"error": "%s: %s" % (type(error).__name__, error)}
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
