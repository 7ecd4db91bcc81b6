package io.statefulapps.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statefulapps.cluster.ClusterUnavailableException;
import io.statefulapps.cluster.PartialChangeException;
import io.statefulapps.problem.Problem;
import io.statefulapps.problem.ProblemType;
import io.statefulapps.spec.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeProblemsTest {

    @Test
    void aPartialChangeNamesWhatWasChangedAndWhatWasNot() {
        PartialChangeException e = new PartialChangeException("update StatefulSet/db",
                List.of("update Service/db-headless"), List.of("update StatefulSet/db", "update Service/db"),
                new ClusterUnavailableException("The Kubernetes API could not be reached", null));
        Problem problem = ChangeProblems.partialChange(e, false);
        assertEquals(503, problem.status());
        assertEquals(ProblemType.CLUSTER_UNAVAILABLE.uri(), problem.type());
        assertEquals("update StatefulSet/db", problem.step());
        assertEquals(List.of("update Service/db-headless"), problem.changed());
        assertEquals(List.of("update StatefulSet/db", "update Service/db"), problem.unchanged());
        assertTrue(problem.detail().contains("Already done: update Service/db-headless."), problem.detail());
        assertTrue(problem.detail().contains("Send the same request again"), problem.detail());
    }

    @Test
    void aConflictWhileWritingIsAFailedPrecondition() {
        PartialChangeException e = new PartialChangeException("update Service/db", List.of(),
                List.of("update Service/db"), new io.statefulapps.cluster.ClusterRefusedException(409, "Conflict",
                        "update Service/db", "the object has been modified", List.of()));
        Problem problem = ChangeProblems.partialChange(e, true);
        assertEquals(412, problem.status());
        assertTrue(problem.detail().contains("Nothing was changed."), problem.detail());
        assertTrue(problem.detail().contains("new ETag"), problem.detail());
    }

    @Test
    void aConflictWithoutIfMatchIsAnotherWritersConflictNotAPrecondition() {
        PartialChangeException e = new PartialChangeException("update Service/db", List.of(),
                List.of("update Service/db"), new io.statefulapps.cluster.ClusterRefusedException(409, "Conflict",
                        "update Service/db", "the object has been modified", List.of()));
        Problem problem = ChangeProblems.partialChange(e, false);
        assertEquals(409, problem.status());
        assertTrue(problem.detail().contains("Send the same request again"), problem.detail());
    }

    @Test
    void anObjectDeletedMeanwhileIsNotToBeSentAgain() {
        PartialChangeException e = new PartialChangeException("update StatefulSet/db", List.of("update Service/db"),
                List.of("update StatefulSet/db"), new io.statefulapps.cluster.ClusterRefusedException(404, "NotFound",
                        "update StatefulSet/db", "statefulsets.apps \"db\" not found", List.of()));
        Problem problem = ChangeProblems.partialChange(e, false);
        assertEquals(404, problem.status());
        assertTrue(problem.detail().contains("deleted meanwhile"), problem.detail());
        assertTrue(!problem.detail().contains("Send the same request again"), problem.detail());
    }

    @Test
    void aRefusedChangeListsEveryReason() {
        Problem problem = ChangeProblems.refusedChange(List.of(new FieldError("name", "cannot change"),
                new FieldError("podManagementPolicy", "cannot change")));
        assertEquals(422, problem.status());
        assertEquals(2, problem.errors().size());
        assertTrue(problem.detail().contains("2 rules") && problem.detail().contains("Nothing was changed"));
    }

    @Test
    void staleNamesTheCurrentETag() {
        Problem problem = ChangeProblems.stale("ns", "db", "\"abc\"");
        assertEquals(412, problem.status());
        assertTrue(problem.detail().contains("\"abc\""));
    }
}
