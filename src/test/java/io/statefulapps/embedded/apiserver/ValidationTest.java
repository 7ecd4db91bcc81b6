package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationTest extends ApiServerTestBase {

    private static Status refused(int code, Executable call) {
        KubernetesClientException e = assertThrows(KubernetesClientException.class, call);
        assertEquals(code, e.getCode(), e.getMessage());
        return e.getStatus();
    }

    @Test
    void invalidNameIs422WithCauses() {
        Status s = refused(422, () -> client.apps().statefulSets().resource(statefulSet("Web_1")).create());
        assertEquals("Invalid", s.getReason());
        assertEquals("Failure", s.getStatus());
        assertEquals("StatefulSet", s.getDetails().getKind());
        assertEquals("Web_1", s.getDetails().getName());
        assertEquals("FieldValueInvalid", s.getDetails().getCauses().get(0).getReason());
        assertEquals("metadata.name", s.getDetails().getCauses().get(0).getField());
        assertTrue(s.getMessage().startsWith("StatefulSet.apps \"Web_1\" is invalid: metadata.name: Invalid value: \"Web_1\": a lowercase RFC 1123 subdomain"),
                s.getMessage());
    }

    @Test
    void serviceNamesAreDns1035Labels() {
        Status s = refused(422, () -> client.services().resource(service("1abc")).create());
        assertTrue(s.getMessage().contains("DNS-1035"), s.getMessage());
        refused(422, () -> client.services().resource(service("a.b")).create());
    }

    @Test
    void existingNameIs409AndMissingIs404() {
        client.apps().statefulSets().resource(statefulSet("twice")).create();
        Status s = refused(409, () -> client.apps().statefulSets().resource(statefulSet("twice")).create());
        assertEquals("AlreadyExists", s.getReason());
        Status nf = refused(404, () -> client.apps().statefulSets().withName("nope")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{}"));
        assertEquals("NotFound", nf.getReason());
        assertEquals("statefulsets.apps \"nope\" not found", nf.getMessage());
    }

    @Test
    void specRulesListEveryBrokenRule() {
        StatefulSet sts = statefulSet("broken");
        sts.getSpec().getTemplate().getMetadata().getLabels().put("app", "mismatch");
        sts.getSpec().getVolumeClaimTemplates().get(0).getSpec().setAccessModes(java.util.List.of());
        sts.getMetadata().setLabels(java.util.Map.of("ok", "not valid!"));
        Status s = refused(422, () -> client.apps().statefulSets().resource(sts).dryRun().create());
        var fields = s.getDetails().getCauses().stream().map(c -> c.getField()).toList();
        assertEquals(java.util.List.of("metadata.labels", "spec.template.metadata.labels",
                "spec.volumeClaimTemplates[0].spec.accessModes"), fields);
        assertTrue(s.getMessage().contains("`selector` does not match template `labels`"), s.getMessage());

        var svc = service("noports");
        svc.getSpec().setPorts(java.util.List.of());
        Status ports = refused(422, () -> client.services().resource(svc).create());
        assertEquals("spec.ports", ports.getDetails().getCauses().get(0).getField());
    }

    @Test
    void staleResourceVersionIs409Conflict() {
        client.apps().statefulSets().resource(statefulSet("stale")).create();
        StatefulSet first = client.apps().statefulSets().withName("stale").get();
        client.apps().statefulSets().withName("stale").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":3}}");
        first.getSpec().setReplicas(5);
        Status s = refused(409, () -> client.apps().statefulSets().resource(first).update());
        assertEquals("Conflict", s.getReason());
    }

    @Test
    void statefulSetImmutableFields() {
        client.apps().statefulSets().resource(statefulSet("frozen")).create();
        for (String patch : new String[] {
                "{\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"other\"}}}}",
                "{\"spec\":{\"serviceName\":\"other\"}}",
                "{\"spec\":{\"podManagementPolicy\":\"Parallel\"}}",
                "{\"spec\":{\"volumeClaimTemplates\":[{\"metadata\":{\"name\":\"other\"},\"spec\":{\"accessModes\":[\"ReadWriteOnce\"]}}]}}"}) {
            Status s = refused(422, () -> client.apps().statefulSets().withName("frozen")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
            assertTrue(s.getDetails().getCauses().stream().anyMatch(c -> "spec".equals(c.getField())), patch);
            assertTrue(s.getMessage().contains("updates to statefulset spec for fields other than"), s.getMessage());
        }
        // the allowed ones go through
        client.apps().statefulSets().withName("frozen").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"replicas\":3,\"revisionHistoryLimit\":5,\"minReadySeconds\":2,"
                        + "\"updateStrategy\":{\"rollingUpdate\":{\"partition\":1}}}}");
        StatefulSet sts = client.apps().statefulSets().withName("frozen").get();
        assertEquals(3, sts.getSpec().getReplicas());
        assertEquals(1, sts.getSpec().getUpdateStrategy().getRollingUpdate().getPartition());
    }

    @Test
    void serviceClusterIpIsImmutable() {
        client.services().resource(service("fixed-ip")).create();
        refused(422, () -> client.services().withName("fixed-ip")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"clusterIP\":\"10.96.99.99\"}}"));
        var headless = service("headless-ip");
        headless.getSpec().setClusterIP("None");
        client.services().resource(headless).create();
        refused(422, () -> client.services().withName("headless-ip")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"clusterIP\":\"10.96.99.98\"}}"));
    }

    @Test
    void pvcSpecIsImmutableExceptGrowthOnExpandableClasses() {
        client.persistentVolumeClaims().resource(pvc("grow", "1Gi", "standard")).create();
        client.persistentVolumeClaims().withName("grow").edit(p -> {
            p.getSpec().getResources().getRequests().put("storage", new Quantity("2Gi"));
            return p;
        });
        assertEquals("2Gi", client.persistentVolumeClaims().withName("grow").get().getSpec().getResources()
                .getRequests().get("storage").toString());
        refused(422, () -> client.persistentVolumeClaims().withName("grow")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}}}"));
        refused(422, () -> client.persistentVolumeClaims().withName("grow")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"accessModes\":[\"ReadWriteMany\"]}}"));

        client.persistentVolumeClaims().resource(pvc("nas", "1Gi", "alicloud-nas")).create();
        Status s = refused(403, () -> client.persistentVolumeClaims().withName("nas")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"5Gi\"}}}}"));
        assertTrue(s.getMessage().contains("only dynamically provisioned pvc can be resized"), s.getMessage());
    }
}
