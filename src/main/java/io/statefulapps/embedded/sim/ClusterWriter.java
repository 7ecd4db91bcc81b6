package io.statefulapps.embedded.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Deletable;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Every write the controllers make goes through here: counted by kind and verb (how many requests a
 * pod's life costs), remembered until the informers show it (so the next look does not act on an
 * older copy), and a refusal returned as a value instead of thrown.
 */
final class ClusterWriter {

    private static final Logger LOG = Logger.getLogger(ClusterWriter.class);

    /** What a write came to: the object the API server answered with, or why it refused. */
    record Written<T>(T object, KubernetesClientException error) {

        boolean ok() {
            return error == null;
        }

        /** The API server's message, as controllers quote it in events. */
        String message() {
            if (error == null) {
                return "";
            }
            return error.getStatus() != null && error.getStatus().getMessage() != null
                    ? error.getStatus().getMessage() : error.getMessage();
        }
    }

    private final KubernetesClient client;
    private final UnseenWrites unseen;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, LongAdder> byRequest = new ConcurrentHashMap<>();

    ClusterWriter(KubernetesClient client, UnseenWrites unseen) {
        this.client = client;
        this.unseen = unseen;
    }

    <T extends HasMetadata> Written<T> create(T object) {
        Written<T> written = attempt(object, "create", () -> client.resource(object).create());
        if (written.ok()) {
            unseen.remember(written.object(), true);
        }
        return written;
    }

    /**
     * Creates an object from its JSON without reading the answer back into a typed object, for
     * writes nothing looks at again (events): true once created. A refusal counts as for any write.
     */
    Written<Boolean> createUnread(String kind, String collectionPath, JsonNode object) {
        return attempt(kind, "create", () -> {
            if (client.raw(collectionPath, "POST", object) == null) {
                throw new KubernetesClientException("the API server answered 404 Not Found to a create", 404, null);
            }
            return true;
        });
    }

    <T extends HasMetadata> Written<T> update(T object) {
        return run(object, "update", () -> client.resource(object).update());
    }

    <T extends HasMetadata> Written<T> updateStatus(T object) {
        return run(object, "update status", () -> client.resource(object).updateStatus());
    }

    /** A JSON merge patch of the object (no resourceVersion: it applies to whatever is current). */
    <T extends HasMetadata> Written<T> mergePatch(T object, String patch) {
        return run(object, "patch", () -> client.resource(object).patch(PatchContext.of(PatchType.JSON_MERGE), patch));
    }

    /** A JSON merge patch of the object's status. */
    <T extends HasMetadata> Written<T> mergePatchStatus(T object, String patch) {
        return run(object, "patch status", () -> client.resource(object).subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
    }

    /**
     * Deletes the object if it still has the same uid; {@code graceSeconds} null leaves the grace
     * period to the object (a pod's terminationGracePeriodSeconds).
     */
    <T extends HasMetadata> Written<Boolean> delete(T object, Long graceSeconds) {
        Deletable target = graceSeconds == null ? client.resource(object)
                : client.resource(object).withGracePeriod(graceSeconds);
        return attempt(object, "delete", () -> !target.delete().isEmpty());
    }

    private <T extends HasMetadata> Written<T> run(HasMetadata target, String verb, Supplier<T> call) {
        Written<T> written = attempt(target, verb, call);
        if (written.ok() && written.object() != null) {
            unseen.remember(written.object(), false);
        }
        return written;
    }

    private <R> Written<R> attempt(HasMetadata target, String verb, Supplier<R> call) {
        return attempt(target.getKind(), verb, call);
    }

    private <R> Written<R> attempt(String kind, String verb, Supplier<R> call) {
        writes.incrementAndGet();
        byRequest.computeIfAbsent(kind + " " + verb, k -> new LongAdder()).increment();
        try {
            return new Written<>(call.get(), null);
        } catch (KubernetesClientException e) {
            failures.incrementAndGet();
            if (e.getCode() == 409 || e.getCode() == 404) {
                // our cache was a step behind: the event for the newer state brings the key back
                LOG.debugf("simulated %s %s skipped (%d): %s", verb, kind, e.getCode(), e.getMessage());
            } else {
                LOG.debugf("simulated %s %s refused (%d): %s", verb, kind, e.getCode(), e.getMessage());
            }
            return new Written<>(null, e);
        }
    }

    /** Writes attempted so far. */
    long count() {
        return writes.get();
    }

    /** Writes refused so far. */
    long failures() {
        return failures.get();
    }

    /** Writes attempted so far by "Kind verb", for measuring what a pod's life costs. */
    Map<String, Long> countsByRequest() {
        Map<String, Long> result = new TreeMap<>();
        byRequest.forEach((k, v) -> result.put(k, v.sum()));
        return result;
    }
}
