package io.jrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Every TURN attribute decoder throws nothing but StunParseException, and valid values round-trip. */
class TurnAttributeProperties {
    private static final int[] TYPES = {
        StunAttributeType.LIFETIME, StunAttributeType.REQUESTED_TRANSPORT, StunAttributeType.CHANNEL_NUMBER,
        StunAttributeType.DATA, StunAttributeType.XOR_PEER_ADDRESS, StunAttributeType.XOR_RELAYED_ADDRESS
    };

    @Property(tries = 600)
    void randomValuesOnlyThrowParseException(@ForAll @IntRange(max = 5) int which,
            @ForAll @Size(max = 40) byte[] value, @ForAll @Size(12) byte[] tid, @ForAll @IntRange(max = 40) int cut) {
        int len = Math.min(cut, value.length);
        try {
            StunAttribute a = StunAttributeCodec.decode(TYPES[which], value, 0, len, tid);
            byte[] encoded = a.encodeValue(tid);
            StunAttribute again = StunAttributeCodec.decode(TYPES[which], encoded, 0, encoded.length, tid);
            assertThat(again).isEqualTo(a);
        } catch (StunParseException expected) {
            // the only exception decode may throw
        }
    }

    @Property(tries = 300)
    void validValuesRoundTrip(@ForAll @IntRange(max = 0xFFFF) int channel, @ForAll @IntRange(max = 255) int protocol,
            @ForAll long lifetime, @ForAll @Size(max = 64) byte[] data) throws Exception {
        StunAttribute[] attributes = {
            new ChannelNumberAttribute(channel), new RequestedTransportAttribute(protocol),
            new LifetimeAttribute(lifetime & 0xFFFF_FFFFL), new DataAttribute(data)
        };
        for (StunAttribute a : attributes) {
            byte[] v = a.encodeValue(StunAttributeCodecTest.TID);
            byte[] padded = Arrays.copyOf(v, v.length + 3);
            assertThat(StunAttributeCodec.decode(a.type(), padded, 0, v.length, StunAttributeCodecTest.TID))
                    .isEqualTo(a);
        }
    }
}
