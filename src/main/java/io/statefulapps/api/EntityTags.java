package io.statefulapps.api;

/** {@code If-None-Match} as RFC 9110 (section 13.1.2) reads it: weak comparison, {@code *} matches anything. */
final class EntityTags {

    private EntityTags() {
    }

    static boolean matchesAny(String ifNoneMatch, String current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || current == null) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        String opaque = opaque(current);
        for (String tag : ifNoneMatch.split(",")) {
            if (opaque(tag.trim()).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
