package io.jrtc.dtls;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which of a peer's handshake messages have been handed to BouncyCastle whole, from the fragments' headers alone
 * (RFC 6347 §4.2.2: msg_type, length, message_seq, fragment_offset, fragment_length); the bodies are not read.
 * Bounded: a handshake has a dozen messages, so later message numbers, and fragments past the coverage a message can
 * need, are ignored.
 */
final class HandshakeMessages {
    /** More distinct message numbers than any DTLS 1.2 handshake uses, retransmissions included. */
    static final int MAX_MESSAGES = 32;
    /** Separate byte ranges kept per message: a fragmented certificate at the smallest MTU takes a handful. */
    private static final int MAX_RANGES = 16;

    private final Map<Integer, Coverage> messages = new HashMap<>();
    private int lowest = Integer.MAX_VALUE;
    private int highest = -1;

    /**
     * Notes every handshake fragment of one epoch-0 handshake record's body ({@code length} bytes at {@code offset}).
     */
    void noteRecord(byte[] data, int offset, int length) {
        int at = offset;
        int end = offset + length;
        while (end - at >= FirstFlight.HANDSHAKE_HEADER) {
            int messageLength = uint24(data, at + 1);
            int messageSeq = (data[at + 4] & 0xFF) << 8 | data[at + 5] & 0xFF;
            int fragmentOffset = uint24(data, at + 6);
            int fragmentLength = uint24(data, at + 9);
            if (fragmentLength > end - at - FirstFlight.HANDSHAKE_HEADER) {
                return;  // truncated: BouncyCastle discards it too
            }
            noteFragment(messageSeq, messageLength, fragmentOffset, fragmentLength);
            at += FirstFlight.HANDSHAKE_HEADER + fragmentLength;
        }
    }

    private void noteFragment(int messageSeq, int messageLength, int fragmentOffset, int fragmentLength) {
        if (fragmentOffset + fragmentLength > messageLength) {
            return;
        }
        Coverage coverage = messages.get(messageSeq);
        if (coverage == null) {
            if (messages.size() >= MAX_MESSAGES) {
                return;
            }
            coverage = new Coverage(messageLength);
            messages.put(messageSeq, coverage);
            lowest = Math.min(lowest, messageSeq);
            highest = Math.max(highest, messageSeq);
        }
        if (coverage.length == messageLength) {
            coverage.add(fragmentOffset, fragmentOffset + fragmentLength);
        }
    }

    /** Whether every message from the first one noted to the last one noted, with none missing between, is whole. */
    boolean allComplete() {
        for (int seq = lowest; seq <= highest; seq++) {
            Coverage coverage = messages.get(seq);
            if (coverage == null || !coverage.complete()) {
                return false;
            }
        }
        return true;
    }

    private static int uint24(byte[] data, int at) {
        return (data[at] & 0xFF) << 16 | (data[at + 1] & 0xFF) << 8 | data[at + 2] & 0xFF;
    }

    /** The byte ranges of one message received so far, sorted and merged: [starts[i], ends[i]). */
    private static final class Coverage {
        private final int length;
        private int[] starts = new int[2];
        private int[] ends = new int[2];
        private int ranges;

        Coverage(int length) {
            this.length = length;
        }

        boolean complete() {
            return length == 0 || ranges == 1 && starts[0] == 0 && ends[0] == length;
        }

        void add(int start, int end) {
            if (start == end) {
                return;
            }
            int i = 0;
            while (i < ranges && ends[i] < start) {
                i++;
            }
            int j = i;
            while (j < ranges && starts[j] <= end) {
                start = Math.min(start, starts[j]);
                end = Math.max(end, ends[j]);
                j++;
            }
            int merged = j - i;
            if (merged == 0 && ranges >= MAX_RANGES) {
                return;
            }
            replace(i, merged, start, end);
        }

        /** Replaces {@code count} ranges from index {@code i} (possibly none) by [start, end). */
        private void replace(int i, int count, int start, int end) {
            int newRanges = ranges - count + 1;
            if (newRanges > starts.length) {
                starts = Arrays.copyOf(starts, newRanges * 2);
                ends = Arrays.copyOf(ends, newRanges * 2);
            }
            int tail = ranges - (i + count);
            System.arraycopy(starts, i + count, starts, i + 1, tail);
            System.arraycopy(ends, i + count, ends, i + 1, tail);
            starts[i] = start;
            ends[i] = end;
            ranges = newRanges;
        }
    }
}
