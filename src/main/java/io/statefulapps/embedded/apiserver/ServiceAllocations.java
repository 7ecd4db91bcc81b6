package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cluster IPs and node ports the stored Services hold, and whose they are: kube-apiserver's
 * IP and port allocators. The store keeps it in step with every write (under its write lock), so a
 * Service's deletion frees what it held and a check never scans the Services. Not thread-safe on
 * its own: read and written under the store's write lock.
 */
final class ServiceAllocations {

    /** What one Service holds. */
    private record Held(List<String> ips, List<Integer> nodePorts) {
    }

    private final Map<String, Held> byService = new HashMap<>();
    private final Map<String, String> ipOwners = new HashMap<>();
    private final Map<Integer, String> portOwners = new HashMap<>();

    /** Records what a stored Service holds now, freeing what it held before and no longer does. */
    void hold(String namespace, String name, JsonNode service) {
        String key = key(namespace, name);
        release(namespace, name);
        List<String> ips = new ArrayList<>(2);
        for (JsonNode ip : service.path("spec").path("clusterIPs")) {
            if (!ip.asText("").isEmpty() && !ip.asText().equals("None")) {
                ips.add(ip.asText());
            }
        }
        String single = service.path("spec").path("clusterIP").asText("");
        if (!single.isEmpty() && !single.equals("None") && !ips.contains(single)) {
            ips.add(single);
        }
        List<Integer> ports = new ArrayList<>(2);
        for (JsonNode port : service.path("spec").path("ports")) {
            int nodePort = port.path("nodePort").asInt(0);
            if (nodePort > 0) {
                ports.add(nodePort);
            }
        }
        if (ips.isEmpty() && ports.isEmpty()) {
            return;
        }
        byService.put(key, new Held(ips, ports));
        ips.forEach(ip -> ipOwners.put(ip, key));
        ports.forEach(port -> portOwners.put(port, key));
    }

    void release(String namespace, String name) {
        String key = key(namespace, name);
        Held held = byService.remove(key);
        if (held != null) {
            held.ips().forEach(ip -> ipOwners.remove(ip, key));
            held.nodePorts().forEach(port -> portOwners.remove(port, key));
        }
    }

    /** Whether another Service than {@code namespace/name} holds the IP. */
    boolean ipTakenByOther(String ip, String namespace, String name) {
        String owner = ipOwners.get(ip);
        return owner != null && !owner.equals(key(namespace, name));
    }

    /** Whether another Service than {@code namespace/name} holds the node port. */
    boolean nodePortTakenByOther(int port, String namespace, String name) {
        String owner = portOwners.get(port);
        return owner != null && !owner.equals(key(namespace, name));
    }

    private static String key(String namespace, String name) {
        return namespace + '/' + name;
    }
}
