package io.jrtc.stun;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A plain address attribute (RFC 8489 §14.1): MAPPED-ADDRESS, and ALTERNATE-SERVER (§14.15), RESPONSE-ORIGIN and
 * OTHER-ADDRESS (RFC 5780), which share the format.
 */
public record MappedAddressAttribute(int type, InetSocketAddress address) implements StunAttribute {
    public MappedAddressAttribute {
        Objects.requireNonNull(address, "address");
    }

    public static MappedAddressAttribute mappedAddress(InetSocketAddress address) {
        return new MappedAddressAttribute(StunAttributeType.MAPPED_ADDRESS, address);
    }

    static boolean isPlainAddressType(int type) {
        return type == StunAttributeType.MAPPED_ADDRESS
                || type == StunAttributeType.ALTERNATE_SERVER
                || type == StunAttributeType.RESPONSE_ORIGIN
                || type == StunAttributeType.OTHER_ADDRESS;
    }

    public static MappedAddressAttribute decode(int type, byte[] b, int off, int len) throws StunParseException {
        return new MappedAddressAttribute(type, StunAddressCodec.decode(b, off, len, null, false));
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return StunAddressCodec.encode(address, transactionId, false);
    }
}
