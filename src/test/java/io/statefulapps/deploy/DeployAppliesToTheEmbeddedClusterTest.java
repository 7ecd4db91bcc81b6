package io.statefulapps.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.statefulapps.embedded.EmbeddedApiServer;
import io.statefulapps.testing.KubectlRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a platform engineer runs — {@code kubectl apply -k} of the base and of each overlay — applied
 * to the embedded cluster with server-side apply and strict server-side field validation, so a
 * misspelt field or a wrong type in deploy/ fails here as on a real API server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployAppliesToTheEmbeddedClusterTest {

    /** Kinds of the Prometheus Operator (monitoring overlay): their CRDs are not in the embedded cluster. */
    private static final Set<String> OPERATOR_KINDS = Set.of("ServiceMonitor", "PrometheusRule");
    private static final Pattern KIND = Pattern.compile("(?m)^kind: (\\w+)$");
    private static final Pattern NAME = Pattern.compile("(?m)^  name: (\\S+)$");

    private EmbeddedApiServer api;
    private KubernetesClient client;
    private KubectlRunner kubectl;
    private Path dir;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createDirectories(Path.of("target/deploy-apply"));
        api = EmbeddedApiServer.start(0);
        client = api.newClient();
        kubectl = new KubectlRunner(api.writeKubeconfig(dir.resolve("kubeconfig.yaml")), dir.resolve("cache"));
    }

    @AfterAll
    void stop() {
        client.close();
        api.close();
    }

    List<String> kustomizations() {
        return Kustomizations.all();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void appliesWithServerSideValidation(String kustomization) throws Exception {
        KubectlRunner.Result rendered = kubectl.run("kustomize", kustomization);
        assertEquals(0, rendered.code(), rendered.out());
        List<String> applicable = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (String doc : rendered.out().split("(?m)^---$")) {
            Matcher kind = KIND.matcher(doc);
            if (kind.find() && !OPERATOR_KINDS.contains(kind.group(1))) {
                applicable.add(doc.strip());
                kinds.add(kind.group(1));
            }
        }
        assertTrue(kinds.containsAll(List.of("Namespace", "ServiceAccount", "Deployment", "Service",
                "PodDisruptionBudget", "NetworkPolicy")), kinds.toString());
        Path manifest = dir.resolve(kustomization.replace('/', '_') + ".yaml");
        Files.writeString(manifest, String.join("\n---\n", applicable) + "\n");

        KubectlRunner.Result applied = kubectl.run("apply", "--server-side", "--field-manager=platform",
                "--validate=strict", "-f", manifest.toString());
        assertEquals(0, applied.code(), applied.out());
        for (String doc : applicable) {
            Matcher kind = KIND.matcher(doc);
            Matcher name = NAME.matcher(doc);
            assertTrue(kind.find() && name.find(), doc);
            assertTrue(applied.out().contains(name.group(1)), "applied " + kind.group(1) + "/" + name.group(1)
                    + ":\n" + applied.out());
        }
        // applied again: nothing changes, nothing conflicts
        KubectlRunner.Result again = kubectl.run("apply", "--server-side", "--field-manager=platform",
                "--validate=strict", "-f", manifest.toString());
        assertEquals(0, again.code(), again.out());
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void aMisspeltFieldIsRefusedByTheServer(String kustomization) throws Exception {
        String rendered = kubectl.run("kustomize", kustomization).out();
        String deployment = null;
        for (String doc : rendered.split("(?m)^---$")) {
            if (doc.contains("kind: Deployment")) {
                deployment = doc.strip();
            }
        }
        assertTrue(deployment != null, rendered);
        Path broken = dir.resolve("broken-" + kustomization.replace('/', '_') + ".yaml");
        Files.writeString(broken, deployment.replace("  replicas:", "  replicaz:") + "\n");
        KubectlRunner.Result refused = kubectl.run("apply", "--server-side", "--field-manager=platform",
                "--validate=strict", "--dry-run=server", "-f", broken.toString());
        assertTrue(refused.code() != 0 && refused.out().contains("replicaz"), refused.out());
    }
}
