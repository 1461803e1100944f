package io.jrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random, truncated and mutated input never throws anything but {@link SrtpException} from a receiver, and random
 * RTP headers and payloads round-trip in every profile.
 */
class SrtpProperties {
    private static final SrtpProfile[] PROFILES = SrtpProfile.values();

    private static void unprotectBoth(SrtpReceiver receiver, byte[] bytes, int length) {
        try {
            receiver.unprotectRtp(bytes.clone(), length);
        } catch (SrtpException expected) {
            // the only exception unprotect may throw for network bytes
        }
        try {
            receiver.unprotectRtcp(bytes.clone(), length);
        } catch (SrtpException expected) {
            // as above
        }
    }

    @Property(tries = 500)
    void randomBytesOnlyThrowSrtpException(@ForAll @IntRange(max = 3) int profile,
            @ForAll @Size(max = 120) byte[] bytes) {
        unprotectBoth(SrtpRoundTripTest.receiver(PROFILES[profile]), bytes, bytes.length);
    }

    @Property(tries = 500)
    void randomBytesBehindAnRtpVersionOnlyThrowSrtpException(@ForAll @IntRange(max = 3) int profile,
            @ForAll @Size(min = 1, max = 120) byte[] bytes) {
        bytes[0] = (byte) (0x80 | bytes[0] & 0x3F);
        unprotectBoth(SrtpRoundTripTest.receiver(PROFILES[profile]), bytes, bytes.length);
    }

    @Property(tries = 500)
    void truncatedAndMutatedPacketsOnlyThrowSrtpException(@ForAll @IntRange(max = 3) int profile,
            @ForAll @IntRange(max = 15) int csrcs, @ForAll @IntRange(min = -1, max = 4) int extensionWords,
            @ForAll @IntRange(max = 200) int cut, @ForAll @IntRange(max = 200) int flipAt, @ForAll byte flip)
            throws SrtpException {
        SrtpProfile chosen = PROFILES[profile];
        SrtpSender sender = SrtpRoundTripTest.sender(chosen);
        byte[] srtp = SrtpRoundTripTest.protectRtp(sender,
                TestPackets.rtp(cut, 42, csrcs, extensionWords, 0, TestPackets.payload(cut % 40, cut)));
        byte[] srtcp = SrtpRoundTripTest.protectRtcp(sender, TestPackets.rtcp(42));
        SrtpReceiver receiver = SrtpRoundTripTest.receiver(chosen);
        for (byte[] packet : new byte[][] {srtp, srtcp}) {
            // the genuine packet first, so that mutations also meet a receiver with state for the SSRC
            unprotectBoth(receiver, packet, Math.min(cut, packet.length));
            byte[] mutated = packet.clone();
            mutated[flipAt % mutated.length] ^= flip;
            unprotectBoth(receiver, mutated, Math.min(cut, mutated.length));
        }
    }

    @Property(tries = 300)
    void randomRtpPacketsRoundTrip(@ForAll @IntRange(max = 3) int profile, @ForAll @IntRange(max = 65535) int seq,
            @ForAll int ssrc, @ForAll @IntRange(max = 15) int csrcs,
            @ForAll @IntRange(min = -1, max = 6) int extensionWords, @ForAll @IntRange(max = 255) int padding,
            @ForAll @Size(max = 300) byte[] payload) throws SrtpException {
        SrtpProfile chosen = PROFILES[profile];
        byte[] plain = TestPackets.rtp(seq, ssrc, csrcs, extensionWords, padding, payload);

        byte[] srtp = SrtpRoundTripTest.protectRtp(SrtpRoundTripTest.sender(chosen), plain);

        assertThat(srtp).hasSize(plain.length + chosen.rtpOverhead());
        assertThat(SrtpRoundTripTest.unprotectRtp(SrtpRoundTripTest.receiver(chosen), srtp)).isEqualTo(plain);
    }

    @Property(tries = 300)
    void randomRtcpPacketsRoundTrip(@ForAll @IntRange(max = 3) int profile,
            @ForAll @Size(min = 8, max = 300) byte[] rtcp) throws SrtpException {
        SrtpProfile chosen = PROFILES[profile];
        rtcp[0] = (byte) (0x80 | rtcp[0] & 0x3F);

        byte[] srtcp = SrtpRoundTripTest.protectRtcp(SrtpRoundTripTest.sender(chosen), rtcp);

        assertThat(Arrays.copyOf(srtcp, 8)).isEqualTo(Arrays.copyOf(rtcp, 8));
        assertThat(SrtpRoundTripTest.unprotectRtcp(SrtpRoundTripTest.receiver(chosen), srtcp)).isEqualTo(rtcp);
    }
}
