/**
 * Callers' identity and rights, in one place: the bearer token ({@code BearerToken}), the rights
 * each endpoint needs ({@code AccessRules}: where to change who may PATCH), the TokenReview and
 * SubjectAccessReview calls and their cache ({@code CallerReviews}), the decision that applies
 * them to one call ({@code CallerChecks}; {@code api.CallerAuthorizationFilter} puts it in front of
 * every call) and whether checks are on at all ({@code AuthActivation}).
 *
 * <p>May import: {@code cluster} (its failures), {@code app} (the namespace rule), {@code problem},
 * {@code config}. Imported by {@code api} and {@code config} (the activation producer).
 */
package io.statefulapps.access;
