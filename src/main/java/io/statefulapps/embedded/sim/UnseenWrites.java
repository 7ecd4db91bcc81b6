package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulator wrote that its informers have not shown yet. A controller that looks at an
 * object again before the watch event of its own last write arrives would otherwise act on the
 * older copy: write the same status twice, or conflict with itself. Forgotten as soon as the
 * informer shows that version (or a newer one, or the object's deletion), and after a while in
 * any case, so an echo that never comes (the object deleted meanwhile) leaves nothing behind.
 */
final class UnseenWrites {

    private static final long FORGET_AFTER_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** Our write; {@code created} when it made the object (else the informer had it already). */
    private record Unseen(HasMetadata object, long version, long writtenAtNanos, boolean created) {
    }

    private final Map<String, Unseen> byKey = new ConcurrentHashMap<>();
    private final Set<String> tracked = ConcurrentHashMap.newKeySet();
    /** Uids the informers showed deleted lately: a write answered after that must not bring one back. */
    private final Map<String, Long> deletedUids = new ConcurrentHashMap<>();
    private final AtomicLong remembered = new AtomicLong();

    /** Objects of this kind are watched by an informer (only those can be shown later). */
    void track(String kind) {
        tracked.add(kind);
    }

    void remember(HasMetadata written, boolean created) {
        long version = version(written);
        if (version < 0 || !tracked.contains(written.getKind())
                || deletedUids.containsKey(written.getMetadata().getUid())) {
            return;
        }
        long now = System.nanoTime();
        byKey.merge(key(written), new Unseen(written, version, now, created), UnseenWrites::newer);
        if (remembered.incrementAndGet() % 1024 == 0) {
            byKey.values().removeIf(u -> now - u.writtenAtNanos() > FORGET_AFTER_NANOS);
            deletedUids.values().removeIf(at -> now - at > FORGET_AFTER_NANOS);
        }
    }

    /** The later write; still "created" if it changed an object we created whose creation is unseen. */
    private static Unseen newer(Unseen old, Unseen fresh) {
        if (fresh.version() < old.version()) {
            return old;
        }
        boolean sameObject = Objects.equals(old.object().getMetadata().getUid(), fresh.object().getMetadata().getUid());
        return new Unseen(fresh.object(), fresh.version(), fresh.writtenAtNanos(),
                fresh.created() || sameObject && old.created());
    }

    /** The newer of the cached copy and our own last write of the object with that key. */
    @SuppressWarnings("unchecked")
    <T extends HasMetadata> T fresher(String kind, String namespace, String name, T cached) {
        String key = key(kind, namespace, name);
        Unseen unseen = byKey.get(key);
        if (unseen == null) {
            return cached;
        }
        boolean expired = System.nanoTime() - unseen.writtenAtNanos() > FORGET_AFTER_NANOS;
        // an object we only changed and the informer no longer has is deleted: never bring it back
        boolean deleted = cached == null && !unseen.created();
        if (expired || deleted || cached != null && version(cached) >= unseen.version()) {
            byKey.remove(key, unseen);
            return cached;
        }
        return (T) unseen.object();
    }

    /** The informer shows this version of an object: ours, if older, is no longer needed. */
    void seen(HasMetadata shown) {
        long version = version(shown);
        byKey.computeIfPresent(key(shown), (k, unseen) -> version >= unseen.version() ? null : unseen);
    }

    /** The informer shows the object deleted. */
    void gone(HasMetadata deleted) {
        deletedUids.put(deleted.getMetadata().getUid(), System.nanoTime());
        byKey.computeIfPresent(key(deleted), (k, unseen) ->
                Objects.equals(unseen.object().getMetadata().getUid(), deleted.getMetadata().getUid()) ? null : unseen);
    }

    int size() {
        return byKey.size();
    }

    private static String key(HasMetadata o) {
        return key(o.getKind(), o.getMetadata().getNamespace(), o.getMetadata().getName());
    }

    private static String key(String kind, String namespace, String name) {
        return kind + "|" + (namespace == null ? "" : namespace) + "/" + name;
    }

    private static long version(HasMetadata o) {
        try {
            return Long.parseLong(o.getMetadata().getResourceVersion());
        } catch (RuntimeException e) {
            return -1; // not a number: cannot tell which copy is newer, so trust the informer
        }
    }
}
