package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * TokenReview and SubjectAccessReview: create-only, never stored. The embedded cluster has no
 * identity provider, so every non-empty token is a user and every access is allowed; the
 * service's authorization code still runs end to end against it.
 */
final class Reviews {

  private Reviews() {
  }

  static ObjectNode answer(ResourceType type, ObjectNode review) {
    review.put("apiVersion", type.groupVersion()).put("kind", type.kind());
    ObjectNode status = Json.obj(review, "status");
    if (type.plural().equals("tokenreviews")) {
      String token = review.path("spec").path("token").asText("");
      status.put("authenticated", !token.isEmpty());
      if (!token.isEmpty()) {
        ObjectNode user = status.putObject("user").put("username", "embedded-user").put("uid", "embedded-user");
        user.putArray("groups").add("system:authenticated");
      }
    } else {
      status.put("allowed", true).put("reason", "the embedded simulated cluster allows every request");
    }
    return review;
  }
}
