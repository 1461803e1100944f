package io.jrtc.sctp;

import io.jrtc.sctp.wire.AbortChunk;
import io.jrtc.sctp.wire.CookieEchoChunk;
import io.jrtc.sctp.wire.ErrorCause;
import io.jrtc.sctp.wire.ErrorChunk;
import io.jrtc.sctp.wire.InitAckChunk;
import io.jrtc.sctp.wire.InitChunk;
import io.jrtc.sctp.wire.Parameter;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Association setup (RFC 9260 §5): INIT / INIT ACK with a State Cookie / COOKIE ECHO / COOKIE ACK, T1-init and
 * T1-cookie retransmission, and the collision cases of §5.2 (simultaneous INITs, lost COOKIE ACK). Peer restart
 * (§5.2.4 case A) is not supported: over DTLS a restarted peer comes with a new DTLS association and a new
 * SCTP association object.
 */
final class Handshake {
    private static final System.Logger LOG = System.getLogger(Handshake.class.getName());

    private final SctpConfig config;
    private final SctpAssociation association;
    private final RtoEstimator rto;
    private final RandomGenerator random;
    private final StateCookies cookies;
    private InitChunk init;
    private int localInitialTsn;
    private byte[] cookie;
    private boolean cookieEchoDue;
    private StateCookies.Contents pending;
    private long deadline = Long.MAX_VALUE;
    private int retransmits;
    private long sentAt;

    /** The peer's capabilities and the parameters it sent that we must report as unrecognized. */
    private record Capabilities(boolean forwardTsn, boolean reconfig, List<Parameter> unrecognized) {
    }

    Handshake(SctpConfig config, SctpAssociation association, RtoEstimator rto) {
        this.config = config;
        this.association = association;
        this.rto = rto;
        this.random = config.randomSeed() == 0 ? new SecureRandom() : new SplittableRandom(config.randomSeed());
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.cookies = new StateCookies(secret);
    }

    RandomGenerator random() {
        return random;
    }

    long deadline() {
        return deadline;
    }

    void stop() {
        deadline = Long.MAX_VALUE;
        cookieEchoDue = false;
    }

    void start(long now) {
        association.localTag = nonZeroTag();
        localInitialTsn = random.nextInt();
        init = new InitChunk(association.localTag, config.receiveWindow(), config.maxOutboundStreams(),
                config.maxInboundStreams(), localInitialTsn, ourParameters(List.of()));
        association.state = SctpState.COOKIE_WAIT;
        retransmits = 0;
        sendInit(now);
    }

    private void sendInit(long now) {
        association.sendUrgent(0, init);
        sentAt = now;
        deadline = now + rto.rto();
    }

    /** T1-init / T1-cookie (RFC 9260 §5.1 C, D). */
    void onTimeout(long now) {
        if (now < deadline) {
            return;
        }
        if (++retransmits > config.maxInitRetransmits()) {
            deadline = Long.MAX_VALUE;
            association.handshakeFailed("association setup timed out");
            return;
        }
        rto.backOff();
        if (association.state == SctpState.COOKIE_WAIT) {
            association.sendUrgent(0, init);
        } else if (association.state == SctpState.COOKIE_ECHOED) {
            cookieEchoDue = true;
        }
        deadline = now + rto.rto();
    }

