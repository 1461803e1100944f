package io.jrtc.dtls;

import java.util.Arrays;
import java.util.Objects;

/**
 * SRTP master keys and salts derived from a DTLS handshake (RFC 5764 §4.2), seen from one endpoint: "local" is what
 * this endpoint protects (sends) with, "remote" what it unprotects (receives) with. The arrays are copied in and out.
 *
 * @param protectionProfile RFC 5764 profile id, see {@link SrtpProtectionProfile}
 * @param localKey master key for SRTP/SRTCP this endpoint sends
 * @param localSalt master salt for what this endpoint sends
 * @param remoteKey master key for SRTP/SRTCP this endpoint receives
 * @param remoteSalt master salt for what this endpoint receives
 */
public record SrtpKeyingMaterial(int protectionProfile, byte[] localKey, byte[] localSalt, byte[] remoteKey,
                                 byte[] remoteSalt) {

    /** The exporter label of RFC 5764 §4.2. */
    public static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

    public SrtpKeyingMaterial {
        localKey = Objects.requireNonNull(localKey, "localKey").clone();
        localSalt = Objects.requireNonNull(localSalt, "localSalt").clone();
        remoteKey = Objects.requireNonNull(remoteKey, "remoteKey").clone();
        remoteSalt = Objects.requireNonNull(remoteSalt, "remoteSalt").clone();
    }

    /** Bytes to export for a profile: two keys and two salts (RFC 5764 §4.2). */
    public static int exportLength(int protectionProfile) {
        return 2 * (SrtpProtectionProfile.masterKeyLength(protectionProfile)
            + SrtpProtectionProfile.masterSaltLength(protectionProfile));
    }

    /**
     * Splits exported keying material laid out as client_write_SRTP_master_key, server_write_SRTP_master_key,
     * client_write_SRTP_master_salt, server_write_SRTP_master_salt (RFC 5764 §4.2).
     *
     * @param role which side we are: the client sends with the client_write values
     */
    public static SrtpKeyingMaterial fromExported(int protectionProfile, byte[] exported, DtlsRole role) {
        int keyLength = SrtpProtectionProfile.masterKeyLength(protectionProfile);
        int saltLength = SrtpProtectionProfile.masterSaltLength(protectionProfile);
        if (exported.length != 2 * (keyLength + saltLength)) {
            throw new IllegalArgumentException("exported " + exported.length + " bytes, profile "
                + SrtpProtectionProfile.name(protectionProfile) + " needs " + 2 * (keyLength + saltLength));
        }
        byte[] clientKey = Arrays.copyOfRange(exported, 0, keyLength);
        byte[] serverKey = Arrays.copyOfRange(exported, keyLength, 2 * keyLength);
        byte[] clientSalt = Arrays.copyOfRange(exported, 2 * keyLength, 2 * keyLength + saltLength);
        byte[] serverSalt = Arrays.copyOfRange(exported, 2 * keyLength + saltLength, exported.length);
        return role == DtlsRole.CLIENT
            ? new SrtpKeyingMaterial(protectionProfile, clientKey, clientSalt, serverKey, serverSalt)
            : new SrtpKeyingMaterial(protectionProfile, serverKey, serverSalt, clientKey, clientSalt);
    }

    @Override
    public byte[] localKey() {
        return localKey.clone();
    }

    @Override
    public byte[] localSalt() {
        return localSalt.clone();
    }

    @Override
    public byte[] remoteKey() {
        return remoteKey.clone();
    }

    @Override
    public byte[] remoteSalt() {
        return remoteSalt.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SrtpKeyingMaterial that
            && protectionProfile == that.protectionProfile
            && Arrays.equals(localKey, that.localKey) && Arrays.equals(localSalt, that.localSalt)
            && Arrays.equals(remoteKey, that.remoteKey) && Arrays.equals(remoteSalt, that.remoteSalt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protectionProfile, Arrays.hashCode(localKey), Arrays.hashCode(remoteKey));
    }

    /** Names the profile only: keys stay out of logs. */
    @Override
    public String toString() {
        return "SrtpKeyingMaterial[" + SrtpProtectionProfile.name(protectionProfile) + "]";
    }
}
