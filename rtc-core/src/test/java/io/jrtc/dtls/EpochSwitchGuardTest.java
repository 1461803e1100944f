package io.jrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guard on records that switch a peer's epoch, on hand-made records (RFC 6347 §4.1 record headers, §4.2.2
 * handshake headers): a client's second flight Certificate (seq 2), ClientKeyExchange (3), CertificateVerify (4),
 * ChangeCipherSpec (5), Finished (epoch 1), its messages numbered 1 to 4 after the ClientHello (0, record 0).
 */
class EpochSwitchGuardTest {
    private static final long HOLD = 1_000_000_000L;
    private static final int HANDSHAKE = 22;
    private static final int CHANGE_CIPHER_SPEC = 20;

    private final EpochSwitchGuard guard = new EpochSwitchGuard(HOLD);
    private final byte[] clientHello = handshake(0, 1, 0, 40);
    private final byte[] certificate = handshake(2, 11, 1, 300);
    private final byte[] keyExchange = handshake(3, 16, 2, 33);
    private final byte[] certificateVerify = handshake(4, 15, 3, 72);
    private final byte[] changeCipherSpec = record(CHANGE_CIPHER_SPEC, 0, 5, new byte[] {1});
    private final byte[] finished = record(HANDSHAKE, 1, 0, new byte[40]);

