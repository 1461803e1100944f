package io.jrtc.ice;

import io.jrtc.stun.StunIntegrity;
import io.jrtc.stun.StunMessage;
import java.util.List;

/**
 * The checks a Binding request must pass before it is answered (RFC 8489 §9.1.3, RFC 8445 §7.3): USERNAME and
 * MESSAGE-INTEGRITY present (else 400), FINGERPRINT present (else 400), USERNAME starting with our ufrag and
 * integrity valid with our password (else 401), no unknown comprehension-required attribute (else 420), PRIORITY
 * present (else 400).
 *
 * @param errorCode      0 when the request is acceptable
 * @param localPassword  the matching local password, or null when the request is not authenticated
 */
record IncomingRequest(int errorCode, String errorReason, String localPassword, List<Integer> unknown,
                       boolean previousGeneration, long priority) {

    static IncomingRequest validate(StunMessage request, Credentials credentials) {
        String username = request.username();
        if (username == null || !request.hasIntegrity() || !request.hasFingerprint()) {
            return error(400, "Bad Request", null);
        }
        int colon = username.indexOf(':');
        Credentials.Match match = colon < 0 ? null : credentials.match(username.substring(0, colon));
        if (match == null || !request.verifyIntegrity(StunIntegrity.shortTermKey(match.password()))) {
            return error(401, "Unauthorized", null);
        }
        List<Integer> unknown = request.unknownComprehensionRequired();
        if (!unknown.isEmpty()) {
            return new IncomingRequest(420, "Unknown Attribute", match.password(), unknown, false, 0);
        }
        Long priority = request.priority();
        if (priority == null) {
            return error(400, "Bad Request", match.password());
        }
        return new IncomingRequest(0, null, match.password(), List.of(), match.previousGeneration(), priority);
    }

    private static IncomingRequest error(int code, String reason, String password) {
        return new IncomingRequest(code, reason, password, List.of(), false, 0);
    }
}
