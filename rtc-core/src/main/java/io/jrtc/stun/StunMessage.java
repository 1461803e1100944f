package io.jrtc.stun;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A STUN message (RFC 8489 §5): method, class, 96-bit transaction id and an ordered list of attributes.
 *
 * <p>A message built in code has no wire form until {@link StunEncoder} writes it. A parsed message keeps its
 * bytes, so its MESSAGE-INTEGRITY and FINGERPRINT can be verified against what was received. Following §14.5,
 * attributes after MESSAGE-INTEGRITY other than MESSAGE-INTEGRITY-SHA256 and FINGERPRINT, and anything after
 * FINGERPRINT, are dropped on parsing.
 */
public final class StunMessage {
    public static final int MAGIC_COOKIE = 0x2112A442;
    public static final int HEADER_LENGTH = 20;
    public static final int TRANSACTION_ID_LENGTH = 12;

    private final int method;
    private final StunClass messageClass;
    private final byte[] transactionId;
    private final List<StunAttribute> attributes;
    private final byte[] raw;
    private final int integrityOffset;
    private final int integritySha256Offset;
    private final int fingerprintOffset;

    public StunMessage(int method, StunClass messageClass, byte[] transactionId, List<StunAttribute> attributes) {
        this(method, messageClass, transactionId, List.copyOf(attributes), null, -1, -1, -1);
        StunMethod.messageType(method, messageClass);
    }

    private StunMessage(int method, StunClass messageClass, byte[] transactionId, List<StunAttribute> attributes,
            byte[] raw, int integrityOffset, int integritySha256Offset, int fingerprintOffset) {
        Objects.requireNonNull(messageClass, "messageClass");
        if (transactionId.length != TRANSACTION_ID_LENGTH) {
            throw new IllegalArgumentException("transaction id must be 12 bytes, was " + transactionId.length);
        }
        this.method = method;
        this.messageClass = messageClass;
        this.transactionId = transactionId.clone();
        this.attributes = attributes;
        this.raw = raw;
        this.integrityOffset = integrityOffset;
        this.integritySha256Offset = integritySha256Offset;
        this.fingerprintOffset = fingerprintOffset;
    }

    /**
     * Quick demultiplexing test (RFC 8489 §5, RFC 7983): the two top bits are zero, the magic cookie is present
     * and the length field is a multiple of four.
     */
    public static boolean isStun(byte[] b, int off, int len) {
        if (b == null || off < 0 || len < HEADER_LENGTH || off > b.length - len) {
            return false;
        }
        return (b[off] & 0xC0) == 0
                && (b[off + 3] & 0x03) == 0
                && StunValues.u32(b, off + 4) == (MAGIC_COOKIE & 0xFFFF_FFFFL);
    }

