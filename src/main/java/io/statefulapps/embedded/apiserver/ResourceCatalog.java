package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authorization.v1.LocalSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.storage.StorageClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in resource types the embedded API server serves, with the real server's names. */
final class ResourceCatalog {

    private static final boolean NAMESPACED = true;
    private static final boolean CLUSTER = false;

    private final List<ResourceType> types = new ArrayList<>();

    ResourceCatalog() {
        core("pods", "Pod", NAMESPACED, true, Pod.class, "po");
        core("services", "Service", NAMESPACED, true, Service.class, "svc");
        core("persistentvolumeclaims", "PersistentVolumeClaim", NAMESPACED, true, PersistentVolumeClaim.class, "pvc");
        core("persistentvolumes", "PersistentVolume", CLUSTER, true, PersistentVolume.class, "pv");
        core("events", "Event", NAMESPACED, false, Event.class, "ev");
        core("namespaces", "Namespace", CLUSTER, true, Namespace.class, "ns");
        core("nodes", "Node", CLUSTER, true, Node.class, "no");
        core("endpoints", "Endpoints", NAMESPACED, false, Endpoints.class, "ep");
        core("configmaps", "ConfigMap", NAMESPACED, false, ConfigMap.class, "cm");
        core("secrets", "Secret", NAMESPACED, false, Secret.class);
        core("serviceaccounts", "ServiceAccount", NAMESPACED, false, ServiceAccount.class, "sa");
        add("apps", "statefulsets", "StatefulSet", NAMESPACED, true, true, StatefulSet.class, "sts");
        add("apps", "deployments", "Deployment", NAMESPACED, true, true, Deployment.class, "deploy");
        add("apps", "controllerrevisions", "ControllerRevision", NAMESPACED, false, false, ControllerRevision.class);
        add("discovery.k8s.io", "endpointslices", "EndpointSlice", NAMESPACED, false, false, EndpointSlice.class);
        add("storage.k8s.io", "storageclasses", "StorageClass", CLUSTER, false, false, StorageClass.class, "sc");
        add("events.k8s.io", "events", "Event", NAMESPACED, false, false,
                io.fabric8.kubernetes.api.model.events.v1.Event.class, "ev");
        add("policy", "poddisruptionbudgets", "PodDisruptionBudget", NAMESPACED, true, false,
                PodDisruptionBudget.class, "pdb");
        add("networking.k8s.io", "networkpolicies", "NetworkPolicy", NAMESPACED, false, false, NetworkPolicy.class,
                "netpol");
        add("rbac.authorization.k8s.io", "roles", "Role", NAMESPACED, false, false, Role.class);
        add("rbac.authorization.k8s.io", "clusterroles", "ClusterRole", CLUSTER, false, false, ClusterRole.class);
        add("rbac.authorization.k8s.io", "rolebindings", "RoleBinding", NAMESPACED, false, false, RoleBinding.class);
        add("rbac.authorization.k8s.io", "clusterrolebindings", "ClusterRoleBinding", CLUSTER, false, false,
                ClusterRoleBinding.class);
        review("authentication.k8s.io", "tokenreviews", "TokenReview", CLUSTER, TokenReview.class);
        review("authentication.k8s.io", "selfsubjectreviews", "SelfSubjectReview", CLUSTER,
                io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview.class);
        review("authorization.k8s.io", "subjectaccessreviews", "SubjectAccessReview", CLUSTER,
                SubjectAccessReview.class);
        review("authorization.k8s.io", "selfsubjectaccessreviews", "SelfSubjectAccessReview", CLUSTER,
                SelfSubjectAccessReview.class);
        review("authorization.k8s.io", "selfsubjectrulesreviews", "SelfSubjectRulesReview", CLUSTER,
                SelfSubjectRulesReview.class);
        review("authorization.k8s.io", "localsubjectaccessreviews", "LocalSubjectAccessReview", NAMESPACED,
                LocalSubjectAccessReview.class);
    }

    private void core(String plural, String kind, boolean namespaced, boolean status, Class<?> model,
            String... shortNames) {
        types.add(new ResourceType("", "v1", plural, kind.toLowerCase(), kind, namespaced, ResourceType.ALL_VERBS,
                List.of(shortNames), status, false, model));
    }

    private void add(String group, String plural, String kind, boolean namespaced, boolean status, boolean scale,
            Class<?> model, String... shortNames) {
        types.add(new ResourceType(group, "v1", plural, kind.toLowerCase(), kind, namespaced, ResourceType.ALL_VERBS,
                List.of(shortNames), status, scale, model));
    }

    private void review(String group, String plural, String kind, boolean namespaced, Class<?> model) {
        types.add(new ResourceType(group, "v1", plural, kind.toLowerCase(), kind, namespaced, ResourceType.CREATE_ONLY,
                List.of(), false, false, model));
    }

    List<ResourceType> all() {
        return List.copyOf(types);
    }

    Optional<ResourceType> find(String group, String version, String plural) {
        for (ResourceType t : types) {
            if (t.group().equals(group) && t.version().equals(version) && t.plural().equals(plural)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** A type this catalog always holds. */
    ResourceType get(String group, String plural) {
        return find(group, "v1", plural).orElseThrow();
    }

    /** Group name → its versions, in catalog order; the core group is "". */
    Map<String, List<String>> groupVersions() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (ResourceType t : types) {
            List<String> versions = result.computeIfAbsent(t.group(), g -> new ArrayList<>());
            if (!versions.contains(t.version())) {
                versions.add(t.version());
            }
        }
        return result;
    }

    List<ResourceType> inGroupVersion(String group, String version) {
        return types.stream().filter(t -> t.group().equals(group) && t.version().equals(version)).toList();
    }
}
