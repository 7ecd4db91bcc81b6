package io.statefulapps.api;

import io.statefulapps.problem.Problem;
import io.statefulapps.problem.ProblemType;

/** Problems for the errors the HTTP layer itself raises (no such path, wrong method or media type). */
public final class WebProblems {

    private WebProblems() {
    }

    public static Problem forStatus(int status, String message, String path) {
        return switch (status) {
            case 400 -> Problem.of(ProblemType.MALFORMED_REQUEST, nonBlank(message, "The request is malformed."));
            case 401 -> Problem.of(ProblemType.UNAUTHENTICATED, "Send 'Authorization: Bearer <token>'.");
            case 403 -> Problem.of(ProblemType.FORBIDDEN, nonBlank(message, "Your rights do not allow this."));
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "There is nothing at " + path + ".");
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                    "This method is not allowed on " + path + "; the Allow header lists those that are.");
            case 406 -> Problem.of(ProblemType.NOT_ACCEPTABLE,
                    "None of the media types in Accept can be produced here; see the OpenAPI contract at /q/openapi.");
            case 413 -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, nonBlank(message, "The request body is too large."));
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "This Content-Type is not accepted here; send application/json "
                            + "(application/merge-patch+json for PATCH).");
            default -> Problem.of(ProblemType.INTERNAL, status, nonBlank(message, "HTTP " + status));
        };
    }

    private static String nonBlank(String message, String fallback) {
        return message == null || message.isBlank() || message.startsWith("HTTP ") ? fallback : message;
    }
}
