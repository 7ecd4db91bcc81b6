package io.statefulapps.cluster;

import io.statefulapps.health.ChatText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A report's chat text as the store keeps it: UTF-8 bytes on either side of the duration, which is
 * filled in at each read ({@link ChatText}), so that "for 12m" says how long the verdict has lasted
 * when it is read, not when the report was computed.
 *
 * @param before the bytes up to the duration; never changed once stored
 * @param since since when the verdict holds; null when the report does not know
 * @param after the bytes after the duration; never changed once stored
 */
public record StoredText(byte[] before, Instant since, byte[] after) {

    static StoredText of(ChatText text) {
        return new StoredText(text.before().getBytes(StandardCharsets.UTF_8), text.since(),
                text.after().getBytes(StandardCharsets.UTF_8));
    }

    /** The text as read at {@code now}. */
    public byte[] at(Instant now) {
        byte[] lasted = ChatText.lasted(since, now).getBytes(StandardCharsets.US_ASCII);
        byte[] text = new byte[before.length + lasted.length + after.length];
        System.arraycopy(before, 0, text, 0, before.length);
        System.arraycopy(lasted, 0, text, before.length, lasted.length);
        System.arraycopy(after, 0, text, before.length + lasted.length, after.length);
        return text;
    }
}
