package io.statefulapps.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.statefulapps.cluster.compaction.ObjectCompaction;
import io.statefulapps.health.HealthCases.Case;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The watch cache keeps each object compacted (shared strings and maps, immutable collections,
 * and of pods, claims, volumes, slices and events only what the rules read). A field dropped that
 * a rule reads would change verdicts silently: for every row of the rule table and for each kind,
 * the report computed from compacted objects of that kind is the one computed from the objects as
 * the API server sent them, to the last field and byte of JSON.
 */
class CompactedObjectsKeepVerdictsTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** Each kind the cache holds per app, and how to replace it in a snapshot by its compacted copies. */
    enum Kind {
        STATEFUL_SET, SERVICES, PODS, CLAIMS, VOLUMES, ENDPOINT_SLICES, EVENTS;

        ClusterSnapshot compacted(ClusterSnapshot s, ObjectCompaction compaction) {
            UnaryOperator<HasMetadata> copy = object -> compaction.compact(SERIALIZATION.clone(object));
            return new ClusterSnapshot(s.namespace(), s.app(), s.names(),
                    this == STATEFUL_SET ? compactedOrNull(s.statefulSet(), copy) : s.statefulSet(),
                    this == SERVICES ? compactedOrNull(s.headlessService(), copy) : s.headlessService(),
                    this == SERVICES ? compactedOrNull(s.clientService(), copy) : s.clientService(),
                    this == PODS ? each(s.pods(), copy) : s.pods(),
                    this == CLAIMS ? each(s.claims(), copy) : s.claims(),
                    this == VOLUMES ? eachValue(s.volumesByName(), copy) : s.volumesByName(),
                    this == ENDPOINT_SLICES ? each(s.endpointSlices(), copy) : s.endpointSlices(),
                    this == EVENTS ? each(s.events(), copy) : s.events(),
                    s.storageClasses(), s.nodes(), s.cacheSynced(), s.staleFor(), s.now());
        }
    }

    static Stream<Arguments> rowsAndKinds() {
        return HealthCases.all().stream()
                .flatMap(c -> Arrays.stream(Kind.values()).map(kind -> Arguments.of(c, kind)));
    }

    @ParameterizedTest(name = "{0}: {1} compacted")
    @MethodSource("rowsAndKinds")
    void theReportIsTheSame(Case row, Kind kind) throws Exception {
        ClusterSnapshot asSent = row.fixture().build();
        ClusterSnapshot compacted = kind.compacted(asSent, new ObjectCompaction());

        HealthReport expected = HealthAssessor.assess(asSent, TestSettings.DEFAULTS);
        HealthReport actual = HealthAssessor.assess(compacted, TestSettings.DEFAULTS);

        assertEquals(expected, actual);
        assertEquals(JSON.writeValueAsString(expected), JSON.writeValueAsString(actual));
        assertEquals(HealthTextRenderer.render(expected, 15), HealthTextRenderer.render(actual, 15));
    }

    @SuppressWarnings("unchecked")
    private static <T extends HasMetadata> T compactedOrNull(T object, UnaryOperator<HasMetadata> copy) {
        return object == null ? null : (T) copy.apply(object);
    }

    @SuppressWarnings("unchecked")
    private static <T extends HasMetadata> List<T> each(List<T> objects, UnaryOperator<HasMetadata> copy) {
        return objects.stream().map(o -> (T) copy.apply(o)).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T extends HasMetadata> Map<String, T> eachValue(Map<String, T> objects,
            UnaryOperator<HasMetadata> copy) {
        Map<String, T> copies = new LinkedHashMap<>();
        objects.forEach((name, object) -> copies.put(name, (T) copy.apply(object)));
        return copies;
    }
}
