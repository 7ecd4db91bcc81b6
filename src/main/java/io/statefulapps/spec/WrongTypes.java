package io.statefulapps.spec;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every value of the wrong JSON type in a spec, not only the first one Jackson stops at: the value
 * found is set to null in a copy of the spec's tree and the copy is read again, until it reads or
 * a value cannot be set aside. Null is what an absent member reads as, so setting a value aside
 * never makes a type error of its own, and list indexes stay as the caller wrote them.
 */
final class WrongTypes {

    /** More than this many is a body of another shape altogether: the first ones say so. */
    static final int MOST = 50;
    /**
     * Each further value costs one more reading of the whole tree: a body may be 1 MiB of wrong
     * values, so the readings together see at most this many nodes (a spec has tens to hundreds).
     */
    static final long NODES_READ = 200_000;

    private WrongTypes() {
    }

    /**
     * What was found.
     *
     * @param errors each value of the wrong type, in the order met
     * @param rest   the spec read from the body with all of them set to null, when it then reads (not
     *               when the search stopped early)
     */
    record Found(List<FieldError> errors, Optional<ParsedSpec> rest) {
    }

    /**
     * @param first the type error met first, with Jackson's exception as its cause
     * @param tree  the whole body as a tree (left as it is)
     * @param read  reads a spec from a tree, throwing the first value of the wrong type it meets
     */
    static Found all(MalformedSpecException first, JsonNode tree, Function<JsonNode, ParsedSpec> read) {
        List<FieldError> found = new ArrayList<>(first.errors());
        long most = Math.min(MOST, NODES_READ / Math.max(1, nodes(tree)));
        JsonNode copy = tree.deepCopy();
        MalformedSpecException last = first;
        while (found.size() < most && setAside(copy, last)) {
            MalformedSpecException next;
            try {
                return new Found(found, Optional.of(read.apply(copy)));
            } catch (MalformedSpecException e) {
                next = e;
            }
            if (next.errors().isEmpty() || next.field().equals(last.field())) {
                break;
            }
            last = next;
            found.addAll(last.errors());
        }
        return new Found(found, Optional.empty());
    }

    /** Sets the value a type error is about to null; false when the tree has no such value. */
    private static boolean setAside(JsonNode root, MalformedSpecException error) {
        if (!(error.getCause() instanceof JsonMappingException cause) || cause.getPath().isEmpty()) {
            return false;
        }
        List<JsonMappingException.Reference> path = cause.getPath();
        JsonNode parent = root;
        for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
            parent = child(parent, step);
            if (parent == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (last.getFieldName() != null && parent instanceof ObjectNode object && object.has(last.getFieldName())) {
            object.set(last.getFieldName(), NullNode.getInstance());
            return true;
        }
        if (last.getFieldName() == null && parent instanceof ArrayNode array && last.getIndex() >= 0
                && last.getIndex() < array.size()) {
            array.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }

    private static long nodes(JsonNode node) {
        long count = 1;
        for (JsonNode child : node) {
            count += nodes(child);
        }
        return count;
    }

    private static JsonNode child(JsonNode parent, JsonMappingException.Reference step) {
        if (step.getFieldName() != null) {
            return parent.isObject() ? parent.get(step.getFieldName()) : null;
        }
        return parent.isArray() && step.getIndex() >= 0 ? parent.get(step.getIndex()) : null;
    }
}
