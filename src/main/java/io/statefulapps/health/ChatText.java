package io.statefulapps.health;

import java.time.Duration;
import java.time.Instant;

/**
 * A report's chat text with the one part that depends on when it is read: how long the verdict has
 * lasted ({@code for 12m} on the first line), which grows while the report stays the same. A report
 * is computed when the app changes, not when it is read, so the duration is filled in at the read.
 *
 * @param before the text up to where the duration goes
 * @param since since when the verdict holds; null when the report does not know (no duration then)
 * @param after the rest of the text
 */
public record ChatText(String before, Instant since, String after) {

    /** The text as read at {@code now}. */
    public String at(Instant now) {
        return before + lasted(since, now) + after;
    }

    /** {@code " for 12m"}: how long since {@code since} at {@code now}; "" when since is unknown. */
    public static String lasted(Instant since, Instant now) {
        if (since == null) {
            return "";
        }
        return " for " + CompactDuration.of(Duration.between(since, now.isBefore(since) ? since : now));
    }
}
