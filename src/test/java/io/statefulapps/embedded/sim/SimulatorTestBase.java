package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.statefulapps.embedded.EmbeddedApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One embedded API server (seeded with three nodes and the standard, alicloud-nas and
 * local-wffc StorageClasses) and one simulator with fast settings per test class. Each test uses
 * its own namespace-free names so tests in a class do not see each other's objects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SimulatorTestBase {

  protected EmbeddedApiServer api;
  protected KubernetesClient client;
  protected ClusterSimulator simulator;
  // held so the level sticks: the mock server logs every request at INFO
  private final java.util.logging.Logger mockServerLog = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  @BeforeAll
  void startCluster() {
    mockServerLog.setLevel(java.util.logging.Level.WARNING);
    api = EmbeddedApiServer.start(0);
    client = api.newClient();
    simulator = new ClusterSimulator(client, settings(), clock());
    simulator.start();
  }

  protected Clock clock() {
    return Clock.systemUTC();
  }

  protected SimulatorSettings settings() {
    return SimulatorSettings.fast();
  }

  @AfterAll
  void stopCluster() {
    simulator.close();
    client.close();
    api.close();
  }

  /** Polls until the condition holds; fails with the description after the timeout. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        // objects may not exist yet
      }
      sleep(25);
    }
    fail("timed out after " + timeout + " waiting for: " + what);
  }

  static void await(String what, BooleanSupplier condition) {
    await(what, Duration.ofSeconds(15), condition);
  }

  static <T> T awaitValue(String what, Supplier<T> value) {
    Object[] box = new Object[1];
    await(what, () -> (box[0] = value.get()) != null);
    @SuppressWarnings("unchecked")
    T result = (T) box[0];
    return result;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Pod pod(String name) {
    return client.pods().inNamespace("default").withName(name).get();
  }

  List<Event> events(String involvedName) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> involvedName.equals(e.getInvolvedObject().getName())).toList();
  }

  boolean hasEvent(String involvedName, String type, String reason, String messagePart) {
    return events(involvedName).stream().anyMatch(e -> type.equals(e.getType()) && reason.equals(e.getReason())
        && e.getMessage().contains(messagePart));
  }

  static boolean ready(Pod pod) {
    return pod != null && Kube.isRunningAndReady(pod);
  }

  static StatefulSetBuilder statefulSet(String name, int replicas, String image) {
    return new StatefulSetBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec().withServiceName(name + "-headless").withReplicas(replicas)
        .withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).addToLabels("tier", "db").endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage(image).addNewPort().withName("http")
        .withContainerPort(8080).endPort().endContainer().endSpec()
        .endTemplate()
        .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata()
        .withNewSpec().withAccessModes("ReadWriteOnce")
        .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec()
        .endVolumeClaimTemplate()
        .endSpec();
  }

  StatefulSet create(StatefulSetBuilder sts) {
    return client.apps().statefulSets().inNamespace("default").resource(sts.build()).create();
  }

  StatefulSet sts(String name) {
    return client.apps().statefulSets().inNamespace("default").withName(name).get();
  }
}
