package io.jrtc.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample service as the echo benchmark sees it over HTTP: WHIP-style {@code POST /echo} and {@code DELETE} of
 * the session, and single values of Actuator metrics (heap used, live threads).
 */
final class EchoBenchService {
    /** A 201 answer: where the session lives and its SDP. */
    record Answer(URI location, String sdp) {
    }

    private static final Pattern VALUE = Pattern.compile("\"statistic\"\\s*:\\s*\"(?:VALUE|COUNT|TOTAL)\"\\s*,\\s*\"value\"\\s*:\\s*"
            + "([-0-9.eE+]+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI base;
    private final HttpClient http;

    EchoBenchService(URI base) {
        this.base = base;
        // HTTP/1.1 without upgrade: the service speaks plain HTTP/1.1, and h2c upgrade attempts only add noise.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** POSTs the offer to /echo; anything but 201 with a Location is an {@link IOException}. */
    Answer postOffer(String offerSdp) throws IOException, InterruptedException {
        return postOffer("/echo", offerSdp);
    }

    /** POSTs the offer to {@code path} (/echo with a query); anything but 201 with a Location is an IOException. */
    Answer postOffer(String path, String offerSdp) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(offerSdp))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("POST /echo answered " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IOException("POST /echo answered 201 without Location"));
        return new Answer(base.resolve(location), response.body());
    }

    void delete(URI session) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(session).timeout(TIMEOUT).DELETE().build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("DELETE " + session.getPath() + " answered " + response.statusCode());
        }
    }

    boolean isHealthy() {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/actuator/health")).timeout(TIMEOUT).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The first measurement (VALUE of a gauge, COUNT of a counter) of an Actuator metric in its base unit, e.g.
     * {@code jvm.memory.used?tag=area:heap} in bytes, {@code process.cpu.time} in ns; NaN when unavailable.
     */
    double metric(String nameAndTags) {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/actuator/metrics/" + nameAndTags))
                    .timeout(TIMEOUT).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher matcher = VALUE.matcher(response.body());
            return response.statusCode() == 200 && matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
