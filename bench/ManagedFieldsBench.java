import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodList;
import io.statefulapps.kubernetes.JsonFirstSerialization;
import io.statefulapps.kubernetes.ManagedFieldsSkipped;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What reading managedFields costs the service's client: one list page of 2,000 pods as a real API
 * server sends them (bench/pod-real-apiserver.json, names and uids varied), read by a mapper
 * configured as Fabric8 configures it, with and without {@code ManagedFieldsSkipped}, and the same
 * pods without managedFields (what the embedded cluster sends), rounds alternated after a warm-up.
 * Prints the median time and the bytes allocated per page. Run after {@code ./mvnw package}:
 *
 * <pre>java -cp 'target/quarkus-app/lib/main/*:target/quarkus-app/app/*' bench/ManagedFieldsBench.java</pre>
 */
public class ManagedFieldsBench {

    private static final int PODS = 2000;
    private static final int WARMUP = 15;
    private static final int ROUNDS = 21;

    public static void main(String[] args) throws Exception {
        ObjectMapper plain = new ObjectMapper();
        JsonNode pod = plain.readTree(Files.readString(Path.of("bench/pod-real-apiserver.json")));
        byte[] withFields = page(plain, pod, true);
        byte[] withoutFields = page(plain, pod, false);

        String[] names = {"managedFields read", "managedFields skipped", "none sent (embedded cluster)"};
        ObjectMapper[] mappers = {mapper(false), mapper(true), mapper(false)};
        byte[][] pages = {withFields, withFields, withoutFields};
        long[][] nanos = new long[3][ROUNDS];
        long[][] bytes = new long[3][ROUNDS];
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int round = -WARMUP; round < ROUNDS; round++) {
            for (int k = 0; k < 3; k++) {
                long b0 = threads.getCurrentThreadAllocatedBytes();
                long t0 = System.nanoTime();
                PodList list = mappers[k].readValue(pages[k], PodList.class);
                long t1 = System.nanoTime();
                long b1 = threads.getCurrentThreadAllocatedBytes();
                check(list, k == 0);
                if (round >= 0) {
                    nanos[k][round] = t1 - t0;
                    bytes[k][round] = b1 - b0;
                }
            }
        }
        System.out.printf("one page of %d pods: %.1f KiB of JSON with managedFields, %.1f KiB without%n", PODS,
                withFields.length / 1024.0, withoutFields.length / 1024.0);
        for (int k = 0; k < 3; k++) {
            System.out.printf("%-30s %7.1f ms %7.1f MB allocated (medians of %d rounds)%n", names[k],
                    median(nanos[k]) / 1e6, median(bytes[k]) / 1e6, ROUNDS);
        }
    }

    /** A mapper as the service's client has it: Fabric8's configuration, with or without the skip. */
    private static ObjectMapper mapper(boolean skipping) {
        ObjectMapper mapper = new ObjectMapper();
        if (skipping) {
            ManagedFieldsSkipped.register(mapper);
        }
        new JsonFirstSerialization(mapper, false);
        return mapper;
    }

    private static byte[] page(ObjectMapper mapper, JsonNode pod, boolean managedFields) throws Exception {
        ObjectNode list = mapper.createObjectNode().put("apiVersion", "v1").put("kind", "PodList");
        list.putObject("metadata").put("resourceVersion", "5000");
        ArrayNode items = list.putArray("items");
        for (int i = 0; i < PODS; i++) {
            ObjectNode copy = pod.deepCopy();
            ObjectNode meta = (ObjectNode) copy.get("metadata");
            meta.put("name", "app-" + (i / 2) + "-" + (i % 2));
            meta.put("uid", String.format("f5f2bb73-985c-4ab4-8077-%012d", i));
            if (!managedFields) {
                meta.remove("managedFields");
            }
            items.add(copy);
        }
        return mapper.writeValueAsString(list).getBytes(StandardCharsets.UTF_8);
    }

    private static void check(PodList list, boolean managedFieldsRead) {
        if (list.getItems().size() != PODS
                || list.getItems().get(0).getMetadata().getManagedFields().isEmpty() == managedFieldsRead) {
            throw new AssertionError("unexpected page read");
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
