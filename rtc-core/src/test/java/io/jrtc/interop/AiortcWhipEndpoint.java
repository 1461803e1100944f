package io.jrtc.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WHIP and WHEP endpoint made of aiortc ({@code interop/aiortc_whip_endpoint.py}, Debian's python3-aiortc): the
 * other stack that jrtc's WHIP and WHEP clients are tested against.
 */
final class AiortcWhipEndpoint implements AutoCloseable {
    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\": (\\d+)");
    private final Process process;
    private final Path script;
    private final List<String> log = new ArrayList<>();
    private final URI base;

    /** Starts the endpoint; with a non-null {@code token}, requests must carry it as a bearer token. */
    AiortcWhipEndpoint(String token) throws IOException {
        script = Files.createTempFile("aiortc_whip_endpoint", ".py");
        try (InputStream source = AiortcWhipEndpoint.class.getResourceAsStream("/interop/aiortc_whip_endpoint.py")) {
            Files.copy(source, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder builder = new ProcessBuilder(AiortcPeer.PYTHON.toString(), "-u", script.toString(),
                token == null ? "" : token);
        builder.environment().remove("PYTHONPATH");
        builder.environment().put("PYTHONNOUSERSITE", "1");
        process = builder.start();
        Thread stderr = new Thread(() -> drain(process.getErrorStream()), "aiortc-whip-stderr");
        stderr.setDaemon(true);
        stderr.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null) {
            throw new IOException("the aiortc endpoint ended before listening: " + log());
        }
        Matcher port = NUMBER.matcher(first);
        if (!port.find()) {
            throw new IOException("unexpected first line from the aiortc endpoint: " + first);
        }
        base = URI.create("http://127.0.0.1:" + port.group(2) + "/");
    }

    URI url(String path) {
        return base.resolve(path);
    }

    /** One figure of {@code GET /stats}: audio_frames, video_frames, candidates, end_of_candidates, sessions... */
    long stat(String name) throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("stats")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher figure = NUMBER.matcher(body);
        while (figure.find()) {
            if (figure.group(1).equals(name)) {
                return Long.parseLong(figure.group(2));
            }
        }
        throw new IllegalArgumentException("no " + name + " in " + body);
    }

    synchronized String log() {
        return String.join("\n", log);
    }

    private void drain(InputStream stderr) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (this) {
                    log.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(script);
    }
}
