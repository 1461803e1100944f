package io.jrtc.media.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** Reads an IVF file: the {@link IvfHeader}, then frames, each a 4-byte size and an 8-byte pts before the data. */
public final class IvfReader implements Closeable {
    private final LittleEndianInput in;
    private final IvfHeader header;

    public IvfReader(InputStream stream) throws IOException {
        this.in = new LittleEndianInput(stream);
        this.header = IvfHeader.parse(in.bytes(IvfHeader.LENGTH, "IVF header"));
    }

    public IvfHeader header() {
        return header;
    }

    /** The next frame, or null at the end of the file (the frame count in the header is not trusted). */
    public IvfFrame next() throws IOException {
        if (in.atEnd()) {
            return null;
        }
        long size = in.u32("IVF frame header");
        long pts = in.u64("IVF frame header");
        return new IvfFrame(pts, in.bytes(size, "IVF frame"));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
