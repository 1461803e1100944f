package io.jrtc.spring.autoconfigure.whip;

/**
 * A PATCH fragment with a new ice-ufrag but no ice-pwd: not an ICE restart that can be carried out, nor candidates of
 * the current ICE session (422, RFC 9725 section 4.3.2).
 */
public class IceRestartWithoutPasswordException extends WhipException {
    public IceRestartWithoutPasswordException(String ufrag) {
        super(422, "ice-restart-without-password", "ICE restart without a password",
                "the fragment's ice-ufrag '" + ufrag + "' is not the session's, and it has no ice-pwd to restart with");
    }
}
