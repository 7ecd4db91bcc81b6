package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.statefulapps.render.AppSpecFixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AppSpecDefaultsTest {

    static Stream<String> resourceSpecs() {
        return AppSpecFixtures.RESOURCE_SPECS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resourceSpecs")
    void applyingTwiceChangesNothing(String file) {
        AppSpec once = AppSpecDefaults.apply(AppSpecFixtures.resource(file));
        assertEquals(once, AppSpecDefaults.apply(once));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resourceSpecs")
    void theInputIsNotMutated(String file) {
        AppSpec spec = AppSpecFixtures.resource(file);
        AppSpecDefaults.apply(spec);
        assertEquals(AppSpecFixtures.resource(file), spec);
    }

    @Test
    void aMinimalSpecGetsEveryDefault() {
        AppSpec full = AppSpecDefaults.apply(AppSpecFixtures.resource("minimal-appspec.json"));

        assertEquals("IfNotPresent", full.imagePullPolicy());
        assertEquals(1, full.replicas());
        assertEquals(List.of(new PortSpec(null, 5432, new IntOrString(5432), "TCP")), full.ports());
        assertEquals("OrderedReady", full.podManagementPolicy());
        assertEquals(new UpdateStrategySpec("RollingUpdate", 0), full.updateStrategy());
        assertEquals(10, full.revisionHistoryLimit());
        assertEquals("db-headless", full.headlessServiceName());
        assertEquals(new HeadlessServiceSpec(false, null), full.headlessService());
        assertEquals(new ServiceSpec("db", "ClusterIP", null, null, "None", null, null), full.service());
        assertEquals(new RetentionPolicySpec("Retain", "Retain"), full.persistentVolumeClaimRetentionPolicy());
        assertEquals(30L, full.terminationGracePeriodSeconds());
        assertEquals(Boolean.FALSE, full.securityContext().getAllowPrivilegeEscalation());
        assertNull(full.securityContext().getRunAsNonRoot());
        assertEquals("RuntimeDefault", full.podSecurityContext().getSeccompProfile().getType());
        assertNull(full.env());
        assertNull(full.volumes());
        assertNull(full.labels());
        assertNull(full.livenessProbe());
        assertNull(full.resources());
        assertNull(full.serviceAccountName());
    }

    @Test
    void emptyCollectionsAndStringsBecomeAbsent() {
        AppSpec full = AppSpecDefaults.apply(AppSpecFixtures.minimalWith(
                "\"env\": [], \"labels\": {}, \"podAnnotations\": {}, \"volumes\": [], \"command\": [], \"args\": [],"
                        + "\"nodeSelector\": {}, \"tolerations\": [], \"imagePullSecrets\": [], \"affinity\": {},"
                        + "\"serviceAccountName\": \"\", \"resources\": {\"requests\": {}, \"limits\": {}},"
                        + "\"headlessService\": {\"annotations\": {}},"
                        + "\"service\": {\"annotations\": {}, \"loadBalancerSourceRanges\": []}"));
        assertEquals(AppSpecDefaults.apply(AppSpecFixtures.minimalWith("")), full);
    }

    @Test
    void volumesGetAccessModeVolumeModeAndReadOnlyButKeepTheClusterDefaultClass() {
        AppSpec full = AppSpecDefaults.apply(AppSpecFixtures.minimalWith(
                "\"volumes\": [{\"name\": \"data\", \"mountPath\": \"/data\", \"size\": \"1Gi\", \"accessModes\": []},"
                        + "{\"name\": \"static\", \"mountPath\": \"/s\", \"size\": \"1Gi\", \"storageClassName\": \"\"}]"));
        assertEquals(new VolumeSpec("data", "/data", "1Gi", null, List.of("ReadWriteOnce"), "Filesystem", null, false),
                full.volumes().get(0));
        assertEquals("", full.volumes().get(1).storageClassName(), "\"\" means no class, unlike null");
    }

    @Test
    void probesGetTheKubernetesDefaults() {
        AppSpec full = AppSpecDefaults.apply(AppSpecFixtures.minimalWith(
                "\"readinessProbe\": {\"httpGet\": {\"port\": 5432}}, \"livenessProbe\": {\"tcpSocket\": {\"port\": 5432}}"));
        assertEquals(new ProbeSpec(new HttpGetSpec("/", new IntOrString(5432), "HTTP", null, null), null, null, null,
                0, 10, 1, 3, 1), full.readinessProbe());
        assertEquals(new ProbeSpec(null, new TcpSocketSpec(new IntOrString(5432)), null, null, 0, 10, 1, 3, 1),
                full.livenessProbe());
    }

    @Test
    void externalTrafficPolicyDefaultsOnlyWhereTheTypeTakesIt() {
        assertEquals("Cluster", serviceOf("{\"type\": \"LoadBalancer\"}").externalTrafficPolicy());
        assertEquals("Cluster", serviceOf("{\"type\": \"NodePort\"}").externalTrafficPolicy());
        assertEquals("Local", serviceOf("{\"type\": \"NodePort\", \"externalTrafficPolicy\": \"Local\"}")
                .externalTrafficPolicy());
        assertNull(serviceOf("{\"type\": \"ClusterIP\"}").externalTrafficPolicy());
        assertEquals("db", serviceOf("{\"type\": \"ClusterIP\"}").name());
    }

    @Test
    void onDeleteTakesNoPartition() {
        assertEquals(new UpdateStrategySpec("OnDelete", null), AppSpecDefaults.apply(
                AppSpecFixtures.minimalWith("\"updateStrategy\": {\"type\": \"OnDelete\"}")).updateStrategy());
        assertEquals(new UpdateStrategySpec("RollingUpdate", 2), AppSpecDefaults.apply(
                AppSpecFixtures.minimalWith("\"updateStrategy\": {\"partition\": 2}")).updateStrategy());
    }

    @Test
    void envValuesAreNormalizedAsTheApiServerStoresThem() {
        AppSpec full = AppSpecDefaults.apply(AppSpecFixtures.minimalWith("\"env\": [{\"name\": \"A\", \"value\": \"\"},"
                + "{\"name\": \"POD\", \"valueFrom\": {\"fieldRef\": {\"fieldPath\": \"metadata.name\"}}}]"));
        assertEquals(new EnvVarSpec("A", null, null), full.env().get(0));
        assertEquals("v1", full.env().get(1).valueFrom().getFieldRef().getApiVersion());
    }

    @Test
    void hardeningIsMergedUnderTheUsersValues() {
        AppSpec full = AppSpecDefaults.apply(AppSpecFixtures.minimalWith(
                "\"securityContext\": {\"allowPrivilegeEscalation\": true, \"runAsUser\": 0},"
                        + "\"podSecurityContext\": {\"seccompProfile\": {\"type\": \"Unconfined\"}, \"fsGroup\": 2000}"));
        assertEquals(Boolean.TRUE, full.securityContext().getAllowPrivilegeEscalation());
        assertEquals(0L, full.securityContext().getRunAsUser());
        assertEquals("Unconfined", full.podSecurityContext().getSeccompProfile().getType());
        assertEquals(2000L, full.podSecurityContext().getFsGroup());
    }

    @Test
    void theResultSharesNoMutableModelObjectWithTheInput() {
        AppSpec spec = AppSpecFixtures.resource("every-field-appspec.json");
        AppSpec full = AppSpecDefaults.apply(spec);
        assertNotSame(spec.securityContext(), full.securityContext());
        assertNotSame(spec.affinity(), full.affinity());
        assertNotSame(spec.tolerations().get(0), full.tolerations().get(0));
        assertNotSame(spec.env().get(1).valueFrom(), full.env().get(1).valueFrom());
        full.tolerations().get(0).setKey("changed");
        assertEquals(AppSpecFixtures.resource("every-field-appspec.json"), spec);
    }

    @Test
    void anInvalidSpecIsDefaultedAsFarAsPossibleForValidationToReport() {
        AppSpec full = AppSpecDefaults.apply(AppSpecFixtures.json("{\"ports\": [null, {\"name\": \"x\"}]}"));
        assertNull(full.name());
        assertNull(full.headlessServiceName(), "no \"null-headless\"");
        assertNull(full.service().name());
        assertEquals(2, full.ports().size());
        assertNull(full.ports().get(0));
        assertEquals(new PortSpec("x", null, null, "TCP"), full.ports().get(1));
    }

    private static ServiceSpec serviceOf(String service) {
        return AppSpecDefaults.apply(AppSpecFixtures.minimalWith("\"service\": " + service)).service();
    }
}