    @Test
    void recordsInOrderGoOnAtOnce() {
        List<byte[]> out = receiveAll(clientHello, certificate, keyExchange, certificateVerify, changeCipherSpec,
            finished);

        assertThat(out).containsExactly(clientHello, certificate, keyExchange, certificateVerify, changeCipherSpec,
            finished);
        assertThat(guard.nextTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aChangeCipherSpecAheadOfTheCertificateVerifyWaitsForIt() {
        List<byte[]> out = receiveAll(clientHello, certificate, keyExchange, changeCipherSpec, finished);
        assertThat(out).containsExactly(clientHello, certificate, keyExchange);
        assertThat(guard.nextTimeout()).isEqualTo(HOLD);

        guard.receive(10, certificateVerify);

        assertThat(drain()).containsExactly(certificateVerify, changeCipherSpec, finished);
        assertThat(guard.nextTimeout()).isEqualTo(Long.MAX_VALUE);
        assertThat(guard.droppedDatagrams()).isZero();
    }

    @Test
    void aFinishedAheadOfItsChangeCipherSpecWaitsForIt() {
        List<byte[]> out = receiveAll(clientHello, certificate, keyExchange, certificateVerify, finished);
        assertThat(out).containsExactly(clientHello, certificate, keyExchange, certificateVerify);

        guard.receive(10, changeCipherSpec);

        assertThat(drain()).containsExactly(changeCipherSpec, finished);
    }

    @Test
    void aMissingFragmentOfAnEarlierMessageHoldsTheChangeCipherSpecToo() {
        byte[] firstHalf = fragment(2, 11, 1, 300, 0, 150);
        byte[] secondHalf = fragment(3, 11, 1, 300, 150, 150);
        byte[] keyExchangeAfter = handshake(4, 16, 2, 33);
        byte[] verifyAfter = handshake(5, 15, 3, 72);
        byte[] switchAfter = record(CHANGE_CIPHER_SPEC, 0, 6, new byte[] {1});

        assertThat(receiveAll(clientHello, firstHalf, keyExchangeAfter, verifyAfter, switchAfter))
            .containsExactly(clientHello, firstHalf, keyExchangeAfter, verifyAfter);
        guard.receive(10, secondHalf);

        assertThat(drain()).containsExactly(secondHalf, switchAfter);
    }

    @Test
    void theHandshakeRecordsOfADatagramGoOnWhileItsEpochSwitchWaits() {
        receiveAll(clientHello, certificate);
        byte[] packed = concat(certificateVerify, changeCipherSpec, finished);

        guard.receive(0, packed);
        assertThat(drain()).containsExactly(certificateVerify);

        guard.receive(1, keyExchange);
        assertThat(drain()).containsExactly(keyExchange, concat(changeCipherSpec, finished));
    }

    @Test
    void whatWaitedAHoldTimeIsDroppedAndTheRetransmittedFlightGoesThrough() {
        receiveAll(clientHello, certificate, keyExchange, changeCipherSpec, finished);  // the CertificateVerify lost

        guard.handleTimeout(HOLD - 1);
        assertThat(guard.droppedDatagrams()).isZero();
        guard.handleTimeout(HOLD);
        assertThat(guard.droppedDatagrams()).isEqualTo(2);
        assertThat(guard.nextTimeout()).isEqualTo(Long.MAX_VALUE);

        // The peer's retransmission: new record numbers, the switch again right after the CertificateVerify.
        byte[] verifyAgain = handshake(9, 15, 3, 72);
        byte[] switchAgain = record(CHANGE_CIPHER_SPEC, 0, 10, new byte[] {1});
        guard.receive(HOLD + 1, verifyAgain);
        guard.receive(HOLD + 2, switchAgain);
        assertThat(drain()).containsExactly(verifyAgain, switchAgain);
    }

    @Test
    void atMostAFewDatagramsWaitTheOldestGoFirst() {
        receiveAll(clientHello);
        for (int i = 0; i < EpochSwitchGuard.MAX_HELD + 3; i++) {
            guard.receive(i, record(HANDSHAKE, 1, i, new byte[40]));
        }

        assertThat(drain()).isEmpty();
        assertThat(guard.droppedDatagrams()).isEqualTo(3);
        assertThat(guard.nextTimeout()).isEqualTo(3 + HOLD);
    }

    @Test
    void afterTheSwitchNothingIsHeld() {
        receiveAll(clientHello, certificate, keyExchange, certificateVerify, changeCipherSpec);
        byte[] protectedRecord = record(23, 1, 1, new byte[30]);
        byte[] lateHandshake = handshake(11, 15, 3, 72);

        assertThat(receiveAll(protectedRecord, lateHandshake)).containsExactly(protectedRecord, lateHandshake);
    }

    @Test
    void bytesThatAreNoRecordsGoOnForBouncyCastleToDiscard() {
        byte[] noise = {1, 2, 3};
        byte[] truncated = java.util.Arrays.copyOf(certificate, 40);

        assertThat(receiveAll(noise, truncated, new byte[0])).containsExactly(noise, truncated, new byte[0]);
    }

    private List<byte[]> receiveAll(byte[]... datagrams) {
        for (byte[] datagram : datagrams) {
            guard.receive(0, datagram);
        }
        return drain();
    }

    private List<byte[]> drain() {
        List<byte[]> out = new ArrayList<>();
        for (byte[] d = guard.poll(); d != null; d = guard.poll()) {
            out.add(d);
        }
        return out;
    }

    private static byte[] handshake(long recordSeq, int type, int messageSeq, int length) {
        return fragment(recordSeq, type, messageSeq, length, 0, length);
    }

    /** An epoch-0 handshake record carrying bytes [offset, offset + fragmentLength) of one message. */
    private static byte[] fragment(long recordSeq, int type, int messageSeq, int length, int offset,
                                   int fragmentLength) {
        byte[] body = new byte[FirstFlight.HANDSHAKE_HEADER + fragmentLength];
        body[0] = (byte) type;
        uint24(body, 1, length);
        body[4] = (byte) (messageSeq >> 8);
        body[5] = (byte) messageSeq;
        uint24(body, 6, offset);
        uint24(body, 9, fragmentLength);
        return record(HANDSHAKE, 0, recordSeq, body);
    }

    private static byte[] record(int type, int epoch, long sequenceNumber, byte[] body) {
        byte[] record = new byte[FirstFlight.RECORD_HEADER + body.length];
        record[0] = (byte) type;
        record[1] = (byte) 0xFE;
        record[2] = (byte) 0xFD;
        record[3] = (byte) (epoch >> 8);
        record[4] = (byte) epoch;
        for (int i = 0; i < 6; i++) {
            record[10 - i] = (byte) (sequenceNumber >> (8 * i));
        }
        record[11] = (byte) (body.length >> 8);
        record[12] = (byte) body.length;
        System.arraycopy(body, 0, record, FirstFlight.RECORD_HEADER, body.length);
        return record;
    }

    private static void uint24(byte[] into, int at, int value) {
        into[at] = (byte) (value >> 16);
        into[at + 1] = (byte) (value >> 8);
        into[at + 2] = (byte) value;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
