/**
 * Typed view and negotiation rules of audio and video m-sections (JSEP RFC 8829 §5, RFC 8866, RFC 8843 BUNDLE,
 * RFC 8830 msid) over the untyped {@link io.jrtc.sdp.MediaDescription}: one record per attribute with
 * {@code parse}/{@code toValue}, {@link io.jrtc.sdp.media.RtpMediaSection} to read and write a section, and
 * {@link io.jrtc.sdp.media.CodecNegotiation} for offer payload types and the answer's codecs and direction.
 * Sans-IO and pure: no clocks, sockets or threads.
 */
package io.jrtc.sdp.media;
