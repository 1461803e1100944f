package io.jrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Two associations wired back to back in one thread, no loss, no delay: how fast the engine itself moves data.
 * Prints the rates once (surefire keeps them in the -output.txt report); asserts only correctness.
 */
class InMemoryThroughputTest {

    private static final class Pair {
        final SctpAssociation a = new SctpAssociation(SctpConfig.defaults().withRandomSeed(7));
        final SctpAssociation b = new SctpAssociation(SctpConfig.defaults().withRandomSeed(8));
        long now = 1_000_000_000L;
        long receivedBytes;
        long receivedMessages;
        boolean corrupt;
        int expectedFirstByte;

        Pair() {
            a.connect(now);
            pump();
            assertThat(a.state()).isEqualTo(SctpState.ESTABLISHED);
            assertThat(b.state()).isEqualTo(SctpState.ESTABLISHED);
            while (a.pollEvent() != null) {
                continue;
            }
        }

        /** Moves packets both ways and takes b's messages until nothing moves. */
        void pump() {
            boolean moved = true;
            while (moved) {
                moved = false;
                now += 1_000;
                byte[] p;
                while ((p = a.pollTransmit()) != null) {
                    b.handleReceive(now, p, 0, p.length);
                    moved = true;
                }
                SctpEvent e;
                while ((e = b.pollEvent()) != null) {
                    if (e instanceof SctpEvent.MessageReceived m) {
                        receivedBytes += m.data().length;
                        receivedMessages++;
                        corrupt |= (m.data()[0] & 0xFF) != (expectedFirstByte++ & 0xFF);
                    }
                }
                while ((p = b.pollTransmit()) != null) {
                    a.handleReceive(now, p, 0, p.length);
                    moved = true;
                }
                while (a.pollEvent() != null) {
                    moved = true;
                }
            }
        }

        /** Sends {@code count} messages of {@code size}, keeping at most {@code window} bytes buffered. */
        void transfer(int count, int size, long window) {
            byte[][] templates = new byte[256][];
            for (int i = 0; i < 256; i++) {
                templates[i] = new byte[size];
                Arrays.fill(templates[i], (byte) i);
            }
            int sent = 0;
            while (receivedMessages < count) {
                while (sent < count && a.bufferedAmount() < window) {
                    a.send(now, 0, 53, templates[sent & 0xFF], false, null, null);
                    sent++;
                }
                pump();
            }
        }
    }

    @Test
    void sixtyFourMebibytesOfSixteenKibibyteMessages() {
        Pair warmup = new Pair();
        warmup.transfer(2048, 16384, 8 << 20);
        Pair pair = new Pair();
        int count = 4096;
        long start = System.nanoTime();
        pair.transfer(count, 16384, 8 << 20);
        long elapsed = System.nanoTime() - start;
        assertThat(pair.receivedBytes).isEqualTo(64L << 20);
        assertThat(pair.corrupt).isFalse();
        double mbPerSecond = pair.receivedBytes / (elapsed / 1e9) / 1e6;
        System.out.printf("SCTP in-memory: 64 MiB of 16 KiB messages in %.0f ms = %.0f MB/s (%d packets a->b)%n",
                elapsed / 1e6, mbPerSecond, pair.a.stats().packetsSent());
    }

    @Test
    void smallMessagesPerSecond() {
        Pair warmup = new Pair();
        warmup.transfer(100_000, 1024, 1 << 20);
        Pair pair = new Pair();
        int count = 300_000;
        long start = System.nanoTime();
        pair.transfer(count, 1024, 1 << 20);
        long elapsed = System.nanoTime() - start;
        assertThat(pair.receivedMessages).isEqualTo(count);
        assertThat(pair.corrupt).isFalse();
        System.out.printf("SCTP in-memory: %d messages of 1 KiB in %.0f ms = %.0f messages/s%n", count,
                elapsed / 1e6, count / (elapsed / 1e9));
    }
}
