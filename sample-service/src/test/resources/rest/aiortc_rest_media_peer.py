"""An aiortc peer (Debian's python3-aiortc, 1.4) of a connection set up entirely through the REST media API.

Usage: aiortc_rest_media_peer.py <REST base URL> <audio file in the media directory>

Creates a connection by REST with two server transceivers: audio sendonly, fed by the file (looped), and video
recvonly. Asks the server for its offer (create-offer), answers it with aiortc sending a synthetic 320x240 video
pattern (VP8, encoded by aiortc), measures the frequency of the audio it receives over two seconds, and prints one
JSON line: {peerConnectionId, audioTransceiverId, videoTransceiverId, toneHz, events...}. Then it keeps sending
video until its stdin closes, and deletes the connection.
"""

import asyncio
import fractions
import json
import sys
import time
import urllib.error
import urllib.request

import numpy
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack
from av import VideoFrame

TIMEOUT = 30
WIDTH, HEIGHT, FPS = 320, 240, 30
CLOCK_RATE = 90000
LISTEN_SECONDS = 2.0


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


def rest(method, url, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            text = response.read().decode("utf-8")
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        raise RuntimeError("%s %s answered %d: %s" % (method, url, error.code, error.read()[:300]))


def dominant_frequency(frames):
    """The strongest frequency of the received audio (first channel), by FFT with a Hann window."""
    rate = frames[0].sample_rate
    samples = numpy.concatenate([frame.to_ndarray().reshape(-1, len(frame.layout.channels))[:, 0]
                                 for frame in frames]).astype(numpy.float64)
    spectrum = numpy.abs(numpy.fft.rfft(samples * numpy.hanning(len(samples))))
    spectrum[0] = 0
    return float(numpy.argmax(spectrum)) * rate / len(samples)


async def run(base, audio_file):
    loop = asyncio.get_running_loop()

    def call(method, path, body=None):
        return loop.run_in_executor(None, lambda: rest(method, base + path, body))

    result = {}
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    audio_arrived = loop.create_future()

    @pc.on("track")
    def on_track(track):
        if track.kind == "audio" and not audio_arrived.done():
            audio_arrived.set_result(track)

    _, created = await call("POST", "/peer-connections", {})
    connection = "/peer-connections/" + created["id"]
    result["peerConnectionId"] = created["id"]
    try:
        _, audio = await call("POST", connection + "/transceivers", {
            "kind": "audio", "direction": "sendonly",
            "source": {"type": "file", "path": audio_file, "loop": True}})
        _, video = await call("POST", connection + "/transceivers", {"kind": "video", "direction": "recvonly"})
        result["audioTransceiverId"] = audio["transceiverId"]
        result["videoTransceiverId"] = video["transceiverId"]
        _, offer = await call("POST", connection + "/create-offer?waitForGathering=true")
        await pc.setRemoteDescription(RTCSessionDescription(sdp=offer["sdp"], type="offer"))
        pc.addTrack(PatternTrack())
        await pc.setLocalDescription(await pc.createAnswer())
        await call("POST", connection + "/answer", {"type": "answer", "sdp": pc.localDescription.sdp})

        track = await asyncio.wait_for(audio_arrived, TIMEOUT)
        frames, heard = [], 0.0
        while heard < LISTEN_SECONDS:
            frame = await asyncio.wait_for(track.recv(), TIMEOUT)
            frames.append(frame)
            heard += frame.samples / frame.sample_rate
        result["toneHz"] = round(dominant_frequency(frames), 1)
        _, listed = await call("GET", connection + "/transceivers")
        result["transceivers"] = listed
        print(json.dumps(result), flush=True)
        # Keep the camera running while the test plays and records it; stdin closing ends the run.
        await loop.run_in_executor(None, sys.stdin.read)
    finally:
        await pc.close()
        try:
            await call("DELETE", connection)
        except RuntimeError:
            pass


def main():
    try:
        asyncio.run(run(sys.argv[1], sys.argv[2]))
    except Exception as error:  # reported to the Java side as data, with the type
        print(json.dumps({"error": "%s: %s" % (type(error).__name__, error)}), flush=True)


if __name__ == "__main__":
    main()
