"""An aiortc peer (Debian's python3-aiortc, 1.4) of a REST-managed connection that echoes every message.

Usage: aiortc_rest_echo_peer.py <peer connection URL> <declared max-message-size>

Opens a data channel "chat", POSTs its offer (application/sdp, waitForGathering=true) to <URL>/offer, applies the
answer, sends back every message it receives on the channel (text as text, binary as binary) until the channel
closes, and prints one JSON line with what it did on stdout.

aiortc 1.4 advertises a=max-message-size:65536 yet reassembles larger messages; the offer declares what it really
accepts so the server may send it 1 MiB (RFC 8841 section 6).
"""

import asyncio
import json
import re
import sys
import urllib.error
import urllib.request

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription

TIMEOUT = 60


def post_offer(url, sdp):
    request = urllib.request.Request(url + "/offer?waitForGathering=true", data=sdp.encode("utf-8"), method="POST")
    request.add_header("Content-Type", "application/sdp")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


async def run(url, declared):
    loop = asyncio.get_running_loop()
    result = {"echoedText": 0, "echoedBinary": 0}
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    try:
        channel = pc.createDataChannel("chat")
        closed = asyncio.Event()
        channel.on("close", closed.set)

        @channel.on("message")
        def echo(message):
            if isinstance(message, str):
                result["echoedText"] += 1
            else:
                result["echoedBinary"] += 1
            channel.send(message)

        await pc.setLocalDescription(await pc.createOffer())
        offer = re.sub(r"a=max-message-size:\d+", "a=max-message-size:" + declared, pc.localDescription.sdp)
        status, answer = await loop.run_in_executor(None, lambda: post_offer(url, offer))
        result["offerStatus"] = status
        if status != 200:
            result["error"] = "offer answered %d: %s" % (status, answer[:500])
            return result
        await pc.setRemoteDescription(RTCSessionDescription(sdp=answer, type="answer"))
        await asyncio.wait_for(closed.wait(), TIMEOUT)
        result["closed"] = True
    except asyncio.TimeoutError:
        result["error"] = "the channel did not close within %d s" % TIMEOUT
    finally:
        await pc.close()
    return result


if __name__ == "__main__":
    print(json.dumps(asyncio.run(run(sys.argv[1], sys.argv[2]))), flush=True)
