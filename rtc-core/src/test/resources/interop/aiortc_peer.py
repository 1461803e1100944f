"""An aiortc peer driven by JSON lines, for jrtc's interop tests (io.jrtc.interop.AiortcPeer).

Protocol (one JSON object per line):
  stdin  <- commands  {"id": 7, "cmd": "createOffer", ...arguments}
  stdout -> replies   {"event": "reply", "id": 7, "ok": true, "result": ...}  or  "ok": false, "error": "..."
  stdout -> events    {"event": "log"|"connectionState"|"channelOpen"|"channelClosed"|"message"|"bulkDone"|"audio",
                       ...}
Payloads ("data") are base64 of the raw bytes (UTF-8 for text). Everything else (aiortc's logging, stray prints)
goes to stderr, which the Java side keeps as the peer's log.

Must run on Debian's /usr/bin/python3 with the python3-aiortc package (aiortc 1.4).
"""

import asyncio
import base64
import fractions
import hashlib
import json
import logging
import math
import random
import sys
import time
import traceback

import av
import numpy
from aiortc import MediaStreamTrack, RTCConfiguration, RTCPeerConnection, RTCSessionDescription

BULK_HIGH_WATER = 1 << 20  # stop handing data to the channel above 1 MiB buffered ...
BULK_LOW_WATER = 256 << 10  # ... and resume when it drains to 256 KiB (bufferedamountlow)

# stdout carries the protocol only: keep the real stream, send everything else to stderr.
PROTOCOL_OUT = sys.stdout
sys.stdout = sys.stderr


def emit(event):
    PROTOCOL_OUT.write(json.dumps(event, separators=(",", ":")) + "\n")
    PROTOCOL_OUT.flush()


def log(line):
    emit({"event": "log", "line": line})


def payload_bytes(message):
    return message.encode("utf-8") if isinstance(message, str) else message


class BulkReceiver:
    def __init__(self, total):
        self.total = total
        self.received = 0
        self.hasher = hashlib.sha256()
        self.started = None


class ToneTrack(MediaStreamTrack):
    """A sine tone as 20 ms frames of 48 kHz mono s16, paced in real time."""
    kind = "audio"
    RATE = 48000
    SAMPLES = 960

    def __init__(self, frequency):
        super().__init__()
        self.frequency = frequency
        self.pts = 0
        self.start = None

    async def recv(self):
        if self.start is None:
            self.start = time.monotonic()
        due = self.start + self.pts / self.RATE
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        t = (numpy.arange(self.SAMPLES) + self.pts) / self.RATE
        samples = (8000 * numpy.sin(2 * math.pi * self.frequency * t)).astype(numpy.int16)
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = self.RATE
        frame.pts = self.pts
        frame.time_base = fractions.Fraction(1, self.RATE)
        self.pts += self.SAMPLES
        return frame


