package io.statefulapps.cluster.compaction;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Quantity;
import io.statefulapps.kubernetes.BoundedInterner;
import io.statefulapps.kubernetes.SharedEmptyExtras;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The compaction of values every kind has: strings, lists, maps, quantities and metadata. Each
 * method takes what the informer delivered and returns (or leaves in place) its compact equal.
 */
final class ValueCompaction {

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private final BoundedInterner<String> strings;
    private final BoundedInterner<FrozenMap<?>> maps;
    private final BoundedInterner<FrozenMap<?>> amounts;
    private final BoundedInterner<List<String>> textLists;
    // made once: a method reference made per map would cost an allocation on every watch event
    private final UnaryOperator<String> textOf = this::text;
    private final UnaryOperator<Quantity> quantityOf = this::quantity;

    ValueCompaction(int slotsPowerOfTwo) {
        strings = new BoundedInterner<>(slotsPowerOfTwo, String::equals);
        maps = new BoundedInterner<>(slotsPowerOfTwo - 2, FrozenMap::sameInOrder);
        textLists = new BoundedInterner<>(slotsPowerOfTwo - 4, List::equals);
        amounts = new BoundedInterner<>(slotsPowerOfTwo - 6, FrozenMap::sameTextInOrder, FrozenMap::textHash);
    }

    String text(String text) {
        return strings.intern(text);
    }

    /** The list's elements, each compacted in place, in an immutable list of their number. */
    <T> List<T> list(List<T> items, Consumer<T> each) {
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            return Collections.emptyList();
        }
        items.forEach(item -> {
            if (item != null) {
                each.accept(item);
            }
        });
        return frozen(items.toArray());
    }

    /** A list of strings, each shared, and one instance for all equal lists (access modes, IP families…). */
    List<String> texts(List<String> items) {
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            return Collections.emptyList();
        }
        Object[] shared = new Object[items.size()];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = text(items.get(i));
        }
        return textLists.intern(frozen(shared));
    }

    /** One or more elements in an immutable list of their number. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> frozen(Object[] elements) {
        return elements.length == 1 ? Collections.singletonList((T) elements[0]) : new FrozenList<>(elements);
    }

    /** Labels, annotations, selectors: frozen, and one instance for all equal maps (in the same order). */
    Map<String, String> labels(Map<String, String> map) {
        return frozen(map, textOf, maps);
    }

    /**
     * Resource amounts by resource name, frozen, and one instance for all maps of the same amounts
     * written the same way ("1Gi" equals "1024Mi" for a {@code Quantity}, but reads differently).
     */
    Map<String, Quantity> quantities(Map<String, Quantity> map) {
        return frozen(map, quantityOf, amounts);
    }

    /** The map frozen with its keys shared and its values compacted, and the instance {@code shared} holds of it. */
    private <V> Map<String, V> frozen(Map<String, V> map, UnaryOperator<V> values, BoundedInterner<FrozenMap<?>> shared) {
        if (map == null) {
            return null;
        }
        if (map.isEmpty()) {
            return Collections.emptyMap();
        }
        if (map.containsKey(null)) {
            return map;
        }
        @SuppressWarnings("unchecked")
        Map<String, V> held = (Map<String, V>) shared.intern(FrozenMap.copyOf(map, textOf, values));
        return held;
    }

    Quantity quantity(Quantity quantity) {
        quantity.setAmount(text(quantity.getAmount()));
        quantity.setFormat(text(quantity.getFormat()));
        quantity.setAdditionalProperties(extras(quantity.getAdditionalProperties()));
        return quantity;
    }

    /** Unknown properties: the shared empty map when there are none (nearly always). */
    Map<String, Object> extras(Map<String, Object> extras) {
        return SharedEmptyExtras.shared(extras);
    }

    /**
     * Metadata, without what nothing reads and what is often the larger half of an object: the
     * field managers and kubectl's last-applied copy of the whole object.
     */
    void meta(ObjectMeta meta) {
        if (meta == null) {
            return;
        }
        meta.setUid(text(meta.getUid()));
        sharedMeta(meta);
    }

    /**
     * Metadata of a kind whose uid nothing here compares (volumes, slices, events, nodes: the
     * health rules match events to pods, claims and the trio by uid, never to these).
     */
    void metaWithoutUid(ObjectMeta meta) {
        if (meta == null) {
            return;
        }
        meta.setUid(null);
        sharedMeta(meta);
    }

    private void sharedMeta(ObjectMeta meta) {
        meta.setManagedFields(Collections.emptyList());
        Map<String, String> annotations = meta.getAnnotations();
        if (annotations != null && annotations.containsKey(LAST_APPLIED)) {
            annotations = new java.util.LinkedHashMap<>(annotations);
            annotations.remove(LAST_APPLIED);
        }
        meta.setAnnotations(labels(annotations));
        meta.setLabels(labels(meta.getLabels()));
        meta.setFinalizers(texts(meta.getFinalizers()));
        meta.setOwnerReferences(list(meta.getOwnerReferences(), this::ownerReference));
        meta.setName(text(meta.getName()));
        meta.setNamespace(text(meta.getNamespace()));
        meta.setCreationTimestamp(text(meta.getCreationTimestamp()));
        meta.setDeletionTimestamp(text(meta.getDeletionTimestamp()));
        meta.setGenerateName(text(meta.getGenerateName()));
        meta.setAdditionalProperties(extras(meta.getAdditionalProperties()));
    }

    void ownerReference(OwnerReference owner) {
        owner.setApiVersion(text(owner.getApiVersion()));
        owner.setKind(text(owner.getKind()));
        owner.setName(text(owner.getName()));
        owner.setUid(text(owner.getUid()));
        owner.setAdditionalProperties(extras(owner.getAdditionalProperties()));
    }

    /** A reference read by kind and name only (a slice's target pod, a volume's claim). */
    void objectReference(ObjectReference reference) {
        if (reference != null) {
            reference.setUid(null);
            trimmedReference(reference);
        }
    }

    /** An event's object: its uid tells a pod's events from those of an earlier pod of the same name. */
    void involvedObject(ObjectReference reference) {
        if (reference != null) {
            reference.setUid(text(reference.getUid()));
            trimmedReference(reference);
        }
    }

    private void trimmedReference(ObjectReference reference) {
        // Unique per object and read by nothing here: two strings per reference, ~8 references per app.
        reference.setResourceVersion(null);
        reference.setApiVersion(text(reference.getApiVersion()));
        reference.setKind(text(reference.getKind()));
        reference.setName(text(reference.getName()));
        reference.setNamespace(text(reference.getNamespace()));
        reference.setFieldPath(text(reference.getFieldPath()));
        reference.setAdditionalProperties(extras(reference.getAdditionalProperties()));
    }

    void labelSelector(LabelSelector selector) {
        if (selector == null) {
            return;
        }
        selector.setMatchLabels(labels(selector.getMatchLabels()));
        selector.setMatchExpressions(list(selector.getMatchExpressions(), requirement -> {
            requirement.setKey(text(requirement.getKey()));
            requirement.setOperator(text(requirement.getOperator()));
            requirement.setValues(texts(requirement.getValues()));
            requirement.setAdditionalProperties(extras(requirement.getAdditionalProperties()));
        }));
        selector.setAdditionalProperties(extras(selector.getAdditionalProperties()));
    }
}
