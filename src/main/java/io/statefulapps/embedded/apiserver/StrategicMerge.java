package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * A small strategic merge patch: turns the patch into an equivalent RFC 7386 merge patch by
 * pre-merging lists whose elements carry a merge key (containers, env, volumes, ports by
 * name/containerPort/port, volumeMounts by mountPath) into the target's list, honouring
 * {@code $patch: delete}, and dropping the other {@code $} directives. Lists without a merge key
 * are replaced, as in merge patch. Enough for {@code kubectl patch}, {@code set image} and
 * {@code edit}.
 */
final class StrategicMerge {

    private static final String[] MERGE_KEYS = {"name", "mountPath", "containerPort", "port", "devicePath", "ip"};

    private StrategicMerge() {
    }

    static JsonNode prepare(JsonNode target, JsonNode patch) {
        if (!(patch instanceof ObjectNode patchObj)) {
            return patch;
        }
        ObjectNode out = JsonText.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = patchObj.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("$")) {
                continue;
            }
            JsonNode current = target == null ? null : target.get(e.getKey());
            JsonNode value = e.getValue();
            if (value.isObject()) {
                out.set(e.getKey(), prepare(current, value));
            } else if (value.isArray() && current != null && current.isArray()) {
                out.set(e.getKey(), mergeList((ArrayNode) current, (ArrayNode) value));
            } else {
                out.set(e.getKey(), value);
            }
        }
        return out;
    }

    private static JsonNode mergeList(ArrayNode current, ArrayNode patch) {
        String key = mergeKey(patch);
        if (key == null) {
            return patch;
        }
        ArrayNode result = current.deepCopy();
        for (JsonNode element : patch) {
            int index = indexOf(result, key, element.get(key));
            boolean delete = "delete".equals(element.path("$patch").asText(null));
            if (delete) {
                if (index >= 0) {
                    result.remove(index);
                }
            } else if (index >= 0) {
                JsonNode prepared = prepare(result.get(index), element);
                result.set(index, Patches.mergePatch((ObjectNode) result.get(index), prepared));
            } else {
                result.add(prepare(null, element));
            }
        }
        return result;
    }

    private static String mergeKey(ArrayNode patch) {
        if (patch.isEmpty()) {
            return null;
        }
        for (String key : MERGE_KEYS) {
            boolean all = true;
            for (JsonNode e : patch) {
                all &= e.isObject() && e.has(key);
            }
            if (all) {
                return key;
            }
        }
        return null;
    }

    private static int indexOf(ArrayNode list, String key, JsonNode value) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isObject() && value.equals(list.get(i).get(key))) {
                return i;
            }
        }
        return -1;
    }
}
