package io.statefulapps.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to deleting an app: what was deleted, which claims (the data) were kept with their
 * volumes, which of the app's objects were already gone, and which objects holding one of the app's
 * names were left alone because this service does not manage them.
 */
public record DeleteResult(
        List<KindName> deleted,
        List<KeptClaim> kept,
        List<KindName> missing,
        List<KindName> skipped,
        List<String> warnings) {

    public DeleteResult {
        deleted = List.copyOf(deleted);
        kept = List.copyOf(kept);
        missing = List.copyOf(missing);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /** An object, as in {@code {kind: "StatefulSet", name: "eureka"}}. */
    public record KindName(String kind, String name) {
    }

    /**
     * A claim left in place, with the PersistentVolume bound to it and that volume's reclaim policy.
     *
     * @param warning what deleting the claim later would do to the data; null when nothing worse than
     *                a Released volume
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeptClaim(String claim, String volume, String reclaimPolicy, String warning) {
    }
}
