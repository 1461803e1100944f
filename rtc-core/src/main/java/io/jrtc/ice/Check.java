package io.jrtc.ice;

import io.jrtc.stun.StunTransaction;

/**
 * One outstanding Binding request on a pair: a connectivity check (RFC 8445 §7.2.4) or a consent check
 * (RFC 7675 §5.1), with what its response must be checked against.
 *
 * @param key               the remote password the request was signed with; the response must carry it too
 * @param sentControlling   whether the request carried ICE-CONTROLLING, for a 487 answer (§7.2.5.1)
 * @param sentPriority      the PRIORITY sent, which a local peer-reflexive candidate takes (§7.2.5.3.1)
 */
record Check(IceCandidatePair pair, StunTransaction transaction, boolean consent, boolean useCandidate,
             byte[] key, boolean sentControlling, long sentPriority) {
}
