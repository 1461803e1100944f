package io.jrtc.datachannel;

/** RTCDataChannelState (W3C webrtc-pc §6.2); {@link #toString} gives the W3C string. */
public enum DataChannelState {
    CONNECTING("connecting"),
    OPEN("open"),
    CLOSING("closing"),
    CLOSED("closed");

    private final String w3cName;

    DataChannelState(String w3cName) {
        this.w3cName = w3cName;
    }

    @Override
    public String toString() {
        return w3cName;
    }
}
