package io.jrtc.pc;

/** A certificate fingerprint as signalled in SDP: algorithm ({@code sha-256}) and colon-separated hex. */
public record RTCDtlsFingerprint(String algorithm, String value) {
    public String getAlgorithm() {
        return algorithm;
    }

    public String getValue() {
        return value;
    }
}
