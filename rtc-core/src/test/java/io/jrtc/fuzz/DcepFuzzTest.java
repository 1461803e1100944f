package io.jrtc.fuzz;

import com.code_intelligence.jazzer.api.Jazzer;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jrtc.datachannel.DataChannelEngine;
import io.jrtc.datachannel.DataChannelEvent;
import io.jrtc.datachannel.DataChannelLimits;
import io.jrtc.datachannel.DcepMessage;
import io.jrtc.datachannel.DcepParseException;
import io.jrtc.datachannel.Ppid;
import io.jrtc.datachannel.SctpStreamSender;

/**
 * DCEP (RFC 8832) and data channel messages (RFC 8831 §6.6) as a peer sends them: each input is a run of messages
 * (stream, PPID, bytes) and stream resets fed to an established engine; the whole input is also parsed as one DCEP
 * message, which must survive writing and reading. Nothing may throw, and the engine never
 * holds more channels opened by the peer than its {@link DataChannelLimits} allow.
 */
class DcepFuzzTest {
    private static final DataChannelLimits LIMITS = new DataChannelLimits(8, 64);
    private static final int[] PPIDS = {Ppid.DCEP, Ppid.STRING, Ppid.BINARY, Ppid.STRING_EMPTY, Ppid.BINARY_EMPTY,
            Ppid.STRING_PARTIAL, Ppid.BINARY_PARTIAL, 0, 1000};

    @FuzzTest(maxDuration = "5s")
    void peerMessages(byte[] script) throws Exception {
        InputBudget.within(() -> run(script));
    }

    private static void run(byte[] script) throws DcepParseException {
        DcepMessage parsed;
        try {
            parsed = DcepMessage.parse(script);
        } catch (DcepParseException e) {
            parsed = null;
        }
        if (parsed != null) {
            // What we parsed we can write, and what we write parses (a failure here escapes: it is a bug).
            byte[] written = parsed.encode();
            if (!java.util.Arrays.equals(written, DcepMessage.parse(written).encode())) {
                throw new AssertionError(parsed + " does not survive writing and reading");
            }
        }
        SctpStreamSender discard = new SctpStreamSender() {
            @Override
            public void sendMessage(int streamId, int ppid, byte[] data, boolean unordered, Integer maxRetransmits,
                                    Long maxLifetimeMillis) {
            }

            @Override
            public void resetStreams(int[] streamIds) {
            }

            @Override
            public long bufferedAmount(int streamId) {
                return 0;
            }
        };
        DataChannelEngine engine = new DataChannelEngine(discard, true, 64, LIMITS);
        engine.onAssociationEstablished();
        int at = 0;
        while (at + 3 <= script.length) {
            int op = script[at] & 0xFF;
            int stream = script[at + 1] & 0x7F;
            int length = Math.min(script[at + 2] & 0xFF, script.length - at - 3);
            byte[] body = java.util.Arrays.copyOfRange(script, at + 3, at + 3 + length);
            at += 3 + length;
            if (op % 8 == 7) {
                engine.handleIncomingStreamReset(new int[] {stream});
            } else {
                engine.handleMessage(stream, PPIDS[op % PPIDS.length], body);
            }
            for (DataChannelEvent e = engine.pollEvent(); e != null; e = engine.pollEvent()) {
                continue;
            }
            long remote = engine.channels().stream().filter(c -> c.openedByRemote()).count();
            Jazzer.maximize(remote, 0, 2L * LIMITS.maxRemoteChannels());
            if (remote > LIMITS.maxRemoteChannels()) {
                throw new AssertionError(remote + " channels opened by the peer, limit " + LIMITS.maxRemoteChannels());
            }
        }
    }
}
