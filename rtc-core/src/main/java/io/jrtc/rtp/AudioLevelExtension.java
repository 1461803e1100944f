package io.jrtc.rtp;

/**
 * Client-to-mixer audio level ({@value #URI}, RFC 6464 §3): one byte holding a voice activity flag and the
 * level in -dBov (0 loudest, 127 silence).
 */
public final class AudioLevelExtension {
    public static final String URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    public static final int MAX_LEVEL = 127;
    private static final int VOICE_ACTIVITY = 0x80;

    private AudioLevelExtension() {
    }

    /** The level 0-127 (-dBov) in element {@code id}, or -1 when absent or empty. */
    public static int readLevel(RtpHeader header, int id) {
        int at = header.extensionOffset(id);
        return at < 0 || header.extensionLength(id) < 1 ? -1 : header.buffer()[at] & MAX_LEVEL;
    }

    /** The V flag in element {@code id}; false when absent. */
    public static boolean readVoiceActivity(RtpHeader header, int id) {
        int at = header.extensionOffset(id);
        return at >= 0 && header.extensionLength(id) >= 1 && (header.buffer()[at] & VOICE_ACTIVITY) != 0;
    }

    public static void write(RtpHeaderWriter writer, int id, boolean voiceActivity, int level) {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("audio level is 0-127 -dBov");
        }
        writer.addExtension(id, (voiceActivity ? VOICE_ACTIVITY : 0) | level, 1);
    }
}
