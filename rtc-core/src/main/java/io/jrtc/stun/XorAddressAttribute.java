package io.jrtc.stun;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * An address XORed with the magic cookie and transaction id (RFC 8489 §14.2): XOR-MAPPED-ADDRESS, and for TURN
 * XOR-PEER-ADDRESS and XOR-RELAYED-ADDRESS (RFC 8656 §18.3, §18.5), which share the format.
 */
public record XorAddressAttribute(int type, InetSocketAddress address) implements StunAttribute {
    public XorAddressAttribute {
        Objects.requireNonNull(address, "address");
    }

    public static XorAddressAttribute xorMappedAddress(InetSocketAddress address) {
        return new XorAddressAttribute(StunAttributeType.XOR_MAPPED_ADDRESS, address);
    }

    /** XOR-PEER-ADDRESS (RFC 8656 §18.3): the peer of a permission, channel, Send or Data indication. */
    public static XorAddressAttribute xorPeerAddress(InetSocketAddress address) {
        return new XorAddressAttribute(StunAttributeType.XOR_PEER_ADDRESS, address);
    }

    /** XOR-RELAYED-ADDRESS (RFC 8656 §18.5): the address the server allocated for the client. */
    public static XorAddressAttribute xorRelayedAddress(InetSocketAddress address) {
        return new XorAddressAttribute(StunAttributeType.XOR_RELAYED_ADDRESS, address);
    }

    static boolean isXorAddressType(int type) {
        return type == StunAttributeType.XOR_MAPPED_ADDRESS
                || type == StunAttributeType.XOR_PEER_ADDRESS
                || type == StunAttributeType.XOR_RELAYED_ADDRESS;
    }

    public static XorAddressAttribute decode(int type, byte[] b, int off, int len, byte[] transactionId)
            throws StunParseException {
        return new XorAddressAttribute(type, StunAddressCodec.decode(b, off, len, transactionId, true));
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return StunAddressCodec.encode(address, transactionId, true);
    }
}
