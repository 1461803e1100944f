package io.jrtc.sdp.media;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The codec, header extension and direction rules of an RTP m-section exchange (RFC 8829 §5.2.1 offer,
 * §5.3.1 answer; RFC 3264 §6.1). Pure functions over the typed records of this package.
 */
public final class CodecNegotiation {
    /** RFC 3551 §6 leaves 35-71 unassigned; 35-63 avoids RTCP packet types 64-95 under rtcp-mux (RFC 5761 §4). */
    private static final int FIRST_FALLBACK = 35;
    private static final int LAST_FALLBACK = 63;

    private CodecNegotiation() {
    }

    /**
     * Whether two codecs are the same format: mime type (case-insensitive, RFC 4855 §3), clock rate, channels, and
     * the fmtp parameters that change the bitstream: H.264 profile ({@link H264ProfileLevelId#sameProfile}) and
     * packetization-mode (RFC 6184 §8.2.2), H.265 profile-id, tier-flag and tx-mode (RFC 7798 §7.2.2), VP9
     * profile-id (RFC 9628 §6), AV1 profile. Payload types are not compared; levels are negotiated, not matched.
     */
    public static boolean sameFormat(RtpCodec a, RtpCodec b) {
        if (!a.hasMimeType(b.mimeType()) || a.clockRate() != b.clockRate() || a.channels() != b.channels()) {
            return false;
        }
        return switch (a.encodingName().toUpperCase(Locale.ROOT)) {
            case "H264" -> sameH264Profile(a, b)
                    && parameterOr(a, "packetization-mode", "0").equals(parameterOr(b, "packetization-mode", "0"));
            case "H265" -> parameterOr(a, "profile-id", "1").equals(parameterOr(b, "profile-id", "1"))
                    && parameterOr(a, "tier-flag", "0").equals(parameterOr(b, "tier-flag", "0"))
                    && parameterOr(a, "tx-mode", "SRST").equalsIgnoreCase(parameterOr(b, "tx-mode", "SRST"));
            case "VP9" -> parameterOr(a, "profile-id", "0").equals(parameterOr(b, "profile-id", "0"));
            case "AV1" -> parameterOr(a, "profile", "0").equals(parameterOr(b, "profile", "0"));
            default -> true;
        };
    }

    /**
     * Whether a receiver that negotiates {@code receiver} can decode a stream coded as {@code stream}, as a
     * forwarder that does not transcode must know: the same format, or for H.264 the same packetization mode and
     * a profile whose decoders decode the stream's ({@link H264ProfileLevelId#decodes}, H.264 Annex A).
     */
    public static boolean canReceive(RtpCodec receiver, RtpCodec stream) {
        if (sameFormat(receiver, stream)) {
            return true;
        }
        if (!receiver.hasMimeType(stream.mimeType()) || !receiver.encodingName().equalsIgnoreCase("H264")
                || !parameterOr(receiver, "packetization-mode", "0").equals(parameterOr(stream, "packetization-mode",
                "0"))) {
            return false;
        }
        H264ProfileLevelId decoder = H264ProfileLevelId.of(receiver);
        H264ProfileLevelId coded = H264ProfileLevelId.of(stream);
        return decoder != null && coded != null && decoder.decodes(coded);
    }

    private static boolean sameH264Profile(RtpCodec a, RtpCodec b) {
        H264ProfileLevelId first = H264ProfileLevelId.of(a);
        H264ProfileLevelId second = H264ProfileLevelId.of(b);
        return first != null && second != null && first.sameProfile(second);
    }

    private static String parameterOr(RtpCodec codec, String name, String fallback) {
        String value = codec.parameter(name);
        return value == null ? fallback : value;
    }

