package io.jrtc.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A session description (RFC 8866): session-level lines, session attributes and media descriptions. Parse with
 * {@link #parse}, build with {@link #create}, write with {@link #toString} (CRLF, RFC 8866 §5 line order).
 * Mutable and validated on every change, so whatever a model holds writes out as SDP that parses back equal.
 */
public final class SessionDescription extends SdpSection {
    private Origin origin;
    private String sessionName;
    private String information;
    private String uri;
    private final List<String> emails = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();
    private String connection;
    private final List<String> bandwidths = new ArrayList<>();
    private final List<TimeDescription> timeDescriptions = new ArrayList<>();
    private String timeZones;
    private String encryptionKey;
    private final List<MediaDescription> media = new ArrayList<>();

    /** A description with the given origin and session name, timing "0 0" and nothing else. */
    public SessionDescription(Origin origin, String sessionName) {
        setOrigin(origin);
        setSessionName(sessionName);
        timeDescriptions.add(TimeDescription.of("0 0"));
    }

    /**
     * The JSEP skeleton (RFC 8829 §5.2.1): {@code v=0}, {@code o=- <sessionId> 1 IN IP4 127.0.0.1}, {@code s=-},
     * {@code t=0 0}.
     */
    public static SessionDescription create(long sessionId) {
        if (sessionId < 0) {
            throw new IllegalArgumentException("session id must not be negative");
        }
        Origin origin = new Origin("-", Long.toString(sessionId), 1, "IN", "IP4", "127.0.0.1");
        return new SessionDescription(origin, "-");
    }

    /**
     * Parses SDP text liberally (CRLF, LF or both; stray blanks and blank lines; see {@link SdpParser}) into the
     * canonical model. Unknown attributes are kept verbatim but for trailing blanks.
     */
    public static SessionDescription parse(String sdp) throws SdpParseException {
        return SdpParser.parse(sdp);
    }

    /** A deep copy. */
    public SessionDescription copy() {
        SessionDescription s = new SessionDescription(origin, sessionName);
        s.information = information;
        s.uri = uri;
        s.emails.addAll(emails);
        s.phones.addAll(phones);
        s.connection = connection;
        s.bandwidths.addAll(bandwidths);
        s.timeDescriptions.clear();
        s.timeDescriptions.addAll(timeDescriptions);
        s.timeZones = timeZones;
        s.encryptionKey = encryptionKey;
        s.copyAttributesFrom(this);
        for (MediaDescription m : media) {
            s.media.add(m.copy());
        }
        return s;
    }

    public Origin origin() {
        return origin;
    }

    public void setOrigin(Origin origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /**
     * The {@code s=} value; JSEP uses "-". A blank name (RFC 8866 §5.3's {@code "s= "}) is kept as "-", since
     * {@code s=} needs at least one character and trailing blanks are not kept.
     */
    public String sessionName() {
        return sessionName;
    }

    public void setSessionName(String sessionName) {
        String name = SdpSyntax.lineText(sessionName, "s= value");
        this.sessionName = name.isEmpty() ? "-" : name;
    }

    /** The {@code i=} line, or null. */
    public String information() {
        return information;
    }

    public void setInformation(String information) {
        this.information = information == null ? null : SdpSyntax.lineText(information, "i= value");
    }

    /** The {@code u=} line, or null. */
    public String uri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri == null ? null : SdpSyntax.lineText(uri, "u= value");
    }

    public List<String> emails() {
        return Collections.unmodifiableList(emails);
    }

    public void addEmail(String email) {
        emails.add(SdpSyntax.lineText(email, "e= value"));
    }

    public List<String> phones() {
        return Collections.unmodifiableList(phones);
    }

    public void addPhone(String phone) {
        phones.add(SdpSyntax.lineText(phone, "p= value"));
    }

    /** The session-level {@code c=} value, or null. */
    public String connection() {
        return connection;
    }

    public void setConnection(String connection) {
        this.connection = connection == null ? null : SdpSyntax.requireConnection(connection);
    }

    public List<String> bandwidths() {
        return Collections.unmodifiableList(bandwidths);
    }

    public void addBandwidth(String bandwidth) {
        bandwidths.add(SdpSyntax.requireBandwidth(bandwidth));
    }

    /** The value of the first {@code t=} line: "0 0" for the unbounded sessions JSEP creates. */
    public String timing() {
        return timeDescriptions.get(0).timing();
    }

    /** Replaces all time descriptions by a single {@code t=} line without repeats. */
    public void setTiming(String timing) {
        setTimeDescriptions(List.of(TimeDescription.of(timing)));
    }

    /** Every {@code t=} line with its {@code r=} lines; never empty. */
    public List<TimeDescription> timeDescriptions() {
        return Collections.unmodifiableList(timeDescriptions);
    }

    public void setTimeDescriptions(List<TimeDescription> descriptions) {
        if (descriptions.isEmpty()) {
            throw new IllegalArgumentException("a session description needs at least one t= line");
        }
        List<TimeDescription> copy = List.copyOf(descriptions);
        timeDescriptions.clear();
        timeDescriptions.addAll(copy);
    }

    /** The {@code z=} line, or null. */
    public String timeZones() {
        return timeZones;
    }

    public void setTimeZones(String timeZones) {
        this.timeZones = timeZones == null ? null : SdpSyntax.lineText(timeZones, "z= value");
    }

    /** The obsolete session-level {@code k=} line, or null. */
    public String encryptionKey() {
        return encryptionKey;
    }

    public void setEncryptionKey(String key) {
        this.encryptionKey = key == null ? null : SdpSyntax.lineText(key, "k= value");
    }

    /** The media descriptions in order (the m-line index JSEP uses is the position here); unmodifiable. */
    public List<MediaDescription> media() {
        return Collections.unmodifiableList(media);
    }

    public void addMedia(MediaDescription m) {
        media.add(Objects.requireNonNull(m, "media description"));
    }

    public boolean removeMedia(MediaDescription m) {
        return media.remove(m);
    }

    /** The media description whose {@code a=mid} is {@code mid}, or null. */
    public MediaDescription mediaByMid(String mid) {
        for (MediaDescription m : media) {
            if (Objects.equals(m.mid(), mid)) {
                return m;
            }
        }
        return null;
    }

    /** The media-level {@code a=ice-ufrag}, else the session-level one (RFC 8839 §5.4). */
    public String iceUfrag(MediaDescription m) {
        String value = m.iceUfrag();
        return value != null ? value : iceUfrag();
    }

    /** The media-level {@code a=ice-pwd}, else the session-level one (RFC 8839 §5.4). */
    public String icePwd(MediaDescription m) {
        String value = m.icePwd();
        return value != null ? value : icePwd();
    }

    /** The media-level fingerprints when there are any, else the session-level ones (RFC 8122 §5). */
    public List<Fingerprint> fingerprints(MediaDescription m) {
        List<Fingerprint> value = m.fingerprints();
        return !value.isEmpty() ? value : fingerprints();
    }

    /** The media-level {@code a=setup}, else the session-level one (RFC 4145 §4). */
    public String setup(MediaDescription m) {
        String value = m.setup();
        return value != null ? value : setup();
    }

    /** The media-level ice-options when present, else the session-level ones (RFC 8839 §5.6). */
    public List<String> iceOptions(MediaDescription m) {
        List<String> value = m.iceOptions();
        return !value.isEmpty() ? value : iceOptions();
    }

    /** The mids of each {@code a=group:BUNDLE} line (RFC 8843 §7.1), in order. */
    public List<List<String>> bundleGroups() {
        List<List<String>> groups = new ArrayList<>();
        for (String value : attributeValues("group")) {
            String[] f = value.trim().split(" +");
            if (f[0].equals("BUNDLE")) {
                groups.add(List.of(f).subList(1, f.length));
            }
        }
        return groups;
    }

    /** Adds {@code a=group:BUNDLE <mids>}. */
    public void addBundleGroup(List<String> mids) {
        StringBuilder value = new StringBuilder("BUNDLE");
        for (String mid : mids) {
            value.append(' ').append(mid);
        }
        addAttribute("group", value.toString());
    }

    /** Session-level {@code a=ice-lite} (RFC 8839 §5.3). */
    public boolean iceLite() {
        return hasAttribute("ice-lite");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionDescription s && origin.equals(s.origin) && sessionName.equals(s.sessionName)
                && Objects.equals(information, s.information) && Objects.equals(uri, s.uri)
                && emails.equals(s.emails) && phones.equals(s.phones) && Objects.equals(connection, s.connection)
                && bandwidths.equals(s.bandwidths) && timeDescriptions.equals(s.timeDescriptions)
                && Objects.equals(timeZones, s.timeZones) && Objects.equals(encryptionKey, s.encryptionKey)
                && sameAttributes(s) && media.equals(s.media);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, sessionName, information, uri, emails, phones, connection, bandwidths,
                timeDescriptions, timeZones, encryptionKey, attributesHash(), media);
    }

    /** The SDP text: CRLF line endings, RFC 8866 §5 order. */
    @Override
    public String toString() {
        return SdpWriter.write(this);
    }
}
