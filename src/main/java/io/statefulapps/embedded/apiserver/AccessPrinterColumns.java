package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns the real API server prints for the kinds of a deployment's surroundings: RBAC,
 * PodDisruptionBudgets, NetworkPolicies and ControllerRevisions.
 */
final class AccessPrinterColumns {

    private AccessPrinterColumns() {
    }

    static List<PrinterColumns.Column> forType(String plural) {
        return switch (plural) {
            case "rolebindings", "clusterrolebindings" -> List.of(
                    PrinterColumns.col("Role", o -> o.path("roleRef").path("kind").asText() + "/"
                            + o.path("roleRef").path("name").asText()), PrinterColumns.AGE,
                    PrinterColumns.wide("Users", o -> subjects(o, "User")),
                    PrinterColumns.wide("Groups", o -> subjects(o, "Group")),
                    PrinterColumns.wide("ServiceAccounts", o -> subjects(o, "ServiceAccount")));
            case "roles", "clusterroles" -> List.of(PrinterColumns.col("Created At",
                    o -> JsonFields.text(o, "metadata.creationTimestamp")));
            case "poddisruptionbudgets" -> List.of(
                    PrinterColumns.col("Min Available", o -> orNa(JsonFields.text(o, "spec.minAvailable"))),
                    PrinterColumns.col("Max Unavailable", o -> orNa(JsonFields.text(o, "spec.maxUnavailable"))),
                    new PrinterColumns.Column("Allowed Disruptions", "integer", 0,
                            o -> o.path("status").path("disruptionsAllowed").asInt(0)));
            case "networkpolicies" -> List.of(PrinterColumns.col("Pod-Selector", AccessPrinterColumns::podSelector));
            case "controllerrevisions" -> List.of(
                    PrinterColumns.col("Controller", AccessPrinterColumns::controller),
                    new PrinterColumns.Column("Revision", "integer", 0, o -> o.path("revision").asLong(0)));
            default -> List.of();
        };
    }

    private static String orNa(String value) {
        return value == null ? "N/A" : value;
    }

    private static String subjects(JsonNode binding, String kind) {
        List<String> names = new ArrayList<>();
        for (JsonNode s : binding.path("subjects")) {
            if (kind.equals(s.path("kind").asText())) {
                names.add(s.has("namespace") && kind.equals("ServiceAccount")
                        ? s.path("namespace").asText() + "/" + s.path("name").asText() : s.path("name").asText());
            }
        }
        return String.join(", ", names);
    }

    private static String podSelector(JsonNode policy) {
        List<String> terms = new ArrayList<>();
        policy.path("spec").path("podSelector").path("matchLabels").fields()
                .forEachRemaining(e -> terms.add(e.getKey() + "=" + e.getValue().asText()));
        return terms.isEmpty() ? "<none>" : String.join(",", terms);
    }

    private static String controller(JsonNode revision) {
        for (JsonNode ref : revision.path("metadata").path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                String group = ref.path("apiVersion").asText().contains("/")
                        ? "." + ref.path("apiVersion").asText().substring(0, ref.path("apiVersion").asText().indexOf('/'))
                        : "";
                return ref.path("kind").asText().toLowerCase() + group + "/" + ref.path("name").asText();
            }
        }
        return "<none>";
    }
}
