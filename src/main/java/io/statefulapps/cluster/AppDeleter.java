package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.statefulapps.live.ClaimNotes;
import io.statefulapps.live.LiveApp;
import io.statefulapps.render.ManagedLabels;
import io.statefulapps.spec.TrioNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes an app: client Service, StatefulSet (its pods go with it), headless Service, and its
 * claims only when asked to. Only objects labelled as managed by this service are deleted; an
 * object of someone else that holds one of the names is reported and left alone. Deleting what is
 * already gone is no failure, so a retry after a failure part-way finishes the job.
 */
@ApplicationScoped
public class AppDeleter {

    static final String STATEFUL_SET = "StatefulSet";
    static final String SERVICE = "Service";
    static final String CLAIM = "PersistentVolumeClaim";

    private final KubernetesClient client;
    private final LiveAppReader reader;
    private final StatefulSetReplacement replacement;

    public AppDeleter(KubernetesClient client, LiveAppReader reader) {
        this.client = client;
        this.reader = reader;
        this.replacement = new StatefulSetReplacement(client);
    }

    /** The app's objects as they are now: check existence and If-Match on {@link Target#live()}. */
    public record Target(LiveApp live, List<DeleteResult.KindName> missing, List<DeleteResult.KindName> skipped) {
    }

    public Target inspect(String namespace, String name) {
        LiveApp live = reader.read(namespace, name);
        // A PATCH that failed while replacing the StatefulSet left its pods orphaned: bring the set back
        // first, so that deleting it takes the pods along.
        if (replacement.finishPending(live)) {
            live = reader.read(namespace, name);
        }
        TrioNames names = live.names();
        String headlessName = names.headlessService();
        String clientName = names.clientService();
        List<DeleteResult.KindName> missing = new ArrayList<>();
        List<DeleteResult.KindName> skipped = new ArrayList<>();
        if (live.clientService() == null) {
            absent(namespace, SERVICE, clientName, missing, skipped);
        }
        if (live.statefulSet() == null) {
            absent(namespace, STATEFUL_SET, name, missing, skipped);
        }
        if (live.headlessService() == null) {
            absent(namespace, SERVICE, headlessName, missing, skipped);
        }
        return new Target(live, missing, skipped);
    }

    /** Deletes what {@code target} found; throws {@link PartialChangeException} when a step fails. */
    public DeleteResult delete(Target target, boolean deleteData) {
        LiveApp live = target.live();
        String namespace = live.namespace();
        List<DeleteResult.KindName> deleted = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<PersistentVolumeClaim> claims = claims(namespace, live.name());
        ChangeSteps steps = new ChangeSteps();
        deleteStep(steps, namespace, live.clientService(), deleted);
        deleteStep(steps, namespace, live.statefulSet(), deleted);
        steps.add("delete the app's pods that no StatefulSet owns", () -> deleteUnownedPods(namespace, live.name()));
        deleteStep(steps, namespace, live.headlessService(), deleted);
        List<DeleteResult.KeptClaim> kept = new ArrayList<>();
        for (PersistentVolumeClaim claim : claims) {
            String claimName = claim.getMetadata().getName();
            String volume = claim.getSpec() == null ? null : claim.getSpec().getVolumeName();
            String reclaim = reclaimPolicy(volume);
            if (deleteData) {
                steps.add("delete " + CLAIM + "/" + claimName, () -> {
                    client.resource(claim).inNamespace(namespace).delete();
                    deleted.add(new DeleteResult.KindName(CLAIM, claimName));
                    warnings.add(ClaimNotes.deletedNote(claimName, volume, reclaim));
                });
            } else {
                kept.add(new DeleteResult.KeptClaim(claimName, volume, reclaim,
                        ClaimNotes.keptWarning(claimName, volume, reclaim)));
            }
        }
        if (!deleteData && live.statefulSet() != null && deletesClaimsWithIt(live.statefulSet())) {
            warnings.add("the StatefulSet's persistentVolumeClaimRetentionPolicy.whenDeleted is Delete: Kubernetes"
                    + " deletes its claims together with it, whatever deleteData says");
        }
        target.skipped().forEach(s -> warnings.add(s.kind() + "/" + s.name() + " holds one of the app's names but is"
                + " not managed by this service; it was left alone"));
        steps.run();
        removeLateStatefulSet(namespace, live.name());
        return new DeleteResult(deleted, kept, target.missing(), target.skipped(), warnings);
    }

