package io.jrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** ChannelData parsing throws nothing but TurnParseException; valid messages round-trip, padded or not. */
class ChannelDataProperties {
    @Property(tries = 800)
    void randomBytesOnlyThrowParseException(@ForAll @Size(max = 40) byte[] bytes,
            @ForAll @IntRange(max = 40) int cut) {
        int len = Math.min(cut, bytes.length);
        ChannelData.isChannelData(bytes, 0, len);
        try {
            ChannelData cd = ChannelData.parse(bytes, 0, len);
            assertThat(cd.data().length)
                    .isBetween(len - ChannelData.HEADER_LENGTH - 3, len - ChannelData.HEADER_LENGTH);
        } catch (TurnParseException expected) {
            // the only exception parse may throw
        }
    }

    @Property(tries = 300)
    void truncationsOfValidMessagesOnlyThrowParseException(
            @ForAll @IntRange(min = ChannelData.MIN_CHANNEL, max = ChannelData.MAX_CHANNEL) int channel,
            @ForAll @Size(max = 64) byte[] data, @ForAll @IntRange(max = 3) int padding,
            @ForAll @IntRange(max = 80) int cut) throws Exception {
        byte[] encoded = new ChannelData(channel, data).encode();
        byte[] padded = java.util.Arrays.copyOf(encoded, encoded.length + padding);

        assertThat(ChannelData.isChannelData(padded, 0, padded.length)).isTrue();
        assertThat(ChannelData.parse(padded, 0, padded.length)).isEqualTo(new ChannelData(channel, data));
        try {
            ChannelData.parse(padded, 0, Math.min(cut, padded.length));
        } catch (TurnParseException expected) {
            // a cut into the data must be rejected, never thrown as anything else
        }
    }
}
