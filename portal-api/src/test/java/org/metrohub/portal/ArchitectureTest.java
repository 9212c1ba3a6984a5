package org.metrohub.portal;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One seam per third-party stack (STYLE.md §1–2), across the modules on portal-api's classpath: a wrong import fails the build. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.metrohub");
    }

    /** Checks the rule against the imported classes; a violation throws an AssertionError naming each offender. */
    private static void assertHolds(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void kafkaIsUsedOnlyByEventsAndTheEmbeddedBroker() {
        assertHolds(noClasses().that().resideOutsideOfPackages("..portal.events..", "..portal.embedded..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "kafka.."));
    }

    @Test
    void joseIsUsedOnlyByIdentity() {
        assertHolds(noClasses().that().resideOutsideOfPackage("..portal.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("com.nimbusds.."));
    }

    @Test
    void lettuceIsUsedOnlyByTheWebEdgeThatConfiguresIt() {
        assertHolds(noClasses().that().resideOutsideOfPackages("..portal.web..", "..portal.embedded..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lettuce.."));
    }

    @Test
    void jitsiSrtpIsUsedOnlyByTheSrtpTransport() {
        assertHolds(noClasses().that().resideOutsideOfPackages("org.metrohub.media.transport.srtp..",
                        "org.metrohub.media.transport.ice..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jitsi.."));
        // ice4j's own API hands out jitsi-utils types (loggers, buffers); nothing else of org.jitsi in transport.ice.
        assertHolds(noClasses().that().resideInAPackage("org.metrohub.media.transport.ice..")
                .should().dependOnClassesThat(resideInAPackage("org.jitsi..").and(not(resideInAPackage("org.jitsi.utils.."))))
                .allowEmptyShould(true));
    }

    @Test
    void ice4jIsUsedOnlyByTheIceTransport() {
        assertHolds(noClasses().that().resideOutsideOfPackage("org.metrohub.media.transport.ice..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ice4j..")
                .allowEmptyShould(true));
    }

    @Test
    void bouncyCastleIsUsedOnlyByTheDtlsTransport() {
        assertHolds(noClasses().that().resideOutsideOfPackage("org.metrohub.media.transport.dtls..")
                .and().resideInAPackage("org.metrohub.media..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..")
                .allowEmptyShould(true));
    }

    @Test
    void packetViewsAndSdpUseTheJdkOnly() {
        assertHolds(classes().that().resideInAnyPackage("org.metrohub.media.rtp..", "org.metrohub.media.sdp..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.metrohub.media.rtp..",
                        "org.metrohub.media.sdp.."));
    }

    @Test
    void theLibraryModulesKnowNothingOfThePortal() {
        assertHolds(noClasses().that().resideInAnyPackage("org.metrohub.media..", "org.metrohub.voip..", "org.metrohub.elearning..")
                .should().dependOnClassesThat().resideInAPackage("org.metrohub.portal..")
                .allowEmptyShould(true));
    }

    @Test
    void theMediaNodeIsLayeredFromPacketsUpToTheNode() {
        // rtp, codec, sdp, negotiation and transports know nothing of the router; the router nothing of the node
        assertHolds(noClasses().that().resideInAnyPackage("org.metrohub.media.rtp..", "org.metrohub.media.codec..",
                        "org.metrohub.media.sdp..", "org.metrohub.media.negotiation..", "org.metrohub.media.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("org.metrohub.media.sfu..",
                        "org.metrohub.media.node..", "org.metrohub.media.bot.."));
        assertHolds(noClasses().that().resideInAPackage("org.metrohub.media.sfu..")
                .should().dependOnClassesThat().resideInAnyPackage("org.metrohub.media.node..",
                        "org.metrohub.media.bot..", "org.metrohub.media.transport.ice.."));
        assertHolds(classes().that().resideInAnyPackage("org.metrohub.media.codec..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.metrohub.media.rtp..",
                        "org.metrohub.media.codec.."));
    }
}