    /** RFC 9260 §5.1 B and §5.2.1/§5.2.2: answer any INIT with an INIT ACK carrying a signed cookie. */
    void onInit(long now, InitChunk in) {
        if (in.initiateTag() == 0) {
            return;
        }
        if (in.outboundStreams() == 0 || in.inboundStreams() == 0) {
            association.sendUrgent(in.initiateTag(), new AbortChunk(false,
                    List.of(new ErrorCause(ErrorCause.INVALID_MANDATORY_PARAMETER, new byte[0]))));
            return;
        }
        Capabilities caps = inspect(in.parameters());
        SctpState state = association.state;
        int tag;
        int tsn;
        int tieLocal = 0;
        int tiePeer = 0;
        if (state == SctpState.COOKIE_WAIT || state == SctpState.COOKIE_ECHOED) {
            tag = association.localTag;
            tsn = localInitialTsn;
        } else {
            tag = nonZeroTag();
            tsn = random.nextInt();
            if (state != SctpState.CLOSED) {
                tieLocal = association.localTag;
                tiePeer = association.peerTag;
            }
        }
        byte[] signed = cookies.create(new StateCookies.Contents(now, tag, in.initiateTag(), tsn, in.initialTsn(),
                in.advertisedReceiverWindowCredit(), Math.min(config.maxOutboundStreams(), in.inboundStreams()),
                Math.min(config.maxInboundStreams(), in.outboundStreams()), caps.forwardTsn(), caps.reconfig(),
                tieLocal, tiePeer));
        List<Parameter> extra = new ArrayList<>();
        extra.add(new Parameter(Parameter.STATE_COOKIE, signed));
        for (Parameter p : caps.unrecognized()) {
            extra.add(new Parameter(Parameter.UNRECOGNIZED_PARAMETER, p.toBytes()));
        }
        association.sendUrgent(in.initiateTag(), new InitAckChunk(tag, config.receiveWindow(),
                config.maxOutboundStreams(), config.maxInboundStreams(), tsn, ourParameters(extra)));
    }

    /** RFC 9260 §5.1 C: in COOKIE-WAIT, the INIT ACK gives the peer's parameters and the cookie to echo. */
    void onInitAck(long now, InitAckChunk ack) {
        if (association.state != SctpState.COOKIE_WAIT) {
            return;
        }
        Parameter cookieParam = Parameter.find(ack.parameters(), Parameter.STATE_COOKIE);
        if (ack.initiateTag() == 0 || ack.outboundStreams() == 0 || ack.inboundStreams() == 0
                || cookieParam == null) {
            int code = cookieParam == null ? ErrorCause.MISSING_MANDATORY_PARAMETER
                    : ErrorCause.INVALID_MANDATORY_PARAMETER;
            if (ack.initiateTag() != 0) {
                association.sendUrgent(ack.initiateTag(),
                        new AbortChunk(false, List.of(new ErrorCause(code, new byte[0]))));
            }
            association.handshakeFailed("invalid INIT ACK");
            return;
        }
        Capabilities caps = inspect(ack.parameters());
        if (!caps.unrecognized().isEmpty()) {
            byte[] quoted = Parameter.encodeListToBytes(caps.unrecognized());
            association.queueControl(new ErrorChunk(
                    List.of(new ErrorCause(ErrorCause.UNRECOGNIZED_PARAMETERS, quoted))));
        }
        pending = new StateCookies.Contents(now, association.localTag, ack.initiateTag(), localInitialTsn,
                ack.initialTsn(), ack.advertisedReceiverWindowCredit(),
                Math.min(config.maxOutboundStreams(), ack.inboundStreams()),
                Math.min(config.maxInboundStreams(), ack.outboundStreams()), caps.forwardTsn(), caps.reconfig(), 0, 0);
        association.peerTag = ack.initiateTag();
        cookie = cookieParam.value();
        cookieEchoDue = true;
        association.state = SctpState.COOKIE_ECHOED;
        if (retransmits == 0) {
            rto.measure(now - sentAt);
        }
        retransmits = 0;
        sentAt = now;
        deadline = now + rto.rto();
    }

    void addCookieEcho(PacketBuilder packet) {
        if (cookieEchoDue && cookie != null) {
            cookieEchoDue = false;
            packet.add(new CookieEchoChunk(cookie));
        }
    }

