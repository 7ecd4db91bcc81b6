package io.statefulapps.embedded.apiserver.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.IntStr;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Networking;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.statefulapps.embedded.apiserver.protobuf.ProtobufBodies.envelope;
import static io.statefulapps.embedded.apiserver.protobuf.ProtobufBodies.json;
import static io.statefulapps.embedded.apiserver.protobuf.SameJson.assertSameJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Objects built with client-java-proto's generated builders, encoded, decoded: the types whose JSON is
 * not field by field (IntOrString, Quantity, Time, MicroTime, bytes) and maps.
 */
class SpecialTypesTest {

    private static Meta.ObjectMeta.Builder named(String name) {
        return Meta.ObjectMeta.newBuilder().setName(name);
    }

    static IntStr.IntOrString number(int value) {
        return IntStr.IntOrString.newBuilder().setType(0).setIntVal(value).build();
    }

    static IntStr.IntOrString text(String value) {
        return IntStr.IntOrString.newBuilder().setType(1).setStrVal(value).build();
    }

    static Resource.Quantity quantity(String value) {
        return Resource.Quantity.newBuilder().setString(value).build();
    }

    @Test
    void intOrStringIsANumberOrAString() {
        V1.Service service = V1.Service.newBuilder().setMetadata(named("ledger"))
                .setSpec(V1.ServiceSpec.newBuilder()
                        .addPorts(V1.ServicePort.newBuilder().setName("api").setPort(80).setTargetPort(number(8080)))
                        .addPorts(V1.ServicePort.newBuilder().setName("web").setPort(443).setTargetPort(text("https")))
                        .addPorts(V1.ServicePort.newBuilder().setName("zero").setPort(9).setTargetPort(number(0))))
                .build();
        ObjectNode decoded = KubernetesProtobuf.decode(envelope("v1", "Service", service));
        assertSameJson(json("""
                {"kind":"Service","apiVersion":"v1","metadata":{"name":"ledger"},"spec":{"ports":[
                  {"name":"api","port":80,"targetPort":8080},
                  {"name":"web","port":443,"targetPort":"https"},
                  {"name":"zero","port":9,"targetPort":0}]}}"""), decoded);
        assertTrue(decoded.at("/spec/ports/0/targetPort").isInt());
        assertTrue(decoded.at("/spec/ports/1/targetPort").isTextual());

        V1Networking.NetworkPolicy policy = V1Networking.NetworkPolicy.newBuilder().setMetadata(named("allow"))
                .setSpec(V1Networking.NetworkPolicySpec.newBuilder()
                        .setPodSelector(Meta.LabelSelector.newBuilder().putMatchLabels("app", "ledger"))
                        .addIngress(V1Networking.NetworkPolicyIngressRule.newBuilder()
                                .addPorts(V1Networking.NetworkPolicyPort.newBuilder().setProtocol("TCP")
                                        .setPort(number(80)).setEndPort(90))
                                .addPorts(V1Networking.NetworkPolicyPort.newBuilder().setPort(text("metrics"))))
                        .addPolicyTypes("Ingress"))
                .build();
        assertSameJson(json("""
                {"kind":"NetworkPolicy","apiVersion":"networking.k8s.io/v1","metadata":{"name":"allow"},"spec":{
                  "podSelector":{"matchLabels":{"app":"ledger"}},
                  "ingress":[{"ports":[{"protocol":"TCP","port":80,"endPort":90},{"port":"metrics"}]}],
                  "policyTypes":["Ingress"]}}"""),
                KubernetesProtobuf.decode(envelope("networking.k8s.io/v1", "NetworkPolicy", policy)));
    }

    @Test
    void anImpossibleIntOrStringTypeIsRefused() {
        V1.Service service = V1.Service.newBuilder().setMetadata(named("odd")).setSpec(V1.ServiceSpec.newBuilder()
                .addPorts(V1.ServicePort.newBuilder().setPort(80)
                        .setTargetPort(IntStr.IntOrString.newBuilder().setType(7).setIntVal(1))))
                .build();
        ProtobufDecodingException refused = assertThrows(ProtobufDecodingException.class,
                () -> KubernetesProtobuf.decode(envelope("v1", "Service", service)));
        assertEquals("Service in version \"v1\" cannot be handled as a Service: impossible IntOrString.Type",
                refused.statusMessage("Service"));
    }

