package io.statefulapps.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deploy tests' own instruments catch what they are there to catch. */
class DeployCheckersTest {

    @Test
    void aBarePodFailsEveryRestrictedRule() {
        PodSpec bare = new PodSpecBuilder().addNewContainer().withName("api").endContainer().build();
        assertEquals(List.of(
                "container api: allowPrivilegeEscalation is not false",
                "container api: runAsNonRoot is not true (pod or container)",
                "container api: seccompProfile is not RuntimeDefault or Localhost (pod or container)",
                "container api: capabilities do not drop ALL",
                "container api: root filesystem is writable"), RestrictedPodSecurity.violations(bare));
    }

    @Test
    void hostAccessRootAndAddedCapabilitiesAreFound() {
        PodSpec pod = new PodSpecBuilder().withHostNetwork(true)
                .withNewSecurityContext().withRunAsUser(0L).withRunAsNonRoot(true)
                .withNewSeccompProfile().withType("Unconfined").endSeccompProfile().endSecurityContext()
                .addNewVolume().withName("host").withNewHostPath().withPath("/").endHostPath().endVolume()
                .addNewContainer().withName("api")
                .addNewPort().withContainerPort(8080).withHostPort(80).endPort()
                .withNewSecurityContext().withPrivileged(true).withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withAdd("SYS_ADMIN").withDrop("ALL").endCapabilities().endSecurityContext()
                .endContainer().build();
        List<String> found = RestrictedPodSecurity.violations(pod);
        for (String expected : List.of("pod: shares a host namespace", "pod: runAsUser 0", "volume host: hostPath",
                "container api: privileged", "container api: runs as uid 0", "container api: hostPort 80",
                "container api: adds capabilities [SYS_ADMIN]",
                "container api: seccompProfile is not RuntimeDefault or Localhost (pod or container)")) {
            assertTrue(found.contains(expected), expected + " not in " + found);
        }
    }

    @Test
    void aFieldTheApiDoesNotKnowFailsTheReading() {
        String typo = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: stateful-apps-api
                spec:
                  replica: 2
                """;
        assertThrows(UnrecognizedPropertyException.class, () -> RenderedManifests.parse("inline", typo));
    }

    @Test
    void knownFieldsAndForeignKindsAreRead() throws Exception {
        RenderedManifests m = RenderedManifests.parse("inline", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: stateful-apps-api
                spec:
                  replicas: 2
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata:
                  name: stateful-apps-api
                spec:
                  anything: goes
                """);
        assertEquals(2, m.one(Deployment.class).getSpec().getReplicas());
        assertEquals(1, m.custom("ServiceMonitor").size());
    }
}
