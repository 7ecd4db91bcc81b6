package io.statefulapps.embedded.apiserver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Lists: label and field selectors (answered from the store's indexes), then {@code limit} /
 * {@code continue} paging, answered as a typed {@code <Kind>List} assembled from the stored bytes.
 * The continue token is opaque to clients (base64 of the last key).
 */
final class ListHandler {

    /** One page of a list: the version it was read at, its items, and where the next page starts. */
    record Page(long version, List<StoredObject> items, String continueToken, long remaining) {
    }

    private final ObjectStore store;

    ListHandler(ObjectStore store) {
        this.store = store;
    }

    Page list(ResourceType type, RequestTarget target) {
        LabelSelector labels = LabelSelector.parse(target.param("labelSelector"));
        FieldSelector fields = FieldSelector.parse(type, target.param("fieldSelector"));
        String after = decodeContinue(target.param("continue"));
        int limit = parseLimit(target.param("limit"));
        String namespace = type.namespaced() ? target.namespace() : null;
        return store.read(() -> {
            long version = store.version();
            TypeStore.Selection page = store.select(type, namespace, labels, fields, after, limit);
            if (page.remaining() == 0) {
                return new Page(version, page.items(), null, 0);
            }
            List<StoredObject> items = page.items();
            return new Page(version, items, encodeContinue(items.get(items.size() - 1).key()), page.remaining());
        });
    }

    /** The page as the real server answers it, the items' stored bytes copied in as they are. */
    byte[] json(ResourceType type, Page page) {
        StringBuilder head = new StringBuilder("{\"kind\":\"").append(type.kind()).append("List\",\"apiVersion\":\"")
                .append(type.groupVersion()).append("\",\"metadata\":{\"resourceVersion\":\"").append(page.version())
                .append('"');
        if (page.continueToken() != null) {
            head.append(",\"continue\":\"").append(page.continueToken()).append("\",\"remainingItemCount\":")
                    .append(page.remaining());
        }
        head.append("},\"items\":[");
        int size = head.length() + 2;
        for (StoredObject o : page.items()) {
            size += o.json().length + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        boolean first = true;
        for (StoredObject o : page.items()) {
            if (!first) {
                out.write(',');
            }
            // The real server strips apiVersion/kind from list items; clients tolerate both, and
            // keeping them makes kubectl's unstructured printing simpler.
            out.writeBytes(o.json());
            first = false;
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid limit: " + limit);
        }
    }

    private static String encodeContinue(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeContinue(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (key.indexOf('/') < 0) {
                throw new IllegalArgumentException("no key");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new ApiException(410, "Expired", "The provided continue parameter is too old or malformed",
                    null, null, null, List.of());
        }
    }
}
