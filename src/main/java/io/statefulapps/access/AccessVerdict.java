package io.statefulapps.access;

/** A SubjectAccessReview's answer: allowed or not, and the authorizer's reason when it gave one. */
public record AccessVerdict(boolean allowed, String reason) {

    public AccessVerdict {
        reason = reason == null ? "" : reason;
    }
}
