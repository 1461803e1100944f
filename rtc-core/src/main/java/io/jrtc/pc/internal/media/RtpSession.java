package io.jrtc.pc.internal.media;

import io.jrtc.dtls.SrtpKeyingMaterial;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.loop.Pump;
import io.jrtc.rtp.FullIntraRequest;
import io.jrtc.rtp.GenericNack;
import io.jrtc.rtp.MultiplexedPacketKind;
import io.jrtc.rtp.PictureLossIndication;
import io.jrtc.rtp.ReceiverEstimatedMaxBitrate;
import io.jrtc.rtp.ReceiverReport;
import io.jrtc.rtp.ReportBlock;
import io.jrtc.rtp.RtcpCompound;
import io.jrtc.rtp.RtcpPacket;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.RtpParseException;
import io.jrtc.rtp.SdesMidExtension;
import io.jrtc.rtp.SenderReport;
import io.jrtc.rtp.SourceDescription;
import io.jrtc.rtp.TransportFeedbackGenerator;
import io.jrtc.rtp.TransportSequenceNumberExtension;
import io.jrtc.rtp.forward.AvailableBitrate;
import io.jrtc.rtp.TransportWideFeedback;
import io.jrtc.rtp.cc.SendSideBandwidthEstimator;
import io.jrtc.srtp.SrtpException;
import io.jrtc.srtp.SrtpReceiver;
import io.jrtc.srtp.SrtpSender;
import io.netty.util.collection.IntObjectHashMap;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * The RTP session of every sender and receiver on one DTLS transport (bundled, RFC 8843; RFC 3550 §3 "RTP
 * session"), protected by SRTP with the keys the DTLS handshake exported (RFC 5764 §4.2). Incoming RTP goes to a
 * receiver by SSRC, else by the MID header extension, else by payload type (RFC 8843 §9.2); RTCP sender and
 * receiver reports go out about once a second (RFC 3550 §6.2, randomized 0.5-1.5 times the interval). One per DTLS
 * transport, created with the first sender or receiver on it; lives on the connection's loop.
 */
public final class RtpSession implements Pump.Stage {
    private static final System.Logger LOG = System.getLogger(RtpSession.class.getName());
    private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;
    private static final int MAX_DATAGRAM = 1500;
    /** SSRCs remembered for routing: plenty for real streams, a bound for a peer that invents them. */
    private static final int MAX_ROUTED_SSRCS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Room after a paced packet for the largest SRTP authentication tag (AEAD, RFC 7714 §8). */
    private static final int SRTP_ROOM = 16;

    private final MediaTransport transport;
    private final ConnectionContext context;
    private final List<RtpSender> senders = new CopyOnWriteArrayList<>();
    private final List<RtpReceiver> receivers = new CopyOnWriteArrayList<>();
    /** The SSRC our RTCP reports come from when no sender of ours sends (RFC 3550 §6.4.2). */
    private final int receiverOnlySsrc = RANDOM.nextInt();
    private final String cname = UUID.randomUUID().toString();
    /** Primitive-keyed: looked up for every packet, and SSRCs are too large for Integer's cache. */
    private final IntObjectHashMap<RtpReceiver> receiversBySsrc = new IntObjectHashMap<>();
    private final byte[] rtcpBuffer = new byte[MAX_DATAGRAM];
    private SrtpSender srtpSender;
    private SrtpReceiver srtpReceiver;
    private long nextReport = Long.MAX_VALUE;
    private TransportFeedbackGenerator transportFeedback;
    private long srtpFailures;
    private long unroutable;
    private final SendCongestionControl congestion;
    private volatile long remoteEstimate = AvailableBitrate.UNKNOWN;
    /**
     * What layer selection reads as this peer's available bitrate: the send-side estimate where transport-wide
     * feedback is negotiated, else the peer's REMB, unless another estimator is set.
     */
    private volatile AvailableBitrate availableBitrate = this::estimatedOrRemoteBitrate;

    public RtpSession(MediaTransport transport) {
        this.transport = transport;
        this.context = transport.context();
        this.congestion = new SendCongestionControl(SendSideBandwidthEstimator.Settings.defaults(),
                new SendCongestionControl.Output() {
                    @Override
                    public void sendNow(byte[] packet, int length) {
                        protectAndSend(packet, length);
                    }

                    @Override
                    public int writePadding(byte[] dst, int size) {
                        return RtpSession.this.writePadding(dst, size);
                    }
                });
        context.pump().add(this);
    }

    /**
     * This transport's send-side bandwidth estimate in bit/s: what everything sent on it together should stay
     * under (W3C availableOutgoingBitrate), or -1 while no sender negotiated transport-wide congestion control
     * feedback. Any thread.
     */
    /** The send-side estimate where transport-wide feedback is negotiated, else the peer's last REMB, or -1. */
    private long estimatedOrRemoteBitrate() {
        long estimate = congestion.targetBitrate();
        return estimate >= 0 ? estimate : remoteEstimate;
    }

    public long availableOutgoingBitrate() {
        return congestion.targetBitrate();
    }

    /**
     * Calls {@code listener} on the connection's loop with the estimate in bit/s whenever it moves by more than
     * 5 % (and at most once a second otherwise), and at once when there is one already. For whatever shapes what
     * it sends to the estimate: encoders, a forwarder's layer selection.
     */
    public void addBandwidthListener(LongConsumer listener) {
        context.onLoop(() -> {
            congestion.addListener(listener);
            return null;
        });
    }

    public void removeBandwidthListener(LongConsumer listener) {
        congestion.removeListener(listener);
    }

    /** A sender negotiated transport-wide sequence numbers in extension {@code id}: pace and number from now on. */
    void useTransportSequenceNumbers(int id) {
        congestion.useExtension(id);
    }

    /** The id our packets carry transport-wide sequence numbers in, or {@link NegotiatedParameters#NO_EXTENSION}. */
    int transportSequenceNumberId() {
        return congestion.extensionId();
    }

    /** Padding for a probe, from the first sender that can send some. */
    private int writePadding(byte[] dst, int size) {
        for (RtpSender sender : senders) {
            int length = sender.writePadding(dst, size);
            if (length > 0) {
                return length;
            }
        }
        return 0;
    }

    /** The DTLS transport under this session. */
    public MediaTransport transport() {
        return transport;
    }

    void add(RtpSender sender) {
        if (!senders.contains(sender)) {
            senders.add(sender);
        }
    }

    void add(RtpReceiver receiver) {
        if (!receivers.contains(receiver)) {
            receivers.add(receiver);
        }
    }

    /** DTLS is connected: senders that may send start pulling frames. */
    public void onTransportReady() {
        senders.forEach(RtpSender::onTransportReady);
    }

    /** Whether SRTP keys are in place: DTLS is connected and negotiated use_srtp. */
    boolean ready() {
        if (srtpSender != null) {
            return true;
        }
        SrtpKeyingMaterial keys = transport.srtpKeyingMaterial();
        if (keys == null) {
            return false;
        }
        srtpSender = SrtpSender.forKeyingMaterial(keys);
        srtpReceiver = SrtpReceiver.forKeyingMaterial(keys);
        nextReport = context.pump().now() + jitteredInterval();
        return true;
    }

    /**
     * Sends an RTP packet: through the pacer, numbered for transport-wide feedback, once that is negotiated (the
     * packet is copied); else protected in place at once (the array needs room for the SRTP tag).
     */
    public void sendRtp(byte[] packet, int length) {
        if (!ready()) {
            return;
        }
        if (congestion.active()) {
            congestion.send(context.pump().now(), packet, length, SRTP_ROOM);
        } else {
            protectAndSend(packet, length);
        }
    }

    private void protectAndSend(byte[] packet, int length) {
        try {
            int protectedLength = srtpSender.protectRtp(packet, length);
            transport.send(packet, 0, protectedLength);
        } catch (SrtpException e) {
            srtpFailures++;
            LOG.log(Level.DEBUG, () -> "cannot protect an RTP packet: " + e.getMessage());
        }
    }

    /** An SRTP or SRTCP datagram (RFC 7983: first byte 128..191) that arrived on the transport; on the loop. */
    public void onDatagram(byte[] data, int length) {
        if (!ready()) {
            return;
        }
        MultiplexedPacketKind kind = MultiplexedPacketKind.classify(data, 0, length);
        try {
            if (kind == MultiplexedPacketKind.RTCP) {
                int plain = srtpReceiver.unprotectRtcp(data, length);
                onRtcp(data, plain);
            } else if (kind == MultiplexedPacketKind.RTP) {
                int plain = srtpReceiver.unprotectRtp(data, length);
                onRtp(RtpHeader.parse(data, 0, plain));
            }
        } catch (SrtpException | RtpParseException e) {
            srtpFailures++;
            LOG.log(Level.DEBUG, () -> "dropping a media packet: " + e.getMessage());
        }
    }

    private void onRtp(RtpHeader packet) {
        RtpReceiver receiver = receiversBySsrc.get(packet.ssrc());
        if (receiver == null) {
            receiver = receiversBySsrc.size() < MAX_ROUTED_SSRCS ? route(packet) : null;
            if (receiver == null) {
                unroutable++;
                return;
            }
            receiversBySsrc.put(packet.ssrc(), receiver);
        }
        long now = context.pump().now();
        noteTransportSequence(now, receiver, packet);
        receiver.handleRtp(now, packet);
    }

    /** Transport-wide congestion control: the sender learns when its packets arrived (feedback every 100 ms). */
    private void noteTransportSequence(long now, RtpReceiver receiver, RtpHeader packet) {
        int id = receiver.transportCcExtensionId();
        if (id == NegotiatedParameters.NO_EXTENSION) {
            return;
        }
        int sequenceNumber = TransportSequenceNumberExtension.read(packet, id);
        if (sequenceNumber < 0) {
            return;
        }
        if (transportFeedback == null) {
            transportFeedback = new TransportFeedbackGenerator(reportingSsrc());
        }
        transportFeedback.handleReceive(now, packet.ssrc(), sequenceNumber);
    }

    /** A new SSRC: by the MID extension, else by a payload type only one receiving receiver negotiated. */
    private RtpReceiver route(RtpHeader packet) {
        RtpReceiver byPayloadType = null;
        int candidates = 0;
        for (RtpReceiver receiver : receivers) {
            if (!receiver.isReceiving()) {
                continue;
            }
            int midId = receiver.midExtensionId();
            if (midId != NegotiatedParameters.NO_EXTENSION && receiver.mid() != null) {
                String mid = SdesMidExtension.read(packet, midId);
                if (mid != null) {
                    if (mid.equals(receiver.mid())) {
                        return receiver;
                    }
                    continue;
                }
            }
            if (receiver.receives(packet.payloadType())) {
                byPayloadType = receiver;
                candidates++;
            }
        }
        return candidates == 1 ? byPayloadType : null;
    }

    /** The remote signalled this SSRC for that receiver (a=ssrc, RFC 8843 §9.2). */
    void bindSsrc(int ssrc, RtpReceiver receiver) {
        receiversBySsrc.put(ssrc, receiver);
    }

    private void onRtcp(byte[] data, int length) throws RtpParseException {
        long now = context.pump().now();
        for (RtcpPacket packet : RtcpCompound.parse(data, 0, length)) {
            if (packet instanceof SenderReport report) {
                RtpReceiver receiver = receiversBySsrc.get(report.ssrc());
                if (receiver != null) {
                    receiver.handleSenderReport(now, report);
                }
                onReportBlocks(now, report.reportBlocks());
            } else if (packet instanceof ReceiverReport report) {
                onReportBlocks(now, report.reportBlocks());
            } else if (packet instanceof GenericNack nack) {
                for (RtpSender sender : senders) {
                    if (sender.ssrc() == nack.mediaSsrc()) {
                        sender.onNack(now, nack);
                    }
                }
            } else if (packet instanceof TransportWideFeedback feedback) {
                congestion.onFeedback(now, feedback);
            } else if (packet instanceof ReceiverEstimatedMaxBitrate remb) {
                remoteEstimate = remb.bitrate();
                congestion.onRemb(now, remb.bitrate());
            } else if (packet instanceof PictureLossIndication pli) {
                onKeyframeRequest(pli.mediaSsrc(), false);
            } else if (packet instanceof FullIntraRequest fir) {
                fir.entries().forEach(entry -> onKeyframeRequest(entry.ssrc(), true));
            }
        }
    }

    /** The remote lost pictures of one of our streams (RFC 4585 §6.3.1, RFC 5104 §4.3.1). */
    private void onKeyframeRequest(int mediaSsrc, boolean full) {
        for (RtpSender sender : senders) {
            if (sender.ssrc() == mediaSsrc) {
                sender.onKeyframeRequest(full);
            }
        }
    }

    /**
     * Asks the sender of {@code mediaSsrc} for a keyframe (PLI, RFC 4585 §6.3.1), in a compound after an empty
     * receiver report as RFC 4585 §3.1 wants feedback sent.
     */
    void sendPictureLossIndication(int mediaSsrc) {
        sendFeedback(new PictureLossIndication(reportingSsrc(), mediaSsrc));
    }

    /** Sends one feedback packet after an empty receiver report (RFC 4585 §3.1: feedback goes in a compound). */
    void sendFeedback(RtcpPacket feedback) {
        if (ready()) {
            sendRtcp(List.of(new ReceiverReport(reportingSsrc(), List.of()), feedback));
        }
    }

    /** The SSRC our feedback comes from: our first sender's, else one of our own for receiving only. */
    int reportingSsrc() {
        for (RtpSender sender : senders) {
            return sender.ssrc();
        }
        return receiverOnlySsrc;
    }

    private void onReportBlocks(long now, List<ReportBlock> blocks) {
        for (ReportBlock block : blocks) {
            for (RtpSender sender : senders) {
                if (sender.ssrc() == block.ssrc()) {
                    sender.onReportBlock(now, block);
                    congestion.onReportBlock(now, block.fractionLost(), sender.roundTripTime());
                }
            }
        }
    }

    @Override
    public boolean pump(long now) {
        return false;
    }

    /** The next RTCP report, or an earlier NACK a receiver has due. */
    @Override
    public long deadline() {
        long deadline = nextReport;
        for (RtpReceiver receiver : receivers) {
            deadline = Math.min(deadline, receiver.lossRecoveryDeadline());
        }
        deadline = Math.min(deadline, congestion.deadline());
        return transportFeedback == null ? deadline : Math.min(deadline, transportFeedback.pollTimeout());
    }

    @Override
    public void onTimeout(long now) {
        if (congestion.deadline() <= now) {
            congestion.onTimeout(now);
        }
        for (RtpReceiver receiver : receivers) {
            if (receiver.lossRecoveryDeadline() <= now) {
                receiver.onLossRecoveryTimeout(now);
            }
        }
        if (transportFeedback != null && transportFeedback.pollTimeout() <= now) {
            transportFeedback.handleTimeout(now);
            for (RtcpPacket feedback = transportFeedback.pollTransmit(); feedback != null;
                    feedback = transportFeedback.pollTransmit()) {
                sendFeedback(feedback);
            }
        }
        if (now >= nextReport) {
            nextReport = now + jitteredInterval();
            sendReports(now);
        }
    }

    /** One compound per sending sender (SR + SDES), or one RR + SDES when none of ours sends (RFC 3550 §6.1). */
    private void sendReports(long now) {
        List<ReportBlock> blocks = new ArrayList<>();
        for (RtpReceiver receiver : receivers) {
            blocks.addAll(receiver.reportBlocks(now));
        }
        boolean sentAny = false;
        for (RtpSender sender : senders) {
            SenderReport report = sender.senderReport(now, sentAny ? List.of() : limit(blocks));
            if (report != null) {
                sendRtcp(List.of(report, SourceDescription.ofCname(sender.ssrc(), sender.cname())));
                sentAny = true;
            }
        }
        if (!sentAny && !blocks.isEmpty()) {
            sendRtcp(List.of(new ReceiverReport(receiverOnlySsrc, limit(blocks)),
                    SourceDescription.ofCname(receiverOnlySsrc, cname)));
        }
    }

    private static List<ReportBlock> limit(List<ReportBlock> blocks) {
        return blocks.size() <= 31 ? blocks : blocks.subList(0, 31);  // a report's 5-bit count
    }

    private void sendRtcp(List<RtcpPacket> packets) {
        int length = RtcpCompound.encode(packets, rtcpBuffer, 0);
        sendRtcp(rtcpBuffer, length);
    }

    /** Protects an RTCP compound in place (the array needs room for the SRTCP trailer and tag) and sends it. */
    public void sendRtcp(byte[] compound, int length) {
        if (!ready()) {
            return;
        }
        try {
            int protectedLength = srtpSender.protectRtcp(compound, length);
            transport.send(compound, 0, protectedLength);
        } catch (SrtpException e) {
            srtpFailures++;
            LOG.log(Level.DEBUG, () -> "cannot protect an RTCP packet: " + e.getMessage());
        }
    }

    private static long jitteredInterval() {
        return REPORT_INTERVAL_NANOS / 2 + (long) (RANDOM.nextDouble() * REPORT_INTERVAL_NANOS);
    }

    long srtpFailures() {
        return srtpFailures;
    }

    /** This peer's available bitrate, for choosing what to forward to it. Any thread. */
    public AvailableBitrate availableBitrate() {
        return availableBitrate;
    }

    /**
     * Where the available bitrate comes from: the send-side bandwidth estimator plugs in here (by default the
     * peer's REMB). Any thread.
     */
    public void setAvailableBitrate(AvailableBitrate estimator) {
        this.availableBitrate = java.util.Objects.requireNonNull(estimator, "estimator");
    }

    /** RTP packets no receiver took: garbage, or a stream nobody negotiated. */
    public long unroutablePackets() {
        return unroutable;
    }
}
