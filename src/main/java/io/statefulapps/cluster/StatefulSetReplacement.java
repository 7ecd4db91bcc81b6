package io.statefulapps.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.statefulapps.live.LiveApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Replaces a StatefulSet whose claim templates must change: it is deleted with its pods orphaned
 * (they keep running, with their claims) and created again; the new one adopts the pods.
 *
 * <p>Between the delete and the create the app has no StatefulSet, and no spec can be read back.
 * So the replacement is first recorded in an annotation of the headless Service, and removed once
 * the new StatefulSet exists: a request that failed in between is finished by the next one
 * ({@link #finishPending}), even from another replica of this service.
 */
final class StatefulSetReplacement {

    /** The StatefulSet to create, as JSON, while a replacement is under way. */
    static final String PENDING_ANNOTATION = "stateful-apps.dev/pending-statefulset";
    private static final Duration GONE_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 100;

    private final KubernetesClient client;
    private final ObjectMapper json = new ObjectMapper();

    StatefulSetReplacement(KubernetesClient client) {
        this.client = client;
    }

    void addSteps(ChangeSteps steps, String namespace, StatefulSet replacement) {
        String ref = ObjectRef.of(replacement);
        String headless = "Service/" + replacement.getSpec().getServiceName();
        steps.add("record the replacement of " + ref + " on " + headless,
                () -> record(namespace, replacement));
        steps.add("delete " + ref + " with its pods orphaned (they keep running)",
                () -> deleteOrphaning(namespace, replacement.getMetadata().getName()));
        addCreateSteps(steps, namespace, replacement);
    }

    boolean finishPending(LiveApp live) {
        if (live.statefulSet() != null || live.headlessService() == null) {
            return false;
        }
        Map<String, String> annotations = live.headlessService().getMetadata().getAnnotations();
        String pending = annotations == null ? null : annotations.get(PENDING_ANNOTATION);
        if (pending == null) {
            return false;
        }
        StatefulSet replacement = client.getKubernetesSerialization().unmarshal(pending, StatefulSet.class);
        ChangeSteps steps = new ChangeSteps();
        addCreateSteps(steps, live.namespace(), replacement);
        steps.run();
        return true;
    }

    private void addCreateSteps(ChangeSteps steps, String namespace, StatefulSet replacement) {
        String ref = ObjectRef.of(replacement);
        steps.add("create " + ref + " with the new volume claim templates (it adopts the pods)",
                () -> createOnceGone(namespace, replacement));
        steps.add("clear the record of the replacement on Service/" + replacement.getSpec().getServiceName(),
                () -> annotate(namespace, replacement.getSpec().getServiceName(), null));
    }

    private void record(String namespace, StatefulSet replacement) {
        annotate(namespace, replacement.getSpec().getServiceName(),
                client.getKubernetesSerialization().asJson(replacement));
    }

    /** Sets (or with null removes) the annotation by a merge patch, leaving everything else alone. */
    private void annotate(String namespace, String service, String value) {
        ObjectNode patch = json.createObjectNode();
        ObjectNode annotations = patch.putObject("metadata").putObject("annotations");
        if (value == null) {
            annotations.putNull(PENDING_ANNOTATION);
        } else {
            annotations.put(PENDING_ANNOTATION, value);
        }
        client.services().inNamespace(namespace).withName(service)
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
    }

    /** Deletes the StatefulSet leaving its pods (and claims) alone, and waits until it is gone. */
    private void deleteOrphaning(String namespace, String name) {
        client.apps().statefulSets().inNamespace(namespace).withName(name)
                .withPropagationPolicy(DeletionPropagation.ORPHAN).delete();
        awaitGone(namespace, name);
    }

    /**
     * Creates the replacement once the old one is gone; one that already exists (a retry) is kept.
     * The record on the headless Service is the licence to create: a DELETE of the app that ran
     * meanwhile removed it, and a set created anyway would be half an app. A DELETE that lands
     * right after the create is undone here too.
     */
    private void createOnceGone(String namespace, StatefulSet replacement) {
        String name = replacement.getMetadata().getName();
        StatefulSet existing = client.apps().statefulSets().inNamespace(namespace).withName(name).get();
        if (existing != null && existing.getMetadata().getDeletionTimestamp() == null) {
            return;
        }
        awaitGone(namespace, name);
        requireStillPending(namespace, replacement);
        client.resource(replacement).inNamespace(namespace).create();
        if (!isPending(namespace, replacement)) {
            client.apps().statefulSets().inNamespace(namespace).withName(name)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            requireStillPending(namespace, replacement);
        }
    }

    private void requireStillPending(String namespace, StatefulSet replacement) {
        if (!isPending(namespace, replacement)) {
            String step = "create " + ObjectRef.of(replacement);
            throw new ClusterRefusedException(404, "NotFound", step, "the app was deleted while its StatefulSet"
                    + " was being replaced; nothing was created", List.of());
        }
    }

    private boolean isPending(String namespace, StatefulSet replacement) {
        Service headless = client.services().inNamespace(namespace).withName(replacement.getSpec().getServiceName())
                .get();
        return headless != null && headless.getMetadata().getDeletionTimestamp() == null
                && headless.getMetadata().getAnnotations() != null
                && headless.getMetadata().getAnnotations().containsKey(PENDING_ANNOTATION);
    }

    private void awaitGone(String namespace, String name) {
        var statefulSet = client.apps().statefulSets().inNamespace(namespace).withName(name);
        long deadline = System.nanoTime() + GONE_TIMEOUT.toNanos();
        while (statefulSet.get() != null) {
            if (System.nanoTime() > deadline) {
                throw new ClusterUnavailableException("StatefulSet/" + name + " was still being deleted after "
                        + GONE_TIMEOUT.toSeconds() + "s", null);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterUnavailableException("interrupted while StatefulSet/" + name + " was being deleted",
                        e);
            }
        }
    }
}
