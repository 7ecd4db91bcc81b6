package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.statefulapps.embedded.EmbeddedApiServer;
import io.statefulapps.testing.ManualClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One embedded API server (seeded with three nodes and the standard, alicloud-nas and
 * local-wffc StorageClasses) and one simulator with fast settings per test class. Each test uses
 * its own names so tests in a class do not see each other's objects. A class either lets the
 * simulator run on its own thread and waits (Awaitility) for what it means, or is {@link #driven()}
 * and moves the controllers and the clock itself, which is how "nothing happens" is tested.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SimulatorTestBase {

    protected EmbeddedApiServer api;
    protected KubernetesClient client;
    /** The simulator's own client: without a socket, as the product's embedded cluster gives it. */
    private KubernetesClient simulatorClient;
    protected ClusterSimulator simulator;
    /** Set when {@link #driven()}: the test moves the controllers and the clock itself. */
    protected SimulatorDriver driver;
    protected final ManualClock manualClock = new ManualClock();
    // held so the level sticks: the mock server logs every request at INFO
    private final java.util.logging.Logger mockServerLog =
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    @BeforeAll
    void startCluster() {
        mockServerLog.setLevel(java.util.logging.Level.WARNING);
        api = EmbeddedApiServer.start(0);
        client = api.newClient();
        simulatorClient = api.newDirectClient();
        simulator = new ClusterSimulator(simulatorClient, settings(), clock());
        if (driven()) {
            simulator.startDriven();
            driver = new SimulatorDriver(simulator, client, manualClock);
        } else {
            simulator.start();
        }
    }

    /**
     * True for a class whose tests drive the simulator round by round on {@link #manualClock}
     * (see {@link SimulatorDriver}); false for one where it runs on its own thread and tests wait.
     */
    protected boolean driven() {
        return false;
    }

    protected Clock clock() {
        return driven() ? manualClock : Clock.systemUTC();
    }

    protected SimulatorSettings settings() {
        return SimulatorSettingsFixtures.fast();
    }

    @AfterAll
    void stopCluster() {
        simulator.close();
        simulatorClient.close();
        client.close();
        api.close();
    }

    /** Polls until the condition holds; fails with the description after the timeout. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(25)).ignoreExceptions()
                .until(condition::getAsBoolean);
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, Duration.ofSeconds(15), condition);
    }

    /** Driven classes: settles, moving the clock 50ms at a time, until the condition holds. */
    void runUntil(String what, BooleanSupplier condition) {
        driver.runUntil(what, Duration.ofMillis(50), 400, condition);
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
        return pod != null && PodConditions.isRunningAndReady(pod);
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
