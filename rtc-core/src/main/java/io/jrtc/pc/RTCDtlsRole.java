package io.jrtc.pc;

/** DTLS role of an RTCDtlsTransport, as in the reference API. {@code toString()} gives the W3C string. */
public enum RTCDtlsRole {
    AUTO, CLIENT, SERVER;

    @Override
    public String toString() {
        return W3cNames.of(this);
    }

    public static RTCDtlsRole fromString(String value) {
        return W3cNames.parse(RTCDtlsRole.class, value);
    }
}
