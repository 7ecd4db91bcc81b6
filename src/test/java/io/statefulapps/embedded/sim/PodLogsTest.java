package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The logs of the simulator's fault pods, through Fabric8 and through the real kubectl: the
 * commands the health hints tell people to run.
 */
class PodLogsTest extends SimulatorTestBase {

  @TempDir
  Path dir;

  private Path kubectl;

  @BeforeAll
  void findKubectl() {
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(p, "kubectl");
      if (Files.isExecutable(candidate)) {
        kubectl = candidate;
        return;
      }
    }
  }

  private record Result(int code, String out) {
  }

  private Result kubectl(String... args) throws Exception {
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
    Path kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"));
    List<String> cmd = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString(),
        "--cache-dir", dir.resolve("cache").toString(), "-n", "default"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl timed out: " + cmd);
    return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
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

    Result r = kubectl("logs", "crashy", "-c", "main", "--previous");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("starting app crashloop (image app:crashloop) as container main in pod default/crashy")
        && r.out().contains("ERROR unrecoverable error") && r.out().contains("exiting with code 1"), r.out());
    Result plain = kubectl("logs", "crashy");
    assertEquals(0, plain.code(), plain.out());
    assertTrue(plain.out().contains("starting app crashloop"), plain.out());
    Result tail = kubectl("logs", "crashy", "-c", "main", "-p", "--tail=1", "--timestamps");
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
    assertEquals("previous terminated container \"main\" in pod \"sleepy\" not found", none.getStatus().getMessage());
  }

  @Test
  void pullFailureIsRefusedLikeTheKubeletDoes() throws Exception {
    createPod("nopull", "app:pullfail");
    await("ImagePullBackOff", () -> main("nopull").getState().getWaiting() != null
        && "ImagePullBackOff".equals(main("nopull").getState().getWaiting().getReason()));
    Result r = kubectl("logs", "nopull", "-c", "main");
    assertNotEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("Error from server (BadRequest): container \"main\" in pod \"nopull\" is waiting to"
        + " start: trying and failing to pull image"), r.out());
  }

  @Test
  void kubectlPicksTheDefaultContainer() throws Exception {
    client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("duo")
        .addToAnnotations("kubectl.kubernetes.io/default-container", "sidecar").endMetadata().withNewSpec()
        .addNewContainer().withName("main").withImage("nginx:1.27").endContainer()
        .addNewContainer().withName("sidecar").withImage("envoy:1.31").endContainer().endSpec().build()).create();
    await("ready", () -> ready(pod("duo")));
    Result r = kubectl("logs", "duo");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("starting envoy 1.31 (image envoy:1.31) as container sidecar"), r.out());
    Result main = kubectl("logs", "duo", "-c", "main", "--follow");
    assertEquals(0, main.code(), main.out());
    assertTrue(main.out().contains("as container main") && main.out().contains("ready to accept connections"),
        main.out());
  }
}
