package io.jrtc.sctp;

/** Mutable counters behind {@link SctpStats}; one thread drives an association, so plain fields suffice. */
final class SctpCounters {
    long packetsSent;
    long bytesSent;
    long packetsReceived;
    long bytesReceived;
    long packetsDropped;
    long messagesSent;
    long messagesReceived;
    long dataChunksSent;
    long dataChunksReceived;
    long retransmissions;
    long fastRetransmits;
    long t3Expirations;
    long abandonedMessages;
    long duplicateTsns;
    /** Packets whose processing hit a bug (caught so the network never makes the engine throw); tests want 0. */
    long internalErrors;

    SctpStats snapshot() {
        return new SctpStats(packetsSent, bytesSent, packetsReceived, bytesReceived, packetsDropped, messagesSent,
                messagesReceived, dataChunksSent, dataChunksReceived, retransmissions, fastRetransmits,
                t3Expirations, abandonedMessages, duplicateTsns, internalErrors);
    }
}
