package io.statefulapps.live;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of an app as an HTTP entity tag (strong, quoted), for {@code ETag} on GET and
 * {@code If-Match} on PATCH and DELETE. It hashes, for each of the three objects, its uid (an app
 * deleted and created again is another app) and its version: the Services' {@code resourceVersion},
 * and the StatefulSet's {@code generation}, because the StatefulSet controller rewrites the status
 * (and with it the resourceVersion) every time a pod changes, which would make every If-Match during
 * a rollout fail although nobody changed the app. Pure.
 */
public final class AppVersion {

    private AppVersion() {
    }

    /** The ETag header value of the app, e.g. {@code "3f2a…"} (with the quotes). */
    public static String etagOf(LiveApp app) {
        String versions = part(app.headlessService(), false) + "|" + part(app.statefulSet(), true) + "|"
                + part(app.clientService(), false);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(versions.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Whether an {@code If-Match} header value lets a write go ahead (RFC 9110, section 13.1.1): absent
     * means yes (last writer wins), {@code *} means "if the app exists", otherwise one of the listed tags
     * must equal the app's by strong comparison (a weak tag {@code W/"…"} never matches).
     */
    public static boolean matches(String ifMatch, LiveApp app) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return true;
        }
        if (ifMatch.trim().equals("*")) {
            return app.exists();
        }
        String current = etagOf(app);
        for (String tag : ifMatch.split(",")) {
            if (tag.trim().equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String part(HasMetadata object, boolean byGeneration) {
        if (object == null || object.getMetadata() == null) {
            return "-";
        }
        ObjectMeta meta = object.getMetadata();
        String version = byGeneration && meta.getGeneration() != null
                ? "g" + meta.getGeneration()
                : "r" + meta.getResourceVersion();
        return meta.getUid() + ":" + version;
    }
}
