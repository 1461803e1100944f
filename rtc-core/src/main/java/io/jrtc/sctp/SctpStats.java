package io.jrtc.sctp;

/**
 * A snapshot of an association's counters.
 *
 * @param packetsSent          SCTP packets handed out by {@code pollTransmit}
 * @param bytesSent            their total size
 * @param packetsReceived      packets accepted by {@code handleReceive} (checksum and tag valid)
 * @param bytesReceived        their total size
 * @param packetsDropped       packets dropped: malformed, bad checksum, wrong tag or port
 * @param messagesSent         user messages whose last fragment was transmitted
 * @param messagesReceived     user messages delivered
 * @param dataChunksSent       DATA chunks transmitted, retransmissions included
 * @param dataChunksReceived   DATA chunks received, duplicates included
 * @param retransmissions      DATA chunks retransmitted (timeout or fast retransmit)
 * @param fastRetransmits      DATA chunks marked for fast retransmission (RFC 9260 §7.2.4)
 * @param t3Expirations        T3-rtx timer expirations
 * @param abandonedMessages    messages abandoned under partial reliability (RFC 3758)
 * @param duplicateTsns        duplicate DATA chunks received
 * @param internalErrors       packets whose processing threw (a bug in this stack, never the peer's fault: the
 *                             packet was dropped and the association kept going)
 */
public record SctpStats(long packetsSent, long bytesSent, long packetsReceived, long bytesReceived,
                        long packetsDropped, long messagesSent, long messagesReceived, long dataChunksSent,
                        long dataChunksReceived, long retransmissions, long fastRetransmits, long t3Expirations,
                        long abandonedMessages, long duplicateTsns, long internalErrors) {
}
