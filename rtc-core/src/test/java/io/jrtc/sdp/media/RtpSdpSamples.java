package io.jrtc.sdp.media;

import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SdpParseException;
import io.jrtc.sdp.SessionDescription;

/**
 * Offers with audio and video as Chromium (M12x, Unified Plan) and aiortc 1.4 write them, typed by hand after
 * their shape: Chrome's codec list with RED, RTX per video codec, three H.264 variants and per-SSRC msid; aiortc's
 * shorter list with its attribute order (direction first, transport attributes last).
 */
final class RtpSdpSamples {
    static final String CHROMIUM_AUDIO_VIDEO_OFFER = """
            v=0
            o=- 4611731400430051336 2 IN IP4 127.0.0.1
            s=-
            t=0 0
            a=group:BUNDLE 0 1
            a=extmap-allow-mixed
            a=msid-semantic: WMS stream1
            m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126
            c=IN IP4 0.0.0.0
            a=rtcp:9 IN IP4 0.0.0.0
            a=ice-ufrag:LQ/g
            a=ice-pwd:N/nfqktGxusGA7R9YvW5htJj
            a=ice-options:trickle
            a=fingerprint:sha-256 D7:09:73:F8:3C:93:D9:97:20:8D:02:DB:3F:E2:C2:66:44:B0:27:AC:E1:BB:A2:34:14:0D:8B:57:19:F6:D5:3F
            a=setup:actpass
            a=mid:0
            a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=sendrecv
            a=msid:stream1 track-audio
            a=rtcp-mux
            a=rtcp-rsize
            a=rtpmap:111 opus/48000/2
            a=rtcp-fb:111 transport-cc
            a=fmtp:111 minptime=10;useinbandfec=1
            a=rtpmap:63 red/48000/2
            a=fmtp:63 111/111
            a=rtpmap:9 G722/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:13 CN/8000
            a=rtpmap:110 telephone-event/48000
            a=rtpmap:126 telephone-event/8000
            a=ssrc:1001 cname:ZqR3vC9XbXq2n1Ys
            a=ssrc:1001 msid:stream1 track-audio
            m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 100 101 102 103 104 105
            c=IN IP4 0.0.0.0
            a=rtcp:9 IN IP4 0.0.0.0
            a=ice-ufrag:LQ/g
            a=ice-pwd:N/nfqktGxusGA7R9YvW5htJj
            a=ice-options:trickle
            a=fingerprint:sha-256 D7:09:73:F8:3C:93:D9:97:20:8D:02:DB:3F:E2:C2:66:44:B0:27:AC:E1:BB:A2:34:14:0D:8B:57:19:F6:D5:3F
            a=setup:actpass
            a=mid:1
            a=extmap:14 urn:ietf:params:rtp-hdrext:toffset
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:13 urn:3gpp:video-orientation
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:5 http://www.webrtc.org/experiments/rtp-hdrext/playout-delay
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id
            a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id
            a=sendrecv
            a=msid:stream1 track-video
            a=rtcp-mux
            a=rtcp-rsize
            a=rtpmap:96 VP8/90000
            a=rtcp-fb:96 goog-remb
            a=rtcp-fb:96 transport-cc
            a=rtcp-fb:96 ccm fir
            a=rtcp-fb:96 nack
            a=rtcp-fb:96 nack pli
            a=rtpmap:97 rtx/90000
            a=fmtp:97 apt=96
            a=rtpmap:98 VP9/90000
            a=rtcp-fb:98 goog-remb
            a=rtcp-fb:98 transport-cc
            a=rtcp-fb:98 ccm fir
            a=rtcp-fb:98 nack
            a=rtcp-fb:98 nack pli
            a=fmtp:98 profile-id=0
            a=rtpmap:99 rtx/90000
            a=fmtp:99 apt=98
            a=rtpmap:100 H264/90000
            a=rtcp-fb:100 goog-remb
            a=rtcp-fb:100 transport-cc
            a=rtcp-fb:100 ccm fir
            a=rtcp-fb:100 nack
            a=rtcp-fb:100 nack pli
            a=fmtp:100 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f
            a=rtpmap:101 rtx/90000
            a=fmtp:101 apt=100
            a=rtpmap:102 H264/90000
            a=rtcp-fb:102 goog-remb
            a=rtcp-fb:102 transport-cc
            a=rtcp-fb:102 ccm fir
            a=rtcp-fb:102 nack
            a=rtcp-fb:102 nack pli
            a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f
            a=rtpmap:103 rtx/90000
            a=fmtp:103 apt=102
            a=rtpmap:104 H264/90000
            a=rtcp-fb:104 goog-remb
            a=rtcp-fb:104 transport-cc
            a=rtcp-fb:104 ccm fir
            a=rtcp-fb:104 nack
            a=rtcp-fb:104 nack pli
            a=fmtp:104 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=640032
            a=rtpmap:105 rtx/90000
            a=fmtp:105 apt=104
            a=ssrc-group:FID 2001 2002
            a=ssrc:2001 cname:ZqR3vC9XbXq2n1Ys
            a=ssrc:2001 msid:stream1 track-video
            a=ssrc:2002 cname:ZqR3vC9XbXq2n1Ys
            a=ssrc:2002 msid:stream1 track-video
            """;

