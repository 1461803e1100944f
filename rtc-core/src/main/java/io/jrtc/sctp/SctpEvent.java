package io.jrtc.sctp;

import java.util.Arrays;

/** What an {@link SctpAssociation} reports to its user through {@link SctpAssociation#pollEvent()}. */
public sealed interface SctpEvent {

    /** The association reached ESTABLISHED. */
    record Connected() implements SctpEvent {
    }

    /** A complete user message; ordered messages arrive in stream sequence order per stream. */
    record MessageReceived(int streamId, int ppid, byte[] data, boolean unordered) implements SctpEvent {
        @Override
        public String toString() {
            return "MessageReceived[stream=" + streamId + ", ppid=" + ppid + ", bytes=" + data.length
                    + ", unordered=" + unordered + "]";
        }
    }

    /**
     * The peer reset these incoming streams (RFC 6525): their sequence numbers start again at 0. An empty array
     * means every stream.
     */
    record IncomingStreamsReset(int[] streamIds) implements SctpEvent {
        @Override
        public String toString() {
            return "IncomingStreamsReset" + Arrays.toString(streamIds);
        }
    }

    /** Our reset of these outgoing streams completed (RFC 6525). */
    record OutgoingStreamsReset(int[] streamIds) implements SctpEvent {
        @Override
        public String toString() {
            return "OutgoingStreamsReset" + Arrays.toString(streamIds);
        }
    }

    /** The peer refused or failed our reset of these outgoing streams; they keep their sequence numbers. */
    record StreamResetFailed(int[] streamIds, String reason) implements SctpEvent {
        @Override
        public String toString() {
            return "StreamResetFailed" + Arrays.toString(streamIds) + ": " + reason;
        }
    }

    /** The stream's buffered amount fell from above its low threshold to at most the threshold. */
    record BufferedAmountLow(int streamId) implements SctpEvent {
    }

    /** Graceful shutdown finished. */
    record Closed(String reason) implements SctpEvent {
    }

    /** The association ended abruptly: ABORT sent or received, or the peer stopped answering. */
    record Aborted(String reason) implements SctpEvent {
    }
}
