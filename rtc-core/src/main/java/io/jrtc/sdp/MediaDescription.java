package io.jrtc.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One media description (RFC 8866 §5.14): the {@code m=} line and its {@code i=}, {@code c=}, {@code b=},
 * {@code k=} and {@code a=} lines, with typed access to the attributes WebRTC data channels use (RFC 8841 SCTP,
 * RFC 8839 ICE, RFC 8842 DTLS, RFC 8843 BUNDLE, RFC 3264 direction). Mutable; validated on every change.
 */
public final class MediaDescription extends SdpSection {
    private static final Set<String> DIRECTIONS = Set.of("sendrecv", "sendonly", "recvonly", "inactive");

    private String media;
    private int port;
    private Integer numberOfPorts;
    private String protocol;
    private List<String> formats;
    private String information;
    private final List<String> connections = new ArrayList<>();
    private final List<String> bandwidths = new ArrayList<>();
    private String encryptionKey;

    /** A new media description, e.g. {@code ("application", 9, "UDP/DTLS/SCTP", List.of("webrtc-datachannel"))}. */
    public MediaDescription(String media, int port, String protocol, List<String> formats) {
        setMedia(media);
        setPort(port);
        setProtocol(protocol);
        setFormats(formats);
    }

    /** Parses the text after {@code m=}: media SP port["/"count] SP proto 1*(SP fmt). */
    static MediaDescription parseMediaLine(String value) {
        String[] f = SdpSyntax.fields(value, "m= value");
        if (f.length < 4) {
            throw new IllegalArgumentException("m= needs <media> <port> <proto> <fmt>...");
        }
        String portField = f[1];
        Integer count = null;
        int slash = portField.indexOf('/');
        if (slash >= 0) {
            count = SdpSyntax.parseBounded(portField.substring(slash + 1), Integer.MAX_VALUE);
            if (count <= 0) {
                throw new IllegalArgumentException("m= number of ports must be a positive number");
            }
            portField = portField.substring(0, slash);
        }
        int port = SdpSyntax.parseBounded(portField, 65535);
        if (port < 0) {
            throw new IllegalArgumentException("m= port must be a number from 0 to 65535");
        }
        MediaDescription m = new MediaDescription(f[0], port, f[2], List.of(f).subList(3, f.length));
        m.setNumberOfPorts(count);
        return m;
    }

    /** A deep copy. */
    public MediaDescription copy() {
        MediaDescription m = new MediaDescription(media, port, protocol, formats);
        m.numberOfPorts = numberOfPorts;
        m.information = information;
        m.connections.addAll(connections);
        m.bandwidths.addAll(bandwidths);
        m.encryptionKey = encryptionKey;
        m.copyAttributesFrom(this);
        return m;
    }

    public String media() {
        return media;
    }

    public void setMedia(String media) {
        this.media = SdpSyntax.requireToken(media, "media type");
    }

    public int port() {
        return port;
    }

