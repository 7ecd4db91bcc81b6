package io.statefulapps.render;

import io.statefulapps.spec.AppSpec;
import java.util.Objects;

/**
 * Compares the trio rendered from the spec before a change with the one rendered after it, object
 * by object, and prepares only the objects that differ. Comparing renderings (not the live objects)
 * keeps server-filled defaults out of the comparison: a change that changes nothing writes nothing.
 * Pure: the live objects are copied, never changed.
 */
public final class TrioDiff {

    private final TrioRenderer renderer = new TrioRenderer();

    public TrioChanges between(String namespace, Trio live, AppSpec before, AppSpec after) {
        Trio old = renderer.render(namespace, before);
        Trio now = renderer.render(namespace, after);
        var headless = old.headlessService().equals(now.headlessService()) ? null
                : ServiceMerge.merge(live.headlessService(), old.headlessService(), now.headlessService());
        var client = old.clientService().equals(now.clientService()) ? null
                : ServiceMerge.merge(live.clientService(), old.clientService(), now.clientService());
        boolean recreate = !Objects.equals(old.statefulSet().getSpec().getVolumeClaimTemplates(),
                now.statefulSet().getSpec().getVolumeClaimTemplates());
        var statefulSet = old.statefulSet().equals(now.statefulSet()) ? null
                : recreate ? StatefulSetMerge.replacement(live.statefulSet(), old.statefulSet(), now.statefulSet())
                : StatefulSetMerge.update(live.statefulSet(), old.statefulSet(), now.statefulSet());
        return new TrioChanges(headless, statefulSet, recreate, client);
    }
}
