package io.jrtc.media.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/** Writes an IVF file; {@link #close()} goes back to put the number of frames written into the header. */
public final class IvfWriter implements Closeable {
    private final SeekableByteChannel channel;
    private final IvfHeader header;
    private long frames;
    private boolean closed;

    public IvfWriter(SeekableByteChannel channel, IvfHeader header) throws IOException {
        this.channel = channel;
        this.header = header;
        writeFully(ByteBuffer.wrap(header.encode()));
    }

    public void write(long pts, byte[] data) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(IvfFrame.HEADER_LENGTH + data.length);
        byte[] head = new byte[IvfFrame.HEADER_LENGTH];
        LittleEndianInput.putU32(head, 0, data.length);
        LittleEndianInput.putU64(head, 4, pts);
        writeFully(frame.put(head).put(data).flip());
        frames++;
    }

    public long framesWritten() {
        return frames;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            channel.position(0);
            writeFully(ByteBuffer.wrap(header.withFrameCount(Math.min(frames, 0xFFFF_FFFFL)).encode()));
        }
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
