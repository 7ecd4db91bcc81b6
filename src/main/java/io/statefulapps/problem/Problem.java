package io.statefulapps.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.soabase.recordbuilder.core.RecordBuilder;
import io.statefulapps.spec.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem detail. Beyond the standard members: {@code errors} lists every broken rule
 * of a refused spec; {@code step}, {@code undone} and {@code leftBehind} say where a multi-object
 * write failed and what the cluster holds now; {@code changed} and {@code unchanged} say what a PATCH
 * or DELETE that failed part-way had done and not done (retrying the same request finishes it);
 * {@code object} names the object a conflict is about.
 */
@RecordBuilder
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        String object,
        String step,
        List<String> undone,
        List<String> leftBehind,
        List<String> changed,
        List<String> unchanged,
        String requestId) implements ProblemBuilder.With {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return of(type, type.status(), detail);
    }

    public static Problem of(ProblemType type, int status, String detail) {
        return ProblemBuilder.builder().type(type.uri()).title(type.title()).status(status).detail(detail).build();
    }

    /** For a change (PATCH, DELETE) that failed part-way: what it had already changed and what it had not. */
    public Problem withChange(String failedStep, List<String> changedObjects, List<String> unchangedObjects) {
        return withStep(failedStep).withChanged(changedObjects).withUnchanged(unchangedObjects);
    }
}
