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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simulator's watch caches (all namespaces). Controllers read only from here, so a tick costs
 * the API server nothing; they write through the client.
 */
final class Caches implements AutoCloseable {

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

  Caches(KubernetesClient client) {
    statefulSets = add(client.apps().statefulSets().inAnyNamespace().inform());
    revisions = add(client.apps().controllerRevisions().inAnyNamespace().inform());
    pods = add(client.pods().inAnyNamespace().inform());
    claims = add(client.persistentVolumeClaims().inAnyNamespace().inform());
    volumes = add(client.persistentVolumes().inform());
    services = add(client.services().inAnyNamespace().inform());
    endpointSlices = add(client.discovery().v1().endpointSlices().inAnyNamespace().inform());
    storageClasses = add(client.storage().v1().storageClasses().inform());
    nodes = add(client.nodes().inform());
  }

  private <T> SharedIndexInformer<T> add(SharedIndexInformer<T> informer) {
    all.add(informer);
    return informer;
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
