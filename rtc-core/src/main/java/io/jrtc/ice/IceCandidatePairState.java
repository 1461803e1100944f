package io.jrtc.ice;

/** Candidate pair states (RFC 8445 §6.1.2.6), printed as the W3C RTCStatsIceCandidatePairState strings. */
public enum IceCandidatePairState {
    FROZEN("frozen"), WAITING("waiting"), IN_PROGRESS("in-progress"), SUCCEEDED("succeeded"), FAILED("failed");

    private final String w3cName;

    IceCandidatePairState(String w3cName) {
        this.w3cName = w3cName;
    }

    @Override
    public String toString() {
        return w3cName;
    }
}
