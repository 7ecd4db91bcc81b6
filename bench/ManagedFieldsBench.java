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
 * <pre>java -XX:+UseParallelGC -Xms1g -Xmx1g -cp 'target/quarkus-app/lib/main/*:target/quarkus-app/app/*' bench/ManagedFieldsBench.java</pre>
 *
 * Arguments, all optional: pods per page (2,000), warm-up rounds (15), measured rounds (21).
 */
public class ManagedFieldsBench {

    public static void main(String[] args) throws Exception {
        int pods = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 21;
        ObjectMapper plain = new ObjectMapper();
        JsonNode pod = plain.readTree(Files.readString(Path.of("bench/pod-real-apiserver.json")));
        byte[] withFields = page(plain, pod, pods, true);
        byte[] withoutFields = page(plain, pod, pods, false);

        String[] names = {"managedFields read", "managedFields skipped", "none sent (embedded cluster)"};
        ObjectMapper[] mappers = {mapper(false), mapper(true), mapper(false)};
        byte[][] pages = {withFields, withFields, withoutFields};
        long[][] nanos = new long[3][rounds];
        long[][] bytes = new long[3][rounds];
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int round = -warmup; round < rounds; round++) {
            for (int k = 0; k < 3; k++) {
                long b0 = threads.getCurrentThreadAllocatedBytes();
                long t0 = System.nanoTime();
                PodList list = mappers[k].readValue(pages[k], PodList.class);
                long t1 = System.nanoTime();
                long b1 = threads.getCurrentThreadAllocatedBytes();
                check(list, pods, k == 0);
                if (round >= 0) {
                    nanos[k][round] = t1 - t0;
                    bytes[k][round] = b1 - b0;
                }
            }
        }
        System.out.printf("one page of %d pods: %.1f KiB of JSON with managedFields, %.1f KiB without%n", pods,
                withFields.length / 1024.0, withoutFields.length / 1024.0);
        for (int k = 0; k < 3; k++) {
            System.out.printf("%-30s %7.1f ms %7.1f MB allocated (medians of %d rounds)%n", names[k],
                    median(nanos[k]) / 1e6, median(bytes[k]) / 1e6, rounds);
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

    private static byte[] page(ObjectMapper mapper, JsonNode pod, int pods, boolean managedFields) throws Exception {
        ObjectNode list = mapper.createObjectNode().put("apiVersion", "v1").put("kind", "PodList");
        list.putObject("metadata").put("resourceVersion", "5000");
        ArrayNode items = list.putArray("items");
        for (int i = 0; i < pods; i++) {
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

    private static void check(PodList list, int pods, boolean managedFieldsRead) {
        if (list.getItems().size() != pods
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
