package io.jrtc.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import io.jrtc.sample.SampleServiceApplication;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs the Node test of the TypeScript client ({@code src/test/typescript}, compiled by the build with the client
 * generated from openapi.yaml) against the sample service, with aiortc as the WebRTC peer and WHIP publisher.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true", "rtc.udp.port=0",
                "rtc.tcp.port=0" })
class TypeScriptClientTest {
    private static final Path BUILD = Path.of("target", "typescript", "build", "test");
    private static final long TIMEOUT_SECONDS = 120;
    /** Debian's Python, which has python3-aiortc (ensure-test-peers.sh installs it). */
    private static final String PYTHON = "/usr/bin/python3";

    @LocalServerPort
    int port;

    @Test
    void theGeneratedTypeScriptClientPassesItsNodeTest() throws Exception {
        Path script = Files.createTempFile("aiortc_peer", ".py");
        Path output = Files.createTempFile("typescript-client", ".log");
        try {
            try (InputStream resource = getClass().getResourceAsStream("/typescript/aiortc_peer.py")) {
                assertThat(resource).as("the aiortc peer script on the test classpath").isNotNull();
                Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(BUILD.resolve("rest-flow.test.js")).as("compiled by the build (npm run build)").exists();
            ProcessBuilder builder = new ProcessBuilder("node", "--test", BUILD.resolve("rest-flow.test.js").toString());
            builder.environment().put("JRTC_BASE_URL", "http://127.0.0.1:" + port);
            builder.environment().put("JRTC_PYTHON", PYTHON);
            builder.environment().put("JRTC_PEER_SCRIPT", script.toString());
            builder.redirectErrorStream(true).redirectOutput(output.toFile());
            Process node = builder.start();
            boolean exited = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!exited) {
                node.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String log = Files.readString(output);
            System.out.println(log);
            assertThat(exited).as("node --test ends within %d s:%n%s", TIMEOUT_SECONDS, log).isTrue();
            assertThat(node.exitValue()).as("node --test passes:%n%s", log).isZero();
            assertThat(log).contains("# pass 1").contains("# fail 0");
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(output);
        }
    }
}
