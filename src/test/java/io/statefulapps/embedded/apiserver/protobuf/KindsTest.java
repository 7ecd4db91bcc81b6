package io.statefulapps.embedded.apiserver.protobuf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apiextensions;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Discovery;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1Storage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.statefulapps.embedded.apiserver.protobuf.ProtobufBodies.envelope;
import static io.statefulapps.embedded.apiserver.protobuf.ProtobufBodies.json;
import static io.statefulapps.embedded.apiserver.protobuf.SameJson.assertSameJson;
import static io.statefulapps.embedded.apiserver.protobuf.SpecialTypesTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every kind the embedded API server stores, and the parts of them whose JSON needs more than the
 * .proto file: structs Go embeds inline, pointers set to zero next to omitempty zeros, options and
 * reviews, raw extensions, apiextensions' schemas.
 */
class KindsTest {

    private static Meta.ObjectMeta.Builder named(String name) {
        return Meta.ObjectMeta.newBuilder().setName(name);
    }

    @ParameterizedTest
    @CsvSource({
        "v1, Namespace", "v1, ConfigMap", "v1, Secret", "v1, Service", "v1, Pod",
        "v1, PersistentVolumeClaim", "v1, PersistentVolume", "v1, ServiceAccount", "v1, Event",
        "v1, Node", "v1, Endpoints",
        "apps/v1, StatefulSet", "apps/v1, Deployment", "apps/v1, ControllerRevision",
        "rbac.authorization.k8s.io/v1, Role", "rbac.authorization.k8s.io/v1, ClusterRole",
        "rbac.authorization.k8s.io/v1, RoleBinding",
        "rbac.authorization.k8s.io/v1, ClusterRoleBinding",
        "discovery.k8s.io/v1, EndpointSlice", "storage.k8s.io/v1, StorageClass",
        "policy/v1, PodDisruptionBudget", "networking.k8s.io/v1, NetworkPolicy",
        "authentication.k8s.io/v1, TokenRequest",
        "authentication.k8s.io/v1, TokenReview",
        "authorization.k8s.io/v1, SubjectAccessReview",
        "authorization.k8s.io/v1, SelfSubjectAccessReview",
        "authorization.k8s.io/v1, LocalSubjectAccessReview",
    })
    void everyStoredKindDecodes(String apiVersion, String kind) {
        Descriptor type = GeneratedFiles.byGroupVersion().get(apiVersion).get().findMessageTypeByName(kind);
        DynamicMessage object = DynamicMessage.newBuilder(type)
                .setField(type.findFieldByName("metadata"), named("it").setNamespace("shop").build())
                .build();
        assertSameJson(json("{\"kind\":\"" + kind + "\",\"apiVersion\":\"" + apiVersion
                + "\",\"metadata\":{\"name\":\"it\",\"namespace\":\"shop\"}}"),
                KubernetesProtobuf.decode(envelope(apiVersion, kind, object)));
    }

