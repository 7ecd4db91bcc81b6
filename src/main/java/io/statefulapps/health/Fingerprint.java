package io.statefulapps.health;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * A report's fingerprint: the first 16 hex digits of the SHA-256 of its verdict and the sorted set
 * of (reason, object) of its problems. It stays the same while the situation does — whatever the
 * messages say, whatever the times, in whatever order — so a bot announces a situation once.
 */
final class Fingerprint {

    private static final int HEX_DIGITS = 16;

    private Fingerprint() {
    }

    static String of(HealthStatus verdict, List<HealthProblem> problems) {
        TreeSet<String> situation = new TreeSet<>();
        for (HealthProblem p : problems) {
            situation.add(p.identity());
        }
        String text = verdict + "\n" + String.join("\n", situation);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
