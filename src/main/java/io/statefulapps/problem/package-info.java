/**
 * What a failure looks like to a caller: RFC 9457 problem details ({@code Problem}) with the
 * contract's stable {@code type} URIs ({@code ProblemType}), the exception that ends a request with
 * one, and the mapping of the cluster layer's failures to problems ({@code FailureProblems}).
 *
 * <p>May import {@code cluster} (its exception types) and {@code spec} ({@code FieldError}).
 * Imported by {@code api}, {@code app}, {@code access}.
 */
package io.statefulapps.problem;
