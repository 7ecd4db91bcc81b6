package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.statefulapps.testing.ManualClock;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Drives a simulator started with {@link ClusterSimulator#startDriven()} on a {@link ManualClock}:
 * the controllers act only when told to, and time moves only when told to, so "nothing happened"
 * is a fact about the rounds that ran, not about how long a test slept.
 */
final class SimulatorDriver {

    /** More rounds than any scenario needs: a controller still writing after this is a bug. */
    private static final int MAX_ROUNDS = 50;

    private final ClusterSimulator simulator;
    private final KubernetesClient client;
    private final ManualClock clock;

    SimulatorDriver(ClusterSimulator simulator, KubernetesClient client, ManualClock clock) {
        this.simulator = simulator;
        this.client = client;
        this.clock = clock;
    }

    /**
     * Runs rounds until one writes nothing, each once the controllers have been told of everything
     * the API server holds (so a round never acts on a state older than the previous round's writes),
     * and only once the API server has removed the pods whose deletion their kubelet confirmed.
     */
    void settle() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            awaitInformersCaughtUp();
            if (simulator.runDue() > 0) {
                continue;
            }
            if (confirmedDeletions().isEmpty()) {
                return;
            }
            await("the API server removes the pods whose deletion their kubelet confirmed")
                    .atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .until(() -> confirmedDeletions().isEmpty());
        }
        fail("the simulator still writes after " + MAX_ROUNDS + " rounds without the clock moving");
    }

    /**
     * Pods being deleted, without finalizers, on a Ready node: their kubelet has confirmed the
     * deletion, and the API server removes them once their containers' stop time has passed on the
     * wall clock (ContainerStop), not on this driver's clock. Until then the simulation is not
     * settled: moving the clock meanwhile would let a test run out of steps before the pods go, or
     * see them go in the middle of a later step.
     */
    private List<String> confirmedDeletions() {
        Set<String> readyNodes = client.nodes().list().getItems().stream().filter(NodeReadiness::isReady)
                .map(n -> n.getMetadata().getName()).collect(Collectors.toSet());
        return client.pods().inAnyNamespace().list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() != null
                        && p.getMetadata().getFinalizers().isEmpty()
                        && readyNodes.contains(p.getSpec().getNodeName()))
                .map(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()).toList();
    }

    /** Moves the clock {@code times} steps of {@code step}, settling after each. */
    void advance(Duration step, int times) {
        settle();
        for (int i = 0; i < times; i++) {
            clock.advance(step);
            settle();
        }
    }

    /** Settles and moves the clock step by step until the condition holds; fails after {@code maxSteps}. */
    void runUntil(String what, Duration step, int maxSteps, BooleanSupplier condition) {
        settle();
        for (int i = 0; i < maxSteps; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            clock.advance(step);
            settle();
        }
        if (!condition.getAsBoolean()) {
            fail("not reached after " + maxSteps + " steps of " + step + ": " + what);
        }
    }

    private void awaitInformersCaughtUp() {
        ClusterInformers informers = simulator.informers();
        List<Comparison> comparisons = List.of(
                new Comparison(informers.statefulSets, () -> client.apps().statefulSets().inAnyNamespace().list()
                        .getItems()),
                new Comparison(informers.revisions, () -> client.apps().controllerRevisions().inAnyNamespace().list()
                        .getItems()),
                new Comparison(informers.pods, () -> client.pods().inAnyNamespace().list().getItems()),
                new Comparison(informers.claims, () -> client.persistentVolumeClaims().inAnyNamespace().list()
                        .getItems()),
                new Comparison(informers.volumes, () -> client.persistentVolumes().list().getItems()),
                new Comparison(informers.services, () -> client.services().inAnyNamespace().list().getItems()),
                new Comparison(informers.endpointSlices,
                        () -> client.discovery().v1().endpointSlices().inAnyNamespace().list().getItems()),
                new Comparison(informers.storageClasses, () -> client.storage().v1().storageClasses().list()
                        .getItems()),
                new Comparison(informers.nodes, () -> client.nodes().list().getItems()));
        await("the simulator's controllers have heard of what the API server holds").atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> comparisons.stream().allMatch(c -> c.caughtUp(informers)));
    }

    private record Comparison(SharedIndexInformer<? extends HasMetadata> informer,
            Supplier<List<? extends HasMetadata>> server) {

        boolean caughtUp(ClusterInformers informers) {
            return informers.toldVersions(informer).equals(versions(server.get()));
        }

        private static Map<String, String> versions(List<? extends HasMetadata> objects) {
            Map<String, String> result = new HashMap<>();
            for (HasMetadata o : objects) {
                result.put(o.getMetadata().getUid(), o.getMetadata().getResourceVersion());
            }
            return result;
        }
    }
}
