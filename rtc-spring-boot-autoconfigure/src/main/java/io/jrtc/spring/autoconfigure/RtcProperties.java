package io.jrtc.spring.autoconfigure;

import io.jrtc.pc.RTCIceServer;
import io.jrtc.pc.RTCIceTransportPolicy;
import io.jrtc.spring.autoconfigure.service.IceServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code rtc.*} configuration of the WebRTC engine, the peer-connection service and its web endpoints.
 */
@ConfigurationProperties("rtc")
public class RtcProperties {

    /**
     * STUN and TURN servers every new peer connection uses unless a request names its own.
     */
    private List<IceServer> iceServers = new ArrayList<>();

    /**
     * Which candidates connections offer and use: ALL, or RELAY for TURN-relayed ones only (a TURN server must be
     * among the ICE servers then).
     */
    private RTCIceTransportPolicy iceTransportPolicy = RTCIceTransportPolicy.ALL;

    private final PortRange portRange = new PortRange();

    private final Udp udp = new Udp();
    private final Tcp tcp = new Tcp();

    /**
     * Local addresses to gather host candidates on. Empty means every non-loopback interface that is up.
     */
    private List<String> bindAddresses = new ArrayList<>();

    /**
     * Whether loopback interfaces also give host candidates (useful for tests on one machine).
     */
    private boolean includeLoopback = false;

    /**
     * Public addresses announced as extra host candidates, for a server behind a static NAT (1:1) mapping.
     */
    private List<String> announcedAddresses = new ArrayList<>();

    /**
     * Number of event-loop threads shared by every peer connection; 0 means one per available processor.
     */
    private int eventLoopThreads = 0;

    private final Limits limits = new Limits();

    private final Rest rest = new Rest();

    private final Events events = new Events();

    private final Turn turn = new Turn();

    private final Whip whip = new Whip();

    private final Whep whep = new Whep();

    @NestedConfigurationProperty
    private final RtcSecurityProperties security = new RtcSecurityProperties();

    @NestedConfigurationProperty
    private final IceProperties ice = new IceProperties();

    @NestedConfigurationProperty
    private final SctpProperties sctp = new SctpProperties();

    @NestedConfigurationProperty
    private final DtlsProperties dtls = new DtlsProperties();
    private final MediaProperties media = new MediaProperties();

    @NestedConfigurationProperty
    private final RtpProperties rtp = new RtpProperties();

    public List<IceServer> getIceServers() {
        return iceServers;
    }

    public void setIceServers(List<IceServer> iceServers) {
        this.iceServers = iceServers;
    }

    public RTCIceTransportPolicy getIceTransportPolicy() {
        return iceTransportPolicy;
    }

    public void setIceTransportPolicy(RTCIceTransportPolicy iceTransportPolicy) {
        this.iceTransportPolicy = iceTransportPolicy;
    }

    /**
     * The configured ICE servers, validated: a malformed URL fails the application at startup with an explanation
     * naming it ({@code rtc.ice-servers[n].urls[i]}).
     */
    public List<RTCIceServer> createIceServers() {
        List<RTCIceServer> servers = new ArrayList<>();
        for (int i = 0; i < iceServers.size(); i++) {
            IceServer server = iceServers.get(i);
            servers.add(IceServers.create("rtc.ice-servers[" + i + "]", server.getUrls(), server.getUsername(),
                    server.getCredential()));
        }
        return List.copyOf(servers);
    }

    public PortRange getPortRange() {
        return portRange;
    }

    public Udp getUdp() {
        return udp;
    }

    public Tcp getTcp() {
        return tcp;
    }

    public List<String> getBindAddresses() {
        return bindAddresses;
    }

    public void setBindAddresses(List<String> bindAddresses) {
        this.bindAddresses = bindAddresses;
    }

    public boolean isIncludeLoopback() {
        return includeLoopback;
    }

    public void setIncludeLoopback(boolean includeLoopback) {
        this.includeLoopback = includeLoopback;
    }

    public List<String> getAnnouncedAddresses() {
        return announcedAddresses;
    }

    public void setAnnouncedAddresses(List<String> announcedAddresses) {
        this.announcedAddresses = announcedAddresses;
    }

    public int getEventLoopThreads() {
        return eventLoopThreads;
    }

    public void setEventLoopThreads(int eventLoopThreads) {
        this.eventLoopThreads = eventLoopThreads;
    }

    public Limits getLimits() {
        return limits;
    }

    public Rest getRest() {
        return rest;
    }

    public Events getEvents() {
        return events;
    }

    public Turn getTurn() {
        return turn;
    }

    public Whip getWhip() {
        return whip;
    }

    public Whep getWhep() {
        return whep;
    }

    public RtcSecurityProperties getSecurity() {
        return security;
    }

    public IceProperties getIce() {
        return ice;
    }

    public SctpProperties getSctp() {
        return sctp;
    }

    public MediaProperties getMedia() {
        return media;
    }

