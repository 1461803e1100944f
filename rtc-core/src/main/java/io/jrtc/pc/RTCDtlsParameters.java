package io.jrtc.pc;

import java.util.List;

/** DTLS parameters of one side: its certificate fingerprints and its role. */
public record RTCDtlsParameters(List<RTCDtlsFingerprint> fingerprints, RTCDtlsRole role) {
    public RTCDtlsParameters {
        fingerprints = List.copyOf(fingerprints);
        if (role == null) {
            role = RTCDtlsRole.AUTO;
        }
    }

    public List<RTCDtlsFingerprint> getFingerprints() {
        return fingerprints;
    }

    public RTCDtlsRole getRole() {
        return role;
    }
}
