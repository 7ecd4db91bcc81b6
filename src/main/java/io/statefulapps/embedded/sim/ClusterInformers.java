package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.statefulapps.kubernetes.LabelSelectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's watch informers (all namespaces). Controllers read only from here, so a tick costs
 * the API server nothing; they write through the client.
 */
final class ClusterInformers implements AutoCloseable {

    final SharedIndexInformer<StatefulSet> statefulSets;
    final SharedIndexInformer<ControllerRevision> revisions;
    final SharedIndexInformer<Pod> pods;
    final SharedIndexInformer<PersistentVolumeClaim> claims;
    final SharedIndexInformer<PersistentVolume> volumes;
    final SharedIndexInformer<Service> services;
    final SharedIndexInformer<EndpointSlice> endpointSlices;
    final SharedIndexInformer<StorageClass> storageClasses;
    final SharedIndexInformer<Node> nodes;
    private final List<SharedIndexInformer<?>> all = new ArrayList<>();
    /** Pods by the uid of their controller, so a set finds its pods without scanning a namespace. */
    static final String OWNER_INDEX = "controller-uid";
    /** Pods by each "namespace/key=value" label pair, so a selector starts from a short candidate list. */
    static final String LABEL_INDEX = "label";

    ClusterInformers(KubernetesClient client) {
        statefulSets = add(client.apps().statefulSets().inAnyNamespace().inform());
        revisions = add(client.apps().controllerRevisions().inAnyNamespace().inform());
        pods = add(client.pods().inAnyNamespace().withIndexers(Map.of(OWNER_INDEX, ClusterInformers::controllerUid,
                LABEL_INDEX, ClusterInformers::labelPairs)).inform());
        claims = add(client.persistentVolumeClaims().inAnyNamespace().inform());
        volumes = add(client.persistentVolumes().inform());
        services = add(client.services().inAnyNamespace().inform());
        endpointSlices = add(client.discovery().v1().endpointSlices().inAnyNamespace()
                .withIndexers(Map.of(OWNER_INDEX, ClusterInformers::controllerUid)).inform());
        storageClasses = add(client.storage().v1().storageClasses().inform());
        nodes = add(client.nodes().inform());
    }

    private <T> SharedIndexInformer<T> add(SharedIndexInformer<T> informer) {
        all.add(informer);
        return informer;
    }

    private static List<String> controllerUid(HasMetadata obj) {
        return obj.getMetadata().getOwnerReferences().stream().filter(r -> Boolean.TRUE.equals(r.getController()))
                .map(r -> r.getUid()).toList();
    }

    private static List<String> labelPairs(HasMetadata obj) {
        return obj.getMetadata().getLabels().entrySet().stream()
                .map(e -> obj.getMetadata().getNamespace() + "/" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** The pods of a namespace whose labels match an equality selector (non-empty). */
    List<Pod> podsMatching(String namespace, Map<String, String> selector) {
        List<Pod> smallest = null;
        for (Map.Entry<String, String> e : selector.entrySet()) {
            List<Pod> candidates = pods.getIndexer().byIndex(LABEL_INDEX, namespace + "/" + e.getKey() + "=" + e.getValue());
            if (smallest == null || candidates.size() < smallest.size()) {
                smallest = candidates;
            }
        }
        return smallest == null ? List.of() : smallest.stream()
                .filter(p -> LabelSelectors.matches(selector, p.getMetadata().getLabels())).toList();
    }

    List<EndpointSlice> slicesControlledBy(HasMetadata owner) {
        return endpointSlices.getIndexer().byIndex(OWNER_INDEX, owner.getMetadata().getUid());
    }

    List<Pod> podsControlledBy(HasMetadata owner) {
        return pods.getIndexer().byIndex(OWNER_INDEX, owner.getMetadata().getUid());
    }

    static <T extends HasMetadata> List<T> inNamespace(SharedIndexInformer<T> informer, String namespace) {
        return informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
    }

    static <T extends HasMetadata> Optional<T> get(SharedIndexInformer<T> informer, String namespace, String name) {
        String key = namespace == null ? name : namespace + "/" + name;
        return Optional.ofNullable(informer.getIndexer().getByKey(key));
    }

    @Override
    public void close() {
        all.forEach(SharedIndexInformer::close);
    }
}
