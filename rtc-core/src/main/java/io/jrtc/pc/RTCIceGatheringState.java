package io.jrtc.pc;

/** ICE gathering state (W3C RTCIceGatheringState). {@code toString()} gives the W3C string. */
public enum RTCIceGatheringState {
    NEW, GATHERING, COMPLETE;

    @Override
    public String toString() {
        return W3cNames.of(this);
    }

    public static RTCIceGatheringState fromString(String value) {
        return W3cNames.parse(RTCIceGatheringState.class, value);
    }
}
