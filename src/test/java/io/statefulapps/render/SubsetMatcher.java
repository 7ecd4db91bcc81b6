package io.statefulapps.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares an expected tree (parsed YAML/JSON: maps, lists, scalars) with an actual one, where the
 * expected side only says what it sets: every scalar it sets must be equal, its maps must be a
 * subset of the actual maps, its lists must match element by element (same length), and a
 * {@code null} sets nothing. Reports every differing path, not just the first.
 */
final class SubsetMatcher {

    private SubsetMatcher() {
    }

    /** The paths where {@code actual} does not contain {@code expected}, each with what differs; empty when it does. */
    static List<String> differences(Object expected, Object actual) {
        List<String> differences = new ArrayList<>();
        compare("$", expected, actual, differences);
        return differences;
    }

    private static void compare(String path, Object expected, Object actual, List<String> differences) {
        if (expected == null) {
            return;
        }
        if (actual == null) {
            differences.add(path + ": missing, expected " + expected);
        } else if (expected instanceof Map<?, ?> expectedMap) {
            if (!(actual instanceof Map<?, ?> actualMap)) {
                differences.add(path + ": expected a map, was " + actual);
                return;
            }
            expectedMap.forEach((key, value) -> compare(child(path, key), value, actualMap.get(key), differences));
        } else if (expected instanceof List<?> expectedList) {
            if (!(actual instanceof List<?> actualList)) {
                differences.add(path + ": expected a list, was " + actual);
                return;
            }
            if (expectedList.size() != actualList.size()) {
                differences.add(path + ": expected " + expectedList.size() + " elements, was " + actualList.size()
                        + " " + actualList);
            }
            for (int i = 0; i < Math.min(expectedList.size(), actualList.size()); i++) {
                compare(path + "[" + i + "]", expectedList.get(i), actualList.get(i), differences);
            }
        } else if (!sameScalar(expected, actual)) {
            differences.add(path + ": expected " + describe(expected) + ", was " + describe(actual));
        }
    }

    /** Numbers compare by value (YAML's Integer equals JSON's Long); anything else by type and value, so "1" is not 1. */
    private static boolean sameScalar(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
        }
        return Objects.equals(expected, actual);
    }

    private static String child(String path, Object key) {
        String name = String.valueOf(key);
        return name.matches("[A-Za-z0-9_-]+") ? path + "." + name : path + "['" + name + "']";
    }

    private static String describe(Object value) {
        return value instanceof String ? "\"" + value + "\"" : value + " (" + value.getClass().getSimpleName() + ")";
    }
}