    /** Parses one whole message occupying exactly {@code b[off, off+len)}. */
    public static StunMessage parse(byte[] b, int off, int len) throws StunParseException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len < HEADER_LENGTH) {
            throw new StunParseException("shorter than a STUN header: " + len);
        }
        if ((b[off] & 0xC0) != 0) {
            throw new StunParseException("top two bits are not zero");
        }
        if (StunValues.u32(b, off + 4) != (MAGIC_COOKIE & 0xFFFF_FFFFL)) {
            throw new StunParseException("magic cookie missing");
        }
        int bodyLength = StunValues.u16(b, off + 2);
        if (bodyLength % 4 != 0) {
            throw new StunParseException("message length not a multiple of 4: " + bodyLength);
        }
        if (HEADER_LENGTH + bodyLength != len) {
            throw new StunParseException("message length " + bodyLength + " does not match " + (len - HEADER_LENGTH));
        }
        byte[] raw = Arrays.copyOfRange(b, off, off + len);
        return parseAttributes(raw);
    }

    public static StunMessage parse(byte[] b) throws StunParseException {
        return parse(b, 0, b.length);
    }

    private static StunMessage parseAttributes(byte[] raw) throws StunParseException {
        int type = StunValues.u16(raw, 0);
        byte[] tid = Arrays.copyOfRange(raw, 8, HEADER_LENGTH);
        List<StunAttribute> attributes = new ArrayList<>();
        int integrity = -1;
        int integritySha256 = -1;
        int fingerprint = -1;
        int pos = HEADER_LENGTH;
        while (pos < raw.length && fingerprint < 0) {
            if (raw.length - pos < 4) {
                throw new StunParseException("truncated attribute header at " + pos);
            }
            int attrType = StunValues.u16(raw, pos);
            int attrLength = StunValues.u16(raw, pos + 2);
            int padded = (attrLength + 3) & ~3;
            if (raw.length - pos - 4 < padded) {
                throw new StunParseException("attribute 0x" + Integer.toHexString(attrType) + " overruns message");
            }
            boolean afterIntegrity = integrity >= 0 || integritySha256 >= 0;
            boolean mayFollowIntegrity = attrType == StunAttributeType.FINGERPRINT
                    || (attrType == StunAttributeType.MESSAGE_INTEGRITY_SHA256 && integritySha256 < 0);
            if (!afterIntegrity || mayFollowIntegrity) {
                attributes.add(StunAttributeCodec.decode(attrType, raw, pos + 4, attrLength, tid));
                switch (attrType) {
                    case StunAttributeType.MESSAGE_INTEGRITY -> integrity = pos;
                    case StunAttributeType.MESSAGE_INTEGRITY_SHA256 -> integritySha256 = pos;
                    case StunAttributeType.FINGERPRINT -> fingerprint = pos;
                    default -> { }
                }
            }
            pos += 4 + padded;
        }
        return new StunMessage(StunMethod.methodOf(type), StunMethod.classOf(type), tid,
                List.copyOf(attributes), raw, integrity, integritySha256, fingerprint);
    }

    public int method() {
        return method;
    }

    public StunClass messageClass() {
        return messageClass;
    }

    public boolean isRequest() {
        return messageClass == StunClass.REQUEST;
    }

    public boolean isResponse() {
        return messageClass.isResponse();
    }

    public byte[] transactionId() {
        return transactionId.clone();
    }

    public boolean hasTransactionId(byte[] id) {
        return Arrays.equals(transactionId, id);
    }

    public List<StunAttribute> attributes() {
        return attributes;
    }

    /** The received bytes of a parsed message, or null for a message built in code. */
    public byte[] raw() {
        return raw == null ? null : raw.clone();
    }

    public StunAttribute first(int type) {
        for (StunAttribute a : attributes) {
            if (a.type() == type) {
                return a;
            }
        }
        return null;
    }

    public <T extends StunAttribute> T first(Class<T> kind) {
        for (StunAttribute a : attributes) {
            if (kind.isInstance(a)) {
                return kind.cast(a);
            }
        }
        return null;
    }

    public boolean has(int type) {
        return first(type) != null;
    }

    public InetSocketAddress xorMappedAddress() {
        return first(StunAttributeType.XOR_MAPPED_ADDRESS) instanceof XorAddressAttribute x ? x.address() : null;
    }

    public InetSocketAddress mappedAddress() {
        return first(StunAttributeType.MAPPED_ADDRESS) instanceof MappedAddressAttribute m ? m.address() : null;
    }

    public String username() {
        UsernameAttribute u = first(UsernameAttribute.class);
        return u == null ? null : u.username();
    }

    public String software() {
        SoftwareAttribute s = first(SoftwareAttribute.class);
        return s == null ? null : s.description();
    }

    public String realm() {
        RealmAttribute r = first(RealmAttribute.class);
        return r == null ? null : r.realm();
    }

    public String nonce() {
        NonceAttribute n = first(NonceAttribute.class);
        return n == null ? null : n.nonce();
    }

    /** PRIORITY as an unsigned 32-bit number, or null. */
    public Long priority() {
        PriorityAttribute p = first(PriorityAttribute.class);
        return p == null ? null : p.priority();
    }

    public boolean useCandidate() {
        return has(StunAttributeType.USE_CANDIDATE);
    }

    /** The tie-breaker of ICE-CONTROLLING, or null. */
    public Long iceControlling() {
        IceControllingAttribute a = first(IceControllingAttribute.class);
        return a == null ? null : a.tieBreaker();
    }

    /** The tie-breaker of ICE-CONTROLLED, or null. */
    public Long iceControlled() {
        IceControlledAttribute a = first(IceControlledAttribute.class);
        return a == null ? null : a.tieBreaker();
    }

    public ErrorCodeAttribute errorCode() {
        return first(ErrorCodeAttribute.class);
    }

    public List<Integer> unknownAttributes() {
        UnknownAttributesAttribute u = first(UnknownAttributesAttribute.class);
        return u == null ? List.of() : u.types();
    }

    /** Comprehension-required attribute types (below 0x8000) that this package keeps only raw (RFC 8489 §7.3.1). */
    public List<Integer> unknownComprehensionRequired() {
        List<Integer> unknown = new ArrayList<>();
        for (StunAttribute a : attributes) {
            if (a instanceof RawAttribute && StunAttributeType.isComprehensionRequired(a.type())
                    && !StunAttributeCodec.isModelled(a.type())) {
                unknown.add(a.type());
            }
        }
        return unknown;
    }

    public boolean hasIntegrity() {
        return integrityOffset >= 0;
    }

    public boolean hasIntegritySha256() {
        return integritySha256Offset >= 0;
    }

    public boolean hasFingerprint() {
        return fingerprintOffset >= 0;
    }

    /** Checks MESSAGE-INTEGRITY (HMAC-SHA1) of a parsed message with the given key (RFC 8489 §14.5). */
    public boolean verifyIntegrity(byte[] key) {
        if (raw == null || integrityOffset < 0) {
            return false;
        }
        int end = integrityOffset + 4 + MessageIntegrityAttribute.LENGTH;
        byte[] expected = StunIntegrity.hmac(false, key, raw, integrityOffset, end - HEADER_LENGTH);
        return StunIntegrity.constantTimeEquals(raw, integrityOffset + 4, expected, expected.length);
    }

    /** Checks MESSAGE-INTEGRITY-SHA256, possibly truncated, with the given key (RFC 8489 §14.6). */
    public boolean verifyIntegritySha256(byte[] key) {
        if (raw == null || integritySha256Offset < 0) {
            return false;
        }
        int length = StunValues.u16(raw, integritySha256Offset + 2);
        int end = integritySha256Offset + 4 + length;
        byte[] expected = StunIntegrity.hmac(true, key, raw, integritySha256Offset, end - HEADER_LENGTH);
        return StunIntegrity.constantTimeEquals(raw, integritySha256Offset + 4, expected, length);
    }

    /** Checks FINGERPRINT of a parsed message (RFC 8489 §14.7); false when it has none. */
    public boolean verifyFingerprint() {
        if (raw == null || fingerprintOffset < 0) {
            return false;
        }
        int expected = StunIntegrity.fingerprint(raw, fingerprintOffset, fingerprintOffset + 8 - HEADER_LENGTH);
        return expected == (int) StunValues.u32(raw, fingerprintOffset + 4);
    }

    /** Encodes with MESSAGE-INTEGRITY when {@code integrityKey} is not null, then FINGERPRINT when asked. */
    public byte[] encode(byte[] integrityKey, boolean fingerprint) {
        return new StunEncoder().integrity(integrityKey).fingerprint(fingerprint).encode(this);
    }

    /** Encodes with neither integrity nor fingerprint. */
    public byte[] encode() {
        return new StunEncoder().encode(this);
    }

    @Override
    public String toString() {
        return "StunMessage[method=0x" + Integer.toHexString(method) + ", class=" + messageClass
                + ", tid=" + HexFormat.of().formatHex(transactionId) + ", attributes=" + attributes + "]";
    }
}