    public DtlsProperties getDtls() {
        return dtls;
    }

    public RtpProperties getRtp() {
        return rtp;
    }

    /** One STUN or TURN server (W3C RTCIceServer). */
    public static class IceServer {

        /**
         * URLs of the server: "stun:host[:port]", "turn:host[:port][?transport=udp|tcp]" or "turns:host[:port]".
         */
        private List<String> urls = new ArrayList<>();

        /**
         * User name for a TURN server.
         */
        private String username;

        /**
         * Password for a TURN server.
         */
        private String credential;

        public List<String> getUrls() {
            return urls;
        }

        public void setUrls(List<String> urls) {
            this.urls = urls;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getCredential() {
            return credential;
        }

        public void setCredential(String credential) {
            this.credential = credential;
        }
    }

    /** The UDP ports ICE binds its sockets to. */
    public static class PortRange {

        /**
         * Lowest UDP port to bind; 0 (with max 0) lets the operating system choose ephemeral ports.
         */
        private int min = 0;

        /**
         * Highest UDP port to bind; 0 (with min 0) lets the operating system choose ephemeral ports.
         */
        private int max = 0;

        public int getMin() {
            return min;
        }

        public void setMin(int min) {
            this.min = min;
        }

        public int getMax() {
            return max;
        }

        public void setMax(int max) {
            this.max = max;
        }
    }

    /** The one UDP port the connections this service answers share. */
    public static class Udp {

        /**
         * UDP port that every answered connection shares, one socket per event loop on each address; 0 picks a
         * free port per address. Unset, each connection binds its own port from rtc.port-range. Connections this
         * service offers always bind their own. Two services on one host need different ports.
         */
        private Integer port;

        public Integer getPort() {
            return port;
        }

        public void setPort(Integer port) {
            this.port = port;
        }
    }

    /** The one TCP port where the connections this service answers accept ICE-TCP streams (RFC 6544). */
    public static class Tcp {

        /**
         * TCP port on which every answered connection also offers a passive ICE-TCP candidate, one listening socket
         * per address; 0 picks a free port per address. Peers whose UDP is blocked (browsers behind strict firewalls)
         * connect over it without TURN. Unset, no TCP candidate is offered. Two services on one host need different
         * ports.
         */
        private Integer port;

        public Integer getPort() {
            return port;
        }

        public void setPort(Integer port) {
            this.port = port;
        }
    }

    /** Bounds that protect the service from too many or too large requests and from forgotten connections. */
    public static class Limits {

        /**
         * Most peer connections open at once; creating one more answers 503 with Retry-After.
         */
        private int maxPeerConnections = 100;

        /**
         * Largest session description accepted, in bytes of UTF-8; a larger one answers 413.
         */
        private int maxSdpBytes = 65536;

        /**
         * How long a connection may stay not connected (new, failed, disconnected) before it is closed and removed.
         */
        private Duration idleTimeout = Duration.ofSeconds(60);

        /**
         * Longest lifetime of any connection, connected or not, before it is closed and removed.
         */
        private Duration sessionTimeout = Duration.ofHours(12);

        /**
         * Longest wait for one signalling operation (offer, answer, candidates, statistics) of a request.
         */
        private Duration operationTimeout = Duration.ofSeconds(10);

        @NestedConfigurationProperty
        private final ClientLimitProperties client = new ClientLimitProperties();

        public ClientLimitProperties getClient() {
            return client;
        }

        public int getMaxPeerConnections() {
            return maxPeerConnections;
        }

        public void setMaxPeerConnections(int maxPeerConnections) {
            this.maxPeerConnections = maxPeerConnections;
        }

        public int getMaxSdpBytes() {
            return maxSdpBytes;
        }

        public void setMaxSdpBytes(int maxSdpBytes) {
            this.maxSdpBytes = maxSdpBytes;
        }

        public Duration getIdleTimeout() {
            return idleTimeout;
        }

        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        public Duration getSessionTimeout() {
            return sessionTimeout;
        }

        public void setSessionTimeout(Duration sessionTimeout) {
            this.sessionTimeout = sessionTimeout;
        }

        public Duration getOperationTimeout() {
            return operationTimeout;
        }

        public void setOperationTimeout(Duration operationTimeout) {
            this.operationTimeout = operationTimeout;
        }
    }

    /** The REST API that manages peer connections. */
    public static class Rest {

        /**
         * Whether the REST API is served (needs a servlet web application with Spring MVC).
         */
        private boolean enabled = true;

        /**
         * Path under which the REST API is served.
         */
        private String basePath = "/api/rtc";

        /**
         * Bearer token the REST API, the event stream and the rtc actuator endpoint require (Authorization: Bearer
         * ...; access_token in the query only on the event stream's WebSocket handshake). Without one, protected
         * mode serves them to loopback clients only (rtc.security.protected-mode).
         */
        private String bearerToken;

