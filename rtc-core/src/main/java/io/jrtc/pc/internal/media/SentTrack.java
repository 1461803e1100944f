package io.jrtc.pc.internal.media;

import io.jrtc.media.EncodingTrack;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.RecodableTrack;
import io.jrtc.sdp.media.RtpCodec;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The track whose frames a sender reads: its track, or for a {@link RecodableTrack} (a played file's video) the
 * track it gives for the negotiated codecs, asked again only when the track or the codecs change. A track that
 * cannot be sent in them (re-coding without the codec library) is said once, as a warning, and nothing is read.
 * A track read that encodes for its readers ({@link EncodingTrack}: a re-coding track, a relay proxy of a WHEP
 * transcode) is told the sender's target bitrate, and told to forget it when the sender moves on or stops. On the
 * sender's loop.
 */
final class SentTrack {
    private static final System.Logger LOG = System.getLogger(SentTrack.class.getName());

    private MediaStreamTrack askedOf;
    private List<RtpCodec> askedFor;
    private MediaStreamTrack sent;
    /** The track last returned, whose encoder this sender steers. */
    private MediaStreamTrack steered;
    /** The sender's target bitrate, bit/s; 0: none yet (the encoder's default). */
    private long targetBitrate;
    /** The sender stopped: a frame still coming in must not make it a reader again. */
    private boolean closed;

    /** What to read for {@code track} under {@code codecs}; null: nothing (no track, or none it can give). */
    MediaStreamTrack of(MediaStreamTrack track, List<RtpCodec> codecs) {
        MediaStreamTrack read = readFor(track, codecs);
        if (read != steered && !closed) {
            forget();
            steered = read;
            applyTargetBitrate();
        }
        return read;
    }

    /** What the sender's encoding may use from now on, bit/s. */
    void setTargetBitrate(long bitsPerSecond) {
        targetBitrate = bitsPerSecond;
        applyTargetBitrate();
    }

    /** The sender stopped: its target no longer counts. */
    void close() {
        closed = true;
        forget();
        steered = null;
    }

    private MediaStreamTrack readFor(MediaStreamTrack track, List<RtpCodec> codecs) {
        if (!(track instanceof RecodableTrack recodable) || codecs.isEmpty()) {
            return track;
        }
        if (track != askedOf || !codecs.equals(askedFor)) {
            askedOf = track;
            askedFor = codecs;
            sent = ask(recodable, track, codecs);
        }
        return sent;
    }

    private void applyTargetBitrate() {
        if (targetBitrate > 0 && steered instanceof EncodingTrack encoding) {
            encoding.setTargetBitrate(this, targetBitrate);
        }
    }

    private void forget() {
        if (steered instanceof EncodingTrack encoding) {
            encoding.forgetReader(this);
        }
    }

    private static MediaStreamTrack ask(RecodableTrack recodable, MediaStreamTrack track, List<RtpCodec> codecs) {
        try {
            return recodable.sentAs(codecs.stream().map(RtpCodec::mimeType).toList());
        } catch (RuntimeException cannot) {
            LOG.log(Level.WARNING, () -> "track " + track.getId() + " is not sent: " + cannot.getMessage());
            return null;
        }
    }
}
