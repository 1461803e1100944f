package io.jrtc.pc.internal.stats;

import io.jrtc.dtls.SrtpKeyingMaterial;
import io.jrtc.dtls.SrtpProtectionProfile;
import io.jrtc.ice.IceCandidate;
import io.jrtc.ice.IceCandidatePair;
import io.jrtc.pc.RTCCertificate;
import io.jrtc.pc.RTCDtlsFingerprint;
import io.jrtc.pc.RTCDtlsRole;
import io.jrtc.pc.RTCDtlsTransportState;
import io.jrtc.pc.RTCStats;
import io.jrtc.pc.RTCStatsReport;
import io.jrtc.pc.RTCTransportStats;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.transport.DataChannel;
import io.jrtc.pc.internal.transport.DtlsTransport;
import io.jrtc.pc.internal.transport.IceTransport;
import io.jrtc.pc.internal.transport.SctpTransport;
import io.jrtc.pc.internal.media.RtpSession;
import io.jrtc.pc.internal.media.RtpTransceiver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/** Assembles a W3C stats report from one connection's transports; runs on the connection's loop. */
public final class StatsCollector {
    public static final String TRANSPORT_ID = "T01";
    private static final double NANOS_PER_SECOND = 1e9;

    private final String connectionId;
    private final SctpTransport sctp;
    private final DtlsTransport dtls;
    private final IceTransport ice;
    private final List<RTCCertificate> certificates;
    private final List<RtpTransceiver> transceivers;
    private final double timestamp;
    private final List<RTCStats> stats = new ArrayList<>();

    /** @param connectionId the peer connection's id; each transport is null until the connection has it */
    public StatsCollector(String connectionId, SctpTransport sctp, DtlsTransport dtls, IceTransport ice,
                   List<RTCCertificate> certificates, List<RtpTransceiver> transceivers, double timestamp) {
        this.timestamp = timestamp;
        this.connectionId = connectionId;
        this.sctp = sctp;
        this.dtls = dtls;
        this.ice = ice;
        this.certificates = certificates;
        this.transceivers = transceivers;
    }

    public RTCStatsReport collect() {
        Map<String, Object> pc = new LinkedHashMap<>();
        pc.put("dataChannelsOpened", sctp == null ? 0 : sctp.dataChannelsOpened());
        pc.put("dataChannelsClosed", sctp == null ? 0 : sctp.dataChannelsClosed());
        stats.add(new RTCStats("peer-connection", "P" + connectionId, timestamp, pc));
        for (int i = 0; i < certificates.size(); i++) {
            addCertificate("CF-local-" + i, certificates.get(i).getFingerprints().get(0));
        }
        if (ice != null) {
            addTransport();
            addCandidatesAndPairs();
        }
        if (sctp != null) {
            for (DataChannel channel : sctp.channels()) {
                addDataChannel(channel);
            }
        }
        for (RtpTransceiver t : transceivers) {
            t.sender().addStats(stats, timestamp, TRANSPORT_ID);
            t.receiver().addStats(stats, timestamp, TRANSPORT_ID);
        }
        return new RTCStatsReport(stats);
    }

    /** A report of what {@code adder} puts in, made on the connection's loop (a sender's or receiver's stats). */
    public static CompletableFuture<RTCStatsReport> report(ConnectionContext context,
            BiConsumer<List<RTCStats>, Double> adder) {
        return context.onLoop(() -> {
            List<RTCStats> entries = new ArrayList<>();
            adder.accept(entries, now(context));
            return new RTCStatsReport(entries);
        });
    }

    /** W3C stats timestamps: milliseconds since the Unix epoch, on the connection's clock. */
    public static double now(ConnectionContext context) {
        return context.clock().currentTimeMillis();
    }

