package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * POST pods/{name}/eviction (policy/v1 Eviction), as kube-apiserver's eviction REST: a pod that a
 * PodDisruptionBudget protects is refused with 429 while the budget allows no disruption; else the
 * disruption is recorded in the budget's status and the pod is deleted as a DELETE would (gracefully,
 * with the Eviction's deleteOptions). A Terminating, Pending or finished pod is deleted without
 * asking its budget. {@code kubectl drain} evicts through here, so it waits on a budget instead
 * of deleting past it.
 */
record PodEviction(ObjectStore store, ResourceCatalog catalog, DeleteHandler deletes, Clock clock) {

    static boolean applies(ResourceType type, RequestTarget target) {
        return type.is("", "pods") && "eviction".equals(target.subresource()) && target.name() != null;
    }

    HttpAnswer evict(ResourceType pods, RequestTarget target, ObjectNode eviction) {
        ObjectNode body = eviction == null ? JsonText.object() : eviction;
        String named = body.path("metadata").path("name").asText("");
        if (!named.isEmpty() && !named.equals(target.name())) {
            throw ApiException.badRequest("name in URL does not match name in Eviction object");
        }
        return store.write(() -> {
            StoredObject pod = store.get(pods, target.namespace(), target.name());
            if (pod == null) {
                throw ApiException.notFound(pods, target.name());
            }
            if (!target.dryRun() && !canIgnoreBudget(pod.tree())) {
                recordDisruption(pods, pod);
            }
            if (!target.dryRun()) {
                ObjectNode options = body.path("deleteOptions").isObject()
                        ? (ObjectNode) body.path("deleteOptions") : JsonText.object();
                deletes.deleteAsEvicted(pods, pod, target, options);
            }
            ObjectNode status = JsonText.object().put("kind", "Status").put("apiVersion", "v1");
            status.putObject("metadata");
            return HttpAnswer.json(201, status.put("status", "Success").put("code", 201));
        });
    }

    private static boolean canIgnoreBudget(JsonNode pod) {
        String phase = pod.path("status").path("phase").asText("");
        return pod.path("metadata").has("deletionTimestamp") || phase.equals("Succeeded") || phase.equals("Failed")
                || phase.equals("Pending");
    }

    /** Takes one disruption from the pod's budget, or refuses as the real server does. */
    private void recordDisruption(ResourceType pods, StoredObject pod) {
        ResourceType budgets = catalog.get("policy", "poddisruptionbudgets");
        List<StoredObject> covering = store.select(budgets, pod.namespace(), LabelSelector.EVERYTHING,
                FieldSelector.EVERYTHING, null).stream()
                .filter(b -> ObjectSelector.selects(b.tree().path("spec").get("selector"), pod.labels())).toList();
        if (covering.isEmpty()) {
            return;
        }
        if (covering.size() > 1) {
            throw new ApiException(500, "InternalError", "This pod has more than one PodDisruptionBudget, which the "
                    + "eviction subresource does not support.", null, null, null, List.of());
        }
        ObjectNode pdb = covering.get(0).tree();
        List<StoredObject> selected = store.select(pods, pod.namespace(), LabelSelector.EVERYTHING,
                FieldSelector.EVERYTHING, null).stream()
                .filter(p -> ObjectSelector.selects(pdb.path("spec").get("selector"), p.labels())).toList();
        Instant now = clock.instant();
        DisruptionBudget budget = DisruptionBudget.of(pdb, selected, scale(selected), now);
        if (budget.disruptionsAllowed() == 0) {
            throw new ApiException(429, "TooManyRequests", "Cannot evict pod as it would violate the pod's "
                    + "disruption budget.", null, null, null, List.of(new ApiException.Cause("DisruptionBudget", null,
                    "The disruption budget " + budget.name() + " needs " + budget.desiredHealthy()
                            + " healthy pods and has " + budget.currentHealthy() + " currently")));
        }
        ObjectNode status = pdb.path("status").isObject() ? (ObjectNode) pdb.path("status") : pdb.putObject("status");
        status.put("observedGeneration", pdb.path("metadata").path("generation").asLong(1))
                .put("disruptionsAllowed", budget.disruptionsAllowed() - 1)
                .put("currentHealthy", budget.currentHealthy()).put("desiredHealthy", budget.desiredHealthy())
                .put("expectedPods", budget.expectedPods());
        ObjectNode disrupted = status.path("disruptedPods").isObject() ? (ObjectNode) status.path("disruptedPods")
                : status.putObject("disruptedPods");
        disrupted.put(pod.name(), now.truncatedTo(ChronoUnit.SECONDS).toString());
        store.replace(budgets, pdb);
    }

    /** The replicas of the StatefulSets controlling the pods, as the controller scales a percentage. */
    private int scale(List<StoredObject> selected) {
        ResourceType sets = catalog.get("apps", "statefulsets");
        Set<String> counted = new HashSet<>();
        int replicas = 0;
        for (StoredObject pod : selected) {
            for (JsonNode owner : pod.tree().path("metadata").path("ownerReferences")) {
                String name = owner.path("name").asText();
                if (owner.path("controller").asBoolean(false) && owner.path("kind").asText().equals("StatefulSet")
                        && counted.add(name)) {
                    StoredObject set = store.get(sets, pod.namespace(), name);
                    replicas += set == null ? 0 : set.tree().path("spec").path("replicas").asInt(1);
                }
            }
        }
        return counted.isEmpty() ? selected.size() : replicas;
    }
}
