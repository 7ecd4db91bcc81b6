package io.statefulapps.spec;

import java.util.List;

/**
 * Checks an {@link AppSpec} against the rules the Kubernetes API server would apply to the objects
 * rendered from it, so that a spec accepted here is never refused by the cluster for its shape.
 * Every broken rule is reported, in a deterministic order (by area, then by position in the spec,
 * map entries by key). A {@code null} field means "the default" and is valid unless required.
 *
 * <p>The rules live in one class per area ({@link PortRules}, {@link ServiceRules}, {@link ResourceRules},
 * {@link VolumeRules}, {@link ProbeRules}, {@link ContainerRules} with {@link EnvSourceRules} and
 * {@link TolerationRules}, {@link MetadataRules}, {@link SecurityContextRules}, {@link AffinityRules} with
 * {@link LabelSelectorRules}); this class holds the StatefulSet-level ones and the order.
 */
public final class AppSpecValidator {

    /**
     * The StatefulSet controller labels each pod with {@code controller-revision-hash: <name>-<hash>};
     * the hash takes up to 11 characters with its dash, and a label value is at most 63.
     */
    public static final int MAX_NAME_LENGTH = 52;

    static final List<String> IMAGE_PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
    static final List<String> POD_MANAGEMENT_POLICIES = List.of("OrderedReady", "Parallel");
    static final List<String> UPDATE_STRATEGY_TYPES = List.of("RollingUpdate", "OnDelete");
    static final List<String> RETENTION_POLICIES = List.of("Retain", "Delete");

    /** Stateless and thread-safe: one instance can serve every request. */
    public AppSpecValidator() {
    }

    /** Every broken rule of {@code spec}; empty when the spec is valid. */
    public List<FieldError> validate(AppSpec spec) {
        FieldErrors errors = new FieldErrors();
        if (spec == null) {
            errors.add("", "the spec is required");
            return errors.toList();
        }
        boolean nameUsable = checkName(spec.name(), errors);
        ContainerRules.check(spec, errors);
        checkStatefulSet(spec, errors);
        PortRules.check(spec.ports(), errors);
        ServiceRules.check(spec, nameUsable, errors);
        ResourceRules.check(spec.resources(), errors);
        VolumeRules.check(spec.volumes(), errors);
        ProbeRules.check(spec, errors);
        MetadataRules.check(spec, errors);
        SecurityContextRules.check(spec, errors);
        AffinityRules.check(spec.affinity(), errors);
        return errors.toList();
    }

    /** Returns whether the name is valid, so that names derived from it can be checked too. */
    private static boolean checkName(String name, FieldErrors errors) {
        if (name == null || name.isBlank()) {
            errors.add("name", "is required: the name of the app, its StatefulSet and (by default) its Services");
            return false;
        }
        List<String> problems = KubernetesNames.dns1123Label(name).stream()
                .filter(p -> !p.startsWith("must be no more than")) // our own limit is stricter
                .toList();
        errors.addAll("name", name, problems);
        if (name.length() > MAX_NAME_LENGTH) {
            errors.add("name", "must be no more than " + MAX_NAME_LENGTH + " characters, got " + name.length()
                    + ": the StatefulSet's pods carry the label controller-revision-hash=<name>-<hash>, which"
                    + " must fit in 63 characters");
            return false;
        }
        return problems.isEmpty();
    }

    private static void checkStatefulSet(AppSpec spec, FieldErrors errors) {
        errors.atLeast("replicas", spec.replicas(), 0);
        errors.atLeast("revisionHistoryLimit", spec.revisionHistoryLimit(), 0);
        errors.atLeast("terminationGracePeriodSeconds", spec.terminationGracePeriodSeconds(), 0);
        errors.oneOf("podManagementPolicy", spec.podManagementPolicy(), POD_MANAGEMENT_POLICIES);
        UpdateStrategySpec strategy = spec.updateStrategy();
        if (strategy != null) {
            errors.oneOf("updateStrategy.type", strategy.type(), UPDATE_STRATEGY_TYPES);
            errors.atLeast("updateStrategy.partition", strategy.partition(), 0);
            if (strategy.partition() != null && "OnDelete".equals(strategy.type())) {
                errors.add("updateStrategy.partition", "is only allowed with type RollingUpdate (OnDelete"
                        + " replaces pods only when you delete them)");
            }
        }
        RetentionPolicySpec retention = spec.persistentVolumeClaimRetentionPolicy();
        if (retention != null) {
            errors.oneOf("persistentVolumeClaimRetentionPolicy.whenDeleted", retention.whenDeleted(),
                    RETENTION_POLICIES);
            errors.oneOf("persistentVolumeClaimRetentionPolicy.whenScaled", retention.whenScaled(),
                    RETENTION_POLICIES);
        }
    }
}
