package io.jrtc.media.file;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * Reads the Opus packets of an Ogg Opus file (RFC 7845, RFC 3533): the first logical bitstream's pages, CRCs
 * checked, packets reassembled from their lacing across pages; the first packet must be the {@link OpusHead},
 * alone on a beginning-of-stream page (§3), the second the {@link OpusTags}. Pages of other multiplexed streams
 * are skipped. Reading stops after the end-of-stream page.
 */
public final class OggOpusReader implements Closeable {
    private final LittleEndianInput in;
    private final ArrayDeque<byte[]> packets = new ArrayDeque<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final OpusHead head;
    private final OpusTags tags;
    private final int serialNumber;
    private boolean ended;

    public OggOpusReader(InputStream stream) throws IOException {
        this.in = new LittleEndianInput(stream);
        OggPage first = OggPage.read(in);
        MediaFileFormatException.require(first.has(OggPage.BEGINNING_OF_STREAM) && !first.has(OggPage.CONTINUED),
                "first Ogg page does not begin a stream");
        this.serialNumber = first.serialNumber();
        addPackets(first);
        MediaFileFormatException.require(packets.size() == 1 && partial.size() == 0,
                "the OpusHead page holds other packets");
        this.head = OpusHead.parse(packets.poll());
        byte[] tagsPacket = nextPacket();
        MediaFileFormatException.require(tagsPacket != null, "Ogg Opus stream ends before its OpusTags");
        this.tags = OpusTags.parse(tagsPacket);
    }

    public OpusHead head() {
        return head;
    }

    public OpusTags tags() {
        return tags;
    }

    /** The next audio packet, or null at the end of the stream. */
    public byte[] nextPacket() throws IOException {
        while (packets.isEmpty()) {
            if (ended || in.atEnd()) {
                MediaFileFormatException.require(partial.size() == 0, "Ogg stream ends inside a packet");
                return null;
            }
            OggPage page = OggPage.read(in);
            if (page.serialNumber() != serialNumber) {
                continue;
            }
            MediaFileFormatException.require(!page.has(OggPage.BEGINNING_OF_STREAM), "second beginning of stream");
            addPackets(page);
            ended = page.has(OggPage.END_OF_STREAM);
        }
        return packets.poll();
    }

    private void addPackets(OggPage page) throws MediaFileFormatException {
        MediaFileFormatException.require(page.has(OggPage.CONTINUED) == (partial.size() > 0),
                "Ogg page continuation does not match the packet before it");
        int at = 0;
        for (byte lacing : page.segmentTable()) {
            int length = lacing & 0xFF;
            partial.write(page.body(), at, length);
            at += length;
            MediaFileFormatException.require(partial.size() <= 1 << 20, "Ogg packet over 1 MiB");
            if (length < 255) {
                packets.add(partial.toByteArray());
                partial.reset();
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
