package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The graceful deletion of pods, as kube-apiserver's pod strategy and its generic delete path do it:
 * the grace period is the request's {@code gracePeriodSeconds} (query or DeleteOptions; a negative
 * one counts as 1), else the pod's {@code spec.terminationGracePeriodSeconds}; it is 0 for a pod
 * never scheduled or already finished. A period of 0 deletes at once; otherwise the pod is only
 * marked ({@code deletionTimestamp} = now + period, {@code deletionGracePeriodSeconds}) and its
 * kubelet confirms the deletion with a period of 0 once its containers stopped, so a pod whose node
 * is gone stays Terminating. A later delete may shorten the period, never lengthen it.
 */
final class GracefulPodDeletion {

    private final ObjectStore store;
    private final Clock clock;
    private final ContainerStop stops;

    GracefulPodDeletion(ObjectStore store, Clock clock, ContainerStop stops) {
        this.store = store;
        this.clock = clock;
        this.stops = stops;
    }

    /** The grace period this delete gives the pod; 0 means delete it now. */
    static long gracePeriod(JsonNode pod, RequestTarget target, ObjectNode options) {
        long period = requested(target, options);
        if (period < 0) {
            period = pod.path("spec").path("terminationGracePeriodSeconds").asLong(0);
        }
        String phase = pod.path("status").path("phase").asText("");
        if (pod.path("spec").path("nodeName").asText("").isEmpty() || phase.equals("Succeeded")
                || phase.equals("Failed")) {
            return 0;
        }
        return period;
    }

    /** Marks the pod Terminating for {@code period} seconds (> 0); call under the store's write lock. */
    StoredObject mark(ResourceType pods, StoredObject pod, long period) {
        ObjectNode tree = pod.tree();
        JsonNode meta = tree.path("metadata");
        if (meta.has("deletionTimestamp") && meta.path("deletionGracePeriodSeconds").asLong(0) <= period) {
            return pod;
        }
        JsonFields.metadata(tree)
                .put("deletionTimestamp", clock.instant().plusSeconds(period).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("deletionGracePeriodSeconds", period);
        stops.began(pod.uid());
        return store.replace(pods, tree);
    }

    /**
     * Deletes the pod at once, unless its containers are still stopping: then it goes when they
     * have stopped, and the pod is answered as it is.
     */
    StoredObject deleteNow(ResourceType pods, StoredObject pod, String policy) {
        return stops.deleteWhenStopped(pods, pod, policy);
    }

    /** The request's period; -1 when it gives none. */
    private static long requested(RequestTarget target, ObjectNode options) {
        String query = target.param("gracePeriodSeconds");
        JsonNode body = options.path("gracePeriodSeconds");
        long given;
        if (query != null && query.matches("-?\\d{1,18}")) {
            given = Long.parseLong(query);
        } else if (body.isIntegralNumber() && body.canConvertToLong()) {
            given = body.asLong();
        } else {
            return -1;
        }
        return given < 0 ? 1 : given;
    }
}
