package io.statefulapps.config;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which namespaces the service manages apps in ({@code stateful-apps.namespaces}): unset, every
 * namespace (the ClusterRole install); one namespace for the single-namespace install, whose Role
 * lets it watch only its own. Several are refused at startup: a watch covers one namespace or all.
 */
@Singleton
public class ServedNamespaces {

    private final Optional<String> only;

    public ServedNamespaces(@ConfigProperty(name = "stateful-apps.namespaces") Optional<List<String>> configured) {
        List<String> names = configured.orElse(List.of()).stream().map(String::trim).filter(n -> !n.isEmpty())
                .toList();
        if (names.size() > 1) {
            throw new IllegalArgumentException("stateful-apps.namespaces names " + names.size() + " namespaces "
                    + names + "; give one (a single-namespace install) or none (every namespace)");
        }
        this.only = names.stream().findFirst();
    }

    /** The one namespace served, or empty for all of them. */
    public Optional<String> only() {
        return only;
    }

    public boolean serves(String namespace) {
        return only.map(namespace::equals).orElse(true);
    }
}
