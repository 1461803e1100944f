package io.jrtc.sctp.wire;

import java.util.Arrays;

/** A parameter of a RE-CONFIG chunk (RFC 6525 §4). */
public sealed interface ReConfigParameter permits ReConfigParameter.OutgoingSsnResetRequest,
        ReConfigParameter.IncomingSsnResetRequest, ReConfigParameter.ReconfigurationResponse,
        ReConfigParameter.Other {

    int OUTGOING_SSN_RESET_REQUEST = 13;
    int INCOMING_SSN_RESET_REQUEST = 14;
    int RECONFIGURATION_RESPONSE = 16;

    /** RFC 6525 §4.4 result codes. */
    int RESULT_SUCCESS_NOTHING_TO_DO = 0;
    int RESULT_SUCCESS_PERFORMED = 1;
    int RESULT_DENIED = 2;
    int RESULT_ERROR_WRONG_SSN = 3;
    int RESULT_ERROR_REQUEST_ALREADY_IN_PROGRESS = 4;
    int RESULT_ERROR_BAD_SEQUENCE_NUMBER = 5;
    int RESULT_IN_PROGRESS = 6;

    int type();

    /** Length without trailing padding. */
    int length();

    int encode(byte[] dst, int off);

    /** RFC 6525 §4.1: asks the peer to reset the SSNs of streams it receives from us, once it has every TSN. */
    record OutgoingSsnResetRequest(int requestSequenceNumber, int responseSequenceNumber, int senderLastAssignedTsn,
                                   int[] streamIds) implements ReConfigParameter {
        @Override
        public int type() {
            return OUTGOING_SSN_RESET_REQUEST;
        }

        @Override
        public int length() {
            return 16 + 2 * streamIds.length;
        }

        @Override
        public int encode(byte[] dst, int off) {
            NetworkBytes.put16(dst, off, OUTGOING_SSN_RESET_REQUEST);
            NetworkBytes.put16(dst, off + 2, length());
            NetworkBytes.put32(dst, off + 4, requestSequenceNumber);
            NetworkBytes.put32(dst, off + 8, responseSequenceNumber);
            NetworkBytes.put32(dst, off + 12, senderLastAssignedTsn);
            for (int i = 0; i < streamIds.length; i++) {
                NetworkBytes.put16(dst, off + 16 + 2 * i, streamIds[i]);
            }
            return length();
        }

        static OutgoingSsnResetRequest parse(byte[] b, int off, int len) throws SctpParseException {
            SctpParseException.require(len >= 12 && (len & 1) == 0, "bad outgoing SSN reset request");
            int[] streams = new int[(len - 12) / 2];
            for (int i = 0; i < streams.length; i++) {
                streams[i] = NetworkBytes.u16(b, off + 12 + 2 * i);
            }
            return new OutgoingSsnResetRequest(NetworkBytes.i32(b, off), NetworkBytes.i32(b, off + 4),
                    NetworkBytes.i32(b, off + 8), streams);
        }

        @Override
        public String toString() {
            return "OutgoingSsnResetRequest[req=" + requestSequenceNumber + ", lastTsn=" + senderLastAssignedTsn
                    + ", streams=" + Arrays.toString(streamIds) + "]";
        }
    }

    /** RFC 6525 §4.2: asks the peer to reset its outgoing streams towards us. */
    record IncomingSsnResetRequest(int requestSequenceNumber, int[] streamIds) implements ReConfigParameter {
        @Override
        public int type() {
            return INCOMING_SSN_RESET_REQUEST;
        }

        @Override
        public int length() {
            return 8 + 2 * streamIds.length;
        }

        @Override
        public int encode(byte[] dst, int off) {
            NetworkBytes.put16(dst, off, INCOMING_SSN_RESET_REQUEST);
            NetworkBytes.put16(dst, off + 2, length());
            NetworkBytes.put32(dst, off + 4, requestSequenceNumber);
            for (int i = 0; i < streamIds.length; i++) {
                NetworkBytes.put16(dst, off + 8 + 2 * i, streamIds[i]);
            }
            return length();
        }

        static IncomingSsnResetRequest parse(byte[] b, int off, int len) throws SctpParseException {
            SctpParseException.require(len >= 4 && (len & 1) == 0, "bad incoming SSN reset request");
            int[] streams = new int[(len - 4) / 2];
            for (int i = 0; i < streams.length; i++) {
                streams[i] = NetworkBytes.u16(b, off + 4 + 2 * i);
            }
            return new IncomingSsnResetRequest(NetworkBytes.i32(b, off), streams);
        }
    }

    /** RFC 6525 §4.4: the result of a request; the next-TSN fields appear only for SSN/TSN resets. */
    record ReconfigurationResponse(int responseSequenceNumber, int result, boolean hasNextTsns, int senderNextTsn,
                                   int receiverNextTsn) implements ReConfigParameter {
        public ReconfigurationResponse(int responseSequenceNumber, int result) {
            this(responseSequenceNumber, result, false, 0, 0);
        }

        @Override
        public int type() {
            return RECONFIGURATION_RESPONSE;
        }

        @Override
        public int length() {
            return hasNextTsns ? 20 : 12;
        }

        @Override
        public int encode(byte[] dst, int off) {
            NetworkBytes.put16(dst, off, RECONFIGURATION_RESPONSE);
            NetworkBytes.put16(dst, off + 2, length());
            NetworkBytes.put32(dst, off + 4, responseSequenceNumber);
            NetworkBytes.put32(dst, off + 8, result);
            if (hasNextTsns) {
                NetworkBytes.put32(dst, off + 12, senderNextTsn);
                NetworkBytes.put32(dst, off + 16, receiverNextTsn);
            }
            return length();
        }

        static ReconfigurationResponse parse(byte[] b, int off, int len) throws SctpParseException {
            SctpParseException.require(len == 8 || len == 16, "bad re-configuration response");
            boolean tsns = len == 16;
            return new ReconfigurationResponse(NetworkBytes.i32(b, off), NetworkBytes.i32(b, off + 4), tsns,
                    tsns ? NetworkBytes.i32(b, off + 8) : 0, tsns ? NetworkBytes.i32(b, off + 12) : 0);
        }
    }

    /** Any other RE-CONFIG parameter (SSN/TSN reset, add streams), carried opaquely. */
    record Other(int type, byte[] value) implements ReConfigParameter {
        @Override
        public int length() {
            return 4 + value.length;
        }

        @Override
        public int encode(byte[] dst, int off) {
            NetworkBytes.put16(dst, off, type);
            NetworkBytes.put16(dst, off + 2, length());
            System.arraycopy(value, 0, dst, off + 4, value.length);
            return length();
        }
    }

    /** Parses one parameter's value given its type; {@code off}/{@code len} cover the value only. */
    static ReConfigParameter parse(int type, byte[] b, int off, int len) throws SctpParseException {
        return switch (type) {
            case OUTGOING_SSN_RESET_REQUEST -> OutgoingSsnResetRequest.parse(b, off, len);
            case INCOMING_SSN_RESET_REQUEST -> IncomingSsnResetRequest.parse(b, off, len);
            case RECONFIGURATION_RESPONSE -> ReconfigurationResponse.parse(b, off, len);
            default -> new Other(type, Arrays.copyOfRange(b, off, off + len));
        };
    }
}
