package io.statefulapps.deploy;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import java.util.Set;

/** What an RBAC rule grants, in the terms the deploy tests reason in. */
final class RbacRules {

    /** The kinds the service touches that belong to no namespace. */
    static final Set<String> CLUSTER_SCOPED = Set.of("persistentvolumes", "storageclasses", "nodes",
            "tokenreviews", "subjectaccessreviews", "namespaces");
    static final Set<String> REVIEWS = Set.of("tokenreviews", "subjectaccessreviews");
    static final Set<String> READ_VERBS = Set.of("get", "list", "watch");

    private RbacRules() {
    }

    static boolean namespaced(String resource) {
        return !CLUSTER_SCOPED.contains(resource);
    }

    /** Grants something on a namespaced kind. */
    static boolean grantsNamespaced(PolicyRule rule) {
        return rule.getResources().stream().anyMatch(RbacRules::namespaced);
    }

    /** Grants a verb that changes something, other than creating a review (which stores nothing). */
    static boolean grantsWrite(PolicyRule rule) {
        boolean writes = rule.getVerbs().stream().anyMatch(verb -> !READ_VERBS.contains(verb));
        boolean onlyReviews = REVIEWS.containsAll(rule.getResources()) && List.of("create").equals(rule.getVerbs());
        return writes && !onlyReviews;
    }

    static boolean hasWildcard(PolicyRule rule) {
        return rule.getVerbs().contains("*") || rule.getResources().contains("*")
                || rule.getApiGroups().contains("*");
    }
}
