package io.statefulapps.spec;

import java.util.List;
import java.util.Objects;

/**
 * The two Services: their (effective) names, and the client Service's type-dependent fields. Only
 * the types a stable client endpoint can have are accepted: ExternalName points elsewhere and a
 * headless client Service would duplicate the headless one.
 */
final class ServiceRules {

    static final List<String> TYPES = List.of("ClusterIP", "NodePort", "LoadBalancer");
    static final List<String> EXTERNAL_TRAFFIC_POLICIES = List.of("Cluster", "Local");
    static final List<String> SESSION_AFFINITIES = List.of("None", "ClientIP");

    private ServiceRules() {
    }

    /**
     * @param nameUsable whether {@code spec.name()} is valid, so that the names defaulted from it are
     *                   worth checking (an invalid name is already reported once)
     */
    static void check(AppSpec spec, boolean nameUsable, FieldErrors errors) {
        ServiceSpec service = spec.service();
        String clientName = service == null ? null : service.name();
        String headless = effectiveName("headlessServiceName", spec.headlessServiceName(),
                spec.name(), TrioNames.HEADLESS_SUFFIX, "the headless Service", nameUsable, errors);
        String client = effectiveName("service.name", clientName, spec.name(), "", "the client Service",
                nameUsable, errors);
        if (headless != null && headless.equals(client)) {
            String field = clientName != null ? "service.name" : "headlessServiceName";
            errors.add(field, "the headless and the client Service must have different names; both are '"
                    + headless + "'");
        }
        if (spec.headlessService() != null) {
            MetadataRules.annotations("headlessService.annotations", spec.headlessService().annotations(), errors);
        }
        if (service != null) {
            checkClientService(service, errors);
        }
    }

    /** The name the Service will have, checked; null when it cannot be known. */
    private static String effectiveName(String field, String explicit, String appName, String suffix,
            String what, boolean nameUsable, FieldErrors errors) {
        if (explicit != null) {
            errors.addAll(field, explicit, KubernetesNames.dns1035Label(explicit));
            return explicit;
        }
        if (!nameUsable) {
            return null;
        }
        String defaulted = appName + suffix;
        for (String problem : KubernetesNames.dns1035Label(defaulted)) {
            errors.add("name", what + " is named '" + defaulted + "' by default, and a Service name " + problem
                    + "; rename the app or set " + field);
        }
        return defaulted;
    }

    private static void checkClientService(ServiceSpec service, FieldErrors errors) {
        errors.oneOf("service.type", service.type(), TYPES);
        String type = Objects.requireNonNullElse(service.type(), "ClusterIP");
        // with an unsupported type (already reported) the type-dependent rules would only add noise
        boolean typeKnown = TYPES.contains(type);
        boolean external = !typeKnown || type.equals("NodePort") || type.equals("LoadBalancer");
        boolean loadBalancer = !typeKnown || type.equals("LoadBalancer");
        errors.oneOf("service.externalTrafficPolicy", service.externalTrafficPolicy(), EXTERNAL_TRAFFIC_POLICIES);
        if (service.externalTrafficPolicy() != null && !external) {
            errors.add("service.externalTrafficPolicy", "is only allowed for a Service of type NodePort or"
                    + " LoadBalancer, not " + type);
        }
        errors.oneOf("service.sessionAffinity", service.sessionAffinity(), SESSION_AFFINITIES);
        MetadataRules.annotations("service.annotations", service.annotations(), errors);
        List<String> ranges = service.loadBalancerSourceRanges();
        if (ranges != null) {
            if (!loadBalancer && !ranges.isEmpty()) {
                errors.add("service.loadBalancerSourceRanges", "is only allowed for a Service of type"
                        + " LoadBalancer, not " + type);
            }
            for (int i = 0; i < ranges.size(); i++) {
                String range = ranges.get(i);
                if (range == null || !Cidrs.isCidr(range)) {
                    errors.add(FieldErrors.at("service.loadBalancerSourceRanges", i), "'" + range
                            + "' must be a CIDR such as 10.0.0.0/8 or 2001:db8::/32");
                }
            }
        }
        String lbClass = service.loadBalancerClass();
        if (lbClass != null) {
            if (!loadBalancer) {
                errors.add("service.loadBalancerClass", "is only allowed for a Service of type LoadBalancer, not "
                        + type);
            }
            errors.addAll("service.loadBalancerClass", lbClass, KubernetesNames.qualifiedName(lbClass));
        }
    }
}
