package io.jrtc.sctp;

import static io.jrtc.sctp.SctpSimulation.ms;
import static io.jrtc.sctp.SctpSimulation.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.sctp.wire.ChunkType;
import org.junit.jupiter.api.Test;

class HandshakeSimulationTest {

    private static boolean firstChunkIs(byte[] packet, int type) {
        return packet.length > 12 && (packet[12] & 0xFF) == type;
    }

    @Test
    void activeAndPassiveSidesConnect() {
        SctpSimulation sim = new SctpSimulation(1);
        sim.a.association.connect(sim.now);
        assertThat(sim.runUntil(() -> sim.a.has(SctpEvent.Connected.class) && sim.b.has(SctpEvent.Connected.class),
                seconds(5))).isTrue();
        assertThat(sim.a.association.state()).isEqualTo(SctpState.ESTABLISHED);
        assertThat(sim.b.association.state()).isEqualTo(SctpState.ESTABLISHED);
        assertThat(sim.now - 1_000_000_000L).isLessThan(ms(50));
    }

    @Test
    void lostInitAndCookieEchoAreRetransmitted() {
        SctpSimulation sim = new SctpSimulation(2);
        int[] drops = {0, 0};
        sim.aToB.dropFilter = p -> {
            if (firstChunkIs(p, ChunkType.INIT) && drops[0]++ < 2) {
                return true;
            }
            return firstChunkIs(p, ChunkType.COOKIE_ECHO) && drops[1]++ < 1;
        };
        sim.a.association.connect(sim.now);
        assertThat(sim.runUntil(() -> sim.a.has(SctpEvent.Connected.class) && sim.b.has(SctpEvent.Connected.class),
                seconds(30))).isTrue();
        assertThat(drops[0]).isGreaterThanOrEqualTo(2);
        assertThat(drops[1]).isGreaterThanOrEqualTo(1);
        // 1 s + 2 s of T1-init back-off, then 4 s of T1-cookie: about 7 s of virtual time.
        assertThat(sim.now - 1_000_000_000L).isBetween(seconds(6), seconds(9));
    }

    @Test
    void initCollisionEstablishesOneAssociation() {
        SctpSimulation sim = new SctpSimulation(3);
        sim.a.association.connect(sim.now);
        sim.b.association.connect(sim.now);
        assertThat(sim.runUntil(() -> sim.a.has(SctpEvent.Connected.class) && sim.b.has(SctpEvent.Connected.class),
                seconds(5))).isTrue();
        sim.runFor(seconds(2));
        assertThat(sim.a.eventsOf(SctpEvent.Connected.class)).hasSize(1);
        assertThat(sim.b.eventsOf(SctpEvent.Connected.class)).hasSize(1);
        sim.a.association.send(sim.now, 1, 51, new byte[] {1, 2, 3}, false, null, null);
        sim.b.association.send(sim.now, 2, 51, new byte[] {4}, false, null, null);
        assertThat(sim.runUntil(() -> sim.a.has(SctpEvent.MessageReceived.class)
                && sim.b.has(SctpEvent.MessageReceived.class), seconds(2))).isTrue();
    }

    @Test
    void staleCookieMakesTheInitiatorStartOver() {
        SctpConfig patient = new SctpConfig(5000, 5000, 4L << 20, 1200, 65535, 65535, 256L << 10, seconds(1), ms(220),
                seconds(10), 20, 10, seconds(30), 0);
        SctpSimulation sim = new SctpSimulation(5, patient, SctpConfig.defaults());
        boolean[] staleReported = {false};
        // COOKIE ECHOs arrive 61 s late, after Valid.Cookie.Life, until the peer has reported a stale cookie.
        sim.aToB.extraDelay = p -> firstChunkIs(p, ChunkType.COOKIE_ECHO) && !staleReported[0] ? seconds(61) : 0;
        sim.bToA.dropFilter = p -> {
            staleReported[0] |= firstChunkIs(p, ChunkType.ERROR);
            return false;
        };
        sim.a.association.connect(sim.now);
        assertThat(sim.runUntil(() -> sim.a.has(SctpEvent.Connected.class) && sim.b.has(SctpEvent.Connected.class),
                seconds(120))).as(sim::describe).isTrue();
        assertThat(staleReported[0]).isTrue();
        assertThat(sim.now - 1_000_000_000L).isBetween(seconds(61), seconds(62));
    }

    @Test
    void unansweredInitGivesUp() {
        SctpSimulation sim = new SctpSimulation(4);
        sim.aToB.up = false;
        sim.a.association.connect(sim.now);
        assertThat(sim.runUntil(() -> sim.a.has(SctpEvent.Aborted.class), seconds(600))).isTrue();
        assertThat(sim.a.association.state()).isEqualTo(SctpState.CLOSED);
    }
}
