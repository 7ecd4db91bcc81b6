package io.statefulapps.cluster;

import io.statefulapps.health.ReportDigest;
import java.time.Instant;

/**
 * An app's health report as computed when its objects last changed: its JSON and its chat text (so
 * a read only copies bytes), its strong entity tag, and the digest lists, badges, metrics and the
 * next report need. The report itself is not kept: {@link ReportStore#readBack} reads it from the
 * JSON where it is needed whole.
 *
 * @param json the report as the API writes it; never changed once stored
 * @param text the report as text of at most {@code max-text-lines} lines, its duration filled in when read
 * @param etag strong, quoted: a hash of {@code json}
 * @param computedAt when the report was computed (the {@code Last-Modified} of the answer)
 */
public record StoredReport(ReportDigest digest, byte[] json, StoredText text, String etag, Instant computedAt) {

    /**
     * The entity tag of the text answers: weak, as their duration grows while the report stays
     * the same (RFC 9110: semantically equivalent), and apart from the JSON's, which is another
     * representation.
     */
    public String textEtag() {
        return "W/" + etag.substring(0, etag.length() - 1) + "-text\"";
    }
}
