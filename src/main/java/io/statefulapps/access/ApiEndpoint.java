package io.statefulapps.access;

import java.util.List;
import java.util.Optional;

/**
 * The endpoints of this API by the shape of their path ({@code api/v1/namespaces/{ns}/apps/...}),
 * so that the caller checks know which one a request reached without depending on resource classes.
 */
public enum ApiEndpoint {
    /** {@code /apps}: every app of every namespace the caller may list. */
    ALL_APPS,
    /** {@code /namespaces/{ns}/apps}: list, create. */
    APPS,
    /** {@code /namespaces/{ns}/apps/{name}}: read, patch, delete. */
    APP,
    /** {@code /namespaces/{ns}/apps/{name}/health}. */
    APP_HEALTH,
    /** {@code /namespaces/{ns}/apps/{name}/manifests}. */
    APP_MANIFESTS,
    /** {@code /namespaces/{ns}/apps/{name}/badge.svg}. */
    APP_BADGE;

    /** Whether the path is this API's at all; {@code /q/...} and the like are not. */
    public static boolean isApiPath(List<String> segments) {
        return segments.size() >= 2 && segments.get(0).equals("api") && segments.get(1).equals("v1");
    }

    /** @param segments the decoded path segments, empty ones left out */
    public static Optional<ApiEndpoint> of(List<String> segments) {
        if (isApiPath(segments) && segments.size() == 3 && segments.get(2).equals("apps")) {
            return Optional.of(ALL_APPS);
        }
        if (!isApiPath(segments) || segments.size() < 5 || !segments.get(2).equals("namespaces")
                || !segments.get(4).equals("apps")) {
            return Optional.empty();
        }
        return switch (segments.size()) {
            case 5 -> Optional.of(APPS);
            case 6 -> Optional.of(APP);
            case 7 -> switch (segments.get(6)) {
                case "health" -> Optional.of(APP_HEALTH);
                case "manifests" -> Optional.of(APP_MANIFESTS);
                case "badge.svg" -> Optional.of(APP_BADGE);
                default -> Optional.empty();
            };
            default -> Optional.empty();
        };
    }
}
