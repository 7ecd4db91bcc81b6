package io.statefulapps.embedded.apiserver.rbac;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule taken apart into single permissions: one verb on one resource of one group (keeping the
 * rule's resource names), or one verb on one URL, so that coverage can name exactly what was never
 * used.
 */
final class RulePermissions {

    private RulePermissions() {
    }

    static List<PolicyRule> split(PolicyRule rule) {
        List<PolicyRule> singles = new ArrayList<>();
        for (String verb : rule.verbs()) {
            for (String group : rule.apiGroups()) {
                for (String resource : rule.resources()) {
                    singles.add(new PolicyRule(List.of(verb), List.of(group), List.of(resource), rule.resourceNames(),
                            List.of()));
                }
            }
            for (String url : rule.nonResourceURLs()) {
                singles.add(new PolicyRule(List.of(verb), List.of(), List.of(), List.of(), List.of(url)));
            }
        }
        return singles;
    }

    /** {@code create apps/statefulsets}, {@code get core/pods ["web-0"]}, {@code get /healthz}. */
    static String describe(PolicyRule single) {
        String verb = single.verbs().get(0);
        if (!single.nonResourceURLs().isEmpty()) {
            return verb + " " + single.nonResourceURLs().get(0);
        }
        String group = single.apiGroups().get(0).isEmpty() ? "core" : single.apiGroups().get(0);
        String names = single.resourceNames().isEmpty() ? "" : " " + single.resourceNames();
        return verb + " " + group + "/" + single.resources().get(0) + names;
    }
}