    /** Port 0 rejects or disables the section (RFC 3264 §6); JSEP uses 9 as a placeholder (RFC 8829 §5.2.1). */
    public void setPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be from 0 to 65535: " + port);
        }
        this.port = port;
    }

    /** The {@code /<number of ports>} suffix of the m= port, or null when absent. */
    public Integer numberOfPorts() {
        return numberOfPorts;
    }

    public void setNumberOfPorts(Integer numberOfPorts) {
        if (numberOfPorts != null && numberOfPorts <= 0) {
            throw new IllegalArgumentException("number of ports must be positive");
        }
        this.numberOfPorts = numberOfPorts;
    }

    /** E.g. "UDP/DTLS/SCTP" (RFC 8841) or the legacy "DTLS/SCTP". */
    public String protocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        Objects.requireNonNull(protocol, "protocol");
        for (String part : protocol.split("/", -1)) {
            SdpSyntax.requireToken(part, "protocol part");
        }
        this.protocol = protocol;
    }

    public List<String> formats() {
        return formats;
    }

    public void setFormats(List<String> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("an m= line needs at least one format");
        }
        for (String format : formats) {
            SdpSyntax.requireToken(format, "format");
        }
        this.formats = List.copyOf(formats);
    }

    /** The {@code i=} line, or null. */
    public String information() {
        return information;
    }

    public void setInformation(String information) {
        this.information = information == null ? null : SdpSyntax.lineText(information, "i= value");
    }

    /** The value of the first {@code c=} line, e.g. "IN IP4 0.0.0.0", or null. */
    public String connection() {
        return connections.isEmpty() ? null : connections.get(0);
    }

    /** Every {@code c=} line (a media description may carry several for multicast). */
    public List<String> connections() {
        return Collections.unmodifiableList(connections);
    }

    /** Replaces all {@code c=} lines by this one, or removes them when null. */
    public void setConnection(String connection) {
        if (connection != null) {
            SdpSyntax.requireConnection(connection);
        }
        connections.clear();
        if (connection != null) {
            connections.add(connection);
        }
    }

    public void addConnection(String connection) {
        connections.add(SdpSyntax.requireConnection(connection));
    }

    /** The {@code b=} values, e.g. "AS:30". */
    public List<String> bandwidths() {
        return Collections.unmodifiableList(bandwidths);
    }

    public void addBandwidth(String bandwidth) {
        bandwidths.add(SdpSyntax.requireBandwidth(bandwidth));
    }

    /** The obsolete {@code k=} line (RFC 8866 §5.12), kept for round trips; null when absent. */
    public String encryptionKey() {
        return encryptionKey;
    }

    public void setEncryptionKey(String key) {
        this.encryptionKey = key == null ? null : SdpSyntax.lineText(key, "k= value");
    }

    /** {@code a=mid} (RFC 5888 §4). */
    public String mid() {
        return attribute("mid");
    }

    public void setMid(String mid) {
        setAttribute("mid", mid);
    }

    /**
     * The SCTP port from {@code a=sctp-port} (RFC 8841 §5); for the legacy "DTLS/SCTP" form that aiortc 1.4 still
     * offers, the port from {@code a=sctpmap}. Null when neither is present.
     */
    public Integer sctpPort() {
        String value = attribute("sctp-port");
        if (value != null) {
            return Integer.valueOf(value);
        }
        String sctpmap = attribute("sctpmap");
        if (sctpmap != null) {
            return Integer.valueOf(sctpmap.substring(0, sctpmap.indexOf(' ')));
        }
        return null;
    }

    public void setSctpPort(int sctpPort) {
        setAttribute("sctp-port", Integer.toString(sctpPort));
    }

    /** {@code a=max-message-size} (RFC 8841 §6); 0 means no limit, null means absent (the default is 64 KiB). */
    public Long maxMessageSize() {
        String value = attribute("max-message-size");
        return value == null ? null : Long.valueOf(value);
    }

    public void setMaxMessageSize(long maxMessageSize) {
        setAttribute("max-message-size", Long.toString(maxMessageSize));
    }

    /** The values of the {@code a=candidate} lines, i.e. the text after "candidate:" (RFC 8839 §5.1). */
    public List<String> candidates() {
        return attributeValues("candidate");
    }

    /** Adds {@code a=candidate:<value>}; the value is the text after "candidate:". */
    public void addCandidate(String value) {
        addAttribute("candidate", value);
    }

    /** {@code a=end-of-candidates} (RFC 8840 §8.2). */
    public boolean endOfCandidates() {
        return hasAttribute("end-of-candidates");
    }

    public void setEndOfCandidates(boolean present) {
        setFlag("end-of-candidates", present);
    }

    /** The last direction attribute (sendrecv, sendonly, recvonly, inactive; RFC 3264 §5.1), or null. */
    public String direction() {
        String direction = null;
        for (SdpAttribute a : attributes()) {
            if (a.value() == null && DIRECTIONS.contains(a.name())) {
                direction = a.name();
            }
        }
        return direction;
    }

    /** Replaces any direction attribute by this one; null removes them. */
    public void setDirection(String direction) {
        if (direction != null && !DIRECTIONS.contains(direction)) {
            throw new IllegalArgumentException("direction must be sendrecv, sendonly, recvonly or inactive");
        }
        DIRECTIONS.forEach(this::removeAttributes);
        if (direction != null) {
            addAttribute(direction, null);
        }
    }

    /** {@code a=rtcp-mux} (RFC 5761 §5.1.1). */
    public boolean rtcpMux() {
        return hasAttribute("rtcp-mux");
    }

    public void setRtcpMux(boolean present) {
        setFlag("rtcp-mux", present);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaDescription m && media.equals(m.media) && port == m.port
                && Objects.equals(numberOfPorts, m.numberOfPorts) && protocol.equals(m.protocol)
                && formats.equals(m.formats) && Objects.equals(information, m.information)
                && connections.equals(m.connections) && bandwidths.equals(m.bandwidths)
                && Objects.equals(encryptionKey, m.encryptionKey) && sameAttributes(m);
    }

    @Override
    public int hashCode() {
        return Objects.hash(media, port, numberOfPorts, protocol, formats, information, connections, bandwidths,
                encryptionKey, attributesHash());
    }

    /** The section's lines (from {@code m=}), each ending in CRLF. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        SdpWriter.writeMedia(sb, this);
        return sb.toString();
    }
}
