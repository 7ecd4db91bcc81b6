package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The columns the real API server prints for the kinds a user of this project looks at
 * (after NAME, and before AGE unless placed). Priority 1 columns show with {@code -o wide}; a kind
 * whose columns include its own "Name" (events) has neither the leading NAME nor AGE.
 */
final class PrinterColumns {

    record Column(String name, String type, int priority, Function<JsonNode, Object> value) {
    }

    /**
     * A cell that tells how long ago {@code timestamp} was, between {@code before} and {@code after}
     * ({@code 2 (5s ago)}): the converter, which knows the time, writes it.
     */
    record Since(String before, String timestamp, String after) {
    }

    /** Placeholder for where AGE goes when it is not the last column; the converter fills it. */
    static final Column AGE = new Column("Age", "string", 0, o -> null);

    private static final Column VOLUME_MODE = wide("VolumeMode", o -> o.path("spec").path("volumeMode").asText("<unset>"));

    private PrinterColumns() {
    }

    static List<Column> forType(String plural) {
        return switch (plural) {
            case "pods" -> PodPrinterColumns.columns();
            case "statefulsets" -> WidePrinterColumns.statefulSets();
            case "persistentvolumeclaims" -> List.of(col("Status", PrinterColumns::phaseOrTerminating),
                    col("Volume", o -> orEmpty(JsonFields.text(o, "spec.volumeName"))),
                    col("Capacity", o -> orEmpty(JsonFields.text(o, "status.capacity.storage"))),
                    col("Access Modes", o -> accessModes(o.path("status").path("accessModes"))),
                    col("StorageClass", o -> orEmpty(JsonFields.text(o, "spec.storageClassName"))),
                    col("VolumeAttributesClass", o -> "<unset>"), AGE, VOLUME_MODE);
            case "persistentvolumes" -> List.of(col("Capacity", o -> JsonFields.text(o, "spec.capacity.storage")),
                    col("Access Modes", o -> accessModes(o.path("spec").path("accessModes"))),
                    col("Reclaim Policy", o -> JsonFields.text(o, "spec.persistentVolumeReclaimPolicy")),
                    col("Status", PrinterColumns::phaseOrTerminating), col("Claim", PrinterColumns::claim),
                    col("StorageClass", o -> orEmpty(JsonFields.text(o, "spec.storageClassName"))),
                    col("VolumeAttributesClass", o -> "<unset>"), col("Reason", o -> orEmpty(JsonFields.text(o, "status.reason"))),
                    AGE, VOLUME_MODE);
            case "services" -> List.of(col("Type", o -> JsonFields.text(o, "spec.type")),
                    col("Cluster-IP", o -> JsonFields.text(o, "spec.clusterIP")), col("External-IP", PrinterColumns::externalIp),
                    col("Port(s)", PrinterColumns::ports), AGE, WidePrinterColumns.serviceSelector());
            case "endpointslices" -> List.of(col("AddressType", o -> JsonFields.text(o, "addressType")),
                    col("Ports", PrinterColumns::slicePorts), col("Endpoints", PrinterColumns::sliceEndpoints));
            case "nodes" -> WidePrinterColumns.nodes();
            case "storageclasses" -> WidePrinterColumns.storageClasses();
            case "namespaces" -> List.of(col("Status", o -> JsonFields.text(o, "status.phase")));
            case "deployments" -> List.of(col("Ready", o -> o.path("status").path("readyReplicas").asInt(0) + "/"
                    + o.path("spec").path("replicas").asInt(1)),
                    new Column("Up-to-date", "integer", 0, o -> o.path("status").path("updatedReplicas").asInt(0)),
                    new Column("Available", "integer", 0, o -> o.path("status").path("availableReplicas").asInt(0)));
            case "configmaps" -> List.of(new Column("Data", "integer", 0, o -> o.path("data").size()
                    + o.path("binaryData").size()));
            case "secrets" -> List.of(col("Type", o -> JsonFields.text(o, "type")),
                    new Column("Data", "integer", 0, o -> o.path("data").size()));
            case "serviceaccounts" -> List.of(new Column("Secrets", "integer", 0, o -> o.path("secrets").size()));
            case "events" -> WidePrinterColumns.events();
            default -> AccessPrinterColumns.forType(plural);
        };
    }

    static Column col(String name, Function<JsonNode, Object> value) {
        return new Column(name, "string", 0, value);
    }

    static Column wide(String name, Function<JsonNode, Object> value) {
        return new Column(name, "string", 1, value);
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String accessModes(JsonNode modes) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : modes) {
            out.add(switch (m.asText()) {
                case "ReadWriteOnce" -> "RWO";
                case "ReadOnlyMany" -> "ROX";
                case "ReadWriteMany" -> "RWX";
                case "ReadWriteOncePod" -> "RWOP";
                default -> m.asText();
            });
        }
        return String.join(",", out);
    }

    private static String claim(JsonNode pv) {
        JsonNode ref = pv.path("spec").path("claimRef");
        return ref.isMissingNode() ? "" : ref.path("namespace").asText() + "/" + ref.path("name").asText();
    }

    private static String externalIp(JsonNode svc) {
        List<String> ips = new ArrayList<>();
        svc.path("spec").path("externalIPs").forEach(ip -> ips.add(ip.asText()));
        for (JsonNode ingress : svc.path("status").path("loadBalancer").path("ingress")) {
            ips.add(ingress.has("ip") ? ingress.get("ip").asText() : ingress.path("hostname").asText());
        }
        if (ips.isEmpty()) {
            return "LoadBalancer".equals(JsonFields.text(svc, "spec.type")) ? "<pending>" : "<none>";
        }
        return String.join(",", ips);
    }

    private static String ports(JsonNode svc) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : svc.path("spec").path("ports")) {
            String node = p.has("nodePort") ? ":" + p.get("nodePort").asText() : "";
            out.add(p.path("port").asText() + node + "/" + p.path("protocol").asText("TCP"));
        }
        return out.isEmpty() ? "<none>" : String.join(",", out);
    }

    private static String slicePorts(JsonNode slice) {
        List<String> out = new ArrayList<>();
        slice.path("ports").forEach(p -> out.add(p.path("port").asText()));
        return out.isEmpty() ? "<unset>" : String.join(",", out);
    }

    private static String sliceEndpoints(JsonNode slice) {
        List<String> out = new ArrayList<>();
        slice.path("endpoints").forEach(e -> e.path("addresses").forEach(a -> out.add(a.asText())));
        if (out.isEmpty()) {
            return "<unset>";
        }
        return out.size() <= 3 ? String.join(",", out)
                : String.join(",", out.subList(0, 3)) + " + " + (out.size() - 3) + " more...";
    }


    /** printers.go: a claim or volume being deleted reads Terminating whatever its phase. */
    private static String phaseOrTerminating(JsonNode object) {
        return JsonFields.text(object, "metadata.deletionTimestamp") != null ? "Terminating"
                : JsonFields.text(object, "status.phase");
    }
}
