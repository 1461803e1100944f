"""Encode and decode speed of aiortc's video codecs (and PyAV's for VP9 and AV1, which aiortc lacks), the
counterpart of io.jrtc.bench.VideoCodecBench: the same pictures (the moving colour test pattern, its luma overlaid
with a texture moving a pixel a frame), the same sizes and bitrates, frames per second of process CPU time.

VP8 and H.264 go through aiortc's own Vp8Encoder/Vp8Decoder (libvpx) and H264Encoder (libx264, as aiortc does) and
H264Decoder (FFmpeg's h264): encode includes aiortc's RTP packetizing and decode its depayloading, as aiortc works.
VP9 (libvpx-vp9, realtime, cpu-used 8) and AV1 (libaom-av1, cpu-used 8; decoded by libdav1d, Debian FFmpeg's
default) go through PyAV. Decoding is timed over repeated passes of at least a second. Prints one JSON line.

Usage: video_codec_bench.py [frames=90]
"""

import fractions
import json
import math
import sys
import time

import av
import numpy
from aiortc.codecs import depayload, get_decoder, get_encoder
from aiortc.jitterbuffer import JitterFrame
from aiortc.rtcrtpparameters import RTCRtpCodecParameters

WARM_UP = 10
MIN_DECODE_CPU_SECONDS = 1.0
SIZES = [(640, 480, 1_500_000), (1280, 720, 2_500_000)]
BARS = [(180, 128, 128), (162, 44, 142), (131, 156, 44), (112, 72, 58), (84, 184, 198), (65, 100, 212),
        (35, 212, 114)]


