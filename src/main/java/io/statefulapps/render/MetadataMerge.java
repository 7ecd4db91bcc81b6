package io.statefulapps.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Three-way merge of labels or annotations: what the live object has, what this service wrote
 * last time (the old spec rendered) and what it wants now. Entries other controllers or people
 * added are kept; entries the service wrote and no longer wants are removed; the wanted ones win.
 */
public final class MetadataMerge {

    private MetadataMerge() {
    }

    /** The merged entries; {@code null} when there are none (the API server drops empty maps). */
    public static Map<String, String> merge(Map<String, String> live, Map<String, String> wroteBefore,
            Map<String, String> wantNow) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (live != null) {
            merged.putAll(live);
        }
        if (wroteBefore != null) {
            wroteBefore.keySet().forEach(merged::remove);
        }
        if (wantNow != null) {
            merged.putAll(wantNow);
        }
        return merged.isEmpty() ? null : merged;
    }
}
