package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What choosing a node costs per pod, with no cluster: the {@link SimulatorBenchmark}'s shape (2
 * pods per app, 110 pods per node, nodes for all of them) scheduled by the first node that fits (the
 * simulator's former rule) and by {@link NodeSelection}. Not a test; run by hand:
 * {@code java -cp target/test-classes:target/classes:<test classpath>
 * io.statefulapps.embedded.sim.SchedulingLoopBenchmark [pods] [rounds]}
 */
public final class SchedulingLoopBenchmark {

    private SchedulingLoopBenchmark() {
    }

    public static void main(String[] args) {
        int pods = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<NodeSelection.Candidate> nodes = nodes(pods / 110 + 1 + 3);
        for (int round = 1; round <= rounds; round++) {
            // later rounds run with the JIT warm
            System.out.printf("round %d, %d pods on %d nodes: first fit %.2f us per pod, scored %.2f us per pod%n",
                    round, pods, nodes.size(), run(pods, nodes, false), run(pods, nodes, true));
        }
    }

    private static double run(int count, List<NodeSelection.Candidate> nodes, boolean scored) {
        NodeUsage usage = new NodeUsage();
        NodeSelection selection = new NodeSelection(usage);
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // two pods per app, as a StatefulSet of two: the controller's uid groups them for the topology spread
            pods.add(new PodBuilder().withNewMetadata().withName("p" + i).withUid("u" + i).addNewOwnerReference()
                    .withKind("StatefulSet").withName("app-" + i / 2).withUid("set-" + i / 2).withController(true)
                    .endOwnerReference().endMetadata()
                    .withNewSpec().addNewContainer().withName("main").withImage("nginx:1.27").endContainer()
                    .endSpec().build());
        }
        long t0 = System.nanoTime();
        for (Pod pod : pods) {
            NodeFit.Requests wanted = NodeFit.Requests.of(pod);
            Optional<String> chosen = scored ? selection.choose(pod, wanted, nodes, Optional.empty())
                    : firstFit(pod, wanted, nodes, usage);
            usage.assume(pod, chosen.orElseThrow());
        }
        return (System.nanoTime() - t0) / 1e3 / count;
    }

    private static Optional<String> firstFit(Pod pod, NodeFit.Requests wanted, List<NodeSelection.Candidate> nodes,
            NodeUsage usage) {
        for (NodeSelection.Candidate c : nodes) {
            if (NodeFit.fits(pod, wanted, c.node(), c.capacity(), usage.on(c.name()))) {
                return Optional.of(c.name());
            }
        }
        return Optional.empty();
    }

    private static List<NodeSelection.Candidate> nodes(int count) {
        List<NodeSelection.Candidate> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Node node = new NodeBuilder().withNewMetadata().withName(String.format("bench-node-%04d", i))
                    .addToLabels("kubernetes.io/hostname", String.format("bench-node-%04d", i)).endMetadata()
                    .withNewStatus().addToAllocatable("cpu", new Quantity("8"))
                    .addToAllocatable("memory", new Quantity("32Gi")).addToAllocatable("pods", new Quantity("110"))
                    .endStatus().build();
            nodes.add(new NodeSelection.Candidate(node, NodeFit.Capacity.of(node)));
        }
        return nodes;
    }
}
