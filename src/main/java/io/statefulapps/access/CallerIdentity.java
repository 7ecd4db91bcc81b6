package io.statefulapps.access;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who a caller is, as the Kubernetes API's TokenReview said: everything a SubjectAccessReview needs
 * to judge that caller's rights exactly as the API server would judge the caller's own requests
 * (RBAC binds groups, webhooks may look at {@code extra}).
 */
public record CallerIdentity(String username, String uid, List<String> groups, Map<String, List<String>> extra) {

    public CallerIdentity {
        username = username == null ? "" : username;
        groups = groups == null ? List.of() : List.copyOf(groups);
        // Sorted and copied so that equal identities are equal cache keys.
        TreeMap<String, List<String>> copy = new TreeMap<>();
        if (extra != null) {
            extra.forEach((key, values) -> copy.put(key, values == null ? List.of() : List.copyOf(values)));
        }
        extra = Map.copyOf(copy);
    }
}
