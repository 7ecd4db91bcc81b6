package io.statefulapps.kubernetes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Objects read without {@code metadata.managedFields}. A real API server records on every object
 * which manager set which field (a StatefulSet's pod carries three entries, about 2.6 KB of its
 * 6 KB of JSON), and Jackson built a map of maps of each for every object listed or watched, only
 * for the watch cache to drop them. Nothing here reads them, and a write that leaves them out
 * leaves them as they are on the server (only a list holding one empty entry resets them), so the
 * parser steps over them instead. Writing is unchanged: an object that has them still writes them.
 */
public final class ManagedFieldsSkipped {

    private ManagedFieldsSkipped() {
    }

    /** Makes {@code mapper} skip {@code managedFields} when it reads an {@link ObjectMeta}. */
    public static void register(ObjectMapper mapper) {
        mapper.addMixIn(ObjectMeta.class, Unread.class);
    }

    @JsonIgnoreProperties(value = "managedFields", allowGetters = true)
    private abstract static class Unread {
    }
}
