# Asks a running Janus (HTTP API on 127.0.0.1:8088) for a description: "streaming" watches the sample mountpoint 1
# and writes the offer Janus sends; "videoroom <offer file>" publishes that offer into the sample room 1234 and
# writes Janus's answer. capture.sh starts Janus for each (the second time with --ice-lite).
import json, sys, urllib.request, random
BASE = "http://127.0.0.1:8088/janus"
def post(url, body):
    body["transaction"] = "%08x" % random.getrandbits(32)
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req, timeout=10))
def event(sid):
    for _ in range(10):
        e = json.load(urllib.request.urlopen(f"{BASE}/{sid}?maxev=1", timeout=35))
        if isinstance(e, list): e = e[0] if e else {}
        if "jsep" in e: return e
    raise SystemExit("no jsep")
mode = sys.argv[1]
sid = post(BASE, {"janus": "create"})["data"]["id"]
if mode == "streaming":
    hid = post(f"{BASE}/{sid}", {"janus": "attach", "plugin": "janus.plugin.streaming"})["data"]["id"]
    post(f"{BASE}/{sid}/{hid}", {"janus": "message", "body": {"request": "watch", "id": 1}})
    e = event(sid)
    open("janus-streaming-offer.sdp", "w", newline="").write(e["jsep"]["sdp"])
else:
    offer = open(sys.argv[2], newline="").read()
    hid = post(f"{BASE}/{sid}", {"janus": "attach", "plugin": "janus.plugin.videoroom"})["data"]["id"]
    post(f"{BASE}/{sid}/{hid}", {"janus": "message", "body": {"request": "joinandconfigure", "room": 1234,
         "ptype": "publisher", "display": "corpus"}, "jsep": {"type": "offer", "sdp": offer}})
    e = event(sid)
    open("janus-videoroom-answer.sdp", "w", newline="").write(e["jsep"]["sdp"])
print("ok", mode)