def pattern_planes(width, height, index):
    """io.jrtc.media.TestPattern picture `index`, its luma textured as VideoCodecBench does."""
    y = numpy.zeros((height, width), numpy.int32)
    u = numpy.full((height // 2, width // 2), 128, numpy.uint8)
    v = numpy.full((height // 2, width // 2), 128, numpy.uint8)
    bars_height = (height * 2 // 3) & ~1
    for bar, (by, bu, bv) in enumerate(BARS):
        left = (bar * width // len(BARS)) & ~1
        right = width if bar == len(BARS) - 1 else ((bar + 1) * width // len(BARS)) & ~1
        y[:bars_height, left:right] = by
        u[:bars_height // 2, left // 2:right // 2] = bu
        v[:bars_height // 2, left // 2:right // 2] = bv
    y[bars_height:, :] = 16 + 219 * numpy.arange(width) // (width - 1)
    box_width, box_height = (width // 8) & ~1, (height // 6) & ~1
    left = ((index * 4) % (width - box_width)) & ~1
    top = (height * 2 // 3 + (height // 3 - box_height) // 2) & ~1
    y[top:top + box_height, left:left + box_width] = 82
    u[top // 2:(top + box_height) // 2, left // 2:(left + box_width) // 2] = 90
    v[top // 2:(top + box_height) // 2, left // 2:(left + box_width) // 2] = 240
    xs = numpy.arange(width)[None, :]
    ys = numpy.arange(height)[:, None]
    y = numpy.clip(y + ((xs + index) * 7 + ys * 13) % 16 - 8, 16, 235).astype(numpy.uint8)
    return numpy.concatenate([y.ravel(), u.ravel(), v.ravel()]).reshape(height * 3 // 2, width)


def pictures(width, height, count):
    frames = []
    for index in range(count):
        frame = av.VideoFrame.from_ndarray(pattern_planes(width, height, index), format="yuv420p")
        frame.pts = index * 3000
        frame.time_base = fractions.Fraction(1, 90000)
        frames.append(frame)
    return frames


def psnr(a, b):
    mse = float(numpy.mean((a.astype(numpy.float64) - b.astype(numpy.float64)) ** 2))
    return 100.0 if mse == 0 else 10 * math.log10(255.0 * 255.0 / mse)


class AiortcCodec:
    """aiortc's encoder and decoder of one codec; frames travel as aiortc's payloads, depayloaded to decode."""

    def __init__(self, mime_type, bitrate):
        self.parameters = RTCRtpCodecParameters(mimeType=mime_type, clockRate=90000, payloadType=96,
                                                parameters={"packetization-mode": "1"})
        self.encoder = get_encoder(self.parameters)
        self.encoder.target_bitrate = bitrate
        self.new_decoder()

    def new_decoder(self):
        self.decoder = get_decoder(self.parameters)

    def encode(self, frame):
        payloads, timestamp = self.encoder.encode(frame)
        return payloads, timestamp

    def decode(self, coded):
        payloads, timestamp = coded
        data = b"".join(depayload(self.parameters, payload) for payload in payloads)
        return self.decoder.decode(JitterFrame(data=data, timestamp=timestamp))

    @staticmethod
    def size(coded):
        return sum(len(payload) for payload in coded[0])


class PyAvCodec:
    """A PyAV encoder and decoder, tuned for real time like jrtc's."""

    OPTIONS = {
        "libvpx-vp9": {"deadline": "realtime", "cpu-used": "8", "lag-in-frames": "0", "row-mt": "1"},
        "libaom-av1": {"cpu-used": "8", "lag-in-frames": "0", "row-mt": "1"},
    }

    def __init__(self, encoder, decoder, width, height, bitrate):
        self.encoder = av.CodecContext.create(encoder, "w")
        self.encoder.width, self.encoder.height = width, height
        self.encoder.pix_fmt = "yuv420p"
        self.encoder.bit_rate = bitrate
        self.encoder.time_base = fractions.Fraction(1, 90000)
        self.encoder.framerate = fractions.Fraction(30, 1)
        self.encoder.gop_size = 1 << 30
        self.encoder.thread_count = 1
        self.encoder.options = self.OPTIONS[encoder]
        self.decoder_name = decoder
        self.new_decoder()

    def new_decoder(self):
        self.decoder = av.CodecContext.create(self.decoder_name, "r")
        self.decoder.thread_count = 1

    def encode(self, frame):
        return [bytes(packet) for packet in self.encoder.encode(frame)]

    def decode(self, coded):
        pictures = []
        for data in coded:
            pictures.extend(self.decoder.decode(av.Packet(data)))
        return pictures

    @staticmethod
    def size(coded):
        return sum(len(data) for data in coded)


def codec_for(name, width, height, bitrate):
    if name == "video/VP8":
        return AiortcCodec("video/VP8", bitrate), "aiortc Vp8Encoder/Vp8Decoder (libvpx)"
    if name == "video/H264":
        return AiortcCodec("video/H264", bitrate), "aiortc H264Encoder (libx264)/H264Decoder (FFmpeg h264)"
    if name == "video/VP9":
        return PyAvCodec("libvpx-vp9", "vp9", width, height, bitrate), "PyAV libvpx-vp9/vp9"
    return PyAvCodec("libaom-av1", "libdav1d", width, height, bitrate), "PyAV libaom-av1/libdav1d"


def run(name, width, height, bitrate, frames):
    sent = pictures(width, height, WARM_UP + frames)
    codec, library = codec_for(name, width, height, bitrate)
    coded = [codec.encode(frame) for frame in sent[:WARM_UP]]
    start = time.process_time()
    coded += [codec.encode(frame) for frame in sent[WARM_UP:]]
    encode_seconds = time.process_time() - start
    # Decoding is fast: whole passes over the sequence (from its keyframe), with a fresh decoder each, until a
    # second of CPU went by, as VideoCodecBench does.
    decoded_frames = 0
    start = time.process_time()
    while time.process_time() - start < MIN_DECODE_CPU_SECONDS:
        codec.new_decoder()
        for item in coded:
            codec.decode(item)
            decoded_frames += 1
    decode_seconds = time.process_time() - start
    codec.new_decoder()
    decoded = [codec.decode(item) for item in coded][WARM_UP:]
    quality = [psnr(sent[WARM_UP + i].to_ndarray(format="yuv420p"), pictures_out[-1].to_ndarray(format="yuv420p"))
               for i, pictures_out in enumerate(decoded) if pictures_out]
    size = sum(codec.size(item) for item in coded[WARM_UP:])
    return {"codec": name, "library": library, "width": width, "height": height, "bitrate": bitrate,
            "encode_fps_per_core": round(frames / encode_seconds, 1),
            "decode_fps_per_core": round(decoded_frames / decode_seconds, 1),
            "kbit_per_s_at_30fps": round(size * 8 * 30 / frames / 1000),
            "frames_decoded": sum(len(pictures_out) for pictures_out in decoded),
            "psnr_db": round(sum(quality) / len(quality), 2) if quality else None}


def main():
    frames = int(sys.argv[1]) if len(sys.argv) > 1 else 90
    results = [run(name, width, height, bitrate, frames)
               for name in ("video/VP8", "video/VP9", "video/H264", "video/AV1")
               for width, height, bitrate in SIZES]
    print(json.dumps({"stack": "aiortc", "pyav": av.__version__, "frames": frames, "results": results}), flush=True)


if __name__ == "__main__":
    main()
