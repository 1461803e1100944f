package io.jrtc.media.file;

import io.jrtc.codec.CodecParseException;
import io.jrtc.codec.OpusPayloadFormat;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.List;

/**
 * Writes an Ogg Opus file (RFC 7845 §3): a first page holding only the {@link OpusHead} with the beginning-of-
 * stream flag, the {@link OpusTags} on the next page, then the audio packets, several to a page. A page's granule
 * position counts the 48 kHz samples of every packet finished on it, pre-skip included (§4); the last page carries
 * the end-of-stream flag.
 */
public final class OggOpusWriter implements Closeable {
    /** About a second of 20 ms packets a page, as RFC 7845 §6 advises for seeking. */
    private static final int PACKETS_PER_PAGE = 50;

    private final WritableByteChannel channel;
    private final int serialNumber;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final ByteArrayOutputStream lacing = new ByteArrayOutputStream();
    private long sequence;
    private long granule;
    private int packetsOnPage;
    private long packets;
    private boolean closed;

    public OggOpusWriter(WritableByteChannel channel, OpusHead head, OpusTags tags, int serialNumber)
            throws IOException {
        this.channel = channel;
        this.serialNumber = serialNumber;
        this.granule = head.preSkip();
        addPacket(head.encode());
        flush(OggPage.BEGINNING_OF_STREAM, 0);
        addPacket(tags.encode());
        flush(0, 0);
    }

    /** A writer with an empty comment list and the vendor string "jrtc". */
    public OggOpusWriter(WritableByteChannel channel, OpusHead head, int serialNumber) throws IOException {
        this(channel, head, new OpusTags("jrtc", List.of()), serialNumber);
    }

    /**
     * Appends one Opus packet (RFC 6716 §3).
     *
     * @throws IllegalArgumentException when it is not a well-formed Opus packet
     */
    public void write(byte[] packet) throws IOException {
        int samples;
        try {
            samples = OpusPayloadFormat.samplesAt48kHz(packet, 0, packet.length);
        } catch (CodecParseException e) {
            throw new IllegalArgumentException("not an Opus packet: " + e.getMessage(), e);
        }
        if (lacing.size() + packet.length / 255 + 1 > 255) {
            flush(0, granule);
        }
        addPacket(packet);
        granule += samples;
        packets++;
        if (++packetsOnPage == PACKETS_PER_PAGE) {
            flush(0, granule);
        }
    }

    public long packetsWritten() {
        return packets;
    }

    /** Flushes the last page, marked end of stream, and closes the channel. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            flush(OggPage.END_OF_STREAM, granule);
        }
    }

    private void addPacket(byte[] packet) {
        if (packet.length >= 255 * 255) {
            throw new IllegalArgumentException("packet of " + packet.length + " bytes does not fit one Ogg page");
        }
        for (int left = packet.length; ; left -= 255) {
            lacing.write(Math.min(left, 255));
            if (left < 255) {
                break;
            }
        }
        body.writeBytes(packet);
    }

    private void flush(int flags, long granulePosition) throws IOException {
        if (lacing.size() == 0 && flags == 0) {
            return;
        }
        OggPage page = new OggPage(flags, granulePosition, serialNumber, sequence++, lacing.toByteArray(),
                body.toByteArray());
        lacing.reset();
        body.reset();
        packetsOnPage = 0;
        ByteBuffer bytes = ByteBuffer.wrap(page.encode());
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
