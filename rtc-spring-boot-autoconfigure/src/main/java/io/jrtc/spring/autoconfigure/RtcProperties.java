package io.jrtc.spring.autoconfigure;

import io.jrtc.pc.RTCIceServer;
import io.jrtc.pc.RTCIceTransportPolicy;
import io.jrtc.spring.autoconfigure.service.IceServers;
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

    @NestedConfigurationProperty
    private final PortRangeProperties portRange = new PortRangeProperties();

    @NestedConfigurationProperty
    private final UdpProperties udp = new UdpProperties();

    @NestedConfigurationProperty
    private final TcpProperties tcp = new TcpProperties();

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

    @NestedConfigurationProperty
    private final LimitProperties limits = new LimitProperties();

    @NestedConfigurationProperty
    private final RestProperties rest = new RestProperties();

    @NestedConfigurationProperty
    private final EventStreamProperties events = new EventStreamProperties();

    @NestedConfigurationProperty
    private final TurnProperties turn = new TurnProperties();

    @NestedConfigurationProperty
    private final WhipProperties whip = new WhipProperties();

    @NestedConfigurationProperty
    private final WhepProperties whep = new WhepProperties();

    @NestedConfigurationProperty
    private final RtcSecurityProperties security = new RtcSecurityProperties();

    @NestedConfigurationProperty
    private final IceProperties ice = new IceProperties();

    @NestedConfigurationProperty
    private final SctpProperties sctp = new SctpProperties();

    @NestedConfigurationProperty
    private final DtlsProperties dtls = new DtlsProperties();

    @NestedConfigurationProperty
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

    public PortRangeProperties getPortRange() {
        return portRange;
    }

    public UdpProperties getUdp() {
        return udp;
    }

    public TcpProperties getTcp() {
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

    public LimitProperties getLimits() {
        return limits;
    }

    public RestProperties getRest() {
        return rest;
    }

    public EventStreamProperties getEvents() {
        return events;
    }

    public TurnProperties getTurn() {
        return turn;
    }

    public WhipProperties getWhip() {
        return whip;
    }

    public WhepProperties getWhep() {
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
}
