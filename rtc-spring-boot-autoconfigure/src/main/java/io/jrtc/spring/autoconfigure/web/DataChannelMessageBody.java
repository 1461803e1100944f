package io.jrtc.spring.autoconfigure.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One data-channel message as JSON, for clients that only send JSON bodies (generated ones): exactly one of
 * {@code text} or {@code binary} (base64, RFC 4648 section 4).
 */
@Schema(name = "DataChannelMessage")
public record DataChannelMessageBody(
        @Schema(description = "A text message", nullable = true) String text,
        @Schema(description = "A binary message, base64-encoded", nullable = true, format = "byte") String binary) {

    boolean isBinary() {
        return binary != null;
    }

    /** @throws IllegalArgumentException unless exactly one of text or binary is given, binary in base64 */
    byte[] payload() {
        if ((text == null) == (binary == null)) {
            throw new IllegalArgumentException("a message has exactly one of 'text' or 'binary'");
        }
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(binary);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'binary' is not base64: " + e.getMessage());
        }
    }
}
