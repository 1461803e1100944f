package io.jrtc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The W3C classes of {@code io.jrtc.pc} are the API and thin facades; the wiring lives in {@code io.jrtc.pc.internal}
 * and never reaches back up to them (rtc-core's README, "Package map").
 */
class ApiBoundaryTest {
    /** The stateful classes: facades over internal objects. Internal code may use every other public type. */
    private static final String[] FACADES = {
        "io.jrtc.pc.RTCPeerConnection", "io.jrtc.pc.RTCIceGatherer", "io.jrtc.pc.RTCIceTransport",
        "io.jrtc.pc.RTCDtlsTransport", "io.jrtc.pc.RTCSctpTransport", "io.jrtc.pc.RTCDataChannel",
        "io.jrtc.pc.RTCRtpSender", "io.jrtc.pc.RTCRtpReceiver", "io.jrtc.pc.RTCRtpTransceiver", "io.jrtc.pc.RtcEngine"
    };

    /**
     * The package-private classes {@code io.jrtc.pc} keeps, each for its public types only: the enums' W3C names,
     * the settings records' checks, and two pieces of facade-side glue that must know the facades (the internal
     * packages must not): the RTP side of an {@code RTCDtlsTransport}, which answers a sender's getTransport()
     * with that facade, and the one-facade-per-transceiver map of a connection.
     */
    private static final Set<String> PACKAGE_PRIVATE = Set.of("W3cNames", "SettingsChecks", "RtpTransport",
            "ConnectionFacades");

    /**
     * Package-private methods a facade may have besides {@code core()}: the engine is no facade over one internal
     * object but the registry of the connections it must close, and each connection enrols itself and leaves.
     */
    private static final Map<String, Set<String>> WIRING = Map.of("RtcEngine", Set.of("register", "unregister"));

    /**
     * The public methods each facade may have besides getters ({@code getX}, {@code isX}) and listeners
     * ({@code onX} returning a Subscription): the reference's and the W3C's names, and the few Java-idiom
     * additions README documents.
     */
    private static final Map<String, Set<String>> OPERATIONS = Map.of(
            "RTCPeerConnection", Set.of("createOffer", "createAnswer", "setLocalDescription", "setRemoteDescription",
                    "addIceCandidate", "gatheringComplete", "restartIce", "createDataChannel", "addTrack",
                    "removeTrack", "addTransceiver", "close"),
            "RTCIceGatherer", Set.of("gather"),
            "RTCIceTransport", Set.of("setRole", "start", "stop", "addRemoteCandidate"),
            "RTCDtlsTransport", Set.of("start", "stop"),
            "RTCSctpTransport", Set.of("start", "stop"),
            "RTCDataChannel", Set.of("send", "close", "setBufferedAmountLowThreshold", "pauseReceiving",
                    "resumeReceiving"),
            "RTCRtpSender", Set.of("replaceTrack", "send", "stop", "setForwardedLayer", "clearForwardedLayer"),
            "RTCRtpReceiver", Set.of("receive", "stop", "setAudioDecoding"),
            "RTCRtpTransceiver", Set.of("setDirection", "setCodecPreferences", "stop"),
            "RtcEngine", Set.of("create", "shared", "newPeerConnection", "close", "settings", "clock",
                    "openPeerConnections", "peerConnections"));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jrtc");
    }

    @Test
    void internalPackagesNeverReachBackToTheFacades() {
        noClasses().that().resideInAPackage("io.jrtc.pc.internal..")
                .should().dependOnClassesThat(named(FACADES))
                .because("internal objects hand out internal objects; the facade side wraps them")
                .check(classes);
    }

    @Test
    void theApiPackageHoldsOnlyPublicTypes() {
        classes().that().resideInAPackage("io.jrtc.pc").and().areTopLevelClasses()
                .and(DescribedPredicate.describe("are not facade-side helpers",
                        (JavaClass c) -> !PACKAGE_PRIVATE.contains(c.getSimpleName())))
                .should().bePublic()
                .because("wiring belongs in io.jrtc.pc.internal; the helpers left serve the public types only")
                .check(classes);
    }

    @Test
    void facadesExposeOnlyTheReferenceAndW3cSurface() {
        methods().that().areDeclaredInClassesThat(named(FACADES)).and().arePublic()
                .should(beGetterListenerOrNamedOperation())
                .check(classes);
    }

    @Test
    void facadesKeepAtMostOneAccessorToTheirInternalObject() {
        methods().that().areDeclaredInClassesThat(named(FACADES))
                .and().doNotHaveModifier(JavaModifier.PUBLIC).and().doNotHaveModifier(JavaModifier.PRIVATE)
                .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                .should(beTheAccessorToTheInternalObject())
                .because("a facade delegates; package-private wiring belongs to the internal object "
                        + "(constructors are not methods: a facade may have package-private ones)")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> named(String... names) {
        Set<String> set = Set.of(names);
        return DescribedPredicate.describe("are facades", c -> set.contains(c.getName()));
    }

    private static ArchCondition<JavaMethod> beTheAccessorToTheInternalObject() {
        return new ArchCondition<>("be core(), the accessor to the internal object") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                String name = method.getName();
                boolean accessor = name.equals("core") && method.getRawParameterTypes().isEmpty();
                boolean wiring = WIRING.getOrDefault(method.getOwner().getSimpleName(), Set.of()).contains(name);
                if (!(accessor || wiring)) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " is package-private wiring on a facade"));
                }
            }
        };
    }

    private static ArchCondition<JavaMethod> beGetterListenerOrNamedOperation() {
        return new ArchCondition<>("be a getter, a listener or a reference/W3C operation") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                String name = method.getName();
                boolean getter = name.matches("(get|is)[A-Z].*") && method.getRawParameterTypes().isEmpty()
                        || name.matches("get(Capabilities|DefaultIceServers)");
                boolean listener = name.matches("on[A-Z].*")
                        && method.getRawReturnType().getName().equals("io.jrtc.pc.Subscription");
                boolean named = OPERATIONS.getOrDefault(method.getOwner().getSimpleName(), Set.of()).contains(name);
                boolean object = Set.of("toString", "equals", "hashCode").contains(name);
                if (!(getter || listener || named || object)) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " is neither in the reference nor the W3C API"));
                }
            }
        };
    }
}
