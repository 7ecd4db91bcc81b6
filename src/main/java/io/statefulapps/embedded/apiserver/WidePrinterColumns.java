package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * printers.go's columns for kinds whose wide output says more: statefulsets,
 * services, nodes, storage classes and events (which have no leading NAME and no AGE: LAST SEEN
 * leads, NAME is a wide column).
 */
final class WidePrinterColumns {

    private WidePrinterColumns() {
    }

    static List<PrinterColumns.Column> statefulSets() {
        return List.of(PrinterColumns.col("Ready", o -> o.path("status").path("readyReplicas").asInt(0) + "/"
                        + o.path("spec").path("replicas").asInt(1)), PrinterColumns.AGE,
                PrinterColumns.wide("Containers", o -> containers(o, "name")),
                PrinterColumns.wide("Images", o -> containers(o, "image")));
    }

    static PrinterColumns.Column serviceSelector() {
        return PrinterColumns.wide("Selector", o -> {
            TreeMap<String, String> selector = new TreeMap<>();
            o.path("spec").path("selector").fields().forEachRemaining(e -> selector.put(e.getKey(), e.getValue().asText()));
            List<String> terms = new ArrayList<>();
            selector.forEach((k, v) -> terms.add(k + "=" + v));
            return terms.isEmpty() ? "<none>" : String.join(",", terms);
        });
    }

    static List<PrinterColumns.Column> nodes() {
        return List.of(PrinterColumns.col("Status", WidePrinterColumns::nodeStatus),
                PrinterColumns.col("Roles", o -> "<none>"), PrinterColumns.AGE,
                PrinterColumns.col("Version", o -> JsonFields.text(o, "status.nodeInfo.kubeletVersion")),
                PrinterColumns.wide("Internal-IP", o -> address(o, "InternalIP")),
                PrinterColumns.wide("External-IP", o -> address(o, "ExternalIP")),
                PrinterColumns.wide("OS-Image", o -> nodeInfo(o, "osImage")),
                PrinterColumns.wide("Kernel-Version", o -> nodeInfo(o, "kernelVersion")),
                PrinterColumns.wide("Container-Runtime", o -> nodeInfo(o, "containerRuntimeVersion")));
    }

    static List<PrinterColumns.Column> storageClasses() {
        return List.of(PrinterColumns.col("Provisioner", o -> JsonFields.text(o, "provisioner")),
                PrinterColumns.col("ReclaimPolicy", o -> o.path("reclaimPolicy").asText("Delete")),
                PrinterColumns.col("VolumeBindingMode", o -> o.path("volumeBindingMode").asText("Immediate")),
                PrinterColumns.col("AllowVolumeExpansion", o -> Boolean.toString(o.path("allowVolumeExpansion")
                        .asBoolean(false))));
    }

    static List<PrinterColumns.Column> events() {
        return List.of(PrinterColumns.col("Last Seen", WidePrinterColumns::lastSeen),
                PrinterColumns.col("Type", o -> JsonFields.text(o, "type")),
                PrinterColumns.col("Reason", o -> JsonFields.text(o, "reason")),
                PrinterColumns.col("Object", WidePrinterColumns::involvedObject),
                PrinterColumns.wide("Subobject", o -> PrinterColumns.orEmpty(JsonFields.text(o, "involvedObject.fieldPath"))),
                PrinterColumns.wide("Source", WidePrinterColumns::source),
                PrinterColumns.col("Message", o -> PrinterColumns.orEmpty(firstOf(o, "message", "note")).strip()),
                PrinterColumns.wide("First Seen", WidePrinterColumns::firstSeen),
                new PrinterColumns.Column("Count", "string", 1, WidePrinterColumns::count),
                PrinterColumns.wide("Name", o -> JsonFields.text(o, "metadata.name")));
    }

    private static String containers(JsonNode sts, String field) {
        List<String> out = new ArrayList<>();
        sts.path("spec").path("template").path("spec").path("containers").forEach(c -> out.add(c.path(field).asText()));
        return String.join(",", out);
    }

    private static String nodeStatus(JsonNode node) {
        String status = "Unknown";
        for (JsonNode c : node.path("status").path("conditions")) {
            if ("Ready".equals(c.path("type").asText())) {
                status = "True".equals(c.path("status").asText()) ? "Ready" : "NotReady";
            }
        }
        return node.path("spec").path("unschedulable").asBoolean(false) ? status + ",SchedulingDisabled" : status;
    }

    private static String address(JsonNode node, String type) {
        for (JsonNode a : node.path("status").path("addresses")) {
            if (type.equals(a.path("type").asText())) {
                return a.path("address").asText();
            }
        }
        return "<none>";
    }

    private static String nodeInfo(JsonNode node, String field) {
        String value = node.path("status").path("nodeInfo").path(field).asText("");
        return value.isEmpty() ? "<unknown>" : value;
    }

    /** The first time seen: firstTimestamp, or the newer API's eventTime. */
    private static Object firstSeen(JsonNode event) {
        return new PrinterColumns.Since("", firstOf(event, "firstTimestamp", "eventTime"), "");
    }

    private static Object lastSeen(JsonNode event) {
        String series = JsonFields.text(event, "series.lastObservedTime");
        String last = series != null ? series : firstOf(event, "lastTimestamp", "deprecatedLastTimestamp");
        return last == null ? firstSeen(event) : new PrinterColumns.Since("", last, "");
    }

    private static Object count(JsonNode event) {
        long count = event.has("series") ? event.path("series").path("count").asLong()
                : event.path("count").asLong(0);
        return event.has("series") || count != 0 ? count : 1L;
    }

    private static String involvedObject(JsonNode event) {
        JsonNode ref = event.has("involvedObject") ? event.get("involvedObject") : event.path("regarding");
        String kind = ref.path("kind").asText("").toLowerCase();
        String name = ref.path("name").asText("");
        return name.isEmpty() ? kind : kind + "/" + name;
    }

    private static String source(JsonNode event) {
        String component = firstNonEmpty(JsonFields.text(event, "source.component"),
                JsonFields.text(event, "reportingComponent"), JsonFields.text(event, "reportingController"));
        String instance = firstNonEmpty(JsonFields.text(event, "source.host"),
                JsonFields.text(event, "reportingInstance"));
        if (component.isEmpty()) {
            return "";
        }
        return instance.isEmpty() ? component : component + ", " + instance;
    }

    private static String firstOf(JsonNode o, String field, String other) {
        String value = JsonFields.text(o, field);
        return value == null || value.isEmpty() ? JsonFields.text(o, other) : value;
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
