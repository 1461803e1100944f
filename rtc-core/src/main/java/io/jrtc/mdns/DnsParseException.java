package io.jrtc.mdns;

/** Thrown when bytes are not a DNS message as RFC 1035 §4.1 lays it out. */
public final class DnsParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public DnsParseException(String message) {
        super(message);
    }
}
