package io.statefulapps.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.statefulapps.testing.KubectlRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code kubectl kustomize <dir>} renders, read into Fabric8's model strictly: a field the
 * Kubernetes API does not know (a typo, a field of a newer version) fails the reading instead of
 * landing in a catch-all map. Kinds outside the model (the Prometheus Operator's) stay generic.
 */
record RenderedManifests(String dir, List<HasMetadata> objects) {

    private static final Map<String, Class<? extends HasMetadata>> MODEL = Map.of(
            "Namespace", Namespace.class,
            "ServiceAccount", ServiceAccount.class,
            "ClusterRole", ClusterRole.class,
            "ClusterRoleBinding", ClusterRoleBinding.class,
            "Role", Role.class,
            "RoleBinding", RoleBinding.class,
            "Deployment", Deployment.class,
            "Service", Service.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "NetworkPolicy", NetworkPolicy.class);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }
            });

    /** Renders a kustomization directory, relative to the project's root. */
    static RenderedManifests render(String dir) {
        try {
            KubectlRunner kubectl = new KubectlRunner(Path.of("target/no-kubeconfig"), Path.of("target/kubectl-cache"));
            KubectlRunner.Result result = kubectl.run("kustomize", dir);
            assertEquals(0, result.code(), "kubectl kustomize " + dir + ":\n" + result.out());
            return parse(dir, result.out());
        } catch (Exception e) {
            throw new AssertionError("could not render " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads rendered YAML (several documents). */
    static RenderedManifests parse(String dir, String yaml) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode document : YAML.readerFor(JsonNode.class).readValues(yaml).readAll().stream()
                .map(JsonNode.class::cast).toList()) {
            Class<? extends HasMetadata> type = MODEL.get(document.path("kind").asText());
            objects.add(type == null
                    ? YAML.treeToValue(document, GenericKubernetesResource.class)
                    : STRICT.treeToValue(document, type));
        }
        return new RenderedManifests(dir, objects);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The one object of a kind; fails when there is none or several. */
    <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        assertEquals(1, found.size(), dir + ": one " + type.getSimpleName() + " expected, found " + found.size());
        return found.get(0);
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    List<String> kinds() {
        return objects.stream().map(HasMetadata::getKind).sorted().toList();
    }

    /** The namespace everything is installed into: the Deployment's. */
    String namespace() {
        return one(Deployment.class).getMetadata().getNamespace();
    }

    @Override
    public String toString() {
        return dir;
    }
}
