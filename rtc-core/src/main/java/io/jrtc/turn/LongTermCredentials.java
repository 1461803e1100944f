package io.jrtc.turn;

import io.jrtc.stun.NonceAttribute;
import io.jrtc.stun.RealmAttribute;
import io.jrtc.stun.StunAttribute;
import io.jrtc.stun.StunIntegrity;
import io.jrtc.stun.UsernameAttribute;
import java.util.List;

/**
 * The client side of the long-term credential mechanism (RFC 8489 §9.2): the realm and nonce last given by the
 * server, and the key MD5(username ":" realm ":" password) (§9.2.2), recomputed when the realm changes. The
 * password is used as given, without OpaqueString/SASLprep.
 */
final class LongTermCredentials {
    private final String username;
    private final String password;
    private String realm;
    private String nonce;
    private byte[] key;

    LongTermCredentials(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** Whether a 401 has told us realm and nonce, so requests can be authenticated. */
    boolean isKnown() {
        return key != null;
    }

    /** Takes realm and nonce from a 401 or 438 response; a missing realm keeps the one we have. */
    void update(String newRealm, String newNonce) {
        if (newRealm != null && !newRealm.equals(realm)) {
            realm = newRealm;
            key = StunIntegrity.longTermKey(username, realm, password);
        }
        nonce = newNonce;
    }

    String nonce() {
        return nonce;
    }

    /** The key for MESSAGE-INTEGRITY, or null before the first 401. */
    byte[] key() {
        return key;
    }

    /** USERNAME, REALM and NONCE, which go before MESSAGE-INTEGRITY in every authenticated request (§9.2.4). */
    List<StunAttribute> attributes() {
        return List.of(new UsernameAttribute(username), new RealmAttribute(realm), new NonceAttribute(nonce));
    }
}
