package io.jrtc.ice;

import io.jrtc.stun.ErrorCodeAttribute;
import io.jrtc.stun.IceControlledAttribute;
import io.jrtc.stun.IceControllingAttribute;
import io.jrtc.stun.PriorityAttribute;
import io.jrtc.stun.StunAttribute;
import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunIntegrity;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.UnknownAttributesAttribute;
import io.jrtc.stun.UseCandidateAttribute;
import io.jrtc.stun.UsernameAttribute;
import io.jrtc.stun.XorAddressAttribute;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** The STUN messages of connectivity checks (RFC 8445 §7.1, §7.3): requests, responses and error responses. */
final class CheckMessages {
    private CheckMessages() {
    }

    /**
     * A Binding request with USERNAME "remote:local", PRIORITY, ICE-CONTROLLING or ICE-CONTROLLED, optionally
     * USE-CANDIDATE, then MESSAGE-INTEGRITY with the remote password and FINGERPRINT.
     */
    static byte[] request(byte[] transactionId, String username, long priority, IceRole role, long tieBreaker,
            boolean useCandidate, String remotePassword) {
        List<StunAttribute> attributes = new ArrayList<>(4);
        attributes.add(new UsernameAttribute(username));
        attributes.add(new PriorityAttribute(priority));
        attributes.add(role == IceRole.CONTROLLING
                ? new IceControllingAttribute(tieBreaker)
                : new IceControlledAttribute(tieBreaker));
        if (useCandidate) {
            attributes.add(UseCandidateAttribute.INSTANCE);
        }
        return new StunMessage(StunMethod.BINDING, StunClass.REQUEST, transactionId, attributes)
                .encode(StunIntegrity.shortTermKey(remotePassword), true);
    }

    /** The success response: XOR-MAPPED-ADDRESS of the request's source, signed with the local password. */
    static byte[] success(StunMessage request, InetSocketAddress source, String localPassword) {
        return new StunMessage(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE, request.transactionId(),
                List.of(XorAddressAttribute.xorMappedAddress(source)))
                .encode(StunIntegrity.shortTermKey(localPassword), true);
    }

    /**
     * An error response; signed only when the request was authenticated ({@code localPassword} not null), as
     * RFC 8489 §9.1.3 forbids integrity on 400 and 401 answers to unauthenticated requests.
     */
    static byte[] error(StunMessage request, int code, String reason, String localPassword, List<Integer> unknown) {
        List<StunAttribute> attributes = new ArrayList<>(2);
        attributes.add(new ErrorCodeAttribute(code, reason));
        if (!unknown.isEmpty()) {
            attributes.add(new UnknownAttributesAttribute(unknown));
        }
        return new StunMessage(StunMethod.BINDING, StunClass.ERROR_RESPONSE, request.transactionId(), attributes)
                .encode(localPassword == null ? null : StunIntegrity.shortTermKey(localPassword), true);
    }
}
