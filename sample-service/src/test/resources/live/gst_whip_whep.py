"""WHIP publisher and WHEP viewer on GStreamer webrtcbin (Debian's python3-gi, GStreamer 1.22) against the sample.

Usage: gst_whip_whep.py <base URL> <stream id> <codec> <width> <height> publish
       gst_whip_whep.py <base URL> <stream id> <codec> <width> <height> view <frames>

The publisher encodes a moving test pattern at the given size and 30 fps (codec h264: x264enc in the High profile,
which its ultrafast preset would lower to Constrained Baseline without the 8x8 transform; vp9: vp9enc; h265:
x265enc) and sends it through POST <base>/whip/<stream>, doing the WHIP exchange itself after
ICE gathering (no trickle). It prints {"connected": ...} once connected and runs until stdin closes, then DELETEs
its session. With "view" it publishes and, once connected, plays the stream through POST <base>/whep/<stream> with
a second webrtcbin that decodes it (avdec_h264, vp9dec or avdec_h265) until it has the wanted number of frames;
both sessions are DELETEd and one JSON line reports the frames and their sizes.
"""

import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstWebRTC", "1.0")
gi.require_version("GstSdp", "1.0")
from gi.repository import GLib, Gst, GstSdp, GstWebRTC  # noqa: E402

TIMEOUT = 40
GATHERING_TIMEOUT = 5

ENCODERS = {
    "h264": ("x264enc tune=zerolatency speed-preset=ultrafast dct8x8=true key-int-max=30 bitrate=800 "
             "! video/x-h264,profile=high ! h264parse ! rtph264pay config-interval=-1", "H264"),
    # I420 makes vp9enc encode profile 0, as negotiated; left to videoconvert it picked 12-bit 4:4:4 (profile 3).
    "vp9": ("video/x-raw,format=I420 ! vp9enc deadline=1 cpu-used=8 keyframe-max-dist=30 target-bitrate=800000 ! rtpvp9pay", "VP9"),
    "h265": ("x265enc tune=zerolatency speed-preset=ultrafast key-int-max=30 bitrate=800 "
             "! video/x-h265,profile=main ! h265parse ! rtph265pay config-interval=-1", "H265"),
}
DECODERS = {
    "h264": "rtph264depay ! h264parse ! avdec_h264",
    "vp9": "rtpvp9depay ! vp9dec",
    "h265": "rtph265depay ! h265parse ! avdec_h265",
}


def http(method, url, body=None, content_type=None):
    request = urllib.request.Request(url, data=body, method=method)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


class Peer:
    """One webrtcbin that offers, gathers, POSTs its offer to a WHIP or WHEP URL and applies the answer."""

    def __init__(self, pipeline, webrtc, url, failed):
        self.pipeline = pipeline
        self.webrtc = webrtc
        self.url = url
        self.failed = failed
        self.session = None
        self.connected = threading.Event()
        self._gathering_since = None
        webrtc.connect("on-negotiation-needed", self._negotiate)
        webrtc.connect("notify::connection-state", self._state)

    def _negotiate(self, element):
        promise = Gst.Promise.new_with_change_func(self._offer_created, element, None)
        element.emit("create-offer", None, promise)

    def _offer_created(self, promise, element, _):
        promise.wait()
        # Keep the reply referenced: PyGObject wraps its offer without a copy, freed with a temporary reply.
        reply = promise.get_reply()
        offer = reply.get_value("offer")
        element.emit("set-local-description", offer, Gst.Promise.new())
        self._gathering_since = time.monotonic()
        GLib.timeout_add(100, self._post_when_gathered)

    def _post_when_gathered(self):
        """Polled: POSTs the offer once gathering completed (or after GATHERING_TIMEOUT with what it has)."""
        description = self.webrtc.get_property("local-description")
        complete = self.webrtc.get_property("ice-gathering-state") == GstWebRTC.WebRTCICEGatheringState.COMPLETE
        if description is None or not complete and time.monotonic() - self._gathering_since < GATHERING_TIMEOUT:
            return True
        sdp = description.sdp.as_text()
        threading.Thread(target=self._exchange, args=(sdp,), daemon=True).start()
        return False

    def _exchange(self, sdp):
        try:
            status, headers, answer = http("POST", self.url, sdp.encode("utf-8"), "application/sdp")
        except OSError as error:
            self.failed("POST %s: %s" % (self.url, error))
            return
        if status != 201:
            self.failed("POST %s answered %d: %s" % (self.url, status, answer[:400]))
            return
        self.session = urllib.parse.urljoin(self.url, headers["Location"])
        _, message = GstSdp.SDPMessage.new_from_text(answer)
        description = GstWebRTC.WebRTCSessionDescription.new(GstWebRTC.WebRTCSDPType.ANSWER, message)
        self.webrtc.emit("set-remote-description", description, Gst.Promise.new())

    def _state(self, element, _):
        state = element.get_property("connection-state")
        if state == GstWebRTC.WebRTCPeerConnectionState.CONNECTED:
            self.connected.set()
        elif state == GstWebRTC.WebRTCPeerConnectionState.FAILED:
            self.failed("%s: connection failed" % self.url)

    def delete(self):
        return http("DELETE", self.session)[0] if self.session else None