    private void addTransport() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("packetsSent", ice.packetsSent());
        t.put("packetsReceived", ice.packetsReceived());
        t.put("bytesSent", ice.bytesSent());
        t.put("bytesReceived", ice.bytesReceived());
        t.put("iceRole", ice.getRole().toString());
        t.put("iceLocalUsernameFragment", ice.gatherer().getLocalParameters().usernameFragment());
        t.put("iceState", ice.getState().toString());
        t.put("dtlsState", dtls.getState().toString());
        t.put("dtlsRole", dtls.getRole() == RTCDtlsRole.AUTO ? "unknown" : dtls.getRole().toString());
        IceCandidatePair selected = ice.selectedPair();
        if (selected != null) {
            t.put("selectedCandidatePairId", pairId(selected));
        }
        addDefences(t);
        t.put("localCertificateId", "CF-local-0");
        if (dtls.getState() == RTCDtlsTransportState.CONNECTED && dtls.endpoint() != null
                && dtls.endpoint().remoteFingerprint() != null) {
            var remote = dtls.endpoint().remoteFingerprint();
            addCertificate("CF-remote", new RTCDtlsFingerprint(remote.algorithm(), remote.value()));
            t.put("remoteCertificateId", "CF-remote");
            t.put("tlsVersion", dtls.endpoint().protocolVersion());
            t.put("dtlsCipher", dtls.endpoint().cipherSuite());
            SrtpKeyingMaterial srtp = dtls.endpoint().srtpKeyingMaterial();
            t.put("srtpCipher", srtp == null ? null : SrtpProtectionProfile.name(srtp.protectionProfile()));
        }
        stats.add(new RTCTransportStats(TRANSPORT_ID, timestamp, t));
    }

    /**
     * Not W3C: what the transport refused from strangers or hostile peers (issue 8), so an operator sees an attack in
     * the stats: remote candidates and check sources no datagram may go to, candidates past the cap, unauthenticated
     * checks left unanswered once the error budget was spent, and DTLS datagrams from no validated path or dropped
     * before the handshake could take them.
     */
    private void addDefences(Map<String, Object> t) {
        var agent = ice.gatherer().agent();
        t.put("iceFilteredDestinations", agent == null ? 0L : agent.filteredDestinations());
        t.put("iceIgnoredRemoteCandidates", agent == null ? 0L : agent.ignoredRemoteCandidates());
        t.put("iceUnansweredStunErrors", agent == null ? 0L : agent.unansweredErrors());
        t.put("dtlsStrangerDatagrams", dtls.strangerDatagrams());
        t.put("dtlsDroppedDatagrams", dtls.endpoint() == null ? 0L : dtls.endpoint().droppedDatagrams());
    }

    private void addCandidatesAndPairs() {
        var agent = ice.gatherer().agent();
        for (IceCandidate candidate : agent.localCandidates()) {
            addCandidate("local-candidate", candidate);
        }
        for (IceCandidate candidate : agent.remoteCandidates()) {
            addCandidate("remote-candidate", candidate);
        }
        IceCandidatePair selected = ice.selectedPair();
        for (IceCandidatePair pair : agent.pairs()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("transportId", TRANSPORT_ID);
            p.put("localCandidateId", candidateId("local-candidate", pair.local()));
            p.put("remoteCandidateId", candidateId("remote-candidate", pair.remote()));
            p.put("state", pair.state().toString());
            p.put("nominated", pair.nominated());
            p.put("priority", pair.priority());
            p.put("requestsSent", pair.requestsSent());
            p.put("responsesReceived", pair.responsesReceived());
            p.put("requestsReceived", pair.requestsReceived());
            p.put("responsesSent", pair.responsesSent());
            if (pair.currentRoundTripTimeNanos() != null) {
                p.put("currentRoundTripTime", pair.currentRoundTripTimeNanos() / NANOS_PER_SECOND);
            }
            if (pair.totalRoundTripTimeNanos() != null) {
                p.put("totalRoundTripTime", pair.totalRoundTripTimeNanos() / NANOS_PER_SECOND);
            }
            if (pair == selected) {
                long available = availableOutgoingBitrate();
                if (available >= 0) {
                    p.put("availableOutgoingBitrate", (double) available);
                }
                p.put("bytesSent", ice.bytesSent());
                p.put("bytesReceived", ice.bytesReceived());
                p.put("packetsSent", ice.packetsSent());
                p.put("packetsReceived", ice.packetsReceived());
            }
            stats.add(new RTCStats("candidate-pair", pairId(pair), timestamp, p));
        }
    }

    /** The bundle's send-side bandwidth estimate in bit/s, or -1 without one (no media, no transport-wide CC). */
    private long availableOutgoingBitrate() {
        for (RtpTransceiver t : transceivers) {
            RtpSession session = t.sender().session();
            if (session != null) {
                return session.availableOutgoingBitrate();
            }
        }
        return -1;
    }

    private void addCandidate(String type, IceCandidate candidate) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("transportId", TRANSPORT_ID);
        c.put("address", candidate.address());
        c.put("port", candidate.port());
        c.put("protocol", candidate.protocol());
        if (candidate.iceTcpType() != null) {
            c.put("tcpType", candidate.iceTcpType().toString());
        }
        c.put("candidateType", candidate.type().toString());
        c.put("priority", candidate.priority());
        c.put("foundation", candidate.foundation());
        c.put("relatedAddress", candidate.relatedAddress());
        c.put("relatedPort", candidate.relatedPort());
        String relayProtocol = type.startsWith("local")
                ? ice.gatherer().relayProtocol(candidate) : null;
        if (relayProtocol != null) {
            c.put("relayProtocol", relayProtocol);
        }
        stats.add(new RTCStats(type, candidateId(type, candidate), timestamp, c));
    }

    private void addCertificate(String id, RTCDtlsFingerprint fingerprint) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("fingerprint", fingerprint.value());
        c.put("fingerprintAlgorithm", fingerprint.algorithm());
        stats.add(new RTCStats("certificate", id, timestamp, c));
    }

    private void addDataChannel(DataChannel channel) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("label", channel.getLabel());
        d.put("protocol", channel.getProtocol());
        d.put("dataChannelIdentifier", channel.getId());
        d.put("state", channel.getReadyState().toString());
        d.put("messagesSent", channel.getMessagesSent());
        d.put("bytesSent", channel.getBytesSent());
        d.put("messagesReceived", channel.getMessagesReceived());
        d.put("bytesReceived", channel.getBytesReceived());
        stats.add(new RTCStats("data-channel", "D" + channel.getId(), timestamp, d));
    }

    private static String candidateId(String type, IceCandidate candidate) {
        return (type.startsWith("local") ? "IL" : "IR") + candidate.address() + "_" + candidate.port() + "_"
                + candidate.type();
    }

    private static String pairId(IceCandidatePair pair) {
        return "CP" + candidateId("local", pair.local()) + "-" + candidateId("remote", pair.remote());
    }
}
