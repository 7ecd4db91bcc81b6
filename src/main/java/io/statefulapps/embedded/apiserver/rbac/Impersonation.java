package io.statefulapps.embedded.apiserver.rbac;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * kube-apiserver's impersonation ({@code kubectl --as=bob --as-group=g}): the headers
 * {@code Impersonate-User}, {@code Impersonate-Group}, {@code Impersonate-Uid} and
 * {@code Impersonate-Extra-<key>} make the request act as another user, when the requester may
 * {@code impersonate} each of them (users, groups, ServiceAccounts, {@code authentication.k8s.io}
 * uids and userextras). The impersonated user gets {@code system:authenticated} unless a group
 * says otherwise, and a ServiceAccount its groups unless groups are given.
 */
final class Impersonation {

    static final String USER = "impersonate-user";
    static final String GROUP = "impersonate-group";
    static final String UID = "impersonate-uid";
    static final String EXTRA_PREFIX = "impersonate-extra-";

    private Impersonation() {
    }

    /**
     * The user a request acts as: the requester itself without impersonation headers.
     *
     * @param authorize the requester's authorization of each impersonation
     * @throws ApiRefusal 403 when a part of the impersonation is not allowed, 400 when it is incomplete
     */
    static RbacUser actingUser(RbacUser requester, Map<String, List<String>> headers,
            BiFunction<RbacUser, RequestAttributes, AuthorizationDecision> authorize) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.merge(k.toLowerCase(Locale.ROOT), v, Impersonation::concat));
        String user = first(h.get(USER));
        List<String> groups = h.getOrDefault(GROUP, List.of());
        String uid = first(h.get(UID));
        Map<String, List<String>> extra = new LinkedHashMap<>();
        h.forEach((k, v) -> {
            if (k.startsWith(EXTRA_PREFIX)) {
                extra.put(URLDecoder.decode(k.substring(EXTRA_PREFIX.length()), StandardCharsets.UTF_8), v);
            }
        });
        if (user.isEmpty()) {
            if (!groups.isEmpty() || !uid.isEmpty() || !extra.isEmpty()) {
                throw new ApiRefusal(StatusBodies.badRequest(
                        "requested impersonation of groups, a uid or extra without impersonating a user"));
            }
            return requester;
        }
        List<RequestAttributes> checks = new ArrayList<>();
        List<String> actingGroups = new ArrayList<>(groups);
        if (user.startsWith(RbacUser.SERVICE_ACCOUNT_PREFIX) && user.split(":").length == 4) {
            String[] parts = user.split(":");
            checks.add(RequestAttributes.resource("impersonate", "", "serviceaccounts", "", parts[2], parts[3]));
            if (groups.isEmpty()) {
                actingGroups.addAll(RbacUser.serviceAccountGroups(parts[2]));
            }
        } else {
            checks.add(RequestAttributes.resource("impersonate", "", "users", "", "", user));
        }
        groups.forEach(g -> checks.add(RequestAttributes.resource("impersonate", "", "groups", "", "", g)));
        if (!uid.isEmpty()) {
            checks.add(RequestAttributes.resource("impersonate", "authentication.k8s.io", "uids", "", "", uid));
        }
        extra.forEach((key, values) -> values.forEach(value -> checks.add(RequestAttributes.resource("impersonate",
                "authentication.k8s.io", "userextras", key, "", value))));
        for (RequestAttributes check : checks) {
            AuthorizationDecision decision = authorize.apply(requester, check);
            if (!decision.allowed()) {
                throw new ApiRefusal(decision.forbiddenStatus());
            }
        }
        addDefaultGroup(user, actingGroups);
        return new RbacUser(user, uid, actingGroups, extra);
    }

    private static void addDefaultGroup(String user, List<String> groups) {
        if (user.equals(RbacUser.ANONYMOUS)) {
            if (!groups.contains(RbacUser.UNAUTHENTICATED)) {
                groups.add(RbacUser.UNAUTHENTICATED);
            }
        } else if (!groups.contains(RbacUser.AUTHENTICATED) && !groups.contains(RbacUser.UNAUTHENTICATED)) {
            groups.add(RbacUser.AUTHENTICATED);
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
