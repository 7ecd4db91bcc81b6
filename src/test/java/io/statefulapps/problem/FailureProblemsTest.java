package io.statefulapps.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statefulapps.cluster.ClusterRefusedException;
import io.statefulapps.cluster.ClusterUnavailableException;
import io.statefulapps.cluster.ObjectConflictException;
import io.statefulapps.cluster.PartialWriteException;
import io.statefulapps.spec.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureProblemsTest {

    @ParameterizedTest
    @CsvSource({
        "401, 401, unauthenticated",
        "403, 403, forbidden",
        "404, 404, not-found",
        "409, 409, conflict",
        "422, 422, refused-by-cluster",
        "400, 422, refused-by-cluster",
        "429, 503, cluster-unavailable",
        "500, 503, cluster-unavailable",
        "507, 503, cluster-unavailable",
        "418, 500, internal",
    })
    void refusalsKeepTheApiServersMeaning(int apiStatus, int status, String slug) {
        Problem problem = FailureProblems.refused(new ClusterRefusedException(apiStatus, "Reason",
                "create StatefulSet/eureka", "nope", List.of()));
        assertEquals(status, problem.status());
        assertEquals(ProblemType.BASE + slug, problem.type());
        assertTrue(problem.detail().contains("create StatefulSet/eureka"), problem.detail());
    }

    @Test
    void invalidCarriesTheApiServersCauses() {
        var causes = List.of(new FieldError("spec.replicas", "must be greater than or equal to 0"));
        Problem problem = FailureProblems.refused(new ClusterRefusedException(422, "Invalid",
                "dry run of StatefulSet/eureka", "StatefulSet.apps \"eureka\" is invalid", causes));
        assertEquals(causes, problem.errors());
    }

    @Test
    void unavailableIs503() {
        Problem problem = FailureProblems.of(new ClusterUnavailableException("down", null));
        assertEquals(503, problem.status());
    }

    @Test
    void conflictNamesTheObject() {
        Problem problem = FailureProblems.of(new ObjectConflictException("Service/eureka", false, "taken"));
        assertEquals(409, problem.status());
        assertEquals("Service/eureka", problem.object());
    }

    @Test
    void partialWriteSaysWhatFailedAndWhatWasUndone() {
        var failure = new ClusterRefusedException(403, "Forbidden", "create Service/eureka", "quota", List.of());
        Problem problem = FailureProblems.of(new PartialWriteException("create Service/eureka",
                List.of("StatefulSet/eureka", "Service/eureka-headless"), List.of(), failure));
        assertEquals(403, problem.status());
        assertEquals("create Service/eureka", problem.step());
        assertEquals(List.of("StatefulSet/eureka", "Service/eureka-headless"), problem.undone());
        assertTrue(problem.detail().contains("StatefulSet/eureka"), problem.detail());
    }
}
