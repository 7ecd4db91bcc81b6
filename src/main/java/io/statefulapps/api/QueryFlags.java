package io.statefulapps.api;

import io.statefulapps.problem.ProblemException;
import io.statefulapps.problem.ProblemType;

/**
 * Boolean query parameters parsed by hand: JAX-RS would answer a bad value with a bare 404,
 * and a caller who typed {@code dryRun=yes} deserves a 400 that says what is accepted.
 */
public final class QueryFlags {

    private QueryFlags() {
    }

    /**
     * A flag as the query has it: absent is false; present with no value ({@code ?dryRun} or
     * {@code ?dryRun=}) is true, as the contract says.
     */
    public static boolean flag(jakarta.ws.rs.core.UriInfo uri, String name) {
        java.util.List<String> values = uri.getQueryParameters().get(name);
        if (values == null) {
            return false;
        }
        if (values.size() > 1) {
            throw ProblemException.of(ProblemType.MALFORMED_REQUEST,
                    "Query parameter '" + name + "' is given " + values.size() + " times; give it once.");
        }
        String value = values.isEmpty() || values.get(0) == null ? "" : values.get(0);
        return parse(name, value);
    }

    /**
     * A flag that destroys something when true ({@code deleteData}): absent is false, and only a
     * stated {@code true} (or {@code All}) makes it true. An empty value ({@code ?deleteData} or
     * {@code ?deleteData=}, what a client sends for a flag it left unset) is refused, not read as
     * true as the other flags read it: a mistake must not delete data.
     */
    public static boolean explicitFlag(jakarta.ws.rs.core.UriInfo uri, String name) {
        java.util.List<String> values = uri.getQueryParameters().get(name);
        if (values != null && values.size() == 1 && (values.get(0) == null || values.get(0).isBlank())) {
            throw ProblemException.of(ProblemType.MALFORMED_REQUEST,
                    "Query parameter '" + name + "' has no value; give 'true' or 'false' (it is not read as"
                            + " true because it deletes data).");
        }
        return flag(uri, name);
    }

    public static boolean parse(String name, String value) {
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase()) {
            // "All" is what kubectl and the Kubernetes API use for dry runs.
            case "", "true", "all" -> true;
            case "false" -> false;
            default -> throw ProblemException.of(ProblemType.MALFORMED_REQUEST,
                    "Query parameter '" + name + "' must be 'true', 'All' or 'false', not '" + value + "'.");
        };
    }

    /** A whole-number query parameter, or null when absent. */
    public static Integer parseInt(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.of(ProblemType.MALFORMED_REQUEST,
                    "Query parameter '" + name + "' must be a whole number, not '" + value + "'.");
        }
    }
}
