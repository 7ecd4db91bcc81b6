package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulapps.kubernetes.StatefulSetNaming;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the StatefulSet controller does to pods and claims, as the real StatefulPodControl does
 * it: each write reported by an event on the set in the controller's own words (a refused create
 * as a Warning {@code FailedCreate} quoting the API server), and remembered in the
 * {@link StatefulSetExpectations} until the informer shows it.
 */
final class StatefulSetPodControl {

    private static final EventRecorder.Source SOURCE = EventRecorder.Source.of("statefulset-controller");

    private final ClusterInformers informers;
    private final ClusterWriter writer;
    private final OwnerRecheck recheck;
    private final EventRecorder events;
    private final Clock clock;
    private final StatefulSetExpectations expectations;

    StatefulSetPodControl(ControllerContext context, StatefulSetExpectations expectations) {
        this.informers = context.informers();
        this.writer = context.writer();
        this.events = context.events();
        this.clock = context.clock();
        this.expectations = expectations;
        this.recheck = new OwnerRecheck(context.client());
    }

    /** Creates the ordinal's missing claims, then its pod; false when it could not (see {@link #claimsReady}). */
    boolean create(StatefulSet sts, PodTemplateSpec template, String revision, int ordinal) {
        String set = sts.getMetadata().getName();
        String podName = StatefulSetNaming.podName(set, ordinal);
        if (!claimsReady(sts, ordinal, podName)) {
            return false;
        }
        Pod pod = StatefulSetPods.newPod(sts, template, revision, ordinal);
        // expected before the write: its event may arrive before the answer does
        String setKey = ClusterInformers.keyOf(sts);
        expectations.expectCreation(setKey, ClusterInformers.keyOf(pod), clock.instant());
        ClusterWriter.Written<Pod> written = writer.create(pod);
        if (!written.ok()) {
            // Refused: nothing of ours will show. A 409 means the pod is there already, and its event
            // may have come before the expectation was raised (an adoption racing this look): waiting
            // for it would block the set for the expectations' whole timeout.
            expectations.lowerCreation(setKey, ClusterInformers.keyOf(pod));
        }
        if (written.ok()) {
            events.record(sts, EventRecorder.NORMAL, "SuccessfulCreate", "create Pod " + podName + " in StatefulSet "
                    + set + " successful", SOURCE);
        } else if (written.error().getCode() != 409) {
            events.record(sts, EventRecorder.WARNING, "FailedCreate", "create Pod " + podName + " in StatefulSet "
                    + set + " failed error: " + written.message(), SOURCE);
        }
        return written.ok();
    }

    /**
     * Creates the pod's missing claims; false when the API server refused one, or when a claim of the
     * pod is being deleted: the pod would lose it, so it waits, as the real controller does, for the
     * claim to go and be made anew.
     */
    private boolean claimsReady(StatefulSet sts, int ordinal, String podName) {
        String namespace = sts.getMetadata().getNamespace();
        String set = sts.getMetadata().getName();
        for (PersistentVolumeClaim claimTemplate : sts.getSpec().getVolumeClaimTemplates()) {
            PersistentVolumeClaim claim = StatefulSetPods.newClaim(sts, claimTemplate, ordinal);
            String claimName = claim.getMetadata().getName();
            Optional<PersistentVolumeClaim> existing = informers.get(informers.claims, namespace, claimName);
            if (existing.isPresent() && ObjectLifecycle.isTerminating(existing.get())) {
                events.record(sts, EventRecorder.WARNING, "FailedCreate", "create Pod " + podName + " in StatefulSet "
                        + set + " failed error: pvc " + claimName + " is being deleted", SOURCE);
                return false;
            }
            if (existing.isPresent()) {
                continue;
            }
            ClusterWriter.Written<PersistentVolumeClaim> written = writer.create(claim);
            if (written.ok()) {
                events.record(sts, EventRecorder.NORMAL, "SuccessfulCreate", "create Claim " + claimName + " Pod "
                        + podName + " in StatefulSet " + set + " success", SOURCE);
            } else if (written.error().getCode() != 409) {
                events.record(sts, EventRecorder.WARNING, "FailedCreate", "create Claim " + claimName + " for Pod "
                        + podName + " in StatefulSet " + set + " failed error: " + written.message(), SOURCE);
                return false;
            }
        }
        return true;
    }

    /** Deletes a pod of the set; true when it was there to delete. */
    boolean delete(StatefulSet sts, Pod pod) {
        String setKey = ClusterInformers.keyOf(sts);
        expectations.expectDeletion(setKey, pod.getMetadata().getUid(), clock.instant());
        ClusterWriter.Written<Boolean> written = writer.delete(pod, null);
        boolean deleted = written.ok() && Boolean.TRUE.equals(written.object());
        if (!deleted) {
            expectations.lowerDeletion(setKey, pod.getMetadata().getUid());
        } else {
            events.record(sts, EventRecorder.NORMAL, "SuccessfulDelete", "delete Pod " + pod.getMetadata().getName()
                    + " in StatefulSet " + sts.getMetadata().getName() + " successful", SOURCE);
        }
        return deleted;
    }

    /**
     * Like the real controller (ControllerRefManager): a pod that matches the selector, is named like
     * one of the set's pods and has no controller (e.g. orphaned when its previous StatefulSet was
     * deleted with propagationPolicy Orphan) becomes this set's pod, once the set, read again, is
     * still there ({@link OwnerRecheck}).
     */
    void adoptOrphans(StatefulSet sts, TreeMap<Integer, Pod> owned) {
        Map<String, String> selector = sts.getSpec().getSelector().getMatchLabels();
        if (selector == null || selector.isEmpty()) {
            return;
        }
        Boolean mayAdopt = null;
        for (Pod pod : informers.podsMatching(sts.getMetadata().getNamespace(), selector)) {
            int ordinal = StatefulSetPods.ordinal(sts, pod);
            if (ordinal < 0 || !ControllerReferences.isOrphanFor(pod, sts) || ObjectLifecycle.isTerminating(pod)
                    || owned.containsKey(ordinal)) {
                continue;
            }
            if (mayAdopt == null) {
                mayAdopt = recheck.mayAdopt(sts);
            }
            if (!mayAdopt) {
                return;
            }
            Pod adopted = new PodBuilder(pod).editMetadata()
                    .withOwnerReferences(ControllerReferences.adoptedBy(pod, sts)).endMetadata().build();
            ClusterWriter.Written<Pod> written = writer.update(adopted);
            if (written.ok()) {
                owned.put(ordinal, written.object());
            }
        }
    }
}