class PatternTrack(MediaStreamTrack):
    """A moving gradient as 320x240 frames at 30 fps, paced in real time; aiortc encodes it (VP8)."""
    kind = "video"
    RATE = 90000
    FPS = 30

    def __init__(self):
        super().__init__()
        self.count = 0
        self.start = None

    async def recv(self):
        if self.start is None:
            self.start = time.monotonic()
        delay = self.start + self.count / self.FPS - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        y, x = numpy.mgrid[0:240, 0:320]
        picture = numpy.stack([(x + 4 * self.count) % 256, (y + 2 * self.count) % 256,
                               numpy.full((240, 320), 128)], axis=2).astype(numpy.uint8)
        frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
        frame.pts = self.count * (self.RATE // self.FPS)
        frame.time_base = fractions.Fraction(1, self.RATE)
        self.count += 1
        return frame


async def measure_audio(track):
    """Skips the first half second, then counts zero crossings over a second of the first channel."""
    skipped = 0
    crossings = 0
    samples = 0
    rate = 0
    previous = 0
    while samples < 48000:
        frame = await track.recv()
        if skipped < 25:
            skipped += 1
            continue
        rate = frame.sample_rate
        channels = len(frame.layout.channels)
        pcm = frame.to_ndarray().reshape(-1)[::channels].astype(numpy.int32)
        signs = numpy.concatenate(([previous], pcm)) >= 0
        crossings += int(numpy.count_nonzero(signs[1:] != signs[:-1]))
        previous = int(pcm[-1])
        samples += len(pcm)
    return crossings / 2 / (samples / rate)


class Peer:
    def __init__(self):
        # No ICE servers: aiortc's default contacts a public STUN server, and tests never leave the namespace.
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.channels = {}
        self.echo = set()
        self.bulk = {}
        self.pc.on("connectionstatechange", self.on_connection_state)
        self.pc.on("datachannel", self.on_remote_channel)
        self.pc.on("track", self.on_track)
        self.measurements = set()
        self.video = {"framesDecoded": 0, "frameWidth": 0, "frameHeight": 0}

    # --- events -------------------------------------------------------------------------------------------------

    def on_connection_state(self):
        state = self.pc.connectionState
        log(f"connectionState -> {state}")
        emit({"event": "connectionState", "state": state})

    def on_remote_channel(self, channel):
        log(f"remote opened channel '{channel.label}' id={channel.id}")
        self.track(channel)
        if channel.readyState == "open":
            self.on_open(channel)

    def on_track(self, track):
        log(f"remote track {track.kind} {track.id}")
        if track.kind == "audio":
            task = asyncio.ensure_future(self.report_audio(track))
        else:
            task = asyncio.ensure_future(self.count_video(track))
        self.measurements.add(task)
        task.add_done_callback(self.measurements.discard)

    async def count_video(self, track):
        try:
            while True:
                frame = await track.recv()
                self.video = {"framesDecoded": self.video["framesDecoded"] + 1, "frameWidth": frame.width,
                              "frameHeight": frame.height}
        except Exception as error:
            log(f"remote video ended: {type(error).__name__}: {error}")

    async def report_audio(self, track):
        try:
            frequency = await measure_audio(track)
        except Exception as error:
            log(f"audio measurement failed: {type(error).__name__}: {error}")
            return
        log(f"remote audio: {frequency:.1f} Hz")
        emit({"event": "audio", "frequency": frequency})

    def track(self, channel):
        label = channel.label
        self.channels[label] = channel
        channel.on("open", lambda: self.on_open(channel))
        channel.on("close", lambda: self.on_close(channel))
        channel.on("message", lambda message: self.on_message(channel, message))

    def on_open(self, channel):
        log(f"channel '{channel.label}' open id={channel.id}")
        emit({"event": "channelOpen", "label": channel.label})

    def on_close(self, channel):
        log(f"channel '{channel.label}' closed")
        emit({"event": "channelClosed", "label": channel.label})

    def on_message(self, channel, message):
        label = channel.label
        data = payload_bytes(message)
        if label in self.echo:
            channel.send(message)
            return
        receiver = self.bulk.get(label)
        if receiver is not None:
            if receiver.started is None:
                receiver.started = time.monotonic()
            receiver.hasher.update(data)
            receiver.received += len(data)
            if receiver.received >= receiver.total:
                del self.bulk[label]
                seconds = time.monotonic() - receiver.started
                log(f"bulk receive on '{label}': {receiver.received} bytes in {seconds:.3f} s")
                emit({"event": "bulkDone", "label": label, "bytes": receiver.received,
                      "sha256": receiver.hasher.hexdigest()})
            return
        emit({"event": "message", "label": label, "binary": not isinstance(message, str),
              "data": base64.b64encode(data).decode("ascii")})

    # --- commands -----------------------------------------------------------------------------------------------

    def channel(self, label):
        channel = self.channels.get(label)
        if channel is None:
            raise KeyError(f"no channel labelled '{label}' (known: {sorted(self.channels)})")
        return channel

    async def cmd_createDataChannel(self, label, ordered=True, maxRetransmits=None, maxPacketLifeTime=None,
                                    negotiated=False, channelId=None):
        channel = self.pc.createDataChannel(label, ordered=ordered, maxRetransmits=maxRetransmits,
                                            maxPacketLifeTime=maxPacketLifeTime, negotiated=negotiated,
                                            id=channelId)
        self.track(channel)
        if channel.readyState == "open":
            self.on_open(channel)
        return None

    async def cmd_addToneTrack(self, frequency):
        self.pc.addTrack(ToneTrack(frequency))
        return None

    async def cmd_addCameraTrack(self):
        self.pc.addTrack(PatternTrack())
        return None

    async def cmd_videoStats(self):
        return self.video

    async def cmd_createOffer(self):
        # aiortc's setLocalDescription returns once ICE gathering is complete.
        await self.pc.setLocalDescription(await self.pc.createOffer())
        return self.pc.localDescription.sdp

    async def cmd_acceptOffer(self, sdp):
        await self.pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="offer"))
        await self.pc.setLocalDescription(await self.pc.createAnswer())
        return self.pc.localDescription.sdp

    async def cmd_acceptAnswer(self, sdp):
        await self.pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="answer"))
        return None

    async def cmd_send(self, label, binary, data):
        raw = base64.b64decode(data)
        self.channel(label).send(raw if binary else raw.decode("utf-8"))
        return None

    async def cmd_sendBulk(self, label, totalBytes, chunkSize):
        channel = self.channel(label)
        channel.bufferedAmountLowThreshold = BULK_LOW_WATER
        drained = asyncio.Event()
        channel.on("bufferedamountlow", drained.set)
        generator = random.Random(f"jrtc-bulk/{label}/{totalBytes}")
        hasher = hashlib.sha256()
        sent = 0
        started = time.monotonic()
        try:
            while sent < totalBytes:
                if channel.bufferedAmount >= BULK_HIGH_WATER:
                    drained.clear()
                    if channel.bufferedAmount >= BULK_HIGH_WATER:
                        await drained.wait()
                    continue
                chunk = generator.randbytes(min(chunkSize, totalBytes - sent))
                hasher.update(chunk)
                channel.send(chunk)
                sent += len(chunk)
                # let the transport flush between chunks; send() only queues
                await asyncio.sleep(0)
        finally:
            channel.remove_listener("bufferedamountlow", drained.set)
        log(f"bulk send on '{label}': {sent} bytes handed over in {time.monotonic() - started:.3f} s")
        return hasher.hexdigest()

    async def cmd_expectBulk(self, label, totalBytes):
        self.bulk[label] = BulkReceiver(totalBytes)
        return None

    async def cmd_enableEcho(self, label):
        self.echo.add(label)
        return None

    async def cmd_closeChannel(self, label):
        self.channel(label).close()
        return None

    async def cmd_connectionState(self):
        return self.pc.connectionState

    async def cmd_close(self):
        await self.pc.close()
        return None


async def run_command(peer, command):
    command_id = command.pop("id")
    name = command.pop("cmd")
    try:
        handler = getattr(peer, "cmd_" + name, None)
        if handler is None:
            raise ValueError(f"unknown command '{name}'")
        result = await handler(**command)
        emit({"event": "reply", "id": command_id, "ok": True, "result": result})
    except Exception as error:  # report every failure to the Java side instead of dying
        traceback.print_exc()
        emit({"event": "reply", "id": command_id, "ok": False, "error": f"{type(error).__name__}: {error}"})
    return name


async def main():
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=64 << 20, loop=loop)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader, loop=loop), sys.stdin)
    peer = Peer()
    log("aiortc peer ready")
    emit({"event": "ready"})
    tasks = set()
    while True:
        line = await reader.readline()
        if not line:
            break
        line = line.strip()
        if not line:
            continue
        command = json.loads(line)
        if command.get("cmd") == "close":
            await run_command(peer, command)
            break
        task = asyncio.ensure_future(run_command(peer, command))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    for task in list(tasks):
        task.cancel()
    await peer.pc.close()


if __name__ == "__main__":
    asyncio.run(main())
