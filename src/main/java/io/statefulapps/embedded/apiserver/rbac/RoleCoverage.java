package io.statefulapps.embedded.apiserver.rbac;

import java.util.List;

/**
 * How one user's recorded requests compare with one role: the requests the role's rules do not
 * allow, the rules no request used, and the finer permissions (verb, group, resource of a rule)
 * no request used. Least privilege is proven when all three are empty: everything the user did
 * needed the role, and the role grants nothing the user did not do.
 */
public record RoleCoverage(List<RecordedRequest> notAllowed, List<PolicyRule> unusedRules,
        List<String> unusedPermissions) {

    public RoleCoverage {
        notAllowed = List.copyOf(notAllowed);
        unusedRules = List.copyOf(unusedRules);
        unusedPermissions = List.copyOf(unusedPermissions);
    }

    public boolean proven() {
        return notAllowed.isEmpty() && unusedRules.isEmpty() && unusedPermissions.isEmpty();
    }

    /** A readable account, one finding a line, for assertion messages. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        notAllowed.forEach(r -> text.append("not allowed by the role: ").append(r.describe()).append('\n'));
        unusedRules.forEach(r -> text.append("rule never used: ").append(r.toJson()).append('\n'));
        unusedPermissions.forEach(p -> text.append("permission never used: ").append(p).append('\n'));
        return text.length() == 0 ? "least privilege proven" : text.toString();
    }
}
