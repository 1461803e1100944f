package io.jrtc.pc.internal.transport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.jrtc.rtp.MultiplexedPacketKind;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transport layer depends on public value types of {@code io.jrtc.pc} only, never on its stateful classes
 * (the facades wrap what it emits), and never on the media side, which attaches to it instead: of RTP it knows
 * only the RFC 7983 classification.
 */
class TransportDependenciesTest {
    private static final Set<String> STATEFUL = Set.of(
            "io.jrtc.pc.RTCPeerConnection", "io.jrtc.pc.RTCIceGatherer", "io.jrtc.pc.RTCIceTransport",
            "io.jrtc.pc.RTCDtlsTransport", "io.jrtc.pc.RTCSctpTransport", "io.jrtc.pc.RTCDataChannel",
            "io.jrtc.pc.RTCRtpSender", "io.jrtc.pc.RTCRtpReceiver", "io.jrtc.pc.RTCRtpTransceiver",
            "io.jrtc.pc.RtcEngine", "io.jrtc.pc.RtpTransport", "io.jrtc.pc.Transceivers");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // The transport's own classes; what they depend on is known by name without importing it.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jrtc.pc.internal.transport");
    }

    @Test
    void transportUsesNoStatefulApiClass() {
        noClasses().that().resideInAPackage("io.jrtc.pc.internal.transport..")
                .should().dependOnClassesThat(DescribedPredicate.describe("stateful io.jrtc.pc classes",
                        (JavaClass c) -> STATEFUL.contains(c.getName())))
                .check(classes);
    }

    @Test
    void transportKnowsNothingOfMedia() {
        noClasses().that().resideInAPackage("io.jrtc.pc.internal.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jrtc.pc.internal.media..", "io.jrtc.srtp..")
                .orShould().dependOnClassesThat(DescribedPredicate.describe("RTP beyond the RFC 7983 classification",
                        (JavaClass c) -> c.getPackageName().equals("io.jrtc.rtp")
                                && !c.getName().equals(MultiplexedPacketKind.class.getName())))
                .check(classes);
    }
}
