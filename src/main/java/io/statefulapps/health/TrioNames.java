package io.statefulapps.health;

/** The names the three objects of an app are expected to have, so an absent one can be named. */
public record TrioNames(String statefulSet, String headlessService, String clientService) {

    /** The defaults a spec without overrides renders: {@code <app>}, {@code <app>-headless}, {@code <app>}. */
    public static TrioNames defaultsFor(String app) {
        return new TrioNames(app, app + "-headless", app);
    }
}
