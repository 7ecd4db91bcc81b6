package io.statefulapps.access;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the token out of {@code Authorization: Bearer <token>}. The scheme is case-insensitive
 * (RFC 9110); the token is any run of visible characters, as the Kubernetes API server accepts, so
 * more than JWTs pass. Anything else (no header, two headers, another scheme, an empty token,
 * spaces or control characters in it) is no token at all.
 */
public final class BearerToken {

    private static final Pattern BEARER = Pattern.compile("(?i)bearer +([\\x21-\\x7E]+) *");

    private BearerToken() {
    }

    /** @param headerValues every value of the Authorization header, or null when absent */
    public static Optional<String> from(List<String> headerValues) {
        if (headerValues == null || headerValues.size() != 1 || headerValues.get(0) == null) {
            return Optional.empty();
        }
        Matcher m = BEARER.matcher(headerValues.get(0));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
