package io.jrtc.sample.soak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jrtc.media.ToneAudioTrack;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;

/**
 * The soak's clients: one create, connect, exchange, close cycle through the REST API (a data channel the client
 * opens, a message the service sends on it through {@code POST .../messages}), or through WHIP and WHEP (a
 * publisher's tone, played to a viewer until its first audio frame). A vanishing client goes through a
 * {@link VanishingRelay} and disappears without DELETE; the cycle then returns the service's connection ids it left
 * behind, for the soak to watch them go.
 */
final class SoakClient {
    private static final long STEP_SECONDS = 20;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CHANNEL_ID = Pattern.compile("\"channelId\"\\s*:\\s*\"([^\"]+)\"");

    private final URI base;
    private final RtcEngine engine;
    private final InetSocketAddress serviceUdp;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** @param serviceUdp the service's shared UDP port on loopback, where a vanishing client's relay leads */
    SoakClient(URI base, RtcEngine engine, InetSocketAddress serviceUdp) {
        this.base = base;
        this.engine = engine;
        this.serviceUdp = serviceUdp;
    }

    /** A REST cycle; returns the connection a vanished client left, or nothing. */
    List<String> restCycle(boolean vanish) throws Exception {
        String id = match(ID, send(HttpRequest.newBuilder(base.resolve("/api/rtc/peer-connections"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")), 201));
        URI connection = base.resolve("/api/rtc/peer-connections/" + id);
        RTCPeerConnection pc = engine.newPeerConnection(new RTCConfiguration());
        VanishingRelay relay = vanish ? new VanishingRelay(serviceUdp) : null;
        try {
            RTCDataChannel channel = pc.createDataChannel("soak");
            CompletableFuture<Void> open = new CompletableFuture<>();
            CompletableFuture<String> received = new CompletableFuture<>();
            channel.onOpen(() -> open.complete(null));
            channel.onMessage(message -> received.complete(message.text()));
            String answer = send(sdpPost(URI.create(connection + "/offer?waitForGathering=true"), offer(pc, relay)),
                    200);
            accept(pc, answer, relay);
            await(open, "our channel open");
            String channelId = serviceChannel(connection);
            send(HttpRequest.newBuilder(URI.create(connection + "/data-channels/" + channelId + "/messages"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("ping")), 204);
            if (!"ping".equals(await(received, "the service's message"))) {
                throw new IllegalStateException("the service's message did not arrive intact");
            }
            if (!vanish) {
                send(HttpRequest.newBuilder(connection).DELETE(), 204, 200);
            }
        } finally {
            end(pc, relay);
        }
        return vanish ? List.of(id) : List.of();
    }

    /** A WHIP publish and a WHEP play of its stream; returns the sessions vanished clients left, or nothing. */
    List<String> whipCycle(String stream, boolean vanish) throws Exception {
        RTCPeerConnection publisher = engine.newPeerConnection(new RTCConfiguration());
        RTCPeerConnection viewer = engine.newPeerConnection(new RTCConfiguration());
        ToneAudioTrack tone = new ToneAudioTrack(440, 8000);
        VanishingRelay publisherRelay = vanish ? new VanishingRelay(serviceUdp) : null;
        VanishingRelay viewerRelay = vanish ? new VanishingRelay(serviceUdp) : null;
        List<String> sessions = new ArrayList<>();
        try {
            publisher.addTransceiver(tone, RTCRtpTransceiverDirection.SENDONLY);
            URI published = join(publisher, publisherRelay, URI.create(base + "/whip/" + stream), sessions);
            viewer.addTransceiver("audio", RTCRtpTransceiverDirection.RECVONLY);
            URI played = join(viewer, viewerRelay, URI.create(base + "/whep/" + stream), sessions);
            await(viewer.getTransceivers().get(0).getReceiver().getTrack().recv(), "the viewer's first audio frame");
            if (!vanish) {
                send(HttpRequest.newBuilder(played).DELETE(), 200, 204);
                send(HttpRequest.newBuilder(published).DELETE(), 200, 204);
            }
        } finally {
            tone.stop();
            end(viewer, viewerRelay);
            end(publisher, publisherRelay);
        }
        return vanish ? sessions : List.of();
    }

    /**
     * The service's id of the channel we opened: our side counts it open once its DATA_CHANNEL_OPEN is sent, so
     * the service may take a moment longer to list it.
     */
    private String serviceChannel(URI connection) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        while (true) {
            String channels = send(HttpRequest.newBuilder(URI.create(connection + "/data-channels")).GET(), 200);
            if (CHANNEL_ID.matcher(channels).find() || System.nanoTime() > end) {
                return match(CHANNEL_ID, channels);
            }
            Thread.sleep(10);
        }
    }

    private static <T> T await(CompletableFuture<T> future, String what) throws Exception {
        try {
            return future.get(STEP_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("no " + what + " within " + STEP_SECONDS + " s", e);
        }
    }

    /** POSTs the offer to a WHIP or WHEP endpoint, applies the answer, and returns the session's URL. */
    private URI join(RTCPeerConnection pc, VanishingRelay relay, URI endpoint, List<String> sessions)
            throws Exception {
        HttpResponse<String> created = http.send(sdpPost(endpoint, offer(pc, relay)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IOException("POST " + endpoint.getPath() + " answered " + created.statusCode());
        }
        URI session = endpoint.resolve(created.headers().firstValue("Location").orElseThrow());
        String path = session.getPath();
        sessions.add(path.substring(path.lastIndexOf('/') + 1));
        accept(pc, created.body(), relay);
        return session;
    }

    /** The complete offer; a vanishing client's without candidates, so the service knows it only by its relay. */
    private static String offer(RTCPeerConnection pc, VanishingRelay relay) throws Exception {
        await(pc.setLocalDescription(), "offer");
        await(pc.gatheringComplete(), "our gathering");
        String sdp = pc.getLocalDescription().sdp();
        return relay == null ? sdp : sdp.replaceAll("a=candidate:[^\r\n]*\r\n", "");
    }

    /** Applies the answer; through a relay, its candidates are replaced by the relay's one. */
    private static void accept(RTCPeerConnection pc, String answer, VanishingRelay relay) throws Exception {
        String sdp = answer;
        if (relay != null) {
            String only = "a=candidate:1 1 udp 2130706431 127.0.0.1 " + relay.clientFacingPort() + " typ host\r\n";
            sdp = answer.replaceFirst("a=candidate:[^\r\n]*\r\n", "RELAY-CANDIDATE")
                    .replaceAll("a=candidate:[^\r\n]*\r\n", "").replace("RELAY-CANDIDATE", only);
        }
        await(pc.setRemoteDescription(new RTCSessionDescription(sdp, RTCSdpType.ANSWER)), "applying the answer");
    }

    /** Closes our side; a vanishing client's relay first, so the service hears nothing of it. */
    private static void end(RTCPeerConnection pc, VanishingRelay relay) throws Exception {
        if (relay != null) {
            relay.close();
        }
        await(pc.close(), "our close");
    }

    private static HttpRequest.Builder sdpPost(URI uri, String sdp) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(sdp));
    }

    private String send(HttpRequest.Builder request, int... expected) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(STEP_SECONDS)).build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new IOException(built.method() + " " + built.uri().getPath() + " answered " + response.statusCode()
                + ": " + response.body());
    }

    private static String match(Pattern pattern, String body) throws IOException {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IOException("no " + pattern + " in " + body);
        }
        return matcher.group(1);
    }
}
