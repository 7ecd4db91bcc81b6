package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * kube-scheduler's default scoring, with no cluster: least allocated and balanced nodes win, a set's
 * pods spread, ties go by name.
 */
class NodeSelectionTest {

    private final NodeUsage usage = new NodeUsage();
    private final NodeSelection selection = new NodeSelection(usage);
    private int pods;

    private static NodeSelection.Candidate node(String name, String cpu, String memory, int maxPods) {
        Node node = new NodeBuilder().withNewMetadata().withName(name).addToLabels("kubernetes.io/hostname", name)
                .endMetadata().withNewStatus()
                .addToAllocatable("cpu", new Quantity(cpu)).addToAllocatable("memory", new Quantity(memory))
                .addToAllocatable("pods", new Quantity(String.valueOf(maxPods))).endStatus().build();
        return new NodeSelection.Candidate(node, NodeFit.Capacity.of(node));
    }

    private Pod pod(String cpu, String memory) {
        return pod(cpu, memory, null);
    }

    private Pod pod(String cpu, String memory, String ownerUid) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName("p" + pods).withUid("uid-" + pods++)
                .endMetadata().withNewSpec().addNewContainer().withName("main").endContainer().endSpec();
        if (ownerUid != null) {
            pod.editMetadata().addNewOwnerReference().withKind("StatefulSet").withName("set").withUid(ownerUid)
                    .withController(true).endOwnerReference().endMetadata();
        }
        if (cpu != null) {
            pod.editSpec().editFirstContainer().withNewResources().addToRequests("cpu", new Quantity(cpu))
                    .addToRequests("memory", new Quantity(memory)).endResources().endContainer().endSpec();
        }
        return pod.build();
    }

    /** Schedules the pod as the scheduler does, counting it where it went. */
    private String place(Pod pod, List<NodeSelection.Candidate> nodes) {
        String chosen = selection.choose(pod, NodeFit.Requests.of(pod), nodes, Optional.empty()).orElse(null);
        if (chosen != null) {
            usage.assume(pod, chosen);
        }
        return chosen;
    }

    @Test
    void podsWithoutRequestsSpreadOverEqualNodesAsTheIntegerScoresAllow() {
        List<NodeSelection.Candidate> nodes = List.of(node("a", "8", "32Gi", 110), node("b", "8", "32Gi", 110),
                node("c", "8", "32Gi", 110));
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            placed.add(place(pod(null, null), nodes));
        }
        // scores are integers: a node with 2 pods and one with 1 both score 97 for the next, a tie (won by name,
        // where kube-scheduler draws), while 3 pods score 96
        assertEquals(List.of("a", "b", "c", "a", "a", "b"), placed);
    }

    @Test
    void theLeastAllocatedNodeWinsAndAFullOneIsSkipped() {
        NodeSelection.Candidate big = node("a", "16", "64Gi", 1);
        NodeSelection.Candidate small = node("b", "4", "8Gi", 110);
        List<NodeSelection.Candidate> nodes = List.of(big, small);
        assertEquals("a", place(pod("1", "1Gi"), nodes), "the biggest node has the most left");
        assertEquals("b", place(pod("1", "1Gi"), nodes), "a holds one pod: full");
        usage.assume(pod("2", "6Gi"), "b");
        Pod tooBig = pod("2", "1Gi");
        assertEquals(Optional.empty(), selection.choose(tooBig, NodeFit.Requests.of(tooBig), nodes, Optional.empty()),
                "fits nowhere");
    }

    @Test
    void aControllersPodsGoToDifferentNodesWhereResourcesAloneWouldNot() {
        List<NodeSelection.Candidate> nodes = List.of(node("a", "64", "256Gi", 110), node("b", "8", "32Gi", 110));
        assertEquals(List.of("a", "a"), List.of(place(pod(null, null), nodes), place(pod(null, null), nodes)),
                "without a controller the biggest node wins twice");
        assertEquals(List.of("a", "b"), List.of(place(pod(null, null, "set-1"), nodes),
                place(pod(null, null, "set-1"), nodes)), "the default topology spread keeps a set's pods apart");
        // PodTopologySpread normalized: a node with one sibling 66 (raw round(ln 4 + 2) = 3), none 100
        assertEquals(List.of(66L, 100L), Arrays.stream(HostnameSpread.scores(new int[] {1, 0})).boxed().toList());
    }

    @Test
    void scoresAreKubeSchedulersIntegers() {
        NodeSelection.Candidate n = node("n", "8", "32Gi", 110);
        NodeFit.Requests bestEffort = NodeFit.Requests.of(pod(null, null));
        // (8000-100)*100/8000 = 98, (32Gi-200Mi)*100/32Gi = 99: (98+99)/2 = 98; nothing requested: balanced 100
        assertEquals(98, NodeScore.leastAllocated(bestEffort, n.capacity(), NodeUsage.Total.NONE));
        assertEquals(100, NodeScore.balanced(bestEffort, n.capacity(), NodeUsage.Total.NONE));
        // 4 of 8 cpus and 8 of 32Gi: fractions 0.5 and 0.25, deviation 0.125
        NodeFit.Requests cpuHeavy = NodeFit.Requests.of(pod("4", "8Gi"));
        assertEquals(87, NodeScore.balanced(cpuHeavy, n.capacity(), NodeUsage.Total.NONE));
    }

    @Test
    void largeClustersScoreOnlyTheAdaptiveShareOfNodes() {
        assertEquals(3, NodeSelection.feasibleToFind(3));
        assertEquals(99, NodeSelection.feasibleToFind(99));
        assertEquals(100, NodeSelection.feasibleToFind(185));
        assertEquals(420, NodeSelection.feasibleToFind(1000));
        assertEquals(300, NodeSelection.feasibleToFind(6000));

        List<NodeSelection.Candidate> nodes = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            nodes.add(node(String.format("n%03d", i), "8", "32Gi", 110));
        }
        assertEquals("n000", place(pod(null, null), nodes));
        // the search goes on from n100 and wraps round to n049: n000 is taken, n001 is the first free by name
        assertEquals("n001", place(pod(null, null), nodes));
        // from n050 to n149: n050 comes first by name
        assertEquals("n050", place(pod(null, null), nodes));
    }
}