    @Test
    void quantitiesAreTheirStringsInMapsAndFields() {
        V1.PersistentVolumeClaim claim = V1.PersistentVolumeClaim.newBuilder().setMetadata(named("data-web-0"))
                .setSpec(V1.PersistentVolumeClaimSpec.newBuilder().addAccessModes("ReadWriteOnce")
                        .setResources(V1.VolumeResourceRequirements.newBuilder()
                                .putRequests("storage", quantity("10Gi"))
                                .putLimits("storage", Resource.Quantity.getDefaultInstance())))
                .build();
        assertSameJson(json("""
                {"kind":"PersistentVolumeClaim","apiVersion":"v1","metadata":{"name":"data-web-0"},
                 "spec":{"accessModes":["ReadWriteOnce"],
                         "resources":{"limits":{"storage":"0"},"requests":{"storage":"10Gi"}}}}"""),
                KubernetesProtobuf.decode(envelope("v1", "PersistentVolumeClaim", claim)));

        V1.Node node = V1.Node.newBuilder().setMetadata(named("sim-node-1"))
                .setStatus(V1.NodeStatus.newBuilder().putCapacity("cpu", quantity("4"))
                        .putCapacity("memory", quantity("8Gi")).putAllocatable("cpu", quantity("3800m")))
                .build();
        ObjectNode decoded = KubernetesProtobuf.decode(envelope("v1", "Node", node));
        assertEquals("3800m", decoded.at("/status/allocatable/cpu").textValue());
        assertEquals("8Gi", decoded.at("/status/capacity/memory").textValue());
    }

    @Test
    void aMalformedQuantityIsRefusedAsGoParsesIt() {
        String form = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
        Map<String, String> refusals = Map.of(
                "ten", form,
                "1.2.3", form,
                "5Qi", form,
                "", form,
                "5iK", "unable to parse quantity's suffix",
                "5e", "unable to parse quantity's suffix",
                ".", "unable to parse numeric part of quantity",
                "e3", "unable to parse numeric part of quantity");
        refusals.forEach((bad, reason) -> {
            V1.PersistentVolumeClaim claim = V1.PersistentVolumeClaim.newBuilder().setMetadata(named("bad"))
                    .setSpec(V1.PersistentVolumeClaimSpec.newBuilder().setResources(
                            V1.VolumeResourceRequirements.newBuilder().putRequests("storage", quantity(bad))))
                    .build();
            ProtobufDecodingException refused = assertThrows(ProtobufDecodingException.class,
                    () -> KubernetesProtobuf.decode(envelope("v1", "PersistentVolumeClaim", claim)), bad);
            assertEquals("PersistentVolumeClaim in version \"v1\" cannot be handled as a PersistentVolumeClaim: "
                    + reason, refused.statusMessage("PersistentVolumeClaim"), bad);
        });
        for (String good : new String[] {"1", "-1.5", "500m", "1Gi", "1e3", "2E-2", ".5", "5.", "+7k"}) {
            V1.PersistentVolumeClaim claim = V1.PersistentVolumeClaim.newBuilder().setMetadata(named("good"))
                    .setSpec(V1.PersistentVolumeClaimSpec.newBuilder().setResources(
                            V1.VolumeResourceRequirements.newBuilder().putRequests("storage", quantity(good))))
                    .build();
            assertEquals(good, KubernetesProtobuf.decode(envelope("v1", "PersistentVolumeClaim", claim))
                    .at("/spec/resources/requests/storage").textValue());
        }
    }

