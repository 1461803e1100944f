package io.jrtc.sample.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * aiortc sends a 640x480 colour test pattern (VP8) to {@code POST /echo?video-transform=grayscale} (test resource
 * {@code echo/aiortc_transform_echo.py}) and decodes what comes back: the server decoded each picture, took its
 * colour away and encoded it again. Every measured frame is at the sent size, its chroma flat, its luma within
 * 30 dB of the sent frame's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
class EchoTransformAiortcTest {
    private static final String SCRIPT = "/echo/aiortc_transform_echo.py";
    private static final int FRAMES = 30;

    @LocalServerPort
    int port;

    @Test
    void aiortcGetsItsColourPatternBackInGreyAtItsSizeAndLuma() throws Exception {
        JsonNode result = EchoMediaAiortcTest.run(SCRIPT,
                "http://127.0.0.1:" + port + "/echo?video-transform=grayscale", FRAMES);
        System.out.println("aiortc grayscale echo: " + result);

        assertThat(result.has("error")).as("error: %s", result.path("error")).isFalse();
        assertThat(result.get("postStatus").asInt()).isEqualTo(201);
        assertThat(result.get("frames").asInt()).isEqualTo(FRAMES);
        assertThat(result.get("sizes").valueStream().map(JsonNode::asString).toList()).containsExactly("640x480");
        assertThat(result.get("meanU").asDouble()).as("average U").isBetween(126.0, 130.0);
        assertThat(result.get("meanV").asDouble()).as("average V").isBetween(126.0, 130.0);
        List<Double> psnr = result.get("lumaPsnr").valueStream().map(JsonNode::asDouble).toList();
        assertThat(psnr).as("luma PSNR of each frame against the sent frame's, dB")
                .allSatisfy(db -> assertThat(db).isGreaterThanOrEqualTo(30.0));
        assertThat(result.get("deleteStatus").asInt()).isEqualTo(200);
    }
}
