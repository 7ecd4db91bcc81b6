package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.kubernetes.WellKnownLabels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Server-side printing: {@code kubectl get} asks for a meta.k8s.io/v1 Table so that it can show
 * the same columns as against a real cluster (READY, STATUS, RESTARTS for pods, STATUS, VOLUME
 * for claims, ...). Without it kubectl shows only NAME and AGE.
 */
final class TableConverter {

    private final Clock clock;

    TableConverter(Clock clock) {
        this.clock = clock;
    }

    boolean wantsTable(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    /** A Table of one object or of a list's items; each row carries its full object. */
    ObjectNode convert(ResourceType type, JsonNode answer) {
        List<PrinterColumns.Column> columns = new java.util.ArrayList<>(PrinterColumns.forType(type.plural()));
        // events print their name as a wide column of their own, and no AGE
        boolean named = columns.stream().anyMatch(c -> c.name().equals("Name"));
        if (!named && !columns.contains(PrinterColumns.AGE)) {
            columns.add(PrinterColumns.AGE);
        }
        ObjectNode table = JsonText.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        ObjectNode meta = table.putObject("metadata");
        if (answer.path("metadata").has("resourceVersion")) {
            meta.set("resourceVersion", answer.path("metadata").get("resourceVersion"));
        }
        if (answer.path("metadata").has("continue")) {
            meta.set("continue", answer.path("metadata").get("continue"));
        }
        ArrayNode defs = table.putArray("columnDefinitions");
        if (!named) {
            defs.addObject().put("name", "Name").put("type", "string").put("format", "name").put("description", "Name")
                    .put("priority", 0);
        }
        for (PrinterColumns.Column c : columns) {
            defs.addObject().put("name", c.name()).put("type", c.type()).put("format", "").put("description", c.name())
                    .put("priority", c.priority());
        }
        ArrayNode rows = table.putArray("rows");
        Iterable<JsonNode> items = answer.has("items") ? answer.get("items") : List.of(answer);
        for (JsonNode item : items) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            if (!named) {
                cells.add(name(type, item));
            }
            for (PrinterColumns.Column c : columns) {
                Object v = c == PrinterColumns.AGE ? age(JsonFields.text(item, "metadata.creationTimestamp")) : c.value().apply(item);
                if (v instanceof PrinterColumns.Since since) {
                    v = since.before() + age(since.timestamp()) + since.after();
                }
                if (v instanceof Number n) {
                    cells.add(n.longValue());
                } else {
                    cells.add(v == null ? "<none>" : v.toString());
                }
            }
            row.set("object", item);
        }
        return table;
    }

    /** The NAME cell: a default StorageClass says so, as printers.go has it. */
    private static String name(ResourceType type, JsonNode item) {
        String name = JsonFields.text(item, "metadata.name");
        JsonNode annotations = item.path("metadata").path("annotations");
        boolean isDefault = "true".equals(annotations.path(WellKnownLabels.DEFAULT_STORAGE_CLASS).asText())
                || "true".equals(annotations.path("storageclass.beta.kubernetes.io/is-default-class").asText());
        return type.plural().equals("storageclasses") && isDefault ? name + " (default)" : name;
    }

    /** kubectl's short human durations: 45s, 3m12s, 25m, 5h3m, 20h, 3d4h, 30d, 2y. */
    String age(String timestamp) {
        if (timestamp == null) {
            return "<unknown>";
        }
        Duration d = Duration.between(Instant.parse(timestamp), clock.instant());
        long s = Math.max(0, d.getSeconds());
        if (s < 120) {
            return s + "s";
        }
        long m = s / 60;
        if (m < 10) {
            return m + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
        }
        if (m < 180) {
            return m + "m";
        }
        long h = m / 60;
        if (h < 8) {
            return h + "h" + (m % 60 == 0 ? "" : (m % 60) + "m");
        }
        if (h < 48) {
            return h + "h";
        }
        long days = h / 24;
        if (days < 8) {
            return days + "d" + (h % 24 == 0 ? "" : (h % 24) + "h");
        }
        return days < 730 ? days + "d" : (days / 365) + "y";
    }
}
