package io.jrtc.media.file;

import java.io.IOException;

/**
 * Bytes that are not a well-formed file of the format being read: bad magic, impossible fields, a file cut short.
 * The only exception the container readers of this package throw for what a file holds; plain
 * {@link IOException}s still come from the storage underneath.
 */
public final class MediaFileFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public MediaFileFormatException(String message) {
        super(message);
    }

    static void require(boolean condition, String message) throws MediaFileFormatException {
        if (!condition) {
            throw new MediaFileFormatException(message);
        }
    }
}
