package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.statefulapps.render.ManagedLabels;
import io.statefulapps.config.WriteConfig;
import io.statefulapps.render.Trio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Creates an app's three objects all or nothing: every object passes a server-side dry run (so a
 * taken name, quota, admission and policy refusals arrive before anything exists), and only then
 * are they created in order; a failure part-way deletes what this request created. Names are looked
 * up only when a dry run says one is taken, to say whose it is: a create costs six API calls.
 *
 * <p>A replica that dies between two creates cannot roll back. What it left (objects of ours, of
 * this app, the trio incomplete) is recognised by its labels: while it is younger than
 * {@code stateful-apps.writes.abandoned-after} another request may still be creating it (409 with
 * {@code Retry-After}); older, the next POST of the app removes it and creates the app anew. An app
 * whose three objects exist is never taken for leftovers, whatever names the new spec gives its
 * Services: that POST is a 409.
 */
@ApplicationScoped
public class TrioWriter {

    private static final Logger LOG = Logger.getLogger(TrioWriter.class);

    private final KubernetesClient client;
    private final Clock clock;
    private final Duration abandonedAfter;
    private final WatchCache cache;

    @Inject
    public TrioWriter(KubernetesClient client, Clock clock, WriteConfig config, WatchCache cache) {
        this.client = client;
        this.clock = clock;
        this.abandonedAfter = config.abandonedAfter();
        this.cache = cache;
    }

    /** Without a watch cache: what a create must know of the app's claims is listed from the API. */
    public TrioWriter(KubernetesClient client, Clock clock, WriteConfig config) {
        this(client, clock, config, null);
    }

    /** Checks names and dry-runs the three objects; creates nothing. */
    public void dryRun(String namespace, Trio trio) {
        dryRunNamesChecked(namespace, trio, false);
    }

    /**
     * Dry-runs the three objects. The API server answers a taken name with 409 (a dry run checks
     * existence as a create does); then the names are looked up to tell another owner's object from
     * what an abandoned create of this app left, which is cleared before the dry runs are done again.
     */
    private void dryRunNamesChecked(String namespace, Trio trio, boolean clearAbandoned) {
        try {
            dryRunEach(namespace, trio);
        } catch (ObjectConflictException taken) {
            ensureNamesFree(namespace, trio, clearAbandoned);
            dryRunEach(namespace, trio);
        }
    }

    private void dryRunEach(String namespace, Trio trio) {
        for (HasMetadata object : trio.inCreationOrder()) {
            String step = "dry run of " + ObjectRef.of(object);
            try {
                client.resource(object).inNamespace(namespace).dryRun().create();
            } catch (KubernetesClientException e) {
                throw translateCreate(step, object, e);
            }
        }
    }

    /** Dry-runs, then creates the three objects in order; returns them as the API server stored them. */
    public List<HasMetadata> create(String namespace, Trio trio) {
        dryRunNamesChecked(namespace, trio, true);
        // kept claims of an earlier app of this name are the data it left: a roll-back never takes them
        Optional<Set<String>> claimsBefore = trio.statefulSet().getSpec().getVolumeClaimTemplates().isEmpty()
                ? Optional.of(Set.of()) : claimNames(namespace, ManagedLabels.appName(trio.statefulSet()));
        List<HasMetadata> created = new ArrayList<>();
        for (HasMetadata object : trio.inCreationOrder()) {
            String step = "create " + ObjectRef.of(object);
            try {
                created.add(client.resource(object).inNamespace(namespace).create());
            } catch (KubernetesClientException e) {
                RuntimeException failure = translateCreate(step, object, e);
                throw rollBack(namespace, step, created, claimsBefore, failure);
            }
        }
        return created;
    }

    /** The names of the app's claims: the watch cache knows them once synced, no API call needed. */
    private Optional<Set<String>> claimNames(String namespace, String app) {
        Optional<Set<String>> cached = cache == null ? Optional.empty() : cache.claimNames(namespace, app);
        return cached.isPresent() ? cached : new FreshClaims(client).existing(namespace, app);
    }

    /** @param clearAbandoned whether the leftovers of an abandoned create of this app may be removed */
    private void ensureNamesFree(String namespace, Trio trio, boolean clearAbandoned) {
        List<HasMetadata> existing = new ArrayList<>();
        for (HasMetadata object : trio.inCreationOrder()) {
            String step = "look-up of " + ObjectRef.of(object);
            try {
                HasMetadata found = client.resource(object).inNamespace(namespace).get();
                if (found != null) {
                    existing.add(found);
                }
            } catch (KubernetesClientException e) {
                throw KubernetesFailures.translate(step, e);
            }
        }
        if (existing.isEmpty()) {
            return;
        }
        String app = ManagedLabels.appName(trio.statefulSet());
        boolean ours = existing.stream().allMatch(o -> ManagedLabels.isManaged(o) && app.equals(ManagedLabels.appName(o)));
        if (!ours) {
            throw conflict(namespace, existing.get(0));
        }
        // Whether the app is whole is asked of the app's own objects, not of the names the new spec
        // gives: a complete app whose Services have other names is an app, not leftovers.
        List<HasMetadata> objects = objectsOfApp(namespace, app, existing);
        if (AppCompleteness.isComplete(objects)) {
            throw conflict(namespace, existing.get(0));
        }
        Duration age = Duration.between(oldestCreation(objects), clock.instant());
        if (!clearAbandoned || age.compareTo(abandonedAfter) < 0) {
            long wait = Math.max(1, abandonedAfter.minus(age).toSeconds() + 1);
            throw new ObjectConflictException(ObjectRef.of(existing.get(0)), true, "The app \"" + app
                    + "\" is incomplete in namespace \"" + namespace + "\" (" + objects.size() + " of its 3 objects, "
                    + "created " + age.toSeconds() + "s ago): another request may be creating it. "
                    + (clearAbandoned ? "Retry in " + wait + "s: an abandoned create is then cleaned up and done again."
                    : "A real POST cleans up an abandoned create."), (int) wait);
        }
        LOG.warnf("Removing what an abandoned create of %s/%s left %ss ago (%s)", namespace, app, age.toSeconds(), objects.stream()
                .map(ObjectRef::of).toList());
        removeLeftovers(namespace, objects);
    }

