package io.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One data-channel scenario between every pair of stacks that matters: jrtc against real aiortc and real headless
 * Chromium, each in both roles, and aiortc against Chromium, which proves the harness itself: if that pair passes,
 * a failing jrtc case points at jrtc, not at the harness.
 *
 * <p>Prints how long each peer takes to start and to connect, and the bulk transfer times, to the test output.
 */
class DataChannelInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long BULK_BYTES = 10L << 20;
    private static final int BULK_CHUNK = 16 << 10;

    @ParameterizedTest(name = "{0} offers, {1} answers")
    @CsvSource({"jrtc, aiortc", "aiortc, jrtc", "jrtc, chromium", "chromium, jrtc", "aiortc, chromium",
        "chromium, aiortc"})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void dataChannelsWorkBetweenRealPeersInBothRoles(String offererName, String answererName) {
        Timings timings = new Timings(offererName + " -> " + answererName);
        try (InteropPeer offerer = timings.time(offererName + " start", () -> start(offererName));
                InteropPeer answerer = timings.time(answererName + " start", () -> start(answererName))) {
            try {
                connectWithChannelFromOfferer(offerer, answerer, timings);
                channelFromAnswererOpensAfterConnecting(offerer, answerer);
                negotiatedChannelOpensOnBothSides(offerer, answerer);
                textAndBinaryMessagesFlowBothWays(offerer, answerer);
                bulkTransferArrivesIntact(offerer, answerer, "from-offerer", timings);
                bulkTransferArrivesIntact(answerer, offerer, "from-answerer", timings);
                echoReturnsMessagesWithTheirType(offerer, answerer);
                closingAChannelIsSeenByTheOtherSide(offerer, answerer);
                System.out.println(logs(offerer, answerer));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + logs(offerer, answerer), e);
            }
        } finally {
            System.out.println(timings);
        }
    }

    private static InteropPeer start(String name) {
        return switch (name) {
            case "aiortc" -> new AiortcPeer();
            case "chromium" -> new ChromiumPeer();
            case "jrtc" -> new JrtcPeer();
            default -> throw new IllegalArgumentException("no interop peer named " + name);
        };
    }

    private static void connectWithChannelFromOfferer(InteropPeer offerer, InteropPeer answerer, Timings timings) {
        timings.time("connect (offer/answer to both connected, first channel open)", () -> {
            offerer.createDataChannel("from-offerer", true, null, null, false, null);
            String offer = offerer.createOffer();
            // Host candidates carry the namespace's real addresses, no mDNS ".local" names.
            assertThat(offer).contains("m=application").contains("a=candidate").contains(" 198.18.0.");
            String answer = answerer.acceptOffer(offer);
            assertThat(answer).contains("m=application").contains("a=candidate").contains(" 198.18.0.");
            offerer.acceptAnswer(answer);
            offerer.awaitConnectionState("connected", WAIT);
            answerer.awaitConnectionState("connected", WAIT);
            offerer.awaitChannelOpen("from-offerer", WAIT);
            answerer.awaitChannelOpen("from-offerer", WAIT);
            return null;
        });
        assertThat(offerer.connectionState()).isEqualTo("connected");
        assertThat(answerer.connectionState()).isEqualTo("connected");
    }

    private static void channelFromAnswererOpensAfterConnecting(InteropPeer offerer, InteropPeer answerer) {
        answerer.createDataChannel("from-answerer", true, null, null, false, null);
        answerer.awaitChannelOpen("from-answerer", WAIT);
        offerer.awaitChannelOpen("from-answerer", WAIT);
    }

    private static void negotiatedChannelOpensOnBothSides(InteropPeer offerer, InteropPeer answerer) {
        offerer.createDataChannel("negotiated", false, 3, null, true, 42);
        answerer.createDataChannel("negotiated", false, 3, null, true, 42);
        offerer.awaitChannelOpen("negotiated", WAIT);
        answerer.awaitChannelOpen("negotiated", WAIT);
        offerer.sendText("negotiated", "over a negotiated channel");
        assertThat(answerer.awaitMessage("negotiated", WAIT)).isEqualTo(
                ReceivedMessage.text("over a negotiated channel"));
    }

    private static void textAndBinaryMessagesFlowBothWays(InteropPeer offerer, InteropPeer answerer) {
        byte[] someBytes = new byte[1000];
        new Random(7).nextBytes(someBytes);
        for (InteropPeer[] pair : new InteropPeer[][] {{offerer, answerer}, {answerer, offerer}}) {
            InteropPeer sender = pair[0];
            InteropPeer receiver = pair[1];
            for (String label : new String[] {"from-offerer", "from-answerer"}) {
                String text = "héllo ✓ from " + sender.name() + " on " + label;
                sender.sendText(label, text);
                sender.sendText(label, "");
                sender.sendBinary(label, someBytes);
                sender.sendBinary(label, new byte[0]);
                assertThat(receiver.awaitMessage(label, WAIT)).isEqualTo(ReceivedMessage.text(text));
                assertThat(receiver.awaitMessage(label, WAIT)).isEqualTo(ReceivedMessage.text(""));
                assertThat(receiver.awaitMessage(label, WAIT)).isEqualTo(ReceivedMessage.binary(someBytes));
                assertThat(receiver.awaitMessage(label, WAIT)).isEqualTo(ReceivedMessage.binary(new byte[0]));
            }
        }
    }

    private static void bulkTransferArrivesIntact(InteropPeer sender, InteropPeer receiver, String label,
            Timings timings) {
        receiver.expectBulk(label, BULK_BYTES);
        String[] hashes = timings.time("10 MiB " + sender.name() + " -> " + receiver.name(), () -> {
            String sent = sender.sendBulk(label, BULK_BYTES, BULK_CHUNK, WAIT.multipliedBy(2));
            String received = receiver.awaitBulk(label, WAIT.multipliedBy(2));
            return new String[] {sent, received};
        });
        assertThat(hashes[1]).as("SHA-256 received vs sent").isEqualTo(hashes[0]).hasSize(64);
    }

    private static void echoReturnsMessagesWithTheirType(InteropPeer offerer, InteropPeer answerer) {
        answerer.enableEcho("from-answerer");
        offerer.sendText("from-answerer", "echo me");
        offerer.sendBinary("from-answerer", new byte[] {1, 2, 3});
        assertThat(offerer.awaitMessage("from-answerer", WAIT)).isEqualTo(ReceivedMessage.text("echo me"));
        assertThat(offerer.awaitMessage("from-answerer", WAIT)).isEqualTo(ReceivedMessage.binary(new byte[] {1, 2, 3}));
    }

    private static void closingAChannelIsSeenByTheOtherSide(InteropPeer offerer, InteropPeer answerer) {
        offerer.closeChannel("from-answerer");
        answerer.awaitChannelClosed("from-answerer", WAIT);
        offerer.awaitChannelClosed("from-answerer", WAIT);
        answerer.closeChannel("from-offerer");
        offerer.awaitChannelClosed("from-offerer", WAIT);
        answerer.awaitChannelClosed("from-offerer", WAIT);
        assertThat(offerer.connectionState()).isEqualTo("connected");
    }

    private static String logs(InteropPeer... peers) {
        StringBuilder text = new StringBuilder();
        for (InteropPeer peer : peers) {
            text.append("\n--- log of ").append(peer.name()).append(" ---\n");
            peer.log().forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }

    /** Wall-clock durations of the steps, printed to the test output for the report. */
    private static final class Timings {
        private final StringBuilder lines;

        Timings(String title) {
            lines = new StringBuilder("timings " + title + ":");
        }

        <T> T time(String step, Supplier<T> action) {
            long start = System.nanoTime();
            T result = action.get();
            lines.append(String.format("%n  %-62s %6d ms", step, (System.nanoTime() - start) / 1_000_000));
            return result;
        }

        @Override
        public String toString() {
            return lines.toString();
        }
    }
}
