package io.jrtc.pc;

/**
 * Hand-written offers in the shapes other stacks send (Chrome's and aiortc's), for answering tests. The transport
 * attributes are syntactically real; no connection is made with them.
 */
final class ForeignOffers {
    static final String FINGERPRINT = "sha-256 3A:1B:6C:0D:2E:9F:40:51:62:73:84:95:A6:B7:C8:D9:EA:FB:0C:1D:2E:3F:"
            + "40:51:62:73:84:95:A6:B7:C8:D9";

    private ForeignOffers() {
    }

    /** A session header, with a BUNDLE group over {@code bundleMids} unless it is null. */
    static String session(String bundleMids) {
        return "v=0\r\n"
                + "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
                + "s=-\r\n"
                + "t=0 0\r\n"
                + (bundleMids == null ? "" : "a=group:BUNDLE " + bundleMids + "\r\n")
                + "a=extmap-allow-mixed\r\n"
                + "a=msid-semantic: WMS stream1\r\n";
    }

    static String transport() {
        return "c=IN IP4 0.0.0.0\r\n"
                + "a=rtcp:9 IN IP4 0.0.0.0\r\n"
                + "a=ice-ufrag:Chrm\r\n"
                + "a=ice-pwd:abcdefghijklmnopqrstuvwx\r\n"
                + "a=ice-options:trickle\r\n"
                + "a=fingerprint:" + FINGERPRINT + "\r\n"
                + "a=setup:actpass\r\n";
    }

    /** Chrome's audio section: opus, red, G722, PCMU, PCMA, CN, telephone-event. */
    static String chromeAudio(String mid, String direction, long ssrc) {
        return "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\r\n"
                + transport()
                + "a=mid:" + mid + "\r\n"
                + "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
                + "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n"
                + "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n"
                + "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                + "a=" + direction + "\r\n"
                + (direction.equals("sendrecv") || direction.equals("sendonly")
                        ? "a=msid:stream1 audiotrack1\r\n" : "")
                + "a=rtcp-mux\r\n"
                + "a=rtcp-rsize\r\n"
                + "a=rtpmap:111 opus/48000/2\r\n"
                + "a=rtcp-fb:111 transport-cc\r\n"
                + "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
                + "a=rtpmap:63 red/48000/2\r\n"
                + "a=fmtp:63 111/111\r\n"
                + "a=rtpmap:9 G722/8000\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:13 CN/8000\r\n"
                + "a=rtpmap:110 telephone-event/48000\r\n"
                + "a=rtpmap:126 telephone-event/8000\r\n"
                + (direction.equals("sendrecv") || direction.equals("sendonly")
                        ? "a=ssrc:" + ssrc + " cname:chromecname\r\n"
                        + "a=ssrc:" + ssrc + " msid:stream1 audiotrack1\r\n" : "");
    }

    /** Chrome's video section: VP8 and rtx, VP9, H.264 42e01f and rtx, AV1. */
    static String chromeVideo(String mid, String direction, long ssrc) {
        return "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 102 103 45\r\n"
                + transport()
                + "a=mid:" + mid + "\r\n"
                + "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n"
                + "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n"
                + "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                + "a=extmap:13 urn:3gpp:video-orientation\r\n"
                + "a=" + direction + "\r\n"
                + (direction.equals("sendrecv") || direction.equals("sendonly")
                        ? "a=msid:stream1 videotrack1\r\n" : "")
                + "a=rtcp-mux\r\n"
                + "a=rtcp-rsize\r\n"
                + "a=rtpmap:96 VP8/90000\r\n"
                + "a=rtcp-fb:96 goog-remb\r\n"
                + "a=rtcp-fb:96 transport-cc\r\n"
                + "a=rtcp-fb:96 ccm fir\r\n"
                + "a=rtcp-fb:96 nack\r\n"
                + "a=rtcp-fb:96 nack pli\r\n"
                + "a=rtpmap:97 rtx/90000\r\n"
                + "a=fmtp:97 apt=96\r\n"
                + "a=rtpmap:98 VP9/90000\r\n"
                + "a=fmtp:98 profile-id=0\r\n"
                + "a=rtpmap:99 rtx/90000\r\n"
                + "a=fmtp:99 apt=98\r\n"
                + "a=rtpmap:102 H264/90000\r\n"
                + "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n"
                + "a=rtpmap:103 rtx/90000\r\n"
                + "a=fmtp:103 apt=102\r\n"
                + "a=rtpmap:45 AV1/90000\r\n"
                + (direction.equals("sendrecv") || direction.equals("sendonly")
                        ? "a=ssrc-group:FID " + ssrc + " " + (ssrc + 1) + "\r\n"
                        + "a=ssrc:" + ssrc + " cname:chromecname\r\n"
                        + "a=ssrc:" + (ssrc + 1) + " cname:chromecname\r\n" : "");
    }

