package io.jrtc.interop;

import java.time.Duration;
import java.util.List;

/**
 * A WebRTC peer that interop tests drive through the data channel API of the W3C WebRTC specification
 * (RTCPeerConnection, RTCDataChannel), whatever stack implements it: a real browser, aiortc, or jrtc itself.
 *
 * <p>Channels are addressed by label, whichever side opened them; labels are unique within a test. Every wait
 * takes a timeout and fails with an {@link InteropPeerException} that quotes the tail of the peer's own log.
 */
public interface InteropPeer extends AutoCloseable {

    /** A short name for messages and logs, e.g. "aiortc" or "chromium". */
    String name();

    /**
     * Creates a data channel (RTCPeerConnection.createDataChannel). Create the first one before
     * {@link #createOffer()}, so that the offer carries an application m-section.
     *
     * @param maxRetransmits    null for reliable delivery (or use maxPacketLifeTime)
     * @param maxPacketLifeTime milliseconds, null for none
     * @param id                the stream id for a negotiated channel, null to let the stack choose
     */
    void createDataChannel(String label, boolean ordered, Integer maxRetransmits, Integer maxPacketLifeTime,
            boolean negotiated, Integer id);

    /** createOffer, setLocalDescription, waits for ICE gathering to complete; returns localDescription.sdp. */
    String createOffer();

    /** setRemoteDescription(offer), createAnswer, setLocalDescription, waits for gathering; returns the answer. */
    String acceptOffer(String offerSdp);

    /** setRemoteDescription(answer). */
    void acceptAnswer(String answerSdp);

    /** Waits until the channel with this label is open, whichever side created it. */
    void awaitChannelOpen(String label, Duration timeout);

    void sendText(String label, String text);

    void sendBinary(String label, byte[] data);

    /** The next message received on that channel (not counting messages consumed by bulk receive or echo). */
    ReceivedMessage awaitMessage(String label, Duration timeout);

    /**
     * Sends totalBytes of deterministic pseudo-random data as messages of chunkSize with backpressure: sends while
     * bufferedAmount is below 1 MiB, otherwise waits for bufferedamountlow (threshold 256 KiB). Blocks until all
     * bytes are handed to the channel.
     *
     * @return the hex SHA-256 of all bytes sent
     */
    String sendBulk(String label, long totalBytes, int chunkSize, Duration timeout);

    /** Call before the remote side starts a bulk send: hashes the next totalBytes arriving on the channel. */
    void expectBulk(String label, long totalBytes);

    /** Waits until the bytes announced by {@link #expectBulk} arrived; returns their hex SHA-256. */
    String awaitBulk(String label, Duration timeout);

    /** From now on, sends every message received on the channel back, with the same type. */
    void enableEcho(String label);

    void closeChannel(String label);

    /** Waits until the channel with this label is closed, by either side. */
    void awaitChannelClosed(String label, Duration timeout);

    /** RTCPeerConnection.connectionState as last reported: "new", "connecting", "connected", "failed", "closed"... */
    String connectionState();

    void awaitConnectionState(String state, Duration timeout);

    /** The peer's own log lines (its stack's logging, commands and events), for assertion messages. */
    List<String> log();

    /** Closes the peer connection and stops the peer's process; never throws. */
    @Override
    void close();

    /** Sends a sine tone as an audio track (addTrack); call before createOffer or acceptOffer. */
    void addToneTrack(double frequency);

    /**
     * Waits for the remote's audio track, skips its first half second and measures the next second: returns its
     * dominant frequency in Hz (by zero crossings).
     */
    double awaitAudioFrequency(Duration timeout);
}
