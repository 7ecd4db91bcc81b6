package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The create-only resources that ask the access control a question and are never stored:
 * TokenReview, SelfSubjectReview, SubjectAccessReview and its local and self forms, SelfSubjectRulesReview, and a ServiceAccount's
 * {@code token} subresource (TokenRequest). Answered 201 with the status filled in.
 */
record ReviewResources(AccessControl access, ObjectStore store) {

    static boolean isTokenRequest(ResourceType type, RequestTarget target) {
        return type.is("", "serviceaccounts") && "token".equals(target.subresource());
    }

    HttpAnswer review(ResourceType type, ApiRequest request) {
        if (!request.method().equals("POST") || request.target().name() != null) {
            throw ApiException.methodNotAllowed();
        }
        ObjectNode review = request.requireObject();
        review.put("apiVersion", type.groupVersion()).put("kind", type.kind());
        if (type.namespaced()) {
            JsonFields.metadata(review).put("namespace", request.target().namespace());
        }
        ObjectNode answer;
        if (type.is("authentication.k8s.io", "tokenreviews")) {
            answer = access.reviewToken(review);
        } else if (type.is("authorization.k8s.io", "selfsubjectrulesreviews")) {
            answer = access.reviewRules(review, request.user());
        } else if (type.is("authentication.k8s.io", "selfsubjectreviews")) {
            answer = access.reviewSelf(review, request.user());
        } else {
            answer = access.reviewAccess(review, request.user());
        }
        return HttpAnswer.json(201, answer);
    }

    HttpAnswer tokenRequest(ResourceType serviceAccounts, ApiRequest request) {
        if (!request.method().equals("POST")) {
            throw ApiException.methodNotAllowed();
        }
        RequestTarget target = request.target();
        StoredObject sa = store.get(serviceAccounts, target.namespace(), target.name());
        if (sa == null) {
            throw ApiException.notFound(serviceAccounts, target.name());
        }
        ObjectNode tokenRequest = request.object() == null ? JsonText.object() : request.object();
        tokenRequest.put("apiVersion", "authentication.k8s.io/v1").put("kind", "TokenRequest");
        JsonFields.metadata(tokenRequest).put("name", target.name()).put("namespace", target.namespace());
        return HttpAnswer.json(201, access.requestToken(sa.tree(), tokenRequest, request.user()));
    }
}
