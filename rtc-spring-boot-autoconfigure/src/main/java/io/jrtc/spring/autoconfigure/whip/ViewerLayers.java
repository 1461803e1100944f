package io.jrtc.spring.autoconfigure.whip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.rtp.forward.PacketSource;
import io.jrtc.spring.autoconfigure.service.ForwardedLayers;

/**
 * A WHEP viewer's video layers, as the WHEP core-extensions draft names them: the {@code layers} event's data (per
 * video m-line index, the publisher's simulcast encodings by RID with their current bitrate, highest first, or the
 * spatial layers of one VP9 SVC encoding by {@code spatialLayerId}) and the Video Layer Selection request applied
 * to the viewer's sender. The stack ranks simulcast layers (by VP8 key frame width, else bitrate); a RID is mapped
 * to its rank when the request comes.
 */
final class ViewerLayers {
    private ViewerLayers() {
    }

    /** A video m-line of the viewer's session: its index in the SDP and the transceiver on it. */
    private record VideoLine(String index, RTCRtpTransceiver transceiver, PacketSource source) {
    }

    /** The {@code layers} event data: m-line index to the layers it can carry, highest first. */
    static Map<String, List<Map<String, Object>>> describe(RTCPeerConnection viewer) {
        Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
        for (VideoLine line : videoLines(viewer)) {
            if (line.source() != null) {
                data.put(line.index(), layers(line.source()));
            }
        }
        return data;
    }

    private static List<Map<String, Object>> layers(PacketSource source) {
        long[] bitrates = source.layerBitrates();
        List<String> rids = source.layerRids();
        List<Map<String, Object>> layers = new ArrayList<>();
        int count = Math.max(bitrates.length, rids.size());
        boolean spatial = source.spatialLayers() > 1;
        for (int rank = count - 1; rank >= 0; rank--) {
            Map<String, Object> layer = new LinkedHashMap<>();
            if (rank < rids.size()) {
                layer.put("rid", rids.get(rank));
            }
            layer.put("spatialLayerId", spatial ? rank : 0);
            layer.put("bitrate", rank < bitrates.length ? bitrates[rank] : 0L);
            layers.add(layer);
        }
        return layers;
    }

    /**
     * Applies a layer selection: a RID, or for a VP9 SVC publisher a spatial layer (and temporal cap), fixes the
     * forwarded layer; none returns the choice to the viewer's bandwidth estimate.
     *
     * @throws LayerNotAvailableException when the request names what the session cannot forward
     */
    static void select(RTCPeerConnection viewer, LayerRequest request) {
        if (request.maxWidth() != null || request.maxHeight() != null) {
            throw new LayerNotAvailableException("maxWidth and maxHeight are not supported: the layers' sizes are "
                    + "not known to the server; choose a rid from the layers event");
        }
        VideoLine line = videoLine(viewer, request.mediaId());
        Integer spatialLayer = request.spatialCap();
        int spatialLayers = line.source().spatialLayers();
        boolean svc = spatialLayers > 1 && request.encoding() == null;
        if (svc && (spatialLayer != null || request.temporalCap() != null)) {
            // without spatialLayerId, the highest layer under the cap (maxSpatialLayerId, or none)
            int top = spatialLayers - 1;
            int layer = request.spatialLayerId() != null ? spatialLayer : Math.min(top, spatialLayer == null ? top
                    : spatialLayer);
            ForwardedLayers.chooseSpatialLayer(line.transceiver().getSender(), layer, request.temporalCap(),
                    LayerNotAvailableException::new);
            return;
        }
        if (request.spatialLayerId() != null && request.spatialLayerId() != 0
                || request.maxSpatialLayerId() != null && request.maxSpatialLayerId() < 0) {
            throw new LayerNotAvailableException("only spatial layer 0 exists: simulcast encodings are told apart "
                    + "by rid, and the publisher sends no VP9 spatial layers");
        }
        ForwardedLayers.choose(line.transceiver().getSender(), request.encoding(), request.temporalCap(),
                LayerNotAvailableException::new);
    }

    private static VideoLine videoLine(RTCPeerConnection viewer, String mediaId) {
        List<VideoLine> lines = videoLines(viewer).stream().filter(line -> line.source() != null).toList();
        for (VideoLine line : lines) {
            if (mediaId == null || line.index().equals(mediaId)) {
                return line;
            }
        }
        throw new LayerNotAvailableException(mediaId == null ? "the session forwards no video"
                : "m-line " + mediaId + " forwards no video; video m-lines: "
                        + lines.stream().map(VideoLine::index).toList());
    }

    /** The video m-lines in SDP order, with the publisher's packets each forwards (null if none). */
    private static List<VideoLine> videoLines(RTCPeerConnection viewer) {
        RTCSessionDescription local = viewer.getLocalDescription();
        List<VideoLine> lines = new ArrayList<>();
        if (local == null) {
            return lines;
        }
        Map<String, String> indexByMid = new LinkedHashMap<>();
        int index = -1;
        for (String line : local.sdp().split("\r?\n")) {
            if (line.startsWith("m=")) {
                index++;
            } else if (line.startsWith("a=mid:") && index >= 0) {
                indexByMid.put(line.substring("a=mid:".length()).strip(), Integer.toString(index));
            }
        }
        for (RTCRtpTransceiver transceiver : viewer.getTransceivers()) {
            MediaStreamTrack track = transceiver.getSender().getTrack();
            String at = transceiver.getMid() == null ? null : indexByMid.get(transceiver.getMid());
            if (at != null && track != null && track.getKind() == MediaKind.VIDEO) {
                lines.add(new VideoLine(at, transceiver, ForwardedLayers.sourceOf(transceiver.getSender())));
            }
        }
        lines.sort(Comparator.comparingInt(line -> Integer.parseInt(line.index())));
        return lines;
    }
}
