package io.statefulapps.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each overlay changes: the image, the watched namespaces, the monitoring objects, the namespace. */
class DeployVariantsTest {

    private static final List<String> BASE_KINDS = List.of("ClusterRole", "ClusterRole", "ClusterRoleBinding",
            "ClusterRoleBinding", "Deployment", "Namespace", "NetworkPolicy", "PodDisruptionBudget", "Service",
            "ServiceAccount");

    @Test
    void theBaseIsTheJvmImageInstalledIntoStatefulApps() {
        RenderedManifests base = RenderedManifests.render(Kustomizations.BASE);
        assertEquals(BASE_KINDS, base.kinds());
        assertEquals("stateful-apps", base.one(Namespace.class).getMetadata().getName());
        assertEquals("stateful-apps-api:0.1.0", DeployInvariantsTest.api(base).getImage());
        assertEquals(185L, pod(base).getSecurityContext().getRunAsUser(), "Dockerfile.jvm's user");
    }

    @Test
    void theNativeOverlayChangesTheImageItsUserAndItsResourcesOnly() {
        RenderedManifests base = RenderedManifests.render(Kustomizations.BASE);
        RenderedManifests nativeImage = RenderedManifests.render(Kustomizations.NATIVE);
        assertEquals(BASE_KINDS, nativeImage.kinds());
        assertEquals("stateful-apps-api:0.1.0-native", DeployInvariantsTest.api(nativeImage).getImage());
        assertEquals(1001L, pod(nativeImage).getSecurityContext().getRunAsUser(), "Dockerfile.native's user");

        Deployment expected = base.one(Deployment.class);
        Deployment actual = nativeImage.one(Deployment.class);
        PodSpec expectedPod = expected.getSpec().getTemplate().getSpec();
        PodSpec actualPod = actual.getSpec().getTemplate().getSpec();
        expectedPod.setSecurityContext(actualPod.getSecurityContext());
        expectedPod.getContainers().get(0).setImage(actualPod.getContainers().get(0).getImage());
        expectedPod.getContainers().get(0).setResources(actualPod.getContainers().get(0).getResources());
        assertEquals(expected, actual, "nothing else differs from the JVM install");
    }

    @Test
    void theMonitoringOverlayScrapesTheServiceAndAlertsOnTheHealthMetrics() {
        RenderedManifests m = RenderedManifests.render(Kustomizations.MONITORING);
        assertEquals(12, m.kinds().size(), m.kinds().toString());
        GenericKubernetesResource monitor = only(m.custom("ServiceMonitor"));
        assertEquals("monitoring.coreos.com/v1", monitor.getApiVersion());
        Service service = m.one(Service.class);
        Map<String, Object> matchLabels = monitor.get("spec", "selector", "matchLabels");
        assertTrue(service.getMetadata().getLabels().entrySet().containsAll(matchLabels.entrySet()),
                "the ServiceMonitor selects the Service by its labels");
        List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
        assertEquals("http", endpoints.get(0).get("port"));
        assertEquals("/q/metrics", endpoints.get(0).get("path"));
        assertEquals(m.namespace(), monitor.getMetadata().getNamespace());

        GenericKubernetesResource rule = only(m.custom("PrometheusRule"));
        assertEquals("monitoring.coreos.com/v1", rule.getApiVersion());
        assertEquals(m.namespace(), rule.getMetadata().getNamespace());
        List<Map<String, Object>> groups = rule.get("spec", "groups");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = groups.stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
        Map<String, Object> degraded = alert(rules, "stateful_apps_app_health{status=\"Degraded\"}");
        assertTrue(String.valueOf(degraded.get("expr")).endsWith("== 1"), degraded.toString());
        assertEquals("10m", degraded.get("for"));
        Map<String, Object> problems = alert(rules, "stateful_apps_problems");
        assertTrue(String.valueOf(problems.get("expr")).contains("by (reason)"), problems.toString());
    }

    @Test
    void aUsersOverlayMovesEverythingToItsNamespaceAndPrefixesTheNames() {
        Kustomizations.writeCombined();
        RenderedManifests m = RenderedManifests.render(Kustomizations.COMBINED);
        assertEquals(Kustomizations.COMBINED_NAMESPACE, m.one(Namespace.class).getMetadata().getName());
        assertEquals(Kustomizations.COMBINED_NAMESPACE, m.namespace());
        for (HasMetadata object : m.objects()) {
            if (!"Namespace".equals(object.getKind())) {
                assertTrue(object.getMetadata().getName().startsWith(Kustomizations.COMBINED_PREFIX),
                        object.getKind() + "/" + object.getMetadata().getName());
            }
        }
        assertEquals("stateful-apps-api:0.1.0-native", DeployInvariantsTest.api(m).getImage());
        assertEquals(1, m.custom("PrometheusRule").size());
    }

    private static PodSpec pod(RenderedManifests m) {
        return m.one(Deployment.class).getSpec().getTemplate().getSpec();
    }

    private static <T> T only(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    private static Map<String, Object> alert(List<Map<String, Object>> rules, String metric) {
        List<Map<String, Object>> naming = rules.stream()
                .filter(r -> String.valueOf(r.get("expr")).contains(metric)).toList();
        assertEquals(1, naming.size(), "one alert on " + metric + ": " + rules);
        return naming.get(0);
    }
}
