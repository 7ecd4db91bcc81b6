package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Who is calling and what they may do: the pipeline's authentication and authorization steps, and
 * the answers to the API objects that ask the same questions (TokenReview, SubjectAccessReview,
 * SelfSubjectAccessReview, LocalSubjectAccessReview, SelfSubjectRulesReview, SelfSubjectReview, a ServiceAccount's
 * TokenRequest), so both come from the same data. {@link OpenAccess} lets everyone do everything; the
 * rbac package's {@code EnforcingAccess} checks every caller.
 */
public interface AccessControl {

    /** The caller of a request, or an {@link ApiException} 401 when it must be refused. */
    UserInfo authenticate(Incoming request);

    /** Returns when the user may make the request, else throws an {@link ApiException} 403. */
    void authorize(UserInfo user, Incoming request);

    /** A TokenReview with its status filled in. */
    ObjectNode reviewToken(ObjectNode tokenReview);

    /**
     * A SubjectAccessReview, LocalSubjectAccessReview or SelfSubjectAccessReview (its {@code kind}
     * says which) with its status filled in; {@code caller} is who asked (the subject of a self review).
     */
    ObjectNode reviewAccess(ObjectNode review, UserInfo caller);

    /**
     * A SelfSubjectRulesReview ({@code kubectl auth can-i --list}): the rules {@code caller} holds in
     * the review's {@code spec.namespace}, as a new object with status filled in.
     */
    ObjectNode reviewRules(ObjectNode review, UserInfo caller);

    /** A SelfSubjectReview ({@code kubectl auth whoami}) with status.userInfo: the caller. */
    default ObjectNode reviewSelf(ObjectNode review, UserInfo caller) {
        ObjectNode user = JsonFields.obj(JsonFields.obj(review, "status"), "userInfo");
        user.put("username", caller.name());
        if (!caller.uid().isEmpty()) {
            user.put("uid", caller.uid());
        }
        caller.groups().forEach(user.withArray("groups")::add);
        if (!caller.extra().isEmpty()) {
            ObjectNode extra = user.putObject("extra");
            caller.extra().forEach((key, values) -> values.forEach(extra.withArray(key)::add));
        }
        return review;
    }

    /** The TokenRequest for {@code serviceAccount} (the stored object) with status.token filled in. */
    ObjectNode requestToken(ObjectNode serviceAccount, ObjectNode tokenRequest, UserInfo caller);

    /** Objects a fresh cluster holds for this access control (bootstrap ClusterRoles and their bindings). */
    default List<BootstrapObject> bootstrapObjects() {
        return List.of();
    }
}
