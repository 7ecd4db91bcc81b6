package io.statefulapps.spec;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Container requests and limits. Hugepages and extended resources (e.g. {@code example.com/gpu})
 * cannot be overcommitted, so Kubernetes wants their limit set and equal to the request.
 */
final class ResourceRules {

    static final List<String> STANDARD = List.of("cpu", "memory", "ephemeral-storage");
    static final String HUGEPAGES_PREFIX = "hugepages-";

    private ResourceRules() {
    }

    static void check(ResourcesSpec resources, FieldErrors errors) {
        if (resources == null) {
            return;
        }
        Map<String, BigDecimal> requests = amounts("resources.requests", resources.requests(), errors);
        Map<String, BigDecimal> limits = amounts("resources.limits", resources.limits(), errors);
        if (resources.requests() == null) {
            return;
        }
        for (String name : FieldErrors.sortedByKey(resources.requests()).keySet()) {
            String field = FieldErrors.key("resources.requests", name);
            BigDecimal request = requests.get(name);
            BigDecimal limit = limits.get(name);
            boolean limitGiven = resources.limits() != null && resources.limits().containsKey(name);
            if (isOvercommitForbidden(name)) {
                if (!limitGiven) {
                    errors.add(field, "needs a limit: " + name + " cannot be overcommitted, so set"
                            + " resources.limits." + name + " equal to the request");
                } else if (request != null && limit != null && request.compareTo(limit) != 0) {
                    errors.add(field, "must equal the limit (" + resources.limits().get(name) + "): " + name
                            + " cannot be overcommitted");
                }
            } else if (request != null && limit != null && request.compareTo(limit) > 0) {
                errors.add(field, "the request " + resources.requests().get(name) + " is more than the limit "
                        + resources.limits().get(name) + "; a request must be less than or equal to its limit");
            }
        }
    }

    /** Checks names and values; returns the amounts of the entries that parsed. */
    private static Map<String, BigDecimal> amounts(String mapField, Map<String, String> quantities,
            FieldErrors errors) {
        Map<String, BigDecimal> amounts = new HashMap<>();
        if (quantities == null) {
            return amounts;
        }
        FieldErrors.sortedByKey(quantities).forEach((name, value) -> {
            String field = FieldErrors.key(mapField, name);
            if (!isKnownResource(name)) {
                errors.add(field, "'" + name + "' is not a container resource: use cpu, memory, ephemeral-storage,"
                        + " hugepages-<size> or an extended resource such as example.com/gpu");
            }
            if (value == null) {
                errors.add(field, "must be a quantity, not null");
                return;
            }
            Quantities.amount(value).ifPresentOrElse(amount -> {
                if (amount.signum() < 0) {
                    errors.add(field, "'" + value + "' must not be negative");
                } else if (isExtended(name) && !Quantities.isWhole(amount)) {
                    errors.add(field, "'" + value + "' must be a whole number: extended resources are counted"
                            + " in units");
                } else {
                    amounts.put(name, amount);
                }
            }, () -> errors.add(field, "'" + value + "' " + Quantities.FORMAT_HINT));
        });
        return amounts;
    }

    static boolean isKnownResource(String name) {
        return STANDARD.contains(name) || isHugepages(name) || isExtended(name);
    }

    private static boolean isHugepages(String name) {
        return name.startsWith(HUGEPAGES_PREFIX) && Quantities.isValid(name.substring(HUGEPAGES_PREFIX.length()));
    }

    /** A vendor-qualified name outside the kubernetes.io namespace, as Kubernetes' IsExtendedResourceName. */
    private static boolean isExtended(String name) {
        int slash = name.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String prefix = name.substring(0, slash);
        if (prefix.equals("kubernetes.io") || prefix.endsWith(".kubernetes.io")) {
            return false;
        }
        return KubernetesNames.qualifiedName(name).isEmpty()
                && KubernetesNames.qualifiedName("requests." + name).isEmpty();
    }

    private static boolean isOvercommitForbidden(String name) {
        return isHugepages(name) || isExtended(name);
    }
}
