package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.statefulapps.kubernetes.WellKnownLabels;
import io.statefulapps.live.AppKey;
import io.statefulapps.live.CachedApp;
import io.statefulapps.live.LiveApp;
import io.statefulapps.live.LiveAppAssembler;
import io.statefulapps.render.ManagedLabels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The service's view of the cluster: one informer per kind, indexed by app, so a read assembles an
 * app from memory with no API call. Objects the service manages are selected by label where the
 * API allows it; PVs, EndpointSlices, events and StorageClasses carry no label of ours.
 */
@ApplicationScoped
public class WatchCache {

    private static final Logger LOG = Logger.getLogger(WatchCache.class);
    static final String BY_APP = "app";
    static final String BY_SERVICE = "service";
    static final String BY_OBJECT = "object";

    private static final long FAILURE_LOG_INTERVAL_NANOS = 60_000_000_000L;

    private final KubernetesClient client;
    private final List<SharedIndexInformer<?>> all = new ArrayList<>();
    private final Map<String, Long> lastFailureLog = new java.util.concurrent.ConcurrentHashMap<>();
    private SharedIndexInformer<StatefulSet> statefulSets;
    private SharedIndexInformer<Service> services;
    private SharedIndexInformer<Pod> pods;
    private SharedIndexInformer<PersistentVolumeClaim> claims;
    private SharedIndexInformer<PersistentVolume> volumes;
    private SharedIndexInformer<EndpointSlice> slices;
    private SharedIndexInformer<Event> events;
    private SharedIndexInformer<StorageClass> storageClasses;
    private final List<AppChangeRouter.Listener> listeners = new ArrayList<>();

    public WatchCache(KubernetesClient client) {
        this.client = client;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        all.forEach(SharedIndexInformer::stop);
    }

