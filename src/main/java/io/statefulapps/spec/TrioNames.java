package io.statefulapps.spec;

/**
 * The names of an app's three objects: the one place that decides the defaults (the StatefulSet
 * and the client Service are named after the app, the headless Service after the app plus
 * {@value #HEADLESS_SUFFIX}).
 */
public record TrioNames(String statefulSet, String headlessService, String clientService) {

    public static final String HEADLESS_SUFFIX = "-headless";

    /** The names a spec without overrides renders to. */
    public static TrioNames defaultsFor(String app) {
        return new TrioNames(app, defaultHeadlessName(app), defaultClientName(app));
    }

    public static String defaultHeadlessName(String app) {
        return app + HEADLESS_SUFFIX;
    }

    public static String defaultClientName(String app) {
        return app;
    }
}