    /** The StatefulSet and the Services this service made for the app, whatever their names, and {@code found}. */
    private List<HasMetadata> objectsOfApp(String namespace, String app, List<HasMetadata> found) {
        try {
            List<HasMetadata> objects = new ArrayList<>(found);
            client.apps().statefulSets().inNamespace(namespace).withLabel(ManagedLabels.MANAGED_BY,
                    ManagedLabels.MANAGED_BY_VALUE).withLabel(ManagedLabels.INSTANCE, app).list().getItems()
                    .forEach(objects::add);
            client.services().inNamespace(namespace).withLabel(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGED_BY_VALUE)
                    .withLabel(ManagedLabels.INSTANCE, app).list().getItems().forEach(objects::add);
            return objects.stream().filter(distinctBy(o -> o.getKind() + "/" + o.getMetadata().getName())).toList();
        } catch (KubernetesClientException e) {
            throw KubernetesFailures.translate("look-up of the objects of app " + app, e);
        }
    }

    private static <T> Predicate<T> distinctBy(Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        return o -> seen.add(key.apply(o));
    }

    private Instant oldestCreation(List<HasMetadata> objects) {
        return objects.stream().map(o -> o.getMetadata().getCreationTimestamp()).filter(t -> t != null)
                .map(Instant::parse).min(Instant::compareTo).orElse(clock.instant());
    }

    private void removeLeftovers(String namespace, List<HasMetadata> leftovers) {
        for (HasMetadata object : leftovers) {
            try {
                // Gone at once (no finalizers of ours); its pods go in the background, and a StatefulSet
                // created again adopts or replaces them as after any DELETE and POST.
                client.resource(object).inNamespace(namespace).withPropagationPolicy(DeletionPropagation.BACKGROUND)
                        .delete();
            } catch (KubernetesClientException e) {
                throw KubernetesFailures.translate("clean-up of " + ObjectRef.of(object) + " (an abandoned create)", e);
            }
        }
    }

    private RuntimeException translateCreate(String step, HasMetadata object, KubernetesClientException e) {
        if (e.getCode() == 409) {
            // Someone took the name between our look-up and our create.
            return new ObjectConflictException(ObjectRef.of(object), false,
                    ObjectRef.of(object) + " already exists in the namespace");
        }
        return KubernetesFailures.translate(step, e);
    }

    private ObjectConflictException conflict(String namespace, HasMetadata existing) {
        boolean managed = ManagedLabels.isManaged(existing);
        String owner = managed
                ? "it belongs to the app \"" + ManagedLabels.appName(existing) + "\" managed by this service"
                : "it is not managed by this service";
        return new ObjectConflictException(ObjectRef.of(existing), managed,
                ObjectRef.of(existing) + " already exists in namespace \"" + namespace + "\" (" + owner
                        + "); choose another name");
    }

    private PartialWriteException rollBack(String namespace, String step, List<HasMetadata> created,
            Optional<Set<String>> claimsBefore, RuntimeException failure) {
        List<String> undone = new ArrayList<>();
        List<String> leftBehind = new ArrayList<>();
        for (int i = created.size() - 1; i >= 0; i--) {
            HasMetadata object = created.get(i);
            try {
                if (new OwnObjectDeletion(client).delete(namespace, object) == OwnObjectDeletion.Outcome.REPLACED) {
                    // another request's now (it took this one for abandoned): not ours to undo
                    LOG.warnf("Not rolling back %s in %s: replaced by another request meanwhile", ObjectRef.of(object),
                            namespace);
                    continue;
                }
                undone.add(ObjectRef.of(object));
                if (object instanceof StatefulSet set && claimsBefore.isPresent()) {
                    FreshClaims.Removal claims = new FreshClaims(client).remove(namespace, set, claimsBefore.get());
                    undone.addAll(claims.removed());
                    leftBehind.addAll(claims.left());
                }
            } catch (KubernetesClientException e) {
                LOG.warnf(e, "Could not roll back %s in %s", ObjectRef.of(object), namespace);
                leftBehind.add(ObjectRef.of(object));
            }
        }
        return new PartialWriteException(step, undone, leftBehind, failure);
    }
}
