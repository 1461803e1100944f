package io.jrtc.interop;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** A message received on a data channel: binary, or text as its UTF-8 bytes. */
public record ReceivedMessage(boolean binary, byte[] data) {

    public ReceivedMessage {
        data = data.clone();
    }

    public static ReceivedMessage text(String text) {
        return new ReceivedMessage(false, text.getBytes(StandardCharsets.UTF_8));
    }

    public static ReceivedMessage binary(byte[] data) {
        return new ReceivedMessage(true, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The payload decoded as UTF-8, meaningful for text messages. */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceivedMessage that && binary == that.binary && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Boolean.hashCode(binary) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        if (!binary) {
            return "text \"" + text() + "\"";
        }
        String hex = HexFormat.of().formatHex(data, 0, Math.min(data.length, 32));
        return "binary[" + data.length + "] " + hex + (data.length > 32 ? "..." : "");
    }
}
