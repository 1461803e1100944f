package io.jrtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jrtc.stun.StunAttribute;
import io.jrtc.stun.StunIntegrity;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunParseException;

/**
 * STUN messages (RFC 8489 §5, §14) from arbitrary bytes: parse, read every attribute, check integrity, and write
 * what was parsed back out. Only {@link StunParseException} may leave the parser.
 */
class StunMessageFuzzTest {
    private static final byte[] KEY = StunIntegrity.shortTermKey("apasswordapasswordapassw");

    @FuzzTest(maxDuration = "5s")
    void stunMessage(byte[] input) throws Exception {
        InputBudget.within(() -> {
            StunMessage.isStun(input, 0, input.length);
            StunMessage m;
            try {
                m = StunMessage.parse(input);
            } catch (StunParseException e) {
                return;
            }
            for (StunAttribute a : m.attributes()) {
                a.toString();
            }
            m.username();
            m.software();
            m.realm();
            m.xorMappedAddress();
            m.mappedAddress();
            m.nonce();
            m.priority();
            m.iceControlling();
            m.iceControlled();
            m.errorCode();
            m.unknownAttributes();
            m.unknownComprehensionRequired();
            m.verifyFingerprint();
            m.verifyIntegrity(KEY);
            m.verifyIntegritySha256(KEY);
            // What we parsed we can write again, and read back (the agent echoes parsed attributes in answers).
            StunMessage.parse(m.encode(KEY, true));
        });
    }
}
