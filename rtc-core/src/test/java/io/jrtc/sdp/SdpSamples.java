package io.jrtc.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Real descriptions captured from Chromium 156 and aiortc 1.4.0 (Debian bookworm), CRLF as sent. */
final class SdpSamples {
    static final String CHROMIUM_OFFER = "chromium-offer.sdp";
    static final String CHROMIUM_ANSWER = "chromium-answer.sdp";
    static final String AIORTC_OFFER = "aiortc-offer.sdp";
    static final String AIORTC_ANSWER = "aiortc-answer.sdp";
    static final List<String> ALL = List.of(CHROMIUM_OFFER, CHROMIUM_ANSWER, AIORTC_OFFER, AIORTC_ANSWER);

    private SdpSamples() {
    }

    static String load(String name) {
        try (InputStream in = SdpSamples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