    /**
     * RFC 9260 §5.1.5 and the §5.2.4 table. Returns false when the packet must be discarded (bad or stale cookie,
     * wrong tag, or a case that does not apply).
     */
    boolean onCookieEcho(long now, int vtag, CookieEchoChunk echo) {
        StateCookies.Opened opened = cookies.open(echo.cookie(), now);
        if (opened.status() == StateCookies.Status.INVALID || vtag != opened.contents().localTag()) {
            return false;
        }
        StateCookies.Contents c = opened.contents();
        if (opened.status() == StateCookies.Status.STALE) {
            association.sendUrgent(c.peerTag(),
                    new ErrorChunk(List.of(ErrorCause.staleCookie(opened.stalenessNanos() / 1000))));
            return false;
        }
        SctpState state = association.state;
        boolean connecting = state == SctpState.CLOSED || state == SctpState.COOKIE_WAIT
                || state == SctpState.COOKIE_ECHOED;
        if (state == SctpState.CLOSED || connecting && c.localTag() == association.localTag) {
            // No association yet (§5.1 D), or the collision cases B/D while still connecting.
            establish(c, now);
            association.sendCookieAck();
            return true;
        }
        if (c.localTag() == association.localTag && c.peerTag() == association.peerTag) {
            // Case D once established: our COOKIE ACK was lost; repeat it.
            association.sendCookieAck();
            return true;
        }
        LOG.log(System.Logger.Level.DEBUG, "COOKIE ECHO for another association incarnation ignored");
        return false;
    }

    void onCookieAck(long now) {
        if (association.state == SctpState.COOKIE_ECHOED && pending != null) {
            if (retransmits == 0) {
                rto.measure(now - sentAt);
            }
            establish(pending, now);
        }
    }

    /** ERROR chunks are logged; a Stale Cookie while COOKIE-ECHOED restarts the setup (RFC 9260 §5.2.6). */
    void onError(long now, ErrorChunk error) {
        for (ErrorCause cause : error.causes()) {
            LOG.log(System.Logger.Level.DEBUG, "peer reported {0}", cause);
            if (cause.code() == ErrorCause.STALE_COOKIE && association.state == SctpState.COOKIE_ECHOED) {
                association.state = SctpState.COOKIE_WAIT;
                cookieEchoDue = false;
                cookie = null;
                sendInit(now);
            }
        }
    }

    private void establish(StateCookies.Contents c, long now) {
        stop();
        association.established(c, now);
    }

    private List<Parameter> ourParameters(List<Parameter> extra) {
        List<Parameter> params = new ArrayList<>(extra);
        params.add(Parameter.forwardTsnSupported());
        params.add(Parameter.supportedExtensions(io.jrtc.sctp.wire.ChunkType.FORWARD_TSN,
                io.jrtc.sctp.wire.ChunkType.RE_CONFIG));
        return params;
    }

    /** Reads the peer's capabilities and applies RFC 9260 §3.2.1 to parameters we do not know. */
    private static Capabilities inspect(List<Parameter> params) {
        boolean forwardTsn = false;
        boolean reconfig = false;
        List<Parameter> unrecognized = new ArrayList<>();
        for (Parameter p : params) {
            switch (p.type()) {
                case Parameter.FORWARD_TSN_SUPPORTED -> forwardTsn = true;
                case Parameter.SUPPORTED_EXTENSIONS -> {
                    forwardTsn |= Parameter.supportsExtension(params, io.jrtc.sctp.wire.ChunkType.FORWARD_TSN);
                    reconfig |= Parameter.supportsExtension(params, io.jrtc.sctp.wire.ChunkType.RE_CONFIG);
                }
                case Parameter.STATE_COOKIE, Parameter.IPV4_ADDRESS, Parameter.IPV6_ADDRESS,
                        Parameter.HOST_NAME_ADDRESS, Parameter.SUPPORTED_ADDRESS_TYPES, Parameter.COOKIE_PRESERVATIVE,
                        Parameter.UNRECOGNIZED_PARAMETER -> {
                }
                default -> {
                    var action = p.unrecognizedAction();
                    if (action.report()) {
                        unrecognized.add(p);
                    }
                    if (!action.skip()) {
                        return new Capabilities(forwardTsn, reconfig, unrecognized);
                    }
                }
            }
        }
        return new Capabilities(forwardTsn, reconfig, unrecognized);
    }

    private int nonZeroTag() {
        int tag;
        do {
            tag = random.nextInt();
        } while (tag == 0);
        return tag;
    }
}
