package io.statefulapps.api;

import java.util.Optional;

/**
 * The namespace and name in a health GET's raw path, {@code /api/v1/namespaces/{namespace}/apps/{name}/health},
 * read by hand: as a Vert.x route with path parameters, every GET paid for a regex match and for
 * decoding a query string it does not have (JFR: 8 % of the event loops' samples). Segments are
 * taken as they are, not percent-decoded: a name that needs decoding is no DNS name, and such a path
 * goes to the resource, which decodes it.
 */
record AppHealthPath(String namespace, String name) {

    static final String PREFIX = "/api/v1/namespaces/";
    private static final String APPS = "/apps/";
    private static final String HEALTH = "/health";
    /** The path as {@link AppHealthResource} declares it, so the resource and the route read one path. */
    static final String TEMPLATE = PREFIX + "{namespace}" + APPS + "{name}" + HEALTH;
    /** The same as a Vert.x route template: the HTTP metrics count the route's answers under it, as {@link #TEMPLATE}. */
    static final String ROUTE_TEMPLATE = PREFIX + ":namespace" + APPS + ":name" + HEALTH;

    static Optional<AppHealthPath> parse(String path) {
        if (path == null || !path.startsWith(PREFIX) || !path.endsWith(HEALTH)) {
            return Optional.empty();
        }
        int namespaceEnd = path.indexOf('/', PREFIX.length());
        if (namespaceEnd <= PREFIX.length() || !path.startsWith(APPS, namespaceEnd)) {
            return Optional.empty();
        }
        int nameStart = namespaceEnd + APPS.length();
        int nameEnd = path.length() - HEALTH.length();
        if (nameEnd <= nameStart || path.indexOf('/', nameStart) != nameEnd) {
            return Optional.empty();
        }
        return Optional.of(new AppHealthPath(path.substring(PREFIX.length(), namespaceEnd),
                path.substring(nameStart, nameEnd)));
    }
}
