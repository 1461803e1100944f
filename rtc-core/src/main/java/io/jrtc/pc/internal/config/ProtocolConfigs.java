package io.jrtc.pc.internal.config;

import io.jrtc.datachannel.DataChannelLimits;
import io.jrtc.dtls.DtlsConfig;
import io.jrtc.dtls.SrtpProtectionProfile;
import io.jrtc.ice.IceAgentConfig;
import io.jrtc.ice.IceParameters;
import io.jrtc.ice.IceRole;
import io.jrtc.pc.DtlsSettings;
import io.jrtc.pc.IceSettings;
import io.jrtc.pc.RtpSettings;
import io.jrtc.pc.SctpSettings;
import io.jrtc.rtp.NackGenerator;
import io.jrtc.sctp.SctpConfig;

/** The engine's settings turned into the configurations of the sans-IO machines: the one place that maps them. */
public final class ProtocolConfigs {
    private ProtocolConfigs() {
    }

    public static IceAgentConfig ice(IceSettings settings, IceRole role, IceParameters local, long tieBreaker,
            long randomSeed) {
        return IceAgentConfig.defaults(role, local, tieBreaker, randomSeed)
                .withCheckInterval(settings.checkInterval().toNanos())
                .withConsent(settings.consentInterval().toNanos(), settings.consentTimeout().toNanos())
                .withTimeouts(settings.disconnectedTimeout().toNanos(), settings.failedTimeout().toNanos())
                .withLimits(settings.maxRemoteCandidates(), settings.maxCandidatePairs())
                .withDestinations(settings.destinationPolicy())
                .withLite(settings.lite());
    }

    public static SctpConfig sctp(SctpSettings settings, long randomSeed) {
        return SctpConfig.defaults()
                .withReceiveWindow(settings.receiveWindow())
                .withRto(settings.rtoInitial().toNanos(), settings.rtoMin().toNanos(), settings.rtoMax().toNanos())
                .withMaxMessageSize(settings.maxMessageSize())
                .withStreams(settings.maxStreams(), settings.maxStreams())
                .withHeartbeatIntervalNanos(settings.heartbeatInterval().toNanos())
                .withRandomSeed(randomSeed);
    }

    public static DataChannelLimits dataChannels(SctpSettings settings) {
        return new DataChannelLimits(settings.maxRemoteChannels(), settings.maxRemoteLabelBytes());
    }

    public static DtlsConfig dtls(DtlsSettings settings) {
        return DtlsConfig.DEFAULT.withHandshakeTimeout(settings.handshakeTimeout())
                .withInitialRetransmitTimeout(settings.initialRetransmitTimeout())
                .withSrtpProfiles(settings.srtpProfiles().stream().map(SrtpProtectionProfile::forName).toList());
    }

    public static NackGenerator.Settings nack(RtpSettings settings) {
        NackGenerator.Settings defaults = NackGenerator.Settings.defaults();
        return new NackGenerator.Settings(settings.nackReorderDelay(), defaults.initialRoundTripTime(),
                defaults.maxRequests(), defaults.maxAge(), defaults.maxListSize());
    }
}