    /**
     * Chrome's sendonly video with three simulcast encodings ({@code sendEncodings} with rids q, h, f): no SSRC
     * lines, the RID and repaired-RID extensions, {@code a=rid:<id> send} and {@code a=simulcast:send q;h;f}.
     */
    static String chromeSimulcastVideo(String mid) {
        String plain = chromeVideo(mid, "sendonly", 0).replace("a=ssrc-group:FID 0 1\r\n", "")
                .replace("a=ssrc:0 cname:chromecname\r\n", "").replace("a=ssrc:1 cname:chromecname\r\n", "");
        return plain.replace("a=extmap:13 urn:3gpp:video-orientation\r\n", "a=extmap:13 urn:3gpp:video-orientation\r\n"
                + "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n"
                + "a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id\r\n")
                + "a=rid:q send\r\na=rid:h send\r\na=rid:f send\r\na=simulcast:send q;h;f\r\n";
    }

    /** A video section offering only a format jrtc does not support (AV1's professional profile, 2). */
    static String unsupportedVideo(String mid) {
        return "m=video 9 UDP/TLS/RTP/SAVPF 45\r\n"
                + transport()
                + "a=mid:" + mid + "\r\n"
                + "a=sendrecv\r\n"
                + "a=rtcp-mux\r\n"
                + "a=rtpmap:45 AV1/90000\r\n"
                + "a=fmtp:45 profile=2\r\n";
    }

    /** An audio section offering only G.722, which jrtc does not support. */
    static String g722OnlyAudio(String mid) {
        return "m=audio 9 UDP/TLS/RTP/SAVPF 9\r\n"
                + transport()
                + "a=mid:" + mid + "\r\n"
                + "a=sendrecv\r\n"
                + "a=rtcp-mux\r\n"
                + "a=rtpmap:9 G722/8000\r\n";
    }

    static String chromeData(String mid) {
        return "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"
                + "c=IN IP4 0.0.0.0\r\n"
                + "a=ice-ufrag:Chrm\r\n"
                + "a=ice-pwd:abcdefghijklmnopqrstuvwx\r\n"
                + "a=ice-options:trickle\r\n"
                + "a=fingerprint:" + FINGERPRINT + "\r\n"
                + "a=setup:actpass\r\n"
                + "a=mid:" + mid + "\r\n"
                + "a=sctp-port:5000\r\n"
                + "a=max-message-size:262144\r\n";
    }

    /**
     * aiortc's offer of one sendrecv audio track and one sendrecv video track: opus on 96, VP8 on 97 with rtx on
     * 98, H.264 on 99, candidates and end-of-candidates in the description.
     */
    static String aiortcAudioVideo() {
        String ice = "a=ice-ufrag:aior\r\na=ice-pwd:aiortcpasswordaiortcpassword\r\n"
                + "a=fingerprint:" + FINGERPRINT + "\r\na=setup:actpass\r\n";
        return "v=0\r\n"
                + "o=- 3911000000 3911000000 IN IP4 0.0.0.0\r\n"
                + "s=-\r\n"
                + "t=0 0\r\n"
                + "a=group:BUNDLE 0 1\r\n"
                + "a=msid-semantic:WMS *\r\n"
                + "m=audio 50000 UDP/TLS/RTP/SAVPF 96 0 8\r\n"
                + "c=IN IP4 127.0.0.1\r\n"
                + "a=sendrecv\r\n"
                + "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                + "a=extmap:2 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
                + "a=mid:0\r\n"
                + "a=msid:aiortc-stream aiortc-audio\r\n"
                + "a=rtcp:9 IN IP4 0.0.0.0\r\n"
                + "a=rtcp-mux\r\n"
                + "a=ssrc:1111 cname:aiortc-cname\r\n"
                + "a=rtpmap:96 opus/48000/2\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=candidate:1 1 udp 2130706431 127.0.0.1 50000 typ host\r\n"
                + "a=end-of-candidates\r\n"
                + ice
                + "m=video 50000 UDP/TLS/RTP/SAVPF 97 98 99\r\n"
                + "c=IN IP4 127.0.0.1\r\n"
                + "a=sendrecv\r\n"
                + "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                + "a=extmap:3 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n"
                + "a=mid:1\r\n"
                + "a=msid:aiortc-stream aiortc-video\r\n"
                + "a=rtcp:9 IN IP4 0.0.0.0\r\n"
                + "a=rtcp-mux\r\n"
                + "a=ssrc-group:FID 2222 3333\r\n"
                + "a=ssrc:2222 cname:aiortc-cname\r\n"
                + "a=ssrc:3333 cname:aiortc-cname\r\n"
                + "a=rtpmap:97 VP8/90000\r\n"
                + "a=rtcp-fb:97 nack\r\n"
                + "a=rtcp-fb:97 nack pli\r\n"
                + "a=rtcp-fb:97 goog-remb\r\n"
                + "a=rtpmap:98 rtx/90000\r\n"
                + "a=fmtp:98 apt=97\r\n"
                + "a=rtpmap:99 H264/90000\r\n"
                + "a=rtcp-fb:99 nack\r\n"
                + "a=rtcp-fb:99 nack pli\r\n"
                + "a=fmtp:99 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f\r\n"
                + "a=candidate:1 1 udp 2130706431 127.0.0.1 50000 typ host\r\n"
                + "a=end-of-candidates\r\n"
                + ice;
    }

    static RTCSessionDescription offer(String sdp) {
        return new RTCSessionDescription(sdp, RTCSdpType.OFFER);
    }
}
