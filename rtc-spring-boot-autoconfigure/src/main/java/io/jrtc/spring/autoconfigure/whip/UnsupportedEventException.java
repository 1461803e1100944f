package io.jrtc.spring.autoconfigure.whip;

import java.util.List;

/** An event stream asked for event types the WHEP resource does not announce (422). */
public class UnsupportedEventException extends WhipException {
    public UnsupportedEventException(List<String> asked, List<String> supported) {
        super(422, "unsupported-event", "Event type not supported",
                "events " + asked + " are not among the supported " + supported);
    }
}
