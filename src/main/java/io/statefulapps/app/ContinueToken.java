package io.statefulapps.app;

import io.statefulapps.problem.ProblemException;
import io.statefulapps.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code continue} token of app lists: the last name of the page, encoded. Because the
 * list is sorted by name, the next page starts after it, even if apps come and go between pages.
 */
public final class ContinueToken {

    private static final String PREFIX = "after:";

    private ContinueToken() {
    }

    public static String after(String lastName) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastName).getBytes(StandardCharsets.UTF_8));
    }

    /** The name the page starts after, or null for the first page. */
    public static String decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                return decoded.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw ProblemException.of(ProblemType.MALFORMED_REQUEST,
                "The 'continue' token is not one this API issued; start again without it.");
    }
}
