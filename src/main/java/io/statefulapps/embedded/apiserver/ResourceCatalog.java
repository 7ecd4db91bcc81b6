package io.statefulapps.embedded.apiserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in resource types served with full fidelity. Anything else is passed to the bare
 * CRUD dispatcher unchanged.
 */
final class ResourceCatalog {

    private final List<ResourceType> types = new ArrayList<>();

    ResourceCatalog() {
        core("pods", "pod", "Pod", true, true, "po");
        core("services", "service", "Service", true, true, "svc");
        core("persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", true, true, "pvc");
        core("persistentvolumes", "persistentvolume", "PersistentVolume", false, true, "pv");
        core("events", "event", "Event", true, false, "ev");
        core("namespaces", "namespace", "Namespace", false, true, "ns");
        core("nodes", "node", "Node", false, true, "no");
        core("endpoints", "endpoints", "Endpoints", true, false, "ep");
        core("configmaps", "configmap", "ConfigMap", true, false, "cm");
        core("secrets", "secret", "Secret", true, false);
        core("serviceaccounts", "serviceaccount", "ServiceAccount", true, false, "sa");
        add("apps", "v1", "statefulsets", "statefulset", "StatefulSet", true, true, ResourceType.ALL_VERBS, "sts");
        add("apps", "v1", "controllerrevisions", "controllerrevision", "ControllerRevision", true, false,
                ResourceType.ALL_VERBS);
        add("discovery.k8s.io", "v1", "endpointslices", "endpointslice", "EndpointSlice", true, false,
                ResourceType.ALL_VERBS);
        add("storage.k8s.io", "v1", "storageclasses", "storageclass", "StorageClass", false, false,
                ResourceType.ALL_VERBS, "sc");
        add("events.k8s.io", "v1", "events", "event", "Event", true, false, ResourceType.ALL_VERBS, "ev");
        add("authentication.k8s.io", "v1", "tokenreviews", "tokenreview", "TokenReview", false, false,
                ResourceType.CREATE_ONLY);
        add("authorization.k8s.io", "v1", "subjectaccessreviews", "subjectaccessreview",
                "SubjectAccessReview", false, false, ResourceType.CREATE_ONLY);
    }

    private void core(String plural, String singular, String kind, boolean namespaced, boolean status,
            String... shortNames) {
        add("", "v1", plural, singular, kind, namespaced, status, ResourceType.ALL_VERBS, shortNames);
    }

    private void add(String group, String version, String plural, String singular, String kind,
            boolean namespaced, boolean status, List<String> verbs, String... shortNames) {
        types.add(new ResourceType(group, version, plural, singular, kind, namespaced, verbs,
                List.of(shortNames), status));
    }

    List<ResourceType> all() {
        return List.copyOf(types);
    }

    Optional<ResourceType> find(String group, String version, String plural) {
        return types.stream()
                .filter(t -> t.group().equals(group) && t.version().equals(version) && t.plural().equals(plural))
                .findFirst();
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