    @Test
    void embeddedStructsAreInlinedAsGoDoes() {
        V1.Pod pod = V1.Pod.newBuilder().setMetadata(named("web-0"))
                .setSpec(V1.PodSpec.newBuilder()
                        .addVolumes(V1.Volume.newBuilder().setName("cfg").setVolumeSource(V1.VolumeSource.newBuilder()
                                .setConfigMap(V1.ConfigMapVolumeSource.newBuilder().setDefaultMode(420)
                                        .setLocalObjectReference(V1.LocalObjectReference.newBuilder().setName("settings")))))
                        .addContainers(V1.Container.newBuilder().setName("main").setImage("nginx:1.27")
                                .addEnv(V1.EnvVar.newBuilder().setName("MODE").setValueFrom(V1.EnvVarSource.newBuilder()
                                        .setConfigMapKeyRef(V1.ConfigMapKeySelector.newBuilder().setKey("mode")
                                                .setLocalObjectReference(V1.LocalObjectReference.newBuilder()
                                                        .setName("settings")))))
                                .setReadinessProbe(V1.Probe.newBuilder().setPeriodSeconds(5)
                                        .setHandler(V1.ProbeHandler.newBuilder().setHttpGet(V1.HTTPGetAction.newBuilder()
                                                .setPath("/healthz").setPort(text("http")))))))
                .build();
        assertSameJson(json("""
                {"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-0"},"spec":{
                  "volumes":[{"name":"cfg","configMap":{"name":"settings","defaultMode":420}}],
                  "containers":[{"name":"main","image":"nginx:1.27",
                    "env":[{"name":"MODE","valueFrom":{"configMapKeyRef":{"name":"settings","key":"mode"}}}],
                    "readinessProbe":{"httpGet":{"path":"/healthz","port":"http"},"periodSeconds":5}}]}}"""),
                KubernetesProtobuf.decode(envelope("v1", "Pod", pod)));

        V1.PersistentVolume volume = V1.PersistentVolume.newBuilder().setMetadata(named("pv-1"))
                .setSpec(V1.PersistentVolumeSpec.newBuilder()
                        .putCapacity("storage", Resource.Quantity.newBuilder().setString("1Gi").build())
                        .setPersistentVolumeSource(V1.PersistentVolumeSource.newBuilder()
                                .setHostPath(V1.HostPathVolumeSource.newBuilder().setPath("/data")))
                        .addAccessModes("ReadWriteOnce"))
                .build();
        assertSameJson(json("""
                {"kind":"PersistentVolume","apiVersion":"v1","metadata":{"name":"pv-1"},"spec":{
                  "capacity":{"storage":"1Gi"},"hostPath":{"path":"/data"},"accessModes":["ReadWriteOnce"]}}"""),
                KubernetesProtobuf.decode(envelope("v1", "PersistentVolume", volume)));
    }

    @Test
    void pointersSetToZeroStayWhereOmitemptyZerosGo() {
        // What a Go client sends: every non-pointer field, zero or not; pointers only when set.
        V1Apps.StatefulSet statefulSet = V1Apps.StatefulSet.newBuilder()
                .setMetadata(named("web").setNamespace("").setGenerateName("").setGeneration(0).setUid(""))
                .setSpec(V1Apps.StatefulSetSpec.newBuilder().setReplicas(0).setMinReadySeconds(0)
                        .setServiceName("web-headless").setPodManagementPolicy("")
                        .setTemplate(V1.PodTemplateSpec.newBuilder().setSpec(V1.PodSpec.newBuilder()
                                .setSecurityContext(V1.PodSecurityContext.newBuilder().setRunAsUser(0)
                                        .setRunAsNonRoot(false))
                                .setHostNetwork(false).setAutomountServiceAccountToken(false)
                                .setTerminationGracePeriodSeconds(0))))
                .setStatus(V1Apps.StatefulSetStatus.newBuilder().setReplicas(0).setAvailableReplicas(0)
                        .setReadyReplicas(0))
                .build();
        assertSameJson(json("""
                {"kind":"StatefulSet","apiVersion":"apps/v1","metadata":{"name":"web"},
                 "spec":{"replicas":0,"serviceName":"web-headless","template":{"spec":{
                   "securityContext":{"runAsUser":0,"runAsNonRoot":false},
                   "automountServiceAccountToken":false,"terminationGracePeriodSeconds":0}}},
                 "status":{"replicas":0,"availableReplicas":0}}"""),
                KubernetesProtobuf.decode(envelope("apps/v1", "StatefulSet", statefulSet)));

        V1Discovery.EndpointSlice slice = V1Discovery.EndpointSlice.newBuilder().setMetadata(named("web-abc"))
                .setAddressType("IPv4")
                .addEndpoints(V1Discovery.Endpoint.newBuilder().addAddresses("10.0.0.7")
                        .setConditions(V1Discovery.EndpointConditions.newBuilder().setReady(false)))
                .addPorts(V1Discovery.EndpointPort.newBuilder().setName("").setPort(80).setProtocol("TCP"))
                .build();
        assertSameJson(json("""
                {"kind":"EndpointSlice","apiVersion":"discovery.k8s.io/v1","metadata":{"name":"web-abc"},
                 "addressType":"IPv4","endpoints":[{"addresses":["10.0.0.7"],"conditions":{"ready":false}}],
                 "ports":[{"name":"","protocol":"TCP","port":80}]}"""),
                KubernetesProtobuf.decode(envelope("discovery.k8s.io/v1", "EndpointSlice", slice)));

        V1Storage.StorageClass storageClass = V1Storage.StorageClass.newBuilder().setMetadata(named("standard"))
                .setProvisioner("rancher.io/local-path").putParameters("type", "ssd").setReclaimPolicy("Delete")
                .setAllowVolumeExpansion(false).setVolumeBindingMode("WaitForFirstConsumer")
                .build();
        assertSameJson(json("""
                {"kind":"StorageClass","apiVersion":"storage.k8s.io/v1","metadata":{"name":"standard"},
                 "provisioner":"rancher.io/local-path","parameters":{"type":"ssd"},"reclaimPolicy":"Delete",
                 "allowVolumeExpansion":false,"volumeBindingMode":"WaitForFirstConsumer"}"""),
                KubernetesProtobuf.decode(envelope("storage.k8s.io/v1", "StorageClass", storageClass)));
    }

