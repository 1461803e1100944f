package io.jrtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * ERROR-CODE (RFC 8489 §14.8): a code 300..699, split on the wire into a class (hundreds) and a number, and a
 * UTF-8 reason phrase.
 */
public record ErrorCodeAttribute(int code, String reason) implements StunAttribute {
    public static final int TRY_ALTERNATE = 300;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int FORBIDDEN = 403;
    public static final int UNKNOWN_ATTRIBUTE = 420;
    public static final int ALLOCATION_MISMATCH = 437;
    public static final int STALE_NONCE = 438;
    public static final int ADDRESS_FAMILY_NOT_SUPPORTED = 440;
    public static final int WRONG_CREDENTIALS = 441;
    public static final int UNSUPPORTED_TRANSPORT_PROTOCOL = 442;
    public static final int ALLOCATION_QUOTA_REACHED = 486;
    public static final int ROLE_CONFLICT = 487;
    public static final int SERVER_ERROR = 500;
    public static final int INSUFFICIENT_CAPACITY = 508;

    public ErrorCodeAttribute {
        Objects.requireNonNull(reason, "reason");
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("error code must be 300..699: " + code);
        }
    }

    public static ErrorCodeAttribute decode(byte[] b, int off, int len) throws StunParseException {
        if (len < 4) {
            throw new StunParseException("ERROR-CODE too short: " + len);
        }
        int errorClass = b[off + 2] & 0x07;
        int number = b[off + 3] & 0xFF;
        if (errorClass < 3 || errorClass > 6 || number > 99) {
            throw new StunParseException("ERROR-CODE out of range: class " + errorClass + " number " + number);
        }
        return new ErrorCodeAttribute(errorClass * 100 + number,
                new String(b, off + 4, len - 4, StandardCharsets.UTF_8));
    }

    @Override
    public int type() {
        return StunAttributeType.ERROR_CODE;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] v = new byte[4 + text.length];
        v[2] = (byte) (code / 100);
        v[3] = (byte) (code % 100);
        System.arraycopy(text, 0, v, 4, text.length);
        return v;
    }
}
