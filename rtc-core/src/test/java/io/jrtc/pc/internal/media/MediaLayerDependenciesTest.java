package io.jrtc.pc.internal.media;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCDtlsTransport;
import io.jrtc.pc.RTCIceGatherer;
import io.jrtc.pc.RTCIceTransport;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpReceiver;
import io.jrtc.pc.RTCRtpSender;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCSctpTransport;
import io.jrtc.pc.RTCTrackEvent;
import io.jrtc.pc.RtcEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The media layer sits under the API (issue 7): it may use the API's value types (parameters, stats, errors,
 * directions) but never the stateful W3C objects, which wrap it. Whatever it hands to the user (a track event) it
 * hands as its own objects, and the API layer wraps them.
 */
class MediaLayerDependenciesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jrtc.pc.internal.media");
    }

    @Test
    void mediaLayerNeverReachesTheStatefulApiObjects() {
        noClasses().that().resideInAPackage("io.jrtc.pc.internal.media..")
                .should().dependOnClassesThat().belongToAnyOf(RTCPeerConnection.class, RTCIceGatherer.class,
                        RTCIceTransport.class, RTCDtlsTransport.class, RTCSctpTransport.class, RTCDataChannel.class,
                        RTCRtpSender.class, RTCRtpReceiver.class, RTCRtpTransceiver.class, RTCTrackEvent.class,
                        RtcEngine.class)
                .check(classes);
    }
}
