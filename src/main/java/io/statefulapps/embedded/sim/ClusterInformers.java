package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.statefulapps.kubernetes.LabelSelectors;
import io.statefulapps.kubernetes.WellKnownLabels;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The simulator's view of the cluster: one informer per kind it reads (all namespaces), the
 * indexes its controllers look things up by, and the change notifications that drive them.
 * Controllers read only from here, so looking costs the API server nothing; they write through
 * {@link ClusterWriter}, whose writes {@link #get} shows until the informers have caught up.
 */
final class ClusterInformers implements AutoCloseable {

    /** Objects by the uid of their controller. */
    static final String BY_OWNER = "controller-uid";
    /** Pods, claims and revisions by each "namespace/key=value" label pair. */
    static final String BY_LABEL = "label";
    /** Pods by the node they are bound to. */
    static final String BY_NODE = "node";
    /** Pods by each "namespace/claim" they mount. */
    static final String BY_CLAIM = "claim";
    /** EndpointSlices by "namespace/service". */
    static final String BY_SERVICE = "service";

    final SharedIndexInformer<StatefulSet> statefulSets;
    final SharedIndexInformer<ControllerRevision> revisions;
    final SharedIndexInformer<Pod> pods;
    final SharedIndexInformer<PersistentVolumeClaim> claims;
    final SharedIndexInformer<PersistentVolume> volumes;
    final SharedIndexInformer<Service> services;
    final SharedIndexInformer<EndpointSlice> endpointSlices;
    final SharedIndexInformer<StorageClass> storageClasses;
    final SharedIndexInformer<Node> nodes;
    /** Services by their selector, for "which Services select this pod". */
    final SelectorIndex serviceSelectors = new SelectorIndex();
    /** StatefulSets by their selector, for "which set may adopt this pod". */
    final SelectorIndex statefulSetSelectors = new SelectorIndex();

    private final Map<SharedIndexInformer<?>, ChangeDispatcher<?>> dispatchers = new IdentityHashMap<>();
    private final UnseenWrites unseen;

    /** @param ledger keep the versions the controllers were told about, for a test driver */
    ClusterInformers(KubernetesClient client, UnseenWrites unseen, boolean ledger) {
        this.unseen = unseen;
        statefulSets = add(client.apps().statefulSets().inAnyNamespace().runnableInformer(0), ledger,
                Map.of());
        revisions = add(client.apps().controllerRevisions().inAnyNamespace().runnableInformer(0), ledger,
                Map.of(BY_OWNER, ClusterInformers::controllerUid, BY_LABEL, ClusterInformers::labelPairs));
        pods = add(client.pods().inAnyNamespace().runnableInformer(0), ledger, Map.of(
                BY_OWNER, ClusterInformers::controllerUid, BY_LABEL, ClusterInformers::labelPairs,
                BY_NODE, ClusterInformers::nodeName, BY_CLAIM, ClusterInformers::claimNames));
        claims = add(client.persistentVolumeClaims().inAnyNamespace().runnableInformer(0), ledger,
                Map.of(BY_LABEL, ClusterInformers::labelPairs));
        volumes = add(client.persistentVolumes().runnableInformer(0), ledger, Map.of());
        services = add(client.services().inAnyNamespace().runnableInformer(0), ledger, Map.of());
        endpointSlices = add(client.discovery().v1().endpointSlices().inAnyNamespace().runnableInformer(0), ledger,
                Map.of(BY_SERVICE, ClusterInformers::serviceOfSlice));
        storageClasses = add(client.storage().v1().storageClasses().runnableInformer(0), ledger, Map.of());
        nodes = add(client.nodes().runnableInformer(0), ledger, Map.of());
        onChange(services, (before, after) -> {
            Service svc = after != null ? after : before;
            if (after == null) {
                serviceSelectors.remove(keyOf(svc));
            } else {
                serviceSelectors.put(keyOf(svc), svc.getMetadata().getNamespace(), svc.getSpec().getSelector());
            }
        });
        onChange(statefulSets, (before, after) -> {
            StatefulSet sts = after != null ? after : before;
            var selector = after == null || sts.getSpec().getSelector() == null ? null
                    : sts.getSpec().getSelector().getMatchLabels();
            statefulSetSelectors.put(keyOf(sts), sts.getMetadata().getNamespace(), selector);
        });
    }

    private <T extends HasMetadata> SharedIndexInformer<T> add(SharedIndexInformer<T> informer, boolean ledger,
            Map<String, Function<T, List<String>>> indexers) {
        if (!indexers.isEmpty()) {
            informer.addIndexers(indexers);
        }
        ChangeDispatcher<T> dispatcher = new ChangeDispatcher<>(informer, unseen, ledger);
        informer.addEventHandler(dispatcher);
        dispatchers.put(informer, dispatcher);
        return informer;
    }

    /**
     * Tells the listener of every change of that kind: {@code before} null for an addition,
     * {@code after} null for a deletion.
     */
    @SuppressWarnings("unchecked")
    <T extends HasMetadata> void onChange(SharedIndexInformer<T> informer, ChangeDispatcher.Listener<T> listener) {
        ((ChangeDispatcher<T>) dispatcher(informer)).listen(listener);
    }

    /** Starts every informer and waits until each has its first list (listeners are told of it all). */
    void start() {
        CompletableFuture<?>[] synced = dispatchers.values().stream()
                .map(d -> d.informer().start().toCompletableFuture()).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(synced).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the simulator's informers synced", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the simulator's informers did not sync", e);
        }
    }

    /** The object with that name: our own later write of it if the informer has not shown that yet. */
    <T extends HasMetadata> Optional<T> get(SharedIndexInformer<T> informer, String namespace, String name) {
        T cached = informer.getIndexer().getByKey(namespace == null ? name : namespace + "/" + name);
        String kind = dispatcher(informer).kind();
        return Optional.ofNullable(kind == null ? cached : unseen.fresher(kind, namespace, name, cached));
    }

    /** The object with that key ({@code namespace/name}, or a name): see {@link #get}. */
    <T extends HasMetadata> Optional<T> get(SharedIndexInformer<T> informer, String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? get(informer, null, key) : get(informer, key.substring(0, slash), key.substring(slash + 1));
    }

    /** The pods of a namespace whose labels match an equality selector (non-empty). */
    List<Pod> podsMatching(String namespace, Map<String, String> selector) {
        return matching(pods, namespace, selector);
    }

    /** The claims of a namespace whose labels match an equality selector (non-empty). */
    List<PersistentVolumeClaim> claimsMatching(String namespace, Map<String, String> selector) {
        return matching(claims, namespace, selector);
    }

    /** The ControllerRevisions of a namespace whose labels match an equality selector (non-empty). */
    List<ControllerRevision> revisionsMatching(String namespace, Map<String, String> selector) {
        return matching(revisions, namespace, selector);
    }

    private static <T extends HasMetadata> List<T> matching(SharedIndexInformer<T> informer, String namespace,
            Map<String, String> selector) {
        List<T> smallest = null;
        for (Map.Entry<String, String> e : selector.entrySet()) {
            List<T> candidates = informer.getIndexer().byIndex(BY_LABEL,
                    namespace + "/" + e.getKey() + "=" + e.getValue());
            if (smallest == null || candidates.size() < smallest.size()) {
                smallest = candidates;
            }
        }
        return smallest == null ? List.of() : smallest.stream()
                .filter(o -> LabelSelectors.matches(selector, o.getMetadata().getLabels())).toList();
    }

    List<Pod> podsControlledBy(HasMetadata owner) {
        return pods.getIndexer().byIndex(BY_OWNER, owner.getMetadata().getUid());
    }

    List<ControllerRevision> revisionsControlledBy(HasMetadata owner) {
        return revisions.getIndexer().byIndex(BY_OWNER, owner.getMetadata().getUid());
    }

    List<Pod> podsOnNode(String node) {
        return pods.getIndexer().byIndex(BY_NODE, node);
    }

    List<Pod> podsMounting(String namespace, String claim) {
        return pods.getIndexer().byIndex(BY_CLAIM, namespace + "/" + claim);
    }

    List<EndpointSlice> slicesOfService(String namespace, String service) {
        return endpointSlices.getIndexer().byIndex(BY_SERVICE, namespace + "/" + service);
    }

    /** The uid and resourceVersion of every object the listeners of that informer were told about. */
    Map<String, String> toldVersions(SharedIndexInformer<?> informer) {
        return dispatcher(informer).ledger();
    }

    private ChangeDispatcher<?> dispatcher(SharedIndexInformer<?> informer) {
        return dispatchers.get(informer);
    }

    /** {@code namespace/name}, or the name of a cluster-scoped object: the key of the work queues. */
    static String keyOf(HasMetadata o) {
        String ns = o.getMetadata().getNamespace();
        return ns == null || ns.isEmpty() ? o.getMetadata().getName() : ns + "/" + o.getMetadata().getName();
    }

    private static List<String> controllerUid(HasMetadata obj) {
        return obj.getMetadata().getOwnerReferences().stream().filter(r -> Boolean.TRUE.equals(r.getController()))
                .map(r -> r.getUid()).toList();
    }

    private static List<String> labelPairs(HasMetadata obj) {
        String ns = obj.getMetadata().getNamespace();
        return obj.getMetadata().getLabels().entrySet().stream()
                .map(e -> ns + "/" + e.getKey() + "=" + e.getValue()).toList();
    }

    private static List<String> nodeName(Pod pod) {
        String node = pod.getSpec().getNodeName();
        return node == null || node.isEmpty() ? List.of() : List.of(node);
    }

    private static List<String> claimNames(Pod pod) {
        List<String> result = new ArrayList<>();
        for (Volume v : pod.getSpec().getVolumes()) {
            if (v.getPersistentVolumeClaim() != null) {
                result.add(pod.getMetadata().getNamespace() + "/" + v.getPersistentVolumeClaim().getClaimName());
            }
        }
        return result;
    }

    private static List<String> serviceOfSlice(EndpointSlice slice) {
        String service = slice.getMetadata().getLabels().get(WellKnownLabels.SERVICE_NAME);
        return service == null ? List.of() : List.of(slice.getMetadata().getNamespace() + "/" + service);
    }

    @Override
    public void close() {
        dispatchers.keySet().forEach(SharedIndexInformer::close);
    }
}
