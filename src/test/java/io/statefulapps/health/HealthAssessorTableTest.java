package io.statefulapps.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statefulapps.health.HealthCases.Case;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rule table: each row a snapshot, its verdict and exactly the reasons it reports. */
class HealthAssessorTableTest {

    static Stream<Case> cases() {
        return HealthCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictAndReasons(Case c) {
        HealthReport report = HealthAssessor.assess(c.fixture().build(), TestSettings.DEFAULTS);
        Set<Reason> reported = report.problems().stream().map(HealthProblem::reason)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Reason.class)));
        assertEquals(c.reasons(), reported, () -> "problems: " + report.problems());
        assertEquals(c.status(), report.status(), () -> "problems: " + report.problems());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyProblemHasMessageAndHintWithNamespace(Case c) {
        HealthReport report = HealthAssessor.assess(c.fixture().build(), TestSettings.DEFAULTS);
        for (HealthProblem p : report.problems()) {
            assertTrue(p.message() != null && !p.message().isBlank(), () -> "message of " + p);
            assertTrue(p.hint() != null && !p.hint().isBlank(), () -> "hint of " + p);
            assertTrue(p.object().contains("/"), () -> "object of " + p);
            if (p.hint().contains("kubectl") && !p.hint().startsWith("kubectl get storageclass")
                    && p.reason() != Reason.CacheNotSynced) {
                assertTrue(p.hint().contains("kubectl -n shop") || p.hint().contains("kubectl get ")
                        || p.hint().contains("kubectl describe node") || p.hint().contains("kubectl describe pv"),
                        () -> "hint names the namespace: " + p);
            }
        }
    }

    /** Inputs are the watch cache's own objects: assess() must leave them exactly as it found them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void doesNotMutateItsInputs(Case c) throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        ClusterSnapshot snapshot = c.fixture().build();
        String before = json.writeValueAsString(snapshot);
        HealthAssessor.assess(snapshot, TestSettings.DEFAULTS);
        assertEquals(before, json.writeValueAsString(snapshot));
    }

    @Test
    void everyReasonIsProducedByAtLeastOneRow() {
        Set<Reason> covered = EnumSet.noneOf(Reason.class);
        HealthCases.all().forEach(c -> covered.addAll(c.reasons()));
        Set<String> missing = new TreeSet<>();
        for (Reason r : Reason.values()) {
            if (!covered.contains(r)) {
                missing.add(r.name());
            }
        }
        assertEquals(Set.of(), missing);
    }
}