    /**
     * The answer's codecs (RFC 8829 §5.3.1, RFC 3264 §6.1): the offered codecs that match a local capability, in
     * the offerer's order and with the offerer's payload types. A kept codec carries the local fmtp parameters
     * (what this side accepts) with the levels answered as {@link #answerParameters} says, and the rtcp-fb
     * mechanisms both sides list. RTX (RFC 4588 §8) is kept only when its
     * {@code apt} codec is kept and RTX at that clock rate is a local capability; RED (RFC 2198) only when every
     * payload type it names is kept. Both keep the offerer's parameters, since those name offered payload types.
     */
    public static List<RtpCodec> answerCodecs(List<RtpCodec> localCapabilities, List<RtpCodec> offered) {
        Map<Integer, RtpCodec> kept = new HashMap<>();
        for (RtpCodec offer : offered) {
            if (offer.isRtx() || isRed(offer)) {
                continue;
            }
            for (RtpCodec local : localCapabilities) {
                if (!local.isRtx() && sameFormat(offer, local)) {
                    kept.put(offer.payloadType(), offer.withParameters(answerParameters(offer, local))
                            .withRtcpFeedback(commonFeedback(offer, local)));
                    break;
                }
            }
        }
        List<RtpCodec> answer = new ArrayList<>();
        for (RtpCodec offer : offered) {
            RtpCodec chosen = kept.get(offer.payloadType());
            if (chosen != null) {
                answer.add(chosen);
            } else if (offer.isRtx() || isRed(offer)) {
                RtpCodec local = firstSameFormat(localCapabilities, offer);
                if (local != null && referencedTypesKept(offer, kept.keySet())) {
                    answer.add(offer.withRtcpFeedback(commonFeedback(offer, local)));
                }
            }
        }
        return answer;
    }

    /**
     * The fmtp parameters answering an offered codec that matched a local one: the local parameters, except the
     * levels. H.264 (RFC 6184 §8.2.2) answers the offered profile at the local level when both sides carry
     * level-asymmetry-allowed=1, else at the lower level; H.265 (RFC 7798 §7.2.2) answers the lower level-id.
     */
    static Map<String, String> answerParameters(RtpCodec offer, RtpCodec local) {
        Map<String, String> parameters = new LinkedHashMap<>(local.parameters());
        switch (local.encodingName().toUpperCase(Locale.ROOT)) {
            case "H264" -> {
                H264ProfileLevelId offered = H264ProfileLevelId.of(offer);
                H264ProfileLevelId own = H264ProfileLevelId.of(local);
                boolean asymmetric = "1".equals(offer.parameter("level-asymmetry-allowed"))
                        && "1".equals(local.parameter("level-asymmetry-allowed"));
                parameters.put("profile-level-id", H264ProfileLevelId.answer(offered, own, asymmetric).toValue());
            }
            case "H265" -> {
                String offered = offer.parameter("level-id");
                String own = local.parameter("level-id");
                if (isSmallNumber(offered) && (own == null || isSmallNumber(own)
                        && Integer.parseInt(offered) < Integer.parseInt(own))) {
                    parameters.put("level-id", offered);
                }
            }
            default -> {
            }
        }
        return parameters;
    }

    private static boolean isSmallNumber(String value) {
        return value != null && !value.isEmpty() && value.length() <= 3 && value.chars().allMatch(Character::isDigit);
    }

    private static boolean isRed(RtpCodec codec) {
        return codec.encodingName().equalsIgnoreCase("red");
    }

    private static RtpCodec firstSameFormat(List<RtpCodec> codecs, RtpCodec wanted) {
        for (RtpCodec codec : codecs) {
            if (sameFormat(codec, wanted)) {
                return codec;
            }
        }
        return null;
    }

