package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Set;

/**
 * Service defaults and allocations: type, sessionAffinity, a cluster IP from 10.96.0.0/12,
 * node ports from 30000-32767. On update the allocated values are carried over when the
 * client omits them, as the real server does.
 */
final class ServiceDefaults {

    private static final long BASE = (10L << 24) | (96L << 16); // 10.96.0.0
    private static final int RANGE = 1 << 20;                    // /12

    private final Set<String> usedIps = new HashSet<>();
    private final Set<Integer> usedPorts = new HashSet<>();
    private int nextIp = 10; // skip the first addresses (10.96.0.1 is the kubernetes Service's)
    private int nextPort = 30000;

    synchronized void onCreate(ObjectNode svc) {
        ObjectNode spec = JsonFields.obj(svc, "spec");
        JsonFields.putIfAbsent(spec, "type", "ClusterIP");
        String type = spec.get("type").asText();
        JsonFields.putIfAbsent(spec, "sessionAffinity", "None");
        if (!type.equals("ExternalName")) {
            JsonFields.putIfAbsent(spec, "clusterIP", allocateIp());
            ArrayNode ips = spec.putArray("clusterIPs");
            ips.add(spec.get("clusterIP").asText());
            if (!spec.has("ipFamilies")) {
                spec.putArray("ipFamilies").add("IPv4");
            }
            JsonFields.putIfAbsent(spec, "ipFamilyPolicy", "SingleStack");
            JsonFields.putIfAbsent(spec, "internalTrafficPolicy", "Cluster");
        }
        boolean nodePorts = type.equals("NodePort") || type.equals("LoadBalancer");
        if (nodePorts) {
            JsonFields.putIfAbsent(spec, "externalTrafficPolicy", "Cluster");
        }
        if (type.equals("LoadBalancer") && !spec.has("allocateLoadBalancerNodePorts")) {
            spec.put("allocateLoadBalancerNodePorts", true);
        }
        JsonNode ports = spec.get("ports");
        if (ports != null && ports.isArray()) {
            for (JsonNode p : ports) {
                ObjectNode port = (ObjectNode) p;
                JsonFields.putIfAbsent(port, "protocol", "TCP");
                if (!port.has("targetPort") && port.has("port")) {
                    port.set("targetPort", port.get("port"));
                }
                if (nodePorts && !port.has("nodePort")) {
                    port.put("nodePort", allocatePort());
                }
            }
        }
        if (!svc.has("status")) {
            svc.putObject("status").putObject("loadBalancer");
        }
    }

    /** Keeps what was allocated when the update omits it, then fills what is still missing. */
    synchronized void onUpdate(ObjectNode old, ObjectNode svc) {
        ObjectNode spec = JsonFields.obj(svc, "spec");
        JsonNode oldSpec = old.path("spec");
        for (String field : new String[] {"clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy"}) {
            if ((!spec.has(field) || spec.get(field).asText().isEmpty() && !spec.get(field).isArray())
                    && oldSpec.has(field)) {
                spec.set(field, oldSpec.get(field).deepCopy());
            }
        }
        onCreate(svc);
    }

    private String allocateIp() {
        while (true) {
            long ip = BASE + (nextIp++ % RANGE);
            String text = ((ip >> 24) & 255) + "." + ((ip >> 16) & 255) + "." + ((ip >> 8) & 255) + "." + (ip & 255);
            if (usedIps.add(text)) {
                return text;
            }
        }
    }

    private int allocatePort() {
        while (true) {
            int port = nextPort++;
            if (nextPort > 32767) {
                nextPort = 30000;
            }
            if (usedPorts.add(port)) {
                return port;
            }
        }
    }
}
