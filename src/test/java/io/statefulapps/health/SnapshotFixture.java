package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.statefulapps.kubernetes.WellKnownLabels;
import io.statefulapps.spec.TrioNames;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Builds snapshots for the table tests: {@code healthyApp("eureka", 2)} is a settled app an hour
 * old (pods ready, claims bound, DNS published), and each {@code with…} breaks one thing the way
 * the cluster would show it. The EndpointSlices and the StatefulSet's status counters are derived
 * from the pods at {@link #build()}, as the controllers would, unless a test overrides them.
 */
final class SnapshotFixture {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static final String NS = "shop";
    static final String REV1 = "rev1";
    static final String REV2 = "rev2";

    final String app;
    private StatefulSet statefulSet;
    private Service headless;
    private Service client;
    private final Map<Integer, Pod> pods = new TreeMap<>();
    private final Map<String, PersistentVolumeClaim> claims = new LinkedHashMap<>();
    private final Map<String, PersistentVolume> volumes = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();
    private final Map<String, StorageClassInfo> storageClasses = new LinkedHashMap<>();
    private final Map<String, NodeInfo> nodes = new LinkedHashMap<>();
    private final Set<Integer> unpublished = new HashSet<>();
    private final Set<Integer> withoutHostname = new HashSet<>();
    private final Map<Integer, String> publishedIP = new HashMap<>();
    private final Map<Integer, String> extraIP = new HashMap<>();
    private boolean clientEndpoints = true;
    private boolean deriveStatus = true;
    private boolean synced = true;
    private Duration staleFor;
    private Instant now = NOW;

    private SnapshotFixture(String app) {
        this.app = app;
    }

    static String ago(Duration d) {
        return NOW.minus(d).toString();
    }

    static String minutesAgo(long m) {
        return ago(Duration.ofMinutes(m));
    }

    static Probe readinessProbe() {
        return new ProbeBuilder().withNewHttpGet().withPath("/actuator/health").withNewPort(8761).endHttpGet()
                .withInitialDelaySeconds(11).withPeriodSeconds(20).withFailureThreshold(3).build();
    }

    static SnapshotFixture healthyApp(String app, int replicas) {
        return healthyApp(app, replicas, 0);
    }

    /** With {@code spec.ordinals.start}: pods {@code first … first+replicas-1}. */
    static SnapshotFixture healthyApp(String app, int replicas, int first) {
        SnapshotFixture f = new SnapshotFixture(app);
        f.statefulSet = new StatefulSetBuilder()
                .withNewMetadata().withName(app).withNamespace(NS).withUid(uid("StatefulSet", app)).withGeneration(1L)
                .withCreationTimestamp(minutesAgo(60)).endMetadata()
                .withNewSpec().withReplicas(replicas).withServiceName(app + "-headless")
                .withNewOrdinals().withStart(first).endOrdinals()
                .withNewSelector().addToMatchLabels("app", app).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", app).endMetadata()
                .withNewSpec().addToContainers(new ContainerBuilder().withName(app).withImage("registry.example/" + app + ":1")
                        .withReadinessProbe(readinessProbe()).build()).endSpec().endTemplate()
                .withNewUpdateStrategy().withType("RollingUpdate").withNewRollingUpdate().withPartition(0).endRollingUpdate()
                .endUpdateStrategy()
                .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName("standard")
                .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec()
                .endVolumeClaimTemplate()
                .endSpec()
                .withNewStatus().withObservedGeneration(1L).withCurrentRevision(REV1).withUpdateRevision(REV1).endStatus()
                .build();
        f.headless = new ServiceBuilder().withNewMetadata().withName(app + "-headless").withNamespace(NS)
                .withUid(uid("Service", app + "-headless"))
                .withCreationTimestamp(minutesAgo(60)).endMetadata()
                .withNewSpec().withClusterIP("None").addToSelector("app", app)
                .addNewPort().withName("http").withPort(8761).withNewTargetPort(8761).withProtocol("TCP").endPort()
                .endSpec().build();
        f.client = new ServiceBuilder().withNewMetadata().withName(app).withNamespace(NS).withUid(uid("Service", app))
                .withCreationTimestamp(minutesAgo(60)).endMetadata()
                .withNewSpec().withType("ClusterIP").withClusterIP("10.96.0.10").addToSelector("app", app)
                .addNewPort().withName("http").withPort(8761).withNewTargetPort(8761).withProtocol("TCP").endPort()
                .endSpec().build();
        for (int i = first; i < first + replicas; i++) {
            f.pods.put(i, Scenarios.readyPod(app, i, REV1));
            f.withBoundClaim(i);
        }
        f.storageClasses.put("standard", new StorageClassInfo("standard", "Immediate", true, true));
        f.storageClasses.put("local-wffc", new StorageClassInfo("local-wffc", "WaitForFirstConsumer", false, false));
        return f;
    }

    /** The uid the fixture gives an object: stable and readable, {@code uid-Pod-eureka-1}. */
    static String uid(String kind, String name) {
        return "uid-" + kind + "-" + name;
    }

    /** A bound claim {@code data-<app>-<ordinal>} of 1Gi and its PV, as after a pod of that ordinal ran. */
    SnapshotFixture withBoundClaim(int ordinal) {
        String claim = "data-" + app + "-" + ordinal;
        String pv = "pv-" + app + "-" + ordinal;
        claims.put(claim, new PersistentVolumeClaimBuilder().withNewMetadata().withName(claim).withNamespace(NS)
                .withUid(uid("PersistentVolumeClaim", claim)).withCreationTimestamp(minutesAgo(60)).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName("standard").withVolumeName(pv)
                .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec()
                .withNewStatus().withPhase("Bound").addToCapacity("storage", new Quantity("1Gi")).endStatus().build());
        volumes.put(pv, new PersistentVolumeBuilder().withNewMetadata().withName(pv).endMetadata()
                .withNewSpec().addToCapacity("storage", new Quantity("1Gi")).withPersistentVolumeReclaimPolicy("Delete")
                .withStorageClassName("standard").endSpec()
                .withNewStatus().withPhase("Bound").endStatus().build());
        return this;
    }

    SnapshotFixture withPod(int ordinal, UnaryOperator<Pod> change) {
        pods.put(ordinal, change.apply(pods.get(ordinal)));
        return this;
    }

    SnapshotFixture withPodAdded(int ordinal, Pod pod) {
        pods.put(ordinal, pod);
        return this;
    }

    SnapshotFixture withoutPod(int ordinal) {
        pods.remove(ordinal);
        return this;
    }

    SnapshotFixture withStatefulSet(UnaryOperator<StatefulSet> change) {
        statefulSet = change.apply(statefulSet);
        return this;
    }

    /** Counters exactly as given by the change, not derived from the pods. */
    SnapshotFixture withStatefulSetStatusAsIs() {
        deriveStatus = false;
        return this;
    }

    SnapshotFixture withoutStatefulSet() {
        statefulSet = null;
        return this;
    }

    SnapshotFixture withHeadless(UnaryOperator<Service> change) {
        headless = change.apply(headless);
        return this;
    }

    SnapshotFixture withoutHeadless() {
        headless = null;
        return this;
    }

    SnapshotFixture withClient(UnaryOperator<Service> change) {
        client = change.apply(client);
        return this;
    }

    SnapshotFixture withoutClient() {
        client = null;
        return this;
    }

    SnapshotFixture withClaim(int ordinal, UnaryOperator<PersistentVolumeClaim> change) {
        String name = "data-" + app + "-" + ordinal;
        claims.put(name, change.apply(claims.get(name)));
        return this;
    }

    SnapshotFixture withoutClaim(int ordinal) {
        claims.remove("data-" + app + "-" + ordinal);
        return this;
    }

    SnapshotFixture withVolume(int ordinal, UnaryOperator<PersistentVolume> change) {
        String name = "pv-" + app + "-" + ordinal;
        volumes.put(name, change.apply(volumes.get(name)));
        return this;
    }

    SnapshotFixture withoutVolume(int ordinal) {
        volumes.remove("pv-" + app + "-" + ordinal);
        return this;
    }

    SnapshotFixture withEvent(String kind, String name, String reason, String message, String lastSeen, int count) {
        events.add(new EventBuilder().withNewMetadata().withName(name + "." + events.size()).withNamespace(NS).endMetadata()
                .withType("Warning").withReason(reason).withMessage(message).withCount(count)
                .withLastTimestamp(lastSeen).withFirstTimestamp(lastSeen)
                .withNewInvolvedObject().withKind(kind).withName(name).withNamespace(NS).endInvolvedObject().build());
        return this;
    }

    /** A Warning event that names its object by uid as well, as the API server writes them. */
    SnapshotFixture withEventFor(String kind, String name, String uid, String reason, String message, String lastSeen) {
        events.add(new EventBuilder().withNewMetadata().withName(name + ".u" + events.size()).withNamespace(NS).endMetadata()
                .withType("Warning").withReason(reason).withMessage(message).withCount(1)
                .withLastTimestamp(lastSeen).withFirstTimestamp(lastSeen)
                .withNewInvolvedObject().withKind(kind).withName(name).withNamespace(NS).withUid(uid).endInvolvedObject()
                .build());
        return this;
    }

    SnapshotFixture withNode(NodeInfo node) {
        nodes.put(node.name(), node);
        return this;
    }

    /** The watch has been broken this long: the data is that old. */
    SnapshotFixture staleFor(Duration age) {
        staleFor = age;
        return this;
    }

    SnapshotFixture withNormalEvent(String kind, String name, String reason) {
        events.add(new EventBuilder().withNewMetadata().withName(name + ".n" + events.size()).endMetadata()
                .withType("Normal").withReason(reason).withMessage("fine").withLastTimestamp(minutesAgo(1))
                .withNewInvolvedObject().withKind(kind).withName(name).endInvolvedObject().build());
        return this;
    }

    SnapshotFixture withoutEndpoint(int ordinal) {
        unpublished.add(ordinal);
        return this;
    }

    SnapshotFixture withEndpointIP(int ordinal, String ip) {
        publishedIP.put(ordinal, ip);
        return this;
    }

    /** A second address published under the pod's hostname (a stale or foreign endpoint). */
    SnapshotFixture withExtraEndpointIP(int ordinal, String ip) {
        extraIP.put(ordinal, ip);
        return this;
    }

    SnapshotFixture withEndpointWithoutHostname(int ordinal) {
        withoutHostname.add(ordinal);
        return this;
    }

    SnapshotFixture withoutClientEndpoints() {
        clientEndpoints = false;
        return this;
    }

    SnapshotFixture withStorageClass(StorageClassInfo info) {
        storageClasses.put(info.name(), info);
        return this;
    }

    SnapshotFixture notSynced() {
        synced = false;
        return this;
    }

    SnapshotFixture at(Instant moment) {
        now = moment;
        return this;
    }

    ClusterSnapshot build() {
        List<Pod> podList = new ArrayList<>(pods.values());
        StatefulSet sts = statefulSet;
        if (sts != null && deriveStatus) {
            sts = withDerivedStatus(sts, podList);
        }
        return new ClusterSnapshot(NS, app, TrioNames.defaultsFor(app), sts, headless, client, podList,
                new ArrayList<>(claims.values()), new LinkedHashMap<>(volumes), slices(), new ArrayList<>(events),
                new LinkedHashMap<>(storageClasses), new LinkedHashMap<>(nodes), synced, staleFor, now);
    }

    private static StatefulSet withDerivedStatus(StatefulSet sts, List<Pod> pods) {
        String update = sts.getStatus().getUpdateRevision();
        String current = sts.getStatus().getCurrentRevision();
        int ready = 0;
        int updated = 0;
        int currentCount = 0;
        for (Pod pod : pods) {
            ready += isReady(pod) ? 1 : 0;
            updated += update != null && update.equals(pod.getMetadata().getLabels().get(WellKnownLabels.CONTROLLER_REVISION_HASH)) ? 1 : 0;
            currentCount += current != null && current.equals(pod.getMetadata().getLabels().get(WellKnownLabels.CONTROLLER_REVISION_HASH)) ? 1 : 0;
        }
        return new StatefulSetBuilder(sts).editStatus().withReplicas(pods.size()).withReadyReplicas(ready)
                .withAvailableReplicas(ready).withUpdatedReplicas(updated).withCurrentReplicas(currentCount).endStatus()
                .build();
    }

    private List<EndpointSlice> slices() {
        List<EndpointSlice> slices = new ArrayList<>();
        if (headless != null) {
            slices.add(slice(headless.getMetadata().getName(), true));
        }
        if (client != null && clientEndpoints) {
            slices.add(slice(client.getMetadata().getName(), false));
        }
        return slices;
    }

    private EndpointSlice slice(String service, boolean hostnames) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<Integer, Pod> e : pods.entrySet()) {
            Pod pod = e.getValue();
            String ip = publishedIP.getOrDefault(e.getKey(), pod.getStatus().getPodIP());
            if (ip == null || unpublished.contains(e.getKey())) {
                continue;
            }
            String hostname = hostnames && !withoutHostname.contains(e.getKey()) ? pod.getMetadata().getName() : null;
            endpoints.add(new EndpointBuilder().withAddresses(ip).withHostname(hostname)
                    .withNewConditions().withReady(isReady(pod)).endConditions()
                    .withNewTargetRef().withKind("Pod").withName(pod.getMetadata().getName()).withNamespace(NS).endTargetRef().build());
            if (hostnames && extraIP.containsKey(e.getKey())) {
                endpoints.add(new EndpointBuilder().withAddresses(extraIP.get(e.getKey())).withHostname(hostname)
                        .withNewConditions().withReady(true).endConditions().build());
            }
        }
        return new EndpointSliceBuilder().withNewMetadata().withName(service + "-abcde").withNamespace(NS)
                .addToLabels(WellKnownLabels.SERVICE_NAME, service).endMetadata()
                .withAddressType("IPv4").withEndpoints(endpoints).build();
    }

    /** Read here rather than with the rules' own reads, so that the fixture does not share their mistakes. */
    private static boolean isReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
