package io.jrtc.whip;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCIceServer;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.Subscription;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The offer-answer exchange WHIP and WHEP share: OPTIONS for ICE servers when asked, POST, answer, trickle. */
final class SignalingClient {
    private final URI endpoint;
    private final HttpSignaling http;
    private final boolean trickle;
    private final boolean iceServersFromOptions;
    private final RTCConfiguration configuration;

    SignalingClient(SignalingSettings<?> settings) {
        this.endpoint = settings.endpoint;
        HttpClient client = settings.http != null ? settings.http
                : HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(settings.timeout).build();
        this.http = new HttpSignaling(client, settings.bearerToken, settings.timeout, settings.retries,
                settings.maxRetryDelay);
        this.trickle = settings.trickle;
        this.iceServersFromOptions = settings.iceServersFromOptions;
        this.configuration = settings.configuration;
    }

    CompletableFuture<SignalingSession> start(Function<RTCConfiguration, RTCPeerConnection> factory) {
        CompletableFuture<List<RTCIceServer>> announced = iceServersFromOptions
                ? http.options(endpoint).thenApply(response -> response.statusCode() / 100 == 2
                        ? IceServerLinks.parse(response.headers().allValues("Link")) : List.<RTCIceServer>of())
                : CompletableFuture.completedFuture(List.of());
        return announced.thenCompose(servers -> signal(factory.apply(withServers(servers))));
    }

    private RTCConfiguration withServers(List<RTCIceServer> announced) {
        if (announced.isEmpty()) {
            return configuration;
        }
        List<RTCIceServer> servers = new ArrayList<>(configuration.getIceServers());
        servers.addAll(announced);
        return new RTCConfiguration(servers, configuration.getCertificates())
                .withIceTransportPolicy(configuration.getIceTransportPolicy());
    }

    /**
     * Sets the local offer, POSTs it (at once when trickling, else with every candidate), applies the answer and
     * starts trickling what was gathered after the POST. A refusal closes the connection.
     */
    CompletableFuture<SignalingSession> signal(RTCPeerConnection pc) {
        List<RTCIceCandidate> gathered = new ArrayList<>();
        boolean[] complete = {false};
        Subscription early = pc.onIceCandidate(candidate -> {
            synchronized (gathered) {
                if (candidate == null) {
                    complete[0] = true;
                } else {
                    gathered.add(candidate);
                }
            }
        });
        CompletableFuture<Void> offered = pc.setLocalDescription();
        if (!trickle) {
            offered = offered.thenCompose(ignored -> pc.gatheringComplete());
        }
        return offered.thenCompose(ignored -> {
            String offer = pc.getLocalDescription().sdp();
            return http.postOffer(endpoint, offer).thenCompose(created -> {
                SignalingSession session = new SignalingSession(http, pc, offer, created);
                return pc.setRemoteDescription(new RTCSessionDescription(created.body(), RTCSdpType.ANSWER))
                        .thenApply(applied -> {
                            // Subscribed before the early listener goes, so no candidate falls between the two;
                            // one that both saw is sent once.
                            session.startTrickle();
                            early.close();
                            synchronized (gathered) {
                                session.trickleGatheredBefore(List.copyOf(gathered), complete[0]);
                            }
                            return session;
                        });
            });
        }).whenComplete((session, failure) -> {
            if (failure != null) {
                early.close();
                pc.close();
            }
        });
    }
}
