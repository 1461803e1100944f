package io.jrtc.stun;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The address value shared by MAPPED-ADDRESS and the XOR address attributes (RFC 8489 §14.1, §14.2): a reserved
 * byte, the family (0x01 IPv4, 0x02 IPv6), the port and the address, optionally XORed with the magic cookie and,
 * for IPv6, the transaction id.
 */
final class StunAddressCodec {
    static final int FAMILY_IPV4 = 0x01;
    static final int FAMILY_IPV6 = 0x02;

    private StunAddressCodec() {
    }

    static InetSocketAddress decode(byte[] b, int off, int len, byte[] transactionId, boolean xor)
            throws StunParseException {
        if (len < 4) {
            throw new StunParseException("address attribute too short: " + len);
        }
        int family = b[off + 1] & 0xFF;
        int port = ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
        int addressLength = switch (family) {
            case FAMILY_IPV4 -> 4;
            case FAMILY_IPV6 -> 16;
            default -> throw new StunParseException("unknown address family: " + family);
        };
        if (len != 4 + addressLength) {
            throw new StunParseException("address attribute length " + len + " does not fit family " + family);
        }
        byte[] address = new byte[addressLength];
        System.arraycopy(b, off + 4, address, 0, addressLength);
        if (xor) {
            port ^= StunMessage.MAGIC_COOKIE >>> 16;
            xorAddress(address, transactionId);
        }
        return new InetSocketAddress(toInetAddress(address), port);
    }

    static byte[] encode(InetSocketAddress socketAddress, byte[] transactionId, boolean xor) {
        InetAddress inet = socketAddress.getAddress();
        if (inet == null) {
            throw new IllegalArgumentException("unresolved address cannot be encoded: " + socketAddress);
        }
        byte[] address = inet.getAddress();
        int port = socketAddress.getPort();
        if (xor) {
            port ^= StunMessage.MAGIC_COOKIE >>> 16;
            xorAddress(address, transactionId);
        }
        byte[] value = new byte[4 + address.length];
        value[1] = (byte) (address.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6);
        value[2] = (byte) (port >>> 8);
        value[3] = (byte) port;
        System.arraycopy(address, 0, value, 4, address.length);
        return value;
    }

    private static void xorAddress(byte[] address, byte[] transactionId) {
        int cookie = StunMessage.MAGIC_COOKIE;
        for (int i = 0; i < address.length; i++) {
            byte mask = i < 4 ? (byte) (cookie >>> (24 - 8 * i)) : transactionId[i - 4];
            address[i] ^= mask;
        }
    }

    /** Builds the address without any name lookup, keeping IPv4-mapped IPv6 addresses as IPv6. */
    private static InetAddress toInetAddress(byte[] address) {
        try {
            return address.length == 4
                    ? Inet4Address.getByAddress(address)
                    : Inet6Address.getByAddress(null, address, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of checked length rejected", e);
        }
    }
}
