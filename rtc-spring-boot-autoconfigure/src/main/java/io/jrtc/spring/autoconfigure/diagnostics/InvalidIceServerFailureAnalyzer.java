package io.jrtc.spring.autoconfigure.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a malformed {@code rtc.ice-servers} URL at startup and says how to write it. */
public class InvalidIceServerFailureAnalyzer extends AbstractFailureAnalyzer<InvalidIceServerException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidIceServerException cause) {
        String description = "The ICE server URL '" + cause.getUrl() + "' at " + cause.getLocation()
                + " is malformed: " + cause.getReason() + ".";
        String action = "Write ICE server URLs as stun:host[:port], turn:host[:port][?transport=udp|tcp] or "
                + "turns:host[:port] (RFC 7064, RFC 7065), for example stun:stun.example.org:3478; give TURN "
                + "servers rtc.ice-servers[n].username and rtc.ice-servers[n].credential; or remove the entry.";
        return new FailureAnalysis(description, action, cause);
    }
}
