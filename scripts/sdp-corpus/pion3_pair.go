// Pion 3.1 offers audio, video and a data channel to a second Pion peer, which answers; both descriptions are
// written after ICE gathering. Built by capture.sh against Debian 12's golang-github-pion-webrtc.v3-dev.
package main

import (
	"os"

	"github.com/pion/webrtc/v3"
)

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func write(name, sdp string) { must(os.WriteFile(name, []byte(sdp), 0o644)) }

func main() {
	a, err := webrtc.NewPeerConnection(webrtc.Configuration{})
	must(err)
	b, err := webrtc.NewPeerConnection(webrtc.Configuration{})
	must(err)
	audio, err := webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus}, "audio", "pion")
	must(err)
	video, err := webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8}, "video", "pion")
	must(err)
	_, err = a.AddTrack(audio)
	must(err)
	_, err = a.AddTrack(video)
	must(err)
	_, err = a.CreateDataChannel("chat", nil)
	must(err)
	offer, err := a.CreateOffer(nil)
	must(err)
	done := webrtc.GatheringCompletePromise(a)
	must(a.SetLocalDescription(offer))
	<-done
	write("pion3-media-offer.sdp", a.LocalDescription().SDP)
	must(b.SetRemoteDescription(*a.LocalDescription()))
	answer, err := b.CreateAnswer(nil)
	must(err)
	done = webrtc.GatheringCompletePromise(b)
	must(b.SetLocalDescription(answer))
	<-done
	write("pion3-media-answer.sdp", b.LocalDescription().SDP)
}
