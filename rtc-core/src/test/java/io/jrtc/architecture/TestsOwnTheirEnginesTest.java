package io.jrtc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCIceGatherer;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RtcEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RtcEngine#shared()} is a convenience for scripts and the reference's no-argument constructors; a test that
 * used it would leave its connections and sockets in a JVM-wide engine for every later test. Tests make their own
 * engine and close it.
 */
class TestsOwnTheirEnginesTest {
    @Test
    void noTestUsesTheSharedEngine() {
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("io.jrtc");
        noClasses().should().callMethod(RtcEngine.class, "shared")
                .orShould().callConstructor(RTCPeerConnection.class)
                .orShould().callConstructor(RTCPeerConnection.class, RTCConfiguration.class)
                .orShould().callConstructor(RTCIceGatherer.class)
                .orShould().callConstructor(RTCIceGatherer.class, List.class)
                .allowEmptyShould(true)
                .check(tests);
    }
}
