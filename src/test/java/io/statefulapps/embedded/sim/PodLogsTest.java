package io.statefulapps.embedded.sim;

import io.statefulapps.testing.KubectlRunner;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The logs of the simulator's fault pods, through Fabric8 and through the real kubectl: the
 * commands the health hints tell people to run.
 */
class PodLogsTest extends SimulatorTestBase {

    @TempDir
    Path dir;


    private KubectlRunner.Result kubectl(String... args) throws Exception {
        KubectlRunner runner = new KubectlRunner(api.writeKubeconfig(dir.resolve("kubeconfig")), dir.resolve("cache"));
        return runner.run(prependNamespace(args));
    }

    private static String[] prependNamespace(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-n";
        all[1] = "default";
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    private void createPod(String name, String image) {
        client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage(image).addNewPort().withName("http")
                .withContainerPort(8080).endPort().endContainer().endSpec().build()).create();
    }

    private ContainerStatus main(String pod) {
        return pod(pod).getStatus().getContainerStatuses().get(0);
    }

    private String log(String pod, boolean previous) {
        var c = client.pods().inNamespace("default").withName(pod).inContainer("main");
        return previous ? c.terminated().getLog() : c.getLog();
    }

    @Test
    void crashLoopPreviousRunEndsInTheCrash() throws Exception {
        createPod("crashy", "app:crashloop");
        await("restarted", Duration.ofSeconds(20), () -> main("crashy").getRestartCount() >= 1);
        String previous = log("crashy", true);
        assertTrue(previous.contains("listening on 0.0.0.0:8080/tcp (http)"), previous);
        assertTrue(previous.endsWith("ERROR exiting with code 1\n"), previous);

        KubectlRunner.Result r = kubectl("logs", "crashy", "-c", "main", "--previous");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out()
                .contains("starting app crashloop (image app:crashloop) as container main in pod default/crashy")
                && r.out().contains("ERROR unrecoverable error") && r.out().contains("exiting with code 1"), r.out());
        KubectlRunner.Result plain = kubectl("logs", "crashy");
        assertEquals(0, plain.code(), plain.out());
        assertTrue(plain.out().contains("starting app crashloop"), plain.out());
        KubectlRunner.Result tail = kubectl("logs", "crashy", "-c", "main", "-p", "--tail=1", "--timestamps");
        assertTrue(tail.out().matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ERROR exiting with code 1\\n"), tail.out());
    }

    @Test
    void oomKillLogsMemoryThenTheKill() {
        createPod("hungry", "app:oomkill");
        await("restarted", Duration.ofSeconds(20), () -> main("hungry").getRestartCount() >= 1);
        String previous = log("hungry", true);
        assertTrue(previous.contains("memory usage climbing") && previous.endsWith("Killed\n"), previous);
    }

    @Test
    void notReadyLogsItsReadinessCheckFailing() {
        createPod("sleepy", "app:notready");
        await("running", () -> main("sleepy").getState().getRunning() != null);
        String log = log("sleepy", false);
        assertTrue(log.contains("readiness check failed"), log);
        KubernetesClientException none = assertThrows(KubernetesClientException.class, () -> log("sleepy", true));
        assertEquals("previous terminated container \"main\" in pod \"sleepy\" not found", none.getStatus()
                .getMessage());
    }

    @Test
    void pullFailureIsRefusedLikeTheKubeletDoes() throws Exception {
        createPod("nopull", "app:pullfail");
        await("ImagePullBackOff", () -> main("nopull").getState().getWaiting() != null
                && "ImagePullBackOff".equals(main("nopull").getState().getWaiting().getReason()));
        KubectlRunner.Result r = kubectl("logs", "nopull", "-c", "main");
        assertNotEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("Error from server (BadRequest): container \"main\" in pod \"nopull\" is waiting to"
                + " start: trying and failing to pull image"), r.out());
    }

    @Test
    void kubectlPicksTheDefaultContainer() throws Exception {
        client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("duo")
                .addToAnnotations("kubectl.kubernetes.io/default-container", "sidecar").endMetadata().withNewSpec()
                .addNewContainer().withName("main").withImage("nginx:1.27").endContainer()
                .addNewContainer().withName("sidecar").withImage("envoy:1.31").endContainer().endSpec().build())
                        .create();
        await("ready", () -> ready(pod("duo")));
        KubectlRunner.Result r = kubectl("logs", "duo");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("starting envoy 1.31 (image envoy:1.31) as container sidecar"), r.out());
        KubectlRunner.Result main = kubectl("logs", "duo", "-c", "main");
        assertEquals(0, main.code(), main.out());
        assertTrue(main.out().contains("as container main") && main.out().contains("ready to accept connections"),
                main.out());
    }
}
