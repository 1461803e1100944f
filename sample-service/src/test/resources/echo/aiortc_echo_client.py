"""A WHIP-style client of the sample service's POST /echo, on aiortc (Debian's python3-aiortc, 1.4).

Usage: aiortc_echo_client.py <echo URL> <binary size> <declared max-message-size, or "default">

Opens a data channel, POSTs the offer once gathering is complete (Content-Type application/sdp), applies the
answer, sends one text message and one binary message of the given size (a deterministic pattern), checks that
both come back exactly, DELETEs the session, and prints one JSON line with the result on stdout.

aiortc 1.4 advertises a=max-message-size:65536, yet reassembles larger messages (2 MiB tried) and sends any size.
An echo server keeps to the advertised limit (RFC 8841 section 6), so to get larger messages back the offer has to
declare what this client really accepts: "<declared max-message-size>" rewrites that line of the offer.
"""

import asyncio
import hashlib
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription

TEXT = "hello from aiortc \u2713"
TIMEOUT = 30


def pattern(size):
    """Byte i is (i * 7 + (i >> 8)) mod 256: neither pages nor fragments repeat."""
    return bytes((i * 7 + (i >> 8)) & 0xFF for i in range(size))


def http(method, url, body=None, content_type=None):
    """One blocking HTTP exchange; returns (status, headers, body text)."""
    request = urllib.request.Request(url, data=body, method=method)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def declare_max_message_size(sdp, declared):
    if declared == "default":
        return sdp
    line = "a=max-message-size:" + declared
    if "a=max-message-size:" in sdp:
        return re.sub(r"a=max-message-size:\d+", line, sdp)
    return re.sub(r"(a=sctp-port:\d+\r\n)", r"\1" + line + "\r\n", sdp)


async def round_trip(url, size, declared):
    loop = asyncio.get_running_loop()
    result = {"sent": {"text": TEXT, "binaryLength": size}}
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    try:
        channel = pc.createDataChannel("chat")
        opened = asyncio.Event()
        received = asyncio.Queue()
        channel.on("open", opened.set)
        channel.on("message", received.put_nowait)

        # aiortc gathers every candidate inside setLocalDescription: the offer is complete afterwards.
        await pc.setLocalDescription(await pc.createOffer())
        offer = declare_max_message_size(pc.localDescription.sdp, declared)
        result["offerMaxMessageSize"] = re.findall(r"a=max-message-size:(\d+)", offer)
        status, headers, answer = await loop.run_in_executor(
            None, lambda: http("POST", url, offer.encode("utf-8"), "application/sdp"))
        result["postStatus"] = status
        if status != 201:
            result["error"] = "POST answered %d: %s" % (status, answer[:500])
            return result
        session = urllib.parse.urljoin(url, headers["Location"])
        result["etag"] = headers.get("ETag")
        result["answerHasCandidates"] = "a=candidate:" in answer
        # the ports of the UDP candidates (the TCP ones, RFC 6544, are on the shared TCP port)
        result["answerCandidatePorts"] = sorted({int(line.split()[5]) for line in answer.splitlines()
                                                 if line.startswith("a=candidate:")
                                                 and line.split()[2].lower() == "udp"})
        await pc.setRemoteDescription(RTCSessionDescription(sdp=answer, type="answer"))
        await asyncio.wait_for(opened.wait(), TIMEOUT)

        binary = pattern(size)
        started = time.monotonic()
        channel.send(TEXT)
        channel.send(binary)
        echoes = []
        try:
            for _ in range(2):
                echoes.append(await asyncio.wait_for(received.get(), TIMEOUT))
        except asyncio.TimeoutError:
            result["error"] = "%d of 2 echoes within %d s" % (len(echoes), TIMEOUT)
        result["seconds"] = round(time.monotonic() - started, 3)
        result["echoTypes"] = [type(echo).__name__ for echo in echoes]
        if echoes:
            result["textEchoed"] = echoes[0] == TEXT
        if len(echoes) > 1 and isinstance(echoes[1], bytes):
            result["binaryLength"] = len(echoes[1])
            result["binarySha256"] = hashlib.sha256(echoes[1]).hexdigest()
            result["binaryEchoed"] = echoes[1] == binary
        result["expectedSha256"] = hashlib.sha256(binary).hexdigest()

        status, _, _ = await loop.run_in_executor(None, lambda: http("DELETE", session))
        result["deleteStatus"] = status
        return result
    finally:
        await pc.close()


def main():
    url, size, declared = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    try:
        result = asyncio.run(round_trip(url, size, declared))
    except Exception as error:  # reported to the Java side as data, with the type
        result = {"error": "%s: %s" % (type(error).__name__, error)}
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
