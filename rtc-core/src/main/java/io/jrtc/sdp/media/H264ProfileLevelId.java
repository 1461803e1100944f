package io.jrtc.sdp.media;

import java.util.HexFormat;
import java.util.Locale;

/**
 * The H.264 {@code profile-level-id} fmtp parameter (RFC 6184 §8.1): profile_idc, the profile-iop byte of
 * constraint_set flags, and level_idc, as three bytes in hex. Two of them name the same profile the way libwebrtc
 * decides it: the profile_idc and constraint flags of the common WebRTC profiles fall into classes (Constrained
 * Baseline is 42e0, 4d80 or 58c0 among others, since a decoder of one decodes the others); other profiles
 * (High 10, High 4:2:2, ...) match on profile_idc and constraint flags exactly. Level 1b, written as level_idc 11
 * with constraint_set3 in the Baseline, Main and Extended profiles (H.264 §A.3.1), or level_idc 9, is ordered
 * between 1 and 1.1.
 *
 * @param profileIdc profile_idc, 0-255
 * @param profileIop the constraint_set0..5 flags and reserved bits, 0-255
 * @param levelIdc   level_idc, 0-255 (9 or 11 with constraint_set3 for level 1b)
 */
public record H264ProfileLevelId(int profileIdc, int profileIop, int levelIdc) {
    /** RFC 6184 §8.1: without profile-level-id, Baseline profile (0x42, no constraint flags) at level 1. */
    public static final H264ProfileLevelId DEFAULT = new H264ProfileLevelId(0x42, 0x00, 10);
    private static final int CONSTRAINT_SET3 = 0x10;
    private static final int LEVEL_1B = 9;
    private static final int LEVEL_1_1 = 11;

