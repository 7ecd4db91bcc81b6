package io.statefulapps.spec;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a change to a running app may not do, because Kubernetes does not allow it on the live
 * objects (a StatefulSet's selector, {@code serviceName}, {@code podManagementPolicy} and claim
 * templates are immutable; a claim cannot shrink) or because this service does not move objects
 * to new names. Every refusal says why and what to do instead.
 *
 * <p>Both specs must have their defaults applied, so that "left out" and "the default" compare equal.
 * The selector is not checked: it is {@code app: <name>}, and the name cannot change.
 */
public final class ImmutableFieldRules {

    private static final String RECREATE = "create a new app, or delete this one (its data is kept by default)"
            + " and create it again with the new value";

    private ImmutableFieldRules() {
    }

    /** Every immutable field {@code proposed} changes; empty when the change can be rolled out. */
    public static List<FieldError> check(String appName, AppSpec current, AppSpec proposed) {
        FieldErrors errors = new FieldErrors();
        if (!Objects.equals(appName, proposed.name())) {
            errors.add("name", "cannot change: it must stay '" + appName + "', the name in the path, because it names"
                    + " the StatefulSet, its pods and their volumes; to rename, " + RECREATE);
        }
        unchanged(errors, "podManagementPolicy", current.podManagementPolicy(), proposed.podManagementPolicy(),
                "the StatefulSet's podManagementPolicy is immutable in Kubernetes");
        unchanged(errors, "headlessServiceName", current.headlessServiceName(), proposed.headlessServiceName(),
                "the StatefulSet's serviceName is immutable in Kubernetes and every pod's DNS name depends on it");
        unchanged(errors, "service.name", current.service().name(), proposed.service().name(),
                "renaming the client Service would change the address its clients use");
        volumes(errors, volumesOf(current), volumesOf(proposed));
        return errors.toList();
    }

    private static void volumes(FieldErrors errors, List<VolumeSpec> current, List<VolumeSpec> proposed) {
        Map<String, VolumeSpec> before = new HashMap<>();
        current.forEach(v -> before.put(v.name(), v));
        Map<String, Integer> after = new HashMap<>();
        for (int i = 0; i < proposed.size(); i++) {
            after.put(proposed.get(i).name(), i);
        }
        for (VolumeSpec old : current) {
            if (!after.containsKey(old.name())) {
                errors.add("volumes", "cannot remove the volume '" + old.name() + "': the StatefulSet's"
                        + " volumeClaimTemplates are immutable in Kubernetes; " + RECREATE);
            }
        }
        for (int i = 0; i < proposed.size(); i++) {
            VolumeSpec now = proposed.get(i);
            String at = FieldErrors.at("volumes", i);
            VolumeSpec old = before.get(now.name());
            if (old == null) {
                errors.add(at, "cannot add the volume '" + now.name() + "' (or rename one to it): the StatefulSet's"
                        + " volumeClaimTemplates are immutable in Kubernetes; " + RECREATE);
                continue;
            }
            String why = "a claim's " + "%s is immutable in Kubernetes, and the claims of the running pods"
                    + " already have theirs";
            unchanged(errors, at + ".accessModes", old.accessModes(), now.accessModes(),
                    why.formatted("accessModes"));
            unchanged(errors, at + ".storageClassName", old.storageClassName(), now.storageClassName(),
                    why.formatted("storageClassName"));
            unchanged(errors, at + ".volumeMode", old.volumeMode(), now.volumeMode(), why.formatted("volumeMode"));
            if (compareSize(old.size(), now.size()) < 0) {
                errors.add(at + ".size", "cannot shrink from " + old.size() + " to " + now.size()
                        + ": Kubernetes never makes a claim smaller; keep " + old.size() + " or more, or copy the data"
                        + " to a new app with smaller volumes");
            }
        }
    }

    /** Negative when {@code to} is smaller than {@code from}; zero when either is not a quantity. */
    static int compareSize(String from, String to) {
        Optional<BigDecimal> a = Quantities.amount(from);
        Optional<BigDecimal> b = Quantities.amount(to);
        return a.isPresent() && b.isPresent() ? b.get().compareTo(a.get()) : 0;
    }

    private static void unchanged(FieldErrors errors, String field, Object before, Object after, String why) {
        if (!Objects.equals(before, after)) {
            errors.add(field, "cannot change from " + show(before) + " to " + show(after) + ": " + why + "; "
                    + RECREATE);
        }
    }

    private static String show(Object value) {
        return value == null ? "(none)" : value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    static List<VolumeSpec> volumesOf(AppSpec spec) {
        return spec.volumes() == null ? List.of() : spec.volumes();
    }
}
