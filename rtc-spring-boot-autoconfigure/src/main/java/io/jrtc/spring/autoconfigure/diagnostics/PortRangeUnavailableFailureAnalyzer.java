package io.jrtc.spring.autoconfigure.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@link PortRangeUnavailableException} at startup and says how to fix it. */
public class PortRangeUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<PortRangeUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortRangeUnavailableException cause) {
        String description = "The WebRTC engine could not bind a UDP port in rtc.port-range " + cause.getMin() + "-"
                + cause.getMax() + " on " + cause.getAddress() + ": " + cause.getReason() + ".";
        String action = "Choose a range of free UDP ports with rtc.port-range.min and rtc.port-range.max "
                + "(min <= max, both within 1-65535; ports below 1024 need privileges), stop whatever already "
                + "uses these ports, or set both to 0 to let the operating system pick ephemeral ports. "
                + "Also check that rtc.bind-addresses names addresses of this machine, and open the range in "
                + "your firewall.";
        return new FailureAnalysis(description, action, cause);
    }
}