    /** libwebrtc's profile classes: profile_idc and a pattern of the profile-iop bits ('x' = any). */
    private record Pattern(int profileIdc, String bits, String profile) {
        boolean matches(int idc, int iop) {
            if (idc != profileIdc) {
                return false;
            }
            for (int bit = 0; bit < 8; bit++) {
                char want = bits.charAt(bit);
                int actual = (iop >> (7 - bit)) & 1;
                if (want != 'x' && want - '0' != actual) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Pattern[] PATTERNS = {
        new Pattern(0x42, "x1xx0000", "constrained-baseline"),
        new Pattern(0x4D, "1xxx0000", "constrained-baseline"),
        new Pattern(0x58, "11xx0000", "constrained-baseline"),
        new Pattern(0x42, "x0xx0000", "baseline"),
        new Pattern(0x58, "10xx0000", "baseline"),
        new Pattern(0x4D, "0x0x0000", "main"),
        new Pattern(0x64, "00000000", "high"),
        new Pattern(0x64, "00001100", "constrained-high"),
        new Pattern(0xF4, "00000000", "predictive-high-444"),
    };

    public H264ProfileLevelId {
        if ((profileIdc | profileIop | levelIdc) >>> 8 != 0) {
            throw new IllegalArgumentException("profile-level-id bytes out of range");
        }
    }

    /**
     * Parses six hex digits; null when the value is malformed (not six hex digits, profile_idc or level_idc 0),
     * as libwebrtc then refuses the codec.
     */
    public static H264ProfileLevelId parse(String value) {
        if (value == null || value.length() != 6 || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        int bits = Integer.parseInt(value, 16);
        H264ProfileLevelId parsed = new H264ProfileLevelId(bits >>> 16, (bits >>> 8) & 0xFF, bits & 0xFF);
        return parsed.profileIdc == 0 || parsed.levelIdc == 0 ? null : parsed;
    }

    /** The codec's profile-level-id, the RFC 6184 default when absent, or null when malformed. */
    public static H264ProfileLevelId of(RtpCodec codec) {
        String value = codec.parameter("profile-level-id");
        return value == null ? DEFAULT : parse(value);
    }

    /**
     * The profile as libwebrtc classes it ("constrained-baseline", "main", ...), or for a profile outside its
     * table the profile_idc and constraint flags in hex (e.g. "6e00" for High 10).
     */
    public String profile() {
        for (Pattern pattern : PATTERNS) {
            if (pattern.matches(profileIdc, profileIop)) {
                return pattern.profile();
            }
        }
        return HexFormat.of().toHexDigits((byte) profileIdc) + HexFormat.of().toHexDigits((byte) profileIop);
    }

    /** Whether the two decode the same bitstreams, levels aside. */
    public boolean sameProfile(H264ProfileLevelId other) {
        return profile().equals(other.profile());
    }

    /**
     * H.264 Annex A's decoder conformance: whether a decoder of this profile decodes bitstreams of the other's.
     * Constrained Baseline streams decode everywhere but in Extended, Constrained High decoders included (§A.2.4.2);
     * Baseline ones (FMO, ASO) only in Baseline;
     * otherwise each profile of Main, High, High 10, High 4:2:2 and High 4:4:4 Predictive decodes the ones before
     * it (§A.2.2-A.2.6), and Constrained High streams decode where High ones do.
     */
    public boolean decodes(H264ProfileLevelId stream) {
        String mine = profile();
        String theirs = stream.profile();
        if (mine.equals(theirs)) {
            return true;
        }
        int decoder = ORDER.indexOf(mine);
        int coded = ORDER.indexOf(theirs.equals("constrained-high") ? "high" : theirs);
        if (theirs.equals("constrained-baseline")) {
            return mine.equals("baseline") || mine.equals("constrained-high") || decoder >= 0;
        }
        return decoder >= 0 && coded >= 0 && decoder >= coded;
    }

    /** The decoder ladder of §A.2: each profile's decoders decode the bitstreams of the ones before it. */
    private static final java.util.List<String> ORDER = java.util.List.of("main", "high", "6e00", "7a00",
            "predictive-high-444");

    /** Level 1b (H.264 §A.3.1): level_idc 9, or 11 with constraint_set3 in Baseline, Main and Extended. */
    public boolean isLevel1b() {
        return levelIdc == LEVEL_1B || levelIdc == LEVEL_1_1 && (profileIop & CONSTRAINT_SET3) != 0
                && (profileIdc == 0x42 || profileIdc == 0x4D || profileIdc == 0x58);
    }

    /** level_idc doubled, so that 1b (21) sits between 1 (20) and 1.1 (22). */
    private int orderedLevel() {
        return isLevel1b() ? 21 : levelIdc * 2;
    }

    /** Whether this level is below the other's (1b between 1 and 1.1). */
    public boolean levelBelow(H264ProfileLevelId other) {
        return orderedLevel() < other.orderedLevel();
    }

    /** This profile at another level_idc; a level-1b constraint_set3 flag is dropped, as it would mean 1b. */
    public H264ProfileLevelId withLevel(int newLevelIdc) {
        int iop = isLevel1b() && levelIdc == LEVEL_1_1 ? profileIop & ~CONSTRAINT_SET3 : profileIop;
        return new H264ProfileLevelId(profileIdc, iop, newLevelIdc);
    }

    /**
     * The profile-level-id to answer an offered one with (RFC 6184 §8.2.2, as libwebrtc does): the offered
     * profile at the local level when both sides allow level asymmetry (the level then says what the answerer
     * receives), else at the lower of the two levels (one level for both directions).
     */
    public static H264ProfileLevelId answer(H264ProfileLevelId offered, H264ProfileLevelId local,
            boolean levelAsymmetryAllowed) {
        if (levelAsymmetryAllowed) {
            return local.isLevel1b() ? offered : offered.withLevel(local.levelIdc);
        }
        return local.levelBelow(offered) ? offered.withLevel(local.levelIdc) : offered;
    }

    /** Six lower-case hex digits. */
    public String toValue() {
        return String.format(Locale.ROOT, "%02x%02x%02x", profileIdc, profileIop, levelIdc);
    }
}