        @NestedConfigurationProperty
        private final ClientIceServerProperties clientIceServers = new ClientIceServerProperties();

        @NestedConfigurationProperty
        private final DataChannelBridgeProperties dataChannels = new DataChannelBridgeProperties();

        public ClientIceServerProperties getClientIceServers() {
            return clientIceServers;
        }

        public DataChannelBridgeProperties getDataChannels() {
            return dataChannels;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getBasePath() {
            return basePath;
        }

        public void setBasePath(String basePath) {
            this.basePath = basePath;
        }

        public String getBearerToken() {
            return bearerToken;
        }

        public void setBearerToken(String bearerToken) {
            this.bearerToken = bearerToken;
        }
    }

    /**
     * A TURN server that shares a secret with this service and takes short-lived credentials derived from it (the
     * "TURN REST API" scheme; coturn's use-auth-secret): the service's own connections use it, and clients get
     * credentials for it from the REST API's ice-servers endpoint.
     */
    public static class Turn {

        /**
         * TURN URLs ("turn:host[:port]", "turns:host[:port]"); used only together with a shared secret.
         */
        private List<String> urls = new ArrayList<>();

        /**
         * The secret shared with the TURN server (coturn: static-auth-secret); none means no TURN credentials.
         */
        private String sharedSecret;

        /**
         * How long issued credentials stay valid.
         */
        private Duration credentialTtl = Duration.ofHours(12);

        public List<String> getUrls() {
            return urls;
        }

        public void setUrls(List<String> urls) {
            this.urls = urls;
        }

        public String getSharedSecret() {
            return sharedSecret;
        }

        public void setSharedSecret(String sharedSecret) {
            this.sharedSecret = sharedSecret;
        }

        public Duration getCredentialTtl() {
            return credentialTtl;
        }

        public void setCredentialTtl(Duration credentialTtl) {
            this.credentialTtl = credentialTtl;
        }
    }

    /** The WebSocket stream of peer-connection events. */
    public static class Events {

        /**
         * Whether the WebSocket event stream is served (needs Spring WebSocket).
         */
        private boolean enabled = true;

        /**
         * Path of the WebSocket event stream.
         */
        private String path = "/api/rtc/events";

        /**
         * How often each connection's statistics are sampled for the "stats" event and the metrics; 0 turns it off.
         * A connection without data-channel or RTP traffic since its last sample is sampled less often (after 1, 3,
         * 7, then every 10 periods) until its next state change or traffic.
         */
        private Duration statsInterval = Duration.ofSeconds(1);

        /**
         * Origin patterns allowed to open the event stream from a browser; empty means the same origin only.
         */
        private List<String> allowedOriginPatterns = new ArrayList<>();

        /**
         * Most events queued for one WebSocket client; a client that falls further behind is disconnected.
         */
        private int maxQueuedEvents = 1000;

        /**
         * Longest time one event may take to send to a client before it is disconnected.
         */
        private Duration sendTimeLimit = Duration.ofSeconds(5);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public Duration getStatsInterval() {
            return statsInterval;
        }

        public void setStatsInterval(Duration statsInterval) {
            this.statsInterval = statsInterval;
        }

        public List<String> getAllowedOriginPatterns() {
            return allowedOriginPatterns;
        }

        public void setAllowedOriginPatterns(List<String> allowedOriginPatterns) {
            this.allowedOriginPatterns = allowedOriginPatterns;
        }

        public int getMaxQueuedEvents() {
            return maxQueuedEvents;
        }

        public void setMaxQueuedEvents(int maxQueuedEvents) {
            this.maxQueuedEvents = maxQueuedEvents;
        }

        public Duration getSendTimeLimit() {
            return sendTimeLimit;
        }

        public void setSendTimeLimit(Duration sendTimeLimit) {
            this.sendTimeLimit = sendTimeLimit;
        }
    }

    /** WHIP ingest (RFC 9725): publishers POST an SDP offer to {@code {path}/{streamId}}. */
    public static class Whip {

        /**
         * Whether WHIP ingest and WHEP playback are served (needs a servlet web application with Spring MVC).
         */
        private boolean enabled = true;

        /**
         * Path of the WHIP endpoints; a stream is published at {path}/{streamId}.
         */
        private String path = "/whip";

        /**
         * Bearer token a publisher must present (Authorization: Bearer ...). Without one, protected mode lets only
         * loopback clients publish (rtc.security.protected-mode).
         */
        private String token;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }
    }

    /** WHEP playback (draft-ietf-wish-whep): viewers POST an SDP offer to {@code {path}/{streamId}}. */
    public static class Whep {

        /**
         * Path of the WHEP endpoints; a published stream is played at {path}/{streamId}.
         */
        private String path = "/whep";

        /**
         * Bearer token a viewer must present (Authorization: Bearer ...); none means anybody may play, as with
         * public HLS (protected mode does not cover playback).
         */
        private String token;

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }
    }
}
