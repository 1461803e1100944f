package io.jrtc.srtp;

/**
 * What one direction keeps per SSRC (RFC 3711 §3.2.3): the SRTP replay window, whose highest index carries ROC and
 * s_l; the SRTCP replay window (receiver); and the next SRTCP index to send (sender).
 */
final class SrtpStreamState {
    /** The SRTP index space is 48 bits (RFC 3711 §3.3.1). */
    static final long MAX_RTP_INDEX = (1L << 48) - 1;

    final ReplayWindow rtp = new ReplayWindow();
    final ReplayWindow rtcp = new ReplayWindow();
    int nextSrtcpIndex;

    /**
     * The packet index for a sequence number (RFC 3711 §3.3.1 and the pseudocode of Appendix A): the ROC guess v is
     * ROC - 1, ROC or ROC + 1, whichever puts the index nearest s_l. Before any packet, the index is SEQ with ROC 0.
     * A guess of ROC - 1 when ROC is 0 has no index, so it is taken as ROC 0, a jump forward.
     */
    long estimateRtpIndex(int sequenceNumber) {
        if (rtp.isEmpty()) {
            return sequenceNumber;
        }
        long highest = rtp.highest();
        long roc = highest >>> 16;
        int highestSequence = (int) (highest & 0xFFFF);
        long guess = roc;
        if (highestSequence < 32_768) {
            if (sequenceNumber - highestSequence > 32_768 && roc > 0) {
                guess = roc - 1;
            }
        } else if (highestSequence - 32_768 > sequenceNumber) {
            guess = roc + 1;
        }
        return guess << 16 | sequenceNumber;
    }
}
