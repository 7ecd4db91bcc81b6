package io.statefulapps.embedded.apiserver.rbac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who made a request, as kube-apiserver's authenticators hand it to the authorizers: a name, a uid,
 * groups (including the {@code system:authenticated} every authenticated user gets) and extra
 * attributes.
 */
public record RbacUser(String name, String uid, List<String> groups, Map<String, List<String>> extra) {

    public static final String AUTHENTICATED = "system:authenticated";
    public static final String UNAUTHENTICATED = "system:unauthenticated";
    public static final String MASTERS = "system:masters";
    public static final String ANONYMOUS = "system:anonymous";
    public static final String SERVICE_ACCOUNTS = "system:serviceaccounts";
    static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

    public RbacUser {
        uid = uid == null ? "" : uid;
        groups = List.copyOf(groups);
        extra = Map.copyOf(extra);
    }

    /** A user as given, with {@code system:authenticated} added like kube-apiserver's group adder does. */
    public static RbacUser authenticated(String name, String uid, List<String> groups,
            Map<String, List<String>> extra) {
        List<String> all = new ArrayList<>(groups);
        if (!all.contains(AUTHENTICATED)) {
            all.add(AUTHENTICATED);
        }
        return new RbacUser(name, uid, all, new LinkedHashMap<>(extra));
    }

    /** The user of requests without credentials, when anonymous requests are allowed. */
    public static RbacUser anonymous() {
        return new RbacUser(ANONYMOUS, "", List.of(UNAUTHENTICATED), Map.of());
    }

    /** {@code system:serviceaccount:<namespace>:<name>}, the user name of a ServiceAccount. */
    public static String serviceAccountUser(String namespace, String name) {
        return SERVICE_ACCOUNT_PREFIX + namespace + ":" + name;
    }

    /** The groups of every ServiceAccount of a namespace, without {@code system:authenticated}. */
    static List<String> serviceAccountGroups(String namespace) {
        return List.of(SERVICE_ACCOUNTS, SERVICE_ACCOUNTS + ":" + namespace);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }
}
