package io.statefulapps.embedded.apiserver.faults;

import java.util.Optional;

/**
 * Which requests a fault rule is about: each field present must equal the request's, each field
 * absent matches anything. A scope without a subresource covers the resource's subresources too.
 */
public record FaultScope(Optional<String> verb, Optional<String> resource, Optional<String> subresource,
        Optional<String> namespace, Optional<String> name, Optional<String> user) {

    static final FaultScope EVERYTHING = new FaultScope(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public boolean covers(FaultTarget target) {
        return matches(verb, target.verb()) && matches(resource, target.resource())
                && matches(subresource, target.subresource()) && matches(namespace, target.namespace())
                && matches(name, target.name()) && matches(user, target.user());
    }

    boolean isEverything() {
        return equals(EVERYTHING);
    }

    private static boolean matches(Optional<String> wanted, String actual) {
        return wanted.map(actual::equals).orElse(true);
    }
}
