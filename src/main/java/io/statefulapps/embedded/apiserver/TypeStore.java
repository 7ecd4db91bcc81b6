package io.statefulapps.embedded.apiserver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The objects of one kind, by namespace and name, each namespace with its own label index, and the
 * kind's recent changes. A list of one namespace touches that namespace only; an equality label
 * selector starts from the index. Guarded by the store's lock.
 */
final class TypeStore {

    /** Below this share of a namespace, index candidates are looked up one by one instead of scanning. */
    private static final int SCAN_RATIO = 4;

    private static final class Bucket {
        final TreeMap<String, StoredObject> objects = new TreeMap<>();
        // lookups by name without the ordered map's string comparisons (names share long prefixes)
        final HashMap<String, StoredObject> byName = new HashMap<>();
        final LabelIndex labels = new LabelIndex();
    }

    /** A page of matches: the first {@code limit} of them, and how many more match after those. */
    record Selection(List<StoredObject> items, long remaining) {
    }

    /** Keeps matches up to the limit (0: every one) and only counts the rest. */
    private static final class Gatherer {
        final List<StoredObject> items = new ArrayList<>();
        final int limit;
        long more;

        Gatherer(int limit) {
            this.limit = limit;
        }

        void offer(StoredObject o) {
            if (limit <= 0 || items.size() < limit) {
                items.add(o);
            } else {
                more++;
            }
        }
    }

    private final ResourceType type;
    private final TreeMap<String, Bucket> buckets = new TreeMap<>();
    private final EventLog log;
    private int size;

    TypeStore(ResourceType type, int logCapacity) {
        this.type = type;
        this.log = new EventLog(logCapacity);
    }

    EventLog log() {
        return log;
    }

    int size() {
        return size;
    }

    StoredObject get(String namespace, String name) {
        Bucket b = buckets.get(namespace);
        return b == null ? null : b.byName.get(name);
    }

    /** Stores the object, replacing the one of the same name; answers the replaced one or null. */
    StoredObject put(StoredObject object) {
        Bucket b = buckets.computeIfAbsent(object.namespace(), ns -> new Bucket());
        StoredObject old = b.objects.put(object.name(), object);
        b.byName.put(object.name(), object);
        if (old != null) {
            b.labels.remove(old.name(), old.labels());
        } else {
            size++;
        }
        b.labels.add(object.name(), object.labels());
        return old;
    }

    StoredObject remove(String namespace, String name) {
        Bucket b = buckets.get(namespace);
        StoredObject old = b == null ? null : b.objects.remove(name);
        if (old != null) {
            b.byName.remove(name);
            b.labels.remove(name, old.labels());
            size--;
            if (b.objects.isEmpty()) {
                buckets.remove(namespace);
            }
        }
        return old;
    }

    /**
     * The objects that match, in namespace/name order, after {@code afterKey} ("ns/name", null for
     * the start); across every namespace when {@code namespace} is null.
     */
    List<StoredObject> select(String namespace, LabelSelector labels, FieldSelector fields, String afterKey) {
        return select(namespace, labels, fields, afterKey, 0).items();
    }

    /**
     * Like {@link #select(String, LabelSelector, FieldSelector, String)}, keeping only the first
     * {@code limit} matches (0: every one): a page of a long list copies no more than the page.
     */
    Selection select(String namespace, LabelSelector labels, FieldSelector fields, String afterKey, int limit) {
        Gatherer out = new Gatherer(limit);
        String afterNs = afterKey == null ? null : afterKey.substring(0, afterKey.indexOf('/'));
        String afterName = afterKey == null ? null : afterKey.substring(afterKey.indexOf('/') + 1);
        NavigableMap<String, Bucket> scope = namespace != null
                ? (buckets.containsKey(namespace) ? buckets.subMap(namespace, true, namespace, true) : new TreeMap<>())
                : afterNs == null ? buckets : buckets.tailMap(afterNs, true);
        for (Map.Entry<String, Bucket> e : scope.entrySet()) {
            String after = afterNs == null || afterNs.compareTo(e.getKey()) < 0 ? null
                    : afterNs.equals(e.getKey()) ? afterName : "\uffff";
            selectIn(e.getValue(), labels, fields, after, out);
        }
        return new Selection(out.items, out.more);
    }

    private void selectIn(Bucket b, LabelSelector labels, FieldSelector fields, String afterName, Gatherer out) {
        String exact = fields.exactName();
        if (exact != null) {
            StoredObject o = b.byName.get(exact);
            if (o != null && (afterName == null || o.name().compareTo(afterName) > 0) && matches(o, labels, fields)) {
                out.offer(o);
            }
            return;
        }
        Set<String> candidates = labels.isEmpty() ? null : b.labels.candidates(labels);
        if (candidates != null && candidates.size() * SCAN_RATIO < b.objects.size()) {
            for (String name : candidates.stream().sorted().toList()) {
                StoredObject o = b.byName.get(name);
                if (o != null && (afterName == null || name.compareTo(afterName) > 0) && matches(o, labels, fields)) {
                    out.offer(o);
                }
            }
            return;
        }
        Map<String, StoredObject> range = afterName == null ? b.objects : b.objects.tailMap(afterName, false);
        for (StoredObject o : range.values()) {
            if (matches(o, labels, fields)) {
                out.offer(o);
            }
        }
    }

    private boolean matches(StoredObject o, LabelSelector labels, FieldSelector fields) {
        return labels.matches(o.labels()) && fields.matches(type, o);
    }
}