    synchronized void start() {
        if (!all.isEmpty()) {
            return;
        }
        statefulSets = managed(client.apps().statefulSets().inAnyNamespace()
                .withLabel(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGED_BY_VALUE)
                .runnableInformer(0));
        services = managed(client.services().inAnyNamespace()
                .withLabel(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGED_BY_VALUE)
                .runnableInformer(0));
        pods = managed(client.pods().inAnyNamespace()
                .withLabel(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGED_BY_VALUE)
                .runnableInformer(0));
        claims = managed(client.persistentVolumeClaims().inAnyNamespace()
                .withLabel(ManagedLabels.MANAGED_BY, ManagedLabels.MANAGED_BY_VALUE)
                .runnableInformer(0));
        volumes = register(client.persistentVolumes().runnableInformer(0));
        slices = register(client.discovery().v1().endpointSlices().inAnyNamespace().runnableInformer(0));
        slices.addIndexers(Map.of(BY_SERVICE, slice -> List.of(Cache.namespaceKeyFunc(
                slice.getMetadata().getNamespace(),
                String.valueOf(labels(slice).get(WellKnownLabels.SERVICE_NAME))))));
        events = register(client.v1().events().inAnyNamespace().runnableInformer(0));
        events.addIndexers(Map.of(BY_OBJECT, WatchCache::warningEventKey));
        storageClasses = register(client.storage().v1().storageClasses().runnableInformer(0));
        listeners.forEach(this::wire);
        all.forEach(informer -> informer.start().whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warnf("Watch of %s could not start yet: %s", informer.getApiTypeClass().getSimpleName(),
                        error.getMessage());
            }
        }));
    }

    /**
     * Tells the listener which app each change of the cluster concerns, from the first list on
     * (existing objects arrive as additions).
     */
    synchronized void addAppListener(AppChangeRouter.Listener listener) {
        listeners.add(listener);
        if (!all.isEmpty()) {
            wire(listener);
        }
    }

    private void wire(AppChangeRouter.Listener listener) {
        AppChangeRouter router = new AppChangeRouter(listener);
        router.routeManaged(statefulSets);
        router.routeManaged(services);
        router.routeManaged(pods);
        router.routeManaged(claims);
        router.routeVolumes(volumes, claims);
        router.routeSlices(slices, services);
        router.routeEvents(events, Map.of("StatefulSet", statefulSets, "Service", services, "Pod", pods,
                "PersistentVolumeClaim", claims));
        router.routeToAll(storageClasses);
    }

    private <T extends HasMetadata> SharedIndexInformer<T> managed(SharedIndexInformer<T> informer) {
        register(informer);
        informer.addIndexers(Map.of(BY_APP, object -> List.of(appKey(object))));
        return informer;
    }

    private <T extends HasMetadata> SharedIndexInformer<T> register(SharedIndexInformer<T> informer) {
        informer.itemStore(new TrimmingItemStore<>());
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

    /** The informers, for metrics. */
    List<SharedIndexInformer<?>> informers() {
        return List.copyOf(all);
    }

    /** Every informer has listed once; until then reads cannot be trusted. */
    public boolean synced() {
        return !all.isEmpty() && all.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    /** Every informer is watching now; false while one is re-listing after losing its watch. */
    public boolean watching() {
        return !all.isEmpty() && all.stream().allMatch(SharedIndexInformer::isWatching);
    }

    /** The informers not yet synced or not watching, for the readiness check. */
    public List<String> lagging() {
        return all.stream().filter(i -> !i.hasSynced() || !i.isWatching())
                .map(i -> i.getApiTypeClass().getSimpleName()).toList();
    }

    public Optional<CachedApp> app(String namespace, String name) {
        String key = Cache.namespaceKeyFunc(namespace, name);
        List<StatefulSet> sets = byApp(statefulSets, key);
        List<Service> svcs = byApp(services, key);
        if (sets.isEmpty() && svcs.isEmpty()) {
            return Optional.empty();
        }
        LiveApp trio = LiveAppAssembler.assemble(namespace, name, sets.isEmpty() ? null : sets.get(0), svcs);
        return Optional.of(complete(trio));
    }

    /** Fills in pods, claims, volumes, slices and events of a trio (from the cache or read live). */
    public CachedApp complete(LiveApp trio) {
        String key = Cache.namespaceKeyFunc(trio.namespace(), trio.name());
        List<Pod> appPods = sorted(byApp(pods, key));
        List<PersistentVolumeClaim> appClaims = sorted(byApp(claims, key));
        Map<String, PersistentVolume> appVolumes = new HashMap<>();
        for (PersistentVolumeClaim claim : appClaims) {
            String volumeName = claim.getSpec() == null ? null : claim.getSpec().getVolumeName();
            if (volumeName != null && volumes != null) {
                PersistentVolume volume = volumes.getStore().getByKey(volumeName);
                if (volume != null) {
                    appVolumes.put(volumeName, volume);
                }
            }
        }
        List<EndpointSlice> appSlices = new ArrayList<>();
        Stream.of(trio.headlessService(), trio.clientService()).filter(s -> s != null)
                .forEach(s -> appSlices.addAll(slices.getIndexer().byIndex(BY_SERVICE,
                        Cache.namespaceKeyFunc(trio.namespace(), s.getMetadata().getName()))));
        List<Event> appEvents = new ArrayList<>();
        List<String> involved = new ArrayList<>();
        involved.add(trio.name());
        Stream.of(trio.headlessService(), trio.clientService()).filter(s -> s != null)
                .forEach(s -> involved.add(s.getMetadata().getName()));
        appPods.forEach(p -> involved.add(p.getMetadata().getName()));
        appClaims.forEach(c -> involved.add(c.getMetadata().getName()));
        for (String objectName : new TreeSet<>(involved)) {
            appEvents.addAll(events.getIndexer().byIndex(BY_OBJECT,
                    Cache.namespaceKeyFunc(trio.namespace(), objectName)));
        }
        return new CachedApp(trio, appPods, appClaims, appVolumes, appSlices, appEvents,
                storageClasses.getStore().list(), synced());
    }

    /** Every app the cache knows of, in any namespace. */
    public Set<AppKey> allApps() {
        Set<AppKey> apps = new HashSet<>();
        Stream.concat(statefulSets.getStore().list().stream(), services.getStore().list().stream())
                .map(AppChangeRouter::appOf).flatMap(Optional::stream).forEach(apps::add);
        return apps;
    }

    /** The names of the apps in a namespace, sorted. */
    public List<String> appNames(String namespace) {
        TreeSet<String> names = new TreeSet<>();
        Function<HasMetadata, String> instance = o -> labels(o).get(ManagedLabels.INSTANCE);
        Stream.concat(statefulSets.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream(),
                services.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream())
                .map(instance).filter(n -> n != null).forEach(names::add);
        return List.copyOf(names);
    }

    private static <T> List<T> byApp(SharedIndexInformer<T> informer, String key) {
        return informer == null ? List.of() : informer.getIndexer().byIndex(BY_APP, key);
    }

    private static <T extends HasMetadata> List<T> sorted(List<T> objects) {
        List<T> copy = new ArrayList<>(objects);
        copy.sort(Comparator.comparing(o -> o.getMetadata().getName()));
        return copy;
    }

    private static String appKey(HasMetadata object) {
        return Cache.namespaceKeyFunc(object.getMetadata().getNamespace(), labels(object).get(ManagedLabels.INSTANCE));
    }

    private static List<String> warningEventKey(Event event) {
        if (!"Warning".equals(event.getType()) || event.getInvolvedObject() == null) {
            return List.of();
        }
        String namespace = event.getInvolvedObject().getNamespace() != null
                ? event.getInvolvedObject().getNamespace()
                : event.getMetadata().getNamespace();
        return List.of(Cache.namespaceKeyFunc(namespace, event.getInvolvedObject().getName()));
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Map<String, String> labels(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }
}
