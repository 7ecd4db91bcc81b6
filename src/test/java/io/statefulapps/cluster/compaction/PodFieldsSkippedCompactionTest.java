package io.statefulapps.cluster.compaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.statefulapps.kubernetes.JsonFirstSerialization;
import io.statefulapps.kubernetes.PodFieldsSkipped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pod fields the parser skips are only ones compaction lets go of: a pod read skipping and
 * then compacted equals the same pod read whole and then compacted. If compaction came to keep a
 * field the parser skips, this fails.
 */
class PodFieldsSkippedCompactionTest {

    private static final KubernetesSerialization WHOLE = new JsonFirstSerialization(new ObjectMapper(), false);
    private static final KubernetesSerialization SKIPPING = skipping();

    private static KubernetesSerialization skipping() {
        ObjectMapper mapper = new ObjectMapper();
        KubernetesSerialization serialization = new JsonFirstSerialization(mapper, false);
        PodFieldsSkipped.register(mapper);
        return serialization;
    }

    /** The pods of the embedded cluster's test apps, and a pod as a real cluster sends it. */
    static List<String> podsAsSent() {
        List<String> pods = new ArrayList<>();
        EmbeddedClusterObjects.all().stream().filter(Pod.class::isInstance).map(WHOLE::asJson).forEach(pods::add);
        try (InputStream in = PodFieldsSkippedCompactionTest.class.getResourceAsStream("/kubernetes/real-cluster-pod.json")) {
            pods.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pods;
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("podsAsSent")
    void compactingAPodReadSkippingGivesWhatCompactingItReadWholeGives(String json) {
        Pod readWhole = WHOLE.unmarshal(json, Pod.class);
        Pod readSkipping = SKIPPING.unmarshal(json, Pod.class);
        assertFalse(readWhole.equals(readSkipping), "the parser skipped nothing");

        Pod fromWhole = new ObjectCompaction().compact(readWhole);
        Pod fromSkipping = new ObjectCompaction().compact(readSkipping);

        assertEquals(fromWhole, fromSkipping);
        assertEquals(WHOLE.asJson(fromWhole), WHOLE.asJson(fromSkipping));
    }
}
