package io.jrtc.media.file;

import io.jrtc.media.Frame;
import java.io.Closeable;
import java.io.IOException;

/**
 * The frames of one file in order, each stamped (AudioFrame pts, EncodedFrame timestamp) in ticks of
 * {@link #clockRate()} from the start of the file. Read on the file I/O executor only.
 */
interface FrameSource extends Closeable {
    /** The next frame, or null at the end of the file. */
    Frame next() throws IOException;

    int clockRate();

    /** The codec of the coded video frames this source hands out, such as "video/VP9"; null for other sources. */
    default String videoMimeType() {
        return null;
    }
}
