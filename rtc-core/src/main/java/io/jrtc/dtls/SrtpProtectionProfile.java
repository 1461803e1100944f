package io.jrtc.dtls;

import java.util.List;

/**
 * The DTLS-SRTP protection profiles this stack negotiates (RFC 5764 §4.1.2, RFC 7714 §14.2) and their master key and
 * master salt lengths, which size the keying material export of RFC 5764 §4.2.
 */
public final class SrtpProtectionProfile {
    /** SRTP_AES128_CM_HMAC_SHA1_80 (RFC 5764 §4.1.2): 128-bit key, 112-bit salt. */
    public static final int AES128_CM_HMAC_SHA1_80 = 0x0001;
    /** SRTP_AES128_CM_HMAC_SHA1_32 (RFC 5764 §4.1.2): 128-bit key, 112-bit salt. */
    public static final int AES128_CM_HMAC_SHA1_32 = 0x0002;
    /** SRTP_AEAD_AES_128_GCM (RFC 7714 §14.2): 128-bit key, 96-bit salt. */
    public static final int AEAD_AES_128_GCM = 0x0007;
    /** SRTP_AEAD_AES_256_GCM (RFC 7714 §14.2): 256-bit key, 96-bit salt. */
    public static final int AEAD_AES_256_GCM = 0x0008;

    /**
     * Every profile implemented here, most preferred first, as a client offers them and a server chooses among them
     * by default: AEAD before HMAC (RFC 7714 §1: one pass, shorter packets), the 256-bit key first, as Chromium and
     * Firefox order their offers; the 32-bit tag last (RFC 5764 §4.1.2 allows it for audio only, in practice).
     */
    public static final List<Integer> PREFERENCE = List.of(AEAD_AES_256_GCM, AEAD_AES_128_GCM,
        AES128_CM_HMAC_SHA1_80, AES128_CM_HMAC_SHA1_32);

    private SrtpProtectionProfile() {
    }

    /** Whether the lengths of this profile are known here. */
    public static boolean isKnown(int profile) {
        return switch (profile) {
            case AES128_CM_HMAC_SHA1_80, AES128_CM_HMAC_SHA1_32, AEAD_AES_128_GCM, AEAD_AES_256_GCM -> true;
            default -> false;
        };
    }

    /** Master key length in bytes. */
    public static int masterKeyLength(int profile) {
        return switch (profile) {
            case AES128_CM_HMAC_SHA1_80, AES128_CM_HMAC_SHA1_32, AEAD_AES_128_GCM -> 16;
            case AEAD_AES_256_GCM -> 32;
            default -> throw new IllegalArgumentException("unknown SRTP protection profile " + profile);
        };
    }

    /** Master salt length in bytes. */
    public static int masterSaltLength(int profile) {
        return switch (profile) {
            case AES128_CM_HMAC_SHA1_80, AES128_CM_HMAC_SHA1_32 -> 14;
            case AEAD_AES_128_GCM, AEAD_AES_256_GCM -> 12;
            default -> throw new IllegalArgumentException("unknown SRTP protection profile " + profile);
        };
    }

    /**
     * The profile of an RFC name as {@link #name} writes it ("SRTP_AEAD_AES_256_GCM", case-insensitive).
     *
     * @throws IllegalArgumentException if no implemented profile has that name
     */
    public static int forName(String name) {
        for (int profile : PREFERENCE) {
            if (name(profile).equalsIgnoreCase(name.trim())) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown SRTP protection profile \"" + name + "\"; known: "
            + PREFERENCE.stream().map(SrtpProtectionProfile::name).toList());
    }

    /** The RFC name, e.g. "SRTP_AES128_CM_HMAC_SHA1_80", or the hex id when unknown. */
    public static String name(int profile) {
        return switch (profile) {
            case AES128_CM_HMAC_SHA1_80 -> "SRTP_AES128_CM_HMAC_SHA1_80";
            case AES128_CM_HMAC_SHA1_32 -> "SRTP_AES128_CM_HMAC_SHA1_32";
            case AEAD_AES_128_GCM -> "SRTP_AEAD_AES_128_GCM";
            case AEAD_AES_256_GCM -> "SRTP_AEAD_AES_256_GCM";
            default -> String.format("0x%04X", profile);
        };
    }
}
