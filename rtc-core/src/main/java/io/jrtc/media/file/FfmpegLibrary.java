package io.jrtc.media.file;

/**
 * Whether FFmpeg (JavaCPP's {@code org.bytedeco:ffmpeg} with its natives) can be used here. Checked once, before any
 * class that names an FFmpeg type is loaded, so that an application without the optional dependency gets a clear
 * {@link FfmpegUnavailableException} instead of a {@link NoClassDefFoundError} from somewhere inside.
 */
final class FfmpegLibrary {
    static final String DEPENDENCY = "org.bytedeco:ffmpeg:7.1.1-1.5.12 with its natives for this platform"
            + " (classifier linux-x86_64, or org.bytedeco:ffmpeg-platform)";
    private static final String[] LIBRARIES = {"org.bytedeco.ffmpeg.global.avutil",
        "org.bytedeco.ffmpeg.global.avcodec", "org.bytedeco.ffmpeg.global.avformat",
        "org.bytedeco.ffmpeg.global.swresample"};
    private static volatile Throwable failure;
    private static volatile boolean loaded;

    private FfmpegLibrary() {
    }

    /** Loads FFmpeg's libraries (once) or says which dependency is missing. */
    static void require(String what) throws FfmpegUnavailableException {
        if (loaded) {
            return;
        }
        synchronized (FfmpegLibrary.class) {
            if (!loaded && failure == null) {
                try {
                    for (String library : LIBRARIES) {
                        // initialising the class runs JavaCPP's Loader.load() for its native library
                        Class.forName(library, true, FfmpegLibrary.class.getClassLoader());
                    }
                    FfmpegLogging.quiet();
                    loaded = true;
                } catch (ClassNotFoundException | LinkageError e) {
                    failure = e;
                }
            }
        }
        if (!loaded) {
            throw new FfmpegUnavailableException(what + " needs FFmpeg: add " + DEPENDENCY
                    + " to the class path (" + failure + ")", failure);
        }
    }
}
