package io.statefulapps.generated;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a namespace holds, app by app, as the cluster says: for each app (the instance label) its
 * StatefulSet, headless Service and client Service. Complete means every app has exactly one of each
 * and nothing else is there.
 */
final class TrioCensus {

    private static final String INSTANCE = "app.kubernetes.io/instance";

    private TrioCensus() {
    }

    /** The apps that are not a complete trio, with what they have; empty when all are complete. */
    static List<String> incomplete(KubernetesClient client, String namespace) {
        Map<String, int[]> counts = new TreeMap<>();
        List<String> strays = new ArrayList<>();
        for (StatefulSet sts : client.apps().statefulSets().inNamespace(namespace).list().getItems()) {
            count(sts, 0, counts, strays);
        }
        for (Service svc : client.services().inNamespace(namespace).list().getItems()) {
            count(svc, "None".equals(svc.getSpec().getClusterIP()) ? 1 : 2, counts, strays);
        }
        List<String> incomplete = new ArrayList<>(strays);
        counts.forEach((app, c) -> {
            if (c[0] != 1 || c[1] != 1 || c[2] != 1) {
                incomplete.add(app + ": " + c[0] + " StatefulSet(s), " + c[1] + " headless Service(s), " + c[2]
                        + " client Service(s)");
            }
        });
        return incomplete;
    }

    /** How many apps the namespace holds. */
    static int apps(KubernetesClient client, String namespace) {
        return client.apps().statefulSets().inNamespace(namespace).list().getItems().size();
    }

    private static void count(HasMetadata object, int slot, Map<String, int[]> counts, List<String> strays) {
        Map<String, String> labels = object.getMetadata().getLabels();
        String app = labels == null ? null : labels.get(INSTANCE);
        if (app == null) {
            strays.add(object.getKind() + "/" + object.getMetadata().getName() + " belongs to no app");
            return;
        }
        counts.computeIfAbsent(app, a -> new int[3])[slot]++;
    }
}
