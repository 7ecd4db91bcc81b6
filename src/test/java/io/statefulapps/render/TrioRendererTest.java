package io.statefulapps.render;

import static io.statefulapps.render.AppSpecFixtures.minimalWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.statefulapps.spec.AppSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TrioRendererTest {

    private static final String NS = "team-a";
    private final TrioRenderer renderer = new TrioRenderer();

    private Trio render(AppSpec spec) {
        return renderer.render(NS, spec);
    }

    private static Container container(Trio trio) {
        return trio.statefulSet().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static ContainerPort containerPort(String name, int number, String protocol) {
        return new ContainerPortBuilder().withName(name).withContainerPort(number).withProtocol(protocol).build();
    }

    private static PodSpec pod(Trio trio) {
        return trio.statefulSet().getSpec().getTemplate().getSpec();
    }

    @Nested
    class MinimalSpec {

        private final Trio trio = render(minimalWith(""));

        @Test
        void objectsAreNamedAndPlacedInCreationOrder() {
            List<HasMetadata> objects = trio.inCreationOrder();
            assertEquals(List.of("Service/db-headless", "StatefulSet/db", "Service/db"),
                    objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList());
            objects.forEach(o -> assertEquals(NS, o.getMetadata().getNamespace()));
        }

        @Test
        void headlessServiceHasNoClusterIpAndDoesNotPublishUnreadyPods() {
            Service headless = trio.headlessService();
            assertEquals("None", headless.getSpec().getClusterIP());
            assertEquals("ClusterIP", headless.getSpec().getType());
            assertEquals("None", headless.getSpec().getSessionAffinity());
            assertEquals(Boolean.FALSE, headless.getSpec().getPublishNotReadyAddresses());
            assertTrue(headless.getMetadata().getAnnotations() == null
                    || headless.getMetadata().getAnnotations().isEmpty());
        }

        @Test
        void clientServiceIsClusterIpWithoutExternalTrafficPolicy() {
            Service client = trio.clientService();
            assertEquals("ClusterIP", client.getSpec().getType());
            assertEquals("None", client.getSpec().getSessionAffinity());
            assertNull(client.getSpec().getExternalTrafficPolicy());
            assertNull(client.getSpec().getClusterIP(), "the API server allocates the client Service's IP");
        }

        @Test
        void bothServicesPublishThePortWithTargetPortAndProtocolDefaulted() {
            for (Service service : List.of(trio.headlessService(), trio.clientService())) {
                ServicePort port = service.getSpec().getPorts().get(0);
                assertEquals(1, service.getSpec().getPorts().size());
                assertEquals(5432, port.getPort());
                assertEquals(new IntOrString(5432), port.getTargetPort());
                assertEquals("TCP", port.getProtocol());
                assertNull(port.getName());
            }
        }

        @Test
        void statefulSetTakesTheCarefulDefaults() {
            StatefulSetSpec sts = trio.statefulSet().getSpec();
            assertEquals(1, sts.getReplicas());
            assertEquals("db-headless", sts.getServiceName());
            assertEquals("OrderedReady", sts.getPodManagementPolicy());
            assertEquals("RollingUpdate", sts.getUpdateStrategy().getType());
            assertEquals(0, sts.getUpdateStrategy().getRollingUpdate().getPartition());
            assertEquals(10, sts.getRevisionHistoryLimit());
            assertEquals("Retain", sts.getPersistentVolumeClaimRetentionPolicy().getWhenDeleted());
            assertEquals("Retain", sts.getPersistentVolumeClaimRetentionPolicy().getWhenScaled());
            assertTrue(sts.getVolumeClaimTemplates().isEmpty());
        }

        @Test
        void podAndContainerTakeTheCarefulDefaults() {
            assertEquals("ClusterFirst", pod(trio).getDnsPolicy());
            assertEquals("Always", pod(trio).getRestartPolicy());
            assertEquals(30L, pod(trio).getTerminationGracePeriodSeconds());
            assertEquals(1, pod(trio).getContainers().size());
            Container container = container(trio);
            assertEquals("db", container.getName());
            assertEquals("postgres:16", container.getImage());
            assertEquals("IfNotPresent", container.getImagePullPolicy());
            assertEquals(List.of(containerPort(null, 5432, "TCP")), container.getPorts());
            assertNull(container.getLivenessProbe());
            assertNull(container.getResources());
        }

        @Test
        void defaultHardeningDoesNotForceNonRoot() {
            Container container = container(trio);
            assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation());
            assertNull(container.getSecurityContext().getRunAsNonRoot());
            assertNull(container.getSecurityContext().getCapabilities());
            assertNull(container.getSecurityContext().getReadOnlyRootFilesystem());
            assertEquals("RuntimeDefault", pod(trio).getSecurityContext().getSeccompProfile().getType());
            assertNull(pod(trio).getSecurityContext().getRunAsNonRoot());
            assertNull(pod(trio).getSecurityContext().getRunAsUser());
        }
    }

    @Nested
    class LabelsAndSelector {

        private final Trio trio = render(minimalWith("\"labels\": {\"tier\": \"db\", \"app\": \"intruder\"}"));

        @Test
        void selectorsAreExactlyTheSeedsAppLabel() {
            Map<String, String> selector = Map.of("app", "db");
            assertEquals(selector, trio.statefulSet().getSpec().getSelector().getMatchLabels());
            assertTrue(trio.statefulSet().getSpec().getSelector().getMatchExpressions().isEmpty());
            assertEquals(selector, trio.headlessService().getSpec().getSelector());
            assertEquals(selector, trio.clientService().getSpec().getSelector());
        }

        @Test
        void theThreeObjectsAndThePodsCarryManagedAndExtraLabels() {
            Map<String, String> expected = Map.of("app", "db", "app.kubernetes.io/name", "db",
                    "app.kubernetes.io/instance", "db", "app.kubernetes.io/managed-by", "stateful-apps-api",
                    "tier", "db");
            for (HasMetadata object : trio.inCreationOrder()) {
                assertEquals(expected, object.getMetadata().getLabels(), object.getKind());
                assertTrue(ManagedLabels.isManaged(object));
                assertEquals("db", ManagedLabels.appName(object));
            }
            assertEquals(expected, trio.statefulSet().getSpec().getTemplate().getMetadata().getLabels());
        }

        @Test
        void claimTemplatesCarryOnlyTheManagedLabelsBecauseTheyAreImmutable() {
            Trio withVolume = render(minimalWith("\"labels\": {\"tier\": \"db\"}, "
                    + "\"volumes\": [{\"name\": \"data\", \"mountPath\": \"/data\", \"size\": \"1Gi\"}]"));
            assertEquals(Map.of("app", "db", "app.kubernetes.io/name", "db", "app.kubernetes.io/instance", "db",
                    "app.kubernetes.io/managed-by", "stateful-apps-api"),
                    withVolume.statefulSet().getSpec().getVolumeClaimTemplates().get(0).getMetadata().getLabels());
        }

        @Test
        void podAnnotationsGoOnThePodTemplateOnly() {
            Trio annotated = render(minimalWith("\"podAnnotations\": {\"prometheus.io/scrape\": \"true\"}"));
            assertEquals(Map.of("prometheus.io/scrape", "true"),
                    annotated.statefulSet().getSpec().getTemplate().getMetadata().getAnnotations());
            assertTrue(annotated.statefulSet().getMetadata().getAnnotations() == null
                    || annotated.statefulSet().getMetadata().getAnnotations().isEmpty());
        }
    }

    @Nested
    class Hardening {

        @Test
        void userSecurityContextWinsAndDefaultsFillTheRest() {
            Trio trio = render(minimalWith("\"securityContext\": {\"runAsUser\": 999, \"allowPrivilegeEscalation\": true},"
                    + "\"podSecurityContext\": {\"fsGroup\": 999}"));
            assertEquals(999L, container(trio).getSecurityContext().getRunAsUser());
            assertEquals(Boolean.TRUE, container(trio).getSecurityContext().getAllowPrivilegeEscalation());
            assertEquals(999L, pod(trio).getSecurityContext().getFsGroup());
            assertEquals("RuntimeDefault", pod(trio).getSecurityContext().getSeccompProfile().getType());
        }

        @Test
        void aUserSeccompProfileIsKept() {
            Trio trio = render(minimalWith("\"podSecurityContext\": {\"seccompProfile\": "
                    + "{\"type\": \"Localhost\", \"localhostProfile\": \"profiles/db.json\"}}"));
            assertEquals("Localhost", pod(trio).getSecurityContext().getSeccompProfile().getType());
            assertEquals("profiles/db.json", pod(trio).getSecurityContext().getSeccompProfile().getLocalhostProfile());
        }

        @Test
        void userHardeningGoesFurtherAndStillGetsTheDefaults() {
            Trio trio = render(minimalWith("\"securityContext\": {\"runAsNonRoot\": true, "
                    + "\"capabilities\": {\"drop\": [\"ALL\"]}}"));
            assertEquals(Boolean.TRUE, container(trio).getSecurityContext().getRunAsNonRoot());
            assertEquals(List.of("ALL"), container(trio).getSecurityContext().getCapabilities().getDrop());
            assertEquals(Boolean.FALSE, container(trio).getSecurityContext().getAllowPrivilegeEscalation());
        }

        @Test
        void privilegedOrSysAdminContainersAreNotDeniedEscalationWhichTheApiServerWouldRefuse() {
            Trio privileged = render(minimalWith("\"securityContext\": {\"privileged\": true}"));
            Trio sysAdmin = render(minimalWith("\"securityContext\": {\"capabilities\": {\"add\": [\"SYS_ADMIN\"]}}"));
            assertNull(container(privileged).getSecurityContext().getAllowPrivilegeEscalation());
            assertNull(container(sysAdmin).getSecurityContext().getAllowPrivilegeEscalation());
        }

        @Test
        void renderingNeitherMutatesNorSharesTheSpecsModelObjects() {
            AppSpec spec = minimalWith("\"securityContext\": {\"runAsUser\": 999}, "
                    + "\"tolerations\": [{\"key\": \"k\", \"operator\": \"Exists\"}]");
            AppSpec before = minimalWith("\"securityContext\": {\"runAsUser\": 999}, "
                    + "\"tolerations\": [{\"key\": \"k\", \"operator\": \"Exists\"}]");
            Trio trio = render(spec);
            assertEquals(before, spec);
            assertNotSame(spec.securityContext(), container(trio).getSecurityContext());
            container(trio).getSecurityContext().setRunAsUser(0L);
            pod(trio).getTolerations().get(0).setKey("changed");
            assertEquals(before, spec);
        }
    }

    @Nested
    class ClientServiceTypes {

        @Test
        void loadBalancerFieldsAreRendered() {
            Service client = render(minimalWith("\"service\": {\"type\": \"LoadBalancer\", "
                    + "\"annotations\": {\"service.beta.kubernetes.io/aws-load-balancer-internal\": \"true\"}, "
                    + "\"loadBalancerSourceRanges\": [\"10.0.0.0/8\", \"192.168.0.0/16\"], "
                    + "\"loadBalancerClass\": \"service.k8s.aws/nlb\", \"sessionAffinity\": \"ClientIP\"}"))
                    .clientService();
            assertEquals("db", client.getMetadata().getName());
            assertEquals("LoadBalancer", client.getSpec().getType());
            assertEquals("Cluster", client.getSpec().getExternalTrafficPolicy());
            assertEquals(Map.of("service.beta.kubernetes.io/aws-load-balancer-internal", "true"),
                    client.getMetadata().getAnnotations());
            assertEquals(List.of("10.0.0.0/8", "192.168.0.0/16"), client.getSpec().getLoadBalancerSourceRanges());
            assertEquals("service.k8s.aws/nlb", client.getSpec().getLoadBalancerClass());
            assertEquals("ClientIP", client.getSpec().getSessionAffinity());
        }

        @Test
        void externalTrafficPolicyIsKeptWhenGivenAndDefaultedForNodePort() {
            assertEquals("Local", render(minimalWith("\"service\": {\"type\": \"LoadBalancer\", "
                    + "\"externalTrafficPolicy\": \"Local\"}")).clientService().getSpec().getExternalTrafficPolicy());
            assertEquals("Cluster", render(minimalWith("\"service\": {\"type\": \"NodePort\"}"))
                    .clientService().getSpec().getExternalTrafficPolicy());
        }

        @Test
        void namesAndHeadlessOptionsComeFromTheSpec() {
            Trio trio = render(minimalWith("\"headlessServiceName\": \"db-peers\", \"service\": {\"name\": \"db-rw\"}, "
                    + "\"headlessService\": {\"publishNotReadyAddresses\": true, \"annotations\": {\"a\": \"b\"}}"));
            assertEquals("db-peers", trio.headlessService().getMetadata().getName());
            assertEquals("db-peers", trio.statefulSet().getSpec().getServiceName());
            assertEquals("db-rw", trio.clientService().getMetadata().getName());
            assertEquals(Boolean.TRUE, trio.headlessService().getSpec().getPublishNotReadyAddresses());
            assertEquals(Map.of("a", "b"), trio.headlessService().getMetadata().getAnnotations());
        }
    }

    @Nested
    class Volumes {

        private final Trio trio = render(minimalWith("\"volumes\": ["
                + "{\"name\": \"data\", \"mountPath\": \"/var/lib/postgresql\", \"size\": \"10Gi\", "
                + " \"storageClassName\": \"fast\", \"subPath\": \"pg\"},"
                + "{\"name\": \"wal\", \"mountPath\": \"/wal\", \"size\": \"2Gi\", \"accessModes\": [\"ReadWriteOncePod\"], "
                + " \"volumeMode\": \"Filesystem\", \"readOnly\": true}]"));

        @Test
        void everyVolumeIsAClaimTemplateInOrder() {
            List<PersistentVolumeClaim> templates = trio.statefulSet().getSpec().getVolumeClaimTemplates();
            assertEquals(List.of("data", "wal"), templates.stream().map(t -> t.getMetadata().getName()).toList());
            templates.forEach(t -> assertEquals(NS, t.getMetadata().getNamespace()));
            PersistentVolumeClaim data = templates.get(0);
            assertEquals(List.of("ReadWriteOnce"), data.getSpec().getAccessModes());
            assertEquals("Filesystem", data.getSpec().getVolumeMode());
            assertEquals("fast", data.getSpec().getStorageClassName());
            assertEquals(new Quantity("10Gi"), data.getSpec().getResources().getRequests().get("storage"));
            PersistentVolumeClaim wal = templates.get(1);
            assertEquals(List.of("ReadWriteOncePod"), wal.getSpec().getAccessModes());
            assertNull(wal.getSpec().getStorageClassName(), "no class given: the cluster's default class");
        }

        @Test
        void everyVolumeIsMountedInTheContainer() {
            List<VolumeMount> mounts = container(trio).getVolumeMounts();
            assertEquals(2, mounts.size());
            assertEquals(new VolumeMountBuilder().withName("data").withMountPath("/var/lib/postgresql")
                    .withSubPath("pg").build(), mounts.get(0));
            assertEquals(new VolumeMountBuilder().withName("wal").withMountPath("/wal").withReadOnly(true).build(),
                    mounts.get(1));
        }
    }

    @Nested
    class Probes {

        private final Trio trio = render(minimalWith(
                "\"livenessProbe\": {\"exec\": {\"command\": [\"pg_isready\"]}},"
                        + "\"readinessProbe\": {\"httpGet\": {\"port\": 5432}, \"periodSeconds\": 5},"
                        + "\"startupProbe\": {\"tcpSocket\": {\"port\": 5432}, \"failureThreshold\": 30}"));

        @Test
        void everyProbeHasAllFiveNumbersWithKubernetesDefaults() {
            Probe liveness = container(trio).getLivenessProbe();
            assertEquals(List.of(0, 10, 1, 3, 1), numbers(liveness));
            assertEquals(List.of(0, 5, 1, 3, 1), numbers(container(trio).getReadinessProbe()));
            assertEquals(List.of(0, 10, 1, 30, 1), numbers(container(trio).getStartupProbe()));
        }

        @Test
        void eachHandlerKindIsRendered() {
            assertEquals(List.of("pg_isready"), container(trio).getLivenessProbe().getExec().getCommand());
            assertEquals("/", container(trio).getReadinessProbe().getHttpGet().getPath());
            assertEquals("HTTP", container(trio).getReadinessProbe().getHttpGet().getScheme());
            assertEquals(new IntOrString(5432), container(trio).getReadinessProbe().getHttpGet().getPort());
            assertEquals(new IntOrString(5432), container(trio).getStartupProbe().getTcpSocket().getPort());
            assertNull(container(trio).getStartupProbe().getHttpGet());
        }

        @Test
        void grpcProbesAndHttpHeadersAreRendered() {
            Container container = container(render(minimalWith(
                    "\"livenessProbe\": {\"grpc\": {\"port\": 5433, \"service\": \"liveness\"}},"
                            + "\"readinessProbe\": {\"httpGet\": {\"path\": \"/ready\", \"port\": 8080, "
                            + "\"httpHeaders\": [{\"name\": \"X-Probe\", \"value\": \"1\"}]}}")));
            assertEquals(5433, container.getLivenessProbe().getGrpc().getPort());
            assertEquals("liveness", container.getLivenessProbe().getGrpc().getService());
            assertEquals("X-Probe", container.getReadinessProbe().getHttpGet().getHttpHeaders().get(0).getName());
        }

        private List<Integer> numbers(Probe probe) {
            return List.of(probe.getInitialDelaySeconds(), probe.getPeriodSeconds(), probe.getTimeoutSeconds(),
                    probe.getFailureThreshold(), probe.getSuccessThreshold());
        }
    }

    @Nested
    class PortsAndContainer {

        @Test
        void containerPortsAreDeclaredOncePerNumericTargetPort() {
            Trio trio = render(minimalWith("\"ports\": ["
                    + "{\"name\": \"pg\", \"port\": 5432},"
                    + "{\"name\": \"pg-alias\", \"port\": 15432, \"targetPort\": \"pg\"},"
                    + "{\"name\": \"pg-again\", \"port\": 25432, \"targetPort\": 5432},"
                    + "{\"name\": \"stats\", \"port\": 9187, \"targetPort\": 9100, \"protocol\": \"UDP\"}]"));
            assertEquals(List.of(containerPort("pg", 5432, "TCP"),
                    containerPort("stats", 9100, "UDP")), container(trio).getPorts());
            assertEquals(List.of("pg", "pg-alias", "pg-again", "stats"),
                    trio.headlessService().getSpec().getPorts().stream().map(ServicePort::getName).toList());
            assertEquals(new IntOrString("pg"), trio.clientService().getSpec().getPorts().get(1).getTargetPort());
        }

        @Test
        void podLevelFieldsAreRendered() {
            Trio trio = render(AppSpecFixtures.resource("every-field-appspec.json"));
            PodSpec pod = pod(trio);
            assertEquals(Map.of("disktype", "ssd"), pod.getNodeSelector());
            assertEquals("dedicated", pod.getTolerations().get(0).getKey());
            assertEquals("kubernetes.io/hostname", pod.getAffinity().getPodAntiAffinity()
                    .getRequiredDuringSchedulingIgnoredDuringExecution().get(0).getTopologyKey());
            assertEquals("registry-cred", pod.getImagePullSecrets().get(0).getName());
            assertEquals("kafka", pod.getServiceAccountName());
            assertEquals(120L, pod.getTerminationGracePeriodSeconds());
            Container container = container(trio);
            assertEquals(List.of("/opt/kafka/bin/kafka-server-start.sh"), container.getCommand());
            assertEquals(List.of("/etc/kafka/server.properties"), container.getArgs());
            assertEquals("metadata.name", container.getEnv().get(1).getValueFrom().getFieldRef().getFieldPath());
            assertEquals("v1", container.getEnv().get(1).getValueFrom().getFieldRef().getApiVersion());
            assertEquals(new Quantity("2Gi"), container.getResources().getLimits().get("memory"));
            assertFalse(container.getResources().getLimits().containsKey("cpu"));
            assertEquals("Delete", trio.statefulSet().getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted());
            assertEquals(1, trio.statefulSet().getSpec().getUpdateStrategy().getRollingUpdate().getPartition());
        }

        @Test
        void onDeleteHasNoRollingUpdateBlock() {
            StatefulSetSpec sts = render(minimalWith("\"updateStrategy\": {\"type\": \"OnDelete\"}")).statefulSet().getSpec();
            assertEquals("OnDelete", sts.getUpdateStrategy().getType());
            assertNull(sts.getUpdateStrategy().getRollingUpdate());
        }

        @Test
        void renderingIsDeterministic() {
            AppSpec spec = AppSpecFixtures.resource("every-field-appspec.json");
            assertEquals(render(spec), render(spec));
        }
    }
}
