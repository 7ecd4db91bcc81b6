package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.statefulapps.kubernetes.WellKnownLabels;
import io.statefulapps.live.LiveApp;
import io.statefulapps.render.ManagedLabels;
import io.statefulapps.render.Trio;
import io.statefulapps.render.TrioChanges;
import io.statefulapps.spec.Quantities;
import io.statefulapps.spec.VolumeGrowth;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes a change to a live app: only the objects that differ, in the order headless Service,
 * claims (when volumes grow), StatefulSet, client Service. Growing volumes expands each existing
 * claim, then replaces the StatefulSet (its claim templates are immutable, see
 * {@link StatefulSetReplacement}).
 *
 * <p>With {@code conditional} the writes carry the resourceVersions read before, so a concurrent
 * change makes them fail (the caller sent If-Match); without it the last writer wins.
 */
@ApplicationScoped
public class AppPatcher {


    private final KubernetesClient client;
    private final StatefulSetReplacement replacement;
    private final ObjectUpdates updates;

    public AppPatcher(KubernetesClient client) {
        this.client = client;
        this.replacement = new StatefulSetReplacement(client);
        this.updates = new ObjectUpdates(client);
    }

    /**
     * Finishes a StatefulSet replacement an earlier request left half-done (deleted, not yet created
     * again); returns whether there was one. Call before reading the app's spec.
     */
    public boolean finishPendingReplacement(LiveApp live) {
        return replacement.finishPending(live);
    }

    /** The StorageClass a volume's claims use: its own, else the cluster's default; null when none. */
    public String storageClassOf(VolumeGrowth.Grown grown) {
        if (grown.storageClassName() != null) {
            return grown.storageClassName();
        }
        try {
            return client.storage().v1().storageClasses().list().getItems().stream()
                    .filter(sc -> "true".equals(annotation(sc, WellKnownLabels.DEFAULT_STORAGE_CLASS)))
                    .map(sc -> sc.getMetadata().getName())
                    .findFirst().orElse(null);
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.translate("look-up of the default StorageClass", e);
        }
    }

    /** Whether the class allows expansion; empty when there is no such class. */
    public Optional<Boolean> allowsExpansion(String className) {
        try {
            StorageClass sc = client.storage().v1().storageClasses().withName(className).get();
            return sc == null ? Optional.empty() : Optional.of(Boolean.TRUE.equals(sc.getAllowVolumeExpansion()));
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.translate("look-up of StorageClass/" + className, e);
        }
    }

    /**
     * Writes the changes; returns the names of the steps done. Throws {@link PartialChangeException}.
     * {@code before}: the objects as read; a change with If-Match that loses to another between its
     * writes puts them back ({@link AllOrNothingChange}).
     */
    public List<String> apply(String namespace, String appName, Trio before, TrioChanges changes,
            List<VolumeGrowth.Grown> grown, boolean conditional) {
        if (conditional && grown.isEmpty() && !changes.recreateStatefulSet()) {
            return new AllOrNothingChange(client).apply(namespace, changes, before);
        }
        ChangeSteps steps = new ChangeSteps();
        if (changes.headlessService() != null) {
            Service headless = service(changes.headlessService(), conditional);
            steps.add("update " + ObjectRef.of(headless), () -> updates.update(namespace, headless));
        }
        for (VolumeGrowth.Grown g : grown) {
            for (PersistentVolumeClaim claim : claimsOf(namespace, appName, g.volume())) {
                String step = "expand PersistentVolumeClaim/" + claim.getMetadata().getName() + " to " + g.to();
                steps.add(step, () -> expand(namespace, claim, g.to()));
            }
        }
        StatefulSet statefulSet = changes.statefulSet();
        if (statefulSet != null && changes.recreateStatefulSet()) {
            replacement.addSteps(steps, namespace, statefulSet);
        } else if (statefulSet != null) {
            StatefulSet updated = conditional ? statefulSet : new StatefulSetBuilder(statefulSet)
                    .withMetadata(unversioned(statefulSet)).build();
            steps.add("update " + ObjectRef.of(updated), () -> updates.updateStatefulSet(namespace, updated));
        }
        if (changes.clientService() != null) {
            Service clientService = service(changes.clientService(), conditional);
            steps.add("update " + ObjectRef.of(clientService), () -> updates.update(namespace, clientService));
        }
        return steps.run();
    }

    private static Service service(Service service, boolean conditional) {
        return conditional ? service : new ServiceBuilder(service).withMetadata(unversioned(service)).build();
    }

    private static io.fabric8.kubernetes.api.model.ObjectMeta unversioned(HasMetadata object) {
        return new ObjectMetaBuilder(object.getMetadata()).withResourceVersion(null).build();
    }

    /** The existing claims of one template: {@code <template>-<app>-<ordinal>}, labelled as the app's. */
    private List<PersistentVolumeClaim> claimsOf(String namespace, String appName, String template) {
        Pattern name = Pattern.compile(Pattern.quote(template + "-" + appName + "-") + "[0-9]+");
        try {
            return client.persistentVolumeClaims().inNamespace(namespace)
                    .withLabel(ManagedLabels.INSTANCE, appName).list().getItems().stream()
                    .filter(c -> name.matcher(c.getMetadata().getName()).matches())
                    .toList();
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.translate("list of the claims of volume " + template, e);
        }
    }

    /** Raises the claim's request; a claim already as large (a retry) is left alone. */
    private void expand(String namespace, PersistentVolumeClaim claim, String size) {
        String requested = claim.getSpec().getResources() == null
                || claim.getSpec().getResources().getRequests() == null
                || claim.getSpec().getResources().getRequests().get("storage") == null ? null
                : claim.getSpec().getResources().getRequests().get("storage").toString();
        Optional<BigDecimal> has = Quantities.amount(requested);
        Optional<BigDecimal> wants = Quantities.amount(size);
        if (has.isPresent() && wants.isPresent() && has.get().compareTo(wants.get()) >= 0) {
            return;
        }
        String patch = "{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"" + size + "\"}}}}";
        client.persistentVolumeClaims().inNamespace(namespace).withName(claim.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }

    private static String annotation(HasMetadata object, String key) {
        var annotations = object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }
}
