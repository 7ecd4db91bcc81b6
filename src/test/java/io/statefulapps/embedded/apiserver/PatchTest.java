package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchTest extends ApiServerTestBase {

    @Test
    void mergePatchNullRemovesAndListsReplace() {
        StatefulSet sts = statefulSet("merge");
        sts.getMetadata().setLabels(new java.util.HashMap<>(java.util.Map.of("keep", "1", "drop", "2")));
        sts.getSpec().getTemplate().getSpec().getContainers().get(0).setArgs(List.of("a", "b", "c"));
        client.apps().statefulSets().resource(sts).create();

        client.apps().statefulSets().withName("merge").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"labels\":{\"drop\":null}},\"spec\":{\"template\":{\"spec\":{\"containers\":"
                        + "[{\"name\":\"main\",\"image\":\"nginx:1.28\",\"args\":[\"z\"]}]}}}}");

        StatefulSet after = client.apps().statefulSets().withName("merge").get();
        assertEquals(java.util.Map.of("keep", "1"), after.getMetadata().getLabels());
        assertEquals(List.of("z"), after.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs());
        assertEquals(1, after.getSpec().getTemplate().getSpec().getContainers().size());
    }

    @Test
    void mergePatchNeverStoresNulls() throws Exception {
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("nulls").endMetadata()
                .addToData("a", "1").addToData("b", "2").build();
        client.configMaps().resource(cm).create();
        var r = http("PATCH", "/api/v1/namespaces/default/configmaps/nulls", "application/merge-patch+json",
                "{\"data\":{\"b\":null}}");
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("\"b\""), r.body());
        assertEquals(java.util.Map.of("a", "1"), client.configMaps().withName("nulls").get().getData());
    }

    @Test
    void strategicMergePatchMergesContainersByName() {
        StatefulSet sts = statefulSet("strategic");
        sts.getSpec().getTemplate().getSpec().getContainers().get(0).setArgs(List.of("keep-me"));
        client.apps().statefulSets().resource(sts).create();
        client.apps().statefulSets().withName("strategic").patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"nginx:1.29\"}]}}}}");
        var c = client.apps().statefulSets().withName("strategic").get().getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        assertEquals("nginx:1.29", c.getImage());
        assertEquals(List.of("keep-me"), c.getArgs());
    }

    @Test
    void jsonPatch() {
        client.apps().statefulSets().resource(statefulSet("jsonpatch")).create();
        client.apps().statefulSets().withName("jsonpatch").patch(PatchContext.of(PatchType.JSON),
                "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":4},"
                        + "{\"op\":\"add\",\"path\":\"/metadata/annotations\",\"value\":{\"x\":\"y\"}}]");
        StatefulSet after = client.apps().statefulSets().withName("jsonpatch").get();
        assertEquals(4, after.getSpec().getReplicas());
        assertEquals("y", after.getMetadata().getAnnotations().get("x"));
        assertTrue(after.getMetadata().getLabels() == null || after.getMetadata().getLabels().isEmpty());
    }
}
