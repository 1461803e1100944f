package io.jrtc.spring.autoconfigure.diagnostics;

/** An ICE server URL that is not a valid stun:, turn: or turns: URI (RFC 7064, RFC 7065). */
public class InvalidIceServerException extends IllegalArgumentException {
    private final String location;
    private final String url;
    private final String reason;

    /**
     * @param location where the URL came from, e.g. {@code rtc.ice-servers[0].urls[1]} or {@code iceServers[0]}
     */
    public InvalidIceServerException(String location, String url, String reason) {
        super(location + " '" + url + "' is not a valid ICE server URL: " + reason);
        this.location = location;
        this.url = url;
        this.reason = reason;
    }

    public String getLocation() {
        return location;
    }

    public String getUrl() {
        return url;
    }

    public String getReason() {
        return reason;
    }
}
