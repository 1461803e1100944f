package io.jrtc.pc.internal.jsep;

import io.jrtc.pc.internal.media.RtpTransceiver;
import io.jrtc.pc.internal.media.Transceivers;
import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SessionDescription;
import io.jrtc.sdp.media.RtpMediaSection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session's m-lines and what each belongs to: a transceiver or the data channels. Later offers keep the
 * negotiated m-lines in their places and append new ones (RFC 8829 §5.2.1, §5.2.2); answers follow the offer line
 * by line (§5.3.1). A rollback returns to the m-lines of the last completed exchange. On the connection's loop.
 */
public final class MLineLayout {
    /** A previous m-line, kept in place in later offers. */
    private record MLine(String mid, String media, String protocol, List<String> formats) {
    }

    /** The m-lines of the last description applied, in order. */
    private List<MLine> lines = List.of();
    /** The m-lines and data-channel mid of the last completed exchange, which a rollback returns to. */
    private List<MLine> stableLines = List.of();
    private String stableApplicationMid;
    /** What the last offer we created put on new m-lines, until it is applied. */
    private final Map<String, RtpTransceiver> proposedMids = new HashMap<>();
    private String proposedApplicationMid;
    private String applicationMid;

    /** The data channels' mid, once a description put them on an m-line; null before. */
    public String applicationMid() {
        return applicationMid;
    }

    public void setApplicationMid(String mid) {
        applicationMid = mid;
    }

    /** An offer before there is any transport: nothing to offer yet. */
    public List<MediaDescription> withoutTransport() {
        proposedMids.clear();
        proposedApplicationMid = null;
        return List.of();
    }

    /**
     * Our offer's sections: the m-lines negotiated before in their places (stopped ones rejected), then a new
     * one for each transceiver without an m-line, then the data channels' if new.
     */
    public List<MediaDescription> offerSections(LocalDescriptionFactory.TransportAttributes transport,
            Transceivers transceivers, boolean dataChannels) {
        proposedMids.clear();
        proposedApplicationMid = null;
        List<MediaDescription> sections = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (MLine line : lines) {
            used.add(line.mid());
            RtpTransceiver t = transceivers.byMid(line.mid());
            if (line.mid() != null && line.mid().equals(applicationMid) && dataChannels) {
                sections.add(LocalDescriptionFactory.applicationSection(line.mid(), transport));
            } else if (t != null && !t.isStopped()) {
                sections.add(LocalDescriptionFactory.rtpSection(transceivers.offerSection(t, line.mid()), transport));
            } else {
                sections.add(LocalDescriptionFactory.rejected(line.media(), line.protocol(), line.formats(),
                        line.mid()));
            }
        }
        for (RtpTransceiver t : transceivers.unassociated()) {
            String mid = nextMid(used);
            proposedMids.put(mid, t);
            sections.add(LocalDescriptionFactory.rtpSection(transceivers.offerSection(t, mid), transport));
        }
        if (dataChannels && (applicationMid == null || !used.contains(applicationMid))) {
            proposedApplicationMid = applicationMid != null ? applicationMid : nextMid(used);
            sections.add(LocalDescriptionFactory.applicationSection(proposedApplicationMid, transport));
        }
        return sections;
    }

    private static String nextMid(Set<String> used) {
        for (int i = 0; ; i++) {
            if (used.add(Integer.toString(i))) {
                return Integer.toString(i);
            }
        }
    }

    /**
     * Our answer's sections, one per remote m-line in its order: the first data-channel m-line and every audio or
     * video one we can take are accepted, the rest rejected with port 0. With one transport for everything we
     * answer as bundlePolicy "max-bundle" does: an m-line neither first nor bundled with the first is rejected.
     *
     * @param transport null when the offer has no usable m-line (everything is rejected)
     */
    public static List<MediaDescription> answerSections(RemoteDescription remote,
            LocalDescriptionFactory.TransportAttributes transport, Transceivers transceivers) {
        List<MediaDescription> sections = new ArrayList<>();
        List<String> bundle = remote.firstBundleGroup();
        List<MediaDescription> remoteLines = remote.sdp().media();
        for (int i = 0; i < remoteLines.size(); i++) {
            MediaDescription m = remoteLines.get(i);
            MediaDescription answer = null;
            boolean onOurTransport = i == 0 || (bundle != null && bundle.contains(m.mid()));
            if (transport == null || !onOurTransport) {
                answer = null;  // one transport only: what is not bundled with the first m-line is rejected
            } else if (m == remote.application()) {
                answer = LocalDescriptionFactory.applicationSection(m.mid(), transport);
            } else if (m.port() != 0 && Transceivers.isRtp(m)) {
                RtpTransceiver t = transceivers.byMid(m.mid());
                RtpMediaSection offered = Transceivers.parse(m);
                RtpMediaSection ours = t == null || offered == null ? null : transceivers.answerSection(t, offered);
                answer = ours == null ? null : LocalDescriptionFactory.rtpSection(ours, transport);
            }
            sections.add(answer != null ? answer : LocalDescriptionFactory.rejected(m));
        }
        return sections;
    }

    /** Our offer is applied: its new m-lines now belong to what they were written for. */
    public void associateLocalOffer(SessionDescription sdp, Transceivers transceivers) {
        for (MediaDescription m : sdp.media()) {
            if (m.mid() == null || m.port() == 0) {
                continue;
            }
            if (m.media().equals("application") && m.mid().equals(proposedApplicationMid)) {
                applicationMid = m.mid();
            }
            RtpTransceiver t = proposedMids.get(m.mid());
            if (t != null && t.mid() == null && Transceivers.isRtp(m)) {
                transceivers.associate(t, m.mid());
            }
        }
    }

    /** Remembers the m-lines of a description just applied. */
    public void note(SessionDescription sdp) {
        List<MLine> noted = new ArrayList<>();
        for (MediaDescription m : sdp.media()) {
            noted.add(new MLine(m.mid(), m.media(), m.protocol(), m.formats()));
        }
        lines = List.copyOf(noted);
    }

    /** The index of the first accepted m-line (the bundle's transport, RFC 8843), or -1. */
    public static int firstAccepted(SessionDescription sdp) {
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaDescription m = sdp.media().get(i);
            if (m.port() != 0 && m.mid() != null) {
                return i;
            }
        }
        return -1;
    }

    /** An exchange completed: what a later rollback returns to. */
    public void commit() {
        stableLines = lines;
        stableApplicationMid = applicationMid;
    }

    public void rollback() {
        lines = stableLines;
        applicationMid = stableApplicationMid;
        proposedMids.clear();
        proposedApplicationMid = null;
    }
}
