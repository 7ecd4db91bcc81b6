package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review APIs, answered from the same authenticator and authorizer that guard requests:
 * TokenReview and SelfSubjectReview ({@code authentication.k8s.io}), SubjectAccessReview,
 * SelfSubjectAccessReview ({@code kubectl auth can-i}), SelfSubjectRulesReview ({@code kubectl auth
 * can-i --list}) and LocalSubjectAccessReview ({@code authorization.k8s.io}). Each answer is the request with {@code status} filled in, with
 * kube-apiserver's validation and its omissions of empty fields.
 */
final class AccessReviews {

    static final String AUTHORIZATION = "authorization.k8s.io";

    private final Authenticator authenticator;
    private final RbacAuthorizer authorizer;

    AccessReviews(Authenticator authenticator, RbacAuthorizer authorizer) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
    }

    ObjectNode tokenReview(ObjectNode body) {
        ObjectNode review = answerOf(body, "TokenReview", TokenRequestAnswer.GROUP);
        String token = review.path("spec").path("token").asText("");
        if (token.isEmpty()) {
            throw new ApiRefusal(StatusBodies.badRequest("token is required for TokenReview in authentication"));
        }
        List<String> audiences = strings(review.path("spec").path("audiences"));
        Authentication result = authenticator.authenticateToken(token,
                audiences.isEmpty() ? ServiceAccountTokens.API_AUDIENCES : audiences);
        ObjectNode status = review.putObject("status");
        if (result.authenticated()) {
            status.put("authenticated", true);
        }
        ObjectNode user = status.putObject("user");
        result.user().ifPresent(u -> userInfo(user, u));
        if (result.authenticated()) {
            result.audiences().forEach(status.putArray("audiences")::add);
        }
        if (!result.error().isEmpty()) {
            status.put("error", result.error());
        }
        return review;
    }

    ObjectNode selfSubjectReview(RbacUser requester, ObjectNode body, Instant now) {
        ObjectNode review = answerOf(body, "SelfSubjectReview", TokenRequestAnswer.GROUP);
        ((ObjectNode) review.get("metadata")).put("creationTimestamp", TokenRequestAnswer.timestamp(now));
        userInfo(review.putObject("status").putObject("userInfo"), requester);
        return review;
    }

    ObjectNode subjectAccessReview(ObjectNode body) {
        ObjectNode review = answerOf(body, "SubjectAccessReview", AUTHORIZATION);
        JsonNode spec = review.path("spec");
        List<StatusBodies.Cause> causes = attributeCauses(spec);
        causes.addAll(subjectCauses(spec));
        refuseIfAny(causes, "SubjectAccessReview", "");
        return decide(review, subjectOf(spec));
    }

    ObjectNode selfSubjectAccessReview(RbacUser requester, ObjectNode body) {
        ObjectNode review = answerOf(body, "SelfSubjectAccessReview", AUTHORIZATION);
        refuseIfAny(attributeCauses(review.path("spec")), "SelfSubjectAccessReview", "");
        return decide(review, requester);
    }

    ObjectNode localSubjectAccessReview(String namespace, ObjectNode body) {
        ObjectNode review = answerOf(body, "LocalSubjectAccessReview", AUTHORIZATION);
        ObjectNode meta = (ObjectNode) review.get("metadata");
        String given = meta.path("namespace").asText("");
        if (!given.isEmpty() && !given.equals(namespace)) {
            throw new ApiRefusal(StatusBodies.badRequest(
                    "the namespace of the provided object does not match the namespace sent on the request"));
        }
        meta.put("namespace", namespace);
        JsonNode spec = review.path("spec");
        List<StatusBodies.Cause> causes = new ArrayList<>();
        JsonNode attributes = spec.path("resourceAttributes");
        if (attributes.isObject() && !attributes.path("namespace").asText("").equals(namespace)) {
            causes.add(new StatusBodies.Cause("spec.resourceAttributes.namespace", StatusBodies.invalidValue(
                    attributes.path("namespace").asText(""), "must match metadata.namespace")));
        }
        if (spec.path("nonResourceAttributes").isObject()) {
            causes.add(new StatusBodies.Cause("spec.nonResourceAttributes", StatusBodies.invalidValue(
                    spec.get("nonResourceAttributes").toString(), "disallowed on this kind of request")));
        }
        causes.addAll(subjectCauses(spec));
        refuseIfAny(causes, "LocalSubjectAccessReview", "");
        return decide(review, subjectOf(spec));
    }

    /**
     * {@code kubectl auth can-i --list}: every rule the requester holds in {@code spec.namespace},
     * split as kube-apiserver splits them into resource and non-resource rules. Like the real REST
     * handler, the answer is a new object (empty spec) and a missing namespace is a 400.
     */
    ObjectNode selfSubjectRulesReview(RbacUser requester, ObjectNode body) {
        String namespace = body == null ? "" : text(body.path("spec"), "namespace");
        if (namespace.isEmpty()) {
            throw new ApiRefusal(StatusBodies.badRequest("no namespace on request"));
        }
        ObjectNode review = answerOf(null, "SelfSubjectRulesReview", AUTHORIZATION);
        RbacAuthorizer.RulesHeld held = authorizer.rulesFor(requester, namespace);
        ObjectNode status = review.putObject("status");
        var resourceRules = status.putArray("resourceRules");
        var nonResourceRules = status.putArray("nonResourceRules");
        for (PolicyRule rule : held.rules()) {
            if (!rule.resources().isEmpty()) {
                ObjectNode out = resourceRules.addObject();
                strings(out, "verbs", rule.verbs(), true);
                strings(out, "apiGroups", rule.apiGroups(), false);
                strings(out, "resources", rule.resources(), false);
                strings(out, "resourceNames", rule.resourceNames(), false);
            }
            if (!rule.nonResourceURLs().isEmpty()) {
                ObjectNode out = nonResourceRules.addObject();
                strings(out, "verbs", rule.verbs(), true);
                strings(out, "nonResourceURLs", rule.nonResourceURLs(), false);
            }
        }
        status.put("incomplete", false);
        if (!held.error().isEmpty()) {
            status.put("evaluationError", held.error());
        }
        return review;
    }

    /** A list field as Go's encoder writes it: left out when empty unless the field is required. */
    private static void strings(ObjectNode node, String field, List<String> values, boolean required) {
        if (required || !values.isEmpty()) {
            values.forEach(node.putArray(field)::add);
        }
    }

    private ObjectNode decide(ObjectNode review, RbacUser user) {
        JsonNode spec = review.path("spec");
        JsonNode resource = spec.path("resourceAttributes");
        RequestAttributes attributes = resource.isObject()
                ? new RequestAttributes(true, text(resource, "verb"), text(resource, "group"),
                        text(resource, "version"), text(resource, "resource"), text(resource, "subresource"),
                        text(resource, "namespace"), text(resource, "name"), "")
                : RequestAttributes.nonResource(text(spec.path("nonResourceAttributes"), "verb"),
                        text(spec.path("nonResourceAttributes"), "path"));
        AuthorizationDecision decision = authorizer.authorize(user, attributes);
        ObjectNode status = review.putObject("status").put("allowed", decision.allowed());
        if (!decision.reason().isEmpty()) {
            status.put("reason", decision.reason());
        }
        return review;
    }

    private static List<StatusBodies.Cause> attributeCauses(JsonNode spec) {
        boolean resource = spec.path("resourceAttributes").isObject();
        boolean nonResource = spec.path("nonResourceAttributes").isObject();
        List<StatusBodies.Cause> causes = new ArrayList<>();
        if (resource && nonResource) {
            causes.add(new StatusBodies.Cause("spec.nonResourceAttributes", StatusBodies.invalidValue(
                    spec.get("nonResourceAttributes").toString(), "cannot be specified in combination with"
                            + " resourceAttributes")));
        }
        if (!resource && !nonResource) {
            causes.add(new StatusBodies.Cause("spec.resourceAttributes", StatusBodies.invalidValue(null,
                    "exactly one of nonResourceAttributes or resourceAttributes must be specified")));
        }
        return causes;
    }

    private static List<StatusBodies.Cause> subjectCauses(JsonNode spec) {
        if (text(spec, "user").isEmpty() && strings(spec.path("groups")).isEmpty()) {
            return List.of(new StatusBodies.Cause("spec.user", StatusBodies.invalidValue("",
                    "at least one of user or group must be specified")));
        }
        return List.of();
    }

    private static void refuseIfAny(List<StatusBodies.Cause> causes, String kind, String name) {
        if (!causes.isEmpty()) {
            throw new ApiRefusal(StatusBodies.invalid(AUTHORIZATION, kind, name, causes));
        }
    }

    /** The user a review asks about, exactly as given: nothing is added to its groups. */
    private static RbacUser subjectOf(JsonNode spec) {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        spec.path("extra").fields().forEachRemaining(e -> extra.put(e.getKey(), strings(e.getValue())));
        return new RbacUser(text(spec, "user"), text(spec, "uid"), strings(spec.path("groups")), extra);
    }

    private static ObjectNode answerOf(ObjectNode body, String kind, String group) {
        ObjectNode review = JsonNodeFactory.instance.objectNode();
        review.put("kind", kind).put("apiVersion", group + "/v1");
        ObjectNode source = body == null ? JsonNodeFactory.instance.objectNode() : body;
        review.set("metadata", source.path("metadata").isObject() ? source.get("metadata").deepCopy()
                : JsonNodeFactory.instance.objectNode().putNull("creationTimestamp"));
        review.set("spec", source.path("spec").isObject() ? source.get("spec").deepCopy()
                : JsonNodeFactory.instance.objectNode());
        return review;
    }

    /** RbacUser as the review APIs serialize it: empty fields left out. */
    private static void userInfo(ObjectNode node, RbacUser user) {
        if (!user.name().isEmpty()) {
            node.put("username", user.name());
        }
        if (!user.uid().isEmpty()) {
            node.put("uid", user.uid());
        }
        if (!user.groups().isEmpty()) {
            user.groups().forEach(node.putArray("groups")::add);
        }
        if (!user.extra().isEmpty()) {
            ObjectNode extra = node.putObject("extra");
            user.extra().forEach((k, v) -> v.forEach(extra.putArray(k)::add));
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText("");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
