package io.jrtc.stun;

import java.util.Arrays;

/** Decodes one attribute value into its typed record, or keeps it raw when the type is not modelled here. */
final class StunAttributeCodec {
    private StunAttributeCodec() {
    }

    static StunAttribute decode(int type, byte[] b, int off, int len, byte[] transactionId)
            throws StunParseException {
        if (XorAddressAttribute.isXorAddressType(type)) {
            return XorAddressAttribute.decode(type, b, off, len, transactionId);
        }
        if (MappedAddressAttribute.isPlainAddressType(type)) {
            return MappedAddressAttribute.decode(type, b, off, len);
        }
        return switch (type) {
            case StunAttributeType.USERNAME -> UsernameAttribute.decode(b, off, len);
            case StunAttributeType.SOFTWARE -> SoftwareAttribute.decode(b, off, len);
            case StunAttributeType.REALM -> RealmAttribute.decode(b, off, len);
            case StunAttributeType.NONCE -> NonceAttribute.decode(b, off, len);
            case StunAttributeType.MESSAGE_INTEGRITY -> MessageIntegrityAttribute.decode(b, off, len);
            case StunAttributeType.MESSAGE_INTEGRITY_SHA256 -> MessageIntegritySha256Attribute.decode(b, off, len);
            case StunAttributeType.FINGERPRINT -> FingerprintAttribute.decode(b, off, len);
            case StunAttributeType.ERROR_CODE -> ErrorCodeAttribute.decode(b, off, len);
            case StunAttributeType.UNKNOWN_ATTRIBUTES -> UnknownAttributesAttribute.decode(b, off, len);
            case StunAttributeType.PRIORITY -> PriorityAttribute.decode(b, off, len);
            case StunAttributeType.USE_CANDIDATE -> UseCandidateAttribute.decode(len);
            case StunAttributeType.ICE_CONTROLLED -> IceControlledAttribute.decode(b, off, len);
            case StunAttributeType.ICE_CONTROLLING -> IceControllingAttribute.decode(b, off, len);
            case StunAttributeType.LIFETIME -> LifetimeAttribute.decode(b, off, len);
            case StunAttributeType.REQUESTED_TRANSPORT -> RequestedTransportAttribute.decode(b, off, len);
            case StunAttributeType.CHANNEL_NUMBER -> ChannelNumberAttribute.decode(b, off, len);
            case StunAttributeType.DATA -> DataAttribute.decode(b, off, len);
            default -> new RawAttribute(type, Arrays.copyOfRange(b, off, off + len));
        };
    }

    /** Whether {@link #decode} maps this type to a record of its own rather than {@link RawAttribute}. */
    static boolean isModelled(int type) {
        return XorAddressAttribute.isXorAddressType(type)
                || MappedAddressAttribute.isPlainAddressType(type)
                || switch (type) {
                    case StunAttributeType.USERNAME, StunAttributeType.SOFTWARE, StunAttributeType.REALM,
                            StunAttributeType.NONCE, StunAttributeType.MESSAGE_INTEGRITY,
                            StunAttributeType.MESSAGE_INTEGRITY_SHA256, StunAttributeType.FINGERPRINT,
                            StunAttributeType.ERROR_CODE, StunAttributeType.UNKNOWN_ATTRIBUTES,
                            StunAttributeType.PRIORITY, StunAttributeType.USE_CANDIDATE,
                            StunAttributeType.ICE_CONTROLLED, StunAttributeType.ICE_CONTROLLING,
                            StunAttributeType.LIFETIME, StunAttributeType.REQUESTED_TRANSPORT,
                            StunAttributeType.CHANNEL_NUMBER, StunAttributeType.DATA -> true;
                    default -> false;
                };
    }
}
