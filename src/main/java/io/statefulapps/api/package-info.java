/**
 * The HTTP shell: JAX-RS resources that parse a request, call one use case of {@code app} and
 * answer; content negotiation (JSON, YAML, text); the request filters that answer before a
 * resource (body size and type, OPTIONS and {@code Allow}, the caller checks of {@code access}); problem+json answers for every error
 * ({@code ProblemMappers}, {@code ProblemResponses}).
 *
 * <p>Nothing here decides anything about apps or callers. May import: {@code app}, {@code access},
 * {@code problem}, {@code config}, and the pure core for the types it answers. Nothing imports it.
 */
package io.statefulapps.api;
