package io.statefulapps.cluster;

import io.statefulapps.live.AppKey;
import java.time.Instant;

/**
 * One change of an app's verdict or problems, as streams deliver it.
 *
 * @param id the event id a stream sends and a client returns in {@code Last-Event-ID}
 * @param report the new report; {@code null} when the app is gone
 */
public record ReportChange(String id, long sequence, Instant at, AppKey app, StoredReport report) {

    public boolean removed() {
        return report == null;
    }
}
