package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Lists: label and field selectors, then {@code limit}/{@code continue} paging, answered as a
 * typed {@code <Kind>List}. The continue token is opaque to clients (base64 of the last key).
 */
final class ListHandler {

    private final Store store;

    ListHandler(Store store) {
        this.store = store;
    }

    ObjectNode list(ResourceType type, RequestTarget target) {
        LabelSelector labels = LabelSelector.parse(target.param("labelSelector"));
        FieldSelector fields = FieldSelector.parse(target.param("fieldSelector"));
        List<ObjectNode> all = store.list(type, type.namespaced() ? target.namespace() : null);
        List<ObjectNode> items = all.stream()
                .filter(labels::matches).filter(fields::matches)
                .sorted(Comparator.comparing(ListHandler::key)).toList();
        String after = decodeContinue(target.param("continue"));
        if (after != null) {
            items = items.stream().filter(i -> key(i).compareTo(after) > 0).toList();
        }
        int limit = parseLimit(target.param("limit"));
        ObjectNode list = JsonText.object().put("kind", type.kind() + "List").put("apiVersion", type.groupVersion());
        ObjectNode meta = list.putObject("metadata").put("resourceVersion", Long.toString(store.nextVersion()));
        ArrayNode out = list.putArray("items");
        List<ObjectNode> page = limit > 0 && items.size() > limit ? items.subList(0, limit) : items;
        for (ObjectNode item : page) {
            // The real server strips apiVersion/kind from list items; clients tolerate both, and
            // keeping them makes kubectl's unstructured printing simpler.
            out.add(item);
        }
        if (page.size() < items.size()) {
            meta.put("continue", encodeContinue(key(page.get(page.size() - 1))));
            meta.put("remainingItemCount", items.size() - page.size());
        }
        return list;
    }

    static String key(ObjectNode item) {
        String ns = JsonFields.text(item, "metadata.namespace");
        return (ns == null ? "" : ns) + "/" + JsonFields.text(item, "metadata.name");
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
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(410, "Expired", "The provided continue parameter is too old or malformed",
                    null, null, null, List.of());
        }
    }
}
