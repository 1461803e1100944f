// werift offers video, audio and a data channel to a second werift peer, which answers; capture.sh runs it.
import { RTCPeerConnection, MediaStreamTrack } from "werift";
import { writeFileSync } from "fs";
const a = new RTCPeerConnection({});
const b = new RTCPeerConnection({});
a.addTransceiver("video", { direction: "sendrecv" });
a.addTransceiver("audio", { direction: "sendrecv" });
a.createDataChannel("chat");
await a.setLocalDescription(await a.createOffer());
await new Promise(r => { if (a.iceGatheringState === "complete") r(); a.iceGatheringStateChange.subscribe(s => { if (s === "complete") r(); }); setTimeout(r, 5000); });
writeFileSync("werift-media-offer.sdp", a.localDescription.sdp);
await b.setRemoteDescription(a.localDescription);
await b.setLocalDescription(await b.createAnswer());
await new Promise(r => { if (b.iceGatheringState === "complete") r(); b.iceGatheringStateChange.subscribe(s => { if (s === "complete") r(); }); setTimeout(r, 5000); });
writeFileSync("werift-media-answer.sdp", b.localDescription.sdp);
await a.close(); await b.close();
process.exit(0);
