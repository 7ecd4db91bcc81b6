package io.statefulapps.generated;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Hostile JSON values as raw bytes, to be put where a spec expects something well-behaved: huge
 * strings, deep nesting, unpaired surrogates (escaped and raw), broken UTF-8, numbers beyond every
 * Java type or not JSON at all, values of the wrong type, objects with duplicate keys.
 */
final class JsonFragments {

    /**
     * A raw JSON value (possibly not JSON at all), what it is (for the failure message), and the answers
     * it gets wherever it is put (empty: it depends on where).
     */
    record Fragment(String label, byte[] bytes, Set<Integer> expected) {

        static Fragment text(String label, String json) {
            return new Fragment(label, json.getBytes(StandardCharsets.UTF_8), Set.of());
        }

        /** Refused wherever it is: not JSON, nested beyond the parser's limit, not Unicode. */
        static Fragment malformed(String label, String json) {
            return new Fragment(label, json.getBytes(StandardCharsets.UTF_8), Set.of(400));
        }

        boolean isString() {
            return bytes.length >= 2 && bytes[0] == '"' && bytes[bytes.length - 1] == '"';
        }
    }

    /** One byte more than the service accepts in a body (1 MiB). */
    static final int OVER_LIMIT = 1024 * 1024 + 1;

    private JsonFragments() {
    }

    /** Every fragment, once. */
    static List<Fragment> all() {
        List<Fragment> all = new ArrayList<>();
        all.addAll(hugeStrings());
        all.addAll(deepNesting());
        all.addAll(oddUnicode());
        all.addAll(numbers());
        all.addAll(wrongTypes());
        all.addAll(duplicateKeys());
        return all;
    }

    static Arbitrary<Fragment> fragments() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(hugeStrings())),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(deepNesting())),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(oddUnicode())),
                net.jqwik.api.Tuple.of(5, Arbitraries.of(numbers())),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(wrongTypes())),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(duplicateKeys())));
    }

    static List<Fragment> hugeStrings() {
        return List.of(
                Fragment.text("string of 10k chars", quoted("x".repeat(10_000))),
                Fragment.text("string of 300k chars", quoted("é".repeat(150_000))),
                new Fragment("string over the body limit", quoted("y".repeat(OVER_LIMIT)).getBytes(StandardCharsets.UTF_8),
                        Set.of(413)),
                Fragment.text("string of 100k escapes", quoted("\\u0041".repeat(100_000))));
    }

    static List<Fragment> deepNesting() {
        List<Fragment> deep = new ArrayList<>();
        for (int depth : new int[] {100, 900, 1001, 10_000}) {
            // Jackson reads at most 1000 levels: deeper is refused by the parser itself
            deep.add(depth > 1000 ? Fragment.malformed("arrays nested " + depth + " deep", "[".repeat(depth) + "]".repeat(depth))
                    : Fragment.text("arrays nested " + depth + " deep", "[".repeat(depth) + "]".repeat(depth)));
            String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            deep.add(depth > 1000 ? Fragment.malformed("objects nested " + depth + " deep", objects)
                    : Fragment.text("objects nested " + depth + " deep", objects));
        }
        deep.add(Fragment.malformed("arrays opened 10k deep, never closed", "[".repeat(10_000)));
        return deep;
    }

    static List<Fragment> oddUnicode() {
        return List.of(
                Fragment.malformed("escaped lone high surrogate", "\"\\ud800\""),
                Fragment.malformed("escaped lone low surrogate", "\"x\\udc00y\""),
                Fragment.malformed("two high surrogates", "\"\\ud800\\ud800\""),
                Fragment.malformed("reversed surrogate pair", "\"\\udc00\\ud800\""),
                Fragment.text("valid surrogate pair", "\"\\ud83d\\ude00\""),
                Fragment.text("escaped NUL", "\"a\\u0000b\""),
                Fragment.text("U+FFFF and U+FFFE", "\"\\uffff\\ufffe\""),
                Fragment.text("BOM, RTL override, ZWJ", "\"\\ufeff\\u202e\\u200d\""),
                Fragment.malformed("raw control char", "\"a\u0001b\""),
                Fragment.malformed("raw newline in string", "\"a\nb\""),
                Fragment.malformed("bad escape", "\"\\x41\""),
                Fragment.malformed("short unicode escape", "\"\\u12\""),
                Fragment.text("emoji and combining marks", "\"\uD83D\uDE00e\u0301\u0489\""),
                raw("invalid UTF-8 (C3 28)", 0xC3, 0x28),
                raw("invalid UTF-8 (FF)", 0xFF),
                raw("CESU-8 surrogate (ED A0 80)", 0xED, 0xA0, 0x80),
                raw("overlong NUL (C0 80)", 0xC0, 0x80),
                raw("truncated sequence (E2 82)", 0xE2, 0x82));
    }

    static List<Fragment> numbers() {
        List<Fragment> numbers = new ArrayList<>();
        for (String n : List.of("1e400", "-1e400", "1E-400", "-0", "-0.0", "0.0", "1e2", "1.0", "1.5",
                "9223372036854775808", "-9223372036854775809", "9223372036854775807", "2147483648",
                "-2147483649", "2147483647", "18446744073709551616")) {
            numbers.add(Fragment.text("number " + n, n));
        }
        // Not JSON numbers, or longer than the parser reads (1000 digits)
        for (String n : List.of("1" + "0".repeat(5000), "0." + "1".repeat(5000), "0x10", "NaN", "Infinity",
                "-Infinity", "01", "1.", ".5", "1e", "+1", "- 1", "1_000")) {
            numbers.add(Fragment.malformed("number " + (n.length() > 30 ? n.substring(0, 10) + "…(" + n.length() + ")" : n), n));
        }
        return numbers;
    }

    static List<Fragment> wrongTypes() {
        List<Fragment> types = new ArrayList<>();
        for (String v : List.of("true", "false", "null", "[]", "{}", "\"\"", "\" \"", "\"text\"", "0", "[1,\"a\",null]",
                "{\"a\":1}", "[{}]", "[[]]", "\"80\"")) {
            types.add(Fragment.text("value " + v, v));
        }
        return types;
    }

    static List<Fragment> duplicateKeys() {
        return List.of(
                Fragment.text("object with duplicate keys", "{\"a\":\"1\",\"a\":\"2\"}"),
                Fragment.text("array of a port with its number twice", "[{\"port\":80,\"port\":81}]"),
                Fragment.text("object with many keys", manyKeys(20_000)));
    }

    static String quoted(String s) {
        return "\"" + s + "\"";
    }

    static String manyKeys(int count) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return b.append('}').toString();
    }

    /** A string with raw bytes that are not UTF-8: refused by the parser wherever it is. */
    private static Fragment raw(String label, int... inner) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write('"');
        bytes.write('a');
        for (int b : inner) {
            bytes.write(b);
        }
        bytes.write('"');
        return new Fragment(label, bytes.toByteArray(), Set.of(400));
    }
}
