package io.jrtc.media.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes H.264 access units, already Annex B byte strings as WebRTC's H.264 frames are, one after another: the
 * start codes they carry delimit them, so the file is the plain concatenation.
 */
public final class AnnexBWriter implements Closeable {
    private final OutputStream out;
    private long accessUnits;

    public AnnexBWriter(OutputStream out) {
        this.out = out;
    }

    /** @throws IllegalArgumentException when the access unit does not begin with a start code */
    public void write(byte[] accessUnit) throws IOException {
        boolean startCode = accessUnit.length >= 3 && accessUnit[0] == 0 && accessUnit[1] == 0
                && (accessUnit[2] == 1 || accessUnit.length >= 4 && accessUnit[2] == 0 && accessUnit[3] == 1);
        if (!startCode) {
            throw new IllegalArgumentException("an Annex B access unit begins with a start code");
        }
        out.write(accessUnit);
        accessUnits++;
    }

    public long accessUnitsWritten() {
        return accessUnits;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