    private void deleteStep(ChangeSteps steps, String namespace, HasMetadata object,
            List<DeleteResult.KindName> deleted) {
        if (object == null) {
            return;
        }
        steps.add("delete " + ObjectRef.of(object), () -> {
            // Background: the call returns at once and the garbage collector removes the pods.
            client.resource(object).inNamespace(namespace).withPropagationPolicy(DeletionPropagation.BACKGROUND)
                    .delete();
            deleted.add(new DeleteResult.KindName(object.getKind(), object.getMetadata().getName()));
        });
    }

    /**
     * A volume-growth PATCH racing this delete may have created its replacement StatefulSet after the
     * set was deleted and before the headless Service (its licence to create) went. Once the headless
     * Service is gone no replacement can appear any more, so one look now is enough.
     */
    private void removeLateStatefulSet(String namespace, String app) {
        StatefulSet late = client.apps().statefulSets().inNamespace(namespace).withName(app).get();
        if (late != null && ManagedLabels.isManaged(late) && late.getMetadata().getDeletionTimestamp() == null) {
            client.resource(late).inNamespace(namespace).withPropagationPolicy(DeletionPropagation.BACKGROUND)
                    .delete();
            deleteUnownedPods(namespace, app);
        }
    }

    /**
     * Pods a replaced StatefulSet left orphaned (a PATCH that grew the volumes and was cut short, or
     * raced this delete) are nobody's dependents: the garbage collector would leave them running.
     */
    private void deleteUnownedPods(String namespace, String app) {
        client.pods().inNamespace(namespace).withLabels(ManagedLabels.of(app)).list().getItems().stream()
                .filter(pod -> pod.getMetadata().getOwnerReferences().stream()
                        .noneMatch(ref -> Boolean.TRUE.equals(ref.getController())))
                .forEach(pod -> client.resource(pod).inNamespace(namespace).delete());
    }

    /** An expected object that is not there (missing) or is there but not ours (skipped). */
    private void absent(String namespace, String kind, String objectName, List<DeleteResult.KindName> missing,
            List<DeleteResult.KindName> skipped) {
        HasMetadata holder;
        try {
            holder = STATEFUL_SET.equals(kind)
                    ? client.apps().statefulSets().inNamespace(namespace).withName(objectName).get()
                    : client.services().inNamespace(namespace).withName(objectName).get();
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.translate("look-up of " + kind + "/" + objectName, e);
        }
        DeleteResult.KindName ref = new DeleteResult.KindName(kind, objectName);
        if (holder != null && !ManagedLabels.isManaged(holder)) {
            skipped.add(ref);
        } else {
            missing.add(ref);
        }
    }

    /** How many claims of the app are left, e.g. kept by an earlier DELETE without deleteData. */
    public int keptClaims(String namespace, String name) {
        return claims(namespace, name).size();
    }

    private List<PersistentVolumeClaim> claims(String namespace, String name) {
        try {
            return client.persistentVolumeClaims().inNamespace(namespace)
                    .withLabel(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGED_BY_VALUE)
                    .withLabel(ManagedLabels.INSTANCE, name)
                    .list().getItems().stream()
                    .sorted((a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName()))
                    .toList();
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.translate("list of the claims of app " + namespace + "/" + name, e);
        }
    }

    private String reclaimPolicy(String volume) {
        if (volume == null) {
            return null;
        }
        try {
            PersistentVolume pv = client.persistentVolumes().withName(volume).get();
            return pv == null || pv.getSpec() == null ? null : pv.getSpec().getPersistentVolumeReclaimPolicy();
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.translate("look-up of PersistentVolume/" + volume, e);
        }
    }

    private static boolean deletesClaimsWithIt(StatefulSet statefulSet) {
        var policy = statefulSet.getSpec().getPersistentVolumeClaimRetentionPolicy();
        return policy != null && ClaimNotes.DELETE.equals(policy.getWhenDeleted());
    }

}
