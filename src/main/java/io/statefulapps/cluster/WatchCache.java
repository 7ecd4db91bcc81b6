package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.statefulapps.config.ServedNamespaces;
import io.statefulapps.config.WatchConfig;
import io.statefulapps.live.AppKey;
import io.statefulapps.live.CachedApp;
import io.statefulapps.live.LiveApp;
import io.statefulapps.live.LiveAppAssembler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The service's view of the cluster (see {@link CacheInformers} for what it holds): an app is
 * assembled from memory with no API call, and every change is routed to the app it concerns.
 */
@ApplicationScoped
public class WatchCache {

    private final KubernetesClient client;
    private final ServedNamespaces served;
    private final WatchConfig config;
    private final List<AppChangeRouter.Listener> listeners = new ArrayList<>();
    private volatile boolean syncedOnce;
    private volatile CacheInformers informers;
    private CachedAppAssembler assembler;

    public WatchCache(KubernetesClient client, ServedNamespaces served, WatchConfig config) {
        this.client = client;
        this.served = served;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (informers != null) {
            informers.stop();
        }
    }

    synchronized void start() {
        if (informers != null) {
            return;
        }
        CacheInformers created = new CacheInformers(client, served.only().orElse(null), config.listPageSize());
        assembler = new CachedAppAssembler(created);
        informers = created;
        listeners.forEach(this::wire);
        created.start();
    }

    /**
     * Tells the listener which app each change of the cluster concerns, from the first list on
     * (existing objects arrive as additions).
     */
    synchronized void addAppListener(AppChangeRouter.Listener listener) {
        listeners.add(listener);
        if (informers != null) {
            wire(listener);
        }
    }

    private void wire(AppChangeRouter.Listener listener) {
        AppChangeRouter router = new AppChangeRouter(listener);
        CacheInformers watched = informers;
        router.routeManaged(watched.store(watched.statefulSets));
        router.routeManaged(watched.store(watched.services));
        router.routeManaged(watched.store(watched.pods));
        router.routeManaged(watched.store(watched.claims));
        router.routeVolumes(watched.store(watched.volumes), watched.claims);
        router.routeSlices(watched.store(watched.slices), watched.services);
        router.routeEvents(watched.store(watched.events), Map.of("StatefulSet", watched.statefulSets, "Service",
                watched.services, "Pod", watched.pods, "PersistentVolumeClaim", watched.claims));
        router.routeNodes(watched.store(watched.nodes), watched.podsByNode);
        router.routeToAll(watched.store(watched.storageClasses));
    }

    /** The informers and their indexes, null before {@link #start}. */
    CacheInformers cacheInformers() {
        return informers;
    }

    /** Runs {@code beat} at each change the watches deliver, on the informer's thread (for metrics). */
    void onEveryChange(Runnable beat) {
        CacheInformers current = informers;
        if (current != null) {
            current.onEveryChange(beat);
        }
    }

    /** The informers, for metrics. */
    List<SharedIndexInformer<?>> informers() {
        return informers == null ? List.of() : informers.all();
    }

    /** How many objects the cache holds of an informer's kind, for metrics. */
    int size(SharedIndexInformer<?> informer) {
        CacheInformers current = informers;
        return current == null ? 0 : current.size(informer);
    }

    /**
     * Every informer has listed once; until then reads cannot be trusted. Once true it stays true
     * (an informer that lost its watch keeps what it listed), so it is remembered: every read asks.
     */
    public boolean synced() {
        if (syncedOnce) {
            return true;
        }
        List<SharedIndexInformer<?>> all = informers();
        for (SharedIndexInformer<?> informer : all) {
            if (!informer.hasSynced()) {
                return false;
            }
        }
        syncedOnce = !all.isEmpty();
        return syncedOnce;
    }

    /** Every informer is watching now; false while one is re-listing after losing its watch. */
    public boolean watching() {
        List<SharedIndexInformer<?>> all = informers();
        return !all.isEmpty() && all.stream().allMatch(SharedIndexInformer::isWatching);
    }

    /** The informers not yet synced or not watching, for the readiness check. */
    public List<String> lagging() {
        return informers().stream().filter(i -> !i.hasSynced() || !i.isWatching())
                .map(i -> i.getApiTypeClass().getSimpleName()).toList();
    }

    public Optional<CachedApp> app(String namespace, String name) {
        if (informers == null) {
            return Optional.empty();
        }
        String key = Cache.namespaceKeyFunc(namespace, name);
        List<StatefulSet> sets = informers.statefulSetsByApp.objects(key);
        List<Service> services = informers.servicesByApp.objects(key);
        if (sets.isEmpty() && services.isEmpty()) {
            return Optional.empty();
        }
        LiveApp trio = LiveAppAssembler.assemble(namespace, name, sets.isEmpty() ? null : sets.get(0), services);
        return Optional.of(complete(trio));
    }

    /** Whether the cache holds the app's StatefulSet or one of its Services (cheaper than {@link #app}). */
    boolean knows(String namespace, String name) {
        CacheInformers current = informers;
        String key = Cache.namespaceKeyFunc(namespace, name);
        return current != null && (!current.statefulSetsByApp.objects(key).isEmpty()
                || !current.servicesByApp.objects(key).isEmpty());
    }

    /** The names of an app's claims as the cache holds them; empty until the first sync (then ask the API). */
    public Optional<Set<String>> claimNames(String namespace, String app) {
        CacheInformers current = informers;
        if (current == null || !synced()) {
            return Optional.empty();
        }
        Set<String> names = new HashSet<>();
        current.claimsByApp.objects(Cache.namespaceKeyFunc(namespace, app))
                .forEach(claim -> names.add(claim.getMetadata().getName()));
        return Optional.of(names);
    }

    /** Fills in pods, claims, volumes, slices, events and nodes of a trio (from the cache or read live). */
    public CachedApp complete(LiveApp trio) {
        start();
        return assembler.assemble(trio, synced());
    }

    /** Every app the cache knows of, in any namespace. */
    public Set<AppKey> allApps() {
        if (informers == null) {
            return Set.of();
        }
        Set<AppKey> apps = new HashSet<>();
        Stream.concat(informers.statefulSets.getStore().list().stream(), informers.services.getStore().list().stream())
                .map(AppChangeRouter::appOf).flatMap(Optional::stream).forEach(apps::add);
        return apps;
    }
}
