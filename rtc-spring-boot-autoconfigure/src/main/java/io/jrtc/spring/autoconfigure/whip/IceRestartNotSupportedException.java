package io.jrtc.spring.autoconfigure.whip;

/**
 * A PATCH fragment carrying other ICE credentials than the session's: an ICE restart, which these sessions do not
 * support while they do support trickle ICE (422, RFC 9725 section 4.3.2).
 */
public class IceRestartNotSupportedException extends WhipException {
    public IceRestartNotSupportedException(String ufrag) {
        super(422, "ice-restart-not-supported", "ICE restart not supported",
                "the fragment's ice-ufrag '" + ufrag + "' is not the session's: ICE restarts are not supported");
    }
}
