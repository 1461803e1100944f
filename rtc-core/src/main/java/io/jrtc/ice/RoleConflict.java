package io.jrtc.ice;

import io.jrtc.stun.StunMessage;

/** Role conflict on an incoming request (RFC 8445 §7.3.1.1), decided by the 64-bit unsigned tie-breakers. */
enum RoleConflict {
    /** The request's role attribute agrees with ours. */
    NONE,
    /** We keep our role and answer 487. */
    REJECT,
    /** We switch to the other role and process the request. */
    SWITCH;

    static RoleConflict of(IceRole role, long ourTieBreaker, StunMessage request) {
        Long theirs = role == IceRole.CONTROLLING ? request.iceControlling() : request.iceControlled();
        if (theirs == null) {
            return NONE;
        }
        boolean oursWins = Long.compareUnsigned(ourTieBreaker, theirs) >= 0;
        // A controlling agent with the larger tie-breaker keeps control; a controlled one with it takes control.
        return (role == IceRole.CONTROLLING) == oursWins ? REJECT : SWITCH;
    }
}
