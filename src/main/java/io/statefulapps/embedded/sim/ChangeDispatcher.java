package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one event handler of an informer: tells each controller's listener of every change, in
 * order, on the informer's thread (listeners only put keys on queues and keep small indexes), and
 * lets {@link UnseenWrites} forget what the informer now shows. With a ledger it also notes the
 * version of every object the listeners were told about, so a test driver can tell when the
 * controllers have heard of everything the API server holds.
 */
final class ChangeDispatcher<T extends HasMetadata> implements ResourceEventHandler<T> {

    private static final Logger LOG = Logger.getLogger(ChangeDispatcher.class);

    /** A change: {@code before} null for an addition, {@code after} null for a deletion. */
    interface Listener<T> {
        void changed(T before, T after);
    }

    private final SharedIndexInformer<T> informer;
    private final UnseenWrites unseen;
    private final String kind;
    private final List<Listener<T>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, String> ledger;

    ChangeDispatcher(SharedIndexInformer<T> informer, UnseenWrites unseen, boolean ledger) {
        this.informer = informer;
        this.unseen = unseen;
        this.kind = HasMetadata.getKind(informer.getApiTypeClass());
        unseen.track(kind);
        this.ledger = ledger ? new ConcurrentHashMap<>() : null;
    }

    SharedIndexInformer<T> informer() {
        return informer;
    }

    String kind() {
        return kind;
    }

    void listen(Listener<T> listener) {
        listeners.add(listener);
    }

    Map<String, String> ledger() {
        if (ledger == null) {
            throw new IllegalStateException("this simulator keeps no ledger (not started driven)");
        }
        return Map.copyOf(ledger);
    }

    @Override
    public void onAdd(T obj) {
        dispatch(null, obj);
    }

    @Override
    public void onUpdate(T oldObj, T newObj) {
        dispatch(oldObj, newObj);
    }

    @Override
    public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        dispatch(obj, null);
    }

    private void dispatch(T before, T after) {
        if (after != null) {
            unseen.seen(after);
        } else {
            unseen.gone(before);
        }
        for (Listener<T> listener : listeners) {
            try {
                listener.changed(before, after);
            } catch (RuntimeException e) {
                LOG.warnf(e, "simulator listener for %s failed", kind);
            }
        }
        if (ledger != null) {
            if (after != null) {
                ledger.put(after.getMetadata().getUid(), after.getMetadata().getResourceVersion());
            } else {
                ledger.remove(before.getMetadata().getUid());
            }
        }
    }
}
