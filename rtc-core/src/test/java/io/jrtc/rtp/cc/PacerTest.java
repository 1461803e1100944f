package io.jrtc.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacer on virtual time: media spread at 2.5 times the target, probes at their own rate with padding. */
class PacerTest {
    private static final long MS = 1_000_000L;

    @Test
    void aBurstLeavesSpreadAtTheProbingFactorTimesTheTarget() {
        Pacer pacer = new Pacer(400_000);  // paces at 1 Mbit/s: 125 bytes a millisecond
        byte[] packet = new byte[1000];
        for (int i = 0; i < 10; i++) {
            pacer.enqueue(packet, packet.length, 16);
        }
        List<Long> sentAt = new ArrayList<>();
        for (long now = 0; now < 200 * MS; now += MS) {
            for (Pacer.Outgoing out = pacer.poll(now); out != null; out = pacer.poll(now)) {
                assertThat(out.packet()).hasSize(1016);
                sentAt.add(now);
            }
        }
        assertThat(sentAt).hasSize(10);
        assertThat(sentAt.get(9) - sentAt.get(0)).isBetween(60 * MS, 90 * MS);  // 10 kB at 1 Mbit/s: 80 ms
    }

    @Test
    void aProbeWithNothingQueuedPadsToItsSizeAtItsRate() {
        Pacer pacer = new Pacer(300_000);
        ProbeCluster probe = ProbeCluster.at(1, 2_000_000);
        pacer.addProbe(probe);
        long bytes = 0;
        long last = 0;
        for (long now = 0; now < 100 * MS; now += MS) {
            for (Pacer.Outgoing out = pacer.poll(now); out != null; out = pacer.poll(now)) {
                assertThat(out.isPadding()).isTrue();
                assertThat(out.probeClusterId()).isEqualTo(1);
                assertThat(out.length()).isLessThanOrEqualTo(Pacer.MAX_PADDING);
                bytes += out.length();
                last = now;
            }
        }
        assertThat(bytes).isGreaterThanOrEqualTo(probe.minBytes());
        assertThat(last).isBetween(25 * MS, 35 * MS);  // 7.5 kB at 2 Mbit/s: 30 ms
        assertThat(pacer.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }
}
