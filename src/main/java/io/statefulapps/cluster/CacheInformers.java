package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.statefulapps.cluster.compaction.ObjectCompaction;
import io.statefulapps.kubernetes.WellKnownLabels;
import io.statefulapps.render.ManagedLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The informers of the watch cache, scoped to what the service manages or needs: our StatefulSets,
 * Services, pods and claims (by label, in the namespaces the service serves), the EndpointSlices of
 * our Services (they carry their Service's labels), Warning events only and of those only the ones
 * about our objects, the volumes bound to our claims, and the StorageClasses and nodes. So the
 * cache grows with our apps, not with the cluster.
 */
final class CacheInformers {

    private static final Logger LOG = Logger.getLogger(CacheInformers.class);
    private static final long FAILURE_LOG_INTERVAL_NANOS = 60_000_000_000L;
    private static final long OWNERS_POLL_MILLIS = 100;

    private final ObjectCompaction compaction = new ObjectCompaction();
    final KeyIndex<StatefulSet> statefulSetsByApp = new KeyIndex<>(this::appOf);
    final KeyIndex<Service> servicesByApp = new KeyIndex<>(this::appOf);
    final KeyIndex<Pod> podsByApp = new KeyIndex<>(this::appOf);
    final KeyIndex<Pod> podsByNode = new KeyIndex<>(pod -> pod.getSpec() == null ? null : pod.getSpec().getNodeName());
    final KeyIndex<PersistentVolumeClaim> claimsByApp = new KeyIndex<>(this::appOf);
    final KeyIndex<EndpointSlice> slicesByService = new KeyIndex<>(this::serviceOf);
    final KeyIndex<Event> eventsByObject = new KeyIndex<>(this::involvedKey);
    private final TrimmingItemStore<PersistentVolume> volumeStore = new TrimmingItemStore<>(
            volume -> !ownersListed() || boundToOurClaim(volume), compaction, List.of());
    private final TrimmingItemStore<Event> eventStore = new TrimmingItemStore<>(
            event -> !ownersListed() || aboutOurObject(event), compaction, List.of(eventsByObject));
    private volatile boolean stopped;

    final SharedIndexInformer<StatefulSet> statefulSets;
    final SharedIndexInformer<Service> services;
    final SharedIndexInformer<Pod> pods;
    final SharedIndexInformer<PersistentVolumeClaim> claims;
    final SharedIndexInformer<PersistentVolume> volumes;
    final SharedIndexInformer<EndpointSlice> slices;
    final SharedIndexInformer<Event> events;
    final SharedIndexInformer<StorageClass> storageClasses;
    final SharedIndexInformer<Node> nodes;
    private final List<SharedIndexInformer<?>> all = new ArrayList<>();
    private final Map<SharedIndexInformer<?>, TrimmingItemStore<?>> stores = new ConcurrentHashMap<>();
    private final Map<String, Long> lastFailureLog = new ConcurrentHashMap<>();

    private final long listPage;
    private final KubernetesSerialization serialization;

    /**
     * @param namespace the one namespace served, or null for all
     * @param listPage how many objects a list request asks for ({@code stateful-apps.watch.list-page-size})
     */
    CacheInformers(KubernetesClient client, String namespace, long listPage) {
        this.listPage = listPage;
        this.serialization = client.getKubernetesSerialization();
        statefulSets = register(ours(scoped(client.apps().statefulSets(), namespace)), everything(), statefulSetsByApp);
        services = register(ours(scoped(client.services(), namespace)), everything(), servicesByApp);
        pods = register(ours(scoped(client.pods(), namespace)), everything(), podsByApp, podsByNode);
        claims = register(ours(scoped(client.persistentVolumeClaims(), namespace)), everything(), claimsByApp);
        volumes = register(client.persistentVolumes().withLimit(listPage).runnableInformer(0), volumeStore);
        slices = register(ours(scoped(client.discovery().v1().endpointSlices(), namespace)), everything(), slicesByService);
        events = register(scoped(client.v1().events(), namespace).withField("type", "Warning").withLimit(listPage)
                .runnableInformer(0),
                eventStore);
        storageClasses = register(client.storage().v1().storageClasses().runnableInformer(0), everything());
        nodes = register(client.nodes().runnableInformer(0), everything());
    }

    /** The store of one of the informers. */
    @SuppressWarnings("unchecked")
    <T extends HasMetadata> TrimmingItemStore<T> store(SharedIndexInformer<T> informer) {
        return (TrimmingItemStore<T>) stores.get(informer);
    }

    /** Runs {@code beat} at each change of any kind, on the informer's thread. */
    void onEveryChange(Runnable beat) {
        stores.values().forEach(store -> store.listen((before, after) -> beat.run()));
    }

    /** How many objects the store of an informer holds. */
    int size(SharedIndexInformer<?> informer) {
        TrimmingItemStore<?> store = stores.get(informer);
        return store == null ? 0 : store.size();
    }

    List<SharedIndexInformer<?>> all() {
        return List.copyOf(all);
    }

    /**
     * Starts every watch at once. Volumes and events are kept only when they concern objects of
     * ours, which are not all known while ours are still listing: until then every volume and event
     * is kept, and those that are not ours are let go once ours have listed (their lists run side by
     * side instead of one after the other, which halves the time to ready with many apps).
     *
     * <p>Returns once every kind's JSON decoder is built (see {@link KindDecoders}), the lists
     * still running.
     */
    void start() {
        KindDecoders decoders = new KindDecoders(serialization, all.size());
        // Each list from its own thread: Vert.x gives every thread outside it one event loop for all
        // its requests, and Fabric8 parses a list's answer on that loop, so lists started from one
        // thread were parsed one after the other on one core while the other stayed idle.
        all.forEach(informer -> {
            Thread starter = new Thread(() -> {
                decoders.build(informer.getApiTypeClass());
                startLogged(informer);
            }, "watch-start-" + informer.getApiTypeClass().getSimpleName());
            starter.setDaemon(true);
            starter.start();
        });
        decoders.awaitAll();
        letGoOfOthersOnceOwnersListed();
    }

    /** The objects volumes and events may concern (claims; the trio, pods and claims) have listed once. */
    private boolean ownersListed() {
        return claims.hasSynced() && pods.hasSynced() && statefulSets.hasSynced() && services.hasSynced();
    }

    private void letGoOfOthersOnceOwnersListed() {
        if (stopped) {
            return;
        }
        if (!ownersListed()) {
            CompletableFuture.runAsync(this::letGoOfOthersOnceOwnersListed,
                    CompletableFuture.delayedExecutor(OWNERS_POLL_MILLIS, TimeUnit.MILLISECONDS));
            return;
        }
        volumeStore.retain(this::boundToOurClaim);
        eventStore.retain(this::aboutOurObject);
    }

    private static CompletableFuture<Void> startLogged(SharedIndexInformer<?> informer) {
        return informer.start().toCompletableFuture().whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warnf("Watch of %s could not start yet: %s", informer.getApiTypeClass().getSimpleName(),
                        error.getMessage());
            }
        });
    }

    void stop() {
        stopped = true;
        all.forEach(SharedIndexInformer::stop);
    }

    private static <T extends HasMetadata, L extends KubernetesResourceList<T>, R extends Resource<T>>
            FilterWatchListDeletable<T, L, R> scoped(MixedOperation<T, L, R> kind, String namespace) {
        return namespace == null ? kind.inAnyNamespace() : kind.inNamespace(namespace);
    }

    private <T extends HasMetadata, L extends KubernetesResourceList<T>, R extends Resource<T>>
            SharedIndexInformer<T> ours(FilterWatchListDeletable<T, L, R> objects) {
        return objects.withLabel(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGED_BY_VALUE).withLimit(listPage)
                .runnableInformer(0);
    }

    private static <T> Predicate<T> everything() {
        return object -> true;
    }

    @SafeVarargs
    private <T extends HasMetadata> SharedIndexInformer<T> register(SharedIndexInformer<T> informer,
            Predicate<T> keep, KeyIndex<T>... indexes) {
        return register(informer, new TrimmingItemStore<>(keep, compaction, List.of(indexes)));
    }

    private <T extends HasMetadata> SharedIndexInformer<T> register(SharedIndexInformer<T> informer,
            TrimmingItemStore<T> store) {
        // Our own indexes replace Fabric8's, and nothing looks objects up by namespace.
        informer.removeNamespaceIndex();
        informer.itemStore(store);
        stores.put(informer, store);
        // Keep watching whatever happens: a lost API server must not end the cache for good. Say so
        // once a minute per kind, not at every retry (the readiness check shows the rest).
        String kind = informer.getApiTypeClass().getSimpleName();
        informer.exceptionHandler((running, error) -> {
            long now = System.nanoTime();
            Long last = lastFailureLog.get(kind);
            if (last == null || now - last > FAILURE_LOG_INTERVAL_NANOS) {
                lastFailureLog.put(kind, now);
                LOG.warnf("Watch of %s failed, retrying: %s", kind, rootMessage(error));
            }
            return true;
        });
        all.add(informer);
        return informer;
    }

    /** A volume is ours while it is bound to (or reserved for) one of our claims. */
    private boolean boundToOurClaim(PersistentVolume volume) {
        var claim = volume.getSpec() == null ? null : volume.getSpec().getClaimRef();
        return claim != null && claims.getStore().getByKey(Cache.namespaceKeyFunc(claim.getNamespace(),
                claim.getName())) != null;
    }

    /** An event is worth keeping when it is about one of our objects (or one whose name says it is an app's). */
    private boolean aboutOurObject(Event event) {
        var about = event.getInvolvedObject();
        if (about == null || about.getName() == null) {
            return false;
        }
        String namespace = about.getNamespace() != null ? about.getNamespace() : event.getMetadata().getNamespace();
        String key = Cache.namespaceKeyFunc(namespace, about.getName());
        Optional<SharedIndexInformer<? extends HasMetadata>> informer = informerOf(about.getKind());
        return informer.isPresent() && informer.get().getStore().getByKey(key) != null;
    }

    Optional<SharedIndexInformer<? extends HasMetadata>> informerOf(String kind) {
        if (kind == null) {
            return Optional.empty();
        }
        return switch (kind) {
            case "StatefulSet" -> Optional.of(statefulSets);
            case "Service" -> Optional.of(services);
            case "Pod" -> Optional.of(pods);
            case "PersistentVolumeClaim" -> Optional.of(claims);
            default -> Optional.empty();
        };
    }

    /** The app an object of ours belongs to, as {@code namespace/app}; null without the app label. */
    private String appOf(HasMetadata object) {
        String app = labels(object).get(ManagedLabels.INSTANCE);
        return app == null ? null : compaction.shared(Cache.namespaceKeyFunc(object.getMetadata().getNamespace(), app));
    }

    /** The Service a slice serves, as {@code namespace/name}. */
    private String serviceOf(EndpointSlice slice) {
        String service = labels(slice).get(WellKnownLabels.SERVICE_NAME);
        return service == null ? null
                : compaction.shared(Cache.namespaceKeyFunc(slice.getMetadata().getNamespace(), service));
    }

    /** The object an event is about, as {@code namespace/name}. */
    private String involvedKey(Event event) {
        if (event.getInvolvedObject() == null || event.getInvolvedObject().getName() == null) {
            return null;
        }
        String namespace = event.getInvolvedObject().getNamespace() != null
                ? event.getInvolvedObject().getNamespace()
                : event.getMetadata().getNamespace();
        return compaction.shared(Cache.namespaceKeyFunc(namespace, event.getInvolvedObject().getName()));
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static Map<String, String> labels(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }
}