    @Test
    void deleteOptionsResolveInEveryGroupVersion() {
        Meta.DeleteOptions options = Meta.DeleteOptions.newBuilder().setGracePeriodSeconds(0)
                .setPreconditions(Meta.Preconditions.newBuilder().setUid("6f1c").setResourceVersion("42"))
                .setPropagationPolicy("Foreground").addDryRun("All")
                .build();
        for (String apiVersion : new String[] {"v1", "apps/v1", "meta.k8s.io/v1"}) {
            assertSameJson(json("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"" + apiVersion + "\",\"gracePeriodSeconds\":0,"
                    + "\"preconditions\":{\"uid\":\"6f1c\",\"resourceVersion\":\"42\"},"
                    + "\"propagationPolicy\":\"Foreground\",\"dryRun\":[\"All\"]}"),
                    KubernetesProtobuf.decode(envelope(apiVersion, "DeleteOptions", options)));
        }
    }

    @Test
    void reviewsCarryTheirAttributesAndExtras() {
        V1Authentication.TokenReview tokenReview = V1Authentication.TokenReview.newBuilder()
                .setSpec(V1Authentication.TokenReviewSpec.newBuilder().setToken("eyJ.x.y").addAudiences("api"))
                .build();
        assertSameJson(json("""
                {"kind":"TokenReview","apiVersion":"authentication.k8s.io/v1",
                 "spec":{"token":"eyJ.x.y","audiences":["api"]}}"""),
                KubernetesProtobuf.decode(envelope("authentication.k8s.io/v1", "TokenReview", tokenReview)));

        V1Authorization.SubjectAccessReview review = V1Authorization.SubjectAccessReview.newBuilder()
                .setSpec(V1Authorization.SubjectAccessReviewSpec.newBuilder().setUser("bob").addGroups("devs")
                        .putExtra("scopes", V1Authorization.ExtraValue.newBuilder().addItems("read").addItems("write").build())
                        .setResourceAttributes(V1Authorization.ResourceAttributes.newBuilder().setNamespace("shop")
                                .setVerb("get").setResource("pods").setSubresource("log")))
                .setStatus(V1Authorization.SubjectAccessReviewStatus.newBuilder().setAllowed(false))
                .build();
        assertSameJson(json("""
                {"kind":"SubjectAccessReview","apiVersion":"authorization.k8s.io/v1",
                 "spec":{"resourceAttributes":{"namespace":"shop","verb":"get","resource":"pods","subresource":"log"},
                         "user":"bob","groups":["devs"],"extra":{"scopes":["read","write"]}},
                 "status":{"allowed":false}}"""),
                KubernetesProtobuf.decode(envelope("authorization.k8s.io/v1", "SubjectAccessReview", review)));

        V1Authorization.LocalSubjectAccessReview local = V1Authorization.LocalSubjectAccessReview.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setNamespace("shop"))
                .setSpec(V1Authorization.SubjectAccessReviewSpec.newBuilder().setUser("bob")
                        .setNonResourceAttributes(V1Authorization.NonResourceAttributes.newBuilder()
                                .setPath("/healthz").setVerb("get")))
                .build();
        assertSameJson(json("""
                {"kind":"LocalSubjectAccessReview","apiVersion":"authorization.k8s.io/v1","metadata":{"namespace":"shop"},
                 "spec":{"nonResourceAttributes":{"path":"/healthz","verb":"get"},"user":"bob"}}"""),
                KubernetesProtobuf.decode(envelope("authorization.k8s.io/v1", "LocalSubjectAccessReview", local)));
    }

    @Test
    void rawExtensionsAndManagedFieldsCarryTheirJsonAndNestedObjectsAreDecoded() {
        V1.ConfigMap nested = V1.ConfigMap.newBuilder().setMetadata(named("inner")).putData("k", "v").build();
        V1Apps.ControllerRevision json = V1Apps.ControllerRevision.newBuilder()
                .setMetadata(named("web-7d9").addManagedFields(Meta.ManagedFieldsEntry.newBuilder()
                        .setManager("kubectl").setOperation("Update").setApiVersion("apps/v1")
                        .setTime(Meta.Time.newBuilder().setSeconds(1_700_000_000L)).setFieldsType("FieldsV1")
                        .setFieldsV1(Meta.FieldsV1.newBuilder().setRaw(ByteString.copyFromUtf8("{\"f:data\":{}}")))))
                .setData(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFromUtf8("{\"spec\":{\"replicas\":3}}")))
                .setRevision(2)
                .build();
        assertSameJson(json("""
                {"kind":"ControllerRevision","apiVersion":"apps/v1",
                 "metadata":{"name":"web-7d9","managedFields":[{"manager":"kubectl","operation":"Update",
                   "apiVersion":"apps/v1","time":"2023-11-14T22:13:20Z","fieldsType":"FieldsV1",
                   "fieldsV1":{"f:data":{}}}]},
                 "data":{"spec":{"replicas":3}},"revision":2}"""),
                KubernetesProtobuf.decode(envelope("apps/v1", "ControllerRevision", json)));

        Meta.WatchEvent event = Meta.WatchEvent.newBuilder().setType("ADDED")
                .setObject(Runtime.RawExtension.newBuilder()
                        .setRaw(ByteString.copyFrom(envelope("v1", "ConfigMap", nested))))
                .build();
        assertSameJson(json("""
                {"kind":"WatchEvent","apiVersion":"v1","type":"ADDED",
                 "object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"inner"},"data":{"k":"v"}}}"""),
                KubernetesProtobuf.decode(envelope("v1", "WatchEvent", event)));
    }

    @Test
    void unversionedKindsAndNamedListsResolve() {
        Meta.APIResourceList resources = Meta.APIResourceList.newBuilder().setGroupVersion("v1")
                .addResources(Meta.APIResource.newBuilder().setName("pods").setSingularName("pod").setNamespaced(true)
                        .setKind("Pod").setVerbs(Meta.Verbs.newBuilder().addItems("get").addItems("list")))
                .build();
        ObjectNode decoded = KubernetesProtobuf.decode(envelope("apps/v1", "APIResourceList", resources));
        assertSameJson(json("""
                {"kind":"APIResourceList","apiVersion":"apps/v1","groupVersion":"v1","resources":[
                  {"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":["get","list"]}]}"""),
                decoded);
        assertFalse(decoded.at("/resources/0").has("group"));
    }

    @Test
    void customResourceSchemasUseTheirJsonSchemaNames() {
        V1Apiextensions.JSONSchemaProps replicas = V1Apiextensions.JSONSchemaProps.newBuilder().setType("integer")
                .setMinimum(0).setDescription("").build();
        V1Apiextensions.JSONSchemaProps schema = V1Apiextensions.JSONSchemaProps.newBuilder().setType("object")
                .putProperties("replicas", replicas)
                .putProperties("extra", V1Apiextensions.JSONSchemaProps.newBuilder()
                        .setXKubernetesPreserveUnknownFields(true).setRef("#/definitions/extra").build())
                .putProperties("tags", V1Apiextensions.JSONSchemaProps.newBuilder().setType("array")
                        .setItems(V1Apiextensions.JSONSchemaPropsOrArray.newBuilder()
                                .setSchema(V1Apiextensions.JSONSchemaProps.newBuilder().setType("string")))
                        .setDefault(V1Apiextensions.JSON.newBuilder().setRaw(ByteString.copyFromUtf8("[\"a\"]")))
                        .build())
                .setAdditionalProperties(V1Apiextensions.JSONSchemaPropsOrBool.newBuilder().setAllows(false))
                .build();
        V1Apiextensions.CustomResourceDefinition definition = V1Apiextensions.CustomResourceDefinition.newBuilder()
                .setMetadata(named("apps.example.com"))
                .setSpec(V1Apiextensions.CustomResourceDefinitionSpec.newBuilder().setGroup("example.com")
                        .setScope("Namespaced")
                        .addVersions(V1Apiextensions.CustomResourceDefinitionVersion.newBuilder().setName("v1")
                                .setServed(true).setStorage(true)
                                .setSchema(V1Apiextensions.CustomResourceValidation.newBuilder()
                                        .setOpenAPIV3Schema(schema))))
                .build();
        ObjectNode decoded = KubernetesProtobuf.decode(
                envelope("apiextensions.k8s.io/v1", "CustomResourceDefinition", definition));
        assertSameJson(json("""
                {"type":"object","properties":{
                   "replicas":{"type":"integer","minimum":0},
                   "extra":{"$ref":"#/definitions/extra","x-kubernetes-preserve-unknown-fields":true},
                   "tags":{"type":"array","items":{"type":"string"},"default":["a"]}},
                 "additionalProperties":false}"""),
                decoded.at("/spec/versions/0/schema/openAPIV3Schema"));
    }

    @Test
    void aJsonSchemaPropsOrArrayOfSeveralSchemasIsAnArray() {
        V1Apiextensions.JSONSchemaProps tuple = V1Apiextensions.JSONSchemaProps.newBuilder().setType("array")
                .setItems(V1Apiextensions.JSONSchemaPropsOrArray.newBuilder()
                        .addJSONSchemas(V1Apiextensions.JSONSchemaProps.newBuilder().setType("string"))
                        .addJSONSchemas(V1Apiextensions.JSONSchemaProps.newBuilder().setType("integer")))
                .putDependencies("a", V1Apiextensions.JSONSchemaPropsOrStringArray.newBuilder()
                        .addProperty("b").build())
                .build();
        V1Apiextensions.CustomResourceDefinition definition = V1Apiextensions.CustomResourceDefinition.newBuilder()
                .setMetadata(named("t.example.com"))
                .setSpec(V1Apiextensions.CustomResourceDefinitionSpec.newBuilder().addVersions(
                        V1Apiextensions.CustomResourceDefinitionVersion.newBuilder().setName("v1").setSchema(
                                V1Apiextensions.CustomResourceValidation.newBuilder().setOpenAPIV3Schema(tuple))))
                .build();
        assertSameJson(json("""
                {"type":"array","items":[{"type":"string"},{"type":"integer"}],"dependencies":{"a":["b"]}}"""),
                KubernetesProtobuf.decode(envelope("apiextensions.k8s.io/v1", "CustomResourceDefinition", definition))
                        .at("/spec/versions/0/schema/openAPIV3Schema"));
    }
}
