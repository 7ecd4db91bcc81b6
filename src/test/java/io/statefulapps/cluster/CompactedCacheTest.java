package io.statefulapps.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.statefulapps.cluster.compaction.EmbeddedClusterObjects;
import io.statefulapps.health.HealthAssessor;
import io.statefulapps.health.HealthReport;
import io.statefulapps.health.HealthSettings;
import io.statefulapps.live.CachedApp;
import io.statefulapps.live.LiveApp;
import io.statefulapps.live.LiveAppAssembler;
import io.statefulapps.live.SnapshotFactory;
import io.statefulapps.render.Trio;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A watch cache of many apps, filled as informers fill it (compacted in its stores, found through
 * its indexes), gives every app the report the objects as the API server sent them give. The apps
 * are copies of two apps of the embedded cluster (a healthy one and one whose image cannot be
 * pulled), renamed, with their own uids.
 */
class CompactedCacheTest {

    private static final int APPS = 40;
    private static final Instant NOW = Instant.parse("2026-12-02T14:30:00Z");
    private static final HealthSettings SETTINGS = new HealthSettings(Duration.ofMinutes(10), Duration.ofMinutes(5),
            Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofSeconds(30), "cluster.local", 5, 20, 15);
    private static final Pattern UID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private KubernetesClient client;
    private CacheInformers informers;

    @BeforeEach
    void informersThatNeverConnect() {
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:1")
                .build()).build();
        informers = new CacheInformers(client, "demo", 500);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void everyAppGetsTheReportOfTheObjectsAsSent() {
        Map<String, HasMetadata> asSent = new HashMap<>();
        for (int i = 0; i < APPS; i++) {
            for (HasMetadata object : appObjects(i)) {
                asSent.put(identity(object), EmbeddedClusterObjects.SERIALIZATION.clone(object));
                put(object);
            }
        }
        EmbeddedClusterObjects.all().stream().filter(o -> o.getMetadata().getNamespace() == null
                && !(o instanceof PersistentVolume)).forEach(this::put);
        CachedAppAssembler assembler = new CachedAppAssembler(informers);

        for (int i = 0; i < APPS; i++) {
            String name = appName(i);
            String key = Cache.namespaceKeyFunc("demo", name);
            List<StatefulSet> sets = informers.statefulSetsByApp.objects(key);
            List<Service> services = informers.servicesByApp.objects(key);
            CachedApp cached = assembler.assemble(LiveAppAssembler.assemble("demo", name, sets.get(0), services), true);
            assertEquals(2, services.size());
            assertTrue(!cached.pods().isEmpty() && !cached.endpointSlices().isEmpty() && !cached.warningEvents().isEmpty());

            HealthReport fromCache = report(cached);
            HealthReport fromObjectsAsSent = report(asSent(cached, asSent));
            assertEquals(fromObjectsAsSent, fromCache, name);
        }
    }

    /** The same app with each object replaced by its copy as the API server sent it. */
    private static CachedApp asSent(CachedApp cached, Map<String, HasMetadata> asSent) {
        Trio trio = cached.live().trio();
        Trio sent = new Trio(original(trio.headlessService(), asSent), original(trio.statefulSet(), asSent),
                original(trio.clientService(), asSent));
        return new CachedApp(new LiveApp(cached.live().namespace(), cached.live().name(), sent),
                originals(cached.pods(), asSent), originals(cached.claims(), asSent),
                cached.volumesByName().values().stream().map(v -> original(v, asSent))
                        .collect(Collectors.toMap(v -> v.getMetadata().getName(), Function.identity(), (a, b) -> a,
                                LinkedHashMap::new)),
                originals(cached.endpointSlices(), asSent), originals(cached.warningEvents(), asSent),
                cached.storageClasses(), cached.nodes(), cached.synced());
    }

    private static HealthReport report(CachedApp app) {
        return HealthAssessor.assess(SnapshotFactory.snapshot(app, null, NOW), SETTINGS);
    }

    @SuppressWarnings("unchecked")
    private static <T extends HasMetadata> T original(T compacted, Map<String, HasMetadata> asSent) {
        return compacted == null ? null : (T) asSent.get(identity(compacted));
    }

    private static <T extends HasMetadata> List<T> originals(List<T> compacted, Map<String, HasMetadata> asSent) {
        return compacted.stream().map(o -> original(o, asSent)).toList();
    }

    private static String identity(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> void put(T object) {
        SharedIndexInformer<T> informer = (SharedIndexInformer<T>) switch (object.getKind()) {
            case "StatefulSet" -> informers.statefulSets;
            case "Service" -> informers.services;
            case "Pod" -> informers.pods;
            case "PersistentVolumeClaim" -> informers.claims;
            case "PersistentVolume" -> informers.volumes;
            case "EndpointSlice" -> informers.slices;
            case "Event" -> informers.events;
            case "Node" -> informers.nodes;
            case "StorageClass" -> informers.storageClasses;
            default -> throw new IllegalArgumentException(object.getKind());
        };
        // What an informer does with a listed object: the cache puts it in its store.
        ((io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl<T>) informer.getIndexer()).put(object);
    }

    private static String appName(int i) {
        return String.format("app-%05d", i);
    }

    /** App i: a copy of app-00009 (cannot pull its image) for every tenth, else of app-00000. */
    private static List<HasMetadata> appObjects(int i) {
        String template = i % 10 == 9 ? "app-00009" : "app-00000";
        String json = EmbeddedClusterObjects.json();
        List<HasMetadata> all = EmbeddedClusterObjects.SERIALIZATION.unmarshal(json, KubernetesList.class).getItems();
        String ofTemplate = all.stream()
                .filter(o -> EmbeddedClusterObjects.SERIALIZATION.asJson(o).contains(template + "-")
                        || template.equals(o.getMetadata().getName()))
                .map(EmbeddedClusterObjects.SERIALIZATION::asJson).collect(Collectors.joining(",", "[", "]"));
        String renamed = withFreshUids(ofTemplate.replace(template, appName(i)));
        return EmbeddedClusterObjects.SERIALIZATION
                .unmarshal("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":" + renamed + "}", KubernetesList.class)
                .getItems();
    }

    private static String withFreshUids(String json) {
        Map<String, String> fresh = new HashMap<>();
        Matcher m = UID.matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, fresh.computeIfAbsent(m.group(), old -> UUID.randomUUID().toString()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