    static final String AIORTC_AUDIO_VIDEO_OFFER = """
            v=0
            o=- 3913523468 3913523468 IN IP4 0.0.0.0
            s=-
            t=0 0
            a=group:BUNDLE 0 1
            a=msid-semantic:WMS *
            m=audio 9 UDP/TLS/RTP/SAVPF 96 0 8
            c=IN IP4 0.0.0.0
            a=sendrecv
            a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid
            a=extmap:2 urn:ietf:params:rtp-hdrext:ssrc-audio-level
            a=mid:0
            a=msid:4b2f3c6e-1f0a-4c57-9a1e-8b3d2f6a7c10 0c7d9f3e-5a21-4e8b-b6f4-2d9c1a7e3b58
            a=rtcp:9 IN IP4 0.0.0.0
            a=rtcp-mux
            a=ssrc:3047010830 cname:7f9a2c1e-3b4d-4e5f-8a6b-9c0d1e2f3a4b
            a=rtpmap:96 opus/48000/2
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=ice-ufrag:Xk3d
            a=ice-pwd:Vq8sN2fJ4pL6rT0wY1zB3cD5
            a=fingerprint:sha-256 D7:09:73:F8:3C:93:D9:97:20:8D:02:DB:3F:E2:C2:66:44:B0:27:AC:E1:BB:A2:34:14:0D:8B:57:19:F6:D5:3F
            a=setup:actpass
            m=video 9 UDP/TLS/RTP/SAVPF 97 98 99 100 101 102
            c=IN IP4 0.0.0.0
            a=sendrecv
            a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid
            a=extmap:3 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=mid:1
            a=msid:4b2f3c6e-1f0a-4c57-9a1e-8b3d2f6a7c10 9e1b5d7f-2c3a-4f6e-8d0b-1a2c3e4f5a6b
            a=rtcp:9 IN IP4 0.0.0.0
            a=rtcp-mux
            a=ssrc-group:FID 1868409547 2946118370
            a=ssrc:1868409547 cname:7f9a2c1e-3b4d-4e5f-8a6b-9c0d1e2f3a4b
            a=ssrc:2946118370 cname:7f9a2c1e-3b4d-4e5f-8a6b-9c0d1e2f3a4b
            a=rtpmap:97 VP8/90000
            a=rtcp-fb:97 nack
            a=rtcp-fb:97 nack pli
            a=rtcp-fb:97 goog-remb
            a=rtpmap:98 rtx/90000
            a=fmtp:98 apt=97
            a=rtpmap:99 H264/90000
            a=rtcp-fb:99 nack
            a=rtcp-fb:99 nack pli
            a=rtcp-fb:99 goog-remb
            a=fmtp:99 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f
            a=rtpmap:100 rtx/90000
            a=fmtp:100 apt=99
            a=rtpmap:101 H264/90000
            a=rtcp-fb:101 nack
            a=rtcp-fb:101 nack pli
            a=rtcp-fb:101 goog-remb
            a=fmtp:101 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f
            a=rtpmap:102 rtx/90000
            a=fmtp:102 apt=101
            a=ice-ufrag:Xk3d
            a=ice-pwd:Vq8sN2fJ4pL6rT0wY1zB3cD5
            a=fingerprint:sha-256 D7:09:73:F8:3C:93:D9:97:20:8D:02:DB:3F:E2:C2:66:44:B0:27:AC:E1:BB:A2:34:14:0D:8B:57:19:F6:D5:3F
            a=setup:actpass
            """;

    private RtpSdpSamples() {
    }

    static MediaDescription media(String sdp, int index) throws SdpParseException {
        return SessionDescription.parse(sdp).media().get(index);
    }
}
