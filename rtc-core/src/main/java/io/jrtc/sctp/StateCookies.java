package io.jrtc.sctp;

import io.jrtc.sctp.wire.NetworkBytes;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * State Cookies (RFC 9260 §5.1.3): everything needed to build the association from a COOKIE ECHO, so an INIT
 * allocates nothing. Signed with HMAC-SHA256 under a per-association random secret and valid for
 * {@link #LIFESPAN_NANOS} after creation (Valid.Cookie.Life).
 */
final class StateCookies {
    static final long LIFESPAN_NANOS = 60_000_000_000L;
    private static final int VERSION = 1;
    private static final int BODY_LENGTH = 44;
    private static final int MAC_LENGTH = 32;
    static final int LENGTH = BODY_LENGTH + MAC_LENGTH;

    /** The association parameters a cookie carries. */
    record Contents(long createdAt, int localTag, int peerTag, int localInitialTsn, int peerInitialTsn,
                    long peerWindow, int outboundStreams, int inboundStreams, boolean peerForwardTsn,
                    boolean peerReconfig, int tieTagLocal, int tieTagPeer) {
    }

    enum Status { VALID, INVALID, STALE }

    record Opened(Status status, Contents contents, long stalenessNanos) {
    }

    private final Mac mac;

    StateCookies(byte[] secret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    byte[] create(Contents c) {
        byte[] out = new byte[LENGTH];
        out[0] = VERSION;
        NetworkBytes.put64(out, 1, c.createdAt());
        NetworkBytes.put32(out, 9, c.localTag());
        NetworkBytes.put32(out, 13, c.peerTag());
        NetworkBytes.put32(out, 17, c.localInitialTsn());
        NetworkBytes.put32(out, 21, c.peerInitialTsn());
        NetworkBytes.put32(out, 25, c.peerWindow());
        NetworkBytes.put16(out, 29, c.outboundStreams());
        NetworkBytes.put16(out, 31, c.inboundStreams());
        out[33] = (byte) ((c.peerForwardTsn() ? 1 : 0) | (c.peerReconfig() ? 2 : 0));
        NetworkBytes.put32(out, 34, c.tieTagLocal());
        NetworkBytes.put32(out, 38, c.tieTagPeer());
        System.arraycopy(sign(out), 0, out, BODY_LENGTH, MAC_LENGTH);
        return out;
    }

    /** Checks format, signature and age (RFC 9260 §5.1.5 steps 1-3). */
    Opened open(byte[] cookie, long now) {
        if (cookie.length != LENGTH || cookie[0] != VERSION) {
            return new Opened(Status.INVALID, null, 0);
        }
        byte[] expected = sign(cookie);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(cookie, BODY_LENGTH, LENGTH))) {
            return new Opened(Status.INVALID, null, 0);
        }
        Contents c = new Contents(NetworkBytes.i64(cookie, 1), NetworkBytes.i32(cookie, 9),
                NetworkBytes.i32(cookie, 13), NetworkBytes.i32(cookie, 17), NetworkBytes.i32(cookie, 21),
                NetworkBytes.u32(cookie, 25), NetworkBytes.u16(cookie, 29), NetworkBytes.u16(cookie, 31),
                (cookie[33] & 1) != 0, (cookie[33] & 2) != 0, NetworkBytes.i32(cookie, 34),
                NetworkBytes.i32(cookie, 38));
        long age = now - c.createdAt();
        if (age < 0) {
            return new Opened(Status.INVALID, null, 0);
        }
        if (age > LIFESPAN_NANOS) {
            return new Opened(Status.STALE, c, age - LIFESPAN_NANOS);
        }
        return new Opened(Status.VALID, c, 0);
    }

    private byte[] sign(byte[] cookie) {
        mac.update(cookie, 0, BODY_LENGTH);
        return mac.doFinal();
    }
}
