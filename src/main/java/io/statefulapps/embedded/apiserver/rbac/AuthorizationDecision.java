package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The answer to "may this user make this request": allowed or not, the reason kube-apiserver's
 * authorizers would give ({@code RBAC: allowed by ...} when a rule allowed it, "" for
 * {@code system:masters}, {@code RBAC: <errors>} or "" when nothing did), and the rule that allowed
 * it, if one did.
 */
public record AuthorizationDecision(boolean allowed, String reason, Optional<RuleSource> source, RbacUser user,
        RequestAttributes request) {

    /**
     * The 403 answer kube-apiserver gives when this decision refuses, e.g.
     * {@code pods "web-0" is forbidden: User "bob" cannot get resource "pods" in API group "" in the
     * namespace "shop"} or {@code forbidden: User "bob" cannot get path "/apis"}.
     */
    public ObjectNode forbiddenStatus() {
        String why = forbiddenMessage();
        if (!reason.isEmpty()) {
            why = why + ": " + reason;
        }
        if (!request.resourceRequest()) {
            return StatusBodies.forbidden("", "", "", why);
        }
        return StatusBodies.forbidden(request.apiGroup(), request.resource(), request.name(), why);
    }

    private String forbiddenMessage() {
        String who = "User " + StatusBodies.quote(user.name()) + " cannot " + request.verb();
        String text;
        if (!request.resourceRequest()) {
            text = who + " path " + StatusBodies.quote(request.path());
        } else {
            String what = who + " resource " + StatusBodies.quote(request.resourceWithSubresource()) + " in API group "
                    + StatusBodies.quote(request.apiGroup());
            text = request.namespace().isEmpty() ? what + " at the cluster scope"
                    : what + " in the namespace " + StatusBodies.quote(request.namespace());
        }
        // kube-apiserver escapes what could look like HTML in this part of the message
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
