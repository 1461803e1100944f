# GStreamer webrtcbin (max-bundle, VP8, Opus, a data channel) offers to a second webrtcbin, which answers;
# both descriptions are written after ICE gathering. capture.sh runs it with Debian's /usr/bin/python3.
import sys, time
import gi
gi.require_version("Gst", "1.0")
gi.require_version("GstWebRTC", "1.0")
gi.require_version("GstSdp", "1.0")
from gi.repository import Gst, GstWebRTC, GstSdp, GLib

Gst.init(None)
PIPE = ("webrtcbin name=a bundle-policy=max-bundle "
        "videotestsrc is-live=true ! vp8enc deadline=1 ! rtpvp8pay ! "
        "application/x-rtp,media=video,encoding-name=VP8,payload=96 ! a. "
        "audiotestsrc is-live=true ! opusenc ! rtpopuspay ! "
        "application/x-rtp,media=audio,encoding-name=OPUS,payload=97 ! a. "
        "webrtcbin name=b bundle-policy=max-bundle")
pipe = Gst.parse_launch(PIPE)
a, b = pipe.get_by_name("a"), pipe.get_by_name("b")
loop = GLib.MainLoop()
state = {}

def wait_gathered(el, then):
    def check():
        if el.get_property("ice-gathering-state") == GstWebRTC.WebRTCICEGatheringState.COMPLETE or state.get(el.get_name(), 0) > 40:
            then(); return False
        state[el.get_name()] = state.get(el.get_name(), 0) + 1
        return True
    GLib.timeout_add(100, check)

def write(name, el):
    desc = el.get_property("local-description")
    open(name, "w", newline="").write(desc.sdp.as_text())

def on_answer(promise, _):
    reply = promise.get_reply()
    answer = reply.get_value("answer")
    b.emit("set-local-description", answer, Gst.Promise.new())
    wait_gathered(b, lambda: (write("gstreamer-webrtcbin-answer.sdp", b), loop.quit()))

def after_offer_gathered():
    write("gstreamer-webrtcbin-offer.sdp", a)
    offer = a.get_property("local-description")
    b.emit("set-remote-description", offer, Gst.Promise.new())
    b.emit("create-answer", None, Gst.Promise.new_with_change_func(on_answer, None))

def on_offer(promise, _):
    reply = promise.get_reply()
    offer = reply.get_value("offer")
    a.emit("set-local-description", offer, Gst.Promise.new())
    wait_gathered(a, after_offer_gathered)

def on_negotiation_needed(el):
    if state.get("offered"):
        return
    state["offered"] = True
    el.emit("create-offer", None, Gst.Promise.new_with_change_func(on_offer, None))

a.connect("on-negotiation-needed", on_negotiation_needed)
def on_pad(el, pad):
    if pad.direction == Gst.PadDirection.SRC:
        sink = Gst.ElementFactory.make("fakesink"); pipe.add(sink); sink.sync_state_with_parent(); pad.link(sink.get_static_pad("sink"))
b.connect("pad-added", on_pad)
pipe.set_state(Gst.State.PLAYING)
a.emit("create-data-channel", "chat", None)
GLib.timeout_add(20000, loop.quit)
loop.run()
pipe.set_state(Gst.State.NULL)
