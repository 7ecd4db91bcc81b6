package io.statefulapps.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.AppSpecDefaults;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrioDiffTest {

    private static final String NS = "ns";
    private final TrioDiff diff = new TrioDiff();

    private static AppSpec spec(String members) {
        return AppSpecDefaults.apply(AppSpecFixtures.minimalWith(members));
    }

    /** The trio as the API server would hold it: allocated IPs and node ports, others' annotations. */
    private static Trio live(AppSpec spec) {
        Trio rendered = new TrioRenderer().render(NS, spec);
        Service client = new ServiceBuilder(rendered.clientService())
                .editMetadata().withResourceVersion("7").withUid("u-client")
                .addToAnnotations("cloud.example/lb-id", "lb-1").endMetadata()
                .editSpec().withClusterIP("10.0.0.5").withClusterIPs("10.0.0.5").withIpFamilies("IPv4")
                .withIpFamilyPolicy("SingleStack").withInternalTrafficPolicy("Cluster")
                .withPorts(rendered.clientService().getSpec().getPorts().stream()
                        .map(p -> new io.fabric8.kubernetes.api.model.ServicePortBuilder(p)
                                .withNodePort("LoadBalancer".equals(spec.service().type()) ? 31000 : null).build())
                        .toList())
                .endSpec().build();
        StatefulSet sts = new StatefulSetBuilder(rendered.statefulSet())
                .editMetadata().withResourceVersion("9").withUid("u-sts").endMetadata()
                .editSpec().editTemplate().editMetadata()
                .addToAnnotations("kubectl.kubernetes.io/restartedAt", "2026-01-01T00:00:00Z")
                .endMetadata().endTemplate().endSpec().build();
        return new Trio(rendered.headlessService(), sts, client);
    }

    @Test
    void aChangeThatChangesNothingWritesNothing() {
        AppSpec spec = spec("\"replicas\": 2");
        assertTrue(diff.between(NS, live(spec), spec, spec("\"replicas\": 2")).isEmpty());
    }

    @Test
    void scalingWritesOnlyTheStatefulSetAndKeepsWhatOthersAdded() {
        AppSpec before = spec("\"replicas\": 2");
        TrioChanges changes = diff.between(NS, live(before), before, spec("\"replicas\": 3"));
        assertNull(changes.headlessService());
        assertNull(changes.clientService());
        assertFalse(changes.recreateStatefulSet());
        StatefulSet sts = changes.statefulSet();
        assertEquals(3, sts.getSpec().getReplicas());
        assertEquals("9", sts.getMetadata().getResourceVersion());
        assertEquals("2026-01-01T00:00:00Z",
                sts.getSpec().getTemplate().getMetadata().getAnnotations().get("kubectl.kubernetes.io/restartedAt"));
    }

    @Test
    void serviceAnnotationsChangeOnlyTheClientServiceAndKeepItsAddress() {
        AppSpec before = spec("\"service\": {\"type\": \"LoadBalancer\", \"annotations\": {\"a\": \"1\", \"b\": \"2\"}}");
        AppSpec after = spec("\"service\": {\"type\": \"LoadBalancer\", \"annotations\": {\"b\": \"3\"}}");
        TrioChanges changes = diff.between(NS, live(before), before, after);
        assertNull(changes.headlessService());
        assertNull(changes.statefulSet());
        Service client = changes.clientService();
        assertEquals(Map.of("b", "3", "cloud.example/lb-id", "lb-1"), client.getMetadata().getAnnotations());
        assertEquals("10.0.0.5", client.getSpec().getClusterIP());
        assertEquals(List.of("10.0.0.5"), client.getSpec().getClusterIPs());
        assertEquals("SingleStack", client.getSpec().getIpFamilyPolicy());
        assertEquals(31000, client.getSpec().getPorts().get(0).getNodePort());
    }

    @Test
    void goingBackToClusterIpDropsTheNodePorts() {
        AppSpec before = spec("\"service\": {\"type\": \"LoadBalancer\"}");
        TrioChanges changes = diff.between(NS, live(before), before, spec(""));
        Service client = changes.clientService();
        assertEquals("ClusterIP", client.getSpec().getType());
        assertNull(client.getSpec().getExternalTrafficPolicy());
        assertTrue(client.getSpec().getPorts().stream().map(ServicePort::getNodePort).allMatch(p -> p == null));
        assertEquals("10.0.0.5", client.getSpec().getClusterIP());
    }

    @Test
    void labelsTheSpecNoLongerHasAreRemovedFromEveryObject() {
        AppSpec before = spec("\"labels\": {\"team\": \"a\", \"tier\": \"db\"}");
        TrioChanges changes = diff.between(NS, live(before), before, spec("\"labels\": {\"team\": \"b\"}"));
        for (var object : changes.inWriteOrder()) {
            assertEquals("b", object.getMetadata().getLabels().get("team"));
            assertFalse(object.getMetadata().getLabels().containsKey("tier"), object.getKind());
            assertEquals("db", object.getMetadata().getLabels().get(ManagedLabels.APP));
        }
        assertEquals(3, changes.inWriteOrder().size());
    }

    @Test
    void aGrownVolumeRecreatesTheStatefulSetWithTheNewTemplate() {
        String volume = "\"volumes\": [{\"name\": \"data\", \"mountPath\": \"/d\", \"size\": \"%s\"}]";
        AppSpec before = spec(volume.formatted("1Gi"));
        TrioChanges changes = diff.between(NS, live(before), before, spec(volume.formatted("2Gi")));
        assertTrue(changes.recreateStatefulSet());
        StatefulSet sts = changes.statefulSet();
        assertNull(sts.getMetadata().getResourceVersion());
        assertNull(sts.getMetadata().getUid());
        assertEquals("2Gi", sts.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests()
                .get("storage").toString());
        assertNotNull(sts.getSpec().getTemplate().getMetadata().getAnnotations());
    }

    @Test
    void theLiveObjectsAreNotChanged() {
        AppSpec before = spec("\"service\": {\"type\": \"LoadBalancer\", \"annotations\": {\"a\": \"1\"}}");
        Trio live = live(before);
        Trio copy = new Trio(new ServiceBuilder(live.headlessService()).build(),
                new StatefulSetBuilder(live.statefulSet()).build(), new ServiceBuilder(live.clientService()).build());
        diff.between(NS, live, before, spec("\"replicas\": 4, \"labels\": {\"x\": \"y\"}"));
        assertEquals(copy, live);
    }
}