    /** RTX names its codec by {@code apt}; RED's fmtp is the list "111/111" of the payload types it carries. */
    private static boolean referencedTypesKept(RtpCodec codec, Set<Integer> kept) {
        if (codec.isRtx()) {
            return kept.contains(codec.associatedPayloadType());
        }
        for (String key : codec.parameters().keySet()) {
            for (String pt : key.split("/", -1)) {
                if (!pt.chars().allMatch(Character::isDigit) || pt.isEmpty() || pt.length() > 3
                        || !kept.contains(Integer.parseInt(pt))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<RtcpFeedback.Mechanism> commonFeedback(RtpCodec offer, RtpCodec local) {
        List<RtcpFeedback.Mechanism> common = new ArrayList<>(offer.rtcpFeedback());
        common.retainAll(local.rtcpFeedback());
        return common;
    }

    /**
     * The answer's header extensions (RFC 8285 §7, RFC 8829 §5.3.1): the offered ones whose URI is supported, with
     * the offerer's ids and any offered direction reversed. Ids 4096-4351, which only an offer may use, are moved
     * to the lowest free id the RTP header can carry.
     */
    public static List<ExtMap> answerHeaderExtensions(Set<String> supportedUris, List<ExtMap> offered) {
        Set<Integer> used = new HashSet<>();
        offered.forEach(e -> used.add(e.id()));
        List<ExtMap> answer = new ArrayList<>();
        for (ExtMap offer : offered) {
            if (!supportedUris.contains(offer.uri())) {
                continue;
            }
            int id = offer.id();
            if (id >= 4096) {
                id = 1;
                while (used.contains(id) || !ExtMap.validId(id)) {
                    id++;
                }
                used.add(id);
            }
            Direction direction = offer.direction() == null ? null : offer.direction().reverse();
            answer.add(new ExtMap(id, direction, offer.uri(), null));
        }
        return answer;
    }

    /**
     * The answer's direction (RFC 8829 §5.3.1, RFC 3264 §6.1): send only if the offer receives and this side
     * wants to send, receive only if the offer sends and this side wants to receive.
     */
    public static Direction answerDirection(Direction offered, Direction localWish) {
        return offered.reverse().intersect(localWish);
    }

    /**
     * Payload types for an offer (RFC 8829 §5.2.1, RFC 3551 §6). A codec keeps its preferred payload type when it
     * is free; an unassigned codec equal to a static format gets that static type; the others get the lowest free
     * dynamic type 96-127, then 35-63. {@code reserved} holds types other BUNDLE sections bind to other codecs
     * (RFC 8843 §9.1). RTX {@code apt} is rewritten to follow its codec when that codec moves.
     *
     * @throws IllegalArgumentException when the types run out or an RTX names no preceding codec
     */
    public static List<RtpCodec> assignPayloadTypes(List<RtpCodec> codecs, Set<Integer> reserved) {
        Set<Integer> taken = new HashSet<>(reserved);
        Map<Integer, Integer> moved = new LinkedHashMap<>();
        List<RtpCodec> result = new ArrayList<>();
        for (RtpCodec codec : codecs) {
            int preferred = codec.payloadType();
            int pt = preferred != RtpCodec.UNASSIGNED ? preferred : staticTypeOf(codec);
            if (pt == RtpCodec.UNASSIGNED || taken.contains(pt)) {
                pt = lowestFree(taken);
            }
            taken.add(pt);
            RtpCodec assigned = codec.withPayloadType(pt);
            if (codec.isRtx()) {
                Integer target = moved.get(codec.associatedPayloadType());
                if (target == null) {
                    throw new IllegalArgumentException("RTX apt names no preceding codec: " + codec);
                }
                Map<String, String> parameters = new LinkedHashMap<>(codec.parameters());
                parameters.put(RtpCodec.RTX_ASSOCIATED_PAYLOAD_TYPE, Integer.toString(target));
                assigned = assigned.withParameters(parameters);
            } else if (preferred != RtpCodec.UNASSIGNED) {
                moved.putIfAbsent(preferred, pt);
            }
            result.add(assigned);
        }
        return result;
    }

    /**
     * Adds an RTX format (RFC 4588 §8.6) after every video codec of an assigned list, with {@code apt} naming it
     * and a free payload type (avoiding {@code reserved} too).
     */
    public static List<RtpCodec> withRtx(List<RtpCodec> assigned, Set<Integer> reserved) {
        Set<Integer> taken = new HashSet<>(reserved);
        assigned.forEach(c -> taken.add(c.payloadType()));
        List<RtpCodec> result = new ArrayList<>();
        for (RtpCodec codec : assigned) {
            result.add(codec);
            if (codec.kind().equals("video") && !codec.isRtx() && !isRed(codec)) {
                int pt = lowestFree(taken);
                taken.add(pt);
                result.add(new RtpCodec(pt, "video/rtx", codec.clockRate(), 0,
                        Map.of(RtpCodec.RTX_ASSOCIATED_PAYLOAD_TYPE, Integer.toString(codec.payloadType())),
                        List.of()));
            }
        }
        return result;
    }

    private static int staticTypeOf(RtpCodec codec) {
        for (int pt = 0; pt < StaticPayloadTypes.FIRST_DYNAMIC; pt++) {
            RtpCodec known = StaticPayloadTypes.codec(pt);
            if (known != null && sameFormat(known, codec)) {
                return pt;
            }
        }
        return RtpCodec.UNASSIGNED;
    }

    private static int lowestFree(Set<Integer> taken) {
        for (int pt = StaticPayloadTypes.FIRST_DYNAMIC; pt <= StaticPayloadTypes.LAST_DYNAMIC; pt++) {
            if (!taken.contains(pt)) {
                return pt;
            }
        }
        for (int pt = FIRST_FALLBACK; pt <= LAST_FALLBACK; pt++) {
            if (!taken.contains(pt)) {
                return pt;
            }
        }
        throw new IllegalArgumentException("no free RTP payload type left for an offer");
    }
}
