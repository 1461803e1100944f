package io.jrtc.pc;

import java.nio.charset.StandardCharsets;

/** One received data-channel message: text (UTF-8) or binary. */
public record RTCDataChannelMessage(boolean binary, byte[] data) {
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