class Run:
    def __init__(self, base, stream, codec, width, height):
        self.base, self.stream, self.codec = base, stream, codec
        self.width, self.height = width, height
        self.loop = GLib.MainLoop()
        self.result = {}
        self.publisher = None
        self.viewer = None
        self.frames = 0
        self.sizes = set()
        self.wanted = 0
        self.started = None

    def fail(self, message):
        if "error" not in self.result:
            self.result["error"] = message
        GLib.idle_add(self.loop.quit)

    def publish(self):
        encoder, name = ENCODERS[self.codec]
        pipeline = Gst.parse_launch(
            "webrtcbin name=publisher bundle-policy=max-bundle "
            "videotestsrc is-live=true pattern=ball ! video/x-raw,width=%d,height=%d,framerate=30/1 "
            "! videoconvert ! queue ! %s pt=96 ! application/x-rtp,media=video,encoding-name=%s,payload=96,"
            "clock-rate=90000 ! publisher." % (self.width, self.height, encoder, name))
        webrtc = pipeline.get_by_name("publisher")
        webrtc.emit("get-transceiver", 0).set_property(
            "direction", GstWebRTC.WebRTCRTPTransceiverDirection.SENDONLY)
        self.publisher = Peer(pipeline, webrtc, self.base + "/whip/" + self.stream, self.fail)
        self._watch(pipeline)
        pipeline.set_state(Gst.State.PLAYING)

    def view(self, wanted):
        self.wanted = wanted
        pipeline = Gst.Pipeline.new("viewer")
        webrtc = Gst.ElementFactory.make("webrtcbin", "viewer")
        webrtc.set_property("bundle-policy", GstWebRTC.WebRTCBundlePolicy.MAX_BUNDLE)
        pipeline.add(webrtc)
        caps = Gst.Caps.from_string("application/x-rtp,media=video,encoding-name=%s,payload=96,clock-rate=90000,"
                                    "rtcp-fb-nack-pli=true" % ENCODERS[self.codec][1])
        webrtc.emit("add-transceiver", GstWebRTC.WebRTCRTPTransceiverDirection.RECVONLY, caps)
        webrtc.connect("pad-added", self._decode)
        self.viewer = Peer(pipeline, webrtc, self.base + "/whep/" + self.stream, self.fail)
        self._watch(pipeline)
        self.started = time.monotonic()
        pipeline.set_state(Gst.State.PLAYING)

    def _decode(self, webrtc, pad):
        if pad.get_direction() != Gst.PadDirection.SRC:
            return
        decoder = Gst.parse_bin_from_description(
            DECODERS[self.codec] + " ! videoconvert ! appsink name=frames emit-signals=true sync=false", True)
        self.viewer.pipeline.add(decoder)
        decoder.sync_state_with_parent()
        decoder.get_by_name("frames").connect("new-sample", self._frame)
        pad.link(decoder.get_static_pad("sink"))

    def _frame(self, sink):
        sample = sink.emit("pull-sample")
        structure = sample.get_caps().get_structure(0)
        self.sizes.add("%dx%d" % (structure.get_value("width"), structure.get_value("height")))
        if self.frames == 0:
            self.result["firstFrameMs"] = round((time.monotonic() - self.started) * 1000)
        self.frames += 1
        if self.frames >= self.wanted:
            GLib.idle_add(self.loop.quit)
        return Gst.FlowReturn.OK

    def _watch(self, pipeline):
        bus = pipeline.get_bus()
        bus.add_signal_watch()
        bus.connect("message::error", lambda _, message: self.fail("GStreamer: %s" % message.parse_error()[0]))

    def stop(self):
        for peer in (self.viewer, self.publisher):
            if peer is not None:
                peer.pipeline.set_state(Gst.State.NULL)


def wait_then(event, action, run):
    """Runs action on the main loop once event is set, or fails the run after TIMEOUT."""
    def waiting():
        if event.wait(TIMEOUT):
            GLib.idle_add(action)
        else:
            run.fail("not connected within %d s" % TIMEOUT)
    threading.Thread(target=waiting, daemon=True).start()


def main():
    base, stream, codec = sys.argv[1], sys.argv[2], sys.argv[3]
    width, height, mode = int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
    Gst.init(None)
    run = Run(base, stream, codec, width, height)
    GLib.timeout_add_seconds(TIMEOUT + 10, lambda: run.fail("no result within %d s" % (TIMEOUT + 10)))
    run.publish()
    if mode == "view":
        wait_then(run.publisher.connected, lambda: run.view(int(sys.argv[7])), run)
    else:
        def announce():
            print(json.dumps({"connected": run.publisher.session}), flush=True)
            # The Java side closes stdin when its viewer is done.
            threading.Thread(target=lambda: (sys.stdin.read(), GLib.idle_add(run.loop.quit)), daemon=True).start()
        wait_then(run.publisher.connected, announce, run)
    run.loop.run()
    if mode == "view":
        run.result["framesDecoded"] = run.frames
        run.result["sizes"] = sorted(run.sizes)
        run.result["whepDeleteStatus"] = run.viewer.delete() if run.viewer else None
    run.result["whipDeleteStatus"] = run.publisher.delete()
    run.stop()
    print(json.dumps(run.result), flush=True)


if __name__ == "__main__":
    main()
