package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Predicate;

/**
 * A controller whose keys are the objects of one kind, its primary kind (the provisioner's are
 * claims, the kubelet's pods bound to a node): the wiring every simulated controller shares is
 * written here once, its work queue, the keys of the safety-net resync, the looking at an object
 * whenever it changes, and the reading of the object behind a key before it is reconciled. What a
 * controller does with the object, and which changes of other kinds bring a key back, stay with
 * the controller.
 */
abstract class KindController<T extends HasMetadata> implements Controller {

    final ClusterInformers informers;
    final ClusterWriter writer;
    final EventRecorder events;
    final Clock clock;
    final SimulatorSettings settings;
    private final SharedIndexInformer<T> primary;
    /** Which objects of the primary kind this controller looks after; null for all of them. */
    private final Predicate<T> scope;
    private final WorkQueue queue = new WorkQueue();

    /** A controller of every object of the primary kind. */
    KindController(ControllerContext context, SharedIndexInformer<T> primary) {
        this(context, primary, null);
    }

    /** A controller of the objects of the primary kind in {@code scope} (tested on their latest state). */
    KindController(ControllerContext context, SharedIndexInformer<T> primary, Predicate<T> scope) {
        this.informers = context.informers();
        this.writer = context.writer();
        this.events = context.events();
        this.clock = context.clock();
        this.settings = context.settings();
        this.primary = primary;
        this.scope = scope;
    }

    /**
     * Brings the object with that key where it should be; returns when to look at it again, or
     * null when only a change can make a difference.
     *
     * @param object the object behind the key as the informer (or our own later write) shows it;
     *     null when it is gone
     */
    abstract Instant reconcile(String key, T object);

    @Override
    public final Instant reconcile(String key) {
        return reconcile(key, informers.get(primary, key).orElse(null));
    }

    @Override
    public final WorkQueue queue() {
        return queue;
    }

    @Override
    public final Collection<String> allKeys() {
        return scope == null ? primary.getIndexer().listKeys() : primary.getStore().list().stream()
                .filter(scope).map(ClusterInformers::keyOf).toList();
    }

    /** Looks at an object of the primary kind in scope whenever it is added, changed or deleted. */
    final void lookAtEveryChange() {
        informers.onChange(primary, (before, after) -> {
            T latest = after != null ? after : before;
            if (scope == null || scope.test(latest)) {
                queue.add(ClusterInformers.keyOf(latest));
            }
        });
    }

    /** Every object of the primary kind in the cache. */
    final Collection<T> cached() {
        return primary.getStore().list();
    }
}
