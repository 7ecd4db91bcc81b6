package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Service defaults and allocations as kube-apiserver makes them: type, sessionAffinity, a cluster
 * IP from {@value #IP_RANGE}, node ports from 30000-32767. A value the client asks for must be in
 * its range and not held by another Service ({@link ServiceAllocations}), else the write is refused
 * with the allocators' words. On update the allocated values are carried over when the client
 * omits them, and a change of type away from node ports gives them back, as the real server does.
 * Runs under the store's write lock.
 */
final class ServiceDefaults {

    static final String IP_RANGE = "10.96.0.0/12";
    private static final long BASE = (10L << 24) | (96L << 16); // 10.96.0.0
    private static final int RANGE = 1 << 20;                    // /12
    private static final int FIRST_NODE_PORT = 30000;
    private static final int LAST_NODE_PORT = 32767;

    private final ResourceType services;
    private final ObjectStore store;
    // allocation cursors, so freed values are handed out again only after the whole range
    private int nextIp = 10; // skip the first addresses (10.96.0.1 is the kubernetes Service's)
    private int nextPort = FIRST_NODE_PORT;

    ServiceDefaults(ResourceType services, ObjectStore store) {
        this.services = services;
        this.store = store;
    }

    void onCreate(ObjectNode svc) {
        admit(svc, "");
    }

    private void admit(ObjectNode svc, String previousIp) {
        ObjectNode spec = JsonFields.obj(svc, "spec");
        JsonFields.putIfAbsent(spec, "type", "ClusterIP");
        String type = spec.get("type").asText();
        JsonFields.putIfAbsent(spec, "sessionAffinity", "None");
        String namespace = svc.path("metadata").path("namespace").asText("");
        String name = svc.path("metadata").path("name").asText("");
        ServiceAllocations held = store.serviceAllocations();
        List<ApiException.Cause> causes = new ArrayList<>();
        if (!type.equals("ExternalName")) {
            clusterIp(spec, previousIp, namespace, name, held, causes);
            if (!spec.has("ipFamilies")) {
                spec.putArray("ipFamilies").add("IPv4");
            }
            JsonFields.putIfAbsent(spec, "ipFamilyPolicy", "SingleStack");
            JsonFields.putIfAbsent(spec, "internalTrafficPolicy", "Cluster");
        }
        boolean nodePorts = usesNodePorts(type);
        if (nodePorts) {
            JsonFields.putIfAbsent(spec, "externalTrafficPolicy", "Cluster");
        }
        if (type.equals("LoadBalancer") && !spec.has("allocateLoadBalancerNodePorts")) {
            spec.put("allocateLoadBalancerNodePorts", true);
        }
        ports(spec, type, namespace, name, held, causes);
        if (!causes.isEmpty()) {
            throw ApiException.invalid(services, name, causes);
        }
        if (!svc.has("status")) {
            svc.putObject("status").putObject("loadBalancer");
        }
    }

    /** Keeps what was allocated when the update omits it, then fills what is still missing. */
    void onUpdate(ObjectNode old, ObjectNode svc) {
        ObjectNode spec = JsonFields.obj(svc, "spec");
        JsonNode oldSpec = old.path("spec");
        for (String field : new String[] {"clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy"}) {
            if ((!spec.has(field) || spec.get(field).asText().isEmpty() && !spec.get(field).isArray())
                    && oldSpec.has(field)) {
                spec.set(field, oldSpec.get(field).deepCopy());
            }
        }
        if (usesNodePorts(oldSpec.path("type").asText("ClusterIP"))
                && !usesNodePorts(spec.path("type").asText("ClusterIP"))) {
            // kube's dropTypeDependentFields: the node ports go back with the type that needed them
            for (JsonNode port : spec.path("ports")) {
                ((ObjectNode) port).remove("nodePort");
            }
            spec.remove("externalTrafficPolicy");
        }
        admit(svc, oldSpec.path("clusterIP").asText(""));
    }

    private static boolean usesNodePorts(String type) {
        return type.equals("NodePort") || type.equals("LoadBalancer");
    }

    /** {@code previousIp}: the IP before an update; a change of it is refused as immutable, not here. */
    private void clusterIp(ObjectNode spec, String previousIp, String namespace, String name,
            ServiceAllocations held, List<ApiException.Cause> causes) {
        String asked = spec.path("clusterIP").asText("");
        if (asked.isEmpty()) {
            spec.put("clusterIP", allocateIp(namespace, name, held));
        } else if (!asked.equals("None") && (previousIp.isEmpty() || previousIp.equals(asked))) {
            ApiException.Cause refused = ipRefusal(asked, namespace, name, held);
            if (refused != null) {
                causes.add(refused);
            }
        }
        ArrayNode ips = spec.putArray("clusterIPs");
        ips.add(spec.get("clusterIP").asText());
    }

    /** Why the IP cannot be this Service's, in the validation's or the allocator's words; null when it can. */
    private static ApiException.Cause ipRefusal(String ip, String namespace, String name, ServiceAllocations held) {
        long value = ipv4(ip);
        if (value < 0) {
            return new ApiException.Cause("FieldValueInvalid", "spec.clusterIPs[0]", "Invalid value: \"" + ip
                    + "\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
        }
        String problem = value <= BASE || value >= BASE + RANGE - 1
                ? "the provided IP (" + ip + ") is not in the valid range. The range of valid IPs is " + IP_RANGE
                : held.ipTakenByOther(ip, namespace, name) ? "provided IP is already allocated" : null;
        return problem == null ? null : new ApiException.Cause("FieldValueInvalid", "spec.clusterIPs",
                "Invalid value: []string{\"" + ip + "\"}: failed to allocate IP " + ip + ": " + problem);
    }

    private void ports(ObjectNode spec, String type, String namespace, String name, ServiceAllocations held,
            List<ApiException.Cause> causes) {
        JsonNode ports = spec.get("ports");
        if (ports == null || !ports.isArray()) {
            return;
        }
        boolean nodePorts = usesNodePorts(type);
        Set<String> seen = new HashSet<>();
        Set<Integer> mine = new HashSet<>();
        for (JsonNode p : ports) {
            int asked = p.path("nodePort").asInt(0);
            if (asked > 0) {
                mine.add(asked);
            }
        }
        for (int i = 0; i < ports.size(); i++) {
            ObjectNode port = (ObjectNode) ports.get(i);
            JsonFields.putIfAbsent(port, "protocol", "TCP");
            if (!port.has("targetPort") && port.has("port")) {
                port.set("targetPort", port.get("port"));
            }
            String field = "spec.ports[" + i + "].nodePort";
            int asked = port.path("nodePort").asInt(0);
            if (asked > 0 && !nodePorts) {
                causes.add(new ApiException.Cause("FieldValueForbidden", field,
                        "Forbidden: may not be used when `type` is '" + type + "'"));
            } else if (asked > 0) {
                if (!seen.add(asked + "/" + port.get("protocol").asText())) {
                    causes.add(new ApiException.Cause("FieldValueDuplicate", field, "Duplicate value: " + asked));
                } else if (asked < FIRST_NODE_PORT || asked > LAST_NODE_PORT) {
                    causes.add(new ApiException.Cause("FieldValueInvalid", field, "Invalid value: " + asked
                            + ": provided port is not in the valid range. The range of valid ports is "
                            + FIRST_NODE_PORT + "-" + LAST_NODE_PORT));
                } else if (held.nodePortTakenByOther(asked, namespace, name)) {
                    causes.add(new ApiException.Cause("FieldValueInvalid", field, "Invalid value: " + asked
                            + ": provided port is already allocated"));
                }
            } else if (nodePorts) {
                int allocated = allocatePort(namespace, name, held, mine);
                mine.add(allocated);
                port.put("nodePort", allocated);
            }
        }
    }

    private String allocateIp(String namespace, String name, ServiceAllocations held) {
        for (int tried = 0; tried < RANGE; tried++) {
            long ip = BASE + (nextIp++ % RANGE);
            String text = ((ip >> 24) & 255) + "." + ((ip >> 16) & 255) + "." + ((ip >> 8) & 255) + "." + (ip & 255);
            if (ip != BASE && ip != BASE + RANGE - 1 && !held.ipTakenByOther(text, namespace, name)) {
                return text;
            }
        }
        throw rangeFull("serviceIP");
    }

    private int allocatePort(String namespace, String name, ServiceAllocations held, Set<Integer> mine) {
        for (int tried = 0; tried <= LAST_NODE_PORT - FIRST_NODE_PORT; tried++) {
            int port = nextPort++;
            if (nextPort > LAST_NODE_PORT) {
                nextPort = FIRST_NODE_PORT;
            }
            if (!mine.contains(port) && !held.nodePortTakenByOther(port, namespace, name)) {
                return port;
            }
        }
        throw rangeFull("nodePort");
    }

    /** kube-apiserver's answer when an allocator has nothing left to give. */
    private static ApiException rangeFull(String what) {
        return ApiException.fromStatus(JsonText.object().put("kind", "Status").put("apiVersion", "v1")
                .put("status", "Failure").put("message", "Internal error occurred: failed to allocate a " + what
                        + ": range is full").put("reason", "InternalError").put("code", 500));
    }

    /** The IPv4 address as a number, or -1 when the text is not one. */
    private static long ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return -1;
            }
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }
}
