package io.statefulapps.embedded.apiserver.rbac;

import java.util.Optional;

/**
 * A kind of request one user made, with the decision it got and how many times: the attributes
 * (without the API version), allowed or not, and the rule that allowed it (empty when refused or
 * when {@code system:masters} needs no rule).
 */
public record RecordedRequest(String user, RequestAttributes request, boolean allowed, Optional<RuleSource> allowedBy,
        long count) {

    /** {@code create apps/statefulsets in shop}, {@code get /version}: for assertion messages. */
    public String describe() {
        if (!request.resourceRequest()) {
            return user + ": " + request.verb() + " " + request.path();
        }
        String group = request.apiGroup().isEmpty() ? "core" : request.apiGroup();
        String name = request.name().isEmpty() ? "" : " \"" + request.name() + "\"";
        String where = request.namespace().isEmpty() ? " (cluster scope)" : " in " + request.namespace();
        return user + ": " + request.verb() + " " + group + "/" + request.resourceWithSubresource() + name + where;
    }
}
