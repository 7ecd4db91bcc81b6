package io.statefulapps.access;

import static io.statefulapps.access.AccessCheck.CORE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes rights a call needs: the rights its own requests to the cluster would need, had
 * the caller sent them with kubectl, and the rights to read what its answer shows. The service does
 * the work with its own account, so this table is what keeps anyone from doing or seeing through
 * the service what their own rights would not let them.
 *
 * <p>Deliberately stricter than the minimum in four ways: rights are asked for the whole namespace
 * (no resource names, so one cached answer serves every app of a namespace); PATCH always asks
 * for what growing a volume takes (patch the claims, delete and re-create the StatefulSet, whose
 * claim templates are immutable), because the body is not read here; a garbled
 * {@code deleteData} counts as {@code true} (the endpoint then answers 400 anyway); a POST (not a
 * dry run) asks for {@code delete} on StatefulSets and Services too, as it may remove what an
 * abandoned create of the app left.
 *
 * <p>Not asked: PersistentVolumes and StorageClasses (cluster-scoped). The service looks them up
 * only through the caller's own claims, and the namespace-scoped roles (view, edit, admin) never
 * grant them: asking would lock out every developer who is not a cluster administrator.
 */
public final class AccessRules {

    static final String APPS_GROUP = "apps";
    static final String DISCOVERY_GROUP = "discovery.k8s.io";

    private AccessRules() {
    }

    /**
     * @param method the HTTP method
     * @param namespace the {namespace} path parameter
     * @param query the query parameters
     * @return the checks, all of which must pass, in the order to ask them; empty when this table has
     *         no rule for the call, which must then be refused
     */
    public static Optional<List<AccessCheck>> checks(String method, ApiEndpoint endpoint, String namespace,
            Map<String, List<String>> query) {
        if (endpoint == ApiEndpoint.ALL_APPS && method != null
                && List.of("GET", "HEAD", "OPTIONS").contains(method.toUpperCase())) {
            // Being someone is enough here: the list shows only namespaces whose apps the caller may
            // list, each asked with the APPS rule (see CallerChecks#mayList).
            return Optional.of(List.of());
        }
        if (endpoint == null || namespace == null || namespace.isBlank() || method == null) {
            return Optional.empty();
        }
        Rights rights = new Rights(namespace);
        switch (method.toUpperCase()) {
            // HEAD answers what GET would, without the body.
            case "GET", "HEAD" -> {
                switch (endpoint) {
                    case APPS -> rights.list(APPS_GROUP, "statefulsets").list(CORE, "services").healthInputs();
                    case APP, APP_HEALTH, APP_BADGE -> rights.get(APPS_GROUP, "statefulsets").get(CORE, "services")
                            .healthInputs();
                    case APP_MANIFESTS -> rights.get(APPS_GROUP, "statefulsets").get(CORE, "services");
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            // Also a dry run: the API server asks the same rights of a server-side dry run.
            case "POST" -> {
                if (endpoint != ApiEndpoint.APPS) {
                    return Optional.empty();
                }
                rights.add("create", APPS_GROUP, "statefulsets").add("create", CORE, "services");
                if (!dryRun(query)) {
                    // A POST removes what an abandoned create of the app left before it creates it again.
                    rights.add("delete", APPS_GROUP, "statefulsets").add("delete", CORE, "services");
                }
            }
            case "PATCH" -> {
                if (endpoint != ApiEndpoint.APP) {
                    return Optional.empty();
                }
                rights.get(APPS_GROUP, "statefulsets").add("update", APPS_GROUP, "statefulsets")
                        .get(CORE, "services").add("update", CORE, "services")
                        .list(CORE, "persistentvolumeclaims").add("patch", CORE, "persistentvolumeclaims")
                        .add("delete", APPS_GROUP, "statefulsets").add("create", APPS_GROUP, "statefulsets");
            }
            case "DELETE" -> {
                if (endpoint != ApiEndpoint.APP) {
                    return Optional.empty();
                }
                rights.get(APPS_GROUP, "statefulsets").add("delete", APPS_GROUP, "statefulsets")
                        .get(CORE, "services").add("delete", CORE, "services")
                        // The answer lists the claims kept.
                        .list(CORE, "persistentvolumeclaims");
                if (deletesData(query)) {
                    rights.add("delete", CORE, "persistentvolumeclaims");
                }
            }
            // Answers only which methods exist: being someone is enough.
            case "OPTIONS" -> {
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(rights.checks());
    }

    /** Only a value the endpoint reads as a dry run; a garbled one is checked as a real POST. */
    private static boolean dryRun(Map<String, List<String>> query) {
        List<String> values = query == null ? null : query.get("dryRun");
        return values != null && !values.isEmpty() && values.stream()
                .allMatch(v -> v == null || List.of("", "true", "all").contains(v.trim().toLowerCase()));
    }

    /** Absent or {@code false} keeps the data; every other value may delete it. */
    private static boolean deletesData(Map<String, List<String>> query) {
        List<String> values = query == null ? null : query.get("deleteData");
        if (values == null || values.isEmpty()) {
            return false;
        }
        return values.stream().anyMatch(v -> v == null || !v.trim().equalsIgnoreCase("false"));
    }

    /** The checks of one call, in the order they are added. */
    private static final class Rights {

        private final String namespace;
        private final List<AccessCheck> checks = new ArrayList<>();

        Rights(String namespace) {
            this.namespace = namespace;
        }

        Rights add(String verb, String group, String resource) {
            checks.add(AccessCheck.of(verb, group, resource, namespace));
            return this;
        }

        Rights get(String group, String resource) {
            return add("get", group, resource);
        }

        Rights list(String group, String resource) {
            return add("list", group, resource);
        }

        /** What a health verdict is made of, besides the StatefulSet and the Services. */
        Rights healthInputs() {
            return list(CORE, "pods").list(CORE, "persistentvolumeclaims").list(DISCOVERY_GROUP, "endpointslices")
                    .list(CORE, "events");
        }

        List<AccessCheck> checks() {
            return List.copyOf(checks);
        }
    }
}
