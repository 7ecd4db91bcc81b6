package io.statefulapps.embedded.apiserver.protobuf;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check Go's {@code resource.ParseQuantity} makes when the API server reads a Quantity from
 * protobuf, with its error messages. The string itself is kept as sent: Go clients send the canonical
 * form, and the embedded API server treats JSON quantities the same way.
 */
final class QuantityFormat {

    private static final String SPLIT = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";
    private static final Pattern QUANTITY = Pattern.compile(SPLIT);
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");
    private static final Pattern EXPONENT = Pattern.compile("[eE][-+]?[0-9]+");
    private static final Set<String> SUFFIXES = Set.of(
            "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M", "G", "T", "P", "E");

    private QuantityFormat() {
    }

    static String checked(String quantity) {
        Matcher parts = QUANTITY.matcher(quantity);
        if (!parts.matches()) {
            throw ProtobufDecodingException.of("quantities must match the regular expression '" + SPLIT + "'");
        }
        if (!NUMBER.matcher(parts.group(1)).matches()) {
            throw ProtobufDecodingException.of("unable to parse numeric part of quantity");
        }
        String suffix = parts.group(2);
        if (!SUFFIXES.contains(suffix) && !EXPONENT.matcher(suffix).matches()) {
            throw ProtobufDecodingException.of("unable to parse quantity's suffix");
        }
        return quantity;
    }
}
