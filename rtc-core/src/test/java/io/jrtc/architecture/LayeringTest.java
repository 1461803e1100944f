package io.jrtc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the protocol packages sans-IO (DESIGN.md): no Netty, no sockets, no reading the clock, no sleeping, and
 * no dependency upwards on the wiring in {@code pc} or the edge in {@code net}.
 */
class LayeringTest {
    private static final String[] PROTOCOLS = {
        "io.jrtc.sdp..", "io.jrtc.stun..", "io.jrtc.turn..", "io.jrtc.ice..", "io.jrtc.dtls..", "io.jrtc.sctp..",
        "io.jrtc.datachannel..", "io.jrtc.srtp..", "io.jrtc.rtp..", "io.jrtc.mdns..", "io.jrtc.codec.."
    };
    /** DTLS is BouncyCastle's real-time handshake by design; the other machines take time as an input. */
    private static final String[] CLOCK_FREE = {
        "io.jrtc.sdp..", "io.jrtc.stun..", "io.jrtc.turn..", "io.jrtc.ice..", "io.jrtc.sctp..",
        "io.jrtc.datachannel..", "io.jrtc.srtp..", "io.jrtc.rtp..", "io.jrtc.mdns..", "io.jrtc.codec.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jrtc");
    }

    @Test
    void protocolPackagesDoNotTouchNettyOrSockets() {
        noClasses().that().resideInAnyPackage(PROTOCOLS)
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "java.net.http..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.DatagramChannel")
                .check(classes);
    }

    @Test
    void mediaTracksKnowNothingOfConnectionsOrSockets() {
        noClasses().that().resideInAPackage("io.jrtc.media..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jrtc.pc..", "io.jrtc.net..", "io.netty..")
                .check(classes);
    }

    @Test
    void protocolPackagesDependOnlyDownwards() {
        noClasses().that().resideInAnyPackage(PROTOCOLS)
                .should().dependOnClassesThat().resideInAnyPackage("io.jrtc.pc..", "io.jrtc.net..")
                .check(classes);
    }

    /** One clock (issue: one injected clock): every reading goes through the engine's {@code RtcClock}. */
    @Test
    void onlyTheSystemClockReadsTheTime() {
        noClasses().that().resideInAPackage("io.jrtc..")
                .and().doNotHaveFullyQualifiedName("io.jrtc.time.SystemClock")
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .check(classes);
    }

    @Test
    void sansIoMachinesTakeTimeAsAnInput() {
        noClasses().that().resideInAnyPackage(CLOCK_FREE)
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .check(classes);
    }
}
