package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.statefulapps.health.NodeInfo;
import io.statefulapps.kubernetes.WellKnownLabels;
import io.statefulapps.live.AppKey;
import io.statefulapps.render.ManagedLabels;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Tells which app an informer event concerns, so that only that app's report is computed again.
 * Objects of ours carry the app in their labels; a volume is the app's through its claim, an
 * EndpointSlice through its Service, an event through the object it is about. Hears the changes
 * from the cache's stores as they are stored, on the informers' threads: lookups only, no API call.
 */
final class AppChangeRouter {

    /** Hears which apps changed. */
    interface Listener {

        void changed(AppKey app);

        /** Something every app may depend on changed (a StorageClass). */
        void everythingChanged();
    }

    private final Consumer<AppKey> changed;
    private final Runnable everything;

    AppChangeRouter(Listener listener) {
        this.changed = listener::changed;
        this.everything = listener::everythingChanged;
    }

    /** For the StatefulSets, Services, pods and claims we manage: the app is in their labels. */
    <T extends HasMetadata> void routeManaged(TrimmingItemStore<T> objects) {
        route(objects, object -> appOf(object));
    }

    void routeVolumes(TrimmingItemStore<PersistentVolume> volumes, SharedIndexInformer<? extends HasMetadata> claims) {
        route(volumes, volume -> {
            ObjectReference claim = volume.getSpec() == null ? null : volume.getSpec().getClaimRef();
            return claim == null ? Optional.empty() : owner(claims, claim.getNamespace(), claim.getName());
        });
    }

    void routeSlices(TrimmingItemStore<EndpointSlice> slices, SharedIndexInformer<? extends HasMetadata> services) {
        route(slices, slice -> owner(services, slice.getMetadata().getNamespace(),
                labels(slice).get(WellKnownLabels.SERVICE_NAME)));
    }

    /** @param involved the informers of the kinds an event may be about, by kind */
    void routeEvents(TrimmingItemStore<Event> events,
            Map<String, SharedIndexInformer<? extends HasMetadata>> involved) {
        route(events, event -> {
            ObjectReference about = event.getInvolvedObject();
            SharedIndexInformer<? extends HasMetadata> informer = about == null ? null : involved.get(about.getKind());
            if (informer == null) {
                return Optional.empty();
            }
            String namespace = about.getNamespace() != null ? about.getNamespace() : event.getMetadata().getNamespace();
            return owner(informer, namespace, about.getName());
        });
    }

    /**
     * A node's change concerns the apps with a pod on it, when it changes what the health rules
     * read of a node (its Ready condition): not at each of its heartbeats.
     */
    void routeNodes(TrimmingItemStore<Node> nodes, KeyIndex<Pod> podsByNode) {
        nodes.listen((before, after) -> {
            if (before == null || after == null || !NodeInfo.of(before).equals(NodeInfo.of(after))) {
                podsOn(after == null ? before : after, podsByNode);
            }
        });
    }

    private void podsOn(Node node, KeyIndex<Pod> podsByNode) {
        podsByNode.objects(node.getMetadata().getName()).stream()
                .map(AppChangeRouter::appOf).flatMap(Optional::stream).distinct().forEach(changed);
    }

    /** A change every app may depend on (a StorageClass): each is computed again. */
    <T extends HasMetadata> void routeToAll(TrimmingItemStore<T> objects) {
        objects.listen((before, after) -> everything.run());
    }

    private <T extends HasMetadata> void route(TrimmingItemStore<T> objects, Function<T, Optional<AppKey>> appOf) {
        objects.listen((before, after) -> {
            // A claim can move to another volume, a slice to another Service: both apps hear of it.
            Optional<AppKey> was = before == null ? Optional.empty() : appOf.apply(before);
            Optional<AppKey> is = after == null ? Optional.empty() : appOf.apply(after);
            was.ifPresent(changed);
            is.filter(key -> !is.equals(was)).ifPresent(changed);
        });
    }

    private static Optional<AppKey> owner(SharedIndexInformer<? extends HasMetadata> informer, String namespace,
            String name) {
        if (namespace == null || name == null) {
            return Optional.empty();
        }
        HasMetadata object = informer.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name));
        return object == null ? Optional.empty() : appOf(object);
    }

    static Optional<AppKey> appOf(HasMetadata object) {
        if (object == null || object.getMetadata() == null || !ManagedLabels.isManaged(object)) {
            return Optional.empty();
        }
        String app = ManagedLabels.appName(object);
        String namespace = object.getMetadata().getNamespace();
        return app == null || namespace == null ? Optional.empty() : Optional.of(new AppKey(namespace, app));
    }

    private static Map<String, String> labels(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }
}
