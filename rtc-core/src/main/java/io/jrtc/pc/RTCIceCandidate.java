package io.jrtc.pc;

import io.jrtc.ice.IceCandidate;
import io.jrtc.ice.IceCandidateParseException;
import java.util.Objects;

/**
 * An ICE candidate (W3C RTCIceCandidate, with the parsed fields of the reference API). Built from the SDP
 * attribute value ({@code candidate:...}) as signalled, or from an ICE candidate of our own.
 */
public final class RTCIceCandidate {
    private final String candidate;
    private final String sdpMid;
    private final Integer sdpMLineIndex;
    private final String usernameFragment;
    private final IceCandidate parsed;

    /**
     * @throws IllegalArgumentException when {@code candidate} is not a valid candidate attribute (RFC 8839 §5.1)
     */
    public RTCIceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {
        Objects.requireNonNull(candidate, "candidate");
        try {
            this.parsed = IceCandidate.parse(candidate);
        } catch (IceCandidateParseException e) {
            throw new IllegalArgumentException("invalid ICE candidate '" + candidate + "': " + e.getMessage(), e);
        }
        this.candidate = IceCandidate.attributeText(candidate);
        this.sdpMid = sdpMid;
        this.sdpMLineIndex = sdpMLineIndex;
        this.usernameFragment = usernameFragment;
    }

    public RTCIceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex) {
        this(candidate, sdpMid, sdpMLineIndex, null);
    }

    RTCIceCandidate(IceCandidate ice, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {
        this.parsed = ice;
        this.candidate = ice.toSdpValue();
        this.sdpMid = sdpMid;
        this.sdpMLineIndex = sdpMLineIndex;
        this.usernameFragment = usernameFragment;
    }

    IceCandidate ice() {
        return parsed;
    }

    /** The attribute value, {@code candidate:<foundation> <component> ...}. */
    public String getCandidate() {
        return candidate;
    }

    public String getSdpMid() {
        return sdpMid;
    }

    public Integer getSdpMLineIndex() {
        return sdpMLineIndex;
    }

    public String getUsernameFragment() {
        return usernameFragment;
    }

    public int getComponent() {
        return parsed.component();
    }

    public String getFoundation() {
        return parsed.foundation();
    }

    public String getIp() {
        return parsed.address();
    }

    public int getPort() {
        return parsed.port();
    }

    public long getPriority() {
        return parsed.priority();
    }

    public String getProtocol() {
        return parsed.protocol();
    }

    public String getType() {
        return parsed.type().toString();
    }

    public String getRelatedAddress() {
        return parsed.relatedAddress();
    }

    public Integer getRelatedPort() {
        return parsed.relatedPort();
    }

    public String getTcpType() {
        return parsed.tcpType();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RTCIceCandidate other && candidate.equals(other.candidate)
                && Objects.equals(sdpMid, other.sdpMid) && Objects.equals(sdpMLineIndex, other.sdpMLineIndex);
    }

    @Override
    public int hashCode() {
        return Objects.hash(candidate, sdpMid, sdpMLineIndex);
    }

    @Override
    public String toString() {
        return candidate;
    }
}