    @Test
    void timesAreRfc3339InUtcToTheSecondAndMicroTimesToTheMicrosecond() {
        Meta.Time created = Meta.Time.newBuilder().setSeconds(1_700_000_000L).setNanos(123_456_789).build();
        V1.Event event = V1.Event.newBuilder()
                .setMetadata(named("web-0.1").setCreationTimestamp(created)
                        .setDeletionTimestamp(Meta.Time.newBuilder().setSeconds(0)))
                .setInvolvedObject(V1.ObjectReference.newBuilder().setKind("Pod").setName("web-0"))
                .setReason("Started")
                .setFirstTimestamp(Meta.Time.getDefaultInstance())
                .setLastTimestamp(Meta.Time.newBuilder().setSeconds(-62_135_596_800L))
                .setEventTime(Meta.MicroTime.newBuilder().setSeconds(1_700_000_000L).setNanos(123_456_789))
                .setSeries(V1.EventSeries.newBuilder().setCount(2)
                        .setLastObservedTime(Meta.MicroTime.newBuilder().setSeconds(1_700_000_001L)))
                .build();
        assertSameJson(json("""
                {"kind":"Event","apiVersion":"v1",
                 "metadata":{"name":"web-0.1","creationTimestamp":"2023-11-14T22:13:20Z",
                             "deletionTimestamp":"1970-01-01T00:00:00Z"},
                 "involvedObject":{"kind":"Pod","name":"web-0"},"reason":"Started",
                 "firstTimestamp":null,"lastTimestamp":null,
                 "eventTime":"2023-11-14T22:13:20.123456Z",
                 "series":{"count":2,"lastObservedTime":"2023-11-14T22:13:21.000000Z"}}"""),
                KubernetesProtobuf.decode(envelope("v1", "Event", event)));
    }

    @Test
    void anEmptyTimeIsNullAsGoWritesItsZeroTime() {
        // An empty Time on the wire is Go's zero time, and so is January 1 of year 1: both are null.
        ObjectNode decoded = KubernetesProtobuf.decode(envelope("v1", "Event", V1.Event.newBuilder()
                .setMetadata(named("e")).setFirstTimestamp(Meta.Time.getDefaultInstance()).build()));
        assertTrue(decoded.has("firstTimestamp") && decoded.get("firstTimestamp").isNull(), decoded.toString());
        assertTrue(!decoded.has("lastTimestamp"), "a Time that was not sent stays absent");
    }

    @Test
    void bytesAreBase64() {
        V1.Secret secret = V1.Secret.newBuilder().setMetadata(named("creds")).setType("Opaque")
                .putData("password", ByteString.copyFromUtf8("s3cr3t"))
                .putData("binary", ByteString.copyFrom(new byte[] {(byte) 0xff, 0, 1}))
                .putData("empty", ByteString.EMPTY)
                .build();
        assertSameJson(json("""
                {"kind":"Secret","apiVersion":"v1","metadata":{"name":"creds"},"type":"Opaque",
                 "data":{"password":"czNjcjN0","binary":"/wAB","empty":""}}"""),
                KubernetesProtobuf.decode(envelope("v1", "Secret", secret)));

        V1Admissionregistration.ValidatingWebhookConfiguration hooks =
                V1Admissionregistration.ValidatingWebhookConfiguration.newBuilder().setMetadata(named("guard"))
                        .addWebhooks(V1Admissionregistration.ValidatingWebhook.newBuilder().setName("guard.example")
                                .setClientConfig(V1Admissionregistration.WebhookClientConfig.newBuilder()
                                        .setUrl("https://guard.example").setCaBundle(ByteString.copyFromUtf8("PEM"))))
                        .build();
        ObjectNode decoded = KubernetesProtobuf.decode(
                envelope("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", hooks));
        // The proto field is "Webhooks", the JSON name "webhooks".
        assertEquals("UEVN", decoded.at("/webhooks/0/clientConfig/caBundle").textValue(), decoded.toString());
    }

    @Test
    void nestedMapsKeepEveryEntry() {
        V1.ConfigMap configMap = V1.ConfigMap.newBuilder()
                .setMetadata(named("settings").putLabels("app", "ledger").putLabels("tier", "")
                        .putAnnotations("note", "a: b"))
                .putData("mode", "fast").putData("empty", "")
                .putBinaryData("blob", ByteString.copyFrom(new byte[] {1, 2}))
                .build();
        JsonNode decoded = KubernetesProtobuf.decode(envelope("v1", "ConfigMap", configMap));
        assertSameJson(json("""
                {"kind":"ConfigMap","apiVersion":"v1",
                 "metadata":{"name":"settings","labels":{"app":"ledger","tier":""},"annotations":{"note":"a: b"}},
                 "data":{"mode":"fast","empty":""},"binaryData":{"blob":"AQI="}}"""), decoded);
    }
}
