package io.jrtc.spring.autoconfigure.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCIceServer;
import io.jrtc.pc.RTCIceTransportPolicy;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.turn.CoturnServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials from the shared secret against a real coturn that checks them ({@code use-auth-secret}): a
 * relay-only connection gets its relayed candidate with fresh ones, none with expired ones or another secret's.
 */
class TurnCredentialsCoturnTest {
    private static final String SECRET = "shared-with-coturn";

    @TempDir
    Path dir;

    @Test
    void coturnAcceptsFreshCredentialsAndRefusesExpiredOrForeignOnes() throws Exception {
        try (CoturnServer coturn = new CoturnServer(dir, "--use-auth-secret", "--static-auth-secret=" + SECRET);
             RtcEngine engine = RtcEngine.create(RtcEngineSettings.defaults()
                     .withBindAddresses(List.of(InetAddress.getLoopbackAddress())))) {
            List<String> urls = List.of("turn:127.0.0.1:" + coturn.address().getPort());
            Clock now = Clock.systemUTC();
            Clock twoDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC);

            RTCIceServer fresh = new TurnCredentials(urls, SECRET, Duration.ofHours(1), now).issue("client");
            RTCIceServer expired = new TurnCredentials(urls, SECRET, Duration.ofHours(1), twoDaysAgo).issue("c");
            RTCIceServer foreign = new TurnCredentials(urls, "another-secret", Duration.ofHours(1), now).issue("c");

            assertThat(relayedCandidateLines(engine, fresh)).as(coturn.log()).hasSize(1);
            assertThat(relayedCandidateLines(engine, expired)).isEmpty();
            assertThat(relayedCandidateLines(engine, foreign)).isEmpty();
        }
    }

    private static List<String> relayedCandidateLines(RtcEngine engine, RTCIceServer turn) throws Exception {
        RTCPeerConnection pc = engine.newPeerConnection(new RTCConfiguration(List.of(turn))
                .withIceTransportPolicy(RTCIceTransportPolicy.RELAY));
        try {
            pc.createDataChannel("turn-check");
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            pc.gatheringComplete().get(20, TimeUnit.SECONDS);
            return pc.getLocalDescription().sdp().lines().filter(l -> l.startsWith("a=candidate:"))
                    .filter(l -> l.contains(" typ relay ")).toList();
        } finally {
            pc.close().get(10, TimeUnit.SECONDS);
        }
    }
}
