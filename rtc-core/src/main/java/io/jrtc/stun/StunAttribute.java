package io.jrtc.stun;

/**
 * One STUN attribute (RFC 8489 §14): a type and a value. The value is encoded without its padding; the message
 * encoder pads it to a multiple of four bytes. The transaction id is passed because the XOR address attributes
 * mix it into their value (RFC 8489 §14.2).
 *
 * <p>Attributes that this package does not model are kept as {@link RawAttribute}; other packages (TURN) may
 * implement this interface for their own attribute types.
 */
public interface StunAttribute {
    int type();

    byte[] encodeValue(byte[] transactionId);
}
