package io.jrtc.sample.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.jrtc.interop.AiortcPeer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GStreamer webrtcbin WHIP publisher (and WHEP viewer) of test resource {@code live/gst_whip_whep.py}, run by
 * Debian's python3 with its python3-gi. A publisher stays up until {@link #close()} closes its stdin; its JSON
 * lines are read as they come.
 */
final class GstreamerPeer implements AutoCloseable {
    private static final String SCRIPT = "/live/gst_whip_whep.py";
    static final long TIMEOUT_SECONDS = 60;

    private final Path script;
    private final Path stderr;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private GstreamerPeer(List<String> arguments) throws IOException {
        script = Files.createTempFile("gst_whip_whep", ".py");
        stderr = Files.createTempFile("gst_whip_whep", ".err");
        try (InputStream resource = GstreamerPeer.class.getResourceAsStream(SCRIPT)) {
            assertThat(resource).as(SCRIPT + " on the test classpath").isNotNull();
            Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(AiortcPeer.PYTHON.toString(), "-u", script.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        // Only Debian's own packages, as for aiortc; GStreamer may not look for a display.
        Map<String, String> environment = builder.environment();
        environment.remove("PYTHONPATH");
        environment.remove("PYTHONHOME");
        environment.put("PYTHONNOUSERSITE", "1");
        environment.remove("DISPLAY");
        process = builder.start();
        Thread reader = new Thread(this::readLines, "gst-whip-whep-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Publishes {@code codec} ("h264", "vp9", "h265") at the size; {@link #awaitConnected()} waits for it. */
    static GstreamerPeer publisher(String baseUrl, String stream, String codec, int width, int height)
            throws IOException {
        return new GstreamerPeer(List.of(baseUrl, stream, codec, Integer.toString(width), Integer.toString(height),
                "publish"));
    }

    /** Publishes and plays back with a GStreamer viewer until {@code frames} are decoded; see {@link #result()}. */
    static GstreamerPeer publisherAndViewer(String baseUrl, String stream, String codec, int width, int height,
            int frames) throws IOException {
        return new GstreamerPeer(List.of(baseUrl, stream, codec, Integer.toString(width), Integer.toString(height),
                "view", Integer.toString(frames)));
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("{")) {
                    lines.add(line);
                }
            }
        } catch (IOException ended) {
            // the process is gone; the waiting side reports it
        }
    }

    /** The next JSON line, failing with the script's stderr when none comes in time or it names an error. */
    JsonNode nextLine() throws Exception {
        String line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(line).as("a JSON line from the GStreamer peer within %d s; stderr:%n%s", TIMEOUT_SECONDS,
                stderrText()).isNotNull();
        JsonNode node = JsonMapper.builder().build().readTree(line);
        assertThat(node.has("error")).as("GStreamer peer: %s%nstderr:%n%s", node.path("error"), stderrText())
                .isFalse();
        return node;
    }

    /** Waits until the publisher is connected. */
    void awaitConnected() throws Exception {
        assertThat(nextLine().has("connected")).isTrue();
    }

    /** The final JSON line (after the viewer is done, or after {@link #close()} for a publisher). */
    JsonNode result() throws Exception {
        return nextLine();
    }

    private String stderrText() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    /** Closes the publisher's stdin (it DELETEs its session and exits) and waits for the process. */
    @Override
    public void close() throws Exception {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(stderr);
        }
    }
}
