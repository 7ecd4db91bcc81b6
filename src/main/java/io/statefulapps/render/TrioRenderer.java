package io.statefulapps.render;

import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.AppSpecDefaults;

/**
 * AppSpec to the trio: headless Service, StatefulSet, client Service. Pure: no I/O, no clock;
 * the same spec always renders to equal objects, and nothing of the spec is shared or mutated.
 *
 * <p>Expects a valid spec (see validation); defaults are applied here, so callers may pass the
 * spec as the user sent it.
 */
public final class TrioRenderer {

    public Trio render(String namespace, AppSpec spec) {
        AppSpec full = AppSpecDefaults.apply(spec);
        return new Trio(
                ServiceRenderer.headless(namespace, full),
                StatefulSetRenderer.render(namespace, full),
                ServiceRenderer.client(namespace, full));
    }
}
