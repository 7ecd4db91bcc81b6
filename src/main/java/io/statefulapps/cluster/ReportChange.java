package io.statefulapps.cluster;

import io.statefulapps.live.AppKey;
import java.time.Instant;

/**
 * One change of an app's verdict or problems, as streams deliver it. It holds the report's JSON,
 * what a stream sends, and not the report itself: a replica keeps thousands of changes for resumed
 * streams, most of them of reports already replaced, and the objects would more than double that.
 *
 * @param id the event id a stream sends and a client returns in {@code Last-Event-ID}
 * @param json the new report as the API writes it (shared with the stored report, never changed);
 *     {@code null} when the app is gone
 */
public record ReportChange(String id, long sequence, Instant at, AppKey app, byte[] json) {

    /** The change a stored report makes; {@code report} null when the app is gone. */
    static ReportChange of(String id, long sequence, Instant at, AppKey app, StoredReport report) {
        return new ReportChange(id, sequence, at, app, report == null ? null : report.json());
    }

    public boolean removed() {
        return json == null;
    }
}
