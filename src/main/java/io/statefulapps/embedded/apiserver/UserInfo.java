package io.statefulapps.embedded.apiserver;

import java.util.List;
import java.util.Map;

/** Who a request comes from, as kube-apiserver's authenticators describe a user. */
public record UserInfo(String name, String uid, List<String> groups, Map<String, List<String>> extra) {

    public static final UserInfo ANONYMOUS =
            new UserInfo("system:anonymous", "", List.of("system:unauthenticated"), Map.of());

    public UserInfo {
        groups = List.copyOf(groups);
        extra = Map.copyOf(extra);
    }
}
