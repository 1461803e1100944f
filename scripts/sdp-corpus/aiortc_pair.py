# aiortc offers audio, video and a data channel to a second aiortc peer, which answers; capture.sh runs it.
import asyncio, sys
from aiortc import RTCPeerConnection
from aiortc.mediastreams import AudioStreamTrack, VideoStreamTrack

async def main():
    a, b = RTCPeerConnection(), RTCPeerConnection()
    a.addTrack(AudioStreamTrack()); a.addTrack(VideoStreamTrack()); a.createDataChannel("chat")
    await a.setLocalDescription(await a.createOffer())
    open("aiortc-media-offer.sdp", "w", newline="").write(a.localDescription.sdp)
    await b.setRemoteDescription(a.localDescription)
    for t in b.getTransceivers():
        if t.kind == "audio": b.addTrack(AudioStreamTrack())
        elif t.kind == "video": b.addTrack(VideoStreamTrack())
    await b.setLocalDescription(await b.createAnswer())
    open("aiortc-media-answer.sdp", "w", newline="").write(b.localDescription.sdp)
    await a.close(); await b.close()
asyncio.run(main())
