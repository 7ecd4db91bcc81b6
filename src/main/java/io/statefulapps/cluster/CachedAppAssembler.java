package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.statefulapps.live.CachedApp;
import io.statefulapps.live.LiveApp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Gathers from the informers everything an app's health depends on: lookups by index, no API call. */
final class CachedAppAssembler {

    private final CacheInformers informers;

    CachedAppAssembler(CacheInformers informers) {
        this.informers = informers;
    }

    CachedApp assemble(LiveApp trio, boolean synced) {
        String key = Cache.namespaceKeyFunc(trio.namespace(), trio.name());
        List<Pod> pods = sorted(informers.podsByApp.objects(key));
        List<PersistentVolumeClaim> claims = sorted(informers.claimsByApp.objects(key));
        return new CachedApp(trio, pods, claims, volumesOf(claims), slicesOf(trio), eventsOf(trio, pods, claims),
                informers.storageClasses.getStore().list(), nodesOf(pods), synced);
    }

    private Map<String, PersistentVolume> volumesOf(List<PersistentVolumeClaim> claims) {
        Map<String, PersistentVolume> volumes = new HashMap<>();
        for (PersistentVolumeClaim claim : claims) {
            String name = claim.getSpec() == null ? null : claim.getSpec().getVolumeName();
            PersistentVolume volume = name == null ? null : informers.volumes.getStore().getByKey(name);
            if (volume != null) {
                volumes.put(name, volume);
            }
        }
        return volumes;
    }

    private List<EndpointSlice> slicesOf(LiveApp trio) {
        List<EndpointSlice> slices = new ArrayList<>();
        services(trio).forEach(s -> slices.addAll(informers.slicesByService.objects(
                Cache.namespaceKeyFunc(trio.namespace(), s.getMetadata().getName()))));
        return slices;
    }

    private List<Event> eventsOf(LiveApp trio, List<Pod> pods, List<PersistentVolumeClaim> claims) {
        TreeSet<String> involved = new TreeSet<>();
        involved.add(trio.name());
        services(trio).forEach(s -> involved.add(s.getMetadata().getName()));
        pods.forEach(p -> involved.add(p.getMetadata().getName()));
        claims.forEach(c -> involved.add(c.getMetadata().getName()));
        List<Event> events = new ArrayList<>();
        for (String name : involved) {
            events.addAll(informers.eventsByObject.objects(Cache.namespaceKeyFunc(trio.namespace(), name)));
        }
        return events;
    }

    /** The nodes the pods run on. */
    private Map<String, Node> nodesOf(List<Pod> pods) {
        Map<String, Node> nodes = new HashMap<>();
        pods.stream().map(p -> p.getSpec() == null ? null : p.getSpec().getNodeName()).filter(Objects::nonNull)
                .distinct().forEach(name -> {
                    Node node = informers.nodes.getStore().getByKey(name);
                    if (node != null) {
                        nodes.put(name, node);
                    }
                });
        return nodes;
    }

    private static Stream<Service> services(LiveApp trio) {
        return Stream.of(trio.headlessService(), trio.clientService()).filter(Objects::nonNull);
    }

    private static <T extends HasMetadata> List<T> sorted(List<T> objects) {
        List<T> copy = new ArrayList<>(objects);
        copy.sort(Comparator.comparing(o -> o.getMetadata().getName()));
        return copy;
    }
}
