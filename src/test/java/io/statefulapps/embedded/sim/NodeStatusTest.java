package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nodes read as a real cluster's do: addresses, and conditions that say when they were heard of. */
class NodeStatusTest extends SimulatorTestBase {

    @Override
    protected boolean driven() {
        return true;
    }

    @Test
    void everyNodeReportsAnInternalIpAHostnameAndWhenItsConditionsWereHeardOf() {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("late-node").endMetadata()
                .withNewStatus().addToAllocatable("cpu", new Quantity("8")).addToAllocatable("memory",
                        new Quantity("32Gi")).addToAllocatable("pods", new Quantity("110"))
                .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady").endCondition()
                .endStatus().build()).create();
        driver.settle();
        List<Node> nodes = client.nodes().list().getItems();
        assertTrue(nodes.size() >= 4, nodes.toString());
        Set<String> ips = new HashSet<>();
        for (Node node : nodes) {
            String name = node.getMetadata().getName();
            Map<String, String> addresses = node.getStatus().getAddresses().stream()
                    .collect(Collectors.toMap(NodeAddress::getType, NodeAddress::getAddress));
            assertTrue(addresses.getOrDefault("InternalIP", "").startsWith("172.18."), name + ": " + addresses);
            assertEquals("InternalIP", node.getStatus().getAddresses().get(0).getType(), "listed first, as kubelets do");
            assertEquals(name, addresses.get("Hostname"));
            ips.add(addresses.get("InternalIP"));
            for (NodeCondition c : node.getStatus().getConditions()) {
                assertTrue(Instant.parse(c.getLastHeartbeatTime()).isAfter(Instant.parse("2000-01-01T00:00:00Z")),
                        name + " " + c.getType() + " heartbeat " + c.getLastHeartbeatTime());
                assertTrue(Instant.parse(c.getLastTransitionTime()).isAfter(Instant.parse("2000-01-01T00:00:00Z")),
                        name + " " + c.getType() + " transition " + c.getLastTransitionTime());
            }
        }
        assertEquals(nodes.size(), ips.size(), "one address per node: " + ips);

        Map<String, String> versions = nodes.stream().collect(Collectors.toMap(n -> n.getMetadata().getName(),
                n -> n.getMetadata().getResourceVersion()));
        driver.advance(Duration.ofSeconds(30), 4);
        assertEquals(versions, client.nodes().list().getItems().stream().collect(Collectors.toMap(
                n -> n.getMetadata().getName(), n -> n.getMetadata().getResourceVersion())), "reported once");
    }

    @Test
    void aPodsHostIpIsItsNodesInternalIp() {
        create(statefulSet("where", 1, "nginx:1.27"));
        runUntil("running", () -> pod("where-0") != null && pod("where-0").getStatus().getHostIP() != null);
        Pod pod = pod("where-0");
        Node node = client.nodes().withName(pod.getSpec().getNodeName()).get();
        String internal = node.getStatus().getAddresses().stream().filter(a -> "InternalIP".equals(a.getType()))
                .findFirst().orElseThrow().getAddress();
        assertEquals(internal, pod.getStatus().getHostIP());
    }
}
